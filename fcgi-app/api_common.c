/* api_common.c - what the API's handlers and stores share: settings, error translation, JSON from SQL, templates */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

bool api_key_ok(const struct http_req *r)
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

bool api_is_uuid(const char *s)
{
	size_t i;

	if (strlen(s) != 36)
		return false;
	/* 8-4-4-4-12: a dash exactly at 8, 13, 18 and 23, a hex digit everywhere else */
	for (i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !strchr("0123456789abcdefABCDEF", s[i]))
			return false;
	}
	return true;
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

