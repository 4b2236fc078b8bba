/*
 * test_package.c - unit tests of fcgi-app/package.c and kattis.c: problem packages read from
 * directories and zips (hostile ones refused), the question document they import to, and
 * export back (import(export(doc)) == doc)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "harness.h"
#include "judge0.h"
#include "jsonh.h"
#include "kattis.h"
#include "package.h"
#include "yamldoc.h"

static char err[512];

/* The last call failed with a message holding `want`. */
#define ASSERT_ERR(want)                                                                           \
	do {                                                                                       \
		if (!strstr(err, (want)))                                                          \
			fprintf(stderr, "\n    error '%s', want '%s'\n", err, (want));             \
		CU_ASSERT_PTR_NOT_NULL(strstr(err, (want)));                                       \
	} while (0)

/* ---- packages on disk ---- */

static char *tmp_dir(void)
{
	char *d = strdup("/tmp/ce-pkg-XXXXXX");

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(d));
	return d;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

static void rm_dir(char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

/* dir/rel, its parent directories made. */
static void path_in(const char *dir, const char *rel, char *path, size_t size)
{
	char *s;

	snprintf(path, size, "%s/%s", dir, rel);
	for (s = path + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(path, 0755);
		*s = '/';
	}
}

static void put_n(const char *dir, const char *rel, const void *data, size_t n)
{
	char path[1024];
	int fd;

	path_in(dir, rel, path, sizeof(path));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(write(fd, data, n) == (ssize_t)n);
	close(fd);
}

static void put(const char *dir, const char *rel, const char *text)
{
	put_n(dir, rel, text, strlen(text));
}

static void put_link(const char *dir, const char *rel, const char *target)
{
	char path[1024];

	path_in(dir, rel, path, sizeof(path));
	CU_ASSERT_FATAL(symlink(target, path) == 0);
}

/* ---- zips ---- */

struct zb {
	zip_source_t *src;
	zip_t *za;
};

static void zb_open(struct zb *z)
{
	zip_error_t ze;

	zip_error_init(&ze);
	z->src = zip_source_buffer_create(NULL, 0, 0, &ze);
	CU_ASSERT_PTR_NOT_NULL_FATAL(z->src);
	z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &ze);
	CU_ASSERT_PTR_NOT_NULL_FATAL(z->za);
	zip_source_keep(z->src);
	zip_error_fini(&ze);
}

static zip_int64_t zb_add(struct zb *z, const char *name, const void *data, size_t n)
{
	void *copy = n ? malloc(n) : NULL;
	zip_source_t *s;
	zip_int64_t idx;

	if (n)
		memcpy(copy, data, n);
	s = zip_source_buffer(z->za, copy, n, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	idx = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8);
	CU_ASSERT_FATAL(idx >= 0);
	return idx;
}

static void zb_put(struct zb *z, const char *name, const char *text)
{
	zb_add(z, name, text, strlen(text));
}

static void zb_link(struct zb *z, const char *name, const char *target)
{
	zip_int64_t idx = zb_add(z, name, target, strlen(target));

	CU_ASSERT(zip_file_set_external_attributes(z->za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
						   (zip_uint32_t)(S_IFLNK | 0777) << 16) == 0);
}

/* The archive's bytes (caller releases). */
static struct strbuf zb_close(struct zb *z)
{
	struct strbuf out = STRBUF_INIT;
	zip_stat_t st;
	char buf[1 << 16];
	zip_int64_t n;

	CU_ASSERT_FATAL(zip_close(z->za) == 0);
	zip_stat_init(&st);
	CU_ASSERT_FATAL(zip_source_open(z->src) == 0);
	while ((n = zip_source_read(z->src, buf, sizeof(buf))) > 0)
		strbuf_add(&out, buf, (size_t)n);
	zip_source_close(z->src);
	zip_source_free(z->src);
	return out;
}

/* A zip of the tree at dir, under the top directory top ("" for none); links stay links. */
static struct zb *walk_zb;
static size_t walk_skip;
static const char *walk_top;

static int zip_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	char name[1024], target[1024];
	struct strbuf data = STRBUF_INIT;
	ssize_t n;

	(void)f;
	if (strlen(path) <= walk_skip)
		return 0;
	snprintf(name, sizeof(name), "%s%s%s", walk_top, *walk_top ? "/" : "",
	         path + walk_skip + 1);
	if (flag == FTW_SL) {
		n = readlink(path, target, sizeof(target) - 1);
		target[n < 0 ? 0 : n] = '\0';
		zb_link(walk_zb, name, target);
	} else if (flag == FTW_F && S_ISREG(st->st_mode)) {
		CU_ASSERT(strbuf_read_file(&data, path, 1 << 26) == 0);
		zb_add(walk_zb, name, data.buf, data.len);
		strbuf_release(&data);
	} else if (flag == FTW_D) {
		zip_dir_add(walk_zb->za, name, ZIP_FL_ENC_UTF_8);
	}
	return 0;
}

static struct strbuf zip_of(const char *dir, const char *top)
{
	struct zb z;

	zb_open(&z);
	walk_zb = &z;
	walk_skip = strlen(dir);
	walk_top = top;
	if (*top)
		zip_dir_add(z.za, top, ZIP_FL_ENC_UTF_8);
	nftw(dir, zip_one, 16, FTW_PHYS);
	return zb_close(&z);
}

/* ---- importing ---- */

static struct json_object *import_dir(const char *dir)
{
	struct json_object *doc;
	struct pkg p;

	strcpy(err, "");
	if (pkg_read_dir(dir, &p, err, sizeof(err)) != PKG_OK)
		return NULL;
	doc = kattis_import(&p, err, sizeof(err));
	pkg_release(&p);
	return doc;
}

static struct json_object *import_zip(const struct strbuf *zip)
{
	struct json_object *doc;
	struct pkg p;

	strcpy(err, "");
	if (pkg_read_zip(zip->buf, zip->len, &p, err, sizeof(err)) != PKG_OK)
		return NULL;
	doc = kattis_import(&p, err, sizeof(err));
	pkg_release(&p);
	return doc;
}

static struct json_object *get(struct json_object *o, const char *path)
{
	char key[128];
	const char *dot;

	while (o && *path) {
		dot = strchr(path, '.');
		snprintf(key, sizeof(key), "%.*s", (int)(dot ? (size_t)(dot - path) : strlen(path)),
		         path);
		if (json_object_is_type(o, json_type_array))
			o = json_object_array_get_idx(o, (size_t)atoi(key));
		else if (!json_object_object_get_ex(o, key, &o))
			return NULL;
		path = dot ? dot + 1 : "";
	}
	return o;
}

static const char *gstr(struct json_object *o, const char *path)
{
	struct json_object *v = get(o, path);

	return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static long long gint(struct json_object *o, const char *path)
{
	struct json_object *v = get(o, path);

	return v ? json_object_get_int64(v) : -999;
}

static double gnum(struct json_object *o, const char *path)
{
	struct json_object *v = get(o, path);

	return v ? json_object_get_double(v) : -999;
}

static size_t glen(struct json_object *o, const char *path)
{
	struct json_object *v = get(o, path);

	return v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
}

#define ASSERT_STR(o, path, want)                                                                  \
	do {                                                                                       \
		const char *s_ = gstr((o), (path));                                                \
		if (!s_ || strcmp(s_, (want)))                                                     \
			fprintf(stderr, "\n    %s = '%s', want '%s'\n", (path),                    \
			        s_ ? s_ : "(none)", (want));                                       \
		CU_ASSERT(s_ && !strcmp(s_, (want)));                                              \
	} while (0)

static bool has_warning(struct json_object *doc, const char *part)
{
	size_t i;

	for (i = 0; i < glen(doc, "warnings"); i++)
		if (strstr(
		        json_object_get_string(json_object_array_get_idx(get(doc, "warnings"), i)),
		        part))
			return true;
	return false;
}

/* a and b are the same document, warnings (and short_name when asked) aside. */
static bool same_doc(struct json_object *a, struct json_object *b, bool names)
{
	struct json_object *ca = NULL, *cb = NULL, *pa, *pb;
	bool same;

	if (!a || !b)
		return false;
	json_object_deep_copy(a, &ca, NULL);
	json_object_deep_copy(b, &cb, NULL);
	json_object_object_del(ca, "warnings");
	json_object_object_del(cb, "warnings");
	if (!names && json_object_object_get_ex(ca, "package", &pa) &&
	    json_object_object_get_ex(cb, "package", &pb)) {
		json_object_object_del(pa, "short_name");
		json_object_object_del(pb, "short_name");
	}
	same = json_object_equal(ca, cb);
	if (!same)
		fprintf(stderr, "\n    documents differ:\n%s\n%s\n",
			json_object_to_json_string_ext(ca, JSON_C_TO_STRING_SPACED),
			json_object_to_json_string_ext(cb, JSON_C_TO_STRING_SPACED));
	json_object_put(ca);
	json_object_put(cb);
	return same;
}

/*
 * export doc, write it as a zip and as a directory, import both: the same
 * document each time.
 */
static void round_trip(struct json_object *doc)
{
	struct pkg out = PKG_INIT, back;
	struct strbuf zip = STRBUF_INIT;
	struct json_object *again;
	const char *sn = gstr(doc, "package.short_name");
	char *dir, sub[512];

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	strcpy(err, "");
	if (kattis_export(doc, &out, err, sizeof(err)) != PKG_OK)
		fprintf(stderr, "\n    export: %s\n", err);
	CU_ASSERT_FATAL(out.nfiles > 0);
	CU_ASSERT_EQUAL(pkg_write_zip(&out, &zip, err, sizeof(err)), PKG_OK);
	CU_ASSERT_EQUAL_FATAL(pkg_read_zip(zip.buf, zip.len, &back, err, sizeof(err)), PKG_OK);
	again = kattis_import(&back, err, sizeof(err));
	if (!again)
		fprintf(stderr, "\n    re-import: %s\n", err);
	CU_ASSERT(same_doc(doc, again, true));
	json_object_put(again);
	pkg_release(&back);

	dir = tmp_dir();
	snprintf(sub, sizeof(sub), "%s/%s", dir, sn ? sn : "pkg");
	CU_ASSERT_EQUAL(pkg_write_dir(&out, sub, err, sizeof(err)), PKG_OK);
	again = import_dir(sub);
	CU_ASSERT(same_doc(doc, again, sn != NULL));
	json_object_put(again);
	rm_dir(dir);
	pkg_release(&out);
	strbuf_release(&zip);
}

/* ---- the packages the tests build ---- */

static const char *const statement_md = "Add two numbers.\n\n## Input\n\nTwo integers.\n";

static void write_plain(const char *d)
{
	put(d, "problem.yaml",
	    "name: Sum Two\nkeywords: math easy-ish\n"
	    "validator_flags: case_sensitive float_tolerance 1e-6\n"
	    "limits:\n  memory: 512\n  output: 4\n");
	put(d, "problem_statement/problem.en.md", statement_md);
	put(d, "data/sample/1.in", "1 2\n");
	put(d, "data/sample/1.ans", "3\n");
	put(d, "data/sample/2.in", "5 5\n");
	put(d, "data/sample/2.ans", "10\n");
	put(d, "data/secret/9.in", "9 9\n");
	put(d, "data/secret/9.ans", "18\n");
	put(d, "data/secret/10.in", "10 0\n");
	put(d, "data/secret/10.ans", "10\n");
	put(d, "data/secret/1.in", "0 1\n");
	put(d, "data/secret/1.ans", "1\n");
	put(d, "submissions/accepted/sum.py", "print(sum(map(int, input().split())))\n");
}

static void write_groups(const char *d)
{
	put(d, "problem.yaml", "name: Groups\ntype: scoring\n");
	put(d, "problem_statement/problem.en.md", statement_md);
	put(d, "data/sample/1.in", "sample one\n");
	put(d, "data/sample/1.ans", "S1\n");
	put(d, "data/secret/g1/testdata.yaml", "grader_flags: min\naccept_score: 30\n");
	put(d, "data/secret/g1/01.in", "g1 one\n");
	put(d, "data/secret/g1/01.ans", "G1\n");
	/* a test of the secret data that is a sample too */
	put_link(d, "data/secret/g1/02.in", "../../sample/1.in");
	put_link(d, "data/secret/g1/02.ans", "../../sample/1.ans");
	put(d, "data/secret/g2/testdata.yaml",
	    "on_reject: continue\ngrader_flags: sum\nscore: 50\nrequire_pass: secret/g1\n");
	/* a link to a sibling group's file */
	put_link(d, "data/secret/g2/01.in", "../g1/01.in");
	put_link(d, "data/secret/g2/01.ans", "./../g1/01.ans");
	put(d, "data/secret/g2/02.in", "g2 two\n");
	put(d, "data/secret/g2/02.ans", "G2\n");
	/* nested: inherits g2's testdata.yaml, but not its score */
	put(d, "data/secret/g2/deep/01.in", "deep\n");
	put(d, "data/secret/g2/deep/01.ans", "D\n");
	/* a whole group as a link to another */
	put_link(d, "data/secret/g3", "g1");
	put(d, "submissions/accepted/a.py", "print()\n");
}

/* ---- tests: reading ---- */

static void test_plain(void)
{
	char *d = tmp_dir();
	struct json_object *doc, *zdoc;
	struct strbuf zip;

	write_plain(d);
	doc = import_dir(d);
	if (!doc)
		fprintf(stderr, "\n    import: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "title", "Sum Two");
	ASSERT_STR(doc, "question", statement_md);
	ASSERT_STR(doc, "difficulty", "medium");
	ASSERT_STR(doc, "tags.0", "math");
	ASSERT_STR(doc, "tags.1", "easy-ish");
	CU_ASSERT_EQUAL(gint(doc, "memory_limit_mb"), 512);
	CU_ASSERT_EQUAL(gint(doc, "output_limit_kb"), 4096);
	CU_ASSERT_PTR_NULL(get(doc, "time_limit_ms"));
	ASSERT_STR(doc, "checker.type", "float");
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "checker.float_tolerance"), 1e-6, 1e-12);
	CU_ASSERT_PTR_NULL(get(doc, "checker.case_insensitive"));
	CU_ASSERT_EQUAL(glen(doc, "groups"), 2);
	ASSERT_STR(doc, "groups.0.name", "sample");
	CU_ASSERT_EQUAL(gint(doc, "groups.0.points"), 0);
	ASSERT_STR(doc, "groups.1.name", "secret");
	CU_ASSERT_EQUAL(gint(doc, "groups.1.points"), 100);
	ASSERT_STR(doc, "groups.1.rule", "all");
	CU_ASSERT_TRUE(json_object_get_boolean(get(doc, "groups.1.stop_on_failure")));
	/* Kattis order: by name, as strings */
	CU_ASSERT_EQUAL(glen(doc, "test_cases"), 5);
	ASSERT_STR(doc, "test_cases.0.name", "sample/1");
	ASSERT_STR(doc, "test_cases.1.name", "sample/2");
	ASSERT_STR(doc, "test_cases.2.name", "secret/1");
	ASSERT_STR(doc, "test_cases.3.name", "secret/10");
	ASSERT_STR(doc, "test_cases.4.name", "secret/9");
	ASSERT_STR(doc, "test_cases.4.input", "9 9\n");
	ASSERT_STR(doc, "test_cases.4.expected_output", "18\n");
	CU_ASSERT_TRUE(json_object_get_boolean(get(doc, "test_cases.0.is_sample")));
	CU_ASSERT_FALSE(json_object_get_boolean(get(doc, "test_cases.2.is_sample")));
	ASSERT_STR(doc, "test_cases.2.group", "secret");
	CU_ASSERT_EQUAL(gint(doc, "test_cases.0.points"), 0);
	CU_ASSERT_EQUAL(gint(doc, "test_cases.2.points"), 34);
	CU_ASSERT_EQUAL(gint(doc, "test_cases.3.points"), 33);
	CU_ASSERT_EQUAL(gint(doc, "test_cases.4.points"), 33);
	CU_ASSERT_EQUAL(glen(doc, "references"), 1);
	ASSERT_STR(doc, "references.0.name", "accepted/sum.py");
	ASSERT_STR(doc, "references.0.language", "python");
	ASSERT_STR(doc, "references.0.expected", "accepted");
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "package.time_multiplier"), 5, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "package.time_safety_margin"), 2, 1e-9);
	CU_ASSERT_PTR_NULL(get(doc, "package.timelimit_file"));
	ASSERT_STR(doc, "package.validation", "default");
	CU_ASSERT_FALSE(json_object_get_boolean(get(doc, "package.scoring")));
	CU_ASSERT_EQUAL(glen(doc, "warnings"), 0);

	/* the same package zipped under a top directory */
	zip = zip_of(d, "sumtwo");
	zdoc = import_zip(&zip);
	CU_ASSERT(same_doc(doc, zdoc, false));
	ASSERT_STR(zdoc, "package.short_name", "sumtwo");
	round_trip(doc);
	json_object_put(zdoc);
	json_object_put(doc);
	strbuf_release(&zip);
	rm_dir(d);
}

static void test_checker_flags(void)
{
	/* the comparison module's mapping (common/compare.h), as the document holds it */
	static const struct {
		const char *flags, *json;
	} cases[] = {
	    {"", "{\"type\":\"tokens_ci\"}"},
	    {"case_sensitive", "{\"type\":\"tokens\"}"},
	    {"space_change_sensitive", "{\"type\":\"exact\",\"case_insensitive\":true}"},
	    {"space_change_sensitive case_sensitive", "{\"type\":\"exact\"}"},
	    {"float_tolerance 1e-6",
	     "{\"type\":\"float\",\"case_insensitive\":true,\"float_tolerance\":1e-6}"},
	    {"float_absolute_tolerance 0.5",
	     "{\"type\":\"float\",\"case_insensitive\":true,\"float_absolute_tolerance\":0.5}"},
	    {"float_relative_tolerance 1e-9 case_sensitive",
	     "{\"type\":\"float\",\"float_relative_tolerance\":1e-9}"},
	    {"float_absolute_tolerance 1e-3 float_relative_tolerance 1e-4",
	     "{\"type\":\"float\",\"case_insensitive\":true,\"float_absolute_tolerance\":0.001,"
	     "\"float_relative_tolerance\":0.0001}"},
	};
	static const char *const bad[] = { "nonsense", "float_tolerance", "float_tolerance x",
					   "float_relative_tolerance -1", "float_tolerance inf" };
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct json_object *c = kattis_checker_from_flags(cases[i].flags, err, sizeof(err)),
		                   *want = jsonh_parse(cases[i].json, strlen(cases[i].json), err,
		                                       sizeof(err)),
		                   *back;
		struct strbuf flags = STRBUF_INIT;

		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_PTR_NOT_NULL_FATAL(want);
		if (!json_object_equal(c, want))
			fprintf(stderr, "\n    %s: %s\n", cases[i].flags, jsonh_text(c, NULL));
		CU_ASSERT(json_object_equal(c, want));
		json_object_put(want);
		/* and back: the flags give the same checker */
		CU_ASSERT_EQUAL(kattis_flags_from_checker(c, &flags, err, sizeof(err)), 0);
		back = kattis_checker_from_flags(flags.buf, err, sizeof(err));
		CU_ASSERT(json_object_equal(c, back));
		json_object_put(back);
		json_object_put(c);
		strbuf_release(&flags);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CU_ASSERT_PTR_NULL(kattis_checker_from_flags(bad[i], err, sizeof(err)));
		ASSERT_ERR("validator_flags");
	}
}

static void test_groups_symlinks(void)
{
	char *d = tmp_dir();
	struct json_object *doc, *zdoc;
	struct strbuf zip;

	write_groups(d);
	doc = import_dir(d);
	if (!doc)
		fprintf(stderr, "\n    import: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_TRUE(json_object_get_boolean(get(doc, "package.scoring")));
	CU_ASSERT_EQUAL_FATAL(glen(doc, "groups"), 5);
	ASSERT_STR(doc, "groups.0.name", "sample");
	ASSERT_STR(doc, "groups.1.name", "secret/g1");
	ASSERT_STR(doc, "groups.1.rule", "min");
	CU_ASSERT_EQUAL(gint(doc, "groups.1.points"), 30);
	CU_ASSERT_TRUE(json_object_get_boolean(get(doc, "groups.1.stop_on_failure")));
	ASSERT_STR(doc, "groups.2.name", "secret/g2");
	ASSERT_STR(doc, "groups.2.rule", "sum");
	CU_ASSERT_EQUAL(gint(doc, "groups.2.points"), 50);
	CU_ASSERT_FALSE(json_object_get_boolean(get(doc, "groups.2.stop_on_failure")));
	CU_ASSERT_EQUAL(glen(doc, "groups.2.depends_on"), 1);
	ASSERT_STR(doc, "groups.2.depends_on.0", "secret/g1");
	ASSERT_STR(doc, "groups.3.name", "secret/g2/deep");
	ASSERT_STR(doc, "groups.3.rule", "sum");
	CU_ASSERT_EQUAL(gint(doc, "groups.3.points"), 1);
	CU_ASSERT_FALSE(json_object_get_boolean(get(doc, "groups.3.stop_on_failure")));
	ASSERT_STR(doc, "groups.4.name", "secret/g3");
	CU_ASSERT_EQUAL(gint(doc, "groups.4.points"), 30);

	CU_ASSERT_EQUAL_FATAL(glen(doc, "test_cases"), 8);
	ASSERT_STR(doc, "test_cases.1.name", "secret/g1/01");
	ASSERT_STR(doc, "test_cases.2.name", "secret/g1/02");
	ASSERT_STR(doc, "test_cases.2.input", "sample one\n");
	ASSERT_STR(doc, "test_cases.2.expected_output", "S1\n");
	CU_ASSERT_EQUAL(gint(doc, "test_cases.1.points"), 15);
	ASSERT_STR(doc, "test_cases.3.name", "secret/g2/01");
	ASSERT_STR(doc, "test_cases.3.input", "g1 one\n");
	ASSERT_STR(doc, "test_cases.3.expected_output", "G1\n");
	CU_ASSERT_EQUAL(gint(doc, "test_cases.3.points"), 25);
	ASSERT_STR(doc, "test_cases.5.name", "secret/g2/deep/01");
	ASSERT_STR(doc, "test_cases.5.group", "secret/g2/deep");
	ASSERT_STR(doc, "test_cases.6.name", "secret/g3/01");
	ASSERT_STR(doc, "test_cases.7.input", "sample one\n");

	/* the same tree as a zip with symlink entries */
	zip = zip_of(d, "");
	zdoc = import_zip(&zip);
	if (!zdoc)
		fprintf(stderr, "\n    zip import: %s\n", err);
	CU_ASSERT(same_doc(doc, zdoc, false));
	round_trip(doc);
	json_object_put(zdoc);
	json_object_put(doc);
	strbuf_release(&zip);
	rm_dir(d);
}

static void write_minimal(const char *d, const char *yaml)
{
	put(d, "problem.yaml", yaml);
	put(d, "problem_statement/problem.en.md", statement_md);
	put(d, "data/sample/1.in", "1\n");
	put(d, "data/sample/1.ans", "1\n");
	put(d, "data/secret/1.in", "2\n");
	put(d, "data/secret/1.ans", "2\n");
}

static void test_custom_validator(void)
{
	char *d = tmp_dir();
	struct json_object *doc;
	const char *code;

	write_minimal(d, "name: Custom\nvalidation: custom\nvalidator_flags: --strict 1\n");
	put(d, "output_validators/check/check.cpp",
	    "#include <cstdio>\n#include \"util.h\"\nint main() { return ok() ? 42 : 43; }\n");
	put(d, "output_validators/check/util.h",
	    "#pragma once\n#include \"inner.h\"\n#include \"inner.h\"\nstatic int ok(void) { "
	    "return INNER; }\n");
	put(d, "output_validators/check/inner.h", "#define INNER 1\n");
	put(d, "output_validators/check/README.txt", "notes\n");
	doc = import_dir(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "checker.type", "custom");
	ASSERT_STR(doc, "checker.language", "cpp");
	ASSERT_STR(doc, "checker.flags", "--strict 1");
	ASSERT_STR(doc, "package.validation", "custom");
	code = gstr(doc, "checker.code");
	CU_ASSERT_PTR_NOT_NULL_FATAL(code);
	CU_ASSERT_PTR_NOT_NULL(strstr(code, "#define INNER 1\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(code, "static int ok(void)"));
	CU_ASSERT_PTR_NULL(strstr(code, "#include \"util.h\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(code, "#include <cstdio>"));
	/* inner.h once, though util.h includes it twice */
	CU_ASSERT_PTR_NULL(strstr(strstr(code, "#define INNER") + 1, "#define INNER"));
	CU_ASSERT(has_warning(doc, "README.txt"));
	round_trip(doc);
	json_object_put(doc);

	/* refused: a second source file, build scripts, two validators, none at all */
	put(d, "output_validators/check/more.cpp", "int x;\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("validator with several source files is not supported");
	unlink(strcat(strcpy(err, d), "/output_validators/check/more.cpp"));
	put(d, "output_validators/check/build", "#!/bin/sh\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("build/run scripts is not supported");
	unlink(strcat(strcpy(err, d), "/output_validators/check/build"));
	put(d, "output_validators/other.py", "print()\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("several output validators are not supported");
	rm_dir(d);

	/* a one-file Python validator, with flags from testdata.yaml */
	d = tmp_dir();
	write_minimal(d, "name: Py\nvalidation: custom\n");
	put(d, "output_validators/check.py", "import sys\nsys.exit(42)\n");
	put(d, "data/testdata.yaml", "output_validator_flags: tolerant\n");
	doc = import_dir(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "checker.language", "python");
	ASSERT_STR(doc, "checker.code", "import sys\nsys.exit(42)\n");
	ASSERT_STR(doc, "checker.flags", "tolerant");
	json_object_put(doc);
	rm_dir(d);

	d = tmp_dir();
	write_minimal(d, "name: None\nvalidation: custom\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("no output_validators/");
	rm_dir(d);
}

static void test_interactive(void)
{
	char *d = tmp_dir();
	struct json_object *doc;

	put(d, "problem.yaml", "name: Guess\nvalidation: custom interactive\n");
	put(d, "problem_statement/problem.en.md", "Guess.\n");
	put(d, "output_validators/interactor.py", "print('correct')\n");
	put(d, "data/sample/1.in", "7\n");
	put(d, "data/sample/1.ans", "");
	put(d, "data/sample/1.interaction", ">5\n<higher\n>7\n<correct\n");
	put(d, "data/sample/2.interaction", ">1\n<correct\n");
	put(d, "data/secret/1.in", "3\n");
	put(d, "data/secret/1.ans", "");
	put(d, "data/secret/1.interaction", "ignored\n");
	doc = import_dir(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "checker.type", "interactive");
	ASSERT_STR(doc, "checker.language", "python");
	ASSERT_STR(doc, "package.validation", "custom interactive");
	ASSERT_STR(doc, "test_cases.0.interaction", ">5\n<higher\n>7\n<correct\n");
	ASSERT_STR(doc, "test_cases.0.expected_output", "");
	CU_ASSERT_PTR_NULL(get(doc, "test_cases.1.interaction"));
	CU_ASSERT_EQUAL(glen(doc, "package.interactions"), 1);
	ASSERT_STR(doc, "package.interactions.0.name", "sample/2");
	ASSERT_STR(doc, "package.interactions.0.text", ">1\n<correct\n");
	round_trip(doc);
	json_object_put(doc);
	rm_dir(d);

	/* the 2023-07 layout: type interactive, output_validator/, statement/, a name map */
	d = tmp_dir();
	put(d, "problem.yaml",
	    "problem_format_version: 2023-07-draft\nuuid: 5ca6ba5b-1d0a-4d32-a4b8-1e6d1a6c7f00\n"
	    "type: [pass-fail, interactive]\nname:\n  sv: Gissa\n  en: Guess\n"
	    "credits:\n  authors: [Ann, Bob]\nlimits:\n  time_limit: 2\n");
	put(d, "statement/problem.en.md", "Guess.\n");
	put(d, "output_validator/validator.cpp", "int main() { return 42; }\n");
	put(d, "data/sample/1.in", "7\n");
	put(d, "data/sample/1.ans", "7\n");
	put(d, "data/secret/1.in", "3\n");
	put(d, "data/secret/1.ans", "3\n");
	doc = import_dir(d);
	if (!doc)
		fprintf(stderr, "\n    import: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "title", "Guess");
	ASSERT_STR(doc, "checker.type", "interactive");
	ASSERT_STR(doc, "checker.language", "cpp");
	ASSERT_STR(doc, "package.author", "Ann, Bob");
	ASSERT_STR(doc, "package.uuid", "5ca6ba5b-1d0a-4d32-a4b8-1e6d1a6c7f00");
	CU_ASSERT_EQUAL(gint(doc, "time_limit_ms"), 2000);
	CU_ASSERT_PTR_NULL(get(doc, "package.timelimit_file"));
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "package.time_multiplier"), 2, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "package.time_safety_margin"), 1.5, 1e-9);
	round_trip(doc);
	json_object_put(doc);
	rm_dir(d);
}

static void test_tex_statement(void)
{
	char *d = tmp_dir();
	struct json_object *doc;
	const char *q;

	write_minimal(d, "license: cc0\n");
	unlink(strcat(strcpy(err, d), "/problem_statement/problem.en.md"));
	put(d, "problem_statement/problem.en.tex",
	    "\\problemname{Tex \\emph{Problem}}\n"
	    "% a comment that goes\n"
	    "Given $n$ numbers $a_1, \\ldots, a_n$, print their \\textbf{sum} --- fast.\n"
	    "Use \\texttt{long\\_long}.\n\n"
	    "\\section*{Notes}\n"
	    "\\begin{itemize}\n  \\item first\n  \\item second\n\\end{itemize}\n"
	    "\\begin{enumerate}\n\\item one\n\\end{enumerate}\n"
	    "\\includegraphics[width=5cm]{fig.png}\n"
	    "\\begin{tabular}{ll}\na & b \\\\\n\\end{tabular}\n"
	    "\\begin{Input}\nThe first line holds $n$ ($1 \\le n \\le 10^5$).\n\\end{Input}\n"
	    "\\begin{Output}\nOne line: $$\\sum_i a_i$$\n\\end{Output}\n");
	put(d, "problem_statement/fig.png", "\x89PNG");
	doc = import_dir(d);
	if (!doc)
		fprintf(stderr, "\n    import: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "title", "Tex Problem");
	q = gstr(doc, "question");
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	CU_ASSERT_PTR_NOT_NULL(strstr(
	    q, "Given $n$ numbers $a_1, \\ldots, a_n$, print their **sum** \xe2\x80\x94 fast."));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "Use `long_long`."));
	CU_ASSERT_PTR_NULL(strstr(q, "comment"));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "## Notes\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "\n- first\n- second\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "\n1. one\n"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(q, "## Input\n\nThe first line holds $n$ ($1 \\le n \\le 10^5$)."));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "## Output\n\nOne line: $$\\sum_i a_i$$"));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "a & b"));
	CU_ASSERT_PTR_NULL(strstr(q, "fig.png"));
	CU_ASSERT_PTR_NOT_NULL(strstr(q, "\n(not converted: \\includegraphics, tabular)\n"));
	CU_ASSERT(has_warning(doc, "fig.png"));
	round_trip(doc);
	json_object_put(doc);
	rm_dir(d);
}

static void test_pdf_statement(void)
{
	static const char pdf[] = "%PDF-1.4\n\0\xff\xfe binary\n%%EOF\n";
	char *d = tmp_dir();
	struct json_object *doc;
	struct strbuf bin = STRBUF_INIT;
	const char *b64;

	write_minimal(d, "name: Pdf\n");
	unlink(strcat(strcpy(err, d), "/problem_statement/problem.en.md"));
	put_n(d, "problem_statement/problem.pdf", pdf, sizeof(pdf) - 1);
	doc = import_dir(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "question", KATTIS_PDF_QUESTION);
	b64 = gstr(doc, "statement_pdf");
	CU_ASSERT_PTR_NOT_NULL_FATAL(b64);
	CU_ASSERT_EQUAL(judge0_b64_decode(b64, strlen(b64), &bin), 0);
	CU_ASSERT_EQUAL(bin.len, sizeof(pdf) - 1);
	CU_ASSERT(!memcmp(bin.buf, pdf, sizeof(pdf) - 1));
	round_trip(doc);
	strbuf_release(&bin);
	json_object_put(doc);
	rm_dir(d);
}

static void test_time_limit(void)
{
	char *d = tmp_dir();
	struct json_object *doc;

	write_minimal(d, "name: T\n");
	put(d, ".timelimit", "1.5\n");
	doc = import_dir(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL(gint(doc, "time_limit_ms"), 1500);
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "package.timelimit_file"), 1.5, 1e-9);
	round_trip(doc);
	json_object_put(doc);

	/* a limit past 30 s is clamped, with a warning */
	put(d, ".timelimit", "40");
	doc = import_dir(d);
	CU_ASSERT_EQUAL(gint(doc, "time_limit_ms"), 30000);
	CU_ASSERT(has_warning(doc, "time limit"));
	json_object_put(doc);
	put(d, ".timelimit", "soon");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR(".timelimit");
	unlink(strcat(strcpy(err, d), "/.timelimit"));

	put(d, "domjudge-problem.ini", "name='T'\ntimelimit = '3'\n");
	doc = import_dir(d);
	CU_ASSERT_EQUAL(gint(doc, "time_limit_ms"), 3000);
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "package.timelimit_file"), 3, 1e-9);
	json_object_put(doc);
	unlink(strcat(strcpy(err, d), "/domjudge-problem.ini"));

	/* none: derived later from the accepted references' slowest run */
	doc = import_dir(d);
	CU_ASSERT_PTR_NULL(get(doc, "time_limit_ms"));
	CU_ASSERT_EQUAL(kattis_time_limit_ms(doc, 0.31), 2000);	/* 0.31 x 5 = 1.55, up to 2 s */
	CU_ASSERT_EQUAL(kattis_time_limit_ms(doc, 0.01), 1000);	/* at least one second */
	CU_ASSERT_EQUAL(kattis_time_limit_ms(doc, 100), 30000);
	json_object_put(doc);
	put(d, "problem.yaml", "name: T\nlimits:\n  time_multiplier: 2\n  time_resolution: 0.25\n");
	doc = import_dir(d);
	CU_ASSERT_EQUAL(kattis_time_limit_ms(doc, 0.3), 750);	/* 0.6, up to 0.75 */
	round_trip(doc);
	json_object_put(doc);
	rm_dir(d);
}

static void test_references(void)
{
	char *d = tmp_dir();
	struct json_object *doc;
	static const char *const want[][3] = {
		{ "accepted/Sol.java", "java", "accepted" },
		{ "accepted/dir/main.cpp", "cpp", "accepted" },
		{ "accepted/sol.c", "c", "accepted" },
		{ "accepted/sol.cc", "cpp", "accepted" },
		{ "accepted/sol.cs", "csharp", "accepted" },
		{ "accepted/sol.js", "javascript", "accepted" },
		{ "accepted/sol.py", "python", "accepted" },
		{ "run_time_error/crash.c", "c", "runtime_error" },
		{ "time_limit_exceeded/slow.py", "python", "time_limit_exceeded" },
		{ "wrong_answer/wa.cpp", "cpp", "wrong_answer" },
	};
	char key[64];
	size_t i;

	write_minimal(d, "name: Refs\n");
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		char path[128];

		snprintf(path, sizeof(path), "submissions/%s", want[i][0]);
		put(d, path, want[i][0]);
	}
	put(d, "submissions/accepted/dir/README", "notes");
	put(d, "submissions/accepted/sol.kt", "fun main() {}");
	put(d, "submissions/accepted/two/a.py", "");
	put(d, "submissions/accepted/two/b.py", "");
	put(d, "submissions/partially_accepted/p.py", "");
	put(d, "submissions/submissions.yaml", "accepted: {}\n");
	doc = import_dir(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL_FATAL(glen(doc, "references"), sizeof(want) / sizeof(want[0]));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(key, sizeof(key), "references.%zu.name", i);
		ASSERT_STR(doc, key, want[i][0]);
		snprintf(key, sizeof(key), "references.%zu.language", i);
		ASSERT_STR(doc, key, want[i][1]);
		snprintf(key, sizeof(key), "references.%zu.expected", i);
		ASSERT_STR(doc, key, want[i][2]);
		snprintf(key, sizeof(key), "references.%zu.code", i);
		ASSERT_STR(doc, key, want[i][0]);
	}
	CU_ASSERT(has_warning(doc, "submissions/accepted/sol.kt"));
	CU_ASSERT(has_warning(doc, "submissions/accepted/two is skipped: several source files"));
	CU_ASSERT(has_warning(doc, "submissions/partially_accepted/"));
	round_trip(doc);
	json_object_put(doc);
	rm_dir(d);
}

/* The packages under tests/packages, which the service suite imports too. */
static void test_real_packages(void)
{
	struct json_object *doc;

	doc = import_dir("tests/packages/custom-checker");
	if (!doc)
		fprintf(stderr, "\n    custom-checker: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "title", "Any Pair");
	ASSERT_STR(doc, "checker.type", "custom");
	ASSERT_STR(doc, "checker.language", "cpp");
	CU_ASSERT_PTR_NOT_NULL(strstr(gstr(doc, "checker.code"), "judgemessage.txt"));
	CU_ASSERT_EQUAL(gint(doc, "time_limit_ms"), 2000);
	CU_ASSERT_EQUAL(glen(doc, "test_cases"), 6);
	CU_ASSERT_EQUAL(glen(doc, "references"), 3);
	ASSERT_STR(doc, "references.2.expected", "wrong_answer");
	ASSERT_STR(doc, "package.short_name", "custom-checker");
	round_trip(doc);
	json_object_put(doc);

	/* function-signature questions (signature.txt, our extension), one per type family */
	{
		static const char *const fn[][2] = { { "fn-ints", "twoSum" },
						     { "fn-doubles", "meanAbsoluteDeviation" },
						     { "fn-strings", "palindromes" },
						     { "fn-grid", "transpose" } };
		char path[64];
		size_t k;

		for (k = 0; k < sizeof(fn) / sizeof(fn[0]); k++) {
			snprintf(path, sizeof(path), "tests/packages/%s", fn[k][0]);
			doc = import_dir(path);
			CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
			ASSERT_STR(doc, "signature.function", fn[k][1]);
			CU_ASSERT_EQUAL(glen(doc, "groups"), 2);
			round_trip(doc);
			json_object_put(doc);
		}
		doc = import_dir("tests/packages/fn-grid");
		CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
		ASSERT_STR(doc, "signature.params.0.type", "int[][]");
		ASSERT_STR(doc, "signature.returns", "int[][]");
		json_object_put(doc);
	}

	doc = import_dir("tests/packages/float-tolerance");
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "checker.type", "float");
	CU_ASSERT_DOUBLE_EQUAL(gnum(doc, "checker.float_tolerance"), 1e-6, 1e-15);
	CU_ASSERT_EQUAL(gint(doc, "time_limit_ms"), 1000);
	CU_ASSERT_EQUAL(glen(doc, "references"), 3);
	round_trip(doc);
	json_object_put(doc);

	doc = import_dir("tests/packages/interactive");
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "checker.type", "interactive");
	ASSERT_STR(doc, "checker.language", "cpp");
	CU_ASSERT_PTR_NOT_NULL(strstr(gstr(doc, "test_cases.0.interaction"), ">500\n<lower\n"));
	CU_ASSERT_EQUAL(gint(doc, "groups.1.points"), 100);
	CU_ASSERT_EQUAL(glen(doc, "references"), 3);
	round_trip(doc);
	json_object_put(doc);

	doc = import_dir("tests/packages/groups-partial");
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_STR(doc, "checker.type", "custom");
	ASSERT_STR(doc, "package.validation", "custom score");
	CU_ASSERT_TRUE(json_object_get_boolean(get(doc, "package.scoring")));
	CU_ASSERT_PTR_NULL(get(doc, "time_limit_ms"));
	ASSERT_STR(doc, "groups.1.name", "secret/group1");
	ASSERT_STR(doc, "groups.1.rule", "min");
	CU_ASSERT_EQUAL(gint(doc, "groups.1.points"), 30);
	ASSERT_STR(doc, "groups.2.name", "secret/group2");
	CU_ASSERT_EQUAL(gint(doc, "groups.2.points"), 70);
	/* symlinked tests: group1/01 is sample 1, group2/01 is group1/02 */
	CU_ASSERT_STRING_EQUAL(gstr(doc, "test_cases.2.input"), gstr(doc, "test_cases.0.input"));
	CU_ASSERT_STRING_EQUAL(gstr(doc, "test_cases.4.input"), gstr(doc, "test_cases.3.input"));
	CU_ASSERT_EQUAL(glen(doc, "references"), 3);
	CU_ASSERT(has_warning(doc, "partially_accepted"));
	round_trip(doc);
	json_object_put(doc);
}

/* ---- tests: hostile packages ---- */

/* A directory read that fails with `want`, leaving the package empty. */
static void refused_dir(const char *d, enum pkg_err code, const char *want)
{
	struct pkg p;
	enum pkg_err rc;

	strcpy(err, "");
	rc = pkg_read_dir(d, &p, err, sizeof(err));
	CU_ASSERT_EQUAL(rc, code);
	ASSERT_ERR(want);
	CU_ASSERT_EQUAL(p.nfiles, 0);
	CU_ASSERT_PTR_NULL(p.files);
	CU_ASSERT_PTR_NULL(p.name);
}

static void refused_zip(const struct strbuf *zip, enum pkg_err code, const char *want)
{
	struct pkg p;
	enum pkg_err rc;

	strcpy(err, "");
	rc = pkg_read_zip(zip->buf, zip->len, &p, err, sizeof(err));
	if (rc != code)
		fprintf(stderr, "\n    read_zip gave %s (%s), want %s\n", pkg_strerror(rc), err,
			pkg_strerror(code));
	CU_ASSERT_EQUAL(rc, code);
	ASSERT_ERR(want);
	CU_ASSERT_EQUAL(p.nfiles, 0);
	CU_ASSERT_PTR_NULL(p.files);
}

/* A zip of the minimal package plus one entry from add. */
static struct strbuf zip_with(void (*add)(struct zb *))
{
	struct zb z;

	zb_open(&z);
	zb_put(&z, "problem.yaml", "name: X\n");
	zb_put(&z, "data/secret/1.in", "1\n");
	zb_put(&z, "data/secret/1.ans", "1\n");
	add(&z);
	return zb_close(&z);
}

static void add_slip(struct zb *z)
{
	zb_put(z, "../evil", "owned\n");
}

static void add_slip_inner(struct zb *z)
{
	zb_put(z, "data/../../evil", "owned\n");
}

static void add_absolute(struct zb *z)
{
	zb_put(z, "/etc/cron.d/evil", "owned\n");
}

static void add_backslash(struct zb *z)
{
	zb_put(z, "data\\..\\..\\evil", "owned\n");
}

static void add_abs_link(struct zb *z)
{
	zb_link(z, "data/secret/2.in", "/etc/passwd");
}

static void add_escaping_link(struct zb *z)
{
	zb_link(z, "data/secret/2.in", "../../../outside");
}

static void add_loop(struct zb *z)
{
	zb_link(z, "data/secret/a.in", "b.in");
	zb_link(z, "data/secret/b.in", "a.in");
}

static void add_dangling(struct zb *z)
{
	zb_link(z, "data/secret/2.in", "nowhere.in");
}

static void add_file_and_dir(struct zb *z)
{
	zb_put(z, "data/secret/x", "a file\n");
	zb_put(z, "data/secret/x/1.in", "below a file\n");
}

static void add_deep(struct zb *z)
{
	zb_put(z, "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/1.in", "deep\n");
}

static void add_fifo(struct zb *z)
{
	zip_int64_t idx = zb_add(z, "data/secret/pipe.in", "", 0);

	zip_file_set_external_attributes(z->za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
					 (zip_uint32_t)(S_IFIFO | 0644) << 16);
}

static void test_hostile_zip_names(void)
{
	static const struct {
		void (*add)(struct zb *);
		enum pkg_err code;
		const char *want;
	} cases[] = {
	    {add_slip, PKG_INVALID,
	     "'../evil': a '.' or '..' component (paths must stay inside the package)"},
	    {add_slip_inner, PKG_INVALID, "'data/../../evil'"},
	    {add_absolute, PKG_INVALID, "'/etc/cron.d/evil': an absolute path"},
	    {add_backslash, PKG_INVALID, "a backslash in a path"},
	    {add_abs_link, PKG_INVALID, "symlink 'data/secret/2.in' -> '/etc/passwd' is absolute"},
	    {add_escaping_link, PKG_INVALID, "symlink 'data/secret/2.in' leads out of the package"},
	    {add_loop, PKG_INVALID, "symlink loop"},
	    {add_dangling, PKG_INVALID, "names nothing in the package"},
	    {add_file_and_dir, PKG_INVALID, "'data/secret/x' is both a file and a directory"},
	    {add_deep, PKG_TOO_LARGE, "nested deeper than 16 levels"},
	    {add_fifo, PKG_INVALID, "device file, FIFO or socket"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf zip = zip_with(cases[i].add);

		refused_zip(&zip, cases[i].code, cases[i].want);
		strbuf_release(&zip);
	}
	{
		/* two entries of one name: libzip will not write that, so the bytes are edited */
		struct strbuf zip;
		struct zb z;
		char *p;

		zb_open(&z);
		zb_put(&z, "problem.yaml", "name: X\n");
		zb_put(&z, "data/secret/1.in", "1\n");
		zb_put(&z, "data/secret/1.ans", "1\n");
		zb_put(&z, "data/secret/X.ans", "2\n");
		zip = zb_close(&z);
		for (p = zip.buf;
		     (p = memmem(p, zip.len - (size_t)(p - zip.buf), "secret/X.ans", 12)); p++)
			p[7] = '1';
		strcpy(err, "");
		{
			struct pkg pk;

			CU_ASSERT_EQUAL(pkg_read_zip(zip.buf, zip.len, &pk, err, sizeof(err)),
			                PKG_INVALID);
			CU_ASSERT(strstr(err, "'data/secret/1.ans' appears twice") ||
				  strstr(err, "not a valid zip archive"));
		}
		strbuf_release(&zip);
	}
	{
		struct strbuf junk = STRBUF_INIT;

		strbuf_addstr(&junk, "PK\x03\x04 not really a zip");
		refused_zip(&junk, PKG_INVALID, "not a valid zip archive");
		strbuf_release(&junk);
	}
}

static void test_hostile_dir(void)
{
	char *d = tmp_dir(), path[512];

	write_minimal(d, "name: X\n");
	put_link(d, "data/secret/2.in", "/etc/passwd");
	refused_dir(d, PKG_INVALID, "symlink 'data/secret/2.in' -> '/etc/passwd' is absolute");
	snprintf(path, sizeof(path), "%s/data/secret/2.in", d);
	unlink(path);
	put_link(d, "data/secret/2.in", "../../../outside");
	refused_dir(d, PKG_INVALID, "symlink 'data/secret/2.in' leads out of the package");
	unlink(path);
	/* escaping through a directory link and back in again is escaping still */
	put_link(d, "data/secret/2.in", "../../data/../../x/problem.yaml");
	refused_dir(d, PKG_INVALID, "leads out of the package");
	unlink(path);
	put_link(d, "data/secret/a.in", "b.in");
	put_link(d, "data/secret/b.in", "a.in");
	refused_dir(d, PKG_INVALID, "symlink loop");
	snprintf(path, sizeof(path), "%s/data/secret/a.in", d);
	unlink(path);
	snprintf(path, sizeof(path), "%s/data/secret/b.in", d);
	unlink(path);
	/* a directory that links to its parent repeats without end */
	put_link(d, "data/secret/again", "..");
	strcpy(err, "");
	{
		struct pkg p;

		CU_ASSERT_NOT_EQUAL(pkg_read_dir(d, &p, err, sizeof(err)), PKG_OK);
		CU_ASSERT_EQUAL(p.nfiles, 0);
	}
	snprintf(path, sizeof(path), "%s/data/secret/again", d);
	unlink(path);
	/* links that branch: ten links to their own directory, at every level */
	{
		struct pkg p;
		int i;

		for (i = 0; i < 10; i++) {
			char rel[64];

			snprintf(rel, sizeof(rel), "data/secret/loop/l%d", i);
			put_link(d, rel, ".");
		}
		strcpy(err, "");
		CU_ASSERT_NOT_EQUAL(pkg_read_dir(d, &p, err, sizeof(err)), PKG_OK);
		CU_ASSERT_EQUAL(p.nfiles, 0);
		snprintf(path, sizeof(path), "%s/data/secret/loop", d);
		for (i = 0; i < 10; i++) {
			char l[600];

			snprintf(l, sizeof(l), "%s/l%d", path, i);
			unlink(l);
		}
		rmdir(path);
	}
	snprintf(path, sizeof(path), "%s/data/secret/fifo.in", d);
	CU_ASSERT_FATAL(mkfifo(path, 0644) == 0);
	refused_dir(d, PKG_INVALID, "'data/secret/fifo.in' is a device file, FIFO or socket");
	unlink(path);
	put(d, "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/1.in", "deep\n");
	refused_dir(d, PKG_TOO_LARGE, "nested deeper than 16 levels");
	snprintf(path, sizeof(path), "%s/a", d);
	{
		char *a = strdup(path);

		rm_dir(a);
	}
	refused_dir("/nonexistent/ce-package", PKG_IO, "cannot open the directory");
	rm_dir(d);
}

/* A source of `size` bytes of 'a', made as libzip reads it: nothing that large is ever held. */
struct gen {
	zip_uint64_t size, pos;
};

static zip_int64_t gen_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct gen *g = ud;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		g->pos = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		zip_uint64_t n = g->size - g->pos < len ? g->size - g->pos : len;

		memset(data, 'a', n);
		g->pos += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;

		zip_stat_init(st);
		st->size = g->size;
		st->mtime = 1577836800;
		st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
		return sizeof(*st);
	}
	case ZIP_SOURCE_ERROR:
		return 2 * sizeof(int);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
		                                      ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		                                      ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

static void add_generated(struct zb *z, const char *name, struct gen *g)
{
	zip_source_t *s = zip_source_function(z->za, gen_cb, g);
	zip_int64_t idx;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	idx = zip_file_add(z->za, name, s, 0);
	CU_ASSERT_FATAL(idx >= 0);
	zip_set_file_compression(z->za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1);
}

/* Patch every size field of a one-big-entry zip that says `from` to say `to`. */
static int patch_sizes(struct strbuf *zip, uint32_t from, uint32_t to)
{
	unsigned char *b = (unsigned char *)zip->buf;
	int patched = 0;
	size_t i;

	for (i = 0; i + 46 <= zip->len; i++) {
		size_t off = 0;

		if (!memcmp(b + i, "PK\x03\x04", 4))
			off = 22;	/* local header: uncompressed size */
		else if (!memcmp(b + i, "PK\x01\x02", 4))
			off = 24;	/* central directory: uncompressed size */
		if (off && b[i + off] == (from & 0xff) && b[i + off + 1] == ((from >> 8) & 0xff) &&
		    b[i + off + 2] == ((from >> 16) & 0xff) && b[i + off + 3] == (from >> 24)) {
			b[i + off] = to & 0xff;
			b[i + off + 1] = (to >> 8) & 0xff;
			b[i + off + 2] = (to >> 16) & 0xff;
			b[i + off + 3] = (unsigned char)(to >> 24);
			patched++;
		}
	}
	return patched;
}

static void test_zip_bomb(void)
{
	struct gen big = { 300u << 20, 0 }, parts[9], liar = { 40u << 20, 0 };
	struct strbuf zip;
	struct zb z;
	char name[64];
	size_t i;

	/* one 300 MiB entry (about 300 KiB compressed): refused on its declared size */
	zb_open(&z);
	zb_put(&z, "problem.yaml", "name: Bomb\n");
	add_generated(&z, "data/secret/1.in", &big);
	zip = zb_close(&z);
	CU_ASSERT(zip.len < (4u << 20));
	refused_zip(&zip, PKG_TOO_LARGE, "declares 314572800 bytes, more than 32 MiB for one file");
	strbuf_release(&zip);

	/* nine of 30 MiB: each allowed, 270 MiB in all is not */
	zb_open(&z);
	for (i = 0; i < 9; i++) {
		parts[i] = (struct gen){ 30u << 20, 0 };
		snprintf(name, sizeof(name), "data/secret/%zu.in", i);
		add_generated(&z, name, &parts[i]);
	}
	zip = zb_close(&z);
	refused_zip(&zip, PKG_TOO_LARGE, "the zip declares more than 256 MiB in all");
	strbuf_release(&zip);

	/* an entry that lies about its size: inflating stops one byte past what it declares */
	zb_open(&z);
	add_generated(&z, "data/secret/1.in", &liar);
	zip = zb_close(&z);
	CU_ASSERT_EQUAL(patch_sizes(&zip, 40u << 20, 1024), 2);
	refused_zip(&zip, PKG_TOO_LARGE,
	            "'data/secret/1.in' inflates past the 1024 bytes it declares");
	strbuf_release(&zip);
}

static void test_too_many_entries(void)
{
	struct strbuf zip;
	struct zb z;
	char name[64];
	int i;

	zb_open(&z);
	zb_put(&z, "problem.yaml", "name: Many\n");
	for (i = 0; i < PKG_MAX_ENTRIES; i++) {
		snprintf(name, sizeof(name), "data/secret/%05d.in", i);
		zb_put(&z, name, "");
	}
	zip = zb_close(&z);
	refused_zip(&zip, PKG_TOO_LARGE, "the zip has 10001 entries; at most 10000 are allowed");
	strbuf_release(&zip);
}

static void test_bad_test_data(void)
{
	char *d = tmp_dir();

	write_minimal(d, "name: X\n");
	put_n(d, "data/secret/1.in", "1\0002\n", 4);
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("data/secret/1.in: a NUL byte at offset 1");
	put(d, "data/secret/1.in", "1\n");
	put(d, "data/secret/1.ans", "caf\xe9\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("data/secret/1.ans: not UTF-8 text (an invalid byte at offset 3)");
	put(d, "data/secret/1.ans", "1\n");
	put(d, "data/secret/2.in", "2\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("data/secret/2.in has no 2.ans");
	put(d, "data/secret/2.ans", "2\n");
	put(d, "data/secret/testdata.yaml", "on_reject: [unclosed\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("data/secret/testdata.yaml: YAML");
	put(d, "data/secret/testdata.yaml", "a: &x 1\nb: *x\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("aliases are not supported");
	put(d, "data/secret/testdata.yaml", "on_reject: break\n");
	put(d, "problem.yaml", "name: X\ntype: multi-pass\n");
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("problem type 'multi-pass' is not supported");
	unlink(strcat(strcpy(err, d), "/problem.yaml"));
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("no problem.yaml");
	rm_dir(d);

	d = tmp_dir();
	write_minimal(d, "name: X\n");
	{
		char name[64];
		int i;

		for (i = 0; i < JUDGE_MAX_TESTS; i++) {
			snprintf(name, sizeof(name), "data/secret/t%03d.in", i);
			put(d, name, "");
			snprintf(name, sizeof(name), "data/secret/t%03d.ans", i);
			put(d, name, "");
		}
	}
	CU_ASSERT_PTR_NULL(import_dir(d));
	ASSERT_ERR("more than 200 test cases");
	rm_dir(d);
}

/* ---- tests: export ---- */

static void test_export_dir_guards(void)
{
	char *d = tmp_dir(), path[512];
	struct json_object *doc;
	struct pkg out = PKG_INIT;

	write_minimal(d, "name: X\n");
	doc = import_dir(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL_FATAL(kattis_export(doc, &out, err, sizeof(err)), PKG_OK);
	/* an existing, non-empty directory */
	CU_ASSERT_EQUAL(pkg_write_dir(&out, d, err, sizeof(err)), PKG_INVALID);
	ASSERT_ERR("is not empty");
	/* a link where the directory should be */
	snprintf(path, sizeof(path), "%s/link", d);
	CU_ASSERT_FATAL(symlink("/tmp", path) == 0);
	CU_ASSERT_EQUAL(pkg_write_dir(&out, path, err, sizeof(err)), PKG_INVALID);
	/* an existing empty directory is fine */
	snprintf(path, sizeof(path), "%s/empty", d);
	CU_ASSERT_FATAL(mkdir(path, 0755) == 0);
	CU_ASSERT_EQUAL(pkg_write_dir(&out, path, err, sizeof(err)), PKG_OK);
	pkg_release(&out);
	json_object_put(doc);
	rm_dir(d);
}

static void test_export_handmade(void)
{
	static const char *const json =
	    "{\"title\":\"Hand made\",\"question\":\"Q\\n\",\"difficulty\":\"hard\","
	    "\"tags\":[\"two words\",\"x\"],\"time_limit_ms\":1500,\"memory_limit_mb\":128,"
	    "\"output_limit_kb\":1000,\"checker\":{\"type\":\"lines\"},"
	    "\"test_cases\":[{\"input\":\"1\",\"expected_output\":\"1\",\"is_sample\":true},"
	    "{\"name\":\"zeta\",\"input\":\"2\",\"expected_output\":\"2\",\"points\":5},"
	    "{\"name\":\"alpha/../x\",\"input\":\"3\",\"expected_output\":\"3\",\"points\":5,"
	    "\"group\":\"Hard ones\"}],"
	    "\"references\":[{\"name\":\"../../"
	    "evil.py\",\"language\":\"python\",\"code\":\"print()\","
	    "\"expected\":\"accepted\"},{\"language\":\"java\",\"code\":\"class A {}\","
	    "\"expected\":\"runtime_error\"}]}";
	struct json_object *doc = jsonh_parse(json, strlen(json), err, sizeof(err)), *back;
	struct pkg out = PKG_INIT;
	const struct pkg_file *f;
	struct strbuf zip = STRBUF_INIT;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL_FATAL(kattis_export(doc, &out, err, sizeof(err)), PKG_OK);
	for (i = 0; i < out.nfiles; i++)
		CU_ASSERT_PTR_NULL(strstr(out.files[i].path, ".."));
	f = pkg_find(&out, "problem.yaml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_PTR_NOT_NULL(strstr(f->data, "name: \"Hand made\"\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(f->data, "difficulty: hard\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(f->data, "keywords: [\"two words\", \"x\"]\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(f->data, "  time_limit: 1.5\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(f->data, "  memory: 128\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(f->data, "validator_flags: \"case_sensitive\"\n"));
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "data/sample/001.in"));
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "data/secret/zeta.in"));
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "data/secret/Hard_ones/x.ans"));
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "submissions/accepted/evil.py"));
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "submissions/run_time_error/t.java"));
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "problem_statement/problem.en.md"));
	CU_ASSERT_PTR_NULL(pkg_find(&out, ".timelimit"));
	CU_ASSERT_EQUAL(pkg_write_zip(&out, &zip, err, sizeof(err)), PKG_OK);
	CU_ASSERT_PTR_NOT_NULL(memmem(zip.buf, zip.len, "problem.yaml", 12));

	back = kattis_import(&out, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	ASSERT_STR(back, "title", "Hand made");
	ASSERT_STR(back, "difficulty", "hard");
	ASSERT_STR(back, "tags.0", "two words");
	CU_ASSERT_EQUAL(gint(back, "time_limit_ms"), 1500);
	CU_ASSERT_EQUAL(gint(back, "output_limit_kb"), 1024);
	/* lines has no flags of its own: the closest rule that accepts all it accepts */
	ASSERT_STR(back, "checker.type", "tokens");
	/* Kattis order: the group directory Hard_ones sorts before the test zeta */
	ASSERT_STR(back, "test_cases.1.name", "secret/Hard_ones/x");
	ASSERT_STR(back, "test_cases.1.group", "secret/Hard_ones");
	ASSERT_STR(back, "test_cases.2.name", "secret/zeta");
	CU_ASSERT_EQUAL(gint(back, "test_cases.2.points"), 5);
	CU_ASSERT_EQUAL(gint(back, "groups.1.points"), 5);
	CU_ASSERT_EQUAL(gint(back, "groups.2.points"), 5);
	/* what import gives back exports and imports to itself */
	round_trip(back);
	json_object_put(back);
	pkg_release(&out);
	strbuf_release(&zip);
	json_object_put(doc);
}

/* Test names that would sort out of order are numbered so the order survives. */
static void test_export_order(void)
{
	static const char *const json =
	    "{\"title\":\"Order\",\"question\":\"Q\",\"groups\":[{\"name\":\"secret\",\"points\":"
	    "10,"
	    "\"rule\":\"sum\"}],\"package\":{\"scoring\":true},\"test_cases\":["
	    "{\"name\":\"secret/"
	    "b\",\"group\":\"secret\",\"input\":\"1\",\"expected_output\":\"1\",\"points\":5},"
	    "{\"name\":\"secret/"
	    "a\",\"group\":\"secret\",\"input\":\"2\",\"expected_output\":\"2\",\"points\":5}]}";
	struct json_object *doc = jsonh_parse(json, strlen(json), err, sizeof(err)), *back;
	struct pkg out = PKG_INIT;
	const struct pkg_file *f;

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL_FATAL(kattis_export(doc, &out, err, sizeof(err)), PKG_OK);
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "data/secret/001-b.in"));
	CU_ASSERT_PTR_NOT_NULL(pkg_find(&out, "data/secret/002-a.in"));
	f = pkg_find(&out, "data/secret/testdata.yaml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_STRING_EQUAL(f->data, "on_reject: break\ngrader_flags: sum\naccept_score: 5\n");
	back = kattis_import(&out, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	ASSERT_STR(back, "test_cases.0.input", "1");
	ASSERT_STR(back, "test_cases.1.input", "2");
	CU_ASSERT_EQUAL(gint(back, "groups.0.points"), 10);
	ASSERT_STR(back, "groups.0.rule", "sum");
	json_object_put(back);
	pkg_release(&out);
	json_object_put(doc);
}

static void test_bad_documents(void)
{
	static const struct {
		const char *json, *want;
	} cases[] = {
	    {"{\"question\":\"q\"}", "title"},
	    {"{\"title\":\"t\",\"checker\":{\"type\":\"custom\",\"language\":\"rust\",\"code\":"
	     "\"x\"}}",
	     "checker.language"},
	    {"{\"title\":\"t\",\"checker\":{\"type\":\"magic\"}}", "magic"},
	    {"{\"title\":\"t\",\"test_cases\":[{\"input\":\"1\"}]}", "expected_output"},
	    {"{\"title\":\"t\",\"groups\":[{\"name\":\"a\"},{\"name\":\"a\"}],\"test_cases\":[]}",
	     "a second group"},
	    {"{\"title\":\"t\",\"references\":[{\"language\":\"python\",\"code\":\"x\","
	     "\"expected\":\"maybe\"}]}",
	     "maybe"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct json_object *doc =
		    jsonh_parse(cases[i].json, strlen(cases[i].json), err, sizeof(err));
		struct pkg out = PKG_INIT;

		CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
		strcpy(err, "");
		CU_ASSERT_NOT_EQUAL(kattis_export(doc, &out, err, sizeof(err)), PKG_OK);
		ASSERT_ERR(cases[i].want);
		pkg_release(&out);
		json_object_put(doc);
	}
}

static void test_yaml(void)
{
	static const char *const y =
	    "# a comment\nname: 'Quoted: yes'\nplain: 12\nneg: -3\nf: 1e-6\nhalf: .5\nt: true\n"
	    "n: ~\nnum_text: '12'\nlist: [a, 'b c', 3]\nmap:\n  inner: x\nblock: |\n  line1\n  "
	    "line2\n"
	    "ver: 2023-07-draft\n";
	struct json_object *o = yamldoc_parse(y, strlen(y), err, sizeof(err));

	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	ASSERT_STR(o, "name", "Quoted: yes");
	CU_ASSERT_TRUE(json_object_is_type(get(o, "plain"), json_type_int));
	CU_ASSERT_EQUAL(gint(o, "plain"), 12);
	CU_ASSERT_EQUAL(gint(o, "neg"), -3);
	CU_ASSERT_TRUE(json_object_is_type(get(o, "f"), json_type_double));
	CU_ASSERT_DOUBLE_EQUAL(gnum(o, "f"), 1e-6, 1e-15);
	CU_ASSERT_DOUBLE_EQUAL(gnum(o, "half"), 0.5, 1e-15);
	CU_ASSERT_TRUE(json_object_get_boolean(get(o, "t")));
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "n", NULL));
	CU_ASSERT_PTR_NULL(get(o, "n"));
	ASSERT_STR(o, "num_text", "12");
	ASSERT_STR(o, "list.1", "b c");
	CU_ASSERT_EQUAL(gint(o, "list.2"), 3);
	ASSERT_STR(o, "map.inner", "x");
	ASSERT_STR(o, "block", "line1\nline2\n");
	ASSERT_STR(o, "ver", "2023-07-draft");
	json_object_put(o);

	o = yamldoc_parse("", 0, err, sizeof(err));
	CU_ASSERT_TRUE(o && json_object_is_type(o, json_type_object) &&
	               !json_object_object_length(o));
	json_object_put(o);
	CU_ASSERT_PTR_NULL(yamldoc_parse("a: 1\n---\nb: 2\n", 14, err, sizeof(err)));
	ASSERT_ERR("only one YAML document");
	CU_ASSERT_PTR_NULL(
	    yamldoc_parse("a: [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]\n", 43, err, sizeof(err)));
	ASSERT_ERR("deeper than");
	CU_ASSERT_PTR_NULL(yamldoc_parse("? [a]\n: 1\n", 10, err, sizeof(err)));
	ASSERT_ERR("key must be a scalar");
	CU_ASSERT_PTR_NULL(yamldoc_parse("a: \"x\\0y\"\n", 10, err, sizeof(err)));
	ASSERT_ERR("NUL");
}

static CU_TestInfo tests[] = {
    {"import: a plain package (markdown, samples, float flags), also zipped", test_plain},
    {"checker: the default validator's flags and back", test_checker_flags},
    {"import: nested groups, testdata.yaml, symlinked files and directories", test_groups_symlinks},
    {"import: a custom validator (headers inlined, refusals)", test_custom_validator},
    {"import: interactive problems (.interaction, 2023-07 layout)", test_interactive},
    {"import: a LaTeX statement converted, the unconverted listed", test_tex_statement},
    {"import: a PDF-only statement", test_pdf_statement},
    {"import: .timelimit, domjudge-problem.ini, derived limits", test_time_limit},
    {"import: references in six languages, verdict directories", test_references},
    {"import: the packages of tests/packages", test_real_packages},
    {"hostile zip: slips, absolute names, links out, loops, special files", test_hostile_zip_names},
    {"hostile directory: links out, loops, FIFOs, depth", test_hostile_dir},
    {"hostile zip: bombs refused without inflating them", test_zip_bomb},
    {"hostile zip: too many entries", test_too_many_entries},
    {"import: test data that is not text, missing .ans, bad YAML, too many tests",
     test_bad_test_data},
    {"export: only into a new or empty directory, never through a link", test_export_dir_guards},
    {"export: a hand-made document, normalised", test_export_handmade},
    {"export: test order kept by numbering", test_export_order},
    {"export: malformed documents are refused", test_bad_documents},
    {"yaml: scalars, lists, maps", test_yaml},
    CU_TEST_INFO_NULL,
};

TEST_MAIN("package", tests)
