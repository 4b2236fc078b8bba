/* api_public.c - /health, /api/languages and /execute */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_public.h"
#include "api_common.h"
#include "db.h"
#include "queue.h"
#include "jsonh.h"
#include "lang.h"
#include "util.h"
#include "webhook.h"

/*
 * The service is healthy when its database answers and some judge host is
 * live (it beat within JOB_HOST_LIVE_S and is not draining): the front runs
 * no code itself, so its own machine's sandbox says nothing.
 */
int h_health(struct http_req *r)
{
	struct json_object *o = json_object_new_object();
	long long hosts = 0, slots = 0, busy = 0;
	PGresult *res = NULL;
	bool db_ok = db_exec(&res,
			     "SELECT count(*) AS hosts, coalesce(sum(slots), 0) AS slots,"
			     " (SELECT count(*) FROM job WHERE state = 'running') AS busy"
			     " FROM judge_host WHERE NOT draining"
			     " AND heartbeat_at > now() - interval '" JOB_HOST_LIVE "'",
			     0, NULL) == DB_OK;

	if (db_ok) {
		hosts = db_getll(res, 0, "hosts");
		slots = db_getll(res, 0, "slots");
		busy = db_getll(res, 0, "busy");
		PQclear(res);
	}
	json_object_object_add(o, "status", json_object_new_string(db_ok && hosts ? "ok" : "degraded"));
	json_object_object_add(o, "database", json_object_new_string(db_ok ? "ok" : "down"));
	json_object_object_add(o, "sandbox", json_object_new_string(hosts ? "ok" : "down"));
	json_object_object_add(o, "judge_hosts", json_object_new_int64(hosts));
	json_object_object_add(o, "slots", json_object_new_int64(slots));
	json_object_object_add(o, "slots_busy", json_object_new_int64(busy));
	return http_json(r, db_ok && hosts ? 200 : 503, o);
}

/* An argv template of lang.c as a JSON array, placeholders as written; [] for none. */
static struct json_object *template_json(const char *const *argv)
{
	struct json_object *a = json_object_new_array();

	for (; argv && *argv; argv++)
		json_object_array_add(a, json_object_new_string(*argv));
	return a;
}

/*
 * The language table: the commands as the judge's templates ("{src}",
 * "{class}", "{main}", "{heap}" left in, see lang.h), so that a candidate can
 * see every flag; compile_command is null where nothing is compiled.
 */
int h_languages(struct http_req *r)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; i < nlangs; i++) {
		const struct lang *lg = &langs[i];
		struct json_object *l = json_object_new_object();

		json_object_object_add(l, "id", json_object_new_string(lg->id));
		json_object_object_add(l, "name", json_object_new_string(lg->name));
		json_object_object_add(l, "version", json_object_new_string(lang_version(lg)));
		json_object_object_add(l, "source_file", json_object_new_string(lg->src));
		json_object_object_add(l, "compiled", json_object_new_boolean(lg->compile != NULL));
		json_object_object_add(l, "compile_command",
				       lg->compile ? template_json(lg->compile) : NULL);
		json_object_object_add(l, "run_command", template_json(lg->run));
		json_object_object_add(l, "environment", template_json(lg->env));
		json_object_array_add(arr, l);
	}
	return api_ok_with(r, "languages", arr);
}

/*
 * Take callback_url out of an /execute request, since the judge refuses
 * members it does not know: 1 when it was there, with the job's callback
 * ({"url", "method", "format"}; NULL for a null callback_url) in *cb, 0
 * when it was not, or -1 with a client-facing message in err.
 */
static int take_callback(struct json_object *o, struct json_object **cb, char *err, size_t errlen)
{
	struct json_object *u;
	const char *url;

	*cb = NULL;
	if (!json_object_object_get_ex(o, "callback_url", &u))
		return 0;
	if (u && !json_object_is_type(u, json_type_string))
		return fail(err, errlen, "'callback_url' must be a string");
	if (u) {
		url = json_object_get_string(u);
		if (strlen(url) != (size_t)json_object_get_string_len(u))
			return fail(err, errlen, "'callback_url' must be printable ASCII");
		if (webhook_url_parse(url, NULL, err, errlen) < 0)
			return -1;
		*cb = json_object_new_object();
		json_object_object_add(*cb, "url", json_object_new_string(url));
		json_object_object_add(*cb, "method", json_object_new_string("POST"));
		json_object_object_add(*cb, "format", json_object_new_string("ce"));
	}
	json_object_object_del(o, "callback_url");
	return 1;
}

int h_execute(struct http_req *r)
{
	struct job_new j = { .kind = JOB_EXECUTE };
	struct json_object *o, *cb = NULL, *res;
	struct job_end end;
	char owner[80], id[24], token[40], err[160];
	enum queue_rc rc;
	int status, took;

	if (!api_key_ok(r))
		return http_fail(r, 401, "unauthorized", "a valid API key is required (X-API-Key)");
	if (*r->content_type && !http_content_type_is(r, "application/json"))
		return http_fail(r, 415, "unsupported_media_type", "send application/json");
	/* a JSON object, or it is refused here: nothing that is not JSON text is stored */
	o = http_json_body(r, HTTP_MAX_BODY);
	if (!o)
		return r->status;
	snprintf(owner, sizeof(owner), "client:%s", r->remote_addr);
	j.owner = owner;
	j.request = r->body.buf;
	took = take_callback(o, &cb, err, sizeof(err));
	if (took < 0) {
		status = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	if (took) {
		/* the request as the judge takes it: without callback_url */
		j.request = jsonh_text(o, NULL);
		j.callback = cb ? jsonh_text(cb, NULL) : NULL;
	}
	if (api_no_wait(r)) {
		rc = queue_add(&j, id, token);
		status = rc != QUEUE_OK ? api_queue_error(r, rc, NULL) : http_json(r, 202, api_queued(token));
		goto out;
	}
	res = queue_run(&j, &rc, &end);
	if (!res)
		status = api_queue_error(r, rc, &end);
	else if (end.invalid)
		status = api_judge_error(r, res);
	else
		status = http_json(r, 200, res);
out:
	json_object_put(cb);
	json_object_put(o);
	return status;
}
