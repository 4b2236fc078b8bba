/* test_judge.c - unit tests of judge.c and judge_json.c: class names, requests, responses */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

static const char *cls(const char *src)
{
	static char out[65];

	judge_java_class(src, strlen(src), out, sizeof(out));
	return out;
}

static void test_java_class(void)
{
	CU_ASSERT_STRING_EQUAL(cls("public class Solution { public static void main(String[] a){} }"),
			       "Solution");
	CU_ASSERT_STRING_EQUAL(cls("import java.util.*;\nclass Helper {}\npublic final class Best {}"),
			       "Best");
	CU_ASSERT_STRING_EQUAL(cls("// public class Fake {}\n/* public class Fake2 {} */\n"
				   "public class Real { String s = \"public class Str {}\"; }"),
			       "Real");
	CU_ASSERT_STRING_EQUAL(cls("class A { } class Main { }"), "Main");
	CU_ASSERT_STRING_EQUAL(cls("class Only { public static void main(String[] a) {} }"), "Only");
	CU_ASSERT_STRING_EQUAL(cls("nothing here"), "Main");
	/* nested public classes are not the file's class */
	CU_ASSERT_STRING_EQUAL(cls("class Outer { public class Inner {} }"), "Outer");
	CU_ASSERT_STRING_EQUAL(cls("public class Text { String t = \"\"\"\n public class X\n\"\"\"; }"),
			       "Text");
}

static int parse(const char *body, struct judge_request *req, struct judge_error *e)
{
	return judge_request_parse(body, strlen(body), req, e);
}

static void expect_error(const char *body, const char *code)
{
	struct judge_request req;
	struct judge_error e;

	CU_ASSERT_EQUAL(parse(body, &req, &e), -1);
	CU_ASSERT_PTR_NOT_NULL(e.code);
	if (e.code) {
		CU_ASSERT_STRING_EQUAL(e.code, code);
		if (strcmp(e.code, code))
			fprintf(stderr, "\n  body %.80s: got %s (%s), want %s\n", body, e.code,
				e.message, code);
	}
	CU_ASSERT_TRUE(strlen(e.message) > 0);
}

static void test_request_valid(void)
{
	struct judge_request req;
	struct judge_error e;
	const char *body =
		"{\"language\":\"cpp\",\"code\":\"int main(){}\",\"question_id\":42,"
		"\"test_cases\":[{\"id\":\"a\",\"input\":\"1\\n\",\"expected_output\":\"2\"},"
		"{\"expected_output\":\"x\"}],\"timeout\":1.5,\"memory_limit_mb\":128,"
		"\"output_limit_kb\":64,\"user_id\":\"ignored\"}";

	CU_ASSERT_EQUAL_FATAL(parse(body, &req, &e), 0);
	CU_ASSERT_STRING_EQUAL(req.lang->id, "cpp");
	CU_ASSERT_EQUAL(req.code_len, 12);
	CU_ASSERT_STRING_EQUAL(req.question_id, "42");
	CU_ASSERT_EQUAL(req.ntests, 2);
	CU_ASSERT_STRING_EQUAL(req.tests[0].id, "a");
	CU_ASSERT_STRING_EQUAL(req.tests[0].input, "1\n");
	CU_ASSERT_STRING_EQUAL(req.tests[1].id, "test_2");
	CU_ASSERT_EQUAL(req.tests[1].input_len, 0);
	CU_ASSERT_DOUBLE_EQUAL(req.timeout_s, 1.5, 1e-9);
	CU_ASSERT_EQUAL(req.memory_mb, 128);
	CU_ASSERT_EQUAL(req.output_kb, 64);
	judge_request_release(&req);

	CU_ASSERT_EQUAL_FATAL(parse("{\"language\":\"python\",\"code\":\"print(1)\","
				    "\"test_cases\":[{\"input\":\"\",\"expected_output\":\"1\"}]}",
				    &req, &e),
			      0);
	CU_ASSERT_DOUBLE_EQUAL(req.timeout_s, 5, 1e-9);
	CU_ASSERT_EQUAL(req.memory_mb, 256);
	CU_ASSERT_EQUAL(req.output_kb, 16384);
	CU_ASSERT_PTR_NULL(req.question_id);
	judge_request_release(&req);
}

static void test_request_invalid(void)
{
	const char *tc = "\"test_cases\":[{\"input\":\"\",\"expected_output\":\"1\"}]";
	char body[512];

	expect_error("", "invalid_json");
	expect_error("{", "invalid_json");
	expect_error("{\"language\":\"python\"", "invalid_json");
	expect_error("{} {}", "invalid_json");
	expect_error("[1,2]", "invalid_request");
	expect_error("\"str\"", "invalid_request");
	snprintf(body, sizeof(body), "{\"code\":\"x\",%s}", tc);
	expect_error(body, "missing_field");
	snprintf(body, sizeof(body), "{\"language\":\"cobol\",\"code\":\"x\",%s}", tc);
	expect_error(body, "invalid_language");
	snprintf(body, sizeof(body), "{\"language\":7,\"code\":\"x\",%s}", tc);
	expect_error(body, "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",%s}", tc);
	expect_error(body, "missing_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":\"\",%s}", tc);
	expect_error(body, "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":[1],%s}", tc);
	expect_error(body, "invalid_field");
	expect_error("{\"language\":\"c\",\"code\":\"x\"}", "missing_field");
	expect_error("{\"language\":\"c\",\"code\":\"x\",\"test_cases\":[]}", "invalid_field");
	expect_error("{\"language\":\"c\",\"code\":\"x\",\"test_cases\":{}}", "invalid_field");
	expect_error("{\"language\":\"c\",\"code\":\"x\",\"test_cases\":[1]}", "invalid_field");
	expect_error("{\"language\":\"c\",\"code\":\"x\",\"test_cases\":[{\"input\":\"1\"}]}",
		     "missing_field");
	expect_error("{\"language\":\"c\",\"code\":\"x\",\"test_cases\":[{\"input\":5,"
		     "\"expected_output\":\"1\"}]}",
		     "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":\"x\",%s,\"timeout\":0}", tc);
	expect_error(body, "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":\"x\",%s,\"timeout\":31}", tc);
	expect_error(body, "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":\"x\",%s,\"timeout\":\"5\"}", tc);
	expect_error(body, "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":\"x\",%s,\"memory_limit_mb\":4096}",
		 tc);
	expect_error(body, "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":\"x\",%s,\"memory_limit_mb\":100.5}",
		 tc);
	expect_error(body, "invalid_field");
	snprintf(body, sizeof(body), "{\"language\":\"c\",\"code\":\"x\",%s,\"output_limit_kb\":70000}",
		 tc);
	expect_error(body, "invalid_field");
	/* nesting deeper than any request needs */
	expect_error("{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
		     "invalid_json");
}

static void test_request_limits(void)
{
	struct strbuf b = STRBUF_INIT;
	size_t i;

	/* code over 256 KiB */
	strbuf_addstr(&b, "{\"language\":\"c\",\"code\":\"");
	for (i = 0; i < JUDGE_MAX_CODE + 1; i++)
		strbuf_addstr(&b, "x");
	strbuf_addstr(&b, "\",\"test_cases\":[{\"expected_output\":\"1\"}]}");
	expect_error(b.buf, "payload_too_large");
	strbuf_reset(&b);

	/* 201 tests */
	strbuf_addstr(&b, "{\"language\":\"c\",\"code\":\"x\",\"test_cases\":[");
	for (i = 0; i < JUDGE_MAX_TESTS + 1; i++)
		strbuf_addf(&b, "%s{\"expected_output\":\"1\"}", i ? "," : "");
	strbuf_addstr(&b, "]}");
	expect_error(b.buf, "invalid_field");
	strbuf_release(&b);
}

static void test_response_json(void)
{
	struct run *r = run1("python", "print('caf\\xe9 ok')\nimport sys\nsys.stdout.flush()\n"
				       "sys.stdout.buffer.write(b'\\xff\\xfe\\n')\n",
			     "", "café ok");
	struct json_object *o, *v, *t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->rc, SBX_OK);
	o = judge_result_json(&r->req, &r->res);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "execution_id", &v) &&
		       json_object_get_string_len(v) == 36);
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "status", &v) &&
		       !strcmp(json_object_get_string(v), "wrong_answer"));
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "summary", &v));
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "metadata", &v) &&
		       json_object_object_get_ex(v, "security", &t) &&
		       !strcmp(json_object_get_string(t), "enabled"));
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "test_results", &v) &&
		       json_object_array_length(v) == 1);
	t = json_object_array_get_idx(v, 0);
	/* invalid UTF-8 from the program is replaced, so the response stays valid JSON */
	CU_ASSERT_TRUE(json_object_object_get_ex(t, "actual_output", &v) &&
		       strstr(json_object_get_string(v), "\xEF\xBF\xBD") != NULL);
	{
		const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);
		struct json_object *back = json_tokener_parse(s);

		CU_ASSERT_PTR_NOT_NULL(back);
		json_object_put(back);
	}
	json_object_put(o);
	run_free(r);
}

/* Without a setuid launcher the judge refuses, names why, and runs nothing. */
static void test_refuses_unprivileged(void)
{
	char dir[] = "/tmp/ce-unpriv-XXXXXX", cmd[512], out[2048] = "";
	const char *bin = getenv("BIN") ? getenv("BIN") : "bin";
	size_t n;
	FILE *p;
	int st;

	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	/* a copy in /tmp: the checkout itself may not be reachable by nobody */
	snprintf(cmd, sizeof(cmd), "cp %s/judge %s/ce-box %s/ && chmod 755 %s %s/judge %s/ce-box", bin,
		 bin, dir, dir, dir, dir);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	snprintf(cmd, sizeof(cmd),
		 "echo '{\"language\":\"c\",\"code\":\"int main(){return 0;}\","
		 "\"test_cases\":[{\"expected_output\":\"\"}]}' | runuser -u nobody -- %s/judge",
		 dir);
	p = popen(cmd, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	st = pclose(p);
	CU_ASSERT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "sandbox_unavailable"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "setuid root"));
	CU_ASSERT_PTR_NULL(strstr(out, "accepted"));
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CU_ASSERT_EQUAL(system(cmd), 0);
}

/* The host's name never reaches a response: container_id and replica are the configured node name. */
static void test_node_name(void)
{
	struct run *r = run1("python", "print(1)\n", "", "1");
	struct json_object *o, *meta, *v;
	char host[256] = "";
	const char *c;

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	gethostname(host, sizeof(host) - 1);
	unsetenv("CE_NODE_NAME");
	o = judge_result_json(&r->req, &r->res);
	CU_ASSERT_FATAL(json_object_object_get_ex(o, "metadata", &meta));
	CU_ASSERT(json_object_object_get_ex(meta, "container_id", &v) &&
		  !strcmp(json_object_get_string(v), "judge"));
	CU_ASSERT(json_object_object_get_ex(meta, "replica", &v) &&
		  !strcmp(json_object_get_string(v), "judge"));
	c = json_object_to_json_string(o);
	CU_ASSERT(!host[0] || strstr(c, host) == NULL || !strcmp(host, "judge"));
	json_object_put(o);
	setenv("CE_NODE_NAME", "node-7", 1);
	o = judge_result_json(&r->req, &r->res);
	CU_ASSERT(json_object_object_get_ex(o, "metadata", &meta) &&
		  json_object_object_get_ex(meta, "container_id", &v) &&
		  !strcmp(json_object_get_string(v), "node-7"));
	json_object_put(o);
	/* a name that is not a plain host label is not shown */
	setenv("CE_NODE_NAME", "a b\"<x>", 1);
	CU_ASSERT_STRING_EQUAL(judge_node_name(), "judge");
	unsetenv("CE_NODE_NAME");
	run_free(r);
}

static CU_TestInfo tests[] = {
	{ "refuses without privileges", test_refuses_unprivileged },
	{ "node name, never the host name", test_node_name },
	{ "java class name", test_java_class },
	{ "request valid", test_request_valid },
	{ "request invalid", test_request_invalid },
	{ "request limits", test_request_limits },
	{ "response json", test_response_json },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("judge", tests)
