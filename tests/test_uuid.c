/* test_uuid.c - unit tests of common/uuid.c, random version 4 UUIDs */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "uuid.h"

static int by_text(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void test_shape(void)
{
	char u[37];
	int i, k;

	for (k = 0; k < 200; k++) {
		memset(u, 'Z', sizeof(u));
		uuid_v4(u);
		CU_ASSERT_EQUAL(strlen(u), 36);
		for (i = 0; i < 36; i++) {
			bool dash = i == 8 || i == 13 || i == 18 || i == 23;

			CU_ASSERT(dash ? u[i] == '-'
				       : isxdigit((unsigned char)u[i]) && !isupper((unsigned char)u[i]));
		}
		/* version 4, RFC 4122 variant */
		CU_ASSERT_EQUAL(u[14], '4');
		CU_ASSERT_PTR_NOT_NULL(strchr("89ab", u[19]));
	}
}

static void test_unique(void)
{
	static char all[2000][37];
	int i, dup = 0;

	for (i = 0; i < 2000; i++)
		uuid_v4(all[i]);
	qsort(all, 2000, sizeof(all[0]), by_text);
	for (i = 1; i < 2000; i++)
		dup += !strcmp(all[i - 1], all[i]);
	CU_ASSERT_EQUAL(dup, 0);
}

static CU_TestInfo tests[] = {
	{ "lower-case RFC 4122 version 4 text", test_shape },
	{ "2000 in a row are all different", test_unique },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("uuid", tests)
