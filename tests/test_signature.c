/* test_signature.c - unit tests of sandbox/signature.c and signature_code.c, and their harnesses run for real */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <json-c/json.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "signature.h"

static char err[512];

static const char two_sum[] = "function: twoSum\nparams: nums int[], target int\nreturns: int[]\n";

/* A signature from its text form, or a failed test. */
static struct signature parse_ok(const char *text)
{
	struct signature sig;

	strcpy(err, "");
	if (sig_parse_text(text, strlen(text), &sig, err, sizeof(err)) < 0)
		fprintf(stderr, "\n    '%s': %s\n", text, err);
	CU_ASSERT_STRING_EQUAL(err, "");
	return sig;
}

/* The text form is refused, with a message that holds `want`. */
#define ASSERT_SIG_REFUSED(text, want)                                                           \
	do {                                                                                     \
		struct signature s_;                                                              \
		strcpy(err, "");                                                                  \
		CU_ASSERT_EQUAL(sig_parse_text(text, strlen(text), &s_, err, sizeof(err)), -1);   \
		if (!strstr(err, want))                                                           \
			fprintf(stderr, "\n    '%s': got \"%s\", want \"%s\"\n", text, err, want); \
		CU_ASSERT_PTR_NOT_NULL(strstr(err, want));                                        \
	} while (0)

/* ---- parsing ---- */

static void test_parse_text(void)
{
	struct signature sig = parse_ok(two_sum);
	char t[16];

	CU_ASSERT_STRING_EQUAL(sig.function, "twoSum");
	CU_ASSERT_EQUAL(sig.nparams, 2);
	CU_ASSERT_STRING_EQUAL(sig.params[0].name, "nums");
	CU_ASSERT_EQUAL(sig.params[0].type.base, SIG_INT);
	CU_ASSERT_EQUAL(sig.params[0].type.dims, 1);
	CU_ASSERT_STRING_EQUAL(sig.params[1].name, "target");
	CU_ASSERT_EQUAL(sig.params[1].type.dims, 0);
	CU_ASSERT_STRING_EQUAL(sig_type_name(sig.ret, t, sizeof(t)), "int[]");

	/* comments, blank lines, CRLF, any order, "name: type", blanks inside a type */
	sig = parse_ok("# a grid question\r\n\r\nreturns: string [ ] [ ]   # rows\r\n"
		       "\n  function:   paint  \nparams: grid: bool[][] ,  colours string[], k int,"
		       " ratio double\n\n");
	CU_ASSERT_STRING_EQUAL(sig.function, "paint");
	CU_ASSERT_EQUAL(sig.nparams, 4);
	CU_ASSERT_STRING_EQUAL(sig_type_name(sig.params[0].type, t, sizeof(t)), "bool[][]");
	CU_ASSERT_STRING_EQUAL(sig_type_name(sig.params[1].type, t, sizeof(t)), "string[]");
	CU_ASSERT_STRING_EQUAL(sig_type_name(sig.params[3].type, t, sizeof(t)), "double");
	CU_ASSERT_STRING_EQUAL(sig_type_name(sig.ret, t, sizeof(t)), "string[][]");

	/* no params: an empty line or none */
	sig = parse_ok("function: answer\nparams:\nreturns: int");
	CU_ASSERT_EQUAL(sig.nparams, 0);
	sig = parse_ok("function: answer\nreturns: double\n");
	CU_ASSERT_EQUAL(sig.nparams, 0);
	CU_ASSERT_EQUAL(sig.ret.base, SIG_DOUBLE);

	/* sixteen params is the most */
	sig = parse_ok("function: f\nparams: a int, b int, c int, d int, e int, g int, h int, i int, "
		       "j int, k int, l int, m int, n int, o int, p int, q int\nreturns: bool");
	CU_ASSERT_EQUAL(sig.nparams, 16);
}

static void test_parse_text_refused(void)
{
	ASSERT_SIG_REFUSED("params: a int\nreturns: int", "'function:' line is missing");
	ASSERT_SIG_REFUSED("function: f\nparams: a int", "'returns:' line is missing");
	ASSERT_SIG_REFUSED("function: f\nreturn: int", "line 2: unknown key 'return'");
	ASSERT_SIG_REFUSED("function: f\nfunction: g\nreturns: int", "line 2: 'function' is given twice");
	ASSERT_SIG_REFUSED("function f\nreturns: int", "line 1: expected 'function:'");
	ASSERT_SIG_REFUSED("function: f\nreturns: long", "unknown type 'long'");
	ASSERT_SIG_REFUSED("function: f\nreturns: int[][][]", "at most 2 dimensions");
	ASSERT_SIG_REFUSED("function: f\nreturns: int[", "'[' without ']'");
	ASSERT_SIG_REFUSED("function: f\nreturns:", "a type is missing");
	ASSERT_SIG_REFUSED("function: f\nparams: a\nreturns: int", "param 'a' has no type");
	ASSERT_SIG_REFUSED("function: f\nparams: a int,, b int\nreturns: int", "an empty param");
	ASSERT_SIG_REFUSED("function: f\nparams: a int,\nreturns: int", "an empty param");
	ASSERT_SIG_REFUSED("function: f\nparams: a int, a double\nreturns: int", "declared twice");
	ASSERT_SIG_REFUSED("function: f\nparams: a int, b int, c int, d int, e int, g int, h int, "
			   "i int, j int, k int, l int, m int, n int, o int, p int, q int, r int\n"
			   "returns: int", "more than 16 params");
	/* names: identifiers valid everywhere, no reserved word of any language */
	ASSERT_SIG_REFUSED("function: 2sum\nreturns: int", "must start with a letter");
	ASSERT_SIG_REFUSED("function: _f\nreturns: int", "must start with a letter");
	ASSERT_SIG_REFUSED("function: two-sum\nreturns: int", "letters, digits and '_' only");
	ASSERT_SIG_REFUSED("function: caf\xc3\xa9\nreturns: int", "letters, digits and '_' only");
	ASSERT_SIG_REFUSED("function: f\nparams: class int\nreturns: int",
			   "reserved word in Python, Java, C++, JavaScript, C#");
	ASSERT_SIG_REFUSED("function: f\nparams: def int\nreturns: int", "reserved word in Python");
	ASSERT_SIG_REFUSED("function: function\nreturns: int", "reserved word in JavaScript");
	ASSERT_SIG_REFUSED("function: f\nparams: delete int\nreturns: int", "C++, JavaScript");
	ASSERT_SIG_REFUSED("function: f\nparams: string int\nreturns: int", "C#");
	ASSERT_SIG_REFUSED("function: f\nparams: boolean bool\nreturns: int", "Java");
	ASSERT_SIG_REFUSED("function: Solution\nreturns: int", "the generated code uses");
	ASSERT_SIG_REFUSED("function: main\nreturns: int", "the generated code uses");
	ASSERT_SIG_REFUSED("function: toString\nreturns: int", "the generated code uses");
	ASSERT_SIG_REFUSED("function: ce_read\nreturns: int", "reserved for the code that calls");
	ASSERT_SIG_REFUSED("function: f\nparams: ceIn int\nreturns: int", "reserved for the code");
	/* what the C and C++ headers of the harness declare */
	ASSERT_SIG_REFUSED("function: round\nreturns: int", "a function of the C library");
	ASSERT_SIG_REFUSED("function: printf\nreturns: int", "(e.g. myPrintf)");
	ASSERT_SIG_REFUSED("function: f\nparams: errno int\nreturns: int", "type or macro");
	ASSERT_SIG_REFUSED("function: f\nparams: stdin int\nreturns: int", "type or macro");
	ASSERT_SIG_REFUSED("function: f\nparams: u_char int\nreturns: int", "type or macro");
	ASSERT_SIG_REFUSED("function: f\nparams: unix int\nreturns: int", "type or macro");
	ASSERT_SIG_REFUSED("function: f\nparams: EOF int\nreturns: int", "avoid names in capitals");
	ASSERT_SIG_REFUSED("function: f\nparams: INT_MAX int\nreturns: int", "capitals");
	ASSERT_SIG_REFUSED("function: f\nparams: M_PIf double\nreturns: int", "type or macro");
	ASSERT_SIG_REFUSED("function: f\nparams: PRId64 int\nreturns: int", "type or macro");
	/* ... but a param may share a library function's name, and short capitals are fine */
	parse_ok("function: f\nparams: index int, N int, K int\nreturns: int");
	/* C passes lengths as <name>Size, <name>ColSize, returnSize, returnColumnSizes */
	ASSERT_SIG_REFUSED("function: f\nparams: nums int[], numsSize int\nreturns: int",
			   "C uses that name for the size of 'nums'");
	ASSERT_SIG_REFUSED("function: f\nparams: gridColSize int, grid int[][]\nreturns: int",
			   "size of 'grid'");
	ASSERT_SIG_REFUSED("function: f\nparams: returnSize int\nreturns: int[]",
			   "size of the returned array");
	parse_ok("function: f\nparams: returnSize int, numsSize int\nreturns: int");
	{
		char name[80], text[160];

		memset(name, 'a', 65);
		name[65] = '\0';
		snprintf(text, sizeof(text), "function: %s\nreturns: int", name);
		ASSERT_SIG_REFUSED(text, "longer than 64");
		name[64] = '\0';
		snprintf(text, sizeof(text), "function: %s\nreturns: int", name);
		parse_ok(text);
	}
	{
		static const char nul[] = "function: f\0\nreturns: int";
		struct signature s;

		CU_ASSERT_EQUAL(sig_parse_text(nul, sizeof(nul) - 1, &s, err, sizeof(err)), -1);
	}
}

static void test_parse_json(void)
{
	static const char json[] = "{\"function\":\"twoSum\",\"params\":[{\"name\":\"nums\",\"type\":"
				   "\"int[]\"},{\"name\":\"target\",\"type\":\"int\"}],\"returns\":"
				   "\"int[]\"}";
	struct signature a = parse_ok(two_sum), b, c;
	struct strbuf sb = STRBUF_INIT;
	struct json_object *o;

	/* text -> struct -> JSON is the documented form; JSON -> struct -> text is the text form */
	CU_ASSERT_EQUAL(sig_to_json(&a, &sb), 0);
	CU_ASSERT_STRING_EQUAL(sb.buf, json);
	CU_ASSERT_EQUAL(sig_parse_json(sb.buf, sb.len, &b, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(memcmp(&a, &b, sizeof(a)), 0);
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(sig_to_text(&b, &sb), 0);
	CU_ASSERT_STRING_EQUAL(sb.buf, "function: twoSum\nparams: nums int[], target int\n"
				       "returns: int[]\n");
	c = parse_ok(sb.buf);
	CU_ASSERT_EQUAL(memcmp(&a, &c, sizeof(a)), 0);

	o = sig_json(&a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_STRING_EQUAL(jsonh_text(o, NULL), json);
	CU_ASSERT_EQUAL(sig_from_json(o, &b, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(memcmp(&a, &b, sizeof(a)), 0);
	json_object_put(o);

	/* no params, both ways */
	strbuf_reset(&sb);
	b = parse_ok("function: answer\nparams:\nreturns: double[][]");
	sig_to_text(&b, &sb);
	CU_ASSERT_STRING_EQUAL(sb.buf, "function: answer\nparams:\nreturns: double[][]\n");
	{
		static const char j[] = "{\"function\":\"answer\",\"returns\":\"bool\"}";

		CU_ASSERT_EQUAL(sig_parse_json(j, strlen(j), &c, err, sizeof(err)), 0);
	}
	CU_ASSERT_EQUAL(c.nparams, 0);
	strbuf_release(&sb);

#define ASSERT_JSON_REFUSED(text, want)                                                          \
	do {                                                                                     \
		strcpy(err, "");                                                                  \
		CU_ASSERT_EQUAL(sig_parse_json(text, strlen(text), &c, err, sizeof(err)), -1);    \
		if (!strstr(err, want))                                                           \
			fprintf(stderr, "\n    %s: got \"%s\"\n", text, err);                      \
		CU_ASSERT_PTR_NOT_NULL(strstr(err, want));                                        \
	} while (0)
	ASSERT_JSON_REFUSED("[]", "must be a JSON object");
	ASSERT_JSON_REFUSED("{\"function\":\"f\"", "not valid JSON");
	ASSERT_JSON_REFUSED("{\"returns\":\"int\"}", "'function' is missing");
	ASSERT_JSON_REFUSED("{\"function\":\"f\"}", "'returns' is missing");
	ASSERT_JSON_REFUSED("{\"function\":\"f\",\"returns\":\"int\",\"x\":1}", "unknown field 'x'");
	ASSERT_JSON_REFUSED("{\"function\":\"f\",\"returns\":\"int\",\"params\":{}}", "array");
	ASSERT_JSON_REFUSED("{\"function\":\"f\",\"returns\":\"int\",\"params\":[1]}",
			    "params[0] must be an object");
	ASSERT_JSON_REFUSED("{\"function\":\"f\",\"returns\":\"int\",\"params\":[{\"name\":\"a\"}]}",
			    "params[0] needs a string name and a string type");
	ASSERT_JSON_REFUSED("{\"function\":\"f\",\"returns\":\"int\",\"params\":[{\"name\":\"a\","
			    "\"type\":\"char\"}]}", "param 'a': unknown type 'char'");
	ASSERT_JSON_REFUSED("{\"function\":\"for\",\"returns\":\"int\"}", "function: 'for' is a "
			    "reserved word");
	ASSERT_JSON_REFUSED("{\"function\":\"f\",\"returns\":\"int[][][]\"}", "returns:");
#undef ASSERT_JSON_REFUSED
}

/* ---- typed values ---- */

#define ASSERT_INPUT_REFUSED(sig, json, want)                                                    \
	do {                                                                                     \
		struct strbuf w_ = STRBUF_INIT;                                                   \
		strcpy(err, "");                                                                  \
		CU_ASSERT_EQUAL(sig_check_input(sig, json, strlen(json), err, sizeof(err)), -1);  \
		if (strcmp(err, want))                                                            \
			fprintf(stderr, "\n    %s: got \"%s\", want \"%s\"\n", json, err, want);   \
		CU_ASSERT_STRING_EQUAL(err, want);                                                \
		CU_ASSERT_EQUAL(sig_input_wire(sig, json, strlen(json), &w_, err, sizeof(err)), -1); \
		CU_ASSERT_EQUAL(w_.len, 0);                                                       \
		strbuf_release(&w_);                                                              \
	} while (0)

static void test_input_checked(void)
{
	struct signature s = parse_ok(two_sum);
	struct signature g = parse_ok("function: f\nparams: grid bool[][], name string, "
				      "ratio double\nreturns: int");

	{
		static const char j[] = "{\"nums\": [2,7,11,15], \"target\": 9}";

		CU_ASSERT_EQUAL(sig_check_input(&s, j, strlen(j), err, sizeof(err)), 0);
	}
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [2,7,\"x\",15], \"target\": 9}",
			     "nums[2]: expected an int, got a string");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"target\": 9.5}",
			     "target: expected an int, got 9.5");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"target\": 1.0}",
			     "target: expected an int, got 1.0");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"target\": 1e3}",
			     "target: expected an int, got 1e3");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": 3, \"target\": 1}",
			     "nums: expected an array (int[]), got 3");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [[1]], \"target\": 1}",
			     "nums[0]: expected an int, got an array");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [true], \"target\": 1}",
			     "nums[0]: expected an int, got a bool (true)");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [null], \"target\": 1}",
			     "nums[0]: expected an int, got null");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"target\": 9223372036854775808}",
			     "target: 9223372036854775808 is out of the range of an int (64-bit)");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [-9223372036854775809], \"target\": 1}",
			     "nums[0]: -9223372036854775809 is out of the range of an int (64-bit)");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1]}", "param 'target' is missing");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"target\": 2, \"k\": 3}",
			     "unknown param 'k' (twoSum takes nums, target)");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"nums\": [2], \"target\": 2}",
			     "param 'nums' is given twice");
	ASSERT_INPUT_REFUSED(&s, "[1, 2]", "the input must be a JSON object of the params "
					   "(nums, target), got an array");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"target\": 2} x",
			     "invalid JSON: more data after the value (at byte 27)");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1,], \"target\": 2}",
			     "nums[1]: expected an int, got invalid JSON");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1 2], \"target\": 2}",
			     "nums[0]: invalid JSON: expected ',' or ']' after the element");
	ASSERT_INPUT_REFUSED(&s, "{\"nums\": [1], \"target\": 01}",
			     "invalid JSON: expected ',' or '}' after \"target\"");
	ASSERT_INPUT_REFUSED(&s, "", "the input must be a JSON object of the params "
				     "(nums, target), got the end of the text");

	/* 2-D arrays may be ragged (and empty); strings must be text a C string can hold */
	{
		static const char j[] = "{\"ratio\": -1.5e-3, \"name\": \"\\u00e9\\n\", "
					"\"grid\": [[true], [], [false, true]]}";

		CU_ASSERT_EQUAL(sig_check_input(&g, j, strlen(j), err, sizeof(err)), 0);
	}
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [[true], [1]], \"name\": \"\", \"ratio\": 1}",
			     "grid[1][0]: expected a bool, got 1");
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [true], \"name\": \"\", \"ratio\": 1}",
			     "grid[0]: expected an array (bool[]), got a bool (true)");
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [], \"name\": \"a\\u0000b\", \"ratio\": 1}",
			     "name: a string holds a NUL character (\\u0000)");
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [], \"name\": \"\\ud800\", \"ratio\": 1}",
			     "name: a string holds an unpaired surrogate (\\uD800)");
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [], \"name\": \"\xff\", \"ratio\": 1}",
			     "name: a string is not valid UTF-8");
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [], \"name\": \"a\nb\", \"ratio\": 1}",
			     "name: invalid JSON: a control character in a string");
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [], \"name\": 5, \"ratio\": \"1\"}",
			     "name: expected a string, got 5");
	ASSERT_INPUT_REFUSED(&g, "{\"grid\": [], \"name\": \"\", \"ratio\": \"NaN\"}",
			     "ratio: expected a double, got a string");
	{
		struct signature none = parse_ok("function: answer\nreturns: int");

		CU_ASSERT_EQUAL(sig_check_input(&none, " {} ", 4, err, sizeof(err)), 0);
		ASSERT_INPUT_REFUSED(&none, "{\"x\": 1}", "unknown param 'x' (answer takes no params)");
	}
}

static void test_expected_checked(void)
{
	struct signature s = parse_ok(two_sum);
	struct signature d = parse_ok("function: f\nreturns: double[][]");
	struct strbuf sb = STRBUF_INIT;

	CU_ASSERT_EQUAL(sig_check_expected(&s, " [0, 1]\n", 8, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sig_check_expected(&s, "[0, \"1\"]", 8, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "result[1]: expected an int, got a string");
	CU_ASSERT_EQUAL(sig_check_expected(&s, "null", 4, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "result: expected an array (int[]), got null");
	CU_ASSERT_EQUAL(sig_check_expected(&s, "[0] [1]", 7, err, sizeof(err)), -1);

	/* the canonical form: compact, doubles with a point or an exponent */
	{
		static const char j[] = "[ [1, 2.50, -0.0, 1E3, 1e300], [ ], [0.1] ]";

		CU_ASSERT_EQUAL(sig_expected_json(&d, j, strlen(j), &sb, err, sizeof(err)), 0);
	}
	CU_ASSERT_STRING_EQUAL(sb.buf, "[[1.0,2.5,-0.0,1000.0,1e+300],[],[0.1]]");
	strbuf_release(&sb);
}

/* ---- the wire ---- */

/* A value of type `type` through the wire: JSON -> input wire -> result JSON. */
static void round_trip(const char *type, const char *json, const char *canonical)
{
	char text[128];
	struct signature sig;
	struct strbuf in = STRBUF_INIT, wire = STRBUF_INIT, out = STRBUF_INIT;

	snprintf(text, sizeof(text), "function: echo\nparams: x %s\nreturns: %s", type, type);
	sig = parse_ok(text);
	strbuf_addf(&in, "{\"x\": %s}", json);
	CU_ASSERT_EQUAL_FATAL(sig_input_wire(&sig, in.buf, in.len, &wire, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sig_result_json(&sig, wire.buf, wire.len, &out, err, sizeof(err)), 0);
	if (strcmp(out.buf, canonical))
		fprintf(stderr, "\n    %s %s: got %s (%s)\n", type, json, out.buf, err);
	CU_ASSERT_STRING_EQUAL(out.buf, canonical);
	CU_ASSERT_TRUE(sig_result_matches(&sig, out.buf, json, -1, -1, NULL));
	strbuf_release(&in);
	strbuf_release(&wire);
	strbuf_release(&out);
}

static void test_wire_round_trip(void)
{
	round_trip("int", "-9223372036854775808", "-9223372036854775808");
	round_trip("int", "9223372036854775807", "9223372036854775807");
	round_trip("int", "-0", "0");
	round_trip("double", "0.1", "0.1");
	round_trip("double", "-2", "-2.0");
	round_trip("double", "1.7976931348623157e308", "1.7976931348623157e+308");
	round_trip("double", "5e-324", "5e-324");
	round_trip("double", "123456789.125", "123456789.125");
	round_trip("bool", "true", "true");
	round_trip("bool", "false", "false");
	round_trip("string", "\"\"", "\"\"");
	round_trip("string", "\"two words\"", "\"two words\"");
	round_trip("string", "\"line\\nbreak\\r\\n\\ttab \\\"quoted\\\" back\\\\slash /\"",
		   "\"line\\nbreak\\r\\n\\ttab \\\"quoted\\\" back\\\\slash /\"");
	round_trip("string", "\"caf\\u00e9 \\ud83d\\ude00 \xe4\xb8\xad\"",
		   "\"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe4\xb8\xad\"");
	round_trip("string", "\"\\u0001\\u001f\\b\\f\"", "\"\\u0001\\u001f\\b\\f\"");
	round_trip("int[]", "[]", "[]");
	round_trip("int[]", "[ 1 , -2,3 ]", "[1,-2,3]");
	round_trip("double[]", "[1, 0.5, -1e-7]", "[1.0,0.5,-1e-07]");
	round_trip("bool[]", "[true, false]", "[true,false]");
	round_trip("string[]", "[\"a b\", \"\", \"\\n\"]", "[\"a b\",\"\",\"\\n\"]");
	round_trip("int[][]", "[[1, 2], [], [3]]", "[[1,2],[],[3]]");
	round_trip("int[][]", "[]", "[]");
	round_trip("int[][]", "[[]]", "[[]]");
	round_trip("double[][]", "[[0.25], [1e10, 3]]", "[[0.25],[10000000000.0,3.0]]");
	round_trip("bool[][]", "[[true], [false, true]]", "[[true],[false,true]]");
	round_trip("string[][]", "[[\"x\"], [], [\"\", \"y z\\n\"]]", "[[\"x\"],[],[\"\",\"y z\\n\"]]");
}

static void test_wire_input_format(void)
{
	struct signature sig = parse_ok("function: f\nparams: b bool, s string[], n int, d double, "
					"g int[][]\nreturns: int");
	static const char json[] = "{\"g\": [[1, 2], []], \"d\": 1e400, \"n\": -5, "
				   "\"s\": [\"h\\u00e9\", \"a\\nb\"], \"b\": true}";
	struct strbuf w = STRBUF_INIT;

	/* params in the signature's order, whatever the object's; an overflowing double is infinite */
	CU_ASSERT_EQUAL(sig_input_wire(&sig, json, strlen(json), &w, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(w.buf, "1\n2\n3\nh\xc3\xa9\n3\na\nb\n-5\nInfinity\n2\n2\n1\n2\n0\n");
	strbuf_reset(&w);
	{
		static const char j[] = "{\"g\":[],\"d\":0.1,\"n\":0,\"s\":[],\"b\":false}";

		CU_ASSERT_EQUAL(sig_input_wire(&sig, j, strlen(j), &w, err, sizeof(err)), 0);
	}
	CU_ASSERT_STRING_EQUAL(w.buf, "0\n0\n0\n0.10000000000000001\n0\n");
	strbuf_release(&w);
}

/* A result from a program: refused with a message holding `want`. */
static void result_refused(const char *type, const char *wire, size_t len, const char *want)
{
	char text[128];
	struct signature sig;
	struct strbuf out = STRBUF_INIT;
	char *copy = malloc(len ? len : 1);

	/* an exact-size copy: a read past the end shows under ASan */
	memcpy(copy, wire, len);
	snprintf(text, sizeof(text), "function: f\nreturns: %s", type);
	sig = parse_ok(text);
	strbuf_addstr(&out, "kept");
	strcpy(err, "");
	CU_ASSERT_EQUAL(sig_result_json(&sig, copy, len, &out, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(out.buf, "kept");
	if (!strstr(err, want))
		fprintf(stderr, "\n    %s %.*s: got \"%s\", want \"%s\"\n", type, (int)len, wire, err,
			want);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, want));
	free(copy);
	strbuf_release(&out);
}

#define REFUSED(type, wire, want) result_refused(type, wire, sizeof(wire) - 1, want)

static const char *result_of(const char *type, const char *wire, size_t len, struct strbuf *out)
{
	char text[128];
	struct signature sig;
	char *copy = malloc(len ? len : 1);

	memcpy(copy, wire, len);
	snprintf(text, sizeof(text), "function: f\nreturns: %s", type);
	sig = parse_ok(text);
	strbuf_reset(out);
	if (sig_result_json(&sig, copy, len, out, err, sizeof(err)) < 0)
		strbuf_addf(out, "ERROR %s", err);
	free(copy);
	return out->buf;
}

#define RESULT(type, wire) result_of(type, wire, sizeof(wire) - 1, &out)

static void test_wire_malformed(void)
{
	struct strbuf out = STRBUF_INIT;

	REFUSED("int", "", "no result: f did not return");
	REFUSED("int", "12", "it ends early");
	REFUSED("int", "12\n13\n", "3 bytes follow the value");
	REFUSED("int", "1 2\n", "'1 2' is not an int");
	REFUSED("int", "+1\n", "is not an int");
	REFUSED("int", "9223372036854775808\n", "is not an int");
	REFUSED("int", "99999999999999999999999\n", "is not an int");
	REFUSED("int", "0x10\n", "is not an int");
	REFUSED("int", "\n", "'' is not an int");
	REFUSED("bool", "2\n", "is not a bool");
	REFUSED("bool", "true\n", "is not a bool");
	REFUSED("double", "abc\n", "is not a double");
	REFUSED("double", "0x1p3\n", "is not a double");
	REFUSED("double", "1.5.5\n", "is not a double");
	REFUSED("double", "infinite\n", "is not a double");
	REFUSED("double", "-\n", "is not a double");
	REFUSED("string", "5\nabc\n", "not followed by a newline");
	REFUSED("string", "3\nabcd\n", "not followed by a newline");
	REFUSED("string", "-2\n", "is not a length");
	REFUSED("string", "99999999999\nab\n", "more than the data holds");
	REFUSED("int[]", "3\n1\n2\n", "it ends early");
	REFUSED("int[]", "1000000\n1\n", "more than the data holds");
	REFUSED("int[]", "18446744073709551615\n", "is not a length");
	REFUSED("int[][]", "2\n1\n5\n1\nx\n", "malformed result at [1][0]: 'x' is not an int");
	REFUSED("string[]", "1\n2\nab", "malformed result at [0]");
	{
		/* one line is at most 64 bytes: a long line is refused without reading on */
		char big[200];

		memset(big, '1', sizeof(big));
		result_refused("int", big, sizeof(big), "a line is too long");
		result_refused("double", big, 70, "a line is too long");
	}

	/* what the languages print for doubles, and nulls where a string or an array goes */
	CU_ASSERT_STRING_EQUAL(RESULT("double", "NaN\n"), "\"NaN\"");
	CU_ASSERT_STRING_EQUAL(RESULT("double", "-nan\n"), "\"NaN\"");
	CU_ASSERT_STRING_EQUAL(RESULT("double", "-Infinity\n"), "\"-Infinity\"");
	CU_ASSERT_STRING_EQUAL(RESULT("double", "inf\n"), "\"Infinity\"");
	CU_ASSERT_STRING_EQUAL(RESULT("double", "1.0E-5\n"), "1e-05");
	CU_ASSERT_STRING_EQUAL(RESULT("double", "0.30000000000000004\n"), "0.30000000000000004");
	CU_ASSERT_STRING_EQUAL(RESULT("double", "1e999\n"), "\"Infinity\"");
	CU_ASSERT_STRING_EQUAL(RESULT("double", "-0\n"), "-0.0");
	CU_ASSERT_STRING_EQUAL(RESULT("string", "-1\n"), "null");
	CU_ASSERT_STRING_EQUAL(RESULT("int[]", "-1\n"), "null");
	CU_ASSERT_STRING_EQUAL(RESULT("int[][]", "2\n-1\n0\n"), "[null,[]]");
	/* bytes a program may put in a string: NUL escaped, invalid UTF-8 made U+FFFD */
	CU_ASSERT_STRING_EQUAL(RESULT("string", "4\na\0b\xff\n"), "\"a\\u0000b\xef\xbf\xbd\"");
	CU_ASSERT_STRING_EQUAL(RESULT("string", "3\n\xe2\x82\n\n"), "\"\xef\xbf\xbd\xef\xbf\xbd\\n\"");
	CU_ASSERT_STRING_EQUAL(RESULT("string", "2\n\x7f\"\n"), "\"\x7f\\\"\"");
	strbuf_release(&out);
}

/* Random and mutated wires: never a crash, never more JSON than the bound. */
static void test_wire_fuzz(void)
{
	static const char *const types[] = { "int", "double", "bool", "string", "int[]",
					     "double[][]", "string[]", "bool[][]", "string[][]" };
	static const char alphabet[] = "0123456789-\n\n\n.eEnaif1-\xff\x00 x";
	struct strbuf out = STRBUF_INIT;
	char text[96], buf[256];
	struct signature sig;
	unsigned seed = 12345, i, k;
	size_t n, j;

	for (i = 0; i < 20000; i++) {
		snprintf(text, sizeof(text), "function: f\nreturns: %s",
			 types[i % (sizeof(types) / sizeof(types[0]))]);
		sig = parse_ok(text);
		n = rand_r(&seed) % sizeof(buf);
		for (j = 0; j < n; j++)
			buf[j] = i % 3 ? alphabet[rand_r(&seed) % (sizeof(alphabet) - 1)]
				       : (char)rand_r(&seed);
		/* now and then a valid start: "2\n" then a small string or number */
		if (i % 5 == 0 && n > 6)
			memcpy(buf, "2\n1\nx\n", 6);
		strbuf_reset(&out);
		k = sig_result_json(&sig, buf, n, &out, err, sizeof(err)) == 0;
		CU_ASSERT_TRUE(out.len <= 6 * n + 64);
		if (!k)
			CU_ASSERT_EQUAL(out.len, 0);
	}
	strbuf_release(&out);
}

/* ---- comparing ---- */

static bool matches(const char *type, const char *got, const char *want, double abs_tol,
		    double rel_tol, struct strbuf *why)
{
	char text[96];
	struct signature sig;

	snprintf(text, sizeof(text), "function: f\nreturns: %s", type);
	sig = parse_ok(text);
	strbuf_reset(why);
	return sig_result_matches(&sig, got, want, abs_tol, rel_tol, why);
}

static void test_matches(void)
{
	struct strbuf why = STRBUF_INIT;

	CU_ASSERT_TRUE(matches("int[]", "[0,1]", " [ 0 , 1 ] ", -1, -1, &why));
	CU_ASSERT_FALSE(matches("int[]", "[0,1,4]", "[0,1,5]", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "[2]: got 4, expected 5");
	CU_ASSERT_FALSE(matches("int[]", "[0,1]", "[0,1,5]", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "got 2 elements, expected 3");
	CU_ASSERT_FALSE(matches("int[]", "null", "[]", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "got null, expected an array");
	CU_ASSERT_FALSE(matches("int", "5", "6", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "got 5, expected 6");
	CU_ASSERT_FALSE(matches("int[][]", "[[1],[2,3]]", "[[1],[2,4]]", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "[1][1]: got 3, expected 4");
	CU_ASSERT_FALSE(matches("int[][]", "[[1],[2,3]]", "[[1],[2]]", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "[1]: got 2 elements, expected 1");

	/* doubles: 1e-6 absolute or relative by default */
	CU_ASSERT_TRUE(matches("double", "1.0000005", "1", -1, -1, &why));
	CU_ASSERT_TRUE(matches("double", "0.0", "-0.0", -1, -1, &why));
	CU_ASSERT_TRUE(matches("double", "1000000000.5", "1000000000", -1, -1, &why));
	CU_ASSERT_FALSE(matches("double", "1.00001", "1", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "got 1.00001, expected 1.0");
	CU_ASSERT_FALSE(matches("double", "1000000000.5", "1000000000", 0, 0, &why));
	CU_ASSERT_TRUE(matches("double", "1.05", "1", 0.1, 0, &why));
	CU_ASSERT_TRUE(matches("double", "104", "100", 0, 0.05, &why));
	CU_ASSERT_FALSE(matches("double", "106", "100", 0, 0.05, &why));
	CU_ASSERT_TRUE(matches("double[]", "[1.0,2.0000000001]", "[1, 2]", -1, -1, &why));
	CU_ASSERT_FALSE(matches("double[]", "[1.0,\"NaN\"]", "[1, 2]", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "[1]: got \"NaN\", expected 2.0");
	CU_ASSERT_FALSE(matches("double", "\"Infinity\"", "1e308", -1, -1, &why));
	CU_ASSERT_TRUE(matches("double", "\"Infinity\"", "1e999", -1, -1, &why));

	/* everything else exactly */
	CU_ASSERT_TRUE(matches("string[]", "[\"a b\",\"\\u00e9\"]", "[\"a b\", \"\xc3\xa9\"]", -1, -1,
			       &why));
	CU_ASSERT_FALSE(matches("string", "\"OK \"", "\"OK\"", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "got \"OK \", expected \"OK\"");
	CU_ASSERT_FALSE(matches("string", "null", "\"x\"", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "got null, expected \"x\"");
	CU_ASSERT_FALSE(matches("bool[][]", "[[true]]", "[[false]]", -1, -1, &why));
	CU_ASSERT_STRING_EQUAL(why.buf, "[0][0]: got true, expected false");
	CU_ASSERT_FALSE(matches("bool", "1", "true", -1, -1, &why));
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "the result is not a value of the return type"));
	CU_ASSERT_FALSE(matches("int", "1", "\"1\"", -1, -1, &why));
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "the expected value is not a value"));
	{
		/* a long string is cut in the reason, on a character */
		char got[200], want[200];

		static const char digits[] = "01234567890123456789012345678901234567890123456";

		snprintf(got, sizeof(got), "\"%s\xc3\xa9\xc3\xa9xyz\"", digits);
		snprintf(want, sizeof(want), "\"%s\xc3\xa9\xc3\xa9xyw\"", digits);
		CU_ASSERT_FALSE(matches("string", got, want, -1, -1, &why));
		CU_ASSERT_STRING_EQUAL(why.buf, "got \"01234567890123456789012345678901234567890123456"
						"\"..., expected \"01234567890123456789012345678901"
						"234567890123456\"...");
	}
	CU_ASSERT_FALSE(sig_result_matches(&(struct signature){ .ret = { SIG_INT, 0 } }, "1", "2",
					   -1, -1, NULL));
	strbuf_release(&why);
}

/* ---- generated code ---- */

static void stub_has(const char *sigtext, const char *lang, const char *want)
{
	struct signature sig = parse_ok(sigtext);
	struct strbuf sb = STRBUF_INIT;

	CU_ASSERT_EQUAL(sig_stub(&sig, lang_find(lang), &sb), 0);
	if (!strstr(sb.buf, want))
		fprintf(stderr, "\n    %s stub:\n%s\n    wants: %s\n", lang, sb.buf, want);
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, want));
	strbuf_release(&sb);
}

static void test_stubs(void)
{
	static const char grid[] = "function: paint\nparams: grid int[][], names string[], on bool, "
				   "r double\nreturns: string[][]";
	static const char word[] = "function: word\nparams: s string\nreturns: string";
	static const char none[] = "function: answer\nreturns: int";

	stub_has(two_sum, "python", "def twoSum(nums: list[int], target: int) -> list[int]:\n"
				    "    pass\n");
	stub_has(two_sum, "java", "public class Solution {\n    public long[] twoSum(long[] nums, "
				  "long target) {\n");
	stub_has(two_sum, "java", "import java.util.*;");
	stub_has(two_sum, "cpp", "class Solution {\npublic:\n    vector<long long> twoSum("
				 "vector<long long>& nums, long long target) {\n");
	stub_has(two_sum, "c", "long long* twoSum(long long* nums, int numsSize, long long target, "
			       "int* returnSize) {\n");
	stub_has(two_sum, "c", "must be malloc'd");
	stub_has(two_sum, "javascript", "function twoSum(nums, target) {\n");
	stub_has(two_sum, "javascript", " * @param {number[]} nums\n * @param {number} target\n"
					" * @return {number[]}\n");
	stub_has(two_sum, "csharp", "public class Solution {\n    public long[] twoSum(long[] nums, "
				    "long target) {\n");
	stub_has(two_sum, "csharp", "using System.Collections.Generic;");

	stub_has(grid, "python", "def paint(grid: list[list[int]], names: list[str], on: bool, "
				 "r: float) -> list[list[str]]:");
	stub_has(grid, "java", "public String[][] paint(long[][] grid, String[] names, boolean on, "
			       "double r)");
	stub_has(grid, "csharp", "public string[][] paint(long[][] grid, string[] names, bool on, "
				 "double r)");
	stub_has(grid, "cpp", "vector<vector<string>> paint(vector<vector<long long>>& grid, "
			      "vector<string>& names, bool on, double r)");
	stub_has(grid, "c", "char*** paint(long long** grid, int gridSize, int* gridColSize, "
			    "char** names, int namesSize, bool on, double r, int* returnSize, "
			    "int** returnColumnSizes)");
	stub_has(grid, "javascript", " * @param {number[][]} grid\n * @param {string[]} names\n"
				     " * @param {boolean} on\n * @param {number} r\n"
				     " * @return {string[][]}\n */\nfunction paint(grid, names, on, r)");
	stub_has(word, "c", "char* word(char* s)");
	stub_has(word, "c", "the returned string must be malloc'd");
	stub_has(word, "cpp", "string word(string s)");
	stub_has(none, "c", "long long answer(void) {");
	stub_has(none, "python", "def answer() -> int:");
	stub_has(none, "java", "public long answer() {");
	{
		struct signature sig = parse_ok(two_sum);
		struct strbuf sb = STRBUF_INIT;
		static const struct lang cobol = { .id = "cobol", .src = "main.cob" };

		CU_ASSERT_EQUAL(sig_stub(&sig, &cobol, &sb), -1);
		CU_ASSERT_EQUAL(sig_program(&sig, &cobol, "x", 1, &sb, NULL), -1);
		CU_ASSERT_EQUAL(sb.len, 0);
		strbuf_release(&sb);
	}
}

static void test_program_layout(void)
{
	static const char py[] = "def twoSum(nums, target):\n    return [0, 1]";
	static const char cc[] = "class Solution {\n};\n";
	struct signature sig = parse_ok(two_sum);
	struct strbuf sb = STRBUF_INIT;
	struct sig_map map;
	struct judge_entry entry;

	sig_map_init(&map);
	CU_ASSERT_EQUAL(sig_candidate_lines("", 0), 0);
	CU_ASSERT_EQUAL(sig_candidate_lines("a", 1), 1);
	CU_ASSERT_EQUAL(sig_candidate_lines("a\n", 2), 1);
	CU_ASSERT_EQUAL(sig_candidate_lines("a\n\nb", 4), 3);

	/* the candidate's code first, lines unchanged, ended by a newline */
	CU_ASSERT_EQUAL(sig_program(&sig, lang_find("python"), py, strlen(py), &sb, &map), 0);
	CU_ASSERT_EQUAL(strncmp(sb.buf, py, strlen(py)), 0);
	CU_ASSERT_EQUAL(sb.buf[strlen(py)], '\n');
	CU_ASSERT_EQUAL(map.first, 1);
	CU_ASSERT_EQUAL(map.lines, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "_ce_main()\n"));

	/* Java: a non-public CeMain with main() after the code; the judge names the file Solution */
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(sig_program(&sig, lang_find("java"), "public class Solution {}\n", 24, &sb,
				    &map), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "\nclass CeMain {\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "public static void main(String[] args)"));
	CU_ASSERT_PTR_NULL(strstr(sb.buf, "\nimport "));
	judge_java_class(sb.buf, sb.len, &entry);
	CU_ASSERT_STRING_EQUAL(entry.file_class, "Solution");
	CU_ASSERT_STRING_EQUAL(entry.main_class, "CeMain");

	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(sig_program(&sig, lang_find("csharp"), cc, strlen(cc), &sb, &map), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "\nclass CeMain {\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "static void Main() {"));

	/* C and C++: includes first, then #line so that the code keeps its numbers */
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(sig_program(&sig, lang_find("cpp"), cc, strlen(cc), &sb, &map), 0);
	{
		static const char head[] = "#line 1 \"driver\"\n#include <bits/stdc++.h>\n"
					   "using namespace std;\n#line 1 \"solution.cpp\"\n"
					   "class Solution {\n";

		CU_ASSERT_EQUAL(strncmp(sb.buf, head, strlen(head)), 0);
	}
	CU_ASSERT_EQUAL(map.first, 5);
	CU_ASSERT_EQUAL(map.lines, 2);
	CU_ASSERT_STRING_EQUAL(map.code.buf, cc);
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "};\n#line 4 \"driver\"\n"));
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(sig_program(&sig, lang_find("c"), "int x;", 6, &sb, &map), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "#include <stdbool.h>\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(sb.buf, "#line 1 \"solution.c\"\nint x;\n#line 10 \"driver\"\n"));
	CU_ASSERT_EQUAL(map.first, 11);
	CU_ASSERT_EQUAL(map.lines, 1);
	strbuf_release(&sb);
	sig_map_release(&map);
}

/* sig_fix_output() on canned text: the program of `code` in `lang`, then the text fixed. */
static void fixed(const char *lang, const char *code, const char *text, const char *want)
{
	struct signature sig = parse_ok(two_sum);
	struct strbuf prog = STRBUF_INIT, t = STRBUF_INIT;
	struct sig_map map;

	sig_map_init(&map);
	CU_ASSERT_EQUAL(sig_program(&sig, lang_find(lang), code, strlen(code), &prog, &map), 0);
	strbuf_addstr(&t, text);
	sig_fix_output(lang_find(lang), &map, &t);
	if (strcmp(t.buf, want))
		fprintf(stderr, "\n    %s: got\n%s\n    want\n%s\n", lang, t.buf, want);
	CU_ASSERT_STRING_EQUAL(t.buf, want);
	strbuf_release(&prog);
	strbuf_release(&t);
	sig_map_release(&map);
}

static void test_fix_output(void)
{
	static const char py_code[] = "def twoSum(nums, target):\n    x = 1\n    return [nums[10]]\n";

	fixed("python", py_code,
	      "Traceback (most recent call last):\n"
	      "  File \"/box/main.py\", line 85, in <module>\n    _ce_main()\n"
	      "  File \"/box/main.py\", line 78, in _ce_main\n    _put(_fn(*_args), 0, 1, ())\n"
	      "         ^^^^^^^^^^^\n"
	      "  File \"/box/main.py\", line 3, in twoSum\n    return [nums[10]]\n"
	      "            ~~~~^^^^\nIndexError: list index out of range\n",
	      "Traceback (most recent call last):\n"
	      "  File \"/box/main.py\", line 3, in twoSum\n    return [nums[10]]\n"
	      "            ~~~~^^^^\nIndexError: list index out of range\n");
	/* a syntax error found in the harness is the code's: at its last line */
	fixed("python", "def twoSum(nums, target):\n    return '''x\n",
	      "  File \"main.py\", line 90\n    _ce_main()\n    ^\nSyntaxError: unterminated "
	      "triple-quoted string literal (detected at line 91)\n",
	      "  File \"main.py\", line 2\nSyntaxError: unterminated triple-quoted string literal "
	      "(detected at line 2)\n");
	fixed("javascript", "function twoSum(nums, target) {\n    return nums.foo.bar;\n}\n",
	      "/box/main.js:2\n    return nums.foo.bar;\n                    ^\n\n"
	      "TypeError: Cannot read properties of undefined (reading 'bar')\n"
	      "    at twoSum (/box/main.js:2:21)\n    at /box/main.js:98:11\n"
	      "    at Object.<anonymous> (/box/main.js:101:3)\n"
	      "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n"
	      "    at node:internal/main/run_main_module:28:49\n\nNode.js v20.20.2\n",
	      "/box/main.js:2\n    return nums.foo.bar;\n                    ^\n\n"
	      "TypeError: Cannot read properties of undefined (reading 'bar')\n"
	      "    at twoSum (/box/main.js:2:21)\n\nNode.js v20.20.2\n");
	fixed("javascript", "function twoSum(nums, target) {\n    if (x) {\n",
	      "main.js:100\n})();\n  ^\n\nSyntaxError: Unexpected end of input\n",
	      "main.js:2\n\nSyntaxError: Unexpected end of input\n");
	fixed("java", "public class Solution {\n    public long[] twoSum(long[] nums, long target) {\n"
		      "        return new long[] { nums[10] };\n    }\n}\n",
	      "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: Index 10 out "
	      "of bounds for length 4\n\tat Solution.twoSum(Solution.java:3)\n"
	      "\tat CeMain.main(Solution.java:209)\n",
	      "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: Index 10 out "
	      "of bounds for length 4\n\tat Solution.twoSum(Solution.java:3)\n");
	fixed("java", "public class Solution {\n    public int[] twoSum(int[] nums, long target) {\n"
		      "        int x = \"a\";\n        return null;\n    }\n}\n",
	      "Solution.java:3: error: incompatible types: String cannot be converted to int\n"
	      "        int x = \"a\";\n                ^\n"
	      "Solution.java:211: error: incompatible types: long[] cannot be converted to int[]\n"
	      "        ceWriteInt1(new Solution().twoSum(a0, a1));\n"
	      "                                          ^\n2 errors\n",
	      "Solution.java:3: error: incompatible types: String cannot be converted to int\n"
	      "        int x = \"a\";\n                ^\n"
	      "driver: error: incompatible types: long[] cannot be converted to int[]\n2 errors\n");
	fixed("csharp", "public class Solution {\n    public int[] twoSum(long[] nums, long t) {\n"
			"        int x = \"a\";\n    }\n}\n",
	      "Main.cs(3,17): error CS0029: Cannot implicitly convert type `string' to `int'\n"
	      "Main.cs(219,9): error CS1502: The best overloaded method match for "
	      "`CeMain.ceWriteInt1(long[])' has some invalid arguments\n"
	      "Main.cs(87,25): (Location of the symbol related to previous error)\n"
	      "Compilation failed: 2 error(s), 0 warnings\n",
	      "Main.cs(3,17): error CS0029: Cannot implicitly convert type `string' to `int'\n"
	      "driver: error CS1502: The best overloaded method match for "
	      "`CeMain.ceWriteInt1(long[])' has some invalid arguments\n"
	      "Compilation failed: 2 error(s), 0 warnings\n");
	fixed("csharp", "x\n",
	      "Unhandled Exception:\nSystem.Exception: boom\n"
	      "  at Solution.twoSum (System.Int64[] nums) [0x00001] in <abc>:0 \n"
	      "  at CeMain.Main () [0x0002d] in <b60>:0 \n",
	      "Unhandled Exception:\nSystem.Exception: boom\n"
	      "  at Solution.twoSum (System.Int64[] nums) [0x00001] in <abc>:0 \n");
	/* gcc: the code's lines quoted from the code (tabs shown as gcc shows them), the harness's not */
	fixed("cpp", "class Solution {\npublic:\n\tvector<int> twoSum(vector<int>& nums, int t) {\n"
		     "\t\tint x = \"a\";\n\t\treturn {};\n\t}\n};\n",
	      "solution.cpp: In member function 'std::vector<int> Solution::twoSum(...)':\n"
	      "solution.cpp:4:11: error: invalid conversion from 'const char*' to 'int'\n"
	      "driver: In function 'int main()':\n"
	      "driver:94:31: error: cannot convert 'std::vector<long long int>' to "
	      "'std::vector<int>&'\n"
	      "   94 |     auto &&ce_r = ce_s.twoSum(ce_a0, ce_a1);\n"
	      "      |                               ^~~~~\n"
	      "solution.cpp:3:34: note:   initializing argument 1 of 'twoSum'\n"
	      "In file included from /usr/include/c++/12/vector:1,\n"
	      "                 from driver:2:\n"
	      "/usr/include/c++/12/bits/stl_vector.h:1:1: note: here\n"
	      "    1 | template <class T>\n"
	      "      | ^\n",
	      "main.cpp: In member function 'std::vector<int> Solution::twoSum(...)':\n"
	      "main.cpp:4:11: error: invalid conversion from 'const char*' to 'int'\n"
	      "    4 |                 int x = \"a\";\n"
	      "      |                         ^\n"
	      "driver: error: cannot convert 'std::vector<long long int>' to 'std::vector<int>&'\n"
	      "main.cpp:3:34: note:   initializing argument 1 of 'twoSum'\n"
	      "    3 |         vector<int> twoSum(vector<int>& nums, int t) {\n"
	      "      |                                         ^\n"
	      "In file included from /usr/include/c++/12/vector:1,\n"
	      "                 from driver:\n"
	      "/usr/include/c++/12/bits/stl_vector.h:1:1: note: here\n"
	      "    1 | template <class T>\n"
	      "      | ^\n");
	fixed("c", "long long* twoSum() {\n  return 0 +;\n}\n",
	      "solution.c: In function 'twoSum':\nsolution.c:2:14: error: expected expression before "
	      "';' token\n",
	      "main.c: In function 'twoSum':\nmain.c:2:14: error: expected expression before ';' "
	      "token\n    2 |   return 0 +;\n      |              ^\n");
	{
		/* an unknown language, or no map: left alone */
		struct strbuf t = STRBUF_INIT;
		static const struct lang cobol = { .id = "cobol", .src = "main.cob" };

		strbuf_addstr(&t, "x\n");
		sig_fix_output(&cobol, NULL, &t);
		sig_fix_output(lang_find("python"), NULL, &t);
		CU_ASSERT_STRING_EQUAL(t.buf, "x\n");
		strbuf_release(&t);
	}
}

/* ---- running programs on this host ---- */

/* A command to run: in dir, stdin from a file, stdout, stderr and fd 3 to files. */
struct cmd {
	char *argv[24];
	const char *dir;
	char in[PATH_MAX], out[PATH_MAX], errf[PATH_MAX], fd3[PATH_MAX];
	unsigned timeout_s;
	int status;		/* as waitpid gives it */
	pid_t pid;
};

static const char *const run_env[] = {
	"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
	"PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0",
	"MONO_GC_PARAMS=max-heap-size=512m,major=marksweep", NULL,
};

static pid_t cmd_start(struct cmd *c)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	if (chdir(c->dir) < 0)
		_exit(126);
	{
		int in = open(c->in[0] ? c->in : "/dev/null", O_RDONLY | O_CLOEXEC);
		int out = open(c->out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		int er = open(c->errf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		int f3 = c->fd3[0] ? open(c->fd3, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644) : -1;

		if (in < 0 || out < 0 || er < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 ||
		    dup2(er, 2) < 0 || (f3 >= 0 && dup2(f3, 3) < 0))
			_exit(126);
		if (f3 < 0)
			close(3);
	}
	alarm(c->timeout_s);
	execve(c->argv[0], c->argv, (char *const *)run_env);
	_exit(127);
}

/* Run the commands, at most par at a time. */
static void run_all(struct cmd *cmds, size_t n)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t next = 0, running = 0, i;
	size_t par = ncpu < 2 ? 2 : ncpu > 8 ? 8 : (size_t)ncpu;
	int status;
	pid_t pid;

	while (next < n || running) {
		while (next < n && running < par) {
			cmds[next].pid = cmd_start(&cmds[next]);
			if (cmds[next].pid < 0)
				cmds[next].status = -1;
			else
				running++;
			next++;
		}
		pid = wait(&status);
		if (pid < 0)
			break;
		for (i = 0; i < next; i++)
			if (cmds[i].pid == pid) {
				cmds[i].status = status;
				cmds[i].pid = 0;
				running--;
			}
	}
}

static bool cmd_ok(const struct cmd *c)
{
	return WIFEXITED(c->status) && WEXITSTATUS(c->status) == 0;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		abort();
	return p;
}

static void cmd_free(struct cmd *c)
{
	size_t i;

	for (i = 0; c->argv[i]; i++)
		free(c->argv[i]);
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void read_path(struct strbuf *sb, const char *path)
{
	strbuf_reset(sb);
	strbuf_read_file(sb, path, 64u << 20);
}

/*
 * One program: the candidate's code in a language made into the program,
 * written to a fresh directory, its compile command, then one run per test.
 */
struct prog {
	const struct lang *l;
	char dir[PATH_MAX];
	char src[96];
	struct sig_map map;
	struct cmd compile;
	bool has_compile;
	struct judge_entry entry;	/* the classes of the program, as the judge finds them */
	struct cmd *runs;
	size_t nruns;
};

/* A command from a template of lang.c run in dir instead of /box. */
static void cmd_from(struct cmd *c, const char *const *tmpl, const char *src,
		     const struct judge_entry *e, const char *dir)
{
	size_t i, n = 0;

	memset(c, 0, sizeof(*c));
	for (i = 0; tmpl[i] && n < 23; i++) {
		struct strbuf a = STRBUF_INIT;

		/* as the judge: no class to name, no option naming it */
		if (!e->main_class[0] && strstr(tmpl[i], "{main}"))
			continue;
		strbuf_addstr(&a, tmpl[i]);
		strbuf_replace_all(&a, "{src}", src);
		strbuf_replace_all(&a, "{class}", e->file_class);
		strbuf_replace_all(&a, "{main}", e->main_class);
		strbuf_replace_all(&a, "{heap}", "512");
		if (!strcmp(a.buf, "/box"))
			strbuf_replace_all(&a, "/box", ".");
		else if (!strncmp(a.buf, "/box/", 5))
			strbuf_replace_all(&a, "/box/", "./");
		c->argv[n++] = strbuf_detach(&a, NULL);
	}
	c->dir = dir;
	c->timeout_s = 120;
}

static const char *bank_file(const struct lang *l)
{
	static const char *const files[][2] = {
		{ "python", "main.py" }, { "java", "Main.java" }, { "cpp", "main.cpp" },
		{ "c", "main.c" }, { "javascript", "main.js" }, { "csharp", "Main.cs" },
	};
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (!strcmp(files[i][0], l->id))
			return files[i][1];
	return "?";
}

static char work_root[PATH_MAX];

/* Make the program of code for sig in lang l; the runs come after with prog_run(). */
static void prog_init(struct prog *p, const struct signature *sig, const struct lang *l,
		      const char *code, size_t len, const char *tag)
{
	struct strbuf program = STRBUF_INIT;
	struct judge_entry entry = { "Main", "" };

	memset(p, 0, sizeof(*p));
	p->l = l;
	sig_map_init(&p->map);
	CU_ASSERT_EQUAL_FATAL(sig_program(sig, l, code, len, &program, &p->map), 0);
	snprintf(p->dir, sizeof(p->dir), "%s/%s-%s", work_root, tag, l->id);
	CU_ASSERT_EQUAL_FATAL(mkdir(p->dir, 0755), 0);
	/* the name the judge gives the file: Java's public class */
	p->entry = entry;
	if (l->entry == LANG_ENTRY_JAVA)
		judge_java_class(program.buf, program.len, &p->entry);
	else if (l->entry == LANG_ENTRY_CSHARP)
		judge_csharp_class(program.buf, program.len, &p->entry);
	snprintf(p->src, sizeof(p->src), "%s", l->src);
	if (strstr(l->src, "{class}"))
		snprintf(p->src, sizeof(p->src), "%s.java", p->entry.file_class);
	write_file(p->dir, p->src, program.buf, program.len);
	if (l->support_name)
		write_file(p->dir, l->support_name, l->support_text, strlen(l->support_text));
	if (l->compile) {
		cmd_from(&p->compile, l->compile, p->src, &p->entry, p->dir);
		snprintf(p->compile.out, sizeof(p->compile.out), "%s/compile.out", p->dir);
		snprintf(p->compile.errf, sizeof(p->compile.errf), "%s/compile.err", p->dir);
		p->has_compile = true;
	}
	strbuf_release(&program);
}

/* One more run of p on the input JSON of sig. */
static void prog_run(struct prog *p, const struct signature *sig, const char *json, size_t len)
{
	struct strbuf wire = STRBUF_INIT;
	struct cmd *c;
	char name[32];

	p->runs = realloc(p->runs, (p->nruns + 1) * sizeof(*p->runs));
	CU_ASSERT_PTR_NOT_NULL_FATAL(p->runs);
	c = &p->runs[p->nruns];
	/* the judge runs the class with main() */
	cmd_from(c, p->l->run, p->src, &p->entry, p->dir);
	c->timeout_s = 30;
	if (sig_input_wire(sig, json, len, &wire, err, sizeof(err)) < 0)
		fprintf(stderr, "\n    %s: input refused: %s\n", p->dir, err);
	snprintf(name, sizeof(name), "t%zu.in", p->nruns);
	write_file(p->dir, name, wire.buf, wire.len);
	snprintf(c->in, sizeof(c->in), "%s/t%zu.in", p->dir, p->nruns);
	snprintf(c->out, sizeof(c->out), "%s/t%zu.out", p->dir, p->nruns);
	snprintf(c->errf, sizeof(c->errf), "%s/t%zu.err", p->dir, p->nruns);
	snprintf(c->fd3, sizeof(c->fd3), "%s/t%zu.fd3", p->dir, p->nruns);
	p->nruns++;
	strbuf_release(&wire);
}

static void prog_free(struct prog *p)
{
	size_t i;

	if (p->has_compile)
		cmd_free(&p->compile);
	for (i = 0; i < p->nruns; i++)
		cmd_free(&p->runs[i]);
	free(p->runs);
	sig_map_release(&p->map);
}

/* Compile every program, then run every test of those that compiled. */
static void progs_run(struct prog *ps, size_t n)
{
	struct cmd *cmds = calloc(n + 1, sizeof(*cmds));
	size_t i, j, k = 0, total = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(cmds);
	for (i = 0; i < n; i++)
		if (ps[i].has_compile)
			cmds[k++] = ps[i].compile;
	run_all(cmds, k);
	for (i = 0, k = 0; i < n; i++)
		if (ps[i].has_compile)
			ps[i].compile.status = cmds[k++].status;
	free(cmds);
	for (i = 0; i < n; i++)
		total += ps[i].nruns;
	cmds = calloc(total + 1, sizeof(*cmds));
	CU_ASSERT_PTR_NOT_NULL_FATAL(cmds);
	for (i = 0, k = 0; i < n; i++)
		for (j = 0; j < ps[i].nruns; j++)
			if (!ps[i].has_compile || cmd_ok(&ps[i].compile))
				cmds[k++] = ps[i].runs[j];
			else
				ps[i].runs[j].status = -1;
	run_all(cmds, k);
	for (i = 0, k = 0; i < n; i++)
		for (j = 0; j < ps[i].nruns; j++)
			if (!ps[i].has_compile || cmd_ok(&ps[i].compile))
				ps[i].runs[j].status = cmds[k++].status;
	free(cmds);
}

/* The compiler's messages, fixed for the candidate. */
static void compile_output(struct prog *p, struct strbuf *sb)
{
	struct strbuf e = STRBUF_INIT;

	read_path(sb, p->compile.errf);
	read_path(&e, p->compile.out);
	strbuf_add(sb, e.buf, e.len);
	sig_fix_output(p->l, &p->map, sb);
	strbuf_release(&e);
}

/*
 * Run k of p gave a result matching want: 1, 0 for another value (why says
 * which), -1 for no result (why says why).
 */
static int run_result(struct prog *p, size_t k, const struct signature *sig, const char *want,
		      struct strbuf *why)
{
	struct strbuf wire = STRBUF_INIT, json = STRBUF_INIT, e = STRBUF_INIT;
	int r;

	strbuf_reset(why);
	if (p->has_compile && !cmd_ok(&p->compile)) {
		compile_output(p, &e);
		strbuf_addf(why, "compilation failed:\n%s", e.buf);
		r = -1;
	} else if (!cmd_ok(&p->runs[k])) {
		read_path(&e, p->runs[k].errf);
		sig_fix_output(p->l, &p->map, &e);
		strbuf_addf(why, "run failed (status 0x%x):\n%s", (unsigned)p->runs[k].status, e.buf);
		r = -1;
	} else {
		read_path(&wire, p->runs[k].fd3);
		if (sig_result_json(sig, wire.buf, wire.len, &json, err, sizeof(err)) < 0) {
			strbuf_addf(why, "no result: %s", err);
			r = -1;
		} else {
			r = sig_result_matches(sig, json.buf, want, -1, -1, why) ? 1 : 0;
		}
	}
	strbuf_release(&wire);
	strbuf_release(&json);
	strbuf_release(&e);
	return r;
}

static int work_init(void)
{
	snprintf(work_root, sizeof(work_root), "/tmp/ce-test-signature-XXXXXX");
	return mkdtemp(work_root) ? 0 : -1;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Our own directory, made by mkdtemp above; CE_KEEP=1 keeps it to look at. */
static int work_cleanup(void)
{
	if (!work_root[0] || getenv("CE_KEEP"))
		return 0;
	return nftw(work_root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- the sample bank's function questions ---- */

struct question {
	char dir[PATH_MAX];
	struct signature sig;
	char **names;		/* test names: NN */
	struct strbuf *in, *out;
	size_t ntests;
};

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void question_load(struct question *q, const char *dir)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	struct dirent **ents = NULL;
	int n, i;

	memset(q, 0, sizeof(*q));
	snprintf(q->dir, sizeof(q->dir), "%s", dir);
	strbuf_addf(&path, "%s/signature.txt", dir);
	CU_ASSERT_EQUAL(strbuf_read_file(&text, path.buf, 1 << 16), 0);
	if (sig_parse_text(text.buf, text.len, &q->sig, err, sizeof(err)) < 0)
		fprintf(stderr, "\n    %s: %s\n", path.buf, err);
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/tests", dir);
	n = scandir(path.buf, &ents, NULL, by_name);
	CU_ASSERT_TRUE(n > 0);
	for (i = 0; i < n; i++) {
		size_t len = strlen(ents[i]->d_name);

		if (len > 3 && !strcmp(ents[i]->d_name + len - 3, ".in")) {
			size_t k = q->ntests++;

			q->names = realloc(q->names, q->ntests * sizeof(*q->names));
			q->in = realloc(q->in, q->ntests * sizeof(*q->in));
			q->out = realloc(q->out, q->ntests * sizeof(*q->out));
			CU_ASSERT_PTR_NOT_NULL_FATAL(q->names && q->in && q->out);
			q->names[k] = strndup(ents[i]->d_name, len - 3);
			strbuf_init(&q->in[k]);
			strbuf_init(&q->out[k]);
			strbuf_reset(&path);
			strbuf_addf(&path, "%s/tests/%s", dir, ents[i]->d_name);
			CU_ASSERT_EQUAL(strbuf_read_file(&q->in[k], path.buf, JUDGE_MAX_IO), 0);
			strbuf_setlen(&path, path.len - 3);
			strbuf_addstr(&path, ".out");
			CU_ASSERT_EQUAL(strbuf_read_file(&q->out[k], path.buf, JUDGE_MAX_IO), 0);
			/* every test is typed as the signature says */
			if (sig_check_input(&q->sig, q->in[k].buf, q->in[k].len, err, sizeof(err)) < 0 ||
			    sig_check_expected(&q->sig, q->out[k].buf, q->out[k].len, err,
					       sizeof(err)) < 0) {
				fprintf(stderr, "\n    %s test %s: %s\n", dir, q->names[k], err);
				CU_FAIL("a test does not match the signature");
			}
		}
		free(ents[i]);
	}
	free(ents);
	strbuf_release(&path);
	strbuf_release(&text);
}

static void question_free(struct question *q)
{
	size_t i;

	for (i = 0; i < q->ntests; i++) {
		free(q->names[i]);
		strbuf_release(&q->in[i]);
		strbuf_release(&q->out[i]);
	}
	free(q->names);
	free(q->in);
	free(q->out);
}

#define BANK "sql/questions"

static void test_bank_questions(void)
{
	struct question qs[32];
	struct prog *ps;
	struct dirent **ents = NULL;
	struct strbuf path = STRBUF_INIT, code = STRBUF_INIT, why = STRBUF_INIT, meta = STRBUF_INIT;
	size_t nq = 0, np = 0, i, j, k, passed = 0;
	int n, e;

	n = scandir(BANK, &ents, NULL, by_name);
	CU_ASSERT_TRUE_FATAL(n > 0);
	for (e = 0; e < n; e++) {
		strbuf_reset(&path);
		strbuf_addf(&path, BANK "/%s/signature.txt", ents[e]->d_name);
		if (nq < sizeof(qs) / sizeof(qs[0]) && access(path.buf, R_OK) == 0) {
			strbuf_setlen(&path, path.len - strlen("signature.txt"));
			/* the directory says what it is */
			strbuf_reset(&meta);
			strbuf_addf(&meta, "%smeta.json", path.buf);
			CU_ASSERT_EQUAL(strbuf_read_file(&meta, meta.buf, 1 << 16), 0);
			CU_ASSERT_PTR_NOT_NULL(strstr(meta.buf, "\"kind\": \"function\""));
			strbuf_setlen(&path, path.len - 1);
			question_load(&qs[nq++], path.buf);
		}
		free(ents[e]);
	}
	free(ents);
	CU_ASSERT_TRUE_FATAL(nq >= 3);

	ps = calloc(nq * nlangs, sizeof(*ps));
	CU_ASSERT_PTR_NOT_NULL_FATAL(ps);
	for (i = 0; i < nq; i++)
		for (j = 0; j < nlangs; j++) {
			struct prog *p = &ps[np++];

			strbuf_reset(&path);
			strbuf_addf(&path, "%s/solution/%s", qs[i].dir, bank_file(&langs[j]));
			strbuf_reset(&code);
			CU_ASSERT_EQUAL(strbuf_read_file(&code, path.buf, JUDGE_MAX_CODE), 0);
			prog_init(p, &qs[i].sig, &langs[j], code.buf, code.len, strrchr(qs[i].dir, '/') + 1);
			for (k = 0; k < qs[i].ntests; k++)
				prog_run(p, &qs[i].sig, qs[i].in[k].buf, qs[i].in[k].len);
		}
	progs_run(ps, np);
	for (i = 0; i < np; i++) {
		const struct question *q = &qs[i / nlangs];

		for (k = 0; k < ps[i].nruns; k++) {
			int r = run_result(&ps[i], k, &q->sig, q->out[k].buf, &why);

			if (r != 1)
				fprintf(stderr, "\n    %s in %s, test %s: %s\n", q->dir, ps[i].l->id,
					q->names[k], why.buf);
			CU_ASSERT_EQUAL(r, 1);
			passed += r == 1;
		}
	}
	fprintf(stderr, "[%zu questions, %zu results matched] ", nq, passed);
	for (i = 0; i < np; i++)
		prog_free(&ps[i]);
	free(ps);
	for (i = 0; i < nq; i++)
		question_free(&qs[i]);
	strbuf_release(&path);
	strbuf_release(&code);
	strbuf_release(&why);
	strbuf_release(&meta);
}

/* ---- every type through every harness ---- */

/* A function that prints to stdout, then returns its argument x of type t. */
static void echo_code(const struct lang *l, struct sig_type t, struct strbuf *sb)
{
	static const char *const java[] = { "long", "double", "boolean", "String" };
	static const char *const cs[] = { "long", "double", "bool", "string" };
	static const char *const cpp[] = { "long long", "double", "bool", "string" };
	static const char *const c[] = { "long long", "double", "bool", "char*" };
	const char *dims = t.dims == 2 ? "[][]" : t.dims ? "[]" : "";

	if (!strcmp(l->id, "python"))
		strbuf_addstr(sb, "def echo(x):\n    print('3\\n1\\n2')\n    return x\n");
	else if (!strcmp(l->id, "javascript"))
		strbuf_addstr(sb, "function echo(x) {\n    console.log('3\\n1\\n2');\n    return x;\n}\n");
	else if (!strcmp(l->id, "java"))
		strbuf_addf(sb, "public class Solution {\n    public %s%s echo(%s%s x) {\n"
				"        System.out.println(\"3\\n1\\n2\");\n        return x;\n    }\n}\n",
			    java[t.base], dims, java[t.base], dims);
	else if (!strcmp(l->id, "csharp"))
		strbuf_addf(sb, "public class Solution {\n    public %s%s echo(%s%s x) {\n"
				"        System.Console.WriteLine(\"3\\n1\\n2\");\n        return x;\n"
				"    }\n}\n", cs[t.base], dims, cs[t.base], dims);
	else if (!strcmp(l->id, "cpp"))
		strbuf_addf(sb, "class Solution {\npublic:\n    %s%s%s echo(%s%s%s%s x) {\n"
				"        cout << \"3\\n1\\n2\" << endl;\n        return x;\n    }\n};\n",
			    t.dims == 2 ? "vector<vector<" : t.dims ? "vector<" : "", cpp[t.base],
			    t.dims == 2 ? ">>" : t.dims ? ">" : "",
			    t.dims == 2 ? "vector<vector<" : t.dims ? "vector<" : "", cpp[t.base],
			    t.dims == 2 ? ">>" : t.dims ? ">" : "", t.dims ? "&" : "");
	else if (t.dims == 0)
		strbuf_addf(sb, "%s echo(%s x) {\n    printf(\"3\\n1\\n2\\n\");\n    return x;\n}\n",
			    c[t.base], c[t.base]);
	else if (t.dims == 1)
		strbuf_addf(sb, "%s* echo(%s* x, int xSize, int* returnSize) {\n"
				"    printf(\"3\\n1\\n2\\n\");\n    *returnSize = xSize;\n    return x;\n}\n",
			    c[t.base], c[t.base]);
	else
		strbuf_addf(sb, "%s** echo(%s** x, int xSize, int* xColSize, int* returnSize, "
				"int** returnColumnSizes) {\n    printf(\"3\\n1\\n2\\n\");\n"
				"    *returnSize = xSize;\n    *returnColumnSizes = xColSize;\n"
				"    return x;\n}\n", c[t.base], c[t.base]);
}

/* Values of each base type that a harness could get wrong. */
static const char *echo_values(enum sig_base b, bool js)
{
	switch (b) {
	case SIG_INT:
		/* JavaScript numbers hold integers exactly up to 2^53 */
		return js ? "[0, -9007199254740991, 9007199254740991, 42]"
			  : "[0, -9223372036854775808, 9223372036854775807, 42]";
	case SIG_DOUBLE:
		return "[0.1, -2.5e-300, 1.7976931348623157e308, 3, 1e21, -123.456]";
	case SIG_BOOL:
		return "[true, false, true]";
	default:
		return "[\"\", \"two words\", \"line\\nbreak\\r\\n\", \"caf\\u00e9 \\ud83d\\ude00 "
		       "\xe4\xb8\xad\", \"\\t\\\"q\\\"\\\\\", \"3\\n1\\n2\"]";
	}
}

static void echo_input(enum sig_base b, unsigned dims, bool js, struct strbuf *in)
{
	const char *v = echo_values(b, js);

	if (dims == 0) {
		/* the second element: a scalar of the list */
		struct json_object *o = json_tokener_parse(v);

		strbuf_addf(in, "{\"x\": %s}",
			    json_object_to_json_string_ext(json_object_array_get_idx(o, 1),
							   JSON_C_TO_STRING_PLAIN));
		json_object_put(o);
	} else if (dims == 1) {
		strbuf_addf(in, "{\"x\": %s}", v);
	} else {
		strbuf_addf(in, "{\"x\": [%s, [], %s]}", v, v);
	}
}

static void test_echo_every_type(void)
{
	struct prog *ps = calloc(nlangs * SIG_BASE__MAX * 3, sizeof(*ps));
	struct strbuf code = STRBUF_INIT, in = STRBUF_INIT, why = STRBUF_INIT, out = STRBUF_INIT;
	struct signature *sigs = calloc(nlangs * SIG_BASE__MAX * 3, sizeof(*sigs));
	char **ins = calloc(nlangs * SIG_BASE__MAX * 3, sizeof(*ins));
	size_t np = 0, i, j;
	unsigned b, d;

	CU_ASSERT_PTR_NOT_NULL_FATAL(ps && sigs && ins);
	for (j = 0; j < nlangs; j++)
		for (b = 0; b < SIG_BASE__MAX; b++)
			for (d = 0; d < 3; d++) {
				struct sig_type t = { b, d };
				char text[96], tn[16], tag[32];

				sig_type_name(t, tn, sizeof(tn));
				snprintf(text, sizeof(text), "function: echo\nparams: x %s\nreturns: %s",
					 tn, tn);
				sigs[np] = parse_ok(text);
				strbuf_reset(&code);
				echo_code(&langs[j], t, &code);
				snprintf(tag, sizeof(tag), "echo-%s-%u",
					 sig_type_name((struct sig_type){ b, 0 }, tn, sizeof(tn)), d);
				prog_init(&ps[np], &sigs[np], &langs[j], code.buf, code.len, tag);
				strbuf_reset(&in);
				echo_input(b, d, !strcmp(langs[j].id, "javascript"), &in);
				ins[np] = xstrdup(in.buf);
				prog_run(&ps[np], &sigs[np], in.buf, in.len);
				np++;
			}
	progs_run(ps, np);
	for (i = 0; i < np; i++) {
		/* the value comes back from fd 3, whatever the function printed */
		struct json_object *o = json_tokener_parse(ins[i]), *x = NULL;
		int r;

		json_object_object_get_ex(o, "x", &x);
		r = run_result(&ps[i], 0, &sigs[i], json_object_to_json_string(x), &why);
		if (r != 1)
			fprintf(stderr, "\n    echo in %s of %s: %s\n", ps[i].l->id, ins[i], why.buf);
		CU_ASSERT_EQUAL(r, 1);
		read_path(&out, ps[i].runs[0].out);
		CU_ASSERT_PTR_NOT_NULL(strstr(out.buf, "3\n1\n2\n"));
		json_object_put(o);
		free(ins[i]);
		prog_free(&ps[i]);
	}
	free(ps);
	free(sigs);
	free(ins);
	strbuf_release(&code);
	strbuf_release(&in);
	strbuf_release(&why);
	strbuf_release(&out);
}

/* ---- wrong answers, compile errors and run-time errors ---- */

static void test_candidates(void)
{
	static const char wrong_py[] = "def twoSum(nums, target):\n    return [0, 0]\n";
	static const char wrong_c[] = "long long* twoSum(long long* nums, int numsSize, long long "
				      "target, int* returnSize) {\n    *returnSize = 3;\n"
				      "    return calloc(3, sizeof(long long));\n}\n";
	/* a mistake on line 4, and a parameter type the harness cannot pass */
	static const char bad_cpp[] = "class Solution {\npublic:\n\tvector<long long> twoSum("
				      "vector<int>& nums, long long target) {\n\t\tint x = \"four\";\n"
				      "\t\treturn {};\n\t}\n};\n";
	static const char bad_java[] = "import java.util.*;\n\npublic class Solution {\n"
				       "    public long[] twoSum(long[] nums, long target) {\n"
				       "        int x = \"five\";\n        return null;\n    }\n}\n";
	static const char bad_sig_java[] = "public class Solution {\n    public int[] twoSum(int[] "
					   "nums, int target) {\n        return null;\n    }\n}\n";
	static const char throw_py[] = "def twoSum(nums, target):\n    return [nums[100]]\n";
	static const char throw_java[] = "public class Solution {\n    public long[] twoSum(long[] "
					 "nums, long target) {\n        return new long[] { "
					 "nums[100] };\n    }\n}\n";
	static const char throw_js[] = "function twoSum(nums, target) {\n    return nums.x.y;\n}\n";
	static const char type_py[] = "def twoSum(nums, target):\n    return [0, 'one']\n";
	static const char null_java[] = "public class Solution {\n    public long[] twoSum(long[] "
					"nums, long target) {\n        return null;\n    }\n}\n";
	static const char input[] = "{\"nums\": [2, 7, 11, 15], \"target\": 9}";
	struct signature sig = parse_ok(two_sum);
	struct strbuf why = STRBUF_INIT, e = STRBUF_INIT;
	struct prog ps[10];
	size_t i;

	prog_init(&ps[0], &sig, lang_find("python"), wrong_py, strlen(wrong_py), "wrong");
	prog_init(&ps[1], &sig, lang_find("c"), wrong_c, strlen(wrong_c), "wrong");
	prog_init(&ps[2], &sig, lang_find("cpp"), bad_cpp, strlen(bad_cpp), "bad");
	prog_init(&ps[3], &sig, lang_find("java"), bad_java, strlen(bad_java), "bad");
	prog_init(&ps[4], &sig, lang_find("python"), throw_py, strlen(throw_py), "throw");
	prog_init(&ps[5], &sig, lang_find("java"), throw_java, strlen(throw_java), "throw");
	prog_init(&ps[6], &sig, lang_find("javascript"), throw_js, strlen(throw_js), "throw");
	prog_init(&ps[7], &sig, lang_find("python"), type_py, strlen(type_py), "type");
	prog_init(&ps[8], &sig, lang_find("java"), null_java, strlen(null_java), "null");
	prog_init(&ps[9], &sig, lang_find("java"), bad_sig_java, strlen(bad_sig_java), "badsig");
	for (i = 0; i < 10; i++)
		prog_run(&ps[i], &sig, input, strlen(input));
	progs_run(ps, 10);

	/* a wrong answer is a mismatch, with the place of the difference */
	CU_ASSERT_EQUAL(run_result(&ps[0], 0, &sig, "[0, 1]", &why), 0);
	CU_ASSERT_STRING_EQUAL(why.buf, "[1]: got 0, expected 1");
	CU_ASSERT_EQUAL(run_result(&ps[1], 0, &sig, "[0, 1]", &why), 0);
	CU_ASSERT_STRING_EQUAL(why.buf, "got 3 elements, expected 2");
	CU_ASSERT_EQUAL(run_result(&ps[8], 0, &sig, "[0, 1]", &why), 0);
	CU_ASSERT_STRING_EQUAL(why.buf, "got null, expected an array");

	/* compile errors point at the candidate's own lines, never into the harness */
	CU_ASSERT_FALSE(cmd_ok(&ps[2].compile));
	compile_output(&ps[2], &e);
	if (!strstr(e.buf, "main.cpp:4:"))
		fprintf(stderr, "\n    C++ compile output:\n%s\n", e.buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.buf, "main.cpp:4:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(e.buf, "    4 |                 int x = \"four\";\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(e.buf, "main.cpp:3:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(e.buf, "driver: error:"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "solution.cpp"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "ce_h::"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "driver:1"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "In function 'int main()'"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "In function \xe2\x80\x98int main()"));

	CU_ASSERT_FALSE(cmd_ok(&ps[3].compile));
	compile_output(&ps[3], &e);
	if (!strstr(e.buf, "Solution.java:5: error: incompatible types"))
		fprintf(stderr, "\n    Java compile output:\n%s\n", e.buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.buf, "Solution.java:5: error: incompatible types"));
	CU_ASSERT_PTR_NOT_NULL(strstr(e.buf, "        int x = \"five\";\n"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "CeMain"));

	CU_ASSERT_FALSE(cmd_ok(&ps[9].compile));
	compile_output(&ps[9], &e);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.buf, "driver: error: incompatible types"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "ceWrite"));
	CU_ASSERT_PTR_NULL(strstr(e.buf, "Solution.java:1"));

	/* run-time errors: only the candidate's frames, at the candidate's lines */
	CU_ASSERT_EQUAL(run_result(&ps[4], 0, &sig, "[0, 1]", &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "\", line 2, in twoSum\n    return [nums[100]]\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "IndexError: list index out of range"));
	CU_ASSERT_PTR_NULL(strstr(why.buf, "_ce_main"));
	CU_ASSERT_PTR_NULL(strstr(why.buf, "<module>"));
	CU_ASSERT_EQUAL(run_result(&ps[5], 0, &sig, "[0, 1]", &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "\tat Solution.twoSum(Solution.java:3)\n"));
	CU_ASSERT_PTR_NULL(strstr(why.buf, "CeMain"));
	CU_ASSERT_EQUAL(run_result(&ps[6], 0, &sig, "[0, 1]", &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "main.js:2:"));
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "TypeError"));
	CU_ASSERT_PTR_NULL(strstr(why.buf, "Module._compile"));
	CU_ASSERT_PTR_NULL(strstr(why.buf, "main.js:9"));
	/* a value of the wrong type is named, with its place */
	CU_ASSERT_EQUAL(run_result(&ps[7], 0, &sig, "[0, 1]", &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why.buf, "twoSum returned 'one' (str) at [1] where an int "
					       "(64-bit) was expected"));

	for (i = 0; i < 10; i++)
		prog_free(&ps[i]);
	strbuf_release(&why);
	strbuf_release(&e);
}

static CU_TestInfo tests[] = {
	{ "parse: the text form", test_parse_text },
	{ "parse: bad text forms and reserved names", test_parse_text_refused },
	{ "parse: the JSON form, both ways", test_parse_json },
	{ "values: a test's input, with the place of an error", test_input_checked },
	{ "values: an expected value, and its canonical JSON", test_expected_checked },
	{ "wire: each type there and back", test_wire_round_trip },
	{ "wire: the input format", test_wire_input_format },
	{ "wire: a malformed result is refused", test_wire_malformed },
	{ "wire: random results never crash", test_wire_fuzz },
	{ "compare: by type, doubles with tolerance", test_matches },
	{ "code: the stubs declare the function", test_stubs },
	{ "code: the program puts the code first", test_program_layout },
	{ "code: messages speak of the candidate's code", test_fix_output },
	{ "run: every function question in every language", test_bank_questions },
	{ "run: every type through every harness", test_echo_every_type },
	{ "run: wrong answers, compile and run-time errors", test_candidates },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	/* a killed child's alarm must not be ours */
	signal(SIGALRM, SIG_DFL);
	return test_main("signature", tests, work_init, work_cleanup);
}
