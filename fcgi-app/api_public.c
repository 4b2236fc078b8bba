/* api_public.c - /health, /api/languages, /execute and helpers shared by the handlers */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api.h"
#include "db.h"
#include "executor.h"
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

bool api_is_uuid(const char *s)
{
	return strlen(s) == 36 && strspn(s, "0123456789abcdefABCDEF-") == 36 && s[8] == '-' &&
	       s[13] == '-' && s[18] == '-' && s[23] == '-';
}

void api_event(const char *candidate_id, const char *kind, const char *detail_json)
{
	const char *p[3] = { candidate_id, kind, detail_json ? detail_json : "{}" };
	PGresult *res;

	if (db_exec(&res, "INSERT INTO session_event (candidate_id, kind, detail) VALUES ($1, $2, $3)",
		    3, p) == DB_OK)
		PQclear(res);
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

int h_health(struct http_req *r)
{
	static time_t checked;
	static int sandbox_ok;
	struct json_object *o = json_object_new_object();
	bool db_ok = db_ping() == DB_OK;
	char err[256] = "";
	time_t now = time(NULL);

	/* building a probe sandbox costs a few ms: do it at most every 10 s per worker */
	if (now - checked >= 10) {
		sandbox_ok = executor_check(err, sizeof(err)) == 0;
		if (!sandbox_ok)
			fprintf(stderr, "ce-fcgi: sandbox check failed: %s\n", err);
		checked = now;
	}
	json_object_object_add(o, "status", json_object_new_string(db_ok && sandbox_ok ? "ok"
										   : "degraded"));
	json_object_object_add(o, "database", json_object_new_string(db_ok ? "ok" : "down"));
	json_object_object_add(o, "sandbox", json_object_new_string(sandbox_ok ? "ok" : "down"));
	return http_json(r, db_ok && sandbox_ok ? 200 : 503, o);
}

int h_languages(struct http_req *r)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; i < nlangs; i++) {
		struct json_object *l = json_object_new_object();

		json_object_object_add(l, "id", json_object_new_string(langs[i].id));
		json_object_object_add(l, "name", json_object_new_string(langs[i].name));
		json_object_object_add(l, "version", json_object_new_string(lang_version(&langs[i])));
		json_object_object_add(l, "source_file", json_object_new_string(langs[i].src));
		json_object_object_add(l, "compiled", json_object_new_boolean(langs[i].compile != NULL));
		json_object_array_add(arr, l);
	}
	return api_ok_with(r, "languages", arr);
}

static bool api_key_ok(const struct http_req *r)
{
	const char *k = FCGX_GetParam("HTTP_X_API_KEY", r->fx->envp);
	size_t i, n;
	unsigned char d = 0;

	if (!cfg.api_key || !*cfg.api_key)
		return true;
	if (!k)
		k = http_bearer(r);
	if (!k || strlen(k) != (n = strlen(cfg.api_key)))
		return false;
	for (i = 0; i < n; i++)
		d |= (unsigned char)(k[i] ^ cfg.api_key[i]);
	return d == 0;
}


int h_execute(struct http_req *r)
{
	struct json_object *o;
	char err[256] = "";
	int invalid;

	if (!api_key_ok(r))
		return http_fail(r, 401, "unauthorized", "a valid API key is required (X-API-Key)");
	if (*r->content_type && strncasecmp(r->content_type, "application/json", 16))
		return http_fail(r, 415, "unsupported_media_type", "send application/json");
	if (http_read_body(r, HTTP_MAX_BODY) < 0)
		return r->status;
	o = executor_run(r->body.buf, r->body.len, &invalid, err, sizeof(err));
	if (!o)
		return api_sandbox_error(r, err);
	if (*err)
		fprintf(stderr, "ce-fcgi: execute: %s\n", err);
	if (invalid)
		return api_judge_error(r, o);
	return http_json(r, 200, o);
}
