/*
 * test_utf8.c - UTF-8 of common/utf8.c: what is valid, where a cut may fall, the scrubber
 */
#include <string.h>

#include "harness.h"
#include "utf8.h"

#define S(lit) lit, sizeof(lit) - 1

static void test_seq(void)
{
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"a", 1), 1);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xc3\xa9", 2), 2);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xe2\x82\xac", 3), 3);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xf0\x9f\x98\x80", 4), 4);
	/* cut short, a lone continuation byte, overlong forms, surrogates, past U+10FFFF */
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xc3\xa9", 1), 0);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\x80", 1), 0);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xc0\xaf", 2), 0);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xe0\x80\xaf", 3), 0);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xed\xa0\x80", 3), 0);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xf4\x90\x80\x80", 4), 0);
	CU_ASSERT_EQUAL(utf8_seq((const unsigned char *)"\xff", 1), 0);
}

static void test_valid(void)
{
	CU_ASSERT_TRUE(utf8_valid(S("")));
	CU_ASSERT_TRUE(utf8_valid(S("caf\xc3\xa9 \xe2\x82\xac")));
	/* NUL is a character like any other here */
	CU_ASSERT_TRUE(utf8_valid(S("a\0b")));
	CU_ASSERT_FALSE(utf8_valid(S("caf\xc3")));
	CU_ASSERT_FALSE(utf8_valid(S("\xed\xbf\xbf")));
}

static void test_cut(void)
{
	const char *s = "ab\xe2\x82\xac" "c";	/* a b € c: 6 bytes */

	CU_ASSERT_EQUAL(utf8_cut(s, 6, 100), 6);
	CU_ASSERT_EQUAL(utf8_cut(s, 6, 6), 6);
	CU_ASSERT_EQUAL(utf8_cut(s, 6, 5), 5);
	/* never inside the euro sign */
	CU_ASSERT_EQUAL(utf8_cut(s, 6, 4), 2);
	CU_ASSERT_EQUAL(utf8_cut(s, 6, 3), 2);
	CU_ASSERT_EQUAL(utf8_cut(s, 6, 2), 2);
	CU_ASSERT_EQUAL(utf8_cut(s, 6, 0), 0);
}

static void test_scrub(void)
{
	struct strbuf sb = STRBUF_INIT;

	/* nothing to change: false, and sb untouched */
	CU_ASSERT_FALSE(utf8_scrub(S("caf\xc3\xa9"), false, &sb));
	CU_ASSERT_EQUAL(sb.len, 0);
	CU_ASSERT_FALSE(utf8_scrub(S("a\0b"), false, &sb));
	/* each bad byte becomes one U+FFFD; NUL too when asked */
	CU_ASSERT_TRUE(utf8_scrub(S("a\xff" "b\xc3"), false, &sb));
	CU_ASSERT_EQUAL(sb.len, 8);
	CU_ASSERT_EQUAL(memcmp(sb.buf, "a\xef\xbf\xbd" "b\xef\xbf\xbd", 8), 0);
	strbuf_reset(&sb);
	CU_ASSERT_TRUE(utf8_scrub(S("a\0b"), true, &sb));
	CU_ASSERT_STRING_EQUAL(sb.buf, "a\xef\xbf\xbd" "b");
	CU_ASSERT_TRUE(utf8_valid(sb.buf, sb.len));
	strbuf_release(&sb);
}

/*
 * ASCII goes eight bytes at a time: one bad byte, one NUL or one two-byte
 * character at each place of a 40-byte ASCII string, across those words.
 */
static void test_every_place(void)
{
	char s[41], want[48];
	struct strbuf sb = STRBUF_INIT;
	size_t j;

	for (j = 0; j < 40; j++) {
		memset(s, 'x', 40);
		s[40] = '\0';
		s[j] = '\xff';
		CU_ASSERT_FALSE(utf8_valid(s, 40));
		strbuf_reset(&sb);
		CU_ASSERT_TRUE(utf8_scrub(s, 40, false, &sb));
		snprintf(want, sizeof(want), "%.*s\xef\xbf\xbd%s", (int)j, s, s + j + 1);
		CU_ASSERT_TRUE(sb.len == 42 && !memcmp(sb.buf, want, 42));

		s[j] = '\0';
		CU_ASSERT_TRUE(utf8_valid(s, 40));
		strbuf_reset(&sb);
		CU_ASSERT_FALSE(utf8_scrub(s, 40, false, &sb));
		CU_ASSERT_TRUE(utf8_scrub(s, 40, true, &sb));
		CU_ASSERT_TRUE(sb.len == 42 && !memcmp(sb.buf, want, 42));

		if (j + 1 < 40) {
			memset(s, 'x', 40);
			memcpy(s + j, "\xc3\xa9", 2);
			CU_ASSERT_TRUE(utf8_valid(s, 40));
			CU_ASSERT_FALSE(utf8_scrub(s, 40, true, &sb));
			/* cut short by the end of the string */
			CU_ASSERT_FALSE(utf8_valid(s, j + 1));
		}
	}
	strbuf_release(&sb);
}

static CU_TestInfo tests[] = {
	{ "one sequence: valid, short, overlong, surrogate, too high", test_seq },
	{ "a whole string", test_valid },
	{ "a cut falls on a character boundary", test_cut },
	{ "scrub: U+FFFD for each bad byte, and for NUL when asked", test_scrub },
	{ "a bad byte, a NUL or a character at each place of an ASCII string", test_every_place },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("utf8", tests)
