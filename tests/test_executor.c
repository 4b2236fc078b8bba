/*
 * test_executor.c - unit tests of executor.c: the FastCGI side of an
 * execution, with the real bin/judge ($BIN/judge) and its launcher
 *
 * Besides the real judge, small shell scripts stand in for a judge that
 * misbehaves (exits oddly, prints no JSON, dies), which the real one cannot
 * be made to do on purpose.
 */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "executor.h"
#include "util.h"
#include "strbuf.h"
#include "harness.h"

static char judge[512];
static char sdir[64];
static char err[512];

static int suite_init(void)
{
	const char *bin = getenv("BIN");

	snprintf(judge, sizeof(judge), "%s/judge", bin && *bin ? bin : "bin");
	if (access(judge, X_OK) < 0) {
		fprintf(stderr, "no judge at %s (set BIN)\n", judge);
		return -1;
	}
	snprintf(sdir, sizeof(sdir), "/tmp/ce-test-executor.XXXXXX");
	if (!mkdtemp(sdir))
		return -1;
	/* as in the FastCGI worker: a judge that goes away early is an error, not a signal */
	signal(SIGPIPE, SIG_IGN);
	executor_init(judge);
	return 0;
}

static char script_paths[16][128];
static size_t nscripts;

static int suite_cleanup(void)
{
	size_t i;

	for (i = 0; i < nscripts; i++)
		unlink(script_paths[i]);
	return rmdir(sdir) < 0 ? -1 : 0;
}

/* A stand-in judge: a shell script with body, after it read the request. */
static const char *script(const char *name, const char *body)
{
	char *path;
	FILE *f;

	CU_ASSERT_FATAL(nscripts < sizeof(script_paths) / sizeof(script_paths[0]));
	path = script_paths[nscripts++];
	snprintf(path, sizeof(script_paths[0]), "%s/%s", sdir, name);
	f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fprintf(f, "#!/bin/sh\ncat >/dev/null\n%s\n", body);
	fclose(f);
	CU_ASSERT_EQUAL_FATAL(chmod(path, 0755), 0);
	return path;
}

/* Run req with the judge at path (the real one when NULL). */
static struct json_object *run_with(const char *path, const char *req, int *invalid)
{
	struct json_object *o;

	executor_init(path ? path : judge);
	err[0] = '\0';
	*invalid = -1;
	o = executor_run(req, strlen(req), NULL, invalid, err, sizeof(err));
	executor_init(judge);
	return o;
}

static const char *get_str(struct json_object *o, const char *a, const char *b)
{
	struct json_object *v = o;

	if (!json_object_object_get_ex(v, a, &v) || (b && !json_object_object_get_ex(v, b, &v)))
		return "(absent)";
	return json_object_get_string(v);
}

static void test_accepted(void)
{
	static const char req[] =
		"{\"language\":\"python\",\"code\":\"print(int(input())*2)\","
		"\"test_cases\":[{\"input\":\"21\",\"expected_output\":\"42\"}]}";
	struct json_object *o, *tests = NULL, *t0;
	int invalid;

	o = run_with(NULL, req, &invalid);
	if (!o)
		fprintf(stderr, "\n    executor: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(invalid, 0);
	CU_ASSERT_TRUE(json_object_is_type(o, json_type_object));
	if (strcmp(get_str(o, "status", NULL), "accepted"))
		fprintf(stderr, "\n    %s\n", json_object_to_json_string(o));
	CU_ASSERT_STRING_EQUAL(get_str(o, "status", NULL), "accepted");
	CU_ASSERT_STRING_EQUAL(get_str(o, "language", NULL), "python");
	CU_ASSERT_STRING_EQUAL(get_str(o, "compile", "status"), "ok");
	CU_ASSERT_FALSE(json_object_object_get_ex(o, "success", NULL));
	if (json_object_object_get_ex(o, "test_results", &tests) &&
	    json_object_is_type(tests, json_type_array) &&
	    json_object_array_length(tests) == 1) {
		t0 = json_object_array_get_idx(tests, 0);
		CU_ASSERT_STRING_EQUAL(get_str(t0, "actual_output", NULL), "42\n");
		CU_ASSERT_STRING_EQUAL(get_str(t0, "status", NULL), "accepted");
	} else {
		CU_FAIL("one test result");
	}
	/* a judged request leaves nothing in err */
	CU_ASSERT_STRING_EQUAL(err, "");
	json_object_put(o);
}

static void test_invalid_request(void)
{
	static const char *const reqs[][2] = {
		{ "{\"language\":\"cobol\",\"code\":\"x\",\"test_cases\":[{\"input\":\"\","
		  "\"expected_output\":\"\"}]}", "invalid_language" },
		{ "{\"language\":\"python\",", "invalid_json" },
		{ "", "invalid_json" },
		{ "[1]", "invalid_request" },
	};
	size_t i;

	for (i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		struct json_object *o;
		int invalid;

		o = run_with(NULL, reqs[i][0], &invalid);
		if (!o)
			fprintf(stderr, "\n    executor: %s\n", err);
		CU_ASSERT_PTR_NOT_NULL_FATAL(o);
		CU_ASSERT_EQUAL(invalid, 1);
		/* the object is the judge's error envelope */
		CU_ASSERT_STRING_EQUAL(get_str(o, "success", NULL), "false");
		CU_ASSERT_STRING_EQUAL(get_str(o, "error", "code"), reqs[i][1]);
		CU_ASSERT_STRING_NOT_EQUAL(get_str(o, "error", "message"), "");
		CU_ASSERT_STRING_NOT_EQUAL(get_str(o, "error", "message"), "(absent)");
		json_object_put(o);
	}
}

static void test_no_judge(void)
{
	char path[600];
	int invalid;

	snprintf(path, sizeof(path), "%s/no-such-judge", sdir);
	CU_ASSERT_PTR_NULL(run_with(path, "{}", &invalid));
	CU_ASSERT_EQUAL(invalid, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "no-such-judge"));

	/* not executable */
	snprintf(path, sizeof(path), "%s", script("not-executable", "exit 0"));
	CU_ASSERT_EQUAL_FATAL(chmod(path, 0644), 0);
	CU_ASSERT_PTR_NULL(run_with(path, "{}", &invalid));
	CU_ASSERT_STRING_NOT_EQUAL(err, "");

	/* executor_init keeps its path when given none */
	executor_init(path);
	executor_init(NULL);
	executor_init("");
	err[0] = '\0';
	CU_ASSERT_PTR_NULL(executor_run("{}", 2, NULL, &invalid, err, sizeof(err)));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "not-executable"));
	executor_init(judge);
}

static void test_judge_misbehaves(void)
{
	struct json_object *o;
	int invalid;

	/* exit 0 and no JSON */
	CU_ASSERT_PTR_NULL(run_with(script("silent", "exit 0"), "{}", &invalid));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "no JSON"));
	CU_ASSERT_EQUAL(invalid, 0);

	/* exit 0 and half a document */
	CU_ASSERT_PTR_NULL(run_with(script("cut", "printf '{\"status\":\"acc'"), "{}", &invalid));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "no JSON"));

	/* an exit status the judge never uses */
	CU_ASSERT_PTR_NULL(run_with(script("exit3", "echo '{}'; exit 3"), "{}", &invalid));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "status 3"));

	/* killed */
	CU_ASSERT_PTR_NULL(run_with(script("killed", "echo '{}'; kill -9 $$"), "{}", &invalid));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "status 137"));

	/* exit 1 with an error envelope: no box could be built, nothing ran */
	CU_ASSERT_PTR_NULL(run_with(script("nobox", "echo '{\"success\":false,\"error\":"
					   "{\"code\":\"sandbox_unavailable\",\"message\":\"m\"}}'; exit 1"),
				    "{}", &invalid));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "sandbox_unavailable"));

	/* exit 1 with a result: a sandbox failure during the run, the result is still shown */
	o = run_with(script("internal", "echo '{\"status\":\"internal_error\"}'; exit 1"), "{}",
		     &invalid);
	CU_ASSERT_PTR_NOT_NULL(o);
	CU_ASSERT_EQUAL(invalid, 0);
	CU_ASSERT_STRING_EQUAL(get_str(o, "status", NULL), "internal_error");
	CU_ASSERT_STRING_NOT_EQUAL(err, "");
	json_object_put(o);
}

static void test_judge_env(void)
{
	struct json_object *o;
	const char *env;
	int invalid;

	/* the judge's environment is fixed: nothing of the worker's leaks into it */
	setenv("CE_TEST_SECRET", "leak", 1);
	o = run_with(script("env", "printf '{\"env\":\"%s\"}' \"$(env | sort | tr '\\n' ' ')\""),
		     "{}", &invalid);
	unsetenv("CE_TEST_SECRET");
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	env = get_str(o, "env", NULL);
	CU_ASSERT_PTR_NOT_NULL(strstr(env, "PATH=/usr/bin:/bin"));
	CU_ASSERT_PTR_NULL(strstr(env, "CE_TEST_SECRET"));
	CU_ASSERT_PTR_NULL(strstr(env, "HOME="));
	json_object_put(o);
}

static void test_check(void)
{
	int rc;

	err[0] = '\0';
	rc = executor_check(err, sizeof(err));
	if (rc != 0)
		fprintf(stderr, "\n    executor_check: %s\n", err);
	CU_ASSERT_EQUAL(rc, 0);

	/* a judge that says no: its first line is the reason */
	executor_init(script("check-fails", "echo 'no cgroup v2 here'; echo more; exit 1"));
	err[0] = '\0';
	CU_ASSERT_EQUAL(executor_check(err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "no cgroup v2 here");
	executor_init(judge);
}

/* Progress lines as the executor hands them over, joined with ','. */
static void collect(void *arg, const char *line)
{
	struct strbuf *sb = arg;

	strbuf_addf(sb, "%s%s", sb->len ? "," : "", line);
}

static void test_progress(void)
{
	static const char py[] =
		"{\"language\":\"python\",\"code\":\"print(input())\",\"test_cases\":["
		"{\"input\":\"1\",\"expected_output\":\"1\"},{\"input\":\"2\",\"expected_output\":\"2\"},"
		"{\"input\":\"3\",\"expected_output\":\"3\"}]}";
	struct strbuf lines = STRBUF_INIT;
	struct executor_watch w = { .progress = collect, .arg = &lines };
	struct json_object *o;
	int invalid;

	o = executor_run(py, strlen(py), &w, &invalid, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL(o);
	/* python's syntax check waits for a test that does not pass: here, none */
	CU_ASSERT_STRING_EQUAL(lines.buf, "test 1/3,test 2/3,test 3/3");
	CU_ASSERT_FALSE(w.expired);
	json_object_put(o);
	strbuf_release(&lines);
}

/* A run past its hard deadline is killed, and the caller hears so at the deadline. */
static void test_deadline(void)
{
	static const char slow[] =
		"{\"language\":\"python\",\"code\":\"import time\\ntime.sleep(8)\",\"timeout\":10,"
		"\"test_cases\":[{\"input\":\"\",\"expected_output\":\"\"}]}";
	struct executor_watch w = { .deadline_ms = 1500 };
	uint64_t t0 = mono_us();
	struct json_object *o;
	int invalid;

	err[0] = '\0';
	o = executor_run(slow, strlen(slow), &w, &invalid, err, sizeof(err));
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_TRUE(w.expired);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "hard deadline"));
	/* stopped at the deadline, not at the end of the program's sleep */
	CU_ASSERT_TRUE(mono_us() - t0 < 5000000u);
	json_object_put(o);
}

static CU_TestInfo tests[] = {
	{ "progress", test_progress },
	{ "deadline", test_deadline },
	{ "accepted", test_accepted },
	{ "invalid_request", test_invalid_request },
	{ "no_judge", test_no_judge },
	{ "judge_misbehaves", test_judge_misbehaves },
	{ "judge_env", test_judge_env },
	{ "check", test_check },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("executor", tests, suite_init, suite_cleanup);
}
