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

static bool known_placeholders(const char *a)
{
	static const char *const names[] = { "{src}", "{class}", "{main}", "{heap}" };
	const char *p;
	size_t i;

	for (p = strchr(a, '{'); p; p = strchr(p + 1, '{')) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (!strncmp(p, names[i], strlen(names[i])))
				break;
		if (i == sizeof(names) / sizeof(names[0]))
			return false;
	}
	return true;
}

static bool all_known(const char *const *argv)
{
	for (; argv && *argv; argv++)
		if (!known_placeholders(*argv))
			return false;
	return true;
}

static bool has_arg(const char *const *argv, const char *want)
{
	for (; argv && *argv; argv++)
		if (!strcmp(*argv, want))
			return true;
	return false;
}

/* Templates name only the placeholders the judge fills; Java and C# read their classes. */
static void test_templates(void)
{
	const struct lang *java = lang_find("java"), *cs = lang_find("csharp");
	size_t i, n;

	for (i = 0; i < nlangs; i++) {
		CU_ASSERT(known_placeholders(langs[i].src));
		CU_ASSERT(all_known(langs[i].compile));
		CU_ASSERT(all_known(langs[i].run));
		CU_ASSERT(all_known(langs[i].env));
		CU_ASSERT((unsigned)langs[i].entry < LANG_ENTRY__MAX);
	}
	/* javac wants the public class's name; java runs the class with main, by its package */
	CU_ASSERT_EQUAL(java->entry, LANG_ENTRY_JAVA);
	for (n = 0; java->run[n]; n++)
		;
	CU_ASSERT_STRING_EQUAL(java->run[n - 1], "{main}");
	CU_ASSERT_FALSE(has_arg(java->run, "{class}"));
	/* mcs is told which Main only when several types have one */
	CU_ASSERT_EQUAL(cs->entry, LANG_ENTRY_CSHARP);
	CU_ASSERT_TRUE(has_arg(cs->compile, "-main:{main}"));
	CU_ASSERT_EQUAL(lang_find("python")->entry, LANG_ENTRY_NONE);
	CU_ASSERT_EQUAL(lang_find("cpp")->entry, LANG_ENTRY_NONE);
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
	{ "templates and entry points", test_templates },
	{ "the toolchain version, cached", test_version },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("lang", tests)
