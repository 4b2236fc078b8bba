/*
 * test_http.c - unit tests of http.c: the recorded error and its response,
 * query parameters, the bearer token, request bodies
 *
 * No web server: each test builds an FCGX_Request by hand, with an
 * in-memory reader stream over the body and a writer stream that collects
 * what was sent into a strbuf.
 */
#define _GNU_SOURCE
#include <fcgiapp.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fcgi_fake.h"
#include "harness.h"
#include "http.h"
#include "strbuf.h"

/* The reader hands the body out IN_CHUNK bytes at a time, as FastCGI records come. */
#define IN_CHUNK 4096

/* The one fake request of a test (tests/fcgi_fake.h). */
static struct fcgi_fake t;

/* A request with the parameters env ("NAME=value", NULL-terminated) and the body. */
static struct http_req *start(const char *const *env, const char *body, size_t len)
{
	return fcgi_fake_start(&t, env, body, len, IN_CHUNK);
}

static void finish(void)
{
	fcgi_fake_finish(&t);
}

/* Everything written so far. */
static const char *sent(void)
{
	return fcgi_fake_sent(&t);
}

/* Bytes of the body the request has taken from the reader. */
static size_t consumed(void)
{
	return fcgi_fake_consumed(&t);
}

/* How many times needle occurs in hay. */
static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)); hay += strlen(needle))
		n++;
	return n;
}

/*
 * The one response sent: check its head (status line, JSON content type,
 * Content-Length against the body) and return the body parsed (caller puts it).
 */
static struct json_object *response(int status)
{
	const char *all = sent(), *body = strstr(all, "\r\n\r\n");
	char line[64];
	const char *cl;
	struct json_object *o;

	snprintf(line, sizeof(line), "Status: %d ", status);
	CU_ASSERT_EQUAL(strncmp(all, line, strlen(line)), 0);
	CU_ASSERT_EQUAL(count(all, "Status: "), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(all, "\r\nContent-Type: application/json; charset=utf-8\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(all, "\r\nCache-Control: no-store\r\n"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(body);
	body += 4;
	cl = strstr(all, "\r\nContent-Length: ");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cl);
	CU_ASSERT_EQUAL(strtoul(cl + 18, NULL, 10), strlen(body));
	CU_ASSERT_TRUE(*body && body[strlen(body) - 1] == '\n');
	o = json_tokener_parse(body);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	return o;
}

static const char *str_at(struct json_object *o, const char *a, const char *b)
{
	struct json_object *v = o;

	if (!json_object_object_get_ex(v, a, &v) || (b && !json_object_object_get_ex(v, b, &v)))
		return "(absent)";
	return json_object_get_string(v);
}

/* The error envelope sent: {"success":false,"error":{"code":code,"message":msg}}, nothing else. */
static void assert_error_sent(int status, const char *code, const char *msg)
{
	struct json_object *o = response(status), *s;

	CU_ASSERT_TRUE(json_object_object_get_ex(o, "success", &s) &&
		       json_object_is_type(s, json_type_boolean) && !json_object_get_boolean(s));
	CU_ASSERT_EQUAL(json_object_object_length(o), 2);
	CU_ASSERT_STRING_EQUAL(str_at(o, "error", "code"), code);
	if (msg)
		CU_ASSERT_STRING_EQUAL(str_at(o, "error", "message"), msg);
	json_object_put(o);
}

/* The error recorded in r: status, code and nothing sent, not a byte. */
#define ASSERT_RECORDED(r, st, cd)                                                               \
	do {                                                                                     \
		ASSERT_API_ERROR(r, st, cd);                                                      \
		CU_ASSERT_STRING_EQUAL(sent(), "");                                               \
	} while (0)

/* ---- the request's parameters ---- */

static void test_req_init(void)
{
	const char *env[] = { "REQUEST_METHOD=PUT", "REQUEST_URI=/api/x/y?a=1&b=2",
			      "QUERY_STRING=a=1&b=2", "CONTENT_TYPE=application/json",
			      "HTTP_AUTHORIZATION=Bearer tok", "REMOTE_ADDR=10.0.0.7",
			      "HTTP_HOST=example.org", "REQUEST_SCHEME=https", NULL };
	struct http_req *r = start(env, "", 0);

	CU_ASSERT_PTR_EQUAL(r->fx, &t.fx);
	CU_ASSERT_STRING_EQUAL(r->method, "PUT");
	CU_ASSERT_STRING_EQUAL(r->path, "/api/x/y");
	CU_ASSERT_STRING_EQUAL(r->query, "a=1&b=2");
	CU_ASSERT_STRING_EQUAL(r->content_type, "application/json");
	CU_ASSERT_STRING_EQUAL(r->auth, "Bearer tok");
	CU_ASSERT_STRING_EQUAL(r->remote_addr, "10.0.0.7");
	CU_ASSERT_STRING_EQUAL(r->host, "example.org");
	CU_ASSERT_STRING_EQUAL(r->scheme, "https");
	CU_ASSERT_EQUAL(r->err.status, 0);
	CU_ASSERT_EQUAL(r->status, 0);
	CU_ASSERT_FALSE(r->sent);
	CU_ASSERT_EQUAL(r->body.len, 0);
	finish();

	/* nothing given: the defaults */
	r = start(NULL, "", 0);
	CU_ASSERT_STRING_EQUAL(r->method, "GET");
	CU_ASSERT_STRING_EQUAL(r->path, "/");
	CU_ASSERT_STRING_EQUAL(r->query, "");
	CU_ASSERT_PTR_NULL(r->auth);
	CU_ASSERT_STRING_EQUAL(r->content_type, "");
	CU_ASSERT_STRING_EQUAL(r->host, "127.0.0.1");
	CU_ASSERT_STRING_EQUAL(r->scheme, "http");
	finish();
}

static void test_req_init_long_path(void)
{
	static char uri[2048 + 32];
	const char *env[] = { uri, NULL };
	struct http_req *r;
	size_t n = strlen("REQUEST_URI="), room = sizeof(r->path) - 1;

	/* the longest path that fits is kept whole */
	memcpy(uri, "REQUEST_URI=/", n + 1);
	memset(uri + n + 1, 'a', room - 1);
	strcpy(uri + n + room, "?q=1");
	r = start(env, "", 0);
	CU_ASSERT_EQUAL(strlen(r->path), room);
	CU_ASSERT_EQUAL(r->path[0], '/');
	CU_ASSERT_EQUAL(r->path[room - 1], 'a');
	finish();

	/* one byte more is no path at all: never a cut one that could name another route */
	memset(uri + n + 1, 'a', room);
	uri[n + room + 1] = '\0';
	r = start(env, "", 0);
	CU_ASSERT_STRING_EQUAL(r->path, "");
	finish();
}

/* ---- the recorded error ---- */

static void test_fail_records(void)
{
	struct http_req *r = start(NULL, "", 0);

	CU_ASSERT_EQUAL(http_fail(r, 409, "conflict", "item %d of %s", 3, "list"), 409);
	ASSERT_RECORDED(r, 409, "conflict");
	CU_ASSERT_STRING_EQUAL(r->err.msg, "item 3 of list");
	finish();
}

static void test_fail_first_stands(void)
{
	struct http_req *r = start(NULL, "", 0);

	http_fail(r, 404, "not_found", "first");
	http_fail(r, 503, "database_unavailable", "second");
	ASSERT_RECORDED(r, 404, "not_found");
	CU_ASSERT_STRING_EQUAL(r->err.msg, "first");
	/* and it is the first that goes out */
	http_send_error(r);
	assert_error_sent(404, "not_found", "first");
	finish();
}

static void test_fail_truncates(void)
{
	char longcode[200], longmsg[2000];
	struct http_req *r = start(NULL, "", 0);

	memset(longcode, 'c', sizeof(longcode) - 1);
	longcode[sizeof(longcode) - 1] = '\0';
	memset(longmsg, 'm', sizeof(longmsg) - 1);
	longmsg[sizeof(longmsg) - 1] = '\0';
	http_fail(r, 400, longcode, "%s", longmsg);
	CU_ASSERT_EQUAL(r->err.status, 400);
	CU_ASSERT_EQUAL(strlen(r->err.code), sizeof(r->err.code) - 1);
	CU_ASSERT_EQUAL(strlen(r->err.msg), sizeof(r->err.msg) - 1);
	CU_ASSERT_EQUAL(strncmp(r->err.code, longcode, sizeof(r->err.code) - 1), 0);
	finish();
}

static void test_send_error(void)
{
	struct http_req *r = start(NULL, "", 0);

	http_fail(r, 415, "unsupported_media_type", "send \"JSON\" <please>");
	http_send_error(r);
	CU_ASSERT_TRUE(r->sent);
	CU_ASSERT_EQUAL(r->status, 415);
	CU_ASSERT_EQUAL(strncmp(sent(), "Status: 415 Unsupported Media Type\r\n", 36), 0);
	assert_error_sent(415, "unsupported_media_type", "send \"JSON\" <please>");
	finish();

	r = start(NULL, "", 0);
	http_fail(r, 413, "payload_too_large", "big");
	http_send_error(r);
	CU_ASSERT_EQUAL(strncmp(sent(), "Status: 413 Payload Too Large\r\n", 31), 0);
	CU_ASSERT_PTR_NULL(strstr(sent(), "Retry-After"));
	finish();

	/* an error that will pass says when to come back */
	r = start(NULL, "", 0);
	http_fail(r, 429, "execution_in_progress", "wait");
	r->err.retry_after = 2;
	http_send_error(r);
	CU_ASSERT_EQUAL(strncmp(sent(), "Status: 429 Too Many Requests\r\n", 31), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(sent(), "\r\nRetry-After: 2\r\n"));
	assert_error_sent(429, "execution_in_progress", "wait");
	finish();
}

static void test_send_error_none_recorded(void)
{
	struct http_req *r = start(NULL, "", 0);

	http_send_error(r);
	CU_ASSERT_TRUE(r->sent);
	CU_ASSERT_EQUAL(r->status, 503);
	CU_ASSERT_EQUAL(strncmp(sent(), "Status: 503 Service Unavailable\r\n", 33), 0);
	assert_error_sent(503, "unavailable", NULL);
	finish();
}

static void test_sent_once(void)
{
	struct http_req *r = start(NULL, "", 0);
	size_t len;

	/* an error sent twice goes out once */
	http_fail(r, 404, "not_found", "gone");
	http_send_error(r);
	len = strlen(sent());
	CU_ASSERT_TRUE(len > 0);
	http_send_error(r);
	CU_ASSERT_EQUAL(strlen(sent()), len);
	finish();

	/* after a response, nothing else goes out: not JSON, not an error, not a body */
	r = start(NULL, "", 0);
	CU_ASSERT_EQUAL(http_json(r, 201, http_ok()), 201);
	CU_ASSERT_TRUE(r->sent);
	len = strlen(sent());
	CU_ASSERT_EQUAL(http_json(r, 200, http_ok()), 201);
	CU_ASSERT_EQUAL(http_send(r, 200, "text/plain", NULL, "extra", 5), 201);
	http_send_error(r);
	CU_ASSERT_EQUAL(strlen(sent()), len);
	CU_ASSERT_EQUAL(count(sent(), "Status: "), 1);
	CU_ASSERT_PTR_NULL(strstr(sent(), "extra"));
	{
		struct json_object *o = response(201);

		CU_ASSERT_STRING_EQUAL(str_at(o, "success", NULL), "true");
		json_object_put(o);
	}
	finish();
}

static void test_send_plain(void)
{
	static const char want[] = "Status: 200 OK\r\nContent-Type: text/csv\r\n"
				   "Content-Disposition: attachment\r\n"
				   "Cache-Control: no-store\r\nContent-Length: 6\r\n\r\na,b\0c\n";
	struct http_req *r = start(NULL, "", 0);

	CU_ASSERT_EQUAL(http_send(r, 200, "text/csv", "Content-Disposition: attachment\r\n", "a,b\0c\n",
				  6), 200);
	CU_ASSERT_TRUE(r->sent);
	CU_ASSERT_EQUAL(t.sent.len + (size_t)(t.out.wrNext - t.obuf), sizeof(want) - 1);
	sent();
	CU_ASSERT_EQUAL(memcmp(t.sent.buf, want, sizeof(want) - 1), 0);
	finish();
}

/* ---- query string and bearer token ---- */

static const char *query(const char *qs, const char *name, char *out, size_t outlen)
{
	char param[256];
	const char *env[] = { param, NULL };
	const char *v;

	snprintf(param, sizeof(param), "QUERY_STRING=%s", qs);
	start(env, "", 0);
	v = http_query(&t.r, name, out, outlen);
	finish();
	return v;
}

#define ASSERT_QUERY(qs, name, want)                                                             \
	do {                                                                                     \
		char out_[64];                                                                   \
		const char *v_ = query(qs, name, out_, sizeof(out_));                            \
		const char *w_ = (want);                                                         \
		if (!w_ != !v_ || (v_ && strcmp(v_, w_)))                                        \
			fprintf(stderr, "\n    %s [%s]: got [%s], want [%s]\n", qs, name,          \
				v_ ? v_ : "NULL", w_ ? w_ : "NULL");                                \
		if (w_) {                                                                        \
			CU_ASSERT_PTR_EQUAL(v_, out_);                                           \
			CU_ASSERT_STRING_EQUAL(v_ ? v_ : "NULL", w_);                            \
		} else {                                                                         \
			CU_ASSERT_PTR_NULL(v_);                                                  \
		}                                                                                \
	} while (0)

static void test_query(void)
{
	ASSERT_QUERY("token=abc", "token", "abc");
	ASSERT_QUERY("a=1&token=abc&b=2", "token", "abc");
	ASSERT_QUERY("a=1&b=2", "b", "2");
	/* URL-decoding: %XX in either case, '+' is a space */
	ASSERT_QUERY("q=a%20b+c%2bd%2Fe", "q", "a b c+d/e");
	ASSERT_QUERY("q=%C3%A9", "q", "\xc3\xa9");
	ASSERT_QUERY("q=", "q", "");
	/* absent */
	ASSERT_QUERY("", "token", NULL);
	ASSERT_QUERY("a=1&b=2", "token", NULL);
	ASSERT_QUERY("token", "token", NULL);
	ASSERT_QUERY("token&x=1", "token", NULL);
	/* a name that is a prefix of another, or has another as its prefix */
	ASSERT_QUERY("tokenx=1", "token", NULL);
	ASSERT_QUERY("tokenx=1&token=2", "token", "2");
	ASSERT_QUERY("tok=1&token=2", "tok", "1");
	ASSERT_QUERY("token=2", "tok", NULL);
	ASSERT_QUERY("xtoken=1", "token", NULL);
	/* the name is not found inside a value */
	ASSERT_QUERY("a=token=1", "token", NULL);
	/* malformed escapes: the value is refused, not passed on half-decoded */
	ASSERT_QUERY("q=%zz", "q", NULL);
	ASSERT_QUERY("q=%4", "q", NULL);
	ASSERT_QUERY("q=abc%", "q", NULL);
	ASSERT_QUERY("q=%4g&x=1", "q", NULL);
	/* a NUL byte would cut the value short */
	ASSERT_QUERY("q=a%00b", "q", NULL);
}

static void test_query_bounds(void)
{
	char out[4];

	/* a value that does not fit out is refused, and out is not overrun */
	memset(out, 'Z', sizeof(out));
	CU_ASSERT_PTR_EQUAL(query("q=abc", "q", out, sizeof(out)), out);
	CU_ASSERT_STRING_EQUAL(out, "abc");
	CU_ASSERT_PTR_NULL(query("q=abcd&r=1", "q", out, sizeof(out)));
	CU_ASSERT_PTR_NULL(query("q=%41%41%41%41", "q", out, sizeof(out)));
	CU_ASSERT_PTR_EQUAL(query("q=%41%41%41", "q", out, sizeof(out)), out);
	CU_ASSERT_STRING_EQUAL(out, "AAA");
}

static const char *bearer(const char *auth)
{
	static char got[128];
	char param[128];
	const char *env[] = { param, NULL }, *b;

	snprintf(param, sizeof(param), "HTTP_AUTHORIZATION=%s", auth ? auth : "");
	start(auth ? env : NULL, "", 0);
	b = http_bearer(&t.r);
	snprintf(got, sizeof(got), "%s", b ? b : "");
	finish();
	return b ? got : NULL;
}

static void test_bearer(void)
{
	const char *b;

	b = bearer("Bearer abc123");
	CU_ASSERT_STRING_EQUAL(b ? b : "NULL", "abc123");
	/* the scheme's name is case-insensitive (RFC 7235) */
	b = bearer("bearer abc123");
	CU_ASSERT_STRING_EQUAL(b ? b : "NULL", "abc123");
	b = bearer("BEARER x");
	CU_ASSERT_STRING_EQUAL(b ? b : "NULL", "x");
	CU_ASSERT_PTR_NULL(bearer(NULL));
	CU_ASSERT_PTR_NULL(bearer(""));
	CU_ASSERT_PTR_NULL(bearer("Basic dXNlcjpwYXNz"));
	CU_ASSERT_PTR_NULL(bearer("Bearer"));
	CU_ASSERT_PTR_NULL(bearer("Bearer "));
	CU_ASSERT_PTR_NULL(bearer("Bearerabc"));
	CU_ASSERT_PTR_NULL(bearer("Token Bearer abc"));
}

/* ---- request bodies ---- */

/* A request with the body and Content-Length cl (NULL: none), of content type ct (NULL: none). */
static struct http_req *post(const char *ct, const char *cl, const char *body, size_t len)
{
	static char pct[128], pcl[64];
	const char *env[4] = { "REQUEST_METHOD=POST", NULL, NULL, NULL };
	size_t n = 1;

	if (ct) {
		snprintf(pct, sizeof(pct), "CONTENT_TYPE=%s", ct);
		env[n++] = pct;
	}
	if (cl) {
		snprintf(pcl, sizeof(pcl), "CONTENT_LENGTH=%s", cl);
		env[n++] = pcl;
	}
	return start(env, body, len);
}

static void test_read_body(void)
{
	struct http_req *r = post(NULL, "5", "hello", 5);

	CU_ASSERT_EQUAL(http_read_body(r, 100), 0);
	CU_ASSERT_EQUAL(r->body.len, 5);
	CU_ASSERT_STRING_EQUAL(r->body.buf, "hello");
	CU_ASSERT_EQUAL(r->err.status, 0);
	CU_ASSERT_STRING_EQUAL(sent(), "");
	finish();

	/* exactly the limit */
	r = post(NULL, "5", "hello", 5);
	CU_ASSERT_EQUAL(http_read_body(r, 5), 0);
	CU_ASSERT_EQUAL(r->body.len, 5);
	finish();

	/* bytes past Content-Length are not the body */
	r = post(NULL, "3", "abcdef", 6);
	CU_ASSERT_EQUAL(http_read_body(r, 100), 0);
	CU_ASSERT_STRING_EQUAL(r->body.buf, "abc");
	CU_ASSERT_EQUAL(consumed(), 3);
	finish();

	/* NUL bytes are body bytes; the buffer stays NUL-terminated after them */
	r = post(NULL, "4", "a\0b\0", 4);
	CU_ASSERT_EQUAL(http_read_body(r, 100), 0);
	CU_ASSERT_EQUAL(r->body.len, 4);
	CU_ASSERT_EQUAL(memcmp(r->body.buf, "a\0b\0", 5), 0);
	finish();

	/* no Content-Length, or an empty one: no body */
	r = post(NULL, NULL, "ignored", 7);
	CU_ASSERT_EQUAL(http_read_body(r, 100), 0);
	CU_ASSERT_EQUAL(r->body.len, 0);
	CU_ASSERT_STRING_EQUAL(r->body.buf, "");
	finish();
	r = post(NULL, "", "", 0);
	CU_ASSERT_EQUAL(http_read_body(r, 100), 0);
	CU_ASSERT_EQUAL(r->body.len, 0);
	finish();
}

static void test_read_body_large(void)
{
	/* a body of many chunks, read whole */
	size_t n = 300000, i;
	char *big = malloc(n), cl[32];
	struct http_req *r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	for (i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	snprintf(cl, sizeof(cl), "%zu", n);
	r = post(NULL, cl, big, n);
	CU_ASSERT_EQUAL(http_read_body(r, HTTP_MAX_CANDIDATE_BODY * 8), 0);
	CU_ASSERT_EQUAL(r->body.len, n);
	CU_ASSERT_EQUAL(memcmp(r->body.buf, big, n), 0);
	CU_ASSERT_EQUAL(r->body.buf[n], '\0');
	finish();
	free(big);
}

static void test_read_body_too_large(void)
{
	struct http_req *r = post(NULL, "6", "hello!", 6);

	CU_ASSERT_EQUAL(http_read_body(r, 5), -1);
	ASSERT_RECORDED(r, 413, "payload_too_large");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->err.msg, "5 bytes"));
	/* decided from Content-Length alone: not a byte was read */
	CU_ASSERT_EQUAL(consumed(), 0);
	CU_ASSERT_EQUAL(t.fills, 0);
	CU_ASSERT_EQUAL(r->body.len, 0);
	finish();

	/* a Content-Length past any memory: 413 too, nothing allocated or read */
	r = post(NULL, "18446744073709551615", "x", 1);
	CU_ASSERT_EQUAL(http_read_body(r, HTTP_MAX_BODY), -1);
	ASSERT_RECORDED(r, 413, "payload_too_large");
	CU_ASSERT_EQUAL(consumed(), 0);
	finish();
	r = post(NULL, "99999999999999999999999999", "x", 1);
	CU_ASSERT_EQUAL(http_read_body(r, HTTP_MAX_BODY), -1);
	ASSERT_RECORDED(r, 413, "payload_too_large");
	finish();
}

static void test_read_body_bad_length(void)
{
	static const char *const bad[] = { "abc", "-1", "-0", "12x", "5 ", "0x10", "1e3", "+5", " 5", NULL };
	size_t i;

	for (i = 0; bad[i]; i++) {
		struct http_req *r = post(NULL, bad[i], "hello", 5);

		CU_ASSERT_EQUAL(http_read_body(r, 100), -1);
		if (r->err.status != 400)
			fprintf(stderr, "\n    Content-Length [%s]: %d\n", bad[i], r->err.status);
		ASSERT_RECORDED(r, 400, "invalid_request");
		CU_ASSERT_EQUAL(consumed(), 0);
		finish();
	}
}

static void test_read_body_short(void)
{
	struct http_req *r = post(NULL, "10", "hello", 5);

	CU_ASSERT_EQUAL(http_read_body(r, 100), -1);
	ASSERT_RECORDED(r, 400, "invalid_request");
	CU_ASSERT_PTR_NOT_NULL(strstr(r->err.msg, "ended early"));
	/* it read what there was and then saw the end */
	CU_ASSERT_EQUAL(consumed(), 5);
	CU_ASSERT_TRUE(t.fills > 0);
	finish();

	r = post(NULL, "1", "", 0);
	CU_ASSERT_EQUAL(http_read_body(r, 100), -1);
	ASSERT_RECORDED(r, 400, "invalid_request");
	finish();
}

/* http_json_body over body with content type ct; the object, or NULL (error recorded). */
static struct json_object *json_body(const char *ct, const char *body, size_t max)
{
	char cl[32];

	snprintf(cl, sizeof(cl), "%zu", strlen(body));
	return http_json_body(post(ct, cl, body, strlen(body)), max);
}

static void test_json_body(void)
{
	static const char *const types[] = { NULL, "application/json",
					     "application/json; charset=utf-8",
					     "Application/JSON", "text/plain;charset=UTF-8", NULL };
	struct json_object *o;
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]) - 1; i++) {
		o = json_body(types[i], "{\"a\":1,\"b\":\"x\"}", 100);
		if (!o)
			fprintf(stderr, "\n    content type %s: %d %s\n", types[i] ? types[i] : "(none)",
				t.r.err.status, t.r.err.code);
		CU_ASSERT_PTR_NOT_NULL(o);
		CU_ASSERT_TRUE(json_object_is_type(o, json_type_object));
		CU_ASSERT_STRING_EQUAL(str_at(o, "b", NULL), "x");
		CU_ASSERT_EQUAL(t.r.err.status, 0);
		CU_ASSERT_STRING_EQUAL(sent(), "");
		json_object_put(o);
		finish();
	}
	/* surrounding whitespace is fine */
	o = json_body("application/json", " \n{\"a\":[1,2]}\r\n ", 100);
	CU_ASSERT_PTR_NOT_NULL(o);
	json_object_put(o);
	finish();
}

static void test_json_body_empty(void)
{
	struct json_object *o = json_body("application/json", "", 100);

	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_TRUE(json_object_is_type(o, json_type_object));
	CU_ASSERT_EQUAL(json_object_object_length(o), 0);
	CU_ASSERT_EQUAL(t.r.err.status, 0);
	json_object_put(o);
	finish();

	/* no Content-Length at all is an empty body too */
	o = http_json_body(post("application/json", NULL, "", 0), 100);
	CU_ASSERT_PTR_NOT_NULL(o);
	CU_ASSERT_EQUAL(json_object_object_length(o), 0);
	json_object_put(o);
	finish();
}

static void test_json_body_media_type(void)
{
	static const char *const bad[] = { "application/xml", "text/html",
					   "application/x-www-form-urlencoded",
					   "multipart/form-data; boundary=x", "json", "application/jsonp",
					   "application/json-seq", "text/plainx", NULL };
	size_t i;

	for (i = 0; bad[i]; i++) {
		CU_ASSERT_PTR_NULL(json_body(bad[i], "{}", 100));
		ASSERT_RECORDED(&t.r, 415, "unsupported_media_type");
		/* refused before reading */
		CU_ASSERT_EQUAL(consumed(), 0);
		finish();
	}
}

static void test_json_body_invalid(void)
{
	static const char *const bad[] = { "{", "{\"a\":}", "{a:1}", "{} {}", "{}x", "nul",
					   "{\"a\":\"\xff\"}", "{\"a\":0x10}", "{\"a\":+1}", NULL };
	size_t i;

	for (i = 0; bad[i]; i++) {
		CU_ASSERT_PTR_NULL(json_body("application/json", bad[i], 100));
		if (t.r.err.status != 400)
			fprintf(stderr, "\n    body [%s]\n", bad[i]);
		ASSERT_RECORDED(&t.r, 400, "invalid_json");
		CU_ASSERT_STRING_NOT_EQUAL(t.r.err.msg, "");
		finish();
	}
	/* nested past the reader's depth: not JSON it takes */
	CU_ASSERT_PTR_NULL(json_body("application/json",
				     "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]}", 1000));
	ASSERT_RECORDED(&t.r, 400, "invalid_json");
	finish();
}

/* Each body is refused as not JSON (400 invalid_json); a body taken is printed. */
static void assert_not_json(const char *const *bad)
{
	size_t i;

	for (i = 0; bad[i]; i++) {
		struct json_object *o = json_body("application/json", bad[i], 100);

		if (o)
			fprintf(stderr, "\n    not JSON, taken: %s -> %s\n", bad[i],
				json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
		CU_ASSERT_TRUE(!o && t.r.err.status == 400 && !strcmp(t.r.err.code, "invalid_json"));
		json_object_put(o);
		finish();
	}
}

/*
 * Numbers and literals outside RFC 8259 that json-c takes: they keep their
 * text in the parsed object, so a handler that stores such a value as jsonb
 * (PUT /api/test-session/:id/progress, pending_answers) hands PostgreSQL
 * "NaN" or "1.", which it refuses: a 503 database_unavailable for bad input.
 */
static void test_json_body_bad_numbers(void)
{
	static const char *const bad[] = { "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":[nan]}",
					   "{\"a\":1.}", "{\"a\":-.5}", "{\"a\":1.e5}", NULL };

	assert_not_json(bad);
}

/* Other spellings outside RFC 8259 that json-c takes (it rewrites them as JSON). */
static void test_json_body_lenient_syntax(void)
{
	static const char *const bad[] = { "{'a':1}", "{\"a\":'x'}", "{\"a\":1,}", "{\"a\":[1,]}",
					   "/* c */{}", "{\"a\":1}// c", "{\"a\":tRuE}", "{\"a\":01}",
					   NULL };

	assert_not_json(bad);
}

static void test_json_body_not_object(void)
{
	/* valid JSON, but not the object every body must be; null included */
	static const char *const bad[] = { "[1,2]", "\"str\"", "42", "true", "null", NULL };
	size_t i;

	for (i = 0; bad[i]; i++) {
		CU_ASSERT_PTR_NULL(json_body("application/json", bad[i], 100));
		if (strcmp(t.r.err.code, "invalid_request"))
			fprintf(stderr, "\n    body [%s]: %d %s\n", bad[i], t.r.err.status,
				t.r.err.code);
		ASSERT_RECORDED(&t.r, 400, "invalid_request");
		finish();
	}
}

static void test_json_body_too_large(void)
{
	struct strbuf b = STRBUF_INIT;
	size_t i;

	/* over the route's limit: 413 from Content-Length, nothing read */
	CU_ASSERT_PTR_NULL(json_body("application/json", "{\"a\":\"0123456789\"}", 10));
	ASSERT_RECORDED(&t.r, 413, "payload_too_large");
	CU_ASSERT_EQUAL(consumed(), 0);
	finish();

	/* within it, but past the JSON reader's bounds: a member name over JUDGE_JSON_MAX_KEY */
	strbuf_addstr(&b, "{\"");
	for (i = 0; i <= JUDGE_JSON_MAX_KEY; i++)
		strbuf_addstr(&b, "k");
	strbuf_addstr(&b, "\":1}");
	CU_ASSERT_PTR_NULL(json_body("application/json", b.buf, 64 * 1024));
	ASSERT_RECORDED(&t.r, 413, "payload_too_large");
	finish();

	/* and one that is small but would grow too much once parsed: thousands of {} */
	strbuf_reset(&b);
	strbuf_addstr(&b, "{\"a\":[");
	for (i = 0; i < 20000; i++)
		strbuf_addstr(&b, i ? ",{}" : "{}");
	strbuf_addstr(&b, "]}");
	CU_ASSERT_PTR_NULL(json_body("application/json", b.buf, 1024 * 1024));
	ASSERT_RECORDED(&t.r, 413, "payload_too_large");
	finish();
	strbuf_release(&b);
}

static void test_json_body_read_errors(void)
{
	/* the body's own errors come through http_json_body unchanged */
	CU_ASSERT_PTR_NULL(http_json_body(post("application/json", "abc", "{}", 2), 100));
	ASSERT_RECORDED(&t.r, 400, "invalid_request");
	finish();
	CU_ASSERT_PTR_NULL(http_json_body(post("application/json", "10", "{}", 2), 100));
	ASSERT_RECORDED(&t.r, 400, "invalid_request");
	finish();
}

static CU_TestInfo tests[] = {
	{ "req_init", test_req_init },
	{ "req_init_long_path", test_req_init_long_path },
	{ "fail_records", test_fail_records },
	{ "fail_first_stands", test_fail_first_stands },
	{ "fail_truncates", test_fail_truncates },
	{ "send_error", test_send_error },
	{ "send_error_none_recorded", test_send_error_none_recorded },
	{ "sent_once", test_sent_once },
	{ "send_plain", test_send_plain },
	{ "query", test_query },
	{ "query_bounds", test_query_bounds },
	{ "bearer", test_bearer },
	{ "read_body", test_read_body },
	{ "read_body_large", test_read_body_large },
	{ "read_body_too_large", test_read_body_too_large },
	{ "read_body_bad_length", test_read_body_bad_length },
	{ "read_body_short", test_read_body_short },
	{ "json_body", test_json_body },
	{ "json_body_empty", test_json_body_empty },
	{ "json_body_media_type", test_json_body_media_type },
	{ "json_body_invalid", test_json_body_invalid },
	{ "json_body_bad_numbers", test_json_body_bad_numbers },
	{ "json_body_lenient_syntax", test_json_body_lenient_syntax },
	{ "json_body_not_object", test_json_body_not_object },
	{ "json_body_too_large", test_json_body_too_large },
	{ "json_body_read_errors", test_json_body_read_errors },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("http", tests)
