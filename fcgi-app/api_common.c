/* api_common.c - what the API's handlers and stores share: settings, error translation, JSON from SQL, templates */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api_common.h"
#include "db.h"
#include "jsonh.h"
#include "lang.h"

struct config cfg;

/*
 * The errors of the layers below, in API terms: the detail goes to the log,
 * the client gets the code and a message that names no internals.
 */
int api_db_error(struct http_req *r)
{
	fprintf(stderr, "ce-fcgi: %s %s: %s\n", r->method, r->path, db_last_error());
	return http_fail(r, 503, "database_unavailable",
			  "the database is unavailable; retry in a moment");
}

int api_sandbox_error(struct http_req *r, const char *detail)
{
	fprintf(stderr, "ce-fcgi: %s %s: %s\n", r->method, r->path, detail);
	return http_fail(r, 503, "sandbox_unavailable", "the executor is unavailable; retry");
}

int api_judge_error(struct http_req *r, struct json_object *o)
{
	struct json_object *e = NULL, *c = NULL, *m = NULL;
	const char *code;

	json_object_object_get_ex(o, "error", &e);
	json_object_object_get_ex(e, "code", &c);
	json_object_object_get_ex(e, "message", &m);
	code = c ? json_object_get_string(c) : "invalid_request";
	http_fail(r, strcmp(code, "payload_too_large") ? 400 : 413, code, "%s",
		  m ? json_object_get_string(m) : "the request is invalid");
	json_object_put(o);
	return r->status;
}

int api_queue_error(struct http_req *r, enum queue_rc rc, const struct job_end *end)
{
	int status;

	switch (rc) {
	case QUEUE_BUSY:
		status = http_fail(r, 429, "execution_in_progress",
				   "an execution of this session is queued or running; retry when it ends");
		r->err.retry_after = 2;
		return status;
	case QUEUE_QUOTA:
		status = http_fail(r, 429, "quota_exceeded",
				   "this client has as many executions queued as it may; retry later");
		r->err.retry_after = 5;
		return status;
	case QUEUE_FULL:
		fprintf(stderr, "ce-fcgi: %s %s: the queue is full\n", r->method, r->path);
		status = http_fail(r, 503, "queue_full", "the execution queue is full; retry later");
		r->err.retry_after = 10;
		return status;
	case QUEUE_DB:
		return api_db_error(r);
	case QUEUE_OK:
		break;
	}
	switch (end->how) {
	case JOB_DB_DOWN:
		return api_db_error(r);
	case JOB_CANCELLED:
		return http_fail(r, 409, "execution_replaced", "this run was replaced by a submit");
	default:
		return api_sandbox_error(r, end->err);
	}
}

/* {"execution_id", "status": "queued", "queue_position"}: an execution added, not waited for. */
struct json_object *api_queued(const char *token)
{
	struct json_object *o = json_object_new_object();
	struct job_view v;

	json_object_object_add(o, "execution_id", json_object_new_string(token));
	json_object_object_add(o, "status", json_object_new_string("queued"));
	if (queue_view(token, 0, &v) == 1) {
		json_object_object_add(o, "status", json_object_new_string(v.state));
		json_object_object_add(o, "queue_position", json_object_new_int(v.position));
	}
	job_view_release(&v);
	return o;
}

/* ?wait=false: answer 202 once the job is stored. */
bool api_no_wait(const struct http_req *r)
{
	char w[8];

	return http_query(r, "wait", w, sizeof(w)) && !strcmp(w, "false");
}

bool api_row_id(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n >= 1 && n <= 9 && !s[n] && s[0] != '0';
}

int api_query_one_of(struct http_req *r, const char *name, const char *const *words, char *out,
		     size_t len)
{
	size_t i;

	if (!http_query(r, name, out, len)) {
		*out = '\0';
		return 0;
	}
	for (i = 0; words[i]; i++)
		if (!strcmp(out, words[i]))
			return 0;
	return http_fail(r, 400, "invalid_field", "'%s' must be one of the documented values", name), -1;
}

int api_query_number(struct http_req *r, const char *name, bool id, char *out, size_t len)
{
	char *end;

	if (!http_query(r, name, out, len)) {
		*out = '\0';
		return 0;
	}
	if (id ? !api_row_id(out) : (!*out || (strtod(out, &end), *end)))
		return http_fail(r, 400, "invalid_field", "'%s' must be %s", name, id ? "an id" : "a number"), -1;
	return 0;
}

int api_query_date(struct http_req *r, const char *name, char out[16])
{
	struct tm tm = { 0 }, back;
	time_t t;

	if (!http_query(r, name, out, 16)) {
		*out = '\0';
		return 0;
	}
	/* a date that mktime() does not move: 2026-02-30 is no date */
	if (strlen(out) == 10 && sscanf(out, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3 &&
	    strspn(out, "0123456789-") == 10 && out[4] == '-' && out[7] == '-' && tm.tm_year >= 1970) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		tm.tm_hour = 12;
		back = tm;
		t = timegm(&back);
		if (t != (time_t)-1 && back.tm_year == tm.tm_year && back.tm_mon == tm.tm_mon &&
		    back.tm_mday == tm.tm_mday)
			return 0;
	}
	return http_fail(r, 400, "invalid_field", "'%s' must be a date, YYYY-MM-DD", name), -1;
}

int api_query_page(struct http_req *r, int def, int max, int *page, int *per_page)
{
	char p[16], n[16];

	if (api_query_number(r, "page", true, p, sizeof(p)) < 0 ||
	    api_query_number(r, "per_page", true, n, sizeof(n)) < 0)
		return -1;
	*page = *p ? atoi(p) : 1;
	*per_page = *n ? atoi(n) : def;
	if (*per_page > max || *page > 1000000)
		return http_fail(r, 400, "invalid_field", "'per_page' is at most %d, 'page' at most 1000000", max), -1;
	return 0;
}

struct json_object *api_query_json(const char *sql, int n, const char *const *params, int *dberr)
{
	struct json_object *o = NULL;
	char err[128];
	PGresult *res;
	enum db_err e = db_exec(&res, sql, n, params);

	if (dberr)
		*dberr = e != DB_OK;
	if (e != DB_OK)
		return NULL;
	if (PQntuples(res) == 1 && PQnfields(res) == 1 && !PQgetisnull(res, 0, 0))
		o = jsonh_parse(PQgetvalue(res, 0, 0), (size_t)PQgetlength(res, 0, 0), err,
				sizeof(err));
	PQclear(res);
	return o;
}

int api_ok_with(struct http_req *r, const char *key, struct json_object *value)
{
	struct json_object *o = http_ok();

	json_object_object_add(o, key, value);
	return http_json(r, 200, o);
}

/* Is k the service's API key?  The comparison takes the same time whichever byte differs. */
static bool key_matches(const char *k)
{
	size_t i, n;
	unsigned char d = 0;

	if (!k || strlen(k) != (n = strlen(cfg.api_key)))
		return false;
	for (i = 0; i < n; i++)
		d |= (unsigned char)(k[i] ^ cfg.api_key[i]);
	return d == 0;
}

bool api_key_ok(const struct http_req *r)
{
	const char *k = FCGX_GetParam("HTTP_X_API_KEY", r->fx->envp);

	if (!cfg.api_key || !*cfg.api_key)
		return true;
	return key_matches(k ? k : http_bearer(r));
}

bool api_auth_token_ok(const struct http_req *r)
{
	const char *k = FCGX_GetParam("HTTP_X_AUTH_TOKEN", r->fx->envp);

	if (!cfg.api_key || !*cfg.api_key)
		return true;
	return k ? key_matches(k) : api_key_ok(r);
}


int api_read_template(const char *name, struct strbuf *out)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", cfg.templates, name);
	return strbuf_read_file(out, path, API_MAX_TEMPLATE);
}

const char *api_default_starter(const char *lang)
{
	static struct strbuf cache[16];
	static bool loaded[16];
	const struct lang *l = lang_find(lang);
	size_t i = l ? (size_t)(l - langs) : 0;
	char name[64];

	if (!l || i >= 16)
		return "";
	if (!loaded[i]) {
		loaded[i] = true;
		snprintf(name, sizeof(name), "starter/%s.txt", l->id);
		api_read_template(name, &cache[i]);	/* missing: no starter */
	}
	/* a zeroed strbuf that never grew has no buffer */
	return cache[i].buf ? cache[i].buf : "";
}

