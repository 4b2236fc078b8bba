/* test_router.c - unit tests of router.c: route matching, ":param" captures and url_decode */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "router.h"

/* Dummy handlers: each returns its own number so a test can tell which route matched. */
static int h_health(struct http_req *r)
{
	(void)r;
	return 1;
}

static int h_list(struct http_req *r)
{
	(void)r;
	return 2;
}

static int h_create(struct http_req *r)
{
	(void)r;
	return 3;
}

static int h_export(struct http_req *r)
{
	(void)r;
	return 4;
}

static int h_get(struct http_req *r)
{
	(void)r;
	return 5;
}

static int h_put(struct http_req *r)
{
	(void)r;
	return 6;
}

static int h_heartbeat(struct http_req *r)
{
	(void)r;
	return 7;
}

static int h_two(struct http_req *r)
{
	(void)r;
	return 8;
}

static int h_four(struct http_req *r)
{
	(void)r;
	return 9;
}

static int h_five(struct http_req *r)
{
	(void)r;
	return 10;
}

static int h_root(struct http_req *r)
{
	(void)r;
	return 11;
}

static const struct route table[] = {
	{ "GET", "/", h_root, 0 },
	{ "GET", "/api/health", h_health, 0 },
	{ "GET", "/api/questions", h_list, 0 },
	{ "POST", "/api/questions", h_create, 0 },
	/* a literal route listed before a ":param" route of the same shape wins */
	{ "GET", "/api/questions/export", h_export, 0 },
	{ "GET", "/api/questions/:id", h_get, 0 },
	{ "PUT", "/api/questions/:id", h_put, 0 },
	{ "POST", "/api/test-session/:id/heartbeat", h_heartbeat, 0 },
	{ "GET", "/api/admin/:a/items/:b", h_two, 0 },
	{ "GET", "/p4/:a/:b/:c/:d", h_four, 0 },
	/* more captures than ROUTE_MAX_PARAMS: can never match */
	{ "GET", "/p5/:a/:b/:c/:d/:e", h_five, 0 },
};

#define NROUTES (sizeof(table) / sizeof(table[0]))

static struct route_match m;

static int match(const char *method, const char *path)
{
	/* poison the result so stale data cannot pass for a fresh match */
	memset(&m, 0x5a, sizeof(m));
	return router_match(table, NROUTES, method, path, &m);
}

/* Handler number of the last match, -1 when no route. */
static int which(void)
{
	return m.route ? m.route->handler(NULL) : -1;
}

static void test_literal(void)
{
	CU_ASSERT_EQUAL(match("GET", "/api/health"), ROUTE_FOUND);
	CU_ASSERT_PTR_EQUAL(m.route, &table[1]);
	CU_ASSERT_EQUAL(which(), 1);
	CU_ASSERT_EQUAL(m.nparams, 0);

	CU_ASSERT_EQUAL(match("GET", "/api/questions"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 2);
	CU_ASSERT_EQUAL(match("POST", "/api/questions"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 3);

	CU_ASSERT_EQUAL(match("GET", "/"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 11);
}

static void test_literal_mismatch(void)
{
	/* prefixes, extensions and case differences are other paths */
	CU_ASSERT_EQUAL(match("GET", "/api/healthz"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/healt"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/API/health"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/health/x"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "api/health"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", ""), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "//api/health"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api//health"), ROUTE_NOT_FOUND);
	/* a literal segment is not percent-decoded */
	CU_ASSERT_EQUAL(match("GET", "/api/%68ealth"), ROUTE_NOT_FOUND);
	/* a failed match leaves no route and no captures behind */
	CU_ASSERT_PTR_NULL(m.route);
	CU_ASSERT_EQUAL(m.nparams, 0);
}

static void test_trailing_slash(void)
{
	/* nginx picks its location by the exact path: "/x/" must not reach the route of "/x" */
	CU_ASSERT_EQUAL(match("GET", "/api/health/"), ROUTE_NOT_FOUND);
	CU_ASSERT_PTR_NULL(m.route);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/7/"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/s1/heartbeat/"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/health//"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/7//"), ROUTE_NOT_FOUND);
	/* "/api/questions/" is neither the list nor ":id" with an empty capture */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/questions/"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(m.nparams, 0);
	/* the root is the one path that ends in a slash */
	CU_ASSERT_EQUAL(match("GET", "/"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 11);
}

static void test_not_canonical(void)
{
	static const char *const paths[] = {
		"/api/./health", "/api/health/.", "/./api/health", "/api/x/../health",
		"/api/health/..", "/api/questions/../questions", "/api/questions/.",
		"/api/questions/..", "/api/test-session/./heartbeat", "/api/test-session/../heartbeat",
		"//api/health", "/api//health", "/api/health//", "/api/test-session//s1/heartbeat",
		"api/health", "", ".", "/.", "/..",
	};
	size_t i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		CU_ASSERT_EQUAL(match("GET", paths[i]), ROUTE_NOT_FOUND);
		CU_ASSERT_EQUAL(match("POST", paths[i]), ROUTE_NOT_FOUND);
		CU_ASSERT_PTR_NULL(m.route);
	}
	/* a capture that decodes to a dot segment is one too */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%2e"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%2E%2e"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/.%2e/heartbeat"), ROUTE_NOT_FOUND);
	/* dots inside a segment are data */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/..."), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "...");
	CU_ASSERT_EQUAL(match("GET", "/api/questions/.a"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], ".a");
	CU_ASSERT_EQUAL(match("GET", "/api/questions/a.."), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "a..");
}

static void test_params(void)
{
	CU_ASSERT_EQUAL(match("GET", "/api/questions/42"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 5);
	CU_ASSERT_EQUAL(m.nparams, 1);
	CU_ASSERT_STRING_EQUAL(m.params[0], "42");

	CU_ASSERT_EQUAL(match("PUT", "/api/questions/abc-DEF_1.2~"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 6);
	CU_ASSERT_STRING_EQUAL(m.params[0], "abc-DEF_1.2~");

	CU_ASSERT_EQUAL(match("POST", "/api/test-session/0b3f/heartbeat"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 7);
	CU_ASSERT_EQUAL(m.nparams, 1);
	CU_ASSERT_STRING_EQUAL(m.params[0], "0b3f");

	CU_ASSERT_EQUAL(match("GET", "/api/admin/alice/items/99"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 8);
	CU_ASSERT_EQUAL(m.nparams, 2);
	CU_ASSERT_STRING_EQUAL(m.params[0], "alice");
	CU_ASSERT_STRING_EQUAL(m.params[1], "99");

	CU_ASSERT_EQUAL(match("GET", "/p4/a/b/c/d"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 9);
	CU_ASSERT_EQUAL(m.nparams, ROUTE_MAX_PARAMS);
	CU_ASSERT_STRING_EQUAL(m.params[0], "a");
	CU_ASSERT_STRING_EQUAL(m.params[3], "d");

	/* the literal route listed first takes its path; other values go to ":id" */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/export"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 4);
	CU_ASSERT_EQUAL(m.nparams, 0);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/exports"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 5);
	CU_ASSERT_STRING_EQUAL(m.params[0], "exports");
}

static void test_params_decoded(void)
{
	CU_ASSERT_EQUAL(match("GET", "/api/questions/a%20b"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "a b");
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%C3%A9t%c3%a9"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "\xc3\xa9t\xc3\xa9");
	/* in a path '+' is a plus, not a space */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/a+b"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "a+b");
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%2B"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "+");
	/* an encoded '%' is decoded once only */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%2541"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "%41");
	/* quote and semicolon are data */
	CU_ASSERT_EQUAL(match("GET", "/api/admin/%27%3B--/items/x"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "';--");
	CU_ASSERT_STRING_EQUAL(m.params[1], "x");
	/* a literal ".." is a dot segment, not a value */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/.."), ROUTE_NOT_FOUND);
}

static void test_params_rejected(void)
{
	/* an encoded '/' or NUL must not reach a handler */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/a%2Fb"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/a%2fb"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%2F"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/..%2F..%2Fetc"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/a%00b"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%00"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/x%2Fy/heartbeat"), ROUTE_NOT_FOUND);
	/* empty segments */
	CU_ASSERT_EQUAL(match("POST", "/api/test-session//heartbeat"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/admin//items/1"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/admin/a/items/"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/p4/a/b//d"), ROUTE_NOT_FOUND);
	CU_ASSERT_PTR_NULL(m.route);
	CU_ASSERT_EQUAL(m.nparams, 0);
}

static void test_malformed_escapes(void)
{
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%4"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/a%"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%zz"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%g1"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%1g"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/% 1"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/api/questions/%-1"), ROUTE_NOT_FOUND);
	/* an escape cut by the end of the segment does not borrow the next one */
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/%4/1heartbeat"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/a%/heartbeat"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/%41/heartbeat"), ROUTE_FOUND);
	CU_ASSERT_STRING_EQUAL(m.params[0], "A");
}

static void test_bad_method(void)
{
	/* the path exists with other methods: 405, no route */
	CU_ASSERT_EQUAL(match("DELETE", "/api/health"), ROUTE_BAD_METHOD);
	CU_ASSERT_PTR_NULL(m.route);
	CU_ASSERT_EQUAL(m.nparams, 0);
	CU_ASSERT_EQUAL(match("DELETE", "/api/questions"), ROUTE_BAD_METHOD);
	CU_ASSERT_EQUAL(match("POST", "/api/questions/5"), ROUTE_BAD_METHOD);
	CU_ASSERT_PTR_NULL(m.route);
	CU_ASSERT_EQUAL(m.nparams, 0);
	CU_ASSERT_EQUAL(match("GET", "/api/test-session/1/heartbeat"), ROUTE_BAD_METHOD);
	CU_ASSERT_EQUAL(match("GET", "/api/test-session/1/heartbeat/"), ROUTE_NOT_FOUND);
	/* methods are case sensitive */
	CU_ASSERT_EQUAL(match("get", "/api/health"), ROUTE_BAD_METHOD);
	CU_ASSERT_EQUAL(match("", "/api/health"), ROUTE_BAD_METHOD);
	/* an unknown path is 404 whatever the method */
	CU_ASSERT_EQUAL(match("DELETE", "/nowhere"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/nowhere"), ROUTE_NOT_FOUND);
	/* a path only a bad capture could match is 404, not 405 */
	CU_ASSERT_EQUAL(match("DELETE", "/api/questions/a%2Fb"), ROUTE_NOT_FOUND);
	/* a later route with the right method still wins over an earlier wrong-method one */
	CU_ASSERT_EQUAL(match("PUT", "/api/questions/5"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 6);
	CU_ASSERT_STRING_EQUAL(m.params[0], "5");
	CU_ASSERT_EQUAL(match("POST", "/api/questions"), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 3);
}

static void test_param_length(void)
{
	char path[64 + 3 * ROUTE_PARAM_MAX + 8];
	char want[ROUTE_PARAM_MAX + 1];
	size_t i;

	/* ROUTE_PARAM_MAX - 1 bytes fit (one is kept for the NUL) */
	memset(want, 'x', ROUTE_PARAM_MAX - 1);
	want[ROUTE_PARAM_MAX - 1] = '\0';
	snprintf(path, sizeof(path), "/api/questions/%s", want);
	CU_ASSERT_EQUAL(match("GET", path), ROUTE_FOUND);
	CU_ASSERT_EQUAL(which(), 5);
	CU_ASSERT_STRING_EQUAL(m.params[0], want);
	CU_ASSERT_EQUAL(strlen(m.params[0]), ROUTE_PARAM_MAX - 1);

	/* one more is refused, as 404 and not truncated */
	want[ROUTE_PARAM_MAX - 1] = 'x';
	want[ROUTE_PARAM_MAX] = '\0';
	snprintf(path, sizeof(path), "/api/questions/%s", want);
	CU_ASSERT_EQUAL(match("GET", path), ROUTE_NOT_FOUND);
	CU_ASSERT_PTR_NULL(m.route);
	snprintf(path, sizeof(path), "/api/test-session/%s/heartbeat", want);
	CU_ASSERT_EQUAL(match("POST", path), ROUTE_NOT_FOUND);

	/* the limit is on the decoded value: 127 "%41" escapes fit, 128 do not */
	strcpy(path, "/api/questions/");
	for (i = 0; i < ROUTE_PARAM_MAX - 1; i++)
		strcat(path, "%41");
	CU_ASSERT_EQUAL(match("GET", path), ROUTE_FOUND);
	CU_ASSERT_EQUAL(strlen(m.params[0]), ROUTE_PARAM_MAX - 1);
	CU_ASSERT_EQUAL(m.params[0][0], 'A');
	strcat(path, "%41");
	CU_ASSERT_EQUAL(match("GET", path), ROUTE_NOT_FOUND);
}

static void test_segment_count(void)
{
	/* more or fewer segments than the pattern */
	CU_ASSERT_EQUAL(match("GET", "/api/questions/1/2"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/1"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("POST", "/api/test-session/1/heartbeat/x"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/p4/a/b/c"), ROUTE_NOT_FOUND);
	CU_ASSERT_EQUAL(match("GET", "/p4/a/b/c/d/e"), ROUTE_NOT_FOUND);
	/* a pattern with more captures than ROUTE_MAX_PARAMS never matches (no overflow) */
	CU_ASSERT_EQUAL(match("GET", "/p5/a/b/c/d/e"), ROUTE_NOT_FOUND);
	CU_ASSERT_PTR_NULL(m.route);
	CU_ASSERT_EQUAL(m.nparams, 0);
	/* a long path of many segments */
	{
		char path[4096];
		size_t i;

		strcpy(path, "/api/questions");
		for (i = 0; i < 500; i++)
			strcat(path, "/x");
		CU_ASSERT_EQUAL(match("GET", path), ROUTE_NOT_FOUND);
	}
}

static void test_empty_table(void)
{
	CU_ASSERT_EQUAL(router_match(table, 0, "GET", "/api/health", &m), ROUTE_NOT_FOUND);
	CU_ASSERT_PTR_NULL(m.route);
}

static int dec(const char *in, int plus, char *out, size_t outlen)
{
	memset(out, 0x5a, outlen);
	return url_decode(in, strlen(in), out, outlen, plus);
}

static void test_url_decode(void)
{
	char out[64];

	CU_ASSERT_EQUAL(dec("", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "");
	CU_ASSERT_EQUAL(dec("plain", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "plain");
	CU_ASSERT_EQUAL(dec("%41%62%7e", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "Ab~");
	CU_ASSERT_EQUAL(dec("%4a%4A%4b", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "JJK");
	CU_ASSERT_EQUAL(dec("%ff%FE", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "\xff\xfe");
	/* url_decode itself allows '/', the router refuses it */
	CU_ASSERT_EQUAL(dec("a%2Fb", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "a/b");
	CU_ASSERT_EQUAL(dec("100%25", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "100%");
}

static void test_url_decode_plus(void)
{
	char out[64];

	CU_ASSERT_EQUAL(dec("a+b++c", 1, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "a b  c");
	CU_ASSERT_EQUAL(dec("a+b++c", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "a+b++c");
	/* an encoded plus is a plus either way */
	CU_ASSERT_EQUAL(dec("%2B+%2b", 1, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "+ +");
	CU_ASSERT_EQUAL(dec("%2B+%2b", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "+++");
	CU_ASSERT_EQUAL(dec("%20", 1, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, " ");
}

static void test_url_decode_malformed(void)
{
	char out[64];

	CU_ASSERT_EQUAL(dec("%", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("%4", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("ab%", 1, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("ab%4", 1, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("%G0", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("%0G", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("%%41", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("%+1", 1, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("%\xc3\xa9", 0, out, sizeof(out)), -1);
	/* a decoded NUL is refused */
	CU_ASSERT_EQUAL(dec("%00", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("abc%00def", 1, out, sizeof(out)), -1);
}

static void test_url_decode_len(void)
{
	char out[8];

	/* only len bytes are read */
	memset(out, 0x5a, sizeof(out));
	CU_ASSERT_EQUAL(url_decode("abcdef", 3, out, sizeof(out), 0), 0);
	CU_ASSERT_STRING_EQUAL(out, "abc");
	memset(out, 0x5a, sizeof(out));
	CU_ASSERT_EQUAL(url_decode("a+b", 2, out, sizeof(out), 1), 0);
	CU_ASSERT_STRING_EQUAL(out, "a ");
	/* an escape cut by len is malformed even when the bytes after it would complete it */
	CU_ASSERT_EQUAL(url_decode("x%41", 3, out, sizeof(out), 0), -1);
	CU_ASSERT_EQUAL(url_decode("x%41", 2, out, sizeof(out), 0), -1);
	CU_ASSERT_EQUAL(url_decode("x%41", 4, out, sizeof(out), 0), 0);
	CU_ASSERT_STRING_EQUAL(out, "xA");
	/* an embedded NUL byte inside len is refused */
	CU_ASSERT_EQUAL(url_decode("a\0b", 3, out, sizeof(out), 0), -1);
}

static void test_url_decode_overflow(void)
{
	char out[5];

	/* outlen - 1 bytes fit, one more does not */
	CU_ASSERT_EQUAL(dec("abcd", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "abcd");
	CU_ASSERT_EQUAL(dec("abcde", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("%41%42%43%44", 0, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "ABCD");
	CU_ASSERT_EQUAL(dec("%41%42%43%44%45", 0, out, sizeof(out)), -1);
	CU_ASSERT_EQUAL(dec("++++", 1, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(out, "    ");
	CU_ASSERT_EQUAL(dec("+++++", 1, out, sizeof(out)), -1);
	/* a one-byte buffer holds only the empty string */
	CU_ASSERT_EQUAL(dec("", 0, out, 1), 0);
	CU_ASSERT_EQUAL(out[0], '\0');
	CU_ASSERT_EQUAL(dec("a", 0, out, 1), -1);
	/* nothing is written past outlen */
	memset(out, 0x5a, sizeof(out));
	CU_ASSERT_EQUAL(url_decode("abcdefgh", 8, out, 3, 0), -1);
	CU_ASSERT_EQUAL(out[3], 0x5a);
	CU_ASSERT_EQUAL(out[4], 0x5a);
}

static CU_TestInfo tests[] = {
	{ "literal routes", test_literal },
	{ "literal mismatches are 404", test_literal_mismatch },
	{ "a trailing slash is refused", test_trailing_slash },
	{ "doubled slashes and dot segments are refused", test_not_canonical },
	{ ":param captures", test_params },
	{ ":param captures are URL-decoded", test_params_decoded },
	{ "encoded '/' or NUL and empty segments are refused", test_params_rejected },
	{ "malformed % escapes in a capture", test_malformed_escapes },
	{ "405 when the path exists with another method", test_bad_method },
	{ "capture length limit ROUTE_PARAM_MAX", test_param_length },
	{ "too many or too few segments", test_segment_count },
	{ "empty table", test_empty_table },
	{ "url_decode", test_url_decode },
	{ "url_decode '+' with and without plus", test_url_decode_plus },
	{ "url_decode malformed escapes", test_url_decode_malformed },
	{ "url_decode reads only len bytes", test_url_decode_len },
	{ "url_decode output overflow", test_url_decode_overflow },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("router", tests)
