/* test_judge.c - unit tests of judge.c, entry.c and judge_json.c: class names, requests, responses */
#define _GNU_SOURCE
#include <errno.h>
#include <json-c/json.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

/* The file's class and the class to run of Java source, as "File Main". */
static const char *java(const char *src)
{
	static char out[2 * JUDGE_CLASS_MAX + 2];
	struct judge_entry e;

	judge_java_class(src, strlen(src), &e);
	snprintf(out, sizeof(out), "%s %s", e.file_class, e.main_class);
	return out;
}

static const char *csharp(const char *src)
{
	static struct judge_entry e;

	judge_csharp_class(src, strlen(src), &e);
	CU_ASSERT_STRING_EQUAL(e.file_class, "Main");
	return e.main_class;
}

#define JAVA_IS(src, want)                                                                       \
	do {                                                                                     \
		const char *got_ = java(src);                                                    \
		if (strcmp(got_, (want)))                                                        \
			fprintf(stderr, "\n    %s: got \"%s\", want \"%s\"\n", #src, got_, (want)); \
		CU_ASSERT_STRING_EQUAL(got_, (want));                                            \
	} while (0)

#define MAIN(cls) "class " cls " { public static void main(String[] a) {} }\n"

static void test_java_class(void)
{
	JAVA_IS("public class Solution { public static void main(String[] a){} }",
		"Solution Solution");
	JAVA_IS("import java.util.*;\nclass Helper {}\npublic final class Best {}", "Best Best");
	JAVA_IS("// public class Fake {}\n/* public class Fake2 {} */\n"
		"public class Real { String s = \"public class Str {}\"; }",
		"Real Real");
	JAVA_IS("class A { } class Main { }", "Main Main");
	JAVA_IS("class Only { public static void main(String[] a) {} }", "Main Only");
	JAVA_IS("nothing here", "Main Main");
	JAVA_IS("", "Main Main");
	/* nested public classes are not the file's class */
	JAVA_IS("class Outer { public class Inner {} }", "Main Outer");
	JAVA_IS("public class Text { String t = \"\"\"\n public class X\n\"\"\"; }", "Text Text");
}

/* The class to run is the one that declares main, not the public or the first class. */
static void test_java_main_class(void)
{
	/* a package: the class runs by its qualified name */
	JAVA_IS("package bin;\nclass Main { public static void main(String[] a) {} }",
		"Main bin.Main");
	JAVA_IS("package a.b . c; // deep\nimport java.util.*;\npublic class Sol {\n"
		"  public static void main(String... args) {}\n}",
		"Sol a.b.c.Sol");
	JAVA_IS("/* package x; */ class Main { public static void main(String[] a) {} }",
		"Main Main");
	/* not public, not first */
	JAVA_IS("class Helper {} " MAIN("Solution"), "Main Solution");
	JAVA_IS("public class Util { static int f() { return 1; } } " MAIN("Main"), "Util Main");
	/* the function-signature harness after a candidate's class */
	JAVA_IS("public class Solution { int twice(int x) { return 2 * x; } }\n"
		"class CeMain { public static void main(String[] a) { new Solution(); } }",
		"Solution CeMain");
	JAVA_IS("class Solution { int f() { return 1; } }\n" MAIN("CeMain"), "Main CeMain");
	/* ... even when the candidate left a main of their own: the last one runs */
	JAVA_IS("public class Solution { public static void main(String[] a) {} }\n" MAIN("CeMain"),
		"Solution CeMain");
	/* Main first when several classes declare main */
	JAVA_IS(MAIN("A") MAIN("Main") MAIN("B"), "Main Main");
	JAVA_IS("public " MAIN("P") MAIN("Q"), "P Q");
	/* modifiers in any order, final or annotated parameters, String x[], throws */
	JAVA_IS("class A {} class B { static public void main(final String[] args) {} }", "Main B");
	JAVA_IS("class A {} class B { final static public synchronized void main(String args[])"
		" throws Exception {} }",
		"Main B");
	JAVA_IS("class A {} class B { @SuppressWarnings(\"x\") public static void "
		"main(@Deprecated final java.lang.String... a) {} }",
		"Main B");
	JAVA_IS("class A {} interface I { static void main(String[] a) {} }", "Main I");
	JAVA_IS("class A {} enum E { X, Y { void f() {} }; public static void main(String[] a) {} }",
		"Main E");
	JAVA_IS("class A {} record R(int x) { public static void main(String[] a) {} }", "Main R");
	/* not an entry point: no static, another parameter, a call, another name */
	JAVA_IS("class A {} class B { public void main(String[] a) {} }", "Main A");
	JAVA_IS("class A {} class B { public static void main(int[] a) {} }", "Main A");
	JAVA_IS("class A {} class B { public static void main(String[] a, int b) {} }", "Main A");
	JAVA_IS("class A {} class B { public static int main(String[] a) { return 0; } }", "Main A");
	JAVA_IS("class A { static void f() { B.main(null); } } class B {}", "Main A");
	JAVA_IS("class A {} class B { static void mainly(String[] a) {} }", "Main A");
}

/* Comments, strings, text blocks, char literals and generics hide nothing that is not there. */
static void test_java_main_class_lexing(void)
{
	JAVA_IS("// class Fake { public static void main(String[] a) {} }\n"
		"/* class Fake2 { public static void main(String[] a) {} } */\n"
		"class A {} class Real { String s = \"class Str { public static void main(String[] a) "
		"{} }\"; public static void main(String[] a) {} }",
		"Main Real");
	JAVA_IS("class T { String s = \"\"\"\n  }\"\n  class Fake { static void main(String[] a) {} }\n"
		"  \\\"\"\" still in\n  \"\"\"; } " MAIN("Real"),
		"Main Real");
	/* a brace or quote in a char literal, an escaped quote in a string */
	JAVA_IS("class A { char c = '}'; char q = '\"'; char e = '\\''; String s = \"\\\"}\"; "
		"public static void main(String[] a) {} } class B {}",
		"Main A");
	/* generics, annotations with braces, X.class, lambdas and anonymous classes */
	JAVA_IS("import java.util.*;\n@SuppressWarnings({\"unchecked\", \"rawtypes\"})\n"
		"public class G<T extends Comparable<T>> implements Comparator<Map<String, List<T>>> {\n"
		"  public int compare(Map<String, List<T>> x, Map<String, List<T>> y) { return 0; }\n"
		"  Class<?> k = Object.class; Runnable r = () -> { int z = 1; };\n"
		"  Object o = new Object() { public void main(String[] a) {} };\n"
		"  public static void main(String[] a) {}\n}",
		"G G");
	/* Foo.class in an annotation is not a declaration of a class named "public" */
	JAVA_IS("@Anno(Foo.class) public class Real { public static void main(String[] a) {} }",
		"Real Real");
	/* a nested class's main runs only when no top-level class has one */
	JAVA_IS("public class Outer { static class Runner { public static void main(String[] a) {} }"
		" }",
		"Outer Outer$Runner");
	JAVA_IS("package p; public class Outer { static class Main { public static void main(String[]"
		" a) {} } static class Other { public static void main(String[] a) {} } }",
		"Outer p.Outer$Main");
	JAVA_IS("class Outer { static class In { public static void main(String[] a) {} } }\n"
		MAIN("Top"),
		"Main Top");
	/* a local class's main is never the entry point */
	JAVA_IS("public class A { void f() { class Local { public static void main(String[] a) {} } "
		"} }",
		"A A");
	/* unbalanced or cut-off source still gives names */
	JAVA_IS("public class Cut { public static void main(String[] a) { \"open", "Cut Cut");
	JAVA_IS("}}} class A {} " MAIN("B"), "Main B");
	JAVA_IS("public class A { /* never closed", "A A");
}

static void test_csharp_main_class(void)
{
	/* one Main anywhere: mcs finds it, -main: is left out */
	CU_ASSERT_STRING_EQUAL(csharp("class Solution { static void Main() {} }"), "");
	CU_ASSERT_STRING_EQUAL(csharp("class A {} public class B { public static void "
				      "Main(string[] args) {} }"),
			       "");
	CU_ASSERT_STRING_EQUAL(csharp("class A { static void Main() {} } class B { void Main() {} }"),
			       "");
	/* several: the last, namespace-qualified, nested with '+' */
	CU_ASSERT_STRING_EQUAL(csharp("class A { static void Main() {} }\n"
				      "class B { static int Main(string[] a) { return 0; } }"),
			       "B");
	CU_ASSERT_STRING_EQUAL(csharp("namespace N.M { class A { static void Main() {} }\n"
				      "  namespace Inner { static class B { public static void Main("
				      "params System.String[] a) {} } } }"),
			       "N.M.Inner.B");
	CU_ASSERT_STRING_EQUAL(csharp("namespace N { class A { static void Main() {} }\n"
				      "class O { struct S { static void Main() {} } } }"),
			       "N.O+S");
	CU_ASSERT_STRING_EQUAL(csharp("namespace F;\nclass A { static void Main() {} }\n"
				      "class B { static void Main() {} }"),
			       "F.B");
	CU_ASSERT_STRING_EQUAL(csharp("class @class { static void Main() {} } class B { static void "
				      "Main() {} } class C {}"),
			       "B");
	/* the parts of a partial class are one; async Task Main is no entry point for mcs */
	CU_ASSERT_STRING_EQUAL(csharp("partial class P { static void Main() {} } partial class P {}"),
			       "");
	CU_ASSERT_STRING_EQUAL(csharp("class P { static async Task Main() {} }\n"
				      "class Q { static void Main() {} }"),
			       "");
	/* a generic type's Main counts, but only another can be named */
	CU_ASSERT_STRING_EQUAL(csharp("class A { static void Main() {} }\n"
				      "class D<T> { static void Main() {} class E { static void Main() "
				      "{} } }"),
			       "A");
	/* comments, strings of every kind, directives, chars (the source compiles with mcs -main:A) */
	CU_ASSERT_STRING_EQUAL(csharp("// class X { static void Main() {} }\n"
				      "/* class Y { static void Main() {} } */\n"
				      "#if NEVER\n"
				      "  #endif\n"
				      "class A { string s = \"class B { static void Main() {} }\";\n"
				      "  string v = @\"\"\"}\"\" class C { static void Main() {} }\";\n"
				      "  string i = $\"{(1 > 0 ? \"}\" : \"{\")} {{ }}\";\n"
				      "  string j = $@\"x\"\"{\"}\"}{{y\";\n"
				      "  char c = '}';\n"
				      "  static void Main() {} }\n"
				      "class D { static void Main() {} }"),
			       "D");
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

/*
 * bin/judge has its box built while it reads the request.  A request it
 * refuses still gets its error, and the judge waits for that box's launcher
 * before it ends: none is left behind, not even as a zombie for its parent.
 */
static void test_bad_request_leaves_no_launcher(void)
{
	const char *bin = getenv("BIN") ? getenv("BIN") : "bin";
	char judge[512], out[1024] = "";
	char *const argv[] = { judge, NULL };
	posix_spawn_file_actions_t fa;
	int in[2], res[2], st, k;
	pid_t pid, left;
	ssize_t n;

	snprintf(judge, sizeof(judge), "%s/judge", bin);
	/* what the judge leaves behind becomes ours */
	CU_ASSERT_EQUAL_FATAL(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
	for (k = 0; k < 3; k++) {
		CU_ASSERT_FATAL(pipe(in) == 0 && pipe(res) == 0);
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, in[0], 0);
		posix_spawn_file_actions_adddup2(&fa, res[1], 1);
		posix_spawn_file_actions_addclose(&fa, in[1]);
		posix_spawn_file_actions_addclose(&fa, res[0]);
		CU_ASSERT_EQUAL_FATAL(posix_spawn(&pid, judge, &fa, NULL, argv, environ), 0);
		posix_spawn_file_actions_destroy(&fa);
		close(in[0]);
		close(res[1]);
		CU_ASSERT(write(in[1], "{bad", 4) == 4);
		close(in[1]);
		n = read(res[0], out, sizeof(out) - 1);
		out[n > 0 ? n : 0] = '\0';
		close(res[0]);
		CU_ASSERT_EQUAL(waitpid(pid, &st, 0), pid);
		CU_ASSERT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 2);
		CU_ASSERT_PTR_NOT_NULL(strstr(out, "invalid_json"));
		left = waitpid(-1, &st, 0);
		CU_ASSERT_TRUE(left < 0 && errno == ECHILD);
	}
	prctl(PR_SET_CHILD_SUBREAPER, 0);
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
	{ "a bad request leaves no launcher behind", test_bad_request_leaves_no_launcher },
	{ "node name, never the host name", test_node_name },
	{ "java: the file's class", test_java_class },
	{ "java: the class to run", test_java_main_class },
	{ "java: classes hidden in comments and literals", test_java_main_class_lexing },
	{ "c#: the class -main: names", test_csharp_main_class },
	{ "request valid", test_request_valid },
	{ "request invalid", test_request_invalid },
	{ "request limits", test_request_limits },
	{ "response json", test_response_json },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("judge", tests)
