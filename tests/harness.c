/* harness.c - helpers shared by the CUnit suites */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"

static bool inited;

int harness_init(void)
{
	char err[512];
	enum sbx_err rc;

	if (inited)
		return 0;
	rc = sbx_init(NULL, err, sizeof(err));
	if (rc == SBX_OK)
		rc = sbx_check(err, sizeof(err));
	if (rc != SBX_OK) {
		fprintf(stderr, "sandbox unavailable: %s: %s\n", sbx_strerror(rc), err);
		return -1;
	}
	inited = true;
	return 0;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		abort();
	return p;
}

struct run *run_tests(const char *lang, const char *code, double timeout, unsigned mem_mb,
		      unsigned out_kb, size_t ntests, const char *const *io)
{
	struct run *r = calloc(1, sizeof(*r));
	size_t i;
	char id[32];

	if (!r || harness_init() < 0) {
		free(r);
		return NULL;
	}
	judge_request_init(&r->req);
	r->req.lang = lang_find(lang);
	if (!r->req.lang) {
		free(r);
		return NULL;
	}
	r->req.code = xstrdup(code);
	r->req.code_len = strlen(code);
	if (timeout > 0)
		r->req.timeout_s = timeout;
	if (mem_mb)
		r->req.memory_mb = mem_mb;
	if (out_kb)
		r->req.output_kb = out_kb;
	r->req.tests = calloc(ntests, sizeof(*r->req.tests));
	if (!r->req.tests)
		abort();
	r->req.ntests = ntests;
	for (i = 0; i < ntests; i++) {
		snprintf(id, sizeof(id), "t%zu", i + 1);
		r->req.tests[i].id = xstrdup(id);
		r->req.tests[i].input = xstrdup(io[2 * i]);
		r->req.tests[i].input_len = strlen(io[2 * i]);
		r->req.tests[i].expected = xstrdup(io[2 * i + 1]);
		r->req.tests[i].expected_len = strlen(io[2 * i + 1]);
		r->req.tests[i].group = -1;
		r->req.tests[i].points = 1;
	}
	r->rc = judge_execute(&r->req, &r->res, r->err, sizeof(r->err));
	return r;
}

struct run *run1_lim(const char *lang, const char *code, const char *input, const char *expected,
		     double timeout, unsigned mem_mb, unsigned out_kb)
{
	const char *io[2] = { input, expected };

	return run_tests(lang, code, timeout, mem_mb, out_kb, 1, io);
}

struct run *run1(const char *lang, const char *code, const char *input, const char *expected)
{
	return run1_lim(lang, code, input, expected, 0, 0, 0);
}

void run_free(struct run *r)
{
	if (!r)
		return;
	judge_result_release(&r->res);
	judge_request_release(&r->req);
	free(r);
}

const char *run_verdict(const struct run *r, size_t i)
{
	if (!r || i >= r->res.ntests)
		return "(none)";
	return verdict_name(r->res.tests[i].verdict);
}

void run_dump(const struct run *r)
{
	size_t i;

	if (!r)
		return;
	fprintf(stderr, "\n--- %s: rc=%d (%s) overall=%s compile=%s\n%.2000s\n",
		r->req.lang ? r->req.lang->id : "?", r->rc, r->err, verdict_name(r->res.verdict),
		r->res.compile_ok ? "ok" : "failed", r->res.compile_output.buf);
	for (i = 0; i < r->res.ntests; i++) {
		const struct judge_test_result *t = &r->res.tests[i];

		fprintf(stderr,
			"  test %zu: %s exit=%d signal=%d cpu=%llums wall=%llums mem=%lluKiB\n"
			"    output: %.500s\n    error: %.1500s\n",
			i + 1, verdict_name(t->verdict), t->exit_code, t->signal,
			(unsigned long long)t->cpu_ms, (unsigned long long)t->wall_ms,
			(unsigned long long)t->memory_bytes / 1024, t->output.buf, t->error.buf);
	}
}

int host_box_processes(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	struct stat st;
	char path[300];
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s", e->d_name);
		/* a box's uid, or one of its twins' (sandbox/box.c) */
		if (stat(path, &st) == 0 && st.st_uid >= 60000 && st.st_uid < 60000 + 64 * 8)
			n++;
	}
	closedir(d);
	return n;
}

static int count_subdirs(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)))
		if (e->d_type == DT_DIR && e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

int host_leftover_cgroups(void)
{
	static const char *const roots[] = {
		"/sys/fs/cgroup/memory/coding-engine", "/sys/fs/cgroup/pids/coding-engine",
		"/sys/fs/cgroup/cpuacct/coding-engine", "/sys/fs/cgroup/coding-engine",
		"/sys/fs/cgroup/unified/coding-engine",
	};
	size_t i;
	int n = 0;

	for (i = 0; i < sizeof(roots) / sizeof(roots[0]); i++)
		n += count_subdirs(roots[i]);
	return n;
}

int test_main(const char *suite, CU_TestInfo *tests, int (*init)(void), int (*cleanup)(void))
{
	CU_SuiteInfo suites[] = {
		{ (char *)suite, init, cleanup, NULL, NULL, tests },
		CU_SUITE_INFO_NULL,
	};
	unsigned failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		CU_cleanup_registry();
		return 1;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	/* a suite whose set-up failed ran nothing: that is a failure, not a pass */
	failed = CU_get_number_of_tests_failed() + CU_get_number_of_suites_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
