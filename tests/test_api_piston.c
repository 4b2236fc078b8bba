/*
 * test_api_piston.c - unit tests of api_piston.c: Piston's request read and
 * checked, the judge's request made from it, the judge's answer in Piston's shape
 *
 * No web server and no sandbox: each test builds an FCGX_Request by hand (a
 * reader over the body, a writer into a strbuf), and a shell script stands in
 * for bin/judge: it keeps the request it was given and prints the answer the
 * test chose.
 */
#define _GNU_SOURCE
#include <fcgiapp.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api_common.h"
#include "api_piston.h"
#include "executor.h"
#include "fcgi_fake.h"
#include "harness.h"
#include "lang.h"
#include "strbuf.h"

static char dir[64];
static char judge[128], req_file[128], resp_file[128], rc_file[128];

/* The one fake request of a test (tests/fcgi_fake.h), and its parameters. */
static struct fcgi_fake t;
static struct fcgi_fake_params env;

/*
 * Call the handler of method + path with the body (a JSON text, or NULL for
 * none) of Content-Type ctype (NULL: none) and one more header line ("NAME=value",
 * or NULL).  Returns the JSON sent (caller puts it) and its status in *status.
 */
static struct json_object *call(const char *method, const char *body, const char *ctype,
				const char *header, int *status)
{
	size_t len = body ? strlen(body) : 0;
	char num[32];
	struct json_object *o;

	fcgi_fake_params_reset(&env);
	fcgi_fake_param(&env, "REQUEST_METHOD=%s", method);
	fcgi_fake_param(&env, "REQUEST_URI=%s", !strcmp(method, "GET") ? "/piston/api/v2/runtimes"
							      : "/piston/api/v2/execute");
	if (ctype)
		fcgi_fake_param(&env, "CONTENT_TYPE=%s", ctype);
	snprintf(num, sizeof(num), "%zu", len);
	if (body)
		fcgi_fake_param(&env, "CONTENT_LENGTH=%s", num);
	if (header)
		fcgi_fake_param(&env, "%s", header);
	fcgi_fake_start(&t, env.v, body ? body : "", len, 0);
	unlink(req_file);

	if (!strcmp(method, "GET"))
		h_piston_runtimes(&t.r);
	else
		h_piston_execute(&t.r);

	/* every answer, errors too, is sent by the handler in Piston's shape */
	CU_ASSERT_TRUE(t.r.sent);
	o = fcgi_fake_json(&t, status);
	fcgi_fake_finish(&t);
	return o;
}

static struct json_object *post(const char *body, int *status)
{
	return call("POST", body, "application/json", NULL, status);
}

/* The message of a Piston error, which has nothing else; "(none)" when the shape differs. */
static const char *message_of(struct json_object *o)
{
	struct json_object *m;

	if (json_object_object_length(o) != 1 || !json_object_object_get_ex(o, "message", &m) ||
	    !json_object_is_type(m, json_type_string))
		return "(none)";
	return json_object_get_string(m);
}

/* A Piston error with this status whose message contains part. */
static void assert_refused(const char *body, const char *ctype, int status, const char *part)
{
	int st;
	struct json_object *o = call("POST", body, ctype, NULL, &st);

	if (st != status || !strstr(message_of(o), part))
		fprintf(stderr, "\n    %s -> %d %s, want %d '%s'\n", body ? body : "(no body)", st,
			json_object_to_json_string(o), status, part);
	CU_ASSERT_EQUAL(st, status);
	CU_ASSERT_PTR_NOT_NULL(strstr(message_of(o), part));
	/* nothing reached the judge */
	CU_ASSERT_NOT_EQUAL(access(req_file, F_OK), 0);
	json_object_put(o);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
}

/* What the stand-in judge answers next: the JSON text and its exit status. */
static void judge_answers(const char *json, int rc)
{
	char num[16];

	snprintf(num, sizeof(num), "%d\n", rc);
	write_file(resp_file, json);
	write_file(rc_file, num);
}

/*
 * A judged answer of the judge (SPEC section 3) for its one test: the compile's
 * status and output, the verdict, stdout, error (NULL: null), exit code and
 * signal (-1: null).
 */
static void judged(const char *cstatus, const char *coutput, const char *verdict, const char *out,
		   const char *error, int exit_code, int signal)
{
	struct json_object *o = json_object_new_object(), *c = json_object_new_object(),
			   *arr = json_object_new_array(), *r = json_object_new_object();

	json_object_object_add(o, "status", json_object_new_string(verdict));
	json_object_object_add(c, "status", json_object_new_string(cstatus));
	json_object_object_add(c, "output", json_object_new_string(coutput));
	json_object_object_add(c, "time_ms", json_object_new_int(412));
	json_object_object_add(o, "compile", c);
	json_object_object_add(r, "actual_output", json_object_new_string(out));
	json_object_object_add(r, "status", json_object_new_string(verdict));
	json_object_object_add(r, "execution_time_ms", json_object_new_int(25));
	json_object_object_add(r, "cpu_time_ms", json_object_new_int(20));
	json_object_object_add(r, "memory_usage_bytes", json_object_new_int(3145728));
	json_object_object_add(r, "exit_code", exit_code < 0 ? NULL : json_object_new_int(exit_code));
	json_object_object_add(r, "signal", signal < 0 ? NULL : json_object_new_int(signal));
	json_object_object_add(r, "error", error ? json_object_new_string(error) : NULL);
	json_object_array_add(arr, r);
	json_object_object_add(o, "test_results", arr);
	judge_answers(json_object_to_json_string(o), 0);
	json_object_put(o);
}

/* The request the stand-in judge was given (caller puts it), or NULL when it ran not. */
static struct json_object *judge_request(void)
{
	return json_object_from_file(req_file);
}

static struct json_object *at(struct json_object *o, const char *a, const char *b)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, a, &v))
		return NULL;
	if (b && !json_object_object_get_ex(v, b, &v))
		return NULL;
	return v;
}

static const char *str_at(struct json_object *o, const char *a, const char *b)
{
	struct json_object *v = o;

	if (!json_object_object_get_ex(v, a, &v) || (b && !json_object_object_get_ex(v, b, &v)))
		return "(absent)";
	return v ? json_object_get_string(v) : "(null)";
}

/* The version the runtimes list gives language. */
static const char *version_of(const char *language)
{
	static char v[32];
	struct json_object *arr;
	int st;
	size_t i;

	arr = call("GET", NULL, NULL, NULL, &st);
	snprintf(v, sizeof(v), "(none)");
	for (i = 0; arr && i < json_object_array_length(arr); i++)
		if (!strcmp(str_at(json_object_array_get_idx(arr, i), "language", NULL), language))
			snprintf(v, sizeof(v), "%s",
				 str_at(json_object_array_get_idx(arr, i), "version", NULL));
	json_object_put(arr);
	return v;
}

/* This suite tests the handler alone: its executions go straight to the stand-in judge. */
static struct json_object *run_local(const char *owner, const char *req, size_t len, int *invalid,
				     char *err, size_t errlen)
{
	(void)owner;
	return executor_run(req, len, NULL, invalid, err, errlen);
}

static int suite_init(void)
{
	FILE *f;

	piston_runner = run_local;

	snprintf(dir, sizeof(dir), "/tmp/ce-test-piston.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(judge, sizeof(judge), "%s/judge", dir);
	snprintf(req_file, sizeof(req_file), "%s/req.json", dir);
	snprintf(resp_file, sizeof(resp_file), "%s/resp.json", dir);
	snprintf(rc_file, sizeof(rc_file), "%s/rc", dir);
	f = fopen(judge, "w");
	if (!f)
		return -1;
	fprintf(f, "#!/bin/sh\ncat >'%s'\ncat '%s'\nexit $(cat '%s')\n", req_file, resp_file,
		rc_file);
	fclose(f);
	if (chmod(judge, 0755) < 0)
		return -1;
	executor_init(judge);
	cfg.api_key = NULL;
	return 0;
}

static int suite_cleanup(void)
{
	unlink(judge);
	unlink(req_file);
	unlink(resp_file);
	unlink(rc_file);
	return rmdir(dir);
}

/* ---- runtimes ---- */

static void test_runtimes(void)
{
	struct json_object *arr, *rt, *al;
	const char *v;
	unsigned a, b, c;
	int st;
	size_t i, j;
	bool cpp_alias = false;

	arr = call("GET", NULL, NULL, NULL, &st);
	CU_ASSERT_EQUAL(st, 200);
	CU_ASSERT_FATAL(json_object_is_type(arr, json_type_array));
	CU_ASSERT_EQUAL(json_object_array_length(arr), nlangs);
	for (i = 0; i < json_object_array_length(arr) && i < nlangs; i++) {
		rt = json_object_array_get_idx(arr, i);
		CU_ASSERT_STRING_EQUAL(str_at(rt, "language", NULL), langs[i].id);
		v = str_at(rt, "version", NULL);
		/* semver: three numbers and nothing else */
		CU_ASSERT_EQUAL(sscanf(v, "%u.%u.%u", &a, &b, &c), 3);
		CU_ASSERT_EQUAL(strspn(v, "0123456789."), strlen(v));
		CU_ASSERT_STRING_NOT_EQUAL(v, "0.0.0");
		al = at(rt, "aliases", NULL);
		CU_ASSERT_TRUE(json_object_is_type(al, json_type_array));
		for (j = 0; !strcmp(langs[i].id, "cpp") && j < json_object_array_length(al); j++)
			cpp_alias |= !strcmp(json_object_get_string(json_object_array_get_idx(al, j)),
					     "c++");
		if (!strcmp(langs[i].id, "cpp"))
			CU_ASSERT_STRING_EQUAL(str_at(rt, "runtime", NULL), "gcc");
		if (!strcmp(langs[i].id, "python"))
			CU_ASSERT_PTR_NULL(at(rt, "runtime", NULL));
	}
	CU_ASSERT_TRUE(cpp_alias);
	json_object_put(arr);
}

/* ---- requests refused before anything runs ---- */

static void test_refused(void)
{
	static const struct {
		const char *body, *ctype;
		int status;
		const char *part;
	} cases[] = {
		{ "{\"language\":\"python\"", "application/json", 400, "JSON" },
		{ "[1,2]", "application/json", 400, "object" },
		{ "42", "application/json", 400, "object" },
		{ "{}", "application/json", 400, "language is required as a string" },
		{ "", "application/json", 400, "language is required as a string" },
		{ "{\"language\":5,\"files\":[{\"content\":\"x\"}]}", "application/json", 400,
		  "language is required as a string" },
		{ "{\"language\":\"\",\"files\":[{\"content\":\"x\"}]}", "application/json", 400,
		  "language is required as a string" },
		{ "{\"language\":\"python\",\"version\":3,\"files\":[{\"content\":\"x\"}]}",
		  "application/json", 400, "version is required as a string" },
		{ "{\"language\":\"python\",\"version\":\"*\"}", "application/json", 400,
		  "files is required as an array" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":\"print(1)\"}",
		  "application/json", 400, "files is required as an array" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"name\":\"a.py\"}]}",
		  "application/json", 400, "files[0].content is required as a string" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"},5]}",
		  "application/json", 400, "files[1].content is required as a string" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[null]}", "application/json",
		  400, "files[0].content is required as a string" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[]}", "application/json", 400,
		  "files must include at least one utf8 encoded file" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"eA==\","
		  "\"encoding\":\"base64\"}]}", "application/json", 400,
		  "files must include at least one utf8 encoded file" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"\"}]}",
		  "application/json", 400, "files[0].content is empty" },
		{ "{\"language\":\"cobol\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}]}",
		  "application/json", 400, "cobol-* runtime is unknown" },
		{ "{\"language\":\"Python\",\"files\":[{\"content\":\"x\"}]}", "application/json", 400,
		  "Python-* runtime is unknown" },
		{ "{\"language\":\"python\",\"version\":\"2.7.18\",\"files\":[{\"content\":\"x\"}]}",
		  "application/json", 400, "python-2.7.18 runtime is unknown" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}],"
		  "\"stdin\":5}", "application/json", 400, "stdin must be a string" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}],"
		  "\"args\":\"1 2\"}", "application/json", 400, "args must be an array of strings" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}],"
		  "\"args\":[1]}", "application/json", 400, "args must be an array of strings" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}],"
		  "\"run_timeout\":\"3s\"}", "application/json", 400,
		  "If specified, run_timeout must be a number" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}],"
		  "\"compile_memory_limit\":true}", "application/json", 400,
		  "If specified, compile_memory_limit must be a number" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}],"
		  "\"run_memory_limit\":-5}", "application/json", 400,
		  "run_memory_limit must be non-negative" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}]}",
		  "application/x-www-form-urlencoded", 415, "requests must be of type application/json" },
		{ "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"x\"}]}",
		  "multipart/form-data; boundary=x", 415, "requests must be of type application/json" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_refused(cases[i].body, cases[i].ctype, cases[i].status, cases[i].part);
}

static void test_refused_large(void)
{
	struct strbuf b = STRBUF_INIT;
	size_t i;

	/* a program over the judge's 256 KiB: 413, nothing run */
	strbuf_addstr(&b, "{\"language\":\"python\",\"version\":\"*\",\"files\":[{\"content\":\"");
	for (i = 0; i <= JUDGE_MAX_CODE; i += 8)
		strbuf_addstr(&b, "#234567\\n");
	strbuf_addstr(&b, "\"}]}");
	assert_refused(b.buf, "application/json", 413, "larger than");
	strbuf_release(&b);
}

/* ---- what the judge is asked ---- */

static const char *const OK_RUN = "{\"language\":\"py\",\"version\":\"*\","
				  "\"files\":[{\"name\":\"main.py\",\"content\":\"print(input())\"}],"
				  "\"stdin\":\"hello\\n\"";

/* POST OK_RUN plus members, against a judge that accepts; the request it got (caller puts). */
static struct json_object *asked(const char *more)
{
	char body[1024];
	struct json_object *o, *req;
	int st;

	judged("ok", "", "wrong_answer", "hello\n", NULL, 0, -1);
	snprintf(body, sizeof(body), "%s%s}", OK_RUN, more);
	o = post(body, &st);
	if (st != 200)
		fprintf(stderr, "\n    %s -> %d %s\n", body, st, json_object_to_json_string(o));
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
	req = judge_request();
	CU_ASSERT_PTR_NOT_NULL(req);
	return req;
}

static void test_judge_request(void)
{
	struct json_object *req = asked(""), *tc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(req);
	CU_ASSERT_STRING_EQUAL(str_at(req, "language", NULL), "python");
	CU_ASSERT_STRING_EQUAL(str_at(req, "code", NULL), "print(input())");
	tc = at(req, "test_cases", NULL);
	CU_ASSERT_FATAL(json_object_is_type(tc, json_type_array) && json_object_array_length(tc) == 1);
	CU_ASSERT_STRING_EQUAL(str_at(json_object_array_get_idx(tc, 0), "input", NULL), "hello\n");
	CU_ASSERT_STRING_EQUAL(str_at(json_object_array_get_idx(tc, 0), "expected_output", NULL), "");
	/* no limits given: the judge's defaults */
	CU_ASSERT_PTR_NULL(at(req, "timeout", NULL));
	CU_ASSERT_PTR_NULL(at(req, "memory_limit_mb", NULL));
	json_object_put(req);
}

static void test_judge_request_files(void)
{
	struct json_object *req;
	int st;

	/* the first UTF-8 file is the program; the others are not sent */
	judged("ok", "", "accepted", "", NULL, 0, -1);
	json_object_put(post("{\"language\":\"python\",\"files\":[{\"content\":\"AAA=\","
			     "\"encoding\":\"base64\"},{\"content\":\"print(2)\",\"encoding\":\"utf8\"},"
			     "{\"content\":\"print(3)\"}]}", &st));
	CU_ASSERT_EQUAL(st, 200);
	req = judge_request();
	CU_ASSERT_STRING_EQUAL(str_at(req, "code", NULL), "print(2)");
	CU_ASSERT_STRING_EQUAL(str_at(json_object_array_get_idx(at(req, "test_cases", NULL), 0),
				      "input", NULL), "");
	json_object_put(req);
}

static void test_judge_request_limits(void)
{
	static const struct {
		const char *more;
		double timeout;		/* 0: none sent */
		int memory_mb;		/* 0: none sent */
	} cases[] = {
		/* piston-client's defaults */
		{ ",\"run_timeout\":3000,\"compile_timeout\":10000,\"run_memory_limit\":-1,"
		  "\"compile_memory_limit\":-1,\"args\":[\"1\",\"2\",\"3\"]", 3, 0 },
		{ ",\"run_timeout\":1500,\"run_memory_limit\":134217728", 1.5, 128 },
		{ ",\"run_timeout\":0,\"run_memory_limit\":0", 0, 0 },
		{ ",\"run_timeout\":null,\"run_memory_limit\":null", 0, 0 },
		/* capped by our limits */
		{ ",\"run_timeout\":600000,\"run_memory_limit\":8589934592", 30, 2048 },
		{ ",\"run_timeout\":0.1,\"run_memory_limit\":1000", 0.001, 32 },
		/* our limit is CPU time: the smaller of run_timeout and run_cpu_time */
		{ ",\"run_timeout\":5000,\"run_cpu_time\":2000", 2, 0 },
		{ ",\"run_timeout\":2000,\"run_cpu_time\":5000", 2, 0 },
		{ ",\"run_cpu_time\":2500", 2.5, 0 },
		{ ",\"run_memory_limit\":200000000", 0, 190 },
	};
	struct json_object *req, *v;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		req = asked(cases[i].more);
		v = at(req, "timeout", NULL);
		if (cases[i].timeout > 0) {
			CU_ASSERT_TRUE(v && json_object_get_double(v) > cases[i].timeout - 1e-9 &&
				       json_object_get_double(v) < cases[i].timeout + 1e-9);
		} else {
			CU_ASSERT_PTR_NULL(v);
		}
		v = at(req, "memory_limit_mb", NULL);
		if (cases[i].memory_mb) {
			CU_ASSERT_TRUE(v && json_object_get_int(v) == cases[i].memory_mb);
		} else {
			CU_ASSERT_PTR_NULL(v);
		}
		if ((cases[i].timeout > 0) != !!at(req, "timeout", NULL) ||
		    (cases[i].memory_mb > 0) != !!at(req, "memory_limit_mb", NULL))
			fprintf(stderr, "\n    %s -> %s\n", cases[i].more,
				json_object_to_json_string(req));
		json_object_put(req);
	}
}

static void test_versions(void)
{
	char v[32], body[256];
	unsigned major, minor, patch;
	int st;
	size_t i;
	struct json_object *o;

	snprintf(v, sizeof(v), "%s", version_of("python"));
	CU_ASSERT_EQUAL_FATAL(sscanf(v, "%u.%u.%u", &major, &minor, &patch), 3);
	{
		/* what semver's X-ranges take, and what else a client may send for "any" */
		char ok[10][40];
		size_t n = 0;

		snprintf(ok[n++], sizeof(ok[0]), "%s", v);
		snprintf(ok[n++], sizeof(ok[0]), "*");
		snprintf(ok[n++], sizeof(ok[0]), "%s", "");
		snprintf(ok[n++], sizeof(ok[0]), "x");
		snprintf(ok[n++], sizeof(ok[0]), "%u", major);
		snprintf(ok[n++], sizeof(ok[0]), "%u.%u", major, minor);
		snprintf(ok[n++], sizeof(ok[0]), "%u.x", major);
		snprintf(ok[n++], sizeof(ok[0]), "%u.%u.*", major, minor);
		snprintf(ok[n++], sizeof(ok[0]), "=%s", v);
		snprintf(ok[n++], sizeof(ok[0]), "v%s", v);
		for (i = 0; i < n; i++) {
			judged("ok", "", "accepted", "", NULL, 0, -1);
			snprintf(body, sizeof(body), "{\"language\":\"python\",\"version\":\"%s\","
				 "\"files\":[{\"content\":\"pass\"}]}", ok[i]);
			o = post(body, &st);
			if (st != 200)
				fprintf(stderr, "\n    version '%s' of %s: %d\n", ok[i], v, st);
			CU_ASSERT_EQUAL(st, 200);
			CU_ASSERT_STRING_EQUAL(str_at(o, "version", NULL), v);
			json_object_put(o);
		}
	}
	{
		char bad[7][40], msg[96];
		size_t n = 0;

		snprintf(bad[n++], sizeof(bad[0]), "%u", major + 1);
		snprintf(bad[n++], sizeof(bad[0]), "%u.%u", major, minor + 1);
		snprintf(bad[n++], sizeof(bad[0]), "%u.%u.%u", major, minor, patch + 1);
		snprintf(bad[n++], sizeof(bad[0]), "^%s", v);
		snprintf(bad[n++], sizeof(bad[0]), ">=1.0.0");
		snprintf(bad[n++], sizeof(bad[0]), "%s-beta", v);
		snprintf(bad[n++], sizeof(bad[0]), "%s.1", v);
		for (i = 0; i < n; i++) {
			snprintf(body, sizeof(body), "{\"language\":\"python\",\"version\":\"%s\","
				 "\"files\":[{\"content\":\"pass\"}]}", bad[i]);
			snprintf(msg, sizeof(msg), "python-%s runtime is unknown", bad[i]);
			assert_refused(body, "application/json", 400, msg);
		}
	}
}

/* ---- the judge's answer in Piston's shape ---- */

static struct json_object *run_as(const char *language, int *status)
{
	char body[256];

	snprintf(body, sizeof(body), "{\"language\":\"%s\",\"version\":\"*\","
		 "\"files\":[{\"content\":\"some program\"}]}", language);
	return post(body, status);
}

static bool is_null(struct json_object *o, const char *a, const char *b)
{
	struct json_object *v = o;

	return json_object_object_get_ex(v, a, &v) && (!b || json_object_object_get_ex(v, b, &v)) &&
	       v == NULL;
}

static void test_run_clean(void)
{
	struct json_object *o;
	int st;

	/* stderr of a clean run is the judge's "error" as it is */
	judged("ok", "", "wrong_answer", "hi\n", "careful\n", 0, -1);
	o = run_as("python3", &st);
	CU_ASSERT_EQUAL(st, 200);
	CU_ASSERT_STRING_EQUAL(str_at(o, "language", NULL), "python");
	CU_ASSERT_STRING_EQUAL(str_at(o, "version", NULL), version_of("python"));
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stdout"), "hi\n");
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stderr"), "careful\n");
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "output"), "hi\ncareful\n");
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "run", "code")), 0);
	CU_ASSERT_TRUE(is_null(o, "run", "signal"));
	CU_ASSERT_TRUE(is_null(o, "run", "status"));
	CU_ASSERT_TRUE(is_null(o, "run", "message"));
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "run", "memory")), 3145728);
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "run", "cpu_time")), 20);
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "run", "wall_time")), 25);
	/* Python's syntax check is no compile stage */
	CU_ASSERT_FALSE(json_object_object_get_ex(o, "compile", NULL));
	json_object_put(o);

	judged("ok", "", "accepted", "", NULL, 0, -1);
	o = run_as("python", &st);
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stderr"), "");
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "output"), "");
	json_object_put(o);
}

static void test_run_failed(void)
{
	static const struct {
		const char *verdict, *error;
		int exit_code, signal;
		const char *stderr_, *message, *status, *signame;
		int code;
	} cases[] = {
		{ "runtime_error", "exited with code 3\nTraceback\nboom\n", 3, -1, "Traceback\nboom\n",
		  "exited with code 3", "RE", NULL, 3 },
		{ "runtime_error", "exited with code 1", 1, -1, "", "exited with code 1", "RE", NULL, 1 },
		{ "runtime_error", "killed by signal 11 (SIGSEGV)", -1, 11, "",
		  "killed by signal 11 (SIGSEGV)", "SG", "SIGSEGV", -1 },
		{ "time_limit_exceeded", "CPU time limit of 1.000 s exceeded", -1, 9, "",
		  "CPU time limit of 1.000 s exceeded", "TO", "SIGKILL", -1 },
		{ "time_limit_exceeded", "wall time limit of 3.000 s exceeded (sleeping or blocked?)\nzz",
		  -1, -1, "zz", "wall time limit of 3.000 s exceeded (sleeping or blocked?)", "TO",
		  "SIGKILL", -1 },
		{ "output_limit_exceeded", "output limit of 1 KiB exceeded", -1, 9, "",
		  "output limit of 1 KiB exceeded", "OL", "SIGKILL", -1 },
		{ "memory_limit_exceeded", "memory limit of 64 MiB exceeded", -1, 9, "",
		  "memory limit of 64 MiB exceeded", "SG", "SIGKILL", -1 },
		{ "memory_limit_exceeded", "memory limit of 64 MiB exceeded (MemoryError)\nMemoryError\n",
		  1, -1, "MemoryError\n", "memory limit of 64 MiB exceeded (MemoryError)", "RE", NULL, 1 },
		{ "internal_error", "the sandbox failed", -1, -1, "", "the sandbox failed", "XX", NULL,
		  -1 },
	};
	struct json_object *o;
	int st;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		judged("ok", "", cases[i].verdict, "out\n", cases[i].error, cases[i].exit_code,
		       cases[i].signal);
		o = run_as("javascript", &st);
		CU_ASSERT_EQUAL(st, 200);
		if (strcmp(str_at(o, "run", "stderr"), cases[i].stderr_) ||
		    strcmp(str_at(o, "run", "status"), cases[i].status))
			fprintf(stderr, "\n    %s: %s\n", cases[i].verdict,
				json_object_to_json_string(o));
		CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stdout"), "out\n");
		CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stderr"), cases[i].stderr_);
		CU_ASSERT_STRING_EQUAL(str_at(o, "run", "message"), cases[i].message);
		CU_ASSERT_STRING_EQUAL(str_at(o, "run", "status"), cases[i].status);
		if (cases[i].signame) {
			CU_ASSERT_STRING_EQUAL(str_at(o, "run", "signal"), cases[i].signame);
		} else {
			CU_ASSERT_TRUE(is_null(o, "run", "signal"));
		}
		if (cases[i].code < 0) {
			CU_ASSERT_TRUE(is_null(o, "run", "code"));
		} else {
			CU_ASSERT_EQUAL(json_object_get_int(at(o, "run", "code")), cases[i].code);
		}
		CU_ASSERT_FALSE(json_object_object_get_ex(o, "compile", NULL));
		json_object_put(o);
	}
}

static void test_compiled(void)
{
	struct json_object *o;
	int st;

	/* a compiled language has its compile stage */
	judged("ok", "a warning\n", "accepted", "42\n", NULL, 0, -1);
	o = run_as("c++", &st);
	CU_ASSERT_EQUAL(st, 200);
	CU_ASSERT_STRING_EQUAL(str_at(o, "language", NULL), "cpp");
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "compile", "code")), 0);
	CU_ASSERT_STRING_EQUAL(str_at(o, "compile", "stdout"), "");
	CU_ASSERT_STRING_EQUAL(str_at(o, "compile", "stderr"), "a warning\n");
	CU_ASSERT_STRING_EQUAL(str_at(o, "compile", "output"), "a warning\n");
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "compile", "wall_time")), 412);
	CU_ASSERT_TRUE(is_null(o, "compile", "signal"));
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stdout"), "42\n");
	json_object_put(o);

	/* a compile error: no run, and run is the compile stage, as Piston answers */
	judged("error", "main.c:1:1: error: expected ';'", "compilation_error", "",
	       "compilation failed", -1, -1);
	o = run_as("c", &st);
	CU_ASSERT_EQUAL(st, 200);
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "compile", "code")), 1);
	CU_ASSERT_STRING_EQUAL(str_at(o, "compile", "stderr"), "main.c:1:1: error: expected ';'");
	CU_ASSERT_STRING_EQUAL(str_at(o, "compile", "status"), "RE");
	CU_ASSERT_STRING_EQUAL(json_object_to_json_string(at(o, "run", NULL)),
			       json_object_to_json_string(at(o, "compile", NULL)));
	json_object_put(o);

	/* an interpreted language's failed syntax check is a failed run, with no compile stage */
	judged("error", "  File \"main.py\", line 1\nSyntaxError: invalid syntax\n",
	       "compilation_error", "", "compilation failed", -1, -1);
	o = run_as("py", &st);
	CU_ASSERT_EQUAL(st, 200);
	CU_ASSERT_FALSE(json_object_object_get_ex(o, "compile", NULL));
	CU_ASSERT_EQUAL(json_object_get_int(at(o, "run", "code")), 1);
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stderr"),
			       "  File \"main.py\", line 1\nSyntaxError: invalid syntax\n");
	CU_ASSERT_STRING_EQUAL(str_at(o, "run", "stdout"), "");
	json_object_put(o);
}

/* ---- when the judge refuses or fails ---- */

static void test_judge_refusal(void)
{
	struct json_object *o;
	int st;

	judge_answers("{\"success\":false,\"error\":{\"code\":\"invalid_field\","
		      "\"message\":\"'code' has a NUL byte\"}}", 2);
	o = run_as("python", &st);
	CU_ASSERT_EQUAL(st, 400);
	CU_ASSERT_STRING_EQUAL(message_of(o), "'code' has a NUL byte");
	json_object_put(o);

	judge_answers("{\"success\":false,\"error\":{\"code\":\"payload_too_large\","
		      "\"message\":\"too large\"}}", 2);
	o = run_as("python", &st);
	CU_ASSERT_EQUAL(st, 413);
	CU_ASSERT_STRING_EQUAL(message_of(o), "too large");
	json_object_put(o);
}

static void test_judge_unavailable(void)
{
	struct json_object *o;
	int st;

	/* no box could be built; prints no JSON; has no test result; is not there at all */
	judge_answers("{\"success\":false,\"error\":{\"code\":\"sandbox_unavailable\","
		      "\"message\":\"no cgroup\"}}", 1);
	o = run_as("python", &st);
	CU_ASSERT_EQUAL(st, 503);
	CU_ASSERT_STRING_EQUAL(message_of(o), "the executor is unavailable; retry");
	json_object_put(o);

	judge_answers("not json", 0);
	o = run_as("python", &st);
	CU_ASSERT_EQUAL(st, 503);
	json_object_put(o);

	judge_answers("{\"status\":\"accepted\",\"test_results\":[]}", 0);
	o = run_as("python", &st);
	CU_ASSERT_EQUAL(st, 503);
	json_object_put(o);

	executor_init("/nonexistent/judge");
	o = run_as("python", &st);
	CU_ASSERT_EQUAL(st, 503);
	CU_ASSERT_STRING_EQUAL(message_of(o), "the executor is unavailable; retry");
	json_object_put(o);
	executor_init(judge);
}

/* ---- the guards ---- */

static void test_api_key(void)
{
	static const char body[] = "{\"language\":\"python\",\"files\":[{\"content\":\"pass\"}]}";
	struct json_object *o;
	int st;

	cfg.api_key = "sekrit-key";
	o = call("GET", NULL, NULL, NULL, &st);
	CU_ASSERT_EQUAL(st, 401);
	CU_ASSERT_PTR_NOT_NULL(strstr(message_of(o), "API key"));
	json_object_put(o);
	o = call("POST", body, "application/json", "HTTP_X_API_KEY=sekrit-kez", &st);
	CU_ASSERT_EQUAL(st, 401);
	CU_ASSERT_NOT_EQUAL(access(req_file, F_OK), 0);
	json_object_put(o);

	judged("ok", "", "accepted", "", NULL, 0, -1);
	o = call("POST", body, "application/json", "HTTP_X_API_KEY=sekrit-key", &st);
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
	o = call("POST", body, "application/json", "HTTP_AUTHORIZATION=Bearer sekrit-key", &st);
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
	o = call("GET", NULL, NULL, "HTTP_X_API_KEY=sekrit-key", &st);
	CU_ASSERT_EQUAL(st, 200);
	json_object_put(o);
	cfg.api_key = NULL;
}

static void test_media_types(void)
{
	static const char body[] = "{\"language\":\"python\",\"files\":[{\"content\":\"pass\"}]}";
	static const char *const ok[] = { "application/json", "application/json; charset=utf-8",
					  "text/plain;charset=UTF-8", NULL };
	struct json_object *o;
	int st;
	size_t i;

	/* piston-client sends node-fetch's text/plain; no Content-Type is read as JSON too */
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		judged("ok", "", "accepted", "", NULL, 0, -1);
		o = call("POST", body, ok[i], NULL, &st);
		CU_ASSERT_EQUAL(st, 200);
		json_object_put(o);
	}
}

static CU_TestInfo tests[] = {
	{ "runtimes", test_runtimes },
	{ "refused", test_refused },
	{ "refused_large", test_refused_large },
	{ "judge_request", test_judge_request },
	{ "judge_request_files", test_judge_request_files },
	{ "judge_request_limits", test_judge_request_limits },
	{ "versions", test_versions },
	{ "run_clean", test_run_clean },
	{ "run_failed", test_run_failed },
	{ "compiled", test_compiled },
	{ "judge_refusal", test_judge_refusal },
	{ "judge_unavailable", test_judge_unavailable },
	{ "api_key", test_api_key },
	{ "media_types", test_media_types },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("api_piston", tests, suite_init, suite_cleanup);
}
