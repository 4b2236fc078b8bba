/* execution.c - an execution (a job) as its client sees it */
#include <stdio.h>
#include <string.h>

#include "execution.h"

static struct json_object *progress_json(const char *p)
{
	struct json_object *o = json_object_new_object();
	int k, n;

	if (sscanf(p, "test %d/%d", &k, &n) == 2) {
		json_object_object_add(o, "stage", json_object_new_string("running"));
		json_object_object_add(o, "test", json_object_new_int(k));
		json_object_object_add(o, "tests", json_object_new_int(n));
	} else {
		json_object_object_add(o, "stage", json_object_new_string(*p ? p : "starting"));
	}
	return o;
}

static void add_time(struct json_object *o, const char *key, const char *t)
{
	json_object_object_add(o, key, *t ? json_object_new_string(t) : NULL);
}

struct json_object *execution_json(const struct job_view *v)
{
	struct json_object *o = json_object_new_object(), *e;
	const bool candidate = !strcmp(v->kind, "run") || !strcmp(v->kind, "submit");

	json_object_object_add(o, "success", json_object_new_boolean(1));
	json_object_object_add(o, "execution_id", json_object_new_string(v->token));
	json_object_object_add(o, "kind", json_object_new_string(v->kind));
	json_object_object_add(o, "status", json_object_new_string(v->state));
	if (!strcmp(v->state, "queued"))
		json_object_object_add(o, "queue_position", json_object_new_int(v->position));
	if (!strcmp(v->state, "running"))
		json_object_object_add(o, "progress", progress_json(v->progress));
	if (!strcmp(v->state, "done") && v->invalid) {
		/* the judge refused the request: its error, as the waiting call would have sent it */
		if (json_object_object_get_ex(v->result, "error", &e))
			json_object_object_add(o, "error", json_object_get(e));
	} else if (!strcmp(v->state, "done")) {
		/* a candidate's answer shows what the question lets it show: the caller's to fill */
		json_object_object_add(o, "result", candidate ? NULL : json_object_get(v->result));
	} else if (!strcmp(v->state, "failed") || !strcmp(v->state, "cancelled")) {
		e = json_object_new_object();
		json_object_object_add(e, "code", json_object_new_string(
			*v->state == 'c' ? "execution_replaced" : "execution_failed"));
		json_object_object_add(e, "message", json_object_new_string(
			*v->state == 'c' ? "this run was replaced by a submit"
					 : "the execution could not be completed; run it again"));
		json_object_object_add(o, "error", e);
	}
	add_time(o, "created_at", v->created_at);
	add_time(o, "started_at", v->started_at);
	add_time(o, "finished_at", v->finished_at);
	return o;
}
