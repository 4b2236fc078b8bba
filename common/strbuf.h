/*
 * strbuf.h - a growable byte buffer that is always NUL-terminated
 *
 * Rules: after strbuf_init() the buffer is never NULL (an empty buffer points
 * at a shared empty string), `buf[len]` is always '\0', and the memory belongs
 * to the strbuf until strbuf_detach() hands it to the caller.  Allocation
 * failure is reported by the return value (-1) and leaves the buffer as it was.
 */
#ifndef CE_STRBUF_H
#define CE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { strbuf_empty, 0, 0 }

extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb);
/* Free the memory and leave an empty, usable buffer. */
void strbuf_release(struct strbuf *sb);
/* Make room for `extra` more bytes (plus the NUL). */
int strbuf_grow(struct strbuf *sb, size_t extra);
int strbuf_add(struct strbuf *sb, const void *data, size_t len);
int strbuf_addstr(struct strbuf *sb, const char *s);
int strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_reset(struct strbuf *sb);
/* Cut to `len` bytes (no-op when already shorter). */
void strbuf_setlen(struct strbuf *sb, size_t len);
/* Return the malloc'd string (never NULL unless out of memory) and reset sb. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
/* Replace every occurrence of `from` by `to`. */
int strbuf_replace_all(struct strbuf *sb, const char *from, const char *to);
/*
 * Append what fd gives until end of file, or stop once more than max bytes
 * were appended (the caller sees it by the length).  0, or -1 on a read
 * error or when memory ran out (errno says which).
 */
int strbuf_read_fd(struct strbuf *sb, int fd, size_t max);
/*
 * Append the whole file at path, opened with the caller's own rights: 0, or
 * -1 when it cannot be opened or read, or holds more than max bytes (EFBIG).
 */
int strbuf_read_file(struct strbuf *sb, const char *path, size_t max);

#endif
