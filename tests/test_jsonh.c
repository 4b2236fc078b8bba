/* test_jsonh.c - unit tests of common/jsonh.c: bounded parsing, typed fields, text for the database */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "jsonh.h"

static char err[256];

/* Parse a C string literal of known size (may contain NUL bytes) from an exact-size heap copy. */
static struct json_object *parse_n(const char *s, size_t n)
{
	/* no terminator after the data: a read past len shows under ASan */
	char *copy = malloc(n ? n : 1);
	struct json_object *o;

	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	memcpy(copy, s, n);
	strcpy(err, "");
	o = jsonh_parse(copy, n, err, sizeof(err));
	free(copy);
	return o;
}

static struct json_object *parse(const char *s)
{
	return parse_n(s, strlen(s));
}

/* Parsing fails with a message. */
#define ASSERT_REJECTED(s)                                                                       \
	do {                                                                                     \
		struct json_object *o_ = parse(s);                                                \
		CU_ASSERT_PTR_NULL(o_);                                                           \
		CU_ASSERT_NOT_EQUAL(err[0], '\0');                                                \
		json_object_put(o_);                                                              \
	} while (0)

#define ASSERT_ACCEPTED(s)                                                                       \
	do {                                                                                     \
		struct json_object *o_ = parse(s);                                                \
		CU_ASSERT_PTR_NOT_NULL(o_);                                                       \
		json_object_put(o_);                                                              \
	} while (0)

/* ---- jsonh_parse ---- */

static void test_parse_object(void)
{
	struct json_object *o = parse("{\"a\": 1, \"b\": \"x\", \"c\": [true, null], \"d\": {}}");
	long long a = 0;
	const char *b = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_TRUE(json_object_is_type(o, json_type_object));
	CU_ASSERT_EQUAL(jsonh_int(o, "a", 0, 10, &a, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(a, 1);
	CU_ASSERT_EQUAL(jsonh_str(o, "b", 10, &b, NULL, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(b, "x");
	json_object_put(o);

	o = parse("[1, 2, 3]");
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_TRUE(json_object_is_type(o, json_type_array));
	CU_ASSERT_EQUAL(json_object_array_length(o), 3);
	json_object_put(o);

	o = parse("{\"s\": \"caf\xc3\xa9 \\u00e9\\ud83d\\ude00\"}");
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(jsonh_str(o, "s", 100, &b, NULL, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(b, "caf\xc3\xa9 \xc3\xa9\xf0\x9f\x98\x80");
	json_object_put(o);
}

static void test_parse_whitespace(void)
{
	ASSERT_ACCEPTED("{} ");
	ASSERT_ACCEPTED("{}\n");
	ASSERT_ACCEPTED("{}\r\n\t  \r\n");
	ASSERT_ACCEPTED("  \n\t{\"a\" : 1 }  \n");
	ASSERT_ACCEPTED("[1] \n");
}

static void test_parse_trailing_garbage(void)
{
	ASSERT_REJECTED("{}x");
	ASSERT_REJECTED("{} x");
	ASSERT_REJECTED("{}\n\n,");
	ASSERT_REJECTED("{}{}");
	ASSERT_REJECTED("{\"a\":1} {\"a\":2}");
	ASSERT_REJECTED("[1]]");
	ASSERT_REJECTED("{}}");
	ASSERT_REJECTED("{} 1");
	ASSERT_REJECTED("{}\v");
	ASSERT_REJECTED("{}\f");
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "after"));
}

static void test_parse_trailing_nul(void)
{
	struct json_object *o;

	/* a NUL byte is not JSON whitespace: "{}" followed by NUL bytes is not a document */
	o = parse_n("{}\0", 3);
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
	o = parse_n("{}\0\0\0\0", 6);
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
	o = parse_n("{}\0x", 4);
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
}

static void test_parse_len(void)
{
	/* only len bytes are parsed: what follows in memory is ignored */
	static const char buf[] = "{\"a\":1}garbage";
	char e2[64] = "";
	struct json_object *o = jsonh_parse(buf, 7, e2, sizeof(e2));

	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	/* and a document cut by len is truncated */
	o = jsonh_parse(buf, 6, e2, sizeof(e2));
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_NOT_EQUAL(e2[0], '\0');
	json_object_put(o);
}

static void test_parse_empty(void)
{
	struct json_object *o = parse_n("", 0);

	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_NOT_EQUAL(err[0], '\0');
	json_object_put(o);
	ASSERT_REJECTED(" ");
	ASSERT_REJECTED("\r\n\t ");
}

static void test_parse_truncated(void)
{
	ASSERT_REJECTED("{");
	ASSERT_REJECTED("{\"a\"");
	ASSERT_REJECTED("{\"a\":");
	ASSERT_REJECTED("{\"a\":1");
	ASSERT_REJECTED("{\"a\":1,");
	ASSERT_REJECTED("{\"a\":\"unterminated");
	ASSERT_REJECTED("{\"a\":\"x\\");
	ASSERT_REJECTED("{\"a\":\"\\u00");
	ASSERT_REJECTED("[1, 2");
	ASSERT_REJECTED("[[[]]");
	ASSERT_REJECTED("{\"a\": tru");
	ASSERT_REJECTED("{\"a\": nul");
}

static void test_parse_invalid(void)
{
	ASSERT_REJECTED("nope");
	ASSERT_REJECTED("{a}");
	ASSERT_REJECTED("{\"a\" 1}");
	ASSERT_REJECTED("{\"a\":0x10}");
	ASSERT_REJECTED("}");
	ASSERT_REJECTED(",");
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "JSON"));
}

/* Only JSON as RFC 8259 spells it: json-c's lenient extras would reach jsonb and fail there. */
static void test_parse_strict(void)
{
	static const char *const bad[] = {
		"{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":1.}", "{\"a\":-.5}",
		"{\"a\":1.e5}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":tRuE}", "{\"a\":nul}",
		"{'a':1}", "{\"a\":'x'}", "{\"a\":1,}", "[1,2,]", "[1,]", "{\"a\":1 /* c */}",
		"{\"a\":1} // c", "[--1]", "[1.5e+]", "[0x1]",
	};
	static const char *const good[] = {
		"[0]", "[-0]", "[10]", "[1.5]", "[-0.25e-3]", "[2E+10]", "[1e5]", "[true,false,null]",
		"{\"a\":[],\"b\":{}}", "[ 1 , 2 ]",
	};
	struct json_object *o;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o = parse(bad[i]);
		if (o) {
			fprintf(stderr, "\n    accepted: %s\n", bad[i]);
			json_object_put(o);
		}
		CU_ASSERT_PTR_NULL(o);
	}
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		o = parse(good[i]);
		if (!o)
			fprintf(stderr, "\n    refused: %s (%s)\n", good[i], err);
		CU_ASSERT_PTR_NOT_NULL(o);
		json_object_put(o);
	}
}

static struct json_object *nested(const char *open, const char *leaf, const char *close, int depth)
{
	char *buf = malloc((size_t)depth * (strlen(open) + strlen(close)) + strlen(leaf) + 1);
	struct json_object *o;
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	buf[0] = '\0';
	for (i = 0; i < depth; i++)
		strcat(buf, open);
	strcat(buf, leaf);
	for (i = 0; i < depth; i++)
		strcat(buf, close);
	o = parse(buf);
	free(buf);
	return o;
}

/*
 * json-c counts every value as a level, the leaf included: JSONH_MAX_DEPTH empty
 * containers fit, or JSONH_MAX_DEPTH - 1 containers around a scalar.
 */
static void test_parse_depth(void)
{
	struct json_object *o;

	o = nested("[", "", "]", JSONH_MAX_DEPTH);
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	o = nested("[", "1", "]", JSONH_MAX_DEPTH - 1);
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	o = nested("{\"k\":", "{}", "}", JSONH_MAX_DEPTH - 1);
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);

	o = nested("[", "", "]", JSONH_MAX_DEPTH + 1);
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "deep"));
	json_object_put(o);
	o = nested("[", "1", "]", JSONH_MAX_DEPTH);
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
	o = nested("{\"k\":", "{}", "}", JSONH_MAX_DEPTH);
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
	o = nested("[{\"k\":", "1", "}]", JSONH_MAX_DEPTH);
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);

	/* a deep bomb is refused quickly, without a stack overflow */
	o = nested("[", "", "]", 100000);
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
}

static void test_parse_scalars(void)
{
	struct json_object *o;

	/* a whole document may be a scalar; trailing whitespace must not be what makes it valid */
	o = parse("123 ");
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	o = parse("\"s\"");
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	o = parse("123");
	CU_ASSERT_PTR_NOT_NULL(o);
	CU_ASSERT_TRUE(o && json_object_get_int64(o) == 123);
	if (!o)
		fprintf(stderr, "\n    jsonh_parse(\"123\") failed: %s\n", err);
	json_object_put(o);
	o = parse("true");
	CU_ASSERT_PTR_NOT_NULL(o);
	CU_ASSERT_TRUE(o && json_object_get_boolean(o));
	json_object_put(o);
	o = parse("-1.5");
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
}

static void test_parse_null_document(void)
{
	/* "null" has no object to return: refused, with a message that makes sense to a client */
	struct json_object *o = parse("null");

	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_NOT_EQUAL(err[0], '\0');
	CU_ASSERT_PTR_NULL(strstr(err, "success"));
	if (strstr(err, "success"))
		fprintf(stderr, "\n    jsonh_parse(\"null\") says: %s\n", err);
	json_object_put(o);
}

static void test_parse_utf8(void)
{
	/* invalid UTF-8 (stray continuation, 0xff, overlong '/', lone surrogate bytes) */
	static const char *const bad[] = {
		"{\"s\":\"\x80\"}", "{\"s\":\"\xff\"}", "{\"s\":\"\xc0\xaf\"}",
		"{\"s\":\"\xed\xa0\x80\"}", "{\"s\":\"\xc3\"}",
	};
	size_t i;

	ASSERT_ACCEPTED("{\"s\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct json_object *o = parse(bad[i]);

		CU_ASSERT_PTR_NULL(o);
		if (o)
			fprintf(stderr, "\n    invalid UTF-8 case %zu accepted%s", i,
				i + 1 == sizeof(bad) / sizeof(bad[0]) ? "\n" : "");
		json_object_put(o);
	}
}

static void test_parse_err_bounded(void)
{
	char small[8];
	struct json_object *o;

	memset(small, 'Z', sizeof(small));
	o = jsonh_parse("{} x", 4, small, 5);
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_EQUAL(strlen(small), 4);
	CU_ASSERT_EQUAL(small[5], 'Z');
	json_object_put(o);
}

/* ---- bounded input: values, strings, member names, memory ---- */

/* A buffer of n copies of unit between head and tail, separated by sep. */
static char *repeat(const char *head, const char *unit, const char *sep, size_t n, const char *tail,
		    size_t *len)
{
	size_t hl = strlen(head), ul = strlen(unit), sl = strlen(sep), tl = strlen(tail), i, p = 0;
	char *buf = malloc(hl + n * (ul + sl) + tl + 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	memcpy(buf + p, head, hl);
	p += hl;
	for (i = 0; i < n; i++) {
		if (i) {
			memcpy(buf + p, sep, sl);
			p += sl;
		}
		memcpy(buf + p, unit, ul);
		p += ul;
	}
	memcpy(buf + p, tail, tl);
	p += tl;
	buf[p] = '\0';
	*len = p;
	return buf;
}

/* Parse what repeat() builds; the result as parse_n's. */
static struct json_object *parse_repeat(const char *head, const char *unit, const char *sep,
					size_t n, const char *tail)
{
	size_t len;
	char *buf = repeat(head, unit, sep, n, tail, &len);
	struct json_object *o = parse_n(buf, len);

	free(buf);
	return o;
}

static void test_parse_values_limit(void)
{
	struct json_object *o;

	/* the array counts as one value: JUDGE_JSON_MAX_VALUES in all fit, one more does not */
	o = parse_repeat("[", "\"xxxxxxxxxxxxxxxxxxxxxxxx\"", ",", JUDGE_JSON_MAX_VALUES - 1, "]");
	CU_ASSERT_PTR_NOT_NULL(o);
	if (!o)
		fprintf(stderr, "\n    %u values refused: %s\n", JUDGE_JSON_MAX_VALUES, err);
	json_object_put(o);
	o = parse_repeat("[", "\"xxxxxxxxxxxxxxxxxxxxxxxx\"", ",", JUDGE_JSON_MAX_VALUES, "]");
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "values"));
	json_object_put(o);
	/* member names count too */
	o = parse_repeat("{", "\"kkkkkkkkkkkkkkkkkkkkkkkk\":\"vvvvvvvvvvvvvvvvvvvvvv\"", ",",
			       JUDGE_JSON_MAX_VALUES / 2, "}");
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "values"));
	json_object_put(o);
}

static void test_parse_string_limit(void)
{
	struct json_object *o;

	o = parse_repeat("[\"", "a", "", JUDGE_JSON_MAX_STRING, "\"]");
	CU_ASSERT_PTR_NOT_NULL(o);
	CU_ASSERT_TRUE(o && json_object_get_string_len(json_object_array_get_idx(o, 0)) ==
				    (int)JUDGE_JSON_MAX_STRING);
	json_object_put(o);
	o = parse_repeat("[\"", "a", "", JUDGE_JSON_MAX_STRING + 1, "\"]");
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "string"));
	json_object_put(o);
	/* the limit is on the decoded text: escapes count as what they stand for */
	o = parse_repeat("[\"", "\\n", "", JUDGE_JSON_MAX_STRING, "\"]");
	CU_ASSERT_PTR_NOT_NULL(o);
	if (!o)
		fprintf(stderr, "\n    %u escaped newlines refused: %s\n", JUDGE_JSON_MAX_STRING, err);
	json_object_put(o);
	o = parse_repeat("[\"", "\\u00e9", "", JUDGE_JSON_MAX_STRING / 2, "\"]");
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	o = parse_repeat("[\"", "\\u00e9", "", JUDGE_JSON_MAX_STRING / 2 + 1, "\"]");
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
	/* an escaped quote does not end the string */
	o = parse_repeat("[\"", "\\\"", "", JUDGE_JSON_MAX_STRING + 1, "\"]");
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "string"));
	json_object_put(o);
}

static void test_parse_key_limit(void)
{
	struct json_object *o;

	o = parse_repeat("{\"", "k", "", JUDGE_JSON_MAX_KEY, "\":1}");
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	o = parse_repeat("{\"", "k", "", JUDGE_JSON_MAX_KEY + 1, "\":1}");
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "name"));
	json_object_put(o);
	/* a long string value is no member name */
	o = parse_repeat("{\"k\":\"", "v", "", JUDGE_JSON_MAX_KEY + 1, "\"}");
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
}

/* Many small containers for their size: what drove a worker to 4.2 GB. */
static void test_parse_growth_limit(void)
{
	struct json_object *o;

	o = parse_repeat("{\"junk\":[", "{}", ",", 64 * 1024 / 3, "]}");
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "too large"));
	json_object_put(o);
	o = parse_repeat("[", "[]", ",", 64 * 1024 / 3, "]");
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
	o = parse_repeat("[", "1", ",", 1024 * 1024 / 2, "]");
	CU_ASSERT_PTR_NULL(o);
	json_object_put(o);
	/* a small document may still hold a few hundred objects */
	o = parse_repeat("[", "{\"a\":{}}", ",", 500, "]");
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
}

static long vm_hwm_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmHWM:", 6))
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

/*
 * Parse buf in a child and measure how far its peak RSS grows: at most about
 * 20 times the document (plus 2 MiB for the allocator), accepted or not.
 */
static void check_growth(const char *what, char *buf, size_t len)
{
	long grown[2] = { -1, -1 }, before, after;
	int fd[2], status;
	pid_t pid;

	CU_ASSERT_FATAL(pipe(fd) == 0);
	pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		struct json_object *o;

		before = vm_hwm_kb();
		o = jsonh_parse(buf, len, err, sizeof(err));
		after = vm_hwm_kb();
		grown[0] = after - before;
		grown[1] = o != NULL;
		if (write(fd[1], grown, sizeof(grown)) != (ssize_t)sizeof(grown))
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], grown, sizeof(grown)) != (ssize_t)sizeof(grown))
		grown[0] = -1;
	close(fd[0]);
	waitpid(pid, &status, 0);
	fprintf(stderr, "\n    %-28s %8zu bytes, %s, peak RSS +%ld KiB (%.1fx)", what, len,
		grown[1] ? "accepted" : "refused", grown[0], grown[0] * 1024.0 / (double)len);
	CU_ASSERT_TRUE(grown[0] >= 0);
	CU_ASSERT_TRUE(grown[0] * 1024 <= 20 * (long)len + 2048 * 1024);
	free(buf);
}

static void test_parse_rss_bound(void)
{
	size_t len, n = 2 * 1024 * 1024 / 3;
	char *buf;

#if defined(__SANITIZE_ADDRESS__)
	/* ASan's redzones and quarantine are no measure of the release build's memory */
	return;
#endif
	buf = repeat("{\"junk\":[", "{}", ",", n, "]}", &len);
	check_growth("{\"junk\":[{},{},...]}", buf, len);
	buf = repeat("[", "[]", ",", n, "]", &len);
	check_growth("[[],[],...]", buf, len);
	buf = repeat("[", "1", ",", n, "]", &len);
	check_growth("[1,1,...]", buf, len);
	buf = repeat("[", "\"\"", ",", n, "]", &len);
	check_growth("[\"\",\"\",...]", buf, len);
	buf = repeat("{", "\"k\":{}", ",", n / 3, "}", &len);
	check_growth("{\"k\":{},...} (one key)", buf, len);
	buf = repeat("[", "[[[[[[[[[[[[[[1]]]]]]]]]]]]]]", ",", n / 10, "]", &len);
	check_growth("[[[[...1]]]],... (deep)", buf, len);
	/* padded so that it fits the budget: accepted, and still bounded */
	buf = repeat("[", "{}                                                            ", ",",
		     n / 21, "]", &len);
	check_growth("[{}<60 spaces>,...]", buf, len);
	buf = repeat("[", "\"a\"     ", ",", n / 3, "]", &len);
	check_growth("[\"a\"<5 spaces>,...]", buf, len);
	fputc('\n', stderr);
}

/* The judge's request parser refuses the same document as too large (413), not as bad JSON. */
static void test_judge_request_hostile(void)
{
	struct judge_request req;
	struct judge_error e;
	size_t len;
	char *buf = repeat("{\"language\":\"python\",\"code\":\"print(1)\",\"test_cases\":[{\"expected_output\":\"1\"}],"
			   "\"junk\":[", "{}", ",", 1024 * 1024 / 3, "]}", &len);

	CU_ASSERT_EQUAL(judge_request_parse(buf, len, &req, &e), -1);
	CU_ASSERT_STRING_EQUAL(e.code ? e.code : "(none)", "payload_too_large");
	free(buf);
}

/* ---- typed getters ---- */

static struct json_object *doc;

static struct json_object *body(void)
{
	json_object_put(doc);
	doc = parse("{\"s\":\"hello\",\"e\":\"\",\"n\":null,\"i\":7,\"neg\":-3,\"d\":7.0,\"si\":\"7\","
		    "\"t\":true,\"f\":false,\"a\":[1,2],\"o\":{\"x\":1},\"nul\":\"a\\u0000b\","
		    "\"u\":\"caf\xc3\xa9\",\"big\":9223372036854775807,"
		    "\"huge\":9223372036854775808,\"tiny\":-9223372036854775809}");
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	return doc;
}

/* Release the document of body(). */
static void done(void)
{
	json_object_put(doc);
	doc = NULL;
}

static void test_str(void)
{
	struct json_object *o = body();
	const char *s = "untouched";
	size_t n = 99;

	CU_ASSERT_EQUAL(jsonh_str(o, "s", 100, &s, &n, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(s, "hello");
	CU_ASSERT_EQUAL(n, 5);
	CU_ASSERT_EQUAL(jsonh_str(o, "e", 100, &s, &n, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(s, "");
	CU_ASSERT_EQUAL(n, 0);
	/* outlen is optional */
	s = NULL;
	CU_ASSERT_EQUAL(jsonh_str(o, "s", 100, &s, NULL, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(s, "hello");
	done();
}

static void test_str_absent(void)
{
	struct json_object *o = body();
	const char *s = "untouched";
	struct json_object *arr;

	CU_ASSERT_EQUAL(jsonh_str(o, "missing", 100, &s, NULL, err, sizeof(err)), 1);
	CU_ASSERT_STRING_EQUAL(s, "untouched");
	CU_ASSERT_EQUAL(jsonh_str(o, "n", 100, &s, NULL, err, sizeof(err)), 1);
	CU_ASSERT_STRING_EQUAL(s, "untouched");
	/* keys are case sensitive */
	CU_ASSERT_EQUAL(jsonh_str(o, "S", 100, &s, NULL, err, sizeof(err)), 1);
	/* not an object at all: nothing is present */
	CU_ASSERT_EQUAL(jsonh_str(NULL, "s", 100, &s, NULL, err, sizeof(err)), 1);
	arr = json_object_object_get(o, "a");
	CU_ASSERT_EQUAL(jsonh_str(arr, "s", 100, &s, NULL, err, sizeof(err)), 1);
	CU_ASSERT_STRING_EQUAL(s, "untouched");
	done();
}

static void test_str_wrong_type(void)
{
	static const char *const keys[] = { "i", "d", "t", "a", "o" };
	struct json_object *o = body();
	const char *s = "untouched";
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char want[64];

		strcpy(err, "");
		CU_ASSERT_EQUAL(jsonh_str(o, keys[i], 100, &s, NULL, err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "'%s' must be a string", keys[i]);
		CU_ASSERT_STRING_EQUAL(err, want);
	}
	CU_ASSERT_STRING_EQUAL(s, "untouched");
	done();
}

static void test_str_maxlen(void)
{
	struct json_object *o = body();
	const char *s = "untouched";
	size_t n = 0;

	CU_ASSERT_EQUAL(jsonh_str(o, "s", 5, &s, &n, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(n, 5);
	s = "untouched";
	strcpy(err, "");
	CU_ASSERT_EQUAL(jsonh_str(o, "s", 4, &s, NULL, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(s, "untouched");
	CU_ASSERT_STRING_EQUAL(err, "'s' is longer than 4 bytes");
	/* the limit counts bytes, not characters: "caf\xc3\xa9" is 5 bytes */
	CU_ASSERT_EQUAL(jsonh_str(o, "u", 5, &s, &n, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(n, 5);
	CU_ASSERT_EQUAL(jsonh_str(o, "u", 4, &s, &n, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_str(o, "e", 0, &s, &n, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(jsonh_str(o, "s", 0, &s, &n, err, sizeof(err)), -1);
	done();
}

static void test_str_nul(void)
{
	struct json_object *o = body();
	const char *s = "untouched";

	strcpy(err, "");
	CU_ASSERT_EQUAL(jsonh_str(o, "nul", 100, &s, NULL, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(s, "untouched");
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "NUL"));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "'nul'"));
	done();
}

static void test_int(void)
{
	struct json_object *o = body();
	long long v = -42;

	CU_ASSERT_EQUAL(jsonh_int(o, "i", 0, 10, &v, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(v, 7);
	CU_ASSERT_EQUAL(jsonh_int(o, "neg", -3, -3, &v, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(v, -3);
	/* bounds are inclusive */
	CU_ASSERT_EQUAL(jsonh_int(o, "i", 7, 7, &v, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(jsonh_int(o, "big", LLONG_MIN, LLONG_MAX, &v, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(v, LLONG_MAX);
	/* absent and null */
	v = -42;
	CU_ASSERT_EQUAL(jsonh_int(o, "missing", 0, 10, &v, err, sizeof(err)), 1);
	CU_ASSERT_EQUAL(jsonh_int(o, "n", 0, 10, &v, err, sizeof(err)), 1);
	CU_ASSERT_EQUAL(v, -42);
	done();
}

static void test_int_range(void)
{
	struct json_object *o = body();
	long long v = -42;

	strcpy(err, "");
	CU_ASSERT_EQUAL(jsonh_int(o, "i", 8, 10, &v, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "'i' must be between 8 and 10");
	CU_ASSERT_EQUAL(jsonh_int(o, "i", 0, 6, &v, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_int(o, "neg", 0, 10, &v, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "'neg' must be between 0 and 10");
	CU_ASSERT_EQUAL(jsonh_int(o, "big", 0, 1440, &v, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_int(o, "huge", 0, 1440, &v, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_int(o, "tiny", 0, 1440, &v, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(v, -42);
	done();
}

static void test_int_beyond_int64(void)
{
	struct json_object *o = body();
	long long v = -42;

	/*
	 * 2^63 does not fit a long long: it is out of any range, not clamped to LLONG_MAX.
	 * (json-c keeps it exactly as a uint64; values below INT64_MIN are already clamped
	 * by json-c's tokener, so they cannot be told apart here.)
	 */
	CU_ASSERT_EQUAL(jsonh_int(o, "huge", LLONG_MIN, LLONG_MAX, &v, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_int(o, "huge", 0, LLONG_MAX, &v, err, sizeof(err)), -1);
	if (v != -42)
		fprintf(stderr, "\n    9223372036854775808 accepted as %lld\n", v);
	done();
}

static void test_int_wrong_type(void)
{
	static const char *const keys[] = { "d", "si", "t", "s", "a", "o" };
	struct json_object *o = body();
	long long v = -42;
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char want[64];

		strcpy(err, "");
		CU_ASSERT_EQUAL(jsonh_int(o, keys[i], LLONG_MIN, LLONG_MAX, &v, err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "'%s' must be an integer", keys[i]);
		CU_ASSERT_STRING_EQUAL(err, want);
	}
	CU_ASSERT_EQUAL(v, -42);
	/* 1e2 is a double even though its value is whole */
	json_object_put(doc);
	doc = parse("{\"x\":1e2}");
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL(jsonh_int(doc, "x", 0, 1000, &v, err, sizeof(err)), -1);
	done();
}

static void test_bool(void)
{
	struct json_object *o = body();
	bool b = false;

	CU_ASSERT_EQUAL(jsonh_bool(o, "t", &b, err, sizeof(err)), 0);
	CU_ASSERT_TRUE(b);
	CU_ASSERT_EQUAL(jsonh_bool(o, "f", &b, err, sizeof(err)), 0);
	CU_ASSERT_FALSE(b);
	b = true;
	CU_ASSERT_EQUAL(jsonh_bool(o, "missing", &b, err, sizeof(err)), 1);
	CU_ASSERT_EQUAL(jsonh_bool(o, "n", &b, err, sizeof(err)), 1);
	CU_ASSERT_TRUE(b);
	strcpy(err, "");
	CU_ASSERT_EQUAL(jsonh_bool(o, "i", &b, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "'i' must be true or false");
	CU_ASSERT_EQUAL(jsonh_bool(o, "s", &b, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_bool(o, "a", &b, err, sizeof(err)), -1);
	CU_ASSERT_TRUE(b);
	json_object_put(doc);
	doc = parse("{\"x\":\"true\",\"y\":1,\"z\":0}");
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_EQUAL(jsonh_bool(doc, "x", &b, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_bool(doc, "y", &b, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_bool(doc, "z", &b, err, sizeof(err)), -1);
	CU_ASSERT_TRUE(b);
	done();
}

static void test_get(void)
{
	struct json_object *o = body();
	struct json_object *v = NULL;

	CU_ASSERT_EQUAL(jsonh_get(o, "a", json_type_array, &v, err, sizeof(err)), 0);
	CU_ASSERT_PTR_EQUAL(v, json_object_object_get(o, "a"));
	CU_ASSERT_EQUAL(json_object_array_length(v), 2);
	v = NULL;
	CU_ASSERT_EQUAL(jsonh_get(o, "o", json_type_object, &v, err, sizeof(err)), 0);
	CU_ASSERT_PTR_NOT_NULL(v);
	CU_ASSERT_TRUE(json_object_is_type(v, json_type_object));

	v = NULL;
	strcpy(err, "");
	CU_ASSERT_EQUAL(jsonh_get(o, "o", json_type_array, &v, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "'o' must be an array");
	CU_ASSERT_EQUAL(jsonh_get(o, "a", json_type_object, &v, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "'a' must be an object");
	CU_ASSERT_EQUAL(jsonh_get(o, "s", json_type_array, &v, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(jsonh_get(o, "i", json_type_object, &v, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NULL(v);
	CU_ASSERT_EQUAL(jsonh_get(o, "missing", json_type_array, &v, err, sizeof(err)), 1);
	CU_ASSERT_EQUAL(jsonh_get(o, "n", json_type_object, &v, err, sizeof(err)), 1);
	CU_ASSERT_PTR_NULL(v);
	done();
}

static void test_text(void)
{
	struct json_object *o = json_object_new_object();
	struct json_object *back;
	const char *t;
	const char *s;
	size_t len = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	json_object_object_add(o, "url", json_object_new_string("http://a/b</script>"));
	json_object_object_add(o, "q", json_object_new_string("say \"hi\"\n\\"));
	json_object_object_add(o, "n", json_object_new_int(5));
	t = jsonh_text(o, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	CU_ASSERT_EQUAL(len, strlen(t));
	/* plain (no spaces), '/' not escaped, quotes, backslash and newline still escaped */
	CU_ASSERT_STRING_EQUAL(t, "{\"url\":\"http://a/b</script>\",\"q\":\"say \\\"hi\\\"\\n\\\\\",\"n\":5}");
	CU_ASSERT_PTR_NULL(strstr(t, "\\/"));
	/* the text parses back to the same values */
	back = parse(t);
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	CU_ASSERT_EQUAL(jsonh_str(back, "url", 100, &s, NULL, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(s, "http://a/b</script>");
	CU_ASSERT_EQUAL(jsonh_str(back, "q", 100, &s, NULL, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(s, "say \"hi\"\n\\");
	json_object_put(back);
	json_object_put(o);

	/* control characters are escaped, so the text is one line of valid JSON */
	o = json_object_new_string_len("a\0b\x01", 4);
	t = jsonh_text(o, &len);
	CU_ASSERT_STRING_EQUAL(t, "\"a\\u0000b\\u0001\"");
	CU_ASSERT_EQUAL(len, strlen(t));
	json_object_put(o);
}

/* Long strings print a run of plain bytes at a time: the same bytes as json-c's own printer. */
static void test_text_long_strings(void)
{
	struct json_object *mine = json_object_new_object(), *ref = json_object_new_object();
	struct json_object *arr = json_object_new_array(), *ref_arr = json_object_new_array();
	char every[300], *want;
	const char *t;
	size_t i, len = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(mine);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
	/* every byte value from 1 (control characters, quotes, '\\', '/', DEL, UTF-8 bytes) */
	for (i = 0; i < sizeof(every); i++)
		every[i] = (char)(i % 255 + 1);
	json_object_object_add(mine, "every", json_object_new_string_len(every, sizeof(every)));
	json_object_object_add(ref, "every", json_object_new_string_len(every, sizeof(every)));
	/* an escape at either end, and at 63 and 64 bytes (the shortest that prints the new way) */
	for (i = 62; i <= 65; i++) {
		memset(every, 'x', i);
		every[0] = '\n';
		every[i - 1] = '"';
		json_object_array_add(arr, json_object_new_string_len(every, (int)i));
		json_object_array_add(ref_arr, json_object_new_string_len(every, (int)i));
	}
	json_object_object_add(mine, "deep", arr);
	json_object_object_add(ref, "deep", ref_arr);
	want = strdup(json_object_to_json_string_ext(
		ref, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	CU_ASSERT_PTR_NOT_NULL_FATAL(want);
	t = jsonh_text(mine, &len);
	CU_ASSERT_EQUAL(len, strlen(want));
	CU_ASSERT_STRING_EQUAL(t, want);
	/* and with '/' escaped, as json-c's default does */
	free(want);
	want = strdup(json_object_to_json_string_ext(ref, JSON_C_TO_STRING_PLAIN));
	CU_ASSERT_STRING_EQUAL(json_object_to_json_string_ext(mine, JSON_C_TO_STRING_PLAIN), want);
	free(want);
	json_object_put(mine);
	json_object_put(ref);
}

static void test_db_text(void)
{
	struct json_object *o = parse("{\"a\":\"x\\u0000y\",\"l\":[\"\\u0000\",1,{\"k\":\"\\u0000\\u0001\"}],"
				      "\"ok\":\"h\u00e9 \\\\u0000\"}");
	struct json_object *bad = json_object_new_object();
	const char *t;
	size_t len = 0;

	/* NUL becomes U+FFFD everywhere in the tree; other control characters stay escaped */
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	t = jsonh_db_text(o, &len);
	CU_ASSERT_STRING_EQUAL(t, "{\"a\":\"x\xef\xbf\xbdy\",\"l\":[\"\xef\xbf\xbd\",1,{\"k\":\"\xef\xbf\xbd\\u0001\"}],"
				  "\"ok\":\"h\u00e9 \\\\u0000\"}");
	CU_ASSERT_EQUAL(len, strlen(t));
	json_object_put(o);

	/* invalid UTF-8 (a tree built by hand; the parser refuses it) becomes U+FFFD per byte */
	json_object_object_add(bad, "s", json_object_new_string_len("a\xff\xc3(\xe2\x82", 6));
	json_object_object_add(bad, "v", json_object_new_string("\xf0\x9f\x98\x80 ok"));
	t = jsonh_db_text(bad, NULL);
	CU_ASSERT_STRING_EQUAL(t, "{\"s\":\"a\xef\xbf\xbd\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd\","
				  "\"v\":\"\xf0\x9f\x98\x80 ok\"}");
	json_object_put(bad);
}

static CU_TestInfo tests[] = {
	{ "parse: valid documents", test_parse_object },
	{ "parse: surrounding whitespace is fine", test_parse_whitespace },
	{ "parse: trailing garbage is refused", test_parse_trailing_garbage },
	{ "parse: trailing NUL bytes are refused", test_parse_trailing_nul },
	{ "parse: only len bytes are read", test_parse_len },
	{ "parse: empty input", test_parse_empty },
	{ "parse: truncated input", test_parse_truncated },
	{ "parse: invalid input", test_parse_invalid },
	{ "parse: only strict JSON (no NaN, 1., quotes, comments, trailing commas)", test_parse_strict },
	{ "parse: depth limit JSONH_MAX_DEPTH", test_parse_depth },
	{ "parse: top-level scalars", test_parse_scalars },
	{ "parse: the document null", test_parse_null_document },
	{ "parse: invalid UTF-8 is refused", test_parse_utf8 },
	{ "parse: the message respects errlen", test_parse_err_bounded },
	{ "parse: at most JUDGE_JSON_MAX_VALUES values", test_parse_values_limit },
	{ "parse: strings at most JUDGE_JSON_MAX_STRING decoded", test_parse_string_limit },
	{ "parse: member names at most JUDGE_JSON_MAX_KEY", test_parse_key_limit },
	{ "parse: many small containers are refused", test_parse_growth_limit },
	{ "parse: peak RSS at most about 20x the body", test_parse_rss_bound },
	{ "judge: a hostile request is payload_too_large", test_judge_request_hostile },
	{ "str: present", test_str },
	{ "str: absent or null is 1", test_str_absent },
	{ "str: wrong type is -1 with a message", test_str_wrong_type },
	{ "str: maxlen", test_str_maxlen },
	{ "str: embedded NUL is refused", test_str_nul },
	{ "int: present", test_int },
	{ "int: range", test_int_range },
	{ "int: beyond int64 is out of range", test_int_beyond_int64 },
	{ "int: wrong type (double, string, bool)", test_int_wrong_type },
	{ "bool", test_bool },
	{ "get: array and object", test_get },
	{ "text: plain, no escaped slashes", test_text },
	{ "text: long strings print as json-c prints them", test_text_long_strings },
	{ "db text: NUL and invalid UTF-8 become U+FFFD", test_db_text },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("jsonh", tests)
