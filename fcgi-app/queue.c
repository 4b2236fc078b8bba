/* queue.c - every execution is a job in PostgreSQL, stored before it runs */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsonh.h"
#include "queue.h"
#include "util.h"
#include "uuid.h"

#define STR_(x) #x
#define STR(x) STR_(x)

static const char *const kind_names[] = { "submit", "run", "check", "execute" };

/*
 * What happens to a running job whose host is gone (job rows in scope as
 * "job"): queued again, or failed after its last attempt.  RETURNING the
 * id and the new state, for the notifications.
 */
#define GIVE_BACK                                                                                 \
	" SET state = CASE WHEN attempts >= " STR(JOB_MAX_ATTEMPTS) " THEN 'failed' ELSE 'queued' END," \
	" error = CASE WHEN attempts >= " STR(JOB_MAX_ATTEMPTS) " THEN 'given up after "            \
	STR(JOB_MAX_ATTEMPTS) " attempts: the judge host running it stopped each time' END,"      \
	" finished_at = CASE WHEN attempts >= " STR(JOB_MAX_ATTEMPTS) " THEN now() END,"           \
	" host_id = NULL, slot = NULL, lease_until = NULL"
/*
 * A job that ended (rows in scope as "ended": id, state, callback) and has a
 * callback gets its webhook delivery in the same statement; the body is
 * built by the deliverer (webhook_send.c).  HOOKS_NOTIFY, in the final
 * SELECT's list, wakes the deliverers.
 */
#define HOOKS(ended)                                                                              \
	" hooks AS (INSERT INTO webhook_delivery (job_id, url, method, body)"                       \
	"  SELECT id, callback::jsonb->>'url', coalesce(callback::jsonb->>'method', 'POST'), ''"     \
	"  FROM " ended " WHERE state IN ('done', 'failed') AND callback IS NOT NULL RETURNING id)"
#define HOOKS_NOTIFY " (SELECT count(pg_notify('ce_hooks', hooks.id::text)) FROM hooks) AS hooked"

/* ... the submissions of those that failed fail too, their callbacks are called, and who to
 * wake: a host for a job queued again, the front for one that failed */
#define NOTIFY_GIVEN_BACK                                                                         \
	", gone AS (UPDATE interview_coding SET status = 'internal_error' FROM lost"                \
	"  WHERE lost.state = 'failed' AND lost.context IS NOT NULL AND status = 'queued'"            \
	"  AND submission_id = (lost.context::jsonb->>'submission')::uuid),"                       \
	HOOKS("lost")                                                                               \
	" SELECT pg_notify(CASE WHEN state = 'failed' THEN 'ce_done' ELSE 'ce_jobs' END, id::text)," \
	HOOKS_NOTIFY

/* Listen on channel, and drop what this connection heard before. */
static enum db_err listen_fresh(const char *sql)
{
	char stale[64];
	enum db_err e = db_run(sql, 0, NULL);

	while (e == DB_OK && db_wait_notify(0, stale, sizeof(stale)) == 1)
		;
	return e;
}

static int max_depth = 5000;	/* CE_QUEUE_MAX_DEPTH: queued jobs in all */
static int client_max = 100;	/* CE_QUEUE_CLIENT_MAX: an API client's jobs queued or running */

void queue_init(void)
{
	max_depth = env_int("CE_QUEUE_MAX_DEPTH", 5000, 1, 10000000);
	client_max = env_int("CE_QUEUE_CLIENT_MAX", 100, 1, 10000000);
}

/* Where a job is: 1 done (*out, end->invalid), 0 still waiting, -1 ended otherwise (end). */
static int job_state(const char *id, struct json_object **out, struct job_end *end)
{
	const char *p[1] = { id };
	char perr[128];
	const char *state;
	PGresult *res;
	int rc = 0;

	if (db_exec(&res, "SELECT state, invalid, result, error FROM job WHERE id = $1::bigint", 1, p) !=
	    DB_OK) {
		end->how = JOB_DB_DOWN;
		fail(end->err, sizeof(end->err), "queue: %s", db_last_error());
		return -1;
	}
	state = PQntuples(res) == 1 ? db_get(res, 0, "state") : "gone";
	if (!strcmp(state, "done")) {
		end->how = JOB_DONE;
		end->invalid = !strcmp(db_get(res, 0, "invalid"), "t");
		*out = jsonh_parse(db_get(res, 0, "result"), strlen(db_get(res, 0, "result")), perr,
				   sizeof(perr));
		rc = 1;
		if (!*out) {
			end->how = JOB_FAILED;
			rc = fail(end->err, sizeof(end->err), "job %s has no JSON result: %s", id, perr);
		}
	} else if (!strcmp(state, "failed") || !strcmp(state, "cancelled") || !strcmp(state, "gone")) {
		end->how = !strcmp(state, "cancelled") ? JOB_CANCELLED : JOB_FAILED;
		rc = fail(end->err, sizeof(end->err), "job %s %s: %s", id, state,
			  PQntuples(res) == 1 ? db_get(res, 0, "error") : "no such job");
	}
	PQclear(res);
	return rc;
}

enum queue_rc queue_add(const struct job_new *j, char id[24], char token[40])
{
	const bool session = j->kind == JOB_SUBMIT || j->kind == JOB_RUN;
	char prio[8];
	const char *p[6] = { j->owner, kind_names[j->kind], prio, j->request, j->context, j->callback };
	long depth, mine;
	PGresult *res;
	enum db_err e;

	snprintf(prio, sizeof(prio), "%d", (int)j->kind);
	/* a submit takes the place of its session's run that has not started */
	if (j->kind == JOB_SUBMIT &&
	    db_run("WITH c AS (UPDATE job SET state = 'cancelled', error = 'replaced by a submit',"
		   "  finished_at = now() WHERE owner = $1 AND kind = 'run' AND state = 'queued'"
		   "  RETURNING id) SELECT pg_notify('ce_done', id::text) FROM c",
		   1, p) != DB_OK)
		return QUEUE_DB;
	if (db_exec(&res,
		    "SELECT (SELECT count(*) FROM job WHERE state = 'queued') AS depth,"
		    " (SELECT count(*) FROM job WHERE owner = $1 AND state IN ('queued', 'running')) AS mine",
		    1, p) != DB_OK)
		return QUEUE_DB;
	depth = db_getll(res, 0, "depth");
	mine = db_getll(res, 0, "mine");
	PQclear(res);
	/* refused before anything is stored; the unique index job_one_per_session settles a race */
	if (session && mine > 0)
		return QUEUE_BUSY;
	if (!session && mine >= client_max)
		return QUEUE_QUOTA;
	if (depth >= max_depth)
		return QUEUE_FULL;
	e = db_exec(&res,
		    "WITH j AS (INSERT INTO job (owner, kind, priority, request, context, callback)"
		    " VALUES ($1, $2, $3::smallint, $4, $5, $6) RETURNING id, token)"
		    " SELECT id, token, pg_notify('ce_jobs', id::text) FROM j",
		    6, p);
	if (e == DB_ECONFLICT)
		return QUEUE_BUSY;
	if (e != DB_OK)
		return QUEUE_DB;
	snprintf(id, 24, "%s", db_get(res, 0, "id"));
	snprintf(token, 40, "%s", db_get(res, 0, "token"));
	PQclear(res);
	return QUEUE_OK;
}

struct json_object *queue_wait(const char *id, struct job_end *end)
{
	const uint64_t give_up = mono_us() + (uint64_t)JOB_MAX_WAIT_S * 1000000u;
	uint64_t db_since = 0;
	struct json_object *out = NULL;
	char heard[64];
	int at = -1;

	memset(end, 0, sizeof(*end));
	end->how = JOB_DB_DOWN;
	/* listening first, then looking: an end between the two cannot slip past */
	if (listen_fresh("LISTEN ce_done") != DB_OK) {
		fail(end->err, sizeof(end->err), "queue: %s", db_last_error());
		goto out;
	}
	for (;;) {
		at = job_state(id, &out, end);
		/* the job is stored: a database that restarts is waited for, up to 30 s */
		if (at < 0 && end->how == JOB_DB_DOWN) {
			if (!db_since)
				db_since = mono_us() + 30000000u;
			if (mono_us() > db_since)
				break;
		} else if (at != 0) {
			break;
		} else {
			db_since = 0;
		}
		if (mono_us() > give_up) {
			end->how = JOB_TIMEOUT;
			fail(end->err, sizeof(end->err), "queue: job %s still waits after %d s", id,
			     JOB_MAX_WAIT_S);
			break;
		}
		/* woken by its own end, or after a second whatever was heard */
		if (db_since || db_wait_notify(1000, heard, sizeof(heard)) < 0) {
			usleep(250000);
			listen_fresh("LISTEN ce_done");
		}
	}
out:
	db_run("UNLISTEN ce_done", 0, NULL);
	return at == 1 ? out : NULL;
}

struct json_object *queue_run(const struct job_new *j, enum queue_rc *rc, struct job_end *end)
{
	char id[24], token[40];

	memset(end, 0, sizeof(*end));
	*rc = queue_add(j, id, token);
	if (*rc != QUEUE_OK) {
		end->how = JOB_DB_DOWN;
		if (*rc == QUEUE_DB)
			fail(end->err, sizeof(end->err), "queue: %s", db_last_error());
		return NULL;
	}
	return queue_wait(id, end);
}

static void view_fill(PGresult *res, struct job_view *v)
{
	char perr[128];

	snprintf(v->id, sizeof(v->id), "%s", db_get(res, 0, "id"));
	snprintf(v->token, sizeof(v->token), "%s", db_get(res, 0, "token"));
	snprintf(v->kind, sizeof(v->kind), "%s", db_get(res, 0, "kind"));
	snprintf(v->state, sizeof(v->state), "%s", db_get(res, 0, "state"));
	snprintf(v->owner, sizeof(v->owner), "%s", db_get(res, 0, "owner"));
	snprintf(v->progress, sizeof(v->progress), "%s", db_get(res, 0, "progress"));
	snprintf(v->error, sizeof(v->error), "%s", db_get(res, 0, "error"));
	snprintf(v->created_at, sizeof(v->created_at), "%s", db_get(res, 0, "created"));
	snprintf(v->started_at, sizeof(v->started_at), "%s", db_get(res, 0, "started"));
	snprintf(v->finished_at, sizeof(v->finished_at), "%s", db_get(res, 0, "finished"));
	v->position = (int)db_getll(res, 0, "position");
	v->invalid = !strcmp(db_get(res, 0, "invalid"), "t");
	if (!db_isnull(res, 0, "context"))
		v->context = strdup(db_get(res, 0, "context"));
	if (!strcmp(v->state, "done"))
		v->result = jsonh_parse(db_get(res, 0, "result"), strlen(db_get(res, 0, "result")), perr,
					sizeof(perr));
	if (!strcmp(v->state, "done") && !v->result) {
		/* stored by a host, so never seen: reported as the failure it would be */
		snprintf(v->state, sizeof(v->state), "failed");
		snprintf(v->error, sizeof(v->error), "the stored result is not JSON: %s", perr);
	}
}

static int view_once(const char *token, struct job_view *v)
{
	const char *p[1] = { token };
	PGresult *res;
	int n;

	if (db_exec(&res,
		    "SELECT id, token, kind, state, owner, coalesce(progress, '') AS progress,"
		    " invalid, result, context, error,"
		    " to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS created,"
		    " to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS started,"
		    " to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS finished,"
		    " CASE WHEN state = 'queued' THEN (SELECT count(*) FROM job q WHERE q.state = 'queued'"
		    "  AND (q.priority, q.id) <= (job.priority, job.id)) ELSE 0 END AS position"
		    " FROM job WHERE token = $1::uuid",
		    1, p) != DB_OK)
		return -1;
	n = PQntuples(res);
	if (n == 1)
		view_fill(res, v);
	PQclear(res);
	return n == 1;
}

int queue_view(const char *token, int wait_ms, struct job_view *v)
{
	const uint64_t until = mono_us() + (uint64_t)(wait_ms > 0 ? wait_ms : 0) * 1000u;
	char heard[64];
	int found;
	uint64_t now;

	memset(v, 0, sizeof(*v));
	if (!uuid_valid(token))
		return 0;
	if (wait_ms > 0 && listen_fresh("LISTEN ce_done") != DB_OK)
		return -1;
	for (;;) {
		found = view_once(token, v);
		now = mono_us();
		if (found != 1 || wait_ms <= 0 || now >= until ||
		    (strcmp(v->state, "queued") && strcmp(v->state, "running")))
			break;
		job_view_release(v);
		/* woken by any job's end; a second at most, so progress shows too */
		db_wait_notify((int)((until - now) / 1000u < 1000 ? (until - now) / 1000u + 1 : 1000),
			       heard, sizeof(heard));
	}
	if (wait_ms > 0)
		db_run("UNLISTEN ce_done", 0, NULL);
	return found;
}

void job_view_release(struct job_view *v)
{
	json_object_put(v->result);
	free(v->context);
	v->result = NULL;
	v->context = NULL;
}

enum db_err queue_host_register(const char *name, int slots, const char *version, int *host_id)
{
	char s[16];
	const char *p[3] = { name, s, version };
	PGresult *res;
	enum db_err e;

	snprintf(s, sizeof(s), "%d", slots);
	e = db_exec(&res,
		    "INSERT INTO judge_host (name, slots, version) VALUES ($1, $2::int, $3) RETURNING id",
		    3, p);
	if (e == DB_OK) {
		*host_id = (int)db_getll(res, 0, "id");
		PQclear(res);
	}
	return e;
}

enum db_err queue_host_beat(int host_id)
{
	char h[16];
	const char *p[1] = { h };

	snprintf(h, sizeof(h), "%d", host_id);
	return db_run("WITH beat AS (UPDATE judge_host SET heartbeat_at = now() WHERE id = $1::int),"
		      " renew AS (UPDATE job SET lease_until = now() + interval '" STR(JOB_LEASE_S) " seconds'"
		      "  WHERE host_id = $1::int AND state = 'running'),"
		      " lost AS (UPDATE job" GIVE_BACK
		      "  WHERE state = 'running' AND lease_until < now() AND host_id IS DISTINCT FROM $1::int"
		      "  RETURNING id, state, context, callback)" NOTIFY_GIVEN_BACK " FROM lost",
		      1, p);
}

int queue_release_slot(int host_id, int slot)
{
	char h[16], s[16];
	const char *p[2] = { h, s };

	snprintf(h, sizeof(h), "%d", host_id);
	snprintf(s, sizeof(s), "%d", slot);
	return db_run("WITH lost AS (UPDATE job" GIVE_BACK
		      "  WHERE host_id = $1::int AND slot = $2::int AND state = 'running'"
		      "  RETURNING id, state, context, callback)" NOTIFY_GIVEN_BACK " FROM lost",
		      2, p) == DB_OK ? 0 : -1;
}

void queue_host_leave(int host_id)
{
	char h[16];
	const char *p[1] = { h };

	snprintf(h, sizeof(h), "%d", host_id);
	db_run("UPDATE judge_host SET draining = true, heartbeat_at = now() WHERE id = $1::int", 1, p);
}

int queue_claim(int host_id, int slot, char id[24], struct strbuf *request, struct strbuf *context)
{
	char h[16], s[16];
	const char *p[2] = { h, s };
	PGresult *res;
	int n;

	snprintf(h, sizeof(h), "%d", host_id);
	snprintf(s, sizeof(s), "%d", slot);
	if (listen_fresh("LISTEN ce_jobs") != DB_OK)
		return -1;
	/*
	 * Priority first; within it, the owner with the fewest jobs running goes
	 * first, so one owner's flood takes a slot at a time while others wait.
	 */
	if (db_exec(&res,
		    "WITH next AS (SELECT j.id FROM job j WHERE j.state = 'queued'"
		    "  ORDER BY j.priority, (SELECT count(*) FROM job r WHERE r.owner = j.owner"
		    "   AND r.state = 'running'), j.id"
		    "  LIMIT 1 FOR UPDATE SKIP LOCKED)"
		    " UPDATE job SET state = 'running', attempts = attempts + 1, host_id = $1::int,"
		    "  slot = $2::int, started_at = now(),"
		    "  lease_until = now() + interval '" STR(JOB_LEASE_S) " seconds'"
		    " FROM next WHERE job.id = next.id RETURNING job.id, job.request, job.context",
		    2, p) != DB_OK)
		return -1;
	n = PQntuples(res);
	if (n == 1) {
		snprintf(id, 24, "%s", db_get(res, 0, "id"));
		strbuf_reset(request);
		strbuf_addstr(request, db_get(res, 0, "request"));
		strbuf_reset(context);
		strbuf_addstr(context, db_get(res, 0, "context"));
	}
	PQclear(res);
	return n == 1;
}

void queue_idle(int timeout_ms)
{
	char heard[64];

	db_wait_notify(timeout_ms, heard, sizeof(heard));
}

int queue_finish(const char *id, int host_id, int slot, const char *result, bool invalid,
		 const char *error)
{
	char h[16], s[16];
	const char *p[6] = { id, h, s, result, invalid ? "t" : "f", error };
	int n;

	snprintf(h, sizeof(h), "%d", host_id);
	snprintf(s, sizeof(s), "%d", slot);
	n = db_rows("WITH up AS (UPDATE job SET state = CASE WHEN $4::text IS NULL THEN 'failed' ELSE 'done' END,"
		    "  result = $4, invalid = $5::bool, error = $6, finished_at = now(), lease_until = NULL,"
		    "  progress = NULL"
		    "  WHERE id = $1::bigint AND host_id = $2::int AND slot = $3::int AND state = 'running'"
		    "  RETURNING id, state, context, callback),"
		    " gone AS (UPDATE interview_coding SET status = 'internal_error' FROM up"
		    "  WHERE up.state = 'failed' AND up.context IS NOT NULL AND status = 'queued'"
		    "  AND submission_id = (up.context::jsonb->>'submission')::uuid),"
		    HOOKS("up")
		    " SELECT pg_notify('ce_done', id::text)," HOOKS_NOTIFY " FROM up",
		    6, p);
	return n < 0 ? -1 : n == 1;
}

void queue_progress(const char *id, const char *progress)
{
	const char *p[2] = { id, progress };

	db_run("UPDATE job SET progress = $2 WHERE id = $1::bigint AND state = 'running'", 2, p);
}
