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

static CU_TestInfo tests[] = {
	{ "one sequence: valid, short, overlong, surrogate, too high", test_seq },
	{ "a whole string", test_valid },
	{ "a cut falls on a character boundary", test_cut },
	{ "scrub: U+FFFD for each bad byte, and for NUL when asked", test_scrub },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("utf8", tests)
