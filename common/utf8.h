/* utf8.h - UTF-8 validation (no overlongs, no surrogates, nothing past U+10FFFF) */
#ifndef CE_UTF8_H
#define CE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Length (1..4) of the valid UTF-8 sequence at s, or 0 when it is not valid. */
size_t utf8_seq(const unsigned char *s, size_t n);
bool utf8_valid(const char *s, size_t n);
/* n, or at most max cut back to the start of a UTF-8 character. */
size_t utf8_cut(const char *s, size_t n, size_t max);
/*
 * Into sb, s with each byte of invalid UTF-8 (and each NUL when no_nul) made
 * U+FFFD.  Returns false, sb untouched, when s needs no change; false too
 * when memory ran out.
 */
bool utf8_scrub(const char *s, size_t n, bool no_nul, struct strbuf *sb);

#endif
