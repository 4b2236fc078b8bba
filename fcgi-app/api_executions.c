/* api_executions.c - GET /api/executions/:id, polled or long-polled */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_executions.h"
#include "api_questions.h"
#include "auth.h"
#include "execution.h"
#include "queue.h"

#define EXECUTION_MAX_WAIT_S 30

/* May the caller follow this job?  1 yes, 0 no (404: its existence is not told), -1 recorded. */
static int may_follow(struct http_req *r, const struct job_view *v)
{
	char owner[96];
	int a;

	if (!strcmp(v->kind, "execute"))
		return api_key_ok(r) ? 1 : 0;
	if (!strcmp(v->kind, "check")) {
		a = auth_try_admin(r);
		return a < 0 ? (api_db_error(r), -1) : a > 0;
	}
	if (!http_bearer(r))
		return 0;
	if (auth_any_candidate(r) < 0)
		return -1;
	snprintf(owner, sizeof(owner), "session:%s", r->candidate_id);
	return !strcmp(owner, v->owner);
}

/* The JSON of a job; a run's or a submit's result as its candidate sees it. */
static struct json_object *view_json(const struct job_view *v)
{
	struct json_object *o = execution_json(v);

	if (!strcmp(v->state, "done") && !v->invalid &&
	    (!strcmp(v->kind, "run") || !strcmp(v->kind, "submit")))
		json_object_object_add(o, "result", api_candidate_answer(v->result, v->context));
	return o;
}

int h_execution_get(struct http_req *r)
{
	const char *token = r->m.params[0];
	struct job_view v;
	char w[16], *end;
	long wait_s = 0;
	int found, ok;

	if (http_query(r, "wait", w, sizeof(w))) {
		wait_s = strtol(w, &end, 10);
		if (*end || end == w || wait_s < 0 || wait_s > EXECUTION_MAX_WAIT_S)
			return http_fail(r, 400, "invalid_field", "'wait' must be 0 to %d seconds",
					 EXECUTION_MAX_WAIT_S);
	}
	found = queue_view(token, 0, &v);
	if (found < 0)
		return api_db_error(r);
	ok = found ? may_follow(r, &v) : 0;
	if (ok < 0) {
		job_view_release(&v);
		return r->status;
	}
	if (!ok) {
		job_view_release(&v);
		return http_fail(r, 404, "not_found", "no such execution");
	}
	if (wait_s && (!strcmp(v.state, "queued") || !strcmp(v.state, "running"))) {
		job_view_release(&v);
		if (queue_view(token, (int)wait_s * 1000, &v) != 1) {
			job_view_release(&v);
			return api_db_error(r);
		}
	}
	ok = http_json(r, 200, view_json(&v));
	job_view_release(&v);
	return ok;
}
