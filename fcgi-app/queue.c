/* queue.c - every execution is a job in PostgreSQL, stored before it runs */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsonh.h"
#include "queue.h"
#include "util.h"

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
/* ... the submissions of those that failed fail too, and who to wake: a host for a job
 * queued again, the front for one that failed */
#define NOTIFY_GIVEN_BACK                                                                         \
	", gone AS (UPDATE interview_coding SET status = 'internal_error' FROM lost"                \
	"  WHERE lost.state = 'failed' AND lost.context IS NOT NULL AND status = 'queued'"            \
	"  AND submission_id = (lost.context::jsonb->>'submission')::uuid)"                        \
	" SELECT pg_notify(CASE WHEN state = 'failed' THEN 'ce_done' ELSE 'ce_jobs' END, id::text)"

/* Listen on channel, and drop what this connection heard before. */
static enum db_err listen_fresh(const char *sql)
{
	char stale[64];
	enum db_err e = db_run(sql, 0, NULL);

	while (e == DB_OK && db_wait_notify(0, stale, sizeof(stale)) == 1)
		;
	return e;
}

/* The job's end: 1 done (*out, *invalid), 0 still waiting, -1 failed (err), -2 the database failed. */
static int job_end(const char *id, struct json_object **out, int *invalid, char *err, size_t errlen)
{
	const char *p[1] = { id };
	char perr[128];
	PGresult *res;
	int rc = 0;

	if (db_exec(&res, "SELECT state, invalid, result, error FROM job WHERE id = $1::bigint", 1, p) !=
	    DB_OK) {
		fail(err, errlen, "queue: %s", db_last_error());
		return -2;
	}
	if (PQntuples(res) != 1) {
		rc = fail(err, errlen, "queue: job %s is gone", id);
	} else if (!strcmp(db_get(res, 0, "state"), "done")) {
		*invalid = !strcmp(db_get(res, 0, "invalid"), "t");
		*out = jsonh_parse(db_get(res, 0, "result"), strlen(db_get(res, 0, "result")), perr,
				   sizeof(perr));
		rc = *out ? 1 : fail(err, errlen, "queue: job %s has no JSON result: %s", id, perr);
	} else if (!strcmp(db_get(res, 0, "state"), "failed")) {
		rc = fail(err, errlen, "job %s failed: %s", id, db_get(res, 0, "error"));
	}
	PQclear(res);
	return rc;
}

enum db_err queue_add(enum job_kind kind, const char *owner, const char *req, const char *context,
		      char id[24])
{
	char prio[8];
	const char *p[5] = { kind_names[kind], owner, prio, req, context };
	PGresult *res;
	enum db_err e;

	snprintf(prio, sizeof(prio), "%d", (int)kind);
	e = db_exec(&res,
		    "WITH j AS (INSERT INTO job (kind, owner, priority, request, context)"
		    " VALUES ($1, $2, $3::smallint, $4, $5) RETURNING id)"
		    " SELECT id, pg_notify('ce_jobs', id::text) FROM j",
		    5, p);
	if (e == DB_OK) {
		snprintf(id, 24, "%s", db_get(res, 0, "id"));
		PQclear(res);
	}
	return e;
}

struct json_object *queue_wait(const char *id, int *invalid, bool *db_down, char *err, size_t errlen)
{
	const uint64_t give_up = mono_us() + (uint64_t)JOB_MAX_WAIT_S * 1000000u;
	uint64_t db_since = 0;
	struct json_object *out = NULL;
	char heard[64];
	int end = -2;

	*invalid = 0;
	/* listening first, then looking: an end between the two cannot slip past */
	if (listen_fresh("LISTEN ce_done") != DB_OK)
		goto out;
	for (;;) {
		end = job_end(id, &out, invalid, err, errlen);
		/* the job is stored: a database that restarts is waited for, up to 30 s */
		if (end == -2 && !db_since)
			db_since = mono_us() + 30000000u;
		if (end == -1 || end == 1 || (end == -2 && mono_us() > db_since))
			break;
		if (end == 0)
			db_since = 0;
		if (mono_us() > give_up) {
			fail(err, errlen, "queue: job %s still waits after %d s", id, JOB_MAX_WAIT_S);
			break;
		}
		/* woken by its own end, or after a second whatever was heard */
		if (end == -2 || db_wait_notify(1000, heard, sizeof(heard)) < 0) {
			usleep(250000);
			listen_fresh("LISTEN ce_done");
		}
	}
out:
	db_run("UNLISTEN ce_done", 0, NULL);
	*db_down = end == -2;
	if (end == -2 && !*err)
		fail(err, errlen, "queue: %s", db_last_error());
	return end == 1 ? out : NULL;
}

struct json_object *queue_run(enum job_kind kind, const char *owner, const char *req, size_t len,
			      int *invalid, bool *db_down, char *err, size_t errlen)
{
	char id[24];

	(void)len;
	*invalid = 0;
	if (queue_add(kind, owner, req, NULL, id) != DB_OK) {
		*db_down = true;
		fail(err, errlen, "queue: %s", db_last_error());
		return NULL;
	}
	return queue_wait(id, invalid, db_down, err, errlen);
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
		      "  RETURNING id, state, context)" NOTIFY_GIVEN_BACK " FROM lost",
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
		      "  RETURNING id, state, context)" NOTIFY_GIVEN_BACK " FROM lost",
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
		    "  result = $4, invalid = $5::bool, error = $6, finished_at = now(), lease_until = NULL"
		    "  WHERE id = $1::bigint AND host_id = $2::int AND slot = $3::int AND state = 'running'"
		    "  RETURNING id, state, context),"
		    " gone AS (UPDATE interview_coding SET status = 'internal_error' FROM up"
		    "  WHERE up.state = 'failed' AND up.context IS NOT NULL AND status = 'queued'"
		    "  AND submission_id = (up.context::jsonb->>'submission')::uuid)"
		    " SELECT pg_notify('ce_done', id::text) FROM up",
		    6, p);
	return n < 0 ? -1 : n == 1;
}
