/* util.c - small system helpers shared by the launcher and the judge */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int fail_errno(char *err, size_t errlen, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;
	size_t n;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
		n = strlen(err);
		snprintf(err + n, errlen - n, ": %s", strerror(saved));
	}
	errno = saved;
	return -1;
}

uint64_t mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW), r;

	if (fd < 0)
		return -1;
	r = write_all(fd, text, strlen(text));
	if (close(fd) < 0)
		r = -1;
	return r;
}

ssize_t read_small(int fd, char *buf, size_t len)
{
	ssize_t n;

	do
		n = pread(fd, buf, len - 1, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

int env_int(const char *name, int dflt, int lo, int hi)
{
	const char *v = getenv(name);
	long x;

	if (!v || !*v)
		return dflt;
	x = strtol(v, NULL, 10);
	return x < lo ? lo : x > hi ? hi : (int)x;
}

int env_int_exact(const char *name, int dflt, int lo, int hi)
{
	const char *v = getenv(name);
	char *end;
	long x;

	if (!v || !*v)
		return dflt;
	errno = 0;
	x = strtol(v, &end, 10);
	return errno || *end || x < lo || x > hi ? dflt : (int)x;
}

void hex_encode(const unsigned char *b, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 15];
	}
	out[2 * n] = '\0';
}

int random_hex(char *out, size_t n)
{
	unsigned char b[64];
	size_t got = 0;
	ssize_t k;

	if (n > sizeof(b))
		return -1;
	while (got < n) {
		k = getrandom(b + got, n - got, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		got += (size_t)k;
	}
	hex_encode(b, n, out);
	return 0;
}
