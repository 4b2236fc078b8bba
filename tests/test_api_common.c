/*
 * test_api_common.c - unit tests of api_common.c: uuids, the errors of the
 * layers below in API terms, the templates directory
 *
 * No database: the database error is the one of a server that cannot be
 * reached (a socket directory that does not exist).
 */
#define _GNU_SOURCE
#include <fcgiapp.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api_common.h"
#include "uuid.h"
#include "db.h"
#include "fcgi_fake.h"
#include "harness.h"
#include "strbuf.h"

/* A request as the handlers see it; nothing is sent unless a test gives it a writer. */
static struct http_req *req(void)
{
	static struct http_req r;

	memset(&r, 0, sizeof(r));
	strbuf_init(&r.body);
	r.method = "POST";
	snprintf(r.path, sizeof(r.path), "/execute");
	return &r;
}

#define ASSERT_RECORDED(r, st, cd) ASSERT_API_ERROR(r, st, cd)

/* stderr of the code between capture_start() and capture_end(), for what goes to the log */
static int saved_stderr = -1;
static FILE *capture;

static void capture_start(void)
{
	fflush(stderr);
	capture = tmpfile();
	CU_ASSERT_PTR_NOT_NULL_FATAL(capture);
	saved_stderr = dup(2);
	CU_ASSERT_FATAL(saved_stderr >= 0);
	CU_ASSERT_FATAL(dup2(fileno(capture), 2) == 2);
}

static const char *capture_end(void)
{
	static char text[2048];
	size_t n;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	rewind(capture);
	n = fread(text, 1, sizeof(text) - 1, capture);
	text[n] = '\0';
	fclose(capture);
	return text;
}

/* ---- uuids ---- */

static void test_is_uuid(void)
{
	static const char *const good[] = {
		"123e4567-e89b-12d3-a456-426614174000",
		"00000000-0000-0000-0000-000000000000",
		"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
		"a0eebc99-9C0B-4ef8-bb6d-6BB9bd380a11",
		NULL,
	};
	static const char *const bad[] = {
		/* wrong length */
		"", "123e4567", "123e4567-e89b-12d3-a456-42661417400",
		"123e4567-e89b-12d3-a456-4266141740000", " 123e4567-e89b-12d3-a456-426614174000",
		/* characters that are not hex */
		"123e4567-e89b-12d3-a456-42661417400g", "123g4567-e89b-12d3-a456-426614174000",
		"123e4567-e89b-12d3-a456-42661417400 ", "{23e4567-e89b-12d3-a456-426614174000",
		"123e4567_e89b_12d3_a456_426614174000", "123e4567-e89b-12d3-a456-42661417400\xc3",
		/* dashes in the wrong places */
		"123e45678-e89b-12d3-a456-42661417400", "123e4567-e89b12d3--a456-426614174000",
		"123e4567-e89b-12d3-a4564-26614174000", "-123e4567e89b-12d3-a456-426614174000",
		/* the four dashes in place and one more for a digit: PostgreSQL refuses these */
		"123e4567-e89b-12d3-a456-426614174-00", "123e4567-e89b-12d3-a456-4266141740-0", "123e4567-e89b-12d3-a456-42661417400-",
		"123e4567-e89b-12d3-a456--26614174000", "-23e4567-e89b-12d3-a456-426614174000",
		"123e4567-e8-b-12d3-a456-426614174000", "------------------------------------",
		NULL,
	};
	size_t i;

	for (i = 0; good[i]; i++) {
		if (!uuid_valid(good[i]))
			fprintf(stderr, "\n    refused: %s\n", good[i]);
		CU_ASSERT_TRUE(uuid_valid(good[i]));
	}
	for (i = 0; bad[i]; i++) {
		if (uuid_valid(bad[i]))
			fprintf(stderr, "\n    taken: [%s]\n", bad[i]);
		CU_ASSERT_FALSE(uuid_valid(bad[i]));
	}
}

/* ---- the judge's errors ---- */

static struct json_object *envelope(const char *code, const char *message)
{
	return json_error_envelope(code, message);
}

static void test_judge_error(void)
{
	struct http_req *r = req();

	CU_ASSERT_EQUAL(api_judge_error(r, envelope("invalid_language", "unknown language 'x'")),
			400);
	ASSERT_RECORDED(r, 400, "invalid_language");
	CU_ASSERT_STRING_EQUAL(r->err.msg, "unknown language 'x'");

	r = req();
	CU_ASSERT_EQUAL(api_judge_error(r, envelope("missing_field", "'test_cases' is required")),
			400);
	ASSERT_RECORDED(r, 400, "missing_field");
	CU_ASSERT_STRING_EQUAL(r->err.msg, "'test_cases' is required");

	/* too large is the one judge error that is not a 400 */
	r = req();
	CU_ASSERT_EQUAL(api_judge_error(r, envelope("payload_too_large", "too big")), 413);
	ASSERT_RECORDED(r, 413, "payload_too_large");
	CU_ASSERT_STRING_EQUAL(r->err.msg, "too big");
}

static void test_judge_error_incomplete(void)
{
	struct http_req *r = req();

	/* an envelope without its parts still gives a 400 with a code and a message */
	CU_ASSERT_EQUAL(api_judge_error(r, json_tokener_parse("{\"success\":false}")), 400);
	ASSERT_RECORDED(r, 400, "invalid_request");
	CU_ASSERT_STRING_NOT_EQUAL(r->err.msg, "");

	r = req();
	api_judge_error(r, json_tokener_parse("{\"success\":false,\"error\":{\"code\":\"invalid_field\"}}"));
	ASSERT_RECORDED(r, 400, "invalid_field");
	CU_ASSERT_STRING_NOT_EQUAL(r->err.msg, "");

	r = req();
	api_judge_error(r, json_tokener_parse("{\"error\":{\"message\":\"m\"}}"));
	ASSERT_RECORDED(r, 400, "invalid_request");
	CU_ASSERT_STRING_EQUAL(r->err.msg, "m");

	r = req();
	api_judge_error(r, NULL);
	ASSERT_RECORDED(r, 400, "invalid_request");
}

static void test_judge_error_takes_reference(void)
{
	struct http_req *r = req();
	struct json_object *o = envelope("invalid_field", "x");

	/* one reference more than api_judge_error gives back: ours is then the last */
	json_object_get(o);
	api_judge_error(r, o);
	CU_ASSERT_EQUAL(json_object_put(o), 1);
}

static void test_judge_error_first_stands(void)
{
	struct http_req *r = req();

	http_fail(r, 401, "unauthorized", "key");
	CU_ASSERT_EQUAL(api_judge_error(r, envelope("invalid_language", "x")), 401);
	ASSERT_RECORDED(r, 401, "unauthorized");
	CU_ASSERT_STRING_EQUAL(r->err.msg, "key");
}

/* ---- the sandbox's and the database's errors ---- */

static void test_sandbox_error(void)
{
	static const char detail[] = "cannot run /opt/ce/bin/judge: Permission denied";
	struct http_req *r = req();
	const char *log;
	int st;

	capture_start();
	st = api_sandbox_error(r, detail);
	log = capture_end();
	CU_ASSERT_EQUAL(st, 503);
	ASSERT_RECORDED(r, 503, "sandbox_unavailable");
	CU_ASSERT_STRING_NOT_EQUAL(r->err.msg, "");
	/* the detail goes to the log, with the request; the client gets none of it */
	CU_ASSERT_PTR_NOT_NULL(strstr(log, detail));
	CU_ASSERT_PTR_NOT_NULL(strstr(log, "POST /execute"));
	CU_ASSERT_PTR_NULL(strstr(r->err.msg, "/opt"));
	CU_ASSERT_PTR_NULL(strstr(r->err.msg, "judge"));
	CU_ASSERT_PTR_NULL(strstr(r->err.msg, "Permission"));
}

#define NO_SERVER "/nonexistent-ce-test-socket"

static void test_db_error(void)
{
	struct http_req *r = req();
	const char *log;
	char last[512];
	int st;

	/* a server that cannot be reached leaves libpq's message as the last error */
	db_init("host=" NO_SERVER " dbname=ce connect_timeout=2");
	CU_ASSERT_EQUAL(db_ping(), DB_ECONNECT);
	snprintf(last, sizeof(last), "%s", db_last_error());
	CU_ASSERT_PTR_NOT_NULL(strstr(last, NO_SERVER));

	capture_start();
	st = api_db_error(r);
	log = capture_end();
	CU_ASSERT_EQUAL(st, 503);
	ASSERT_RECORDED(r, 503, "database_unavailable");
	CU_ASSERT_STRING_NOT_EQUAL(r->err.msg, "");
	CU_ASSERT_PTR_NOT_NULL(strstr(log, last));
	CU_ASSERT_PTR_NULL(strstr(r->err.msg, NO_SERVER));
	CU_ASSERT_PTR_NULL(strstr(r->err.msg, "socket"));
	CU_ASSERT_PTR_NULL(strstr(r->err.msg, "connect"));

	/* with an error already recorded, that one stands */
	r = req();
	http_fail(r, 404, "not_found", "x");
	capture_start();
	api_db_error(r);
	capture_end();
	ASSERT_RECORDED(r, 404, "not_found");
	db_close();
}

static void test_query_json_no_db(void)
{
	int dberr = 0;

	db_init("host=" NO_SERVER " dbname=ce connect_timeout=2");
	CU_ASSERT_PTR_NULL(api_query_json("SELECT '{}'::json", 0, NULL, &dberr));
	CU_ASSERT_EQUAL(dberr, 1);
	/* the flag is optional */
	CU_ASSERT_PTR_NULL(api_query_json("SELECT '{}'::json", 0, NULL, NULL));
	db_close();
}

/* ---- api_ok_with: the one helper here that sends ---- */

static void test_ok_with(void)
{
	static struct fcgi_fake f;
	struct http_req *r = fcgi_fake_start(&f, NULL, "", 0, 0);
	struct json_object *o, *v;
	const char *all, *body;

	CU_ASSERT_EQUAL(api_ok_with(r, "items", json_tokener_parse("[1,2]")), 200);
	all = fcgi_fake_sent(&f);
	CU_ASSERT_TRUE(r->sent);
	CU_ASSERT_EQUAL(strncmp(all, "Status: 200 OK\r\n", 16), 0);
	body = strstr(all, "\r\n\r\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(body);
	o = json_tokener_parse(body + 4);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(json_object_object_length(o), 2);
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "success", &v) && json_object_get_boolean(v));
	CU_ASSERT_TRUE(json_object_object_get_ex(o, "items", &v) &&
		       json_object_is_type(v, json_type_array) && json_object_array_length(v) == 2);
	json_object_put(o);
	fcgi_fake_finish(&f);
}

/* ---- templates ---- */

static char tdir[64];

static void write_file_at(const char *name, const char *text, size_t len)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", tdir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(write(fd, text, len), (ssize_t)len);
	close(fd);
}

static int suite_init(void)
{
	char path[128];

	snprintf(tdir, sizeof(tdir), "/tmp/ce-test-templates.XXXXXX");
	if (!mkdtemp(tdir))
		return -1;
	snprintf(path, sizeof(path), "%s/starter", tdir);
	if (mkdir(path, 0755) < 0)
		return -1;
	cfg.templates = tdir;
	return 0;
}

static int suite_cleanup(void)
{
	static const char *const names[] = { "report.html", "big.html", "starter/python.txt",
					     "starter/cpp.txt", NULL };
	char path[256];
	size_t i;

	for (i = 0; names[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", tdir, names[i]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/starter/c.txt", tdir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/starter", tdir);
	rmdir(path);
	return rmdir(tdir) < 0 ? -1 : 0;
}

static void test_read_template(void)
{
	static const char html[] = "<h1>{{title}}</h1>\n\0after a NUL\n";
	struct strbuf sb = STRBUF_INIT;

	write_file_at("report.html", html, sizeof(html) - 1);
	CU_ASSERT_EQUAL(api_read_template("report.html", &sb), 0);
	CU_ASSERT_EQUAL(sb.len, sizeof(html) - 1);
	CU_ASSERT_EQUAL(memcmp(sb.buf, html, sizeof(html)), 0);

	/* it appends */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "head:");
	CU_ASSERT_EQUAL(api_read_template("report.html", &sb), 0);
	CU_ASSERT_EQUAL(sb.len, 5 + sizeof(html) - 1);
	CU_ASSERT_EQUAL(strncmp(sb.buf, "head:<h1>", 9), 0);
	strbuf_release(&sb);
}

static void test_read_template_missing(void)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "kept");
	CU_ASSERT_EQUAL(api_read_template("no-such-template.html", &sb), -1);
	CU_ASSERT_STRING_EQUAL(sb.buf, "kept");
	CU_ASSERT_EQUAL(sb.len, 4);
	strbuf_release(&sb);
}

static void test_read_template_too_large(void)
{
	size_t n = API_MAX_TEMPLATE + 1;
	char *big = malloc(n);
	struct strbuf sb = STRBUF_INIT;

	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	memset(big, 'x', n);
	write_file_at("big.html", big, n);
	strbuf_addstr(&sb, "kept");
	CU_ASSERT_EQUAL(api_read_template("big.html", &sb), -1);
	/* nothing of it is left behind */
	CU_ASSERT_EQUAL(sb.len, 4);
	CU_ASSERT_STRING_EQUAL(sb.buf, "kept");
	/* exactly the limit is read */
	write_file_at("big.html", big, n - 1);
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(api_read_template("big.html", &sb), 0);
	CU_ASSERT_EQUAL(sb.len, n - 1);
	strbuf_release(&sb);
	free(big);
}

static void test_default_starter(void)
{
	static const char py[] = "def solve():\n    pass\n";
	const char *s, *again;

	write_file_at("starter/python.txt", py, sizeof(py) - 1);
	s = api_default_starter("python");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_STRING_EQUAL(s, py);
	/* read once, then kept */
	again = api_default_starter("python");
	CU_ASSERT_PTR_EQUAL(again, s);
	CU_ASSERT_STRING_EQUAL(again, py);

	/* an empty file is an empty starter */
	write_file_at("starter/cpp.txt", "", 0);
	s = api_default_starter("cpp");
	CU_ASSERT_PTR_NOT_NULL(s);
	CU_ASSERT_STRING_EQUAL(s ? s : "NULL", "");
}

static void test_default_starter_missing(void)
{
	char path[128];
	const char *s;

	/* a known language without a starter file */
	s = api_default_starter("java");
	CU_ASSERT_PTR_NOT_NULL(s);
	CU_ASSERT_STRING_EQUAL(s ? s : "NULL", "");
	/* a starter that cannot be read (a directory in its place) */
	snprintf(path, sizeof(path), "%s/starter/c.txt", tdir);
	CU_ASSERT_EQUAL_FATAL(mkdir(path, 0755), 0);
	s = api_default_starter("c");
	CU_ASSERT_PTR_NOT_NULL(s);
	CU_ASSERT_STRING_EQUAL(s ? s : "NULL", "");
	/* a language that does not exist */
	s = api_default_starter("cobol");
	CU_ASSERT_PTR_NOT_NULL(s);
	CU_ASSERT_STRING_EQUAL(s ? s : "NULL", "");
	s = api_default_starter("");
	CU_ASSERT_PTR_NOT_NULL(s);
	CU_ASSERT_STRING_EQUAL(s ? s : "NULL", "");
	/* nor is a file of that name read */
	write_file_at("starter/cobol.txt", "IDENTIFICATION DIVISION.", 24);
	s = api_default_starter("cobol");
	CU_ASSERT_STRING_EQUAL(s ? s : "NULL", "");
	snprintf(path, sizeof(path), "%s/starter/cobol.txt", tdir);
	unlink(path);
}

static CU_TestInfo tests[] = {
	{ "is_uuid", test_is_uuid },
	{ "judge_error", test_judge_error },
	{ "judge_error_incomplete", test_judge_error_incomplete },
	{ "judge_error_takes_reference", test_judge_error_takes_reference },
	{ "judge_error_first_stands", test_judge_error_first_stands },
	{ "sandbox_error", test_sandbox_error },
	{ "db_error", test_db_error },
	{ "query_json_no_db", test_query_json_no_db },
	{ "ok_with", test_ok_with },
	{ "read_template", test_read_template },
	{ "read_template_missing", test_read_template_missing },
	{ "read_template_too_large", test_read_template_too_large },
	{ "default_starter", test_default_starter },
	{ "default_starter_missing", test_default_starter_missing },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("api_common", tests, suite_init, suite_cleanup);
}
