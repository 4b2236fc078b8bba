/* test_lang.c - unit tests of common/lang.c, the language table of SPEC section 2 */
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "lang.h"

static void test_the_six(void)
{
	static const char *const ids[] = { "python", "java", "cpp", "c", "javascript", "csharp" };
	size_t i;

	CU_ASSERT_EQUAL(nlangs, 6);
	for (i = 0; i < 6; i++) {
		const struct lang *l = lang_find(ids[i]);

		CU_ASSERT_PTR_NOT_NULL_FATAL(l);
		CU_ASSERT_STRING_EQUAL(l->id, ids[i]);
	}
	CU_ASSERT_PTR_NULL(lang_find("Python"));
	CU_ASSERT_PTR_NULL(lang_find("python "));
	CU_ASSERT_PTR_NULL(lang_find(""));
	CU_ASSERT_PTR_NULL(lang_find("rust"));
}

/* Every entry is whole: a name, a source file, a run command by absolute path, an id used once. */
static void test_entries(void)
{
	size_t i, j;

	for (i = 0; i < nlangs; i++) {
		const struct lang *l = &langs[i];

		CU_ASSERT(l->name && *l->name);
		CU_ASSERT(l->src && strchr(l->src, '.') != NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(l->run);
		CU_ASSERT(l->run[0] && l->run[0][0] == '/');
		CU_ASSERT(!l->compile || (l->compile[0] && l->compile[0][0] == '/'));
		CU_ASSERT(l->version && l->version[0] && l->version[0][0] == '/');
		CU_ASSERT(l->run_pids > 0);
		for (j = i + 1; j < nlangs; j++)
			CU_ASSERT(strcmp(l->id, langs[j].id) != 0);
	}
	/* the interpreted ones are checked, not built: python has a syntax check, javascript none */
	CU_ASSERT_PTR_NOT_NULL(lang_find("python")->compile);
	CU_ASSERT_PTR_NOT_NULL(lang_find("cpp")->compile);
	CU_ASSERT_STRING_EQUAL(lang_find("java")->src, "{class}.java");
}

/* The toolchain's version line, read once and cached. */
static void test_version(void)
{
	const struct lang *py = lang_find("python");
	const char *v = lang_version(py);

	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	if (access("/usr/bin/python3", X_OK) == 0) {
		CU_ASSERT_EQUAL(strncmp(v, "Python 3", 8), 0);
		CU_ASSERT_PTR_NULL(strchr(v, '\n'));
	}
	CU_ASSERT_PTR_EQUAL(lang_version(py), v);
	CU_ASSERT_STRING_EQUAL(lang_version(&langs[nlangs]), "");
}

static CU_TestInfo tests[] = {
	{ "the six languages by id, nothing else", test_the_six },
	{ "every entry is whole", test_entries },
	{ "the toolchain version, cached", test_version },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("lang", tests)
