/* test_compare.c - unit tests of sandbox/compare.c: the modes, their reasons, JSON, Kattis flags */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "harness.h"

static struct strbuf why = STRBUF_INIT;
static char err[256];

static struct cmp_rule rule(enum cmp_mode mode, bool ci, double abs_tol, double rel_tol)
{
	struct cmp_rule r = {mode, ci, abs_tol, rel_tol};

	return r;
}

static const struct cmp_rule lines = CMP_RULE_INIT;
#define EXACT rule(CMP_EXACT, false, -1, -1)
#define TOKENS rule(CMP_TOKENS, false, -1, -1)
#define TOKENS_CI rule(CMP_TOKENS, true, -1, -1)
#define FLOAT rule(CMP_FLOAT, false, -1, -1)

/* Copy n bytes to the heap without a terminator: a read past n shows under ASan. */
static char *exact_copy(const char *s, size_t n)
{
	char *copy = malloc(n ? n : 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	memcpy(copy, s, n);
	return copy;
}

/*
 * cmp_match() on byte strings, with and without a reason (the verdict must
 * not depend on it); the reason of a mismatch is left in why.
 */
static bool match_n(struct cmp_rule r, const char *got, size_t gotlen, const char *want,
		    size_t wantlen)
{
	char *g = exact_copy(got, gotlen), *w = exact_copy(want, wantlen);
	bool quiet = cmp_match(&r, g, gotlen, w, wantlen, NULL);
	bool said;

	strbuf_reset(&why);
	said = cmp_match(&r, g, gotlen, w, wantlen, &why);
	CU_ASSERT_EQUAL(quiet, said);
	/* a reason exactly when there is a mismatch, on one line */
	CU_ASSERT_EQUAL(said, why.len == 0);
	CU_ASSERT_PTR_NULL(memchr(why.buf, '\n', why.len));
	free(g);
	free(w);
	return said;
}

static bool match(struct cmp_rule r, const char *got, const char *want)
{
	return match_n(r, got, strlen(got), want, strlen(want));
}

/* The reason of the last mismatch is want. */
#define ASSERT_WHY(want)                                                                          \
	do {                                                                                      \
		if (strcmp(why.buf, (want)))                                                      \
			fprintf(stderr, "\n    reason: %s\n    want: %s\n", why.buf, (want));     \
		CU_ASSERT_STRING_EQUAL(why.buf, (want));                                          \
	} while (0)

/* ---- lines ---- */

static void test_lines_exact(void)
{
	CU_ASSERT_TRUE(match(lines, "15", "15"));
	CU_ASSERT_TRUE(match(lines, "", ""));
	CU_ASSERT_FALSE(match(lines, "14", "15"));
	CU_ASSERT_FALSE(match(lines, "15", ""));
	CU_ASSERT_FALSE(match(lines, "", "15"));
	CU_ASSERT_FALSE(match(lines, "1 5", "15"));
}

static void test_lines_whitespace(void)
{
	/* trailing newline, CRLF, trailing spaces and tabs, trailing blank lines */
	CU_ASSERT_TRUE(match(lines, "15\n", "15"));
	CU_ASSERT_TRUE(match(lines, "a\r\nb\r\n", "a\nb"));
	CU_ASSERT_TRUE(match(lines, "a\nb", "a\r\nb\r\n"));
	CU_ASSERT_TRUE(match(lines, "a  \t\nb ", "a\nb"));
	CU_ASSERT_TRUE(match(lines, "a\nb\n\n\n  \n", "a\nb"));
	CU_ASSERT_TRUE(match(lines, "a\nb", "a\nb\n\n\n"));
	CU_ASSERT_TRUE(match(lines, "\n\n", ""));
	/* leading whitespace, inner whitespace and inner blank lines matter */
	CU_ASSERT_FALSE(match(lines, " a", "a"));
	CU_ASSERT_FALSE(match(lines, "a  b", "a b"));
	CU_ASSERT_FALSE(match(lines, "a\n\nb", "a\nb"));
	CU_ASSERT_FALSE(match(lines, "a\nb", "a\n\nb"));
	/* a lone CR inside a line is content */
	CU_ASSERT_FALSE(match(lines, "a\rb", "ab"));
	/* a missing or an extra non-blank line */
	CU_ASSERT_FALSE(match(lines, "a\nb\nc", "a\nb"));
	CU_ASSERT_FALSE(match(lines, "a", "a\nb"));
	/* case matters unless the rule says otherwise */
	CU_ASSERT_FALSE(match(lines, "Yes", "yes"));
	CU_ASSERT_TRUE(match(rule(CMP_LINES, true, -1, -1), "YES\r\n", "yes"));
}

static void test_lines_binary(void)
{
	/* embedded NUL bytes compare as bytes */
	CU_ASSERT_TRUE(match_n(lines, "a\0b", 3, "a\0b\n", 4));
	CU_ASSERT_FALSE(match_n(lines, "a\0b", 3, "a\0c", 3));
}

static void test_lines_why(void)
{
	struct strbuf got = STRBUF_INIT, quoted = STRBUF_INIT;
	size_t i;

	CU_ASSERT_FALSE(match(lines, "a\r\nc\r\n", "a\nb\n"));
	ASSERT_WHY("line 2: expected 'b', got 'c'");
	CU_ASSERT_FALSE(match(lines, "a\n", "a\nb\n\n"));
	ASSERT_WHY("output ends after 1 line; expected 2");
	CU_ASSERT_FALSE(match(lines, "a\n\n", "a\n\n\nd\n\n"));
	ASSERT_WHY("output ends after 2 lines; expected 4");
	CU_ASSERT_FALSE(match(lines, "a\n\n\nd\n", "a\n\n"));
	ASSERT_WHY("output has more than the expected 1 line: line 4 is 'd'");
	/* control bytes and quotes are escaped */
	CU_ASSERT_FALSE(match(lines, "it's\tx\r", "its"));
	ASSERT_WHY("line 1: expected 'its', got 'it\\'s\\tx'");
	CU_ASSERT_FALSE(match(lines, "x\x01y", "x\x02y"));
	ASSERT_WHY("line 1: expected 'x\\x02y', got 'x\\x01y'");
	/* a long line is cut on a character, invalid UTF-8 escaped byte by byte */
	CU_ASSERT_FALSE(match(lines, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80"
				     "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80"
				     "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80"
				     "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80"
				     "\x80\x80\x80\x80\x80",
			      "x"));
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "got '\\x80\\x80"));
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "\\x80...'"));
	/* 'a' and 30 times e-acute: byte 60 is inside the last one, which is left out */
	strbuf_addstr(&got, "a");
	for (i = 0; i < 30; i++)
		strbuf_addstr(&got, "\xc3\xa9");
	strbuf_addstr(&quoted, "line 1: expected 'b', got 'a");
	for (i = 0; i < 29; i++)
		strbuf_addstr(&quoted, "\xc3\xa9");
	strbuf_addstr(&quoted, "...'");
	CU_ASSERT_FALSE(match(lines, got.buf, "b"));
	ASSERT_WHY(quoted.buf);
	strbuf_release(&quoted);
	strbuf_release(&got);
}

/* ---- exact ---- */

static void test_exact(void)
{
	CU_ASSERT_TRUE(match(EXACT, "1 2\n", "1 2\n"));
	CU_ASSERT_TRUE(match(EXACT, "", ""));
	CU_ASSERT_TRUE(match_n(EXACT, "a\0b", 3, "a\0b", 3));
	CU_ASSERT_FALSE(match_n(EXACT, "a\0b", 3, "a\0c", 3));
	CU_ASSERT_FALSE(match(EXACT, "1 2", "1  2"));
	CU_ASSERT_FALSE(match(EXACT, "a\r\n", "a\n"));
	CU_ASSERT_FALSE(match(EXACT, "ABC", "abc"));
	CU_ASSERT_TRUE(match(rule(CMP_EXACT, true, -1, -1), "ABC\n", "abc\n"));
	CU_ASSERT_FALSE(match(rule(CMP_EXACT, true, -1, -1), "ABC", "abc\n"));

	/* the final newline counts, either way */
	CU_ASSERT_FALSE(match(EXACT, "15\n", "15"));
	ASSERT_WHY("output has more than the expected 2 bytes: '\\n' follows");
	CU_ASSERT_FALSE(match(EXACT, "15", "15\n"));
	ASSERT_WHY("output ends after 2 bytes; expected 3: missing '\\n'");
	CU_ASSERT_FALSE(match(EXACT, "ab\ncd\nef\n", "ab\nce\nef\n"));
	ASSERT_WHY("line 2: expected 'ce', got 'cd'");
	CU_ASSERT_FALSE(match(EXACT, "ab\r\n", "ab\n"));
	ASSERT_WHY("line 1: expected 'ab', got 'ab\\r'");
}

/* ---- tokens ---- */

static void test_tokens(void)
{
	CU_ASSERT_TRUE(match(TOKENS, "1 2\t3\r\n4\f5\v6", "1\n2\n3\n4\n5\n6\n"));
	CU_ASSERT_TRUE(match(TOKENS, "  \n\t1   2  \n\n", "1 2"));
	CU_ASSERT_TRUE(match(TOKENS, "", ""));
	CU_ASSERT_TRUE(match(TOKENS, " \r\n\t", ""));
	CU_ASSERT_FALSE(match(TOKENS, "1 23", "1 2 3"));
	CU_ASSERT_FALSE(match(TOKENS, "1 2 3", "1 23"));
	CU_ASSERT_FALSE(match(TOKENS, "Hello", "hello"));
	/* a NUL byte is not whitespace */
	CU_ASSERT_FALSE(match_n(TOKENS, "a\0b", 3, "a b", 3));
	CU_ASSERT_TRUE(match_n(TOKENS, "a\0b\n", 4, "a\0b", 3));

	CU_ASSERT_FALSE(match(TOKENS, "a b\nc", "a\nb d"));
	ASSERT_WHY("token 3: expected 'd', got 'c'");
	CU_ASSERT_FALSE(match(TOKENS, "1 2 3 4", "1 2 3 4 5"));
	ASSERT_WHY("output ends after 4 tokens; expected 5");
	CU_ASSERT_FALSE(match(TOKENS, "1 2 extra", "1 2"));
	ASSERT_WHY("output has more than the expected 2 tokens: token 3 is 'extra'");
	CU_ASSERT_FALSE(match(TOKENS, "\n", "x"));
	ASSERT_WHY("output ends after 0 tokens; expected 1");
}

static void test_tokens_ci(void)
{
	CU_ASSERT_TRUE(match(TOKENS_CI, "Hello  WORLD\n", "hello world"));
	CU_ASSERT_TRUE(match(TOKENS_CI, "YES", "yEs"));
	CU_ASSERT_FALSE(match(TOKENS_CI, "hellO", "hell0"));
	CU_ASSERT_FALSE(match(TOKENS_CI, "hello world", "hello"));
	/* ASCII letters only: É is not é */
	CU_ASSERT_FALSE(match(TOKENS_CI, "\xc3\x89", "\xc3\xa9"));
	CU_ASSERT_FALSE(match(TOKENS_CI, "[", "{"));
}

/* ---- float ---- */

static void test_float_formats(void)
{
	struct cmp_rule strict = rule(CMP_FLOAT, false, 0, 0);

	/* any formatting of the same double, with no tolerance at all */
	CU_ASSERT_TRUE(match(strict, "1e-4", "0.0001"));
	CU_ASSERT_TRUE(match(strict, "0.0001", "1E-4"));
	CU_ASSERT_TRUE(match(strict, "+.5", "0.50"));
	CU_ASSERT_TRUE(match(strict, "5.", "5"));
	CU_ASSERT_TRUE(match(strict, "000120e-2", "1.2"));
	CU_ASSERT_TRUE(match(strict, "-0", "0"));
	CU_ASSERT_TRUE(match(strict, "0", "-0.0e5"));
	CU_ASSERT_TRUE(match(rule(CMP_FLOAT, false, -1, 0), "-0", "0"));
	CU_ASSERT_FALSE(match(strict, "0.0001000001", "0.0001"));
	/* the output's token must be a number, all of it */
	CU_ASSERT_FALSE(match(FLOAT, "1.5abc", "1.5"));
	ASSERT_WHY("token 1: expected the number '1.5', got '1.5abc'");
	CU_ASSERT_FALSE(match(FLOAT, "1.5.0", "1.5"));
	CU_ASSERT_FALSE(match(FLOAT, "1e", "1"));
	CU_ASSERT_FALSE(match(FLOAT, "1e+", "1"));
	CU_ASSERT_FALSE(match(FLOAT, ".", "0"));
	CU_ASSERT_FALSE(match(FLOAT, "-", "0"));
	/* hex floats are not numbers: text on both sides */
	CU_ASSERT_FALSE(match(FLOAT, "0x1p3", "8"));
	CU_ASSERT_FALSE(match(FLOAT, "8", "0x1p3"));
	CU_ASSERT_TRUE(match(FLOAT, "0x1p3", "0x1p3"));
	CU_ASSERT_FALSE(match(FLOAT, "0X1P3", "0x1p3"));
	/* an answer token that is no number wants the same text, even where a number is given */
	CU_ASSERT_FALSE(match(FLOAT, "1.5", "abc"));
	ASSERT_WHY("token 1: expected 'abc', got '1.5'");
	CU_ASSERT_TRUE(match(FLOAT, "1e", "1e"));
	CU_ASSERT_FALSE(match(FLOAT, "1e0", "1e"));
}

static void test_float_special(void)
{
	CU_ASSERT_TRUE(match(FLOAT, "nan", "nan"));
	CU_ASSERT_TRUE(match(FLOAT, "NaN", "nan"));
	CU_ASSERT_TRUE(match(FLOAT, "-nan", "nan"));
	CU_ASSERT_FALSE(match(FLOAT, "1", "nan"));
	ASSERT_WHY("token 1: expected 'nan', got '1'");
	CU_ASSERT_FALSE(match(FLOAT, "nan", "1"));
	CU_ASSERT_FALSE(match(FLOAT, "nan(1)", "nan"));
	CU_ASSERT_FALSE(match(rule(CMP_FLOAT, false, 1e300, -1), "inf", "nan"));

	CU_ASSERT_TRUE(match(FLOAT, "inf", "inf"));
	CU_ASSERT_TRUE(match(FLOAT, "Infinity", "+INF"));
	CU_ASSERT_TRUE(match(FLOAT, "-inf", "-infinity"));
	CU_ASSERT_FALSE(match(FLOAT, "-inf", "inf"));
	CU_ASSERT_FALSE(match(FLOAT, "inf", "-inf"));
	CU_ASSERT_FALSE(match(FLOAT, "infin", "inf"));
	CU_ASSERT_FALSE(match(rule(CMP_FLOAT, false, 1e300, 1e300), "1e308", "inf"));
	CU_ASSERT_FALSE(match(rule(CMP_FLOAT, false, 1e300, 1e300), "inf", "1e308"));
	/* beyond the range of a double is not infinity */
	CU_ASSERT_FALSE(match(FLOAT, "1e400", "inf"));
	CU_ASSERT_FALSE(match(FLOAT, "inf", "1e400"));
	CU_ASSERT_FALSE(match(FLOAT, "2e308", "inf"));
	CU_ASSERT_FALSE(match(FLOAT, "2e308", "3e308"));
	CU_ASSERT_TRUE(match(FLOAT, "2e308", "2.0000001e308"));
	CU_ASSERT_TRUE(match(FLOAT, "1.7e308", "1.7000001e308"));
	CU_ASSERT_FALSE(match(FLOAT, "-1.7e308", "1.7e308"));
}

static void test_float_tolerance(void)
{
	struct cmp_rule abs6 = rule(CMP_FLOAT, false, 1e-6, -1);
	struct cmp_rule rel6 = rule(CMP_FLOAT, false, -1, 1e-6);

	CU_ASSERT_TRUE(match(abs6, "1.0000001", "1"));
	CU_ASSERT_FALSE(match(abs6, "1.01", "1"));
	CU_ASSERT_FALSE(match(abs6, "0.99", "1"));
	/* neither set: 1e-6 for both */
	CU_ASSERT_TRUE(match(FLOAT, "1.0000001", "1"));
	CU_ASSERT_TRUE(match(FLOAT, "1000000.5", "1000000"));
	CU_ASSERT_FALSE(match(FLOAT, "1.01", "1"));

	/* relative only: scaled by the answer; an unset absolute tolerance accepts nothing */
	CU_ASSERT_TRUE(match(rel6, "1000000.5", "1000000"));
	CU_ASSERT_TRUE(match(rel6, "1.0000005e300", "1e300"));
	CU_ASSERT_FALSE(match(rel6, "1000002", "1000000"));
	CU_ASSERT_FALSE(match(rel6, "1e-300", "0"));
	CU_ASSERT_TRUE(match(rel6, "0", "-0"));
	/* absolute only: large values get no slack */
	CU_ASSERT_FALSE(match(abs6, "1000000.5", "1000000"));
	CU_ASSERT_TRUE(match(abs6, "1e-7", "0"));

	CU_ASSERT_FALSE(match(FLOAT, "1 1.5", "1 1.7"));
	ASSERT_WHY("token 2: 1.5 differs from 1.7 by 0.2 (tolerance 1e-06)");
	CU_ASSERT_FALSE(match(abs6, "2", "1"));
	ASSERT_WHY("token 1: 2 differs from 1 by 1 (absolute tolerance 1e-06)");
	CU_ASSERT_FALSE(match(rule(CMP_FLOAT, false, 0.5, 1e-3), "2", "1"));
	ASSERT_WHY("token 1: 2 differs from 1 by 1 (absolute tolerance 0.5, relative 0.001)");
}

static void test_float_tokens(void)
{
	/* the tokens that are not numbers must match, case-sensitively unless told */
	CU_ASSERT_TRUE(match(FLOAT, "Case #1: 0.5000001\n", "Case #1: 0.5"));
	CU_ASSERT_FALSE(match(FLOAT, "case #1: 0.5", "Case #1: 0.5"));
	ASSERT_WHY("token 1: expected 'Case', got 'case'");
	CU_ASSERT_TRUE(match(rule(CMP_FLOAT, true, -1, -1), "case #1: 0.5", "Case #1: 0.5"));
	CU_ASSERT_FALSE(match(FLOAT, "1.5 abd", "1.5 abc"));
	/* extra, missing and no tokens */
	CU_ASSERT_FALSE(match(FLOAT, "1 2 3", "1 2"));
	ASSERT_WHY("output has more than the expected 2 tokens: token 3 is '3'");
	CU_ASSERT_FALSE(match(FLOAT, "1 2", "1 2 3"));
	ASSERT_WHY("output ends after 2 tokens; expected 3");
	CU_ASSERT_TRUE(match(FLOAT, "", ""));
	CU_ASSERT_TRUE(match(FLOAT, "\n", " "));
	CU_ASSERT_FALSE(match(FLOAT, "", "0"));
	CU_ASSERT_FALSE(match(FLOAT, "0", ""));
}

/* A token of n digits: first, then zeros, then last (when n > 1). */
static char *digits(size_t n, char first, char last)
{
	char *s = malloc(n + 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	memset(s, '0', n);
	s[0] = first;
	if (n > 1)
		s[n - 1] = last;
	s[n] = '\0';
	return s;
}

static void test_float_long(void)
{
	const size_t n = 200000;
	char *one = digits(n, '1', '0'), *one_too = digits(n, '1', '0');
	char *two = digits(n, '2', '0'), *one_plus = digits(n, '1', '1');
	char *frac = digits(n, '0', '1'), *big, *copy;
	struct strbuf tiny = STRBUF_INIT;

	/* 200000 digits: beyond a double, still compared, relative to each other */
	CU_ASSERT_TRUE(match(FLOAT, one_too, one));
	CU_ASSERT_FALSE(match(FLOAT, two, one));
	CU_ASSERT_FALSE(match(FLOAT, one, two));
	CU_ASSERT_TRUE(match(FLOAT, one_plus, one));
	CU_ASSERT_FALSE(match(rule(CMP_FLOAT, false, 1e-6, -1), two, one));
	CU_ASSERT_FALSE(match(TOKENS, one_plus, one));
	CU_ASSERT_FALSE(match(FLOAT, "1", one));
	CU_ASSERT_FALSE(match(FLOAT, "inf", one));
	/* the reason cuts the tokens */
	CU_ASSERT_FALSE(match(FLOAT, two, one));
	CU_ASSERT_TRUE(why.len < 300);
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "..."));
	CU_ASSERT_FALSE(match(TOKENS, one_plus, one));
	ASSERT_WHY("token 1, byte 199980: expected '...000000000000000000000', "
		   "got '...000000000000000000001'");

	/* 0.000...1 and 0.1000...1 in 200000 digits: within the tolerance, rounded as by strtod */
	frac[1] = '.';
	CU_ASSERT_TRUE(match(FLOAT, frac, "0"));
	CU_ASSERT_TRUE(match(rule(CMP_FLOAT, false, 0, 0), frac, "0"));
	/* too small for a double is 0, as strtod reads it: no relative tolerance tells it apart */
	CU_ASSERT_TRUE(match(rule(CMP_FLOAT, false, -1, 0), frac, "-0"));
	frac[2] = '1';
	CU_ASSERT_TRUE(match(rule(CMP_FLOAT, false, 0, 0), frac, "0.1"));
	/* 1 + 2^-53 and a little more rounds up, to the next double above 1 */
	strbuf_addstr(&tiny, "1.00000000000000011102230246251565404236316680908203125");
	CU_ASSERT_TRUE(match(rule(CMP_FLOAT, false, 0, 0), tiny.buf, "1"));
	strbuf_addstr(&tiny, "00000000000000000000000000000000000000000000000000000000000000");
	for (size_t i = 0; i < 1000; i++)
		strbuf_addstr(&tiny, "0");
	strbuf_addstr(&tiny, "1");
	CU_ASSERT_TRUE(match(rule(CMP_FLOAT, false, 0, 0), tiny.buf, "1.0000000000000002220446"));
	CU_ASSERT_FALSE(match(rule(CMP_FLOAT, false, 0, 0), tiny.buf, "1"));
	/* an exponent past any range saturates */
	CU_ASSERT_TRUE(match(FLOAT, "1e-99999999999999999999999", "0"));
	CU_ASSERT_TRUE(match(FLOAT, "1e99999999999999999999999", "10e99999999999999999999998"));
	CU_ASSERT_FALSE(match(FLOAT, "1e99999999999999999999999", "1e400"));

	/* 16 MiB in one token, and 4 MiB of short ones: linear time, no copies to overflow */
	big = digits((size_t)16 << 20, '7', '7');
	CU_ASSERT_TRUE(match(FLOAT, big, big));
	CU_ASSERT_TRUE(match(TOKENS_CI, big, big));
	CU_ASSERT_TRUE(match(EXACT, big, big));
	CU_ASSERT_TRUE(match(lines, big, big));
	for (size_t i = 0; i < ((size_t)4 << 20); i += 4)
		memcpy(big + i, "1.5\n", 4);
	big[(size_t)4 << 20] = '\0';
	CU_ASSERT_TRUE(match(FLOAT, big, big));
	CU_ASSERT_TRUE(match(TOKENS, big, big));
	copy = strdup(big);
	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	big[((size_t)4 << 20) - 2] = '6';
	CU_ASSERT_FALSE(match(FLOAT, big, copy));
	ASSERT_WHY("token 1048576: 1.6 differs from 1.5 by 0.1 (tolerance 1e-06)");
	free(copy);
	free(big);
	strbuf_release(&tiny);
	free(frac);
	free(one_plus);
	free(two);
	free(one_too);
	free(one);
}

/* ---- JSON ---- */

static bool rules_equal(const struct cmp_rule *a, const struct cmp_rule *b)
{
	return a->mode == b->mode && a->case_insensitive == b->case_insensitive &&
	       (a->abs_tol == b->abs_tol || (a->abs_tol < 0 && b->abs_tol < 0)) &&
	       (a->rel_tol == b->rel_tol || (a->rel_tol < 0 && b->rel_tol < 0));
}

/* cmp_rule_from_json() on the text of a JSON document. */
static int from_json(const char *text, struct cmp_rule *r)
{
	struct json_object *o = json_tokener_parse(text);
	int rc;

	if (strcmp(text, "null"))
		CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	strcpy(err, "");
	rc = cmp_rule_from_json(o, r, err, sizeof(err));
	json_object_put(o);
	return rc;
}

/* The document is refused with a message that names what is wrong. */
#define ASSERT_JSON_REFUSED(text, needle)                                                         \
	do {                                                                                      \
		struct cmp_rule r_;                                                               \
		CU_ASSERT_EQUAL(from_json(text, &r_), -1);                                        \
		if (!strstr(err, (needle)))                                                       \
			fprintf(stderr, "\n    %s: message '%s'\n", (text), err);                 \
		CU_ASSERT_PTR_NOT_NULL(strstr(err, (needle)));                                    \
	} while (0)

static void test_json_read(void)
{
	struct cmp_rule r;
	struct cmp_rule want;

	CU_ASSERT_EQUAL(cmp_rule_from_json(NULL, &r, err, sizeof(err)), 0);
	CU_ASSERT_TRUE(rules_equal(&r, &lines));
	CU_ASSERT_EQUAL(from_json("null", &r), 0);
	CU_ASSERT_TRUE(rules_equal(&r, &lines));
	CU_ASSERT_EQUAL(from_json("{}", &r), 0);
	CU_ASSERT_TRUE(rules_equal(&r, &lines));
	CU_ASSERT_EQUAL(from_json("{\"type\": \"exact\"}", &r), 0);
	want = EXACT;
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(from_json("{\"type\": \"tokens_ci\", \"case_insensitive\": true}", &r), 0);
	want = TOKENS_CI;
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(from_json("{\"type\": \"tokens\", \"case_insensitive\": true}", &r), 0);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(from_json("{\"type\": \"lines\", \"case_insensitive\": true}", &r), 0);
	want = rule(CMP_LINES, true, -1, -1);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	/* a float rule without tolerances gets the default, explicitly */
	CU_ASSERT_EQUAL(from_json("{\"type\": \"float\"}", &r), 0);
	want = rule(CMP_FLOAT, false, 1e-6, 1e-6);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(from_json("{\"type\": \"float\", \"float_tolerance\": 0.001}", &r), 0);
	want = rule(CMP_FLOAT, false, 1e-3, 1e-3);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(from_json("{\"type\": \"float\", \"float_relative_tolerance\": 0}", &r), 0);
	want = rule(CMP_FLOAT, false, -1, 0);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	/* the specific tolerances override float_tolerance */
	CU_ASSERT_EQUAL(from_json("{\"float_absolute_tolerance\": 1, \"type\": \"float\", "
				  "\"float_tolerance\": 0.5}",
				  &r),
			0);
	want = rule(CMP_FLOAT, false, 1, 0.5);
	CU_ASSERT_TRUE(rules_equal(&r, &want));

	/* a program judges these: not this module's, whatever else they hold */
	CU_ASSERT_EQUAL(from_json("{\"type\": \"custom\", \"source\": \"int main(){}\"}", &r),
			CMP_NOT_BUILTIN);
	CU_ASSERT_TRUE(rules_equal(&r, &lines));
	CU_ASSERT_EQUAL(from_json("{\"type\": \"interactive\"}", &r), CMP_NOT_BUILTIN);
}

static void test_json_refused(void)
{
	struct json_object *o;
	struct cmp_rule r;

	ASSERT_JSON_REFUSED("{\"type\": \"float\", \"float_tolerance\": -1e-6}", "float_tolerance");
	ASSERT_JSON_REFUSED("{\"type\": \"float\", \"float_absolute_tolerance\": -0.5}",
			    "float_absolute_tolerance");
	ASSERT_JSON_REFUSED("{\"type\": \"float\", \"float_relative_tolerance\": \"1e-6\"}",
			    "float_relative_tolerance");
	ASSERT_JSON_REFUSED("{\"type\": \"float\", \"float_tolerance\": NaN}", "float_tolerance");
	ASSERT_JSON_REFUSED("{\"type\": \"float\", \"float_tolerance\": true}", "float_tolerance");
	ASSERT_JSON_REFUSED("{\"type\": \"regex\"}", "unknown checker type 'regex'");
	ASSERT_JSON_REFUSED("{\"type\": \"Float\"}", "unknown checker type");
	ASSERT_JSON_REFUSED("{\"type\": 5}", "'type' must be a string");
	ASSERT_JSON_REFUSED("\"float\"", "must be an object");
	ASSERT_JSON_REFUSED("[{\"type\": \"float\"}]", "must be an object");
	ASSERT_JSON_REFUSED("{\"type\": \"tokens\", \"float_tolerance\": 1}",
			    "'float_tolerance' applies only to the type 'float'");
	ASSERT_JSON_REFUSED("{\"type\": \"float\", \"float_tolerence\": 1}",
			    "unknown field 'float_tolerence'");
	ASSERT_JSON_REFUSED("{\"type\": \"tokens\", \"case_insensitive\": 1}", "case_insensitive");
	ASSERT_JSON_REFUSED("{\"type\": \"tokens_ci\", \"case_insensitive\": false}", "tokens_ci");

	/* a NaN made in code, not parsed */
	o = json_object_new_object();
	json_object_object_add(o, "type", json_object_new_string("float"));
	json_object_object_add(o, "float_tolerance", json_object_new_double(NAN));
	CU_ASSERT_EQUAL(cmp_rule_from_json(o, &r, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "float_tolerance"));
	json_object_put(o);
}

/* Rules every exporter must carry across unchanged. */
static const struct cmp_rule sample[] = {
	{CMP_LINES, false, -1, -1},  {CMP_LINES, true, -1, -1},  {CMP_EXACT, false, -1, -1},
	{CMP_EXACT, true, -1, -1},   {CMP_TOKENS, false, -1, -1}, {CMP_TOKENS, true, -1, -1},
	{CMP_FLOAT, false, 1e-6, 1e-6}, {CMP_FLOAT, true, 1e-6, 1e-6}, {CMP_FLOAT, false, 1e-9, -1},
	{CMP_FLOAT, true, -1, 0.001}, {CMP_FLOAT, false, 0.25, 0.1}, {CMP_FLOAT, false, 0, 0},
	{CMP_FLOAT, false, 0.1, 1e300},
};

static void test_json_round_trip(void)
{
	struct json_object *o;
	struct cmp_rule back, dflt = FLOAT;
	const char *text;
	size_t i;

	for (i = 0; i < sizeof(sample) / sizeof(sample[0]); i++) {
		o = cmp_rule_json(&sample[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(o);
		CU_ASSERT_EQUAL(cmp_rule_from_json(o, &back, err, sizeof(err)), 0);
		if (!rules_equal(&back, &sample[i]))
			fprintf(stderr, "\n    sample %zu: %s\n", i, jsonh_text(o, NULL));
		CU_ASSERT_TRUE(rules_equal(&back, &sample[i]));
		json_object_put(o);
	}

	/* canonical names, and tolerances written as short as they read back */
	o = cmp_rule_json(&sample[5]);
	CU_ASSERT_STRING_EQUAL(jsonh_text(o, NULL), "{\"type\":\"tokens_ci\"}");
	json_object_put(o);
	o = cmp_rule_json(&sample[3]);
	CU_ASSERT_STRING_EQUAL(jsonh_text(o, NULL),
			       "{\"type\":\"exact\",\"case_insensitive\":true}");
	json_object_put(o);
	o = cmp_rule_json(&dflt);
	CU_ASSERT_STRING_EQUAL(jsonh_text(o, NULL),
			       "{\"type\":\"float\",\"float_tolerance\":1e-06}");
	json_object_put(o);
	o = cmp_rule_json(&sample[9]);
	text = jsonh_text(o, NULL);
	CU_ASSERT_STRING_EQUAL(text, "{\"type\":\"float\",\"case_insensitive\":true,"
				     "\"float_relative_tolerance\":0.001}");
	json_object_put(o);
}

/* ---- Kattis ---- */

static void test_kattis_read(void)
{
	struct cmp_rule r, want;

	CU_ASSERT_EQUAL(cmp_rule_from_kattis(NULL, &r, err, sizeof(err)), 0);
	want = TOKENS_CI;
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(cmp_rule_from_kattis(" \n", &r, err, sizeof(err)), 0);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("case_sensitive", &r, err, sizeof(err)), 0);
	want = TOKENS;
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("space_change_sensitive", &r, err, sizeof(err)), 0);
	want = rule(CMP_EXACT, true, -1, -1);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("space_change_sensitive  case_sensitive", &r, err,
					     sizeof(err)),
			0);
	want = EXACT;
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("float_tolerance 1e-6", &r, err, sizeof(err)), 0);
	want = rule(CMP_FLOAT, true, 1e-6, 1e-6);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("case_sensitive\tfloat_absolute_tolerance 0.5", &r,
					     err, sizeof(err)),
			0);
	want = rule(CMP_FLOAT, false, 0.5, -1);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
	/* later flags override earlier ones; whitespace sensitivity gives way to tolerances */
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("float_relative_tolerance 1 float_tolerance 2 "
					     "float_absolute_tolerance 3 space_change_sensitive",
					     &r, err, sizeof(err)),
			0);
	want = rule(CMP_FLOAT, true, 3, 2);
	CU_ASSERT_TRUE(rules_equal(&r, &want));
}

static void test_kattis_refused(void)
{
	static const char *const bad[] = {
		"ignore_case",
		"Case_Sensitive",
		"case_sensitive float_tolerance",
		"float_tolerance -1e-6",
		"float_tolerance abc",
		"float_tolerance nan",
		"float_tolerance inf",
		"float_tolerance 1e400",
		"float_absolute_tolerance 0x1p-20",
		"float_relative_tolerance case_sensitive",
	};
	struct cmp_rule r;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strcpy(err, "");
		CU_ASSERT_EQUAL(cmp_rule_from_kattis(bad[i], &r, err, sizeof(err)), -1);
		CU_ASSERT_NOT_EQUAL(err[0], '\0');
	}
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("case_sensitive ignore_case", &r, err, sizeof(err)),
			-1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "unknown validator flag 'ignore_case'"));
	CU_ASSERT_EQUAL(cmp_rule_from_kattis("float_tolerance -1", &r, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "'float_tolerance' needs a number"));
}

static void test_kattis_round_trip(void)
{
	char buf[CMP_KATTIS_FLAGS_MAX];
	struct cmp_rule back, want, dflt = FLOAT;
	const char *flags;
	size_t i;

	for (i = 0; i < sizeof(sample) / sizeof(sample[0]); i++) {
		flags = cmp_kattis_flags(&sample[i], buf, sizeof(buf));
		CU_ASSERT_PTR_NOT_NULL_FATAL(flags);
		CU_ASSERT_EQUAL(cmp_rule_from_kattis(flags, &back, err, sizeof(err)), 0);
		/* the default validator has no lines: tokens accept all that lines accepts */
		want = sample[i];
		if (want.mode == CMP_LINES)
			want.mode = CMP_TOKENS;
		if (!rules_equal(&back, &want))
			fprintf(stderr, "\n    sample %zu: '%s'\n", i, flags);
		CU_ASSERT_TRUE(rules_equal(&back, &want));
	}
	CU_ASSERT_STRING_EQUAL(cmp_kattis_flags(&sample[5], buf, sizeof(buf)), "");
	CU_ASSERT_STRING_EQUAL(cmp_kattis_flags(&sample[0], buf, sizeof(buf)), "case_sensitive");
	CU_ASSERT_STRING_EQUAL(cmp_kattis_flags(&sample[2], buf, sizeof(buf)),
			       "case_sensitive space_change_sensitive");
	CU_ASSERT_STRING_EQUAL(cmp_kattis_flags(&sample[7], buf, sizeof(buf)),
			       "float_tolerance 1e-06");
	CU_ASSERT_STRING_EQUAL(cmp_kattis_flags(&sample[10], buf, sizeof(buf)),
			       "case_sensitive float_absolute_tolerance 0.25 "
			       "float_relative_tolerance 0.1");
	CU_ASSERT_STRING_EQUAL(cmp_kattis_flags(&dflt, buf, sizeof(buf)),
			       "case_sensitive float_tolerance 1e-06");
	/* too small a buffer is no truncated flag */
	CU_ASSERT_PTR_NULL(cmp_kattis_flags(&sample[10], buf, 20));
	CU_ASSERT_PTR_NULL(cmp_kattis_flags(&sample[0], buf, 14));
	CU_ASSERT_PTR_NOT_NULL(cmp_kattis_flags(&sample[0], buf, 15));
	CU_ASSERT_PTR_NULL(cmp_kattis_flags(&sample[0], buf, 0));
}

static int cleanup(void)
{
	strbuf_release(&why);
	return 0;
}

static CU_TestInfo tests[] = {
	{ "lines: exact text", test_lines_exact },
	{ "lines: whitespace", test_lines_whitespace },
	{ "lines: binary", test_lines_binary },
	{ "lines: reasons", test_lines_why },
	{ "exact", test_exact },
	{ "tokens", test_tokens },
	{ "tokens_ci", test_tokens_ci },
	{ "float: formats", test_float_formats },
	{ "float: nan and inf", test_float_special },
	{ "float: tolerances", test_float_tolerance },
	{ "float: text tokens", test_float_tokens },
	{ "float: long tokens", test_float_long },
	{ "json: read", test_json_read },
	{ "json: refused", test_json_refused },
	{ "json: round trip", test_json_round_trip },
	{ "kattis: read", test_kattis_read },
	{ "kattis: refused", test_kattis_refused },
	{ "kattis: round trip", test_kattis_round_trip },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("compare", tests, NULL, cleanup);
}
