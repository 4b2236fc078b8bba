/* test_auth.c - unit tests of auth.c's pure functions: tokens and yescrypt passwords */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "harness.h"
#include "pg.h"

static void test_token(void)
{
	char a[TOKEN_HEX_LEN + 2], b[TOKEN_HEX_LEN + 2];
	int i;

	memset(a, 'Z', sizeof(a));
	memset(b, 'Z', sizeof(b));
	CU_ASSERT_EQUAL(auth_new_token(a), 0);
	CU_ASSERT_EQUAL(auth_new_token(b), 0);
	CU_ASSERT_EQUAL(strlen(a), TOKEN_HEX_LEN);
	CU_ASSERT_EQUAL(strlen(b), TOKEN_HEX_LEN);
	CU_ASSERT_EQUAL(strspn(a, "0123456789abcdef"), TOKEN_HEX_LEN);
	CU_ASSERT_EQUAL(strspn(b, "0123456789abcdef"), TOKEN_HEX_LEN);
	CU_ASSERT_EQUAL(a[TOKEN_HEX_LEN + 1], 'Z');
	CU_ASSERT_STRING_NOT_EQUAL(a, b);
	/* random: over 32 tokens every hex digit shows up */
	{
		unsigned seen = 0;

		for (i = 0; i < 32; i++) {
			const char *p;

			CU_ASSERT_EQUAL(auth_new_token(a), 0);
			for (p = a; *p; p++)
				seen |= 1u << (*p <= '9' ? *p - '0' : *p - 'a' + 10);
		}
		CU_ASSERT_EQUAL(seen, 0xffffu);
	}
}

static char hash1[256], hash2[256];

static void test_hash(void)
{
	CU_ASSERT_EQUAL(auth_hash_password("correct horse", hash1, sizeof(hash1)), 0);
	CU_ASSERT_EQUAL(strncmp(hash1, "$y$", 3), 0);
	CU_ASSERT_TRUE(strlen(hash1) < 128);
	CU_ASSERT_EQUAL(auth_hash_password("correct horse", hash2, sizeof(hash2)), 0);
	CU_ASSERT_EQUAL(strncmp(hash2, "$y$", 3), 0);
	/* salted: the same password hashes differently */
	CU_ASSERT_STRING_NOT_EQUAL(hash1, hash2);
	/* the password is not in the hash */
	CU_ASSERT_PTR_NULL(strstr(hash1, "correct"));
}

static void test_check(void)
{
	char h[256], longpw[1001];

	CU_ASSERT_TRUE(auth_check_password("correct horse", hash1));
	CU_ASSERT_TRUE(auth_check_password("correct horse", hash2));
	CU_ASSERT_FALSE(auth_check_password("correct horsf", hash1));
	CU_ASSERT_FALSE(auth_check_password("Correct horse", hash1));
	CU_ASSERT_FALSE(auth_check_password("correct horse ", hash1));
	CU_ASSERT_FALSE(auth_check_password("correct", hash1));
	CU_ASSERT_FALSE(auth_check_password("", hash1));

	/* long passwords work up to libxcrypt's CRYPT_MAX_PASSPHRASE_SIZE (512) */
	memset(longpw, 'p', sizeof(longpw) - 1);
	longpw[500] = '\0';
	CU_ASSERT_EQUAL_FATAL(auth_hash_password(longpw, h, sizeof(h)), 0);
	CU_ASSERT_TRUE(auth_check_password(longpw, h));
	longpw[499] = 'q';
	CU_ASSERT_FALSE(auth_check_password(longpw, h));
	/* past it hashing fails rather than truncating, and nothing verifies */
	longpw[499] = 'p';
	memset(longpw, 'p', sizeof(longpw) - 1);
	longpw[sizeof(longpw) - 1] = '\0';
	CU_ASSERT_EQUAL(auth_hash_password(longpw, h, sizeof(h)), -1);
	CU_ASSERT_FALSE(auth_check_password(longpw, hash1));
}

static void test_check_bad_hash(void)
{
	char cut[256];

	CU_ASSERT_FALSE(auth_check_password("correct horse", ""));
	CU_ASSERT_FALSE(auth_check_password("", ""));
	CU_ASSERT_FALSE(auth_check_password("correct horse", "garbage"));
	CU_ASSERT_FALSE(auth_check_password("correct horse", "$y$"));
	CU_ASSERT_FALSE(auth_check_password("correct horse", "*"));
	CU_ASSERT_FALSE(auth_check_password("correct horse", "*0"));
	CU_ASSERT_FALSE(auth_check_password("correct horse", "!"));
	CU_ASSERT_FALSE(auth_check_password("correct horse", "$y$j9T$$"));
	/* a hash cut short or altered does not verify */
	snprintf(cut, sizeof(cut), "%s", hash1);
	cut[strlen(cut) - 1] = '\0';
	CU_ASSERT_FALSE(auth_check_password("correct horse", cut));
	snprintf(cut, sizeof(cut), "%s", hash1);
	cut[strlen(cut) - 1] = cut[strlen(cut) - 1] == 'A' ? 'B' : 'A';
	CU_ASSERT_FALSE(auth_check_password("correct horse", cut));
	/* only the setting part of a hash (salt without the digest) does not verify */
	snprintf(cut, sizeof(cut), "%s", hash1);
	*strrchr(cut, '$') = '\0';
	CU_ASSERT_FALSE(auth_check_password("correct horse", cut));
	strcat(cut, "$");
	CU_ASSERT_FALSE(auth_check_password("correct horse", cut));
}

static void test_hash_small_buffer(void)
{
	char small[16];

	memset(small, 'Z', sizeof(small));
	CU_ASSERT_EQUAL(auth_hash_password("pw", small, sizeof(small)), -1);
}

/* The recruiter's account: login issues a token that authenticates until logout. */
static void test_login_logout(void)
{
	char hash[256], token[TOKEN_HEX_LEN + 1], other[TOKEN_HEX_LEN + 1];

	CU_ASSERT_EQUAL(auth_admin_exists(), 0);
	CU_ASSERT_EQUAL_FATAL(auth_hash_password("right horse", hash, sizeof(hash)), 0);
	CU_ASSERT_EQUAL(auth_create_admin("admin", hash), DB_OK);
	CU_ASSERT_EQUAL(auth_admin_exists(), 1);
	/* a second create keeps the first password */
	CU_ASSERT_EQUAL_FATAL(auth_hash_password("other", hash, sizeof(hash)), 0);
	CU_ASSERT_EQUAL(auth_create_admin("admin", hash), DB_OK);
	CU_ASSERT_EQUAL_FATAL(auth_new_token(token), 0);
	CU_ASSERT_EQUAL_FATAL(auth_new_token(other), 0);
	CU_ASSERT_EQUAL(auth_login("admin", "other", other, 1), 0);
	CU_ASSERT_EQUAL(auth_login("nobody", "right horse", other, 1), 0);
	CU_ASSERT_EQUAL(auth_login("admin", "right horse", token, 1), 1);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM admin_token", NULL), "1");
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM admin_token WHERE token_hash ="
					" sha256(convert_to($1, 'UTF8')) AND expires_at > now() + interval '59 minutes'",
					token),
			       "1");
	CU_ASSERT_EQUAL(auth_logout(token), 0);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM admin_token", NULL), "0");
}

static CU_TestInfo tests[] = {
	{ "new token", test_token },
	{ "hash password", test_hash },
	{ "check password", test_check },
	{ "empty or garbage hash", test_check_bad_hash },
	{ "hash into a small buffer", test_hash_small_buffer },
	{ "login, logout, the first admin", test_login_logout },
	CU_TEST_INFO_NULL,
};

static int suite_init(void)
{
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

int main(void)
{
	return test_main("auth", tests, suite_init, pg_suite_cleanup);
}
