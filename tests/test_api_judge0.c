/*
 * test_api_judge0.c - unit tests of judge0.c and api_judge0.c: Judge0's
 * status ids from the judge's answers, a submission's fields, base64 and the
 * UTF-8 refusal, and the handlers' answers that need no queue (validation,
 * fields=, X-Auth-Token, languages, statuses)
 *
 * No web server and no database: the handlers get a hand-built FastCGI
 * request (tests/fcgi_fake.h); the submissions are made from job views
 * built here as the queue would fill them.
 */
#define _GNU_SOURCE
#include <fcgiapp.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_judge0.h"
#include "fcgi_fake.h"
#include "harness.h"
#include "judge0.h"
#include "strbuf.h"

/* The one fake request of a test, and its parameters. */
static struct fcgi_fake t;
static struct fcgi_fake_params env;

/*
 * Call handler with method, the query string, the route's parameter (or
 * NULL), a JSON body (or NULL) and one more header line ("NAME=value", or
 * NULL).  Returns the JSON sent (caller puts it), its status in *status.
 */
static struct json_object *call(int (*handler)(struct http_req *), const char *method,
				const char *query, const char *param, const char *body,
				const char *header, int *status)
{
	size_t len = body ? strlen(body) : 0;
	char num[32];
	struct json_object *o;

	fcgi_fake_params_reset(&env);
	fcgi_fake_param(&env, "REQUEST_METHOD=%s", method);
	fcgi_fake_param(&env, "REQUEST_URI=%s", "/judge0/submissions");
	fcgi_fake_param(&env, "QUERY_STRING=%s", query ? query : "");
	fcgi_fake_param(&env, "REMOTE_ADDR=%s", "127.0.0.1");
	if (body) {
		fcgi_fake_param(&env, "CONTENT_TYPE=%s", "application/json");
		snprintf(num, sizeof(num), "%zu", len);
		fcgi_fake_param(&env, "CONTENT_LENGTH=%s", num);
	}
	if (header)
		fcgi_fake_param(&env, "%s", header);
	fcgi_fake_start(&t, env.v, body ? body : "", len, 0);
	if (param) {
		snprintf(t.r.m.params[0], sizeof(t.r.m.params[0]), "%s", param);
		t.r.m.nparams = 1;
	}
	handler(&t.r);

	/* every answer, errors too, is sent by the handler in Judge0's shape */
	CU_ASSERT_TRUE(t.r.sent);
	o = fcgi_fake_json(&t, status);
	fcgi_fake_finish(&t);
	return o;
}

static const char *str_at(struct json_object *o, const char *a, const char *b)
{
	struct json_object *v = o;

	if (!json_object_object_get_ex(v, a, &v) || (b && !json_object_object_get_ex(v, b, &v)))
		return "(absent)";
	return v ? json_object_get_string(v) : "(null)";
}

/* Judge0's error {"error": ...} with the status, its message containing part. */
static void assert_error(struct json_object *o, const int *status, int want, const char *part)
{
	int st = *status;

	if (st != want || !strstr(str_at(o, "error", NULL), part))
		fprintf(stderr, "\n    %d %s, want %d '%s'\n", st, json_object_to_json_string(o), want,
			part);
	CU_ASSERT_EQUAL(st, want);
	CU_ASSERT_PTR_NOT_NULL(strstr(str_at(o, "error", NULL), part));
	json_object_put(o);
}

/*
 * The judge's answer for one test (SPEC section 3): the compile's status and
 * output, the verdict, stdout, error (NULL: null), exit code and signal (-1: null).
 */
static struct json_object *judged(const char *cstatus, const char *coutput, const char *verdict,
				  const char *out, size_t out_len, const char *error, int exit_code,
				  int sig)
{
	struct json_object *o = json_object_new_object(), *c = json_object_new_object(),
			   *arr = json_object_new_array(), *r = json_object_new_object();

	json_object_object_add(o, "status", json_object_new_string(verdict));
	json_object_object_add(c, "status", json_object_new_string(cstatus));
	json_object_object_add(c, "output", json_object_new_string(coutput));
	json_object_object_add(o, "compile", c);
	json_object_object_add(r, "input", json_object_new_string("in put"));
	json_object_object_add(r, "expected_output", json_object_new_string("expected"));
	json_object_object_add(r, "actual_output", json_object_new_string_len(out, (int)out_len));
	json_object_object_add(r, "status", json_object_new_string(verdict));
	json_object_object_add(r, "execution_time_ms", json_object_new_int(25));
	json_object_object_add(r, "cpu_time_ms", json_object_new_int(12));
	json_object_object_add(r, "memory_usage_bytes", json_object_new_int(3145728));
	json_object_object_add(r, "exit_code", exit_code < 0 ? NULL : json_object_new_int(exit_code));
	json_object_object_add(r, "signal", sig < 0 ? NULL : json_object_new_int(sig));
	json_object_object_add(r, "error", error ? json_object_new_string(error) : NULL);
	json_object_array_add(arr, r);
	json_object_object_add(o, "test_results", arr);
	return o;
}

static const char ctx_expected[] =
	"{\"judge0\":{\"language_id\":71,\"expected_output\":true,\"cpu_time_limit\":2.5,"
	"\"wall_time_limit\":10.0,\"memory_limit\":65536,\"source_code\":\"print(1)\","
	"\"callback_url\":null}}";
static const char ctx_none[] =
	"{\"judge0\":{\"language_id\":50,\"expected_output\":false,\"cpu_time_limit\":5.0,"
	"\"wall_time_limit\":10.0,\"memory_limit\":262144,\"source_code\":\"int main\","
	"\"callback_url\":\"http://h/x\"}}";

/* A job view as queue_view fills it; result is taken. */
static void view(struct job_view *v, const char *state, const char *ctx, struct json_object *result)
{
	memset(v, 0, sizeof(*v));
	snprintf(v->token, sizeof(v->token), "0b6fc9a7-3f5e-4d0a-9b8e-1f2a3b4c5d6e");
	snprintf(v->kind, sizeof(v->kind), "execute");
	snprintf(v->state, sizeof(v->state), "%s", state);
	snprintf(v->created_at, sizeof(v->created_at), "2026-01-02T03:04:05.678Z");
	v->context = ctx ? strdup(ctx) : NULL;
	v->result = result;
}

/* ---- status ids ---- */

static void test_status_of(void)
{
	static const struct {
		const char *cstatus, *verdict;
		int exit_code, sig;
		bool expected;
		int want;
	} cases[] = {
		{ "ok", "accepted", 0, -1, true, JUDGE0_ACCEPTED },
		{ "skipped", "accepted", 0, -1, false, JUDGE0_ACCEPTED },
		{ "ok", "wrong_answer", 0, -1, true, JUDGE0_WRONG_ANSWER },
		{ "ok", "wrong_answer", 0, -1, false, JUDGE0_ACCEPTED },
		{ "ok", "time_limit_exceeded", -1, SIGKILL, true, JUDGE0_TIME_LIMIT },
		{ "error", "compilation_error", -1, -1, true, JUDGE0_COMPILATION_ERROR },
		{ "ok", "compilation_error", -1, -1, false, JUDGE0_COMPILATION_ERROR },
		{ "ok", "runtime_error", -1, SIGSEGV, false, JUDGE0_SIGSEGV },
		{ "ok", "runtime_error", -1, SIGXFSZ, false, JUDGE0_SIGXFSZ },
		{ "ok", "runtime_error", -1, SIGFPE, false, JUDGE0_SIGFPE },
		{ "ok", "runtime_error", -1, SIGABRT, false, JUDGE0_SIGABRT },
		{ "ok", "runtime_error", 3, -1, false, JUDGE0_NZEC },
		{ "ok", "runtime_error", -1, SIGKILL, false, JUDGE0_OTHER },
		{ "ok", "runtime_error", -1, SIGBUS, false, JUDGE0_OTHER },
		{ "ok", "memory_limit_exceeded", -1, SIGKILL, false, JUDGE0_OTHER },
		{ "ok", "memory_limit_exceeded", 1, -1, false, JUDGE0_OTHER },
		{ "ok", "output_limit_exceeded", -1, -1, false, JUDGE0_SIGXFSZ },
		{ "ok", "internal_error", -1, -1, false, JUDGE0_INTERNAL_ERROR },
		{ "ok", "something_new", 0, -1, false, JUDGE0_INTERNAL_ERROR },
	};
	struct json_object *o;
	size_t i;
	int got;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		o = judged(cases[i].cstatus, "", cases[i].verdict, "", 0, NULL, cases[i].exit_code,
			   cases[i].sig);
		got = judge0_status_of(o, cases[i].expected);
		if (got != cases[i].want)
			fprintf(stderr, "\n    %s/%s sig %d: %d, want %d\n", cases[i].cstatus,
				cases[i].verdict, cases[i].sig, got, cases[i].want);
		CU_ASSERT_EQUAL(got, cases[i].want);
		json_object_put(o);
	}
	/* no test result at all */
	o = json_object_new_object();
	CU_ASSERT_EQUAL(judge0_status_of(o, false), JUDGE0_INTERNAL_ERROR);
	json_object_put(o);
	CU_ASSERT_STRING_EQUAL(judge0_status_name(JUDGE0_NZEC), "Runtime Error (NZEC)");
	CU_ASSERT_STRING_EQUAL(judge0_status_name(JUDGE0_EXEC_FORMAT_ERROR), "Exec Format Error");
	CU_ASSERT_PTR_NULL(judge0_status_name(0));
	CU_ASSERT_PTR_NULL(judge0_status_name(JUDGE0_STATUS__MAX));
}

static void test_languages_table(void)
{
	static const struct {
		int id;
		const char *lang;
	} ids[] = { { 50, "c" }, { 51, "csharp" }, { 54, "cpp" },
		    { 62, "java" }, { 63, "javascript" }, { 71, "python" } };
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(judge0_lang_find(ids[i].id));
		CU_ASSERT_STRING_EQUAL(judge0_lang_find(ids[i].id)->lang, ids[i].lang);
	}
	CU_ASSERT_PTR_NULL(judge0_lang_find(70));	/* Python 2 */
	CU_ASSERT_PTR_NULL(judge0_lang_find(0));
	CU_ASSERT_PTR_NULL(judge0_lang_find(-71));
}

/* ---- base64 and fields ---- */

static void test_base64(void)
{
	static const struct {
		const char *plain, *b64;
	} v[] = { { "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		  { "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
		  { "\xff\xfe\n", "//4K" } };
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		strbuf_reset(&sb);
		CU_ASSERT_EQUAL(judge0_b64_encode(v[i].plain, strlen(v[i].plain), &sb), 0);
		CU_ASSERT_EQUAL(sb.len, strlen(v[i].b64));
		CU_ASSERT_TRUE(sb.len == 0 || !memcmp(sb.buf, v[i].b64, sb.len));
		strbuf_reset(&sb);
		CU_ASSERT_EQUAL(judge0_b64_decode(v[i].b64, strlen(v[i].b64), &sb), 0);
		CU_ASSERT_EQUAL(sb.len, strlen(v[i].plain));
		CU_ASSERT_TRUE(sb.len == 0 || !memcmp(sb.buf, v[i].plain, sb.len));
	}
	/* as Ruby's decode64: Judge0's own line breaks, no padding, stray characters */
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(judge0_b64_decode("Zm9v\nYmFy\n", 10, &sb), 0);
	CU_ASSERT_EQUAL(sb.len, 6);
	CU_ASSERT_TRUE(!memcmp(sb.buf, "foobar", 6));
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(judge0_b64_decode("Zm9vYg", 6, &sb), 0);
	CU_ASSERT_EQUAL(sb.len, 4);
	CU_ASSERT_TRUE(!memcmp(sb.buf, "foob", 4));
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(judge0_b64_decode("Zm9v!YmE", 8, &sb), 0);
	CU_ASSERT_EQUAL(sb.len, 5);
	strbuf_release(&sb);
}

static void test_fields_check(void)
{
	char bad[128];

	CU_ASSERT_EQUAL(judge0_fields_check(NULL, bad, sizeof(bad)), 0);
	CU_ASSERT_EQUAL(judge0_fields_check("", bad, sizeof(bad)), 0);
	CU_ASSERT_EQUAL(judge0_fields_check("*", bad, sizeof(bad)), 0);
	CU_ASSERT_EQUAL(judge0_fields_check("stdout,status,time,,language", bad, sizeof(bad)), 0);
	CU_ASSERT_EQUAL(judge0_fields_check("stdout,nope,status,foo", bad, sizeof(bad)), -1);
	CU_ASSERT_STRING_EQUAL(bad, "nope, foo");
	CU_ASSERT_EQUAL(judge0_fields_check("*,bar", bad, sizeof(bad)), -1);
	CU_ASSERT_STRING_EQUAL(bad, "bar");
}

/* ---- a submission from a job ---- */

static void test_submission_default_fields(void)
{
	static const char *const keys[] = { "token", "time", "memory", "stdout", "stderr",
					    "compile_output", "message", "status" };
	struct job_view v;
	struct json_object *o;
	size_t i;

	view(&v, "done", ctx_expected, judged("skipped", "", "accepted", "hi\n", 3, NULL, 0, -1));
	o = judge0_submission(&v, false, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(json_object_object_length(o), 8);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		CU_ASSERT_TRUE(json_object_object_get_ex(o, keys[i], NULL));
	CU_ASSERT_STRING_EQUAL(str_at(o, "token", NULL), v.token);
	CU_ASSERT_STRING_EQUAL(str_at(o, "stdout", NULL), "hi\n");
	CU_ASSERT_STRING_EQUAL(str_at(o, "time", NULL), "0.012");
	CU_ASSERT_STRING_EQUAL(str_at(o, "memory", NULL), "3072");
	/* Judge0 stores an empty output as nil */
	CU_ASSERT_STRING_EQUAL(str_at(o, "stderr", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "compile_output", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "message", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "id"), "3");
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "description"), "Accepted");
	json_object_put(o);
	job_view_release(&v);
}

static void test_submission_all_fields(void)
{
	struct job_view v;
	struct json_object *o;

	view(&v, "done", ctx_expected,
	     judged("skipped", "", "runtime_error", "out\n", 4, "Exit code 3\nboom\n", 3, -1));
	o = judge0_submission(&v, false, "*");
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(json_object_object_length(o), 35);
	CU_ASSERT_STRING_EQUAL(str_at(o, "status_id", NULL), "11");
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "description"), "Runtime Error (NZEC)");
	/* the reason is Judge0's message; the rest is the program's stderr */
	CU_ASSERT_STRING_EQUAL(str_at(o, "message", NULL), "Exit code 3");
	CU_ASSERT_STRING_EQUAL(str_at(o, "stderr", NULL), "boom\n");
	CU_ASSERT_STRING_EQUAL(str_at(o, "exit_code", NULL), "3");
	CU_ASSERT_STRING_EQUAL(str_at(o, "exit_signal", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "stdin", NULL), "in put");
	CU_ASSERT_STRING_EQUAL(str_at(o, "expected_output", NULL), "expected");
	CU_ASSERT_STRING_EQUAL(str_at(o, "source_code", NULL), "print(1)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "language_id", NULL), "71");
	CU_ASSERT_STRING_EQUAL(str_at(o, "language", "id"), "71");
	CU_ASSERT_STRING_EQUAL(str_at(o, "cpu_time_limit", NULL), "2.5");
	CU_ASSERT_STRING_EQUAL(str_at(o, "wall_time_limit", NULL), "10.0");
	CU_ASSERT_STRING_EQUAL(str_at(o, "memory_limit", NULL), "65536");
	CU_ASSERT_STRING_EQUAL(str_at(o, "wall_time", NULL), "0.025");
	CU_ASSERT_STRING_EQUAL(str_at(o, "created_at", NULL), "2026-01-02T03:04:05.678Z");
	CU_ASSERT_STRING_EQUAL(str_at(o, "finished_at", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "number_of_runs", NULL), "1");
	CU_ASSERT_STRING_EQUAL(str_at(o, "enable_network", NULL), "false");
	CU_ASSERT_STRING_EQUAL(str_at(o, "compiler_options", NULL), "(null)");
	json_object_put(o);

	o = judge0_submission(&v, false, "status_id,stdout");
	CU_ASSERT_EQUAL(json_object_object_length(o), 2);
	CU_ASSERT_STRING_EQUAL(str_at(o, "stdout", NULL), "out\n");
	json_object_put(o);
	job_view_release(&v);
}

static void test_submission_signals_and_compile(void)
{
	struct job_view v;
	struct json_object *o;

	view(&v, "done", ctx_none,
	     judged("ok", "", "runtime_error", "", 0, "Killed by signal 11 (SIGSEGV)", -1, SIGSEGV));
	o = judge0_submission(&v, false, "status,exit_signal,exit_code,message,stderr,expected_output");
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "id"), "7");
	CU_ASSERT_STRING_EQUAL(str_at(o, "exit_signal", NULL), "11");
	CU_ASSERT_STRING_EQUAL(str_at(o, "exit_code", NULL), "0");
	CU_ASSERT_STRING_EQUAL(str_at(o, "message", NULL), "Killed by signal 11 (SIGSEGV)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "stderr", NULL), "(null)");
	/* nothing was expected: none is shown */
	CU_ASSERT_STRING_EQUAL(str_at(o, "expected_output", NULL), "(null)");
	json_object_put(o);
	job_view_release(&v);

	view(&v, "done", ctx_none,
	     judged("error", "main.c:1: error: expected ';'", "compilation_error", "", 0,
		    "compilation failed", -1, -1));
	o = judge0_submission(&v, false, "*");
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "id"), "6");
	CU_ASSERT_STRING_EQUAL(str_at(o, "compile_output", NULL), "main.c:1: error: expected ';'");
	CU_ASSERT_STRING_EQUAL(str_at(o, "stdout", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "time", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "memory", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "exit_code", NULL), "(null)");
	CU_ASSERT_STRING_EQUAL(str_at(o, "callback_url", NULL), "http://h/x");
	CU_ASSERT_STRING_EQUAL(str_at(o, "language", "id"), "50");
	json_object_put(o);
	job_view_release(&v);
}

static void test_submission_states(void)
{
	static const struct {
		const char *state;
		int want;
	} states[] = { { "queued", 1 }, { "running", 2 }, { "failed", 13 }, { "cancelled", 13 } };
	struct job_view v;
	struct json_object *o, *res;
	size_t i;
	char want[8];

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
		view(&v, states[i].state, ctx_expected, NULL);
		snprintf(v.error, sizeof(v.error), "%s", *states[i].state == 'f' ? "the host died" : "");
		o = judge0_submission(&v, false, NULL);
		snprintf(want, sizeof(want), "%d", states[i].want);
		CU_ASSERT_STRING_EQUAL(str_at(o, "status", "id"), want);
		CU_ASSERT_STRING_EQUAL(str_at(o, "stdout", NULL), "(null)");
		CU_ASSERT_STRING_EQUAL(str_at(o, "time", NULL), "(null)");
		if (*states[i].state == 'f')
			CU_ASSERT_STRING_EQUAL(str_at(o, "message", NULL), "the host died");
		json_object_put(o);
		job_view_release(&v);
	}
	/* the judge refused the request: an internal error with its message */
	res = json_tokener_parse("{\"error\":{\"code\":\"invalid_field\",\"message\":\"bad input\"}}");
	view(&v, "done", ctx_expected, res);
	v.invalid = 1;
	o = judge0_submission(&v, false, NULL);
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "id"), "13");
	CU_ASSERT_STRING_EQUAL(str_at(o, "message", NULL), "bad input");
	json_object_put(o);
	job_view_release(&v);
}

static void test_submission_base64_and_utf8(void)
{
	static const char raw[] = "ok\xff\xfe\n";
	struct job_view v;
	struct json_object *o;

	view(&v, "done", ctx_expected,
	     judged("skipped", "", "wrong_answer", raw, sizeof(raw) - 1, "w\xc3\xa4rn\n", 0, -1));
	/* without base64: Judge0's refusal, the caller says it */
	CU_ASSERT_PTR_NULL(judge0_submission(&v, false, NULL));
	/* the fields that are text pass */
	o = judge0_submission(&v, false, "status,stderr");
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "id"), "4");
	CU_ASSERT_STRING_EQUAL(str_at(o, "stderr", NULL), "w\xc3\xa4rn\n");
	json_object_put(o);
	/* with base64 every text is encoded: stdout's bytes as they are, the message too */
	o = judge0_submission(&v, true, "stdout,stderr,stdin,source_code,expected_output,status");
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_STRING_EQUAL(str_at(o, "stdout", NULL), "b2v//go=");
	CU_ASSERT_STRING_EQUAL(str_at(o, "stderr", NULL), "d8Okcm4K");
	CU_ASSERT_STRING_EQUAL(str_at(o, "stdin", NULL), "aW4gcHV0");
	CU_ASSERT_STRING_EQUAL(str_at(o, "source_code", NULL), "cHJpbnQoMSk=");
	CU_ASSERT_STRING_EQUAL(str_at(o, "expected_output", NULL), "ZXhwZWN0ZWQ=");
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "description"), "Wrong Answer");
	json_object_put(o);
	job_view_release(&v);

	view(&v, "done", ctx_expected,
	     judged("skipped", "", "time_limit_exceeded", "", 0, "Time limit exceeded", -1, SIGKILL));
	o = judge0_submission(&v, true, "message,status");
	CU_ASSERT_STRING_EQUAL(str_at(o, "message", NULL), "VGltZSBsaW1pdCBleGNlZWRlZA==");
	CU_ASSERT_STRING_EQUAL(str_at(o, "status", "id"), "5");
	json_object_put(o);
	job_view_release(&v);
}

/* ---- the handlers, where no job is made ---- */

static void test_validation(void)
{
	static const struct {
		const char *body, *want;
	} cases[] = {
		{ "{}", "{\"source_code\":[\"can't be blank\"],\"language_id\":[\"can't be blank\","
			"\"language with id  doesn't exist\"]}" },
		{ "{\"source_code\":\" \\n\",\"language_id\":71}",
		  "{\"source_code\":[\"can't be blank\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":70}",
		  "{\"language_id\":[\"language with id 70 doesn't exist\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":\"abc\"}",
		  "{\"language_id\":[\"is not a number\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"cpu_time_limit\":15.5}",
		  "{\"cpu_time_limit\":[\"must be less than or equal to 15.0\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"cpu_time_limit\":-1}",
		  "{\"cpu_time_limit\":[\"must be greater than or equal to 0\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"wall_time_limit\":21}",
		  "{\"wall_time_limit\":[\"must be less than or equal to 20.0\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"memory_limit\":2047}",
		  "{\"memory_limit\":[\"must be greater than or equal to 2048\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"memory_limit\":4096.5}",
		  "{\"memory_limit\":[\"must be an integer\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"stdin\":[1]}",
		  "{\"stdin\":[\"is invalid\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"callback_url\":\"javascript:alert(1)\"}",
		  "{\"callback_url\":[\"must be an http or https URL\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"callback_url\":\"http://\"}",
		  "{\"callback_url\":[\"must be an http or https URL\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"compiler_options\":\"-O3\"}",
		  "{\"compiler_options\":[\"setting compiler options is not allowed\"]}" },
		{ "{\"source_code\":\"x\",\"language_id\":71,\"enable_network\":true}",
		  "{\"enable_network\":[\"enabling network is not allowed\"]}" },
	};
	struct json_object *o, *want;
	size_t i;
	int st;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		o = call(h_judge0_create, "POST", "wait=true", NULL, cases[i].body, NULL, &st);
		want = json_tokener_parse(cases[i].want);
		if (st != 422 || !json_object_equal(o, want))
			fprintf(stderr, "\n    %s -> %d %s\n", cases[i].body, st,
				json_object_to_json_string(o));
		CU_ASSERT_EQUAL(st, 422);
		CU_ASSERT_TRUE(json_object_equal(o, want));
		json_object_put(want);
		json_object_put(o);
	}
	/* base64 that decodes to bytes our judge cannot take */
	o = call(h_judge0_create, "POST", "base64_encoded=true", NULL,
		 "{\"source_code\":\"cHJpbnQoMSk=\",\"language_id\":71,\"stdin\":\"/w==\"}", NULL, &st);
	CU_ASSERT_EQUAL(st, 422);
	CU_ASSERT_STRING_EQUAL(json_object_to_json_string(o),
			       "{ \"stdin\": [ \"is not valid UTF-8 text\" ] }");
	json_object_put(o);
	/* fields= is checked first; the body's JSON next */
	assert_error(call(h_judge0_create, "POST", "fields=stdout,bogus,x", NULL, "{}", NULL, &st), &st,
		     400, "invalid fields: [bogus, x]");
	assert_error(call(h_judge0_create, "POST", NULL, NULL, "{\"source_code\":", NULL, &st), &st,
		     400, "");
}

static void test_batches_refused(void)
{
	struct strbuf body = STRBUF_INIT;
	struct json_object *o;
	int st, i;

	assert_error(call(h_judge0_batch_create, "POST", NULL, NULL, "{\"submissions\":[]}", NULL, &st),
		     &st, 400, "there should be at least one submission in a batch");
	assert_error(call(h_judge0_batch_create, "POST", NULL, NULL, "{}", NULL, &st), &st, 400,
		     "at least one");
	strbuf_addstr(&body, "{\"submissions\":[");
	for (i = 0; i < 21; i++)
		strbuf_addf(&body, "%s{\"source_code\":\"x\",\"language_id\":71}", i ? "," : "");
	strbuf_addstr(&body, "]}");
	assert_error(call(h_judge0_batch_create, "POST", NULL, NULL, body.buf, NULL, &st), &st, 400,
		     "number of submissions in a batch should be less than or equal to 20");
	strbuf_release(&body);
	/* nothing valid: each item's errors, 422 */
	o = call(h_judge0_batch_create, "POST", NULL, NULL,
		 "{\"submissions\":[{\"language_id\":71},{\"source_code\":\"x\",\"language_id\":1}]}",
		 NULL, &st);
	CU_ASSERT_EQUAL(st, 422);
	CU_ASSERT_STRING_EQUAL(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN),
			       "[{\"source_code\":[\"can't be blank\"]},"
			       "{\"language_id\":[\"language with id 1 doesn't exist\"]}]");
	json_object_put(o);
	assert_error(call(h_judge0_batch_get, "GET", "tokens=", NULL, NULL, NULL, &st), &st, 400,
		     "at least one");
	assert_error(call(h_judge0_batch_get, "GET", "tokens=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u",
			  NULL, NULL, NULL, &st), &st, 400, "less than or equal to 20");
	assert_error(call(h_judge0_batch_get, "GET", "tokens=a&fields=nope", NULL, NULL, NULL, &st),
		     &st, 400, "invalid fields: [nope]");
	/* not a token: no such submission, and no database asked */
	assert_error(call(h_judge0_get, "GET", NULL, "not-a-token", NULL, NULL, &st), &st, 404, "");
}

static void test_auth_token(void)
{
	int st;
	struct json_object *o;

	cfg.api_key = "sekrit-key";
	assert_error(call(h_judge0_statuses, "GET", NULL, NULL, NULL, NULL, &st), &st, 401,
		     "X-Auth-Token");
	assert_error(call(h_judge0_statuses, "GET", NULL, NULL, NULL, "HTTP_X_AUTH_TOKEN=sekrit-kez",
			  &st), &st, 401, "X-Auth-Token");
	assert_error(call(h_judge0_create, "POST", NULL, NULL, "{}", "HTTP_X_AUTH_TOKEN=sekrit-keyy",
			  &st), &st, 401, "X-Auth-Token");
	assert_error(call(h_judge0_get, "GET", NULL, "x", NULL, "HTTP_X_AUTH_TOKEN=", &st), &st, 401,
		     "");
	o = call(h_judge0_statuses, "GET", NULL, NULL, NULL, "HTTP_X_AUTH_TOKEN=sekrit-key", &st);
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
	/* the service's other ways of sending the key are taken too */
	o = call(h_judge0_statuses, "GET", NULL, NULL, NULL, "HTTP_X_API_KEY=sekrit-key", &st);
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
	o = call(h_judge0_about, "GET", NULL, NULL, NULL, "HTTP_AUTHORIZATION=Bearer sekrit-key", &st);
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
	cfg.api_key = NULL;
	o = call(h_judge0_statuses, "GET", NULL, NULL, NULL, NULL, &st);
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
}

static void test_languages_and_statuses(void)
{
	struct json_object *o, *e;
	int st;

	o = call(h_judge0_languages, "GET", NULL, NULL, NULL, NULL, &st);
	CU_ASSERT_EQUAL(st, 200);
	CU_ASSERT_EQUAL(json_object_array_length(o), judge0_nlangs);
	e = json_object_array_get_idx(o, 0);
	CU_ASSERT_EQUAL(json_object_object_length(e), 2);
	CU_ASSERT_STRING_EQUAL(str_at(e, "id", NULL), "50");
	json_object_put(o);
	o = call(h_judge0_language, "GET", NULL, "62", NULL, NULL, &st);
	CU_ASSERT_EQUAL(st, 200);
	CU_ASSERT_STRING_EQUAL(str_at(o, "source_file", NULL), "Main.java");
	CU_ASSERT_STRING_EQUAL(str_at(o, "is_archived", NULL), "false");
	json_object_put(o);
	assert_error(call(h_judge0_language, "GET", NULL, "62x", NULL, NULL, &st), &st, 404, "");
	o = call(h_judge0_statuses, "GET", NULL, NULL, NULL, NULL, &st);
	CU_ASSERT_EQUAL(json_object_array_length(o), 14);
	e = json_object_array_get_idx(o, 11);
	CU_ASSERT_STRING_EQUAL(str_at(e, "id", NULL), "12");
	CU_ASSERT_STRING_EQUAL(str_at(e, "description", NULL), "Runtime Error (Other)");
	json_object_put(o);
	o = call(h_judge0_about, "GET", NULL, NULL, NULL, NULL, &st);
	CU_ASSERT_STRING_EQUAL(str_at(o, "version", NULL), "1.13.1");
	json_object_put(o);
	o = call(h_judge0_config_info, "GET", NULL, NULL, NULL, NULL, &st);
	CU_ASSERT_STRING_EQUAL(str_at(o, "max_submission_batch_size", NULL), "20");
	CU_ASSERT_STRING_EQUAL(str_at(o, "enable_command_line_arguments", NULL), "false");
	json_object_put(o);
}

static CU_TestInfo tests[] = {
	{ "status_of", test_status_of },
	{ "languages_table", test_languages_table },
	{ "base64", test_base64 },
	{ "fields_check", test_fields_check },
	{ "submission_default_fields", test_submission_default_fields },
	{ "submission_all_fields", test_submission_all_fields },
	{ "submission_signals_and_compile", test_submission_signals_and_compile },
	{ "submission_states", test_submission_states },
	{ "submission_base64_and_utf8", test_submission_base64_and_utf8 },
	{ "validation", test_validation },
	{ "batches_refused", test_batches_refused },
	{ "auth_token", test_auth_token },
	{ "languages_and_statuses", test_languages_and_statuses },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("api_judge0", tests)
