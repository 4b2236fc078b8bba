/*
 * test_cache.c - what boxes share at /cache (conf/box-cache.sh): the precompiled
 * headers and class-data archives are used by the very commands of lang.c, a
 * stale one is passed over with the same verdicts, and no box can change them.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extern.h"
#include "harness.h"

#define CACHE_HOST "/var/cache/coding-engine"

static const struct judge_entry main_entry = { .file_class = "Main", .main_class = "Main" };

static const char java_sum[] = "import java.util.*;\n"
			       "public class Main {\n"
			       "    public static void main(String[] a) {\n"
			       "        Scanner s = new Scanner(System.in);\n"
			       "        int n = s.nextInt(); long t = 0;\n"
			       "        for (int i = 0; i < n; i++) t += s.nextLong();\n"
			       "        System.out.println(t);\n"
			       "    }\n"
			       "}\n";

/* A fresh box holding src as name; -1 when the sandbox failed. */
static int box_with(struct sbx *b, const char *name, const char *src)
{
	char err[512] = "";

	if (sbx_open(b, 64, err, sizeof(err)) < 0 ||
	    sbx_write_file(b, name, src, strlen(src), false, err, sizeof(err)) < 0) {
		fprintf(stderr, "box: %s\n", err);
		return -1;
	}
	return 0;
}

/*
 * In box b: the language's compile (or run) command for name, with extra
 * options after the program's path and tail at the end; o gets the outcome.
 */
static int box_cmd(struct sbx *b, const char *lang, bool compile, const char *name,
		   const char *const *extra, const char *const *tail, const char *input,
		   struct sbx_outcome *o)
{
	const struct lang *l = lang_find(lang);
	const char *const *tmpl = compile ? l->compile : l->run;
	const char *pre[8] = { tmpl[0] };
	struct argv_buf argv = { .n = 0 }, env = { .n = 0 };
	struct sbx_cmd cmd = {
		.writable = compile,
		.stdin_data = input,
		.stdin_len = input ? strlen(input) : 0,
		.lim = { .cpu_ms = 20000, .wall_ms = 60000, .mem_bytes = 1ull << 30,
			 .output_bytes = 4u << 20, .fsize_bytes = 256u << 20,
			 .stack_bytes = 64u << 20, .pids = 128, .nofile = 512, .tmp_mb = 64 },
	};
	char err[512] = "";
	size_t npre = 1;
	int rc = -1;

	while (extra && *extra && npre < 8)
		pre[npre++] = *extra++;
	if (argv_build(&argv, pre, npre, tmpl + 1, &main_entry, name, 256) < 0 ||
	    argv_build(&env, judge_base_env, JUDGE_BASE_ENV, l->env, &main_entry, name, 256) < 0)
		goto out;
	while (tail && *tail)
		if (argv_add(&argv, *tail++) < 0)
			goto out;
	cmd.argv = argv.v;
	cmd.envp = env.v;
	sbx_outcome_init(o);
	if (sbx_run(b, &cmd, o, err, sizeof(err)) < 0) {
		fprintf(stderr, "box: %s\n", err);
		goto out;
	}
	rc = 0;
out:
	argv_release(&argv);
	argv_release(&env);
	return rc;
}

/* Compile or run in a box of its own. */
static int box_once(const char *lang, bool compile, const char *name, const char *src,
		    const char *const *extra, const char *const *tail, struct sbx_outcome *o)
{
	struct sbx b = { .sock = -1, .pid = -1 };
	int rc = box_with(&b, name, src) < 0 ? -1 : box_cmd(&b, lang, compile, name, extra, tail,
							     NULL, o);

	sbx_close(&b);
	return rc;
}

static bool exited_ok(const struct sbx_outcome *o)
{
	if (o->status == SBX_EXITED && o->exit_code == 0)
		return true;
	fprintf(stderr, "\n    status %d exit %d: %.2000s\n", o->status, o->exit_code, o->err.buf);
	return false;
}

/* The cpp compile command, -H added, reads the precompiled header ("!" marks it). */
static void test_pch_used(void)
{
	static const char *const headers[] = { "bits/stdc++.h", "iostream" };
	static const char *const tail[] = { "-Winvalid-pch", "-H", NULL };
	char src[128], used[128];
	struct sbx_outcome o;
	size_t i;

	CU_ASSERT_FATAL(harness_init() == 0);
	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
		snprintf(src, sizeof(src), "#include <%s>\nint main() { return 0; }\n", headers[i]);
		snprintf(used, sizeof(used), "! /cache/cpp/%s.gch", headers[i]);
		CU_ASSERT_FATAL(box_once("cpp", true, "main.cpp", src, NULL, tail, &o) == 0);
		CU_ASSERT(exited_ok(&o));
		if (!strstr(o.err.buf, used))
			fprintf(stderr, "\n    %s not used (make test builds it with conf/box-cache.sh): "
				"%.1500s\n", headers[i], o.err.buf);
		CU_ASSERT_PTR_NOT_NULL(strstr(o.err.buf, used));
		CU_ASSERT_PTR_NULL(strstr(o.err.buf, "not used because"));
		sbx_outcome_release(&o);
	}
}

/* A header that does not match (other flags, a macro first) is compiled from source. */
static void test_pch_mismatch_compiles(void)
{
	static const char *const other_flags[] = { "-O0", "-H", NULL };
	static const char *const plain[] = { "-H", NULL };
	static const char debug_first[] = "#define _GLIBCXX_DEBUG 1\n#include <bits/stdc++.h>\n"
					  "int main() { std::vector<int> v(3); return (int)v[1]; }\n";
	struct sbx_outcome o;

	CU_ASSERT_FATAL(harness_init() == 0);
	CU_ASSERT_FATAL(box_once("cpp", true, "main.cpp", "#include <bits/stdc++.h>\nint main() {}\n",
				 NULL, other_flags, &o) == 0);
	CU_ASSERT(exited_ok(&o));
	CU_ASSERT_PTR_NULL(strstr(o.err.buf, "! /cache/"));
	sbx_outcome_release(&o);

	CU_ASSERT_FATAL(box_once("cpp", true, "main.cpp", debug_first, NULL, plain, &o) == 0);
	CU_ASSERT(exited_ok(&o));
	CU_ASSERT_PTR_NULL(strstr(o.err.buf, "! /cache/"));
	sbx_outcome_release(&o);
}

/* The same verdicts with and without the header precompiled: a submission sees no difference. */
static void test_pch_same_verdicts(void)
{
	static const char *const io[] = { "3\n1 2 3\n", "6", "2\n5 5\n", "11" };
	static const char *const progs[] = {
		"#include <bits/stdc++.h>\nusing namespace std;\n"
		"int main() { int n; long long s = 0, x; cin >> n; while (n--) { cin >> x; s += x; }"
		" cout << s << endl; }\n",
		"#define _GLIBCXX_DEBUG 1\n#include <bits/stdc++.h>\nusing namespace std;\n"
		"int main() { int n; long long s = 0, x; cin >> n; while (n--) { cin >> x; s += x; }"
		" cout << s << endl; }\n",
		"#include <iostream>\n#include <vector>\n"
		"int main() { int n; long long s = 0, x; std::cin >> n; while (n--) { std::cin >> x;"
		" s += x; } std::cout << s << std::endl; }\n",
	};
	size_t i;

	for (i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		struct run *r = run_tests("cpp", progs[i], 0, 0, 0, 2, io);

		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		if (r->res.tests[0].verdict != V_ACCEPTED || r->res.tests[1].verdict != V_WRONG_ANSWER)
			run_dump(r);
		CU_ASSERT_EQUAL(r->res.tests[0].verdict, V_ACCEPTED);
		CU_ASSERT_EQUAL(r->res.tests[1].verdict, V_WRONG_ANSWER);
		run_free(r);
	}
}

/*
 * Compile and run java_sum in one box with these extra options (javac's and
 * java's); true when both ran cleanly and the sum came out.
 */
static bool java_in_box(const char *const *javac_extra, const char *const *java_extra)
{
	struct sbx b = { .sock = -1, .pid = -1 };
	struct sbx_outcome o;
	bool ok = false;

	if (box_with(&b, "Main.java", java_sum) < 0)
		goto out;
	if (box_cmd(&b, "java", true, "Main.java", javac_extra, NULL, NULL, &o) < 0)
		goto out;
	ok = exited_ok(&o) && o.err.len + o.out.len == 0;
	sbx_outcome_release(&o);
	if (!ok || box_cmd(&b, "java", false, "Main.java", java_extra, NULL, "2\n40 2\n", &o) < 0)
		goto out;
	ok = exited_ok(&o) && !strcmp(o.out.buf, "42\n") && o.err.len == 0;
	if (!ok)
		fprintf(stderr, "\n    out %.200s err %.1000s\n", o.out.buf, o.err.buf);
	sbx_outcome_release(&o);
out:
	sbx_close(&b);
	return ok;
}

/* -Xshare:on refuses to start a JVM whose archive cannot be used: javac's and the program's. */
static void test_cds_used(void)
{
	static const char *const javac_on[] = { "-J-Xshare:on", NULL };
	static const char *const java_on[] = { "-Xshare:on", NULL };

	CU_ASSERT_FATAL(harness_init() == 0);
	CU_ASSERT(java_in_box(javac_on, java_on));
}

/* An archive that does not fit (a later -XX:SharedArchiveFile wins) is passed over quietly. */
static void test_cds_mismatch_runs(void)
{
	static const char *const javac_bad[] = { "-J-XX:SharedArchiveFile=/cache/cpp/key", NULL };
	static const char *const java_bad[] = { "-XX:SharedArchiveFile=/cache/cpp/key", NULL };
	static const char *const javac_none[] = { "-J-XX:SharedArchiveFile=/cache/none.jsa", NULL };
	static const char *const java_none[] = { "-XX:SharedArchiveFile=/cache/none.jsa", NULL };
	static const char *const io[] = { "2\n40 2\n", "42", "1\n5\n", "6" };
	struct run *r;

	CU_ASSERT_FATAL(harness_init() == 0);
	CU_ASSERT(java_in_box(javac_bad, java_bad));
	CU_ASSERT(java_in_box(javac_none, java_none));
	r = run_tests("java", java_sum, 0, 0, 0, 2, io);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->res.tests[0].verdict, V_ACCEPTED);
	CU_ASSERT_EQUAL(r->res.tests[1].verdict, V_WRONG_ANSWER);
	run_free(r);
}

/* Neither the compiler nor the program can change /cache: not a byte, not a name. */
static void test_cache_read_only(void)
{
	static const char script[] =
		"n=0\n"
		"for f in /cache/cpp/bits/stdc++.h.gch /cache/cpp/iostream.gch /cache/cpp/key "
		"/cache/java/javac.jsa /cache/java/run.jsa; do\n"
		"  [ -r \"$f\" ] || { echo \"missing $f\"; exit 3; }\n"
		"  (printf x >>\"$f\") 2>/dev/null && n=$((n+1))\n"
		"  (: >\"$f\") 2>/dev/null && n=$((n+1))\n"
		"  rm -f \"$f\" 2>/dev/null; [ -e \"$f\" ] || n=$((n+1))\n"
		"  mv \"$f\" \"$f.x\" 2>/dev/null && n=$((n+1))\n"
		"  chmod 777 \"$f\" 2>/dev/null && n=$((n+1))\n"
		"  touch \"$f\" 2>/dev/null && n=$((n+1))\n"
		"done\n"
		"for d in /cache /cache/cpp /cache/cpp/bits /cache/java; do\n"
		"  (: >\"$d/new\") 2>/dev/null && n=$((n+1))\n"
		"  mkdir \"$d/dir\" 2>/dev/null && n=$((n+1))\n"
		"  ln -s /box \"$d/link\" 2>/dev/null && n=$((n+1))\n"
		"done\n"
		"grep -q ' /cache ro,' /proc/self/mountinfo || { echo 'not a read-only mount'; exit 4; }\n"
		"echo \"$n\"\n";
	static const char *const argv[] = { "/bin/sh", "/box/t.sh", NULL };
	struct sbx b = { .sock = -1, .pid = -1 };
	struct sbx_cmd cmd = {
		.argv = argv,
		.lim = { .cpu_ms = 5000, .wall_ms = 20000, .mem_bytes = 256u << 20,
			 .output_bytes = 1u << 20, .fsize_bytes = 64u << 20, .stack_bytes = 8u << 20,
			 .pids = 64, .nofile = 64, .tmp_mb = 16 },
	};
	static const char *const files[] = { CACHE_HOST "/cpp/bits/stdc++.h.gch",
					     CACHE_HOST "/java/run.jsa" };
	struct stat before[2], after[2];
	struct sbx_outcome o;
	char err[512] = "";
	const char *envp[JUDGE_BASE_ENV + 1];
	size_t i;
	int pass;

	CU_ASSERT_FATAL(harness_init() == 0);
	memcpy(envp, judge_base_env, sizeof(judge_base_env));
	envp[JUDGE_BASE_ENV] = NULL;
	cmd.envp = envp;
	for (i = 0; i < 2; i++)
		CU_ASSERT_FATAL(stat(files[i], &before[i]) == 0);
	/* twice: with /box read-only as for a test, and writable as for a compile */
	for (pass = 0; pass < 2; pass++) {
		cmd.writable = pass == 1;
		sbx_outcome_init(&o);
		CU_ASSERT_FATAL(sbx_open(&b, 16, err, sizeof(err)) == 0);
		CU_ASSERT_FATAL(sbx_write_file(&b, "t.sh", script, strlen(script), false, err,
					       sizeof(err)) == 0);
		CU_ASSERT_FATAL(sbx_run(&b, &cmd, &o, err, sizeof(err)) == 0);
		CU_ASSERT(exited_ok(&o));
		if (strcmp(o.out.buf, "0\n"))
			fprintf(stderr, "\n    changes that succeeded: %s\n", o.out.buf);
		CU_ASSERT_STRING_EQUAL(o.out.buf, "0\n");
		sbx_outcome_release(&o);
		sbx_close(&b);
	}
	for (i = 0; i < 2; i++) {
		CU_ASSERT_FATAL(stat(files[i], &after[i]) == 0);
		CU_ASSERT(after[i].st_size == before[i].st_size &&
			  after[i].st_mtim.tv_sec == before[i].st_mtim.tv_sec &&
			  after[i].st_mtim.tv_nsec == before[i].st_mtim.tv_nsec &&
			  after[i].st_ino == before[i].st_ino && after[i].st_uid == 0 &&
			  !(after[i].st_mode & 022));
	}
}

static CU_TestInfo tests[] = {
	{ "cpp: the precompiled headers are used", test_pch_used },
	{ "cpp: a header that does not match is compiled", test_pch_mismatch_compiles },
	{ "cpp: same verdicts with and without", test_pch_same_verdicts },
	{ "java: javac's and the program's archives are used", test_cds_used },
	{ "java: an archive that does not fit is passed over", test_cds_mismatch_runs },
	{ "no box can change /cache", test_cache_read_only },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("cache", tests)
