/*
 * util.h - small system helpers, linked into both the launcher and the judge
 */
#ifndef CE_UTIL_H
#define CE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Format into err (may be NULL) and return -1, so callers can `return fail(...)`. */
int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* As fail(), with ": strerror(errno)" appended. */
int fail_errno(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
uint64_t mono_us(void);
/* The environment variable name as an int, dflt when unset or empty, clamped to [lo, hi]. */
int env_int(const char *name, int dflt, int lo, int hi);
/* As env_int(), but dflt as well for anything that is not a number within [lo, hi]. */
int env_int_exact(const char *name, int dflt, int lo, int hi);
/* Write the whole buffer, retrying on EINTR and short writes. */
int write_all(int fd, const void *buf, size_t len);
/* Write a short string to a file that already exists (cgroup and /proc knobs); never follows a link. */
int write_file(const char *path, const char *text);
/* The n bytes of b as 2n lowercase hex digits and a NUL into out. */
void hex_encode(const unsigned char *b, size_t n, char *out);
/* n random bytes from the kernel as 2n hex digits and a NUL into out; -1 when it has none. */
int random_hex(char *out, size_t n);
/* Read at most len-1 bytes of a small file at offset 0; NUL-terminates. */
ssize_t read_small(int fd, char *buf, size_t len);

#endif
