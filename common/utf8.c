/* utf8.c - UTF-8 validation */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/*
 * Length of the run of ASCII bytes at p (with no NUL among them when
 * no_nul), eight bytes at a time: tests' inputs and outputs are mostly ASCII.
 */
static size_t ascii_run(const unsigned char *p, size_t n, bool no_nul)
{
	const uint64_t high = 0x8080808080808080ull, low = 0x0101010101010101ull;
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		/* a byte with its top bit set, or (the classic test) a zero byte */
		if ((w & high) || (no_nul && ((w - low) & ~w & high)))
			break;
	}
	while (i < n && p[i] < 0x80 && (p[i] || !no_nul))
		i++;
	return i;
}

size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, cp = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF are not UTF-8 */
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		i += ascii_run(p + i, n - i, false);
		if (i == n)
			break;
		k = utf8_seq(p + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

size_t utf8_cut(const char *s, size_t n, size_t max)
{
	size_t cut = max;

	if (n <= max)
		return n;
	while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

/* Length of the valid character at p (0: replace it). */
static size_t keep(const unsigned char *p, size_t n, bool no_nul)
{
	return no_nul && !*p ? 0 : utf8_seq(p, n);
}

bool utf8_scrub(const char *s, size_t n, bool no_nul, struct strbuf *sb)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	for (;;) {
		i += ascii_run(p + i, n - i, no_nul);
		if (i == n || (k = keep(p + i, n - i, no_nul)) == 0)
			break;
		i += k;
	}
	if (i == n || strbuf_add(sb, s, i) < 0)
		return false;
	while (i < n) {
		/* a run of ASCII, else one character, else one byte replaced */
		k = ascii_run(p + i, n - i, no_nul);
		if (!k)
			k = keep(p + i, n - i, no_nul);
		if (k ? strbuf_add(sb, s + i, k) < 0 : strbuf_addstr(sb, "\xEF\xBF\xBD") < 0)
			return false;
		i += k ? k : 1;
	}
	return true;
}
