/* uuid.c - random RFC 4122 version 4 UUIDs, and their text form checked */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "util.h"
#include "uuid.h"

void uuid_v4(char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	size_t got = 0;
	ssize_t n;
	int i, j = 0;

	while (got < sizeof(b)) {
		n = getrandom(b + got, sizeof(b) - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			/* getrandom only fails before the pool is seeded; fall back to time */
			memset(b + got, 0, sizeof(b) - got);
			uint64_t t = mono_us() ^ (uint64_t)getpid() << 32;
			memcpy(b, &t, sizeof(t));
			break;
		}
		got += (size_t)n;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[j++] = '-';
		out[j++] = hex[b[i] >> 4];
		out[j++] = hex[b[i] & 15];
	}
	out[j] = '\0';
}

bool uuid_valid(const char *s)
{
	size_t i;

	if (strlen(s) != 36)
		return false;
	/* 8-4-4-4-12: a dash exactly at 8, 13, 18 and 23, a hex digit everywhere else */
	for (i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !strchr("0123456789abcdefABCDEF", s[i]))
			return false;
	}
	return true;
}
