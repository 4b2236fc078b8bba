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

int h_execute(struct http_req *r)
{
	struct job_new j = { .kind = JOB_EXECUTE };
	struct job_end end;
	struct json_object *o;
	char owner[80], id[24], token[40];
	enum queue_rc rc;

	if (!api_key_ok(r))
		return http_fail(r, 401, "unauthorized", "a valid API key is required (X-API-Key)");
	if (*r->content_type && !http_content_type_is(r, "application/json"))
		return http_fail(r, 415, "unsupported_media_type", "send application/json");
	/* a JSON object, or it is refused here: nothing that is not JSON text is stored */
	o = http_json_body(r, HTTP_MAX_BODY);
	if (!o)
		return r->status;
	json_object_put(o);
	snprintf(owner, sizeof(owner), "client:%s", r->remote_addr);
	j.owner = owner;
	j.request = r->body.buf;
	if (api_no_wait(r)) {
		rc = queue_add(&j, id, token);
		if (rc != QUEUE_OK)
			return api_queue_error(r, rc, NULL);
		return http_json(r, 202, api_queued(token));
	}
	o = queue_run(&j, &rc, &end);
	if (!o)
		return api_queue_error(r, rc, &end);
	if (end.invalid)
		return api_judge_error(r, o);
	return http_json(r, 200, o);
}
