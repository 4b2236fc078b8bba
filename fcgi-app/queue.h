/*
 * queue.h - every execution is a job in PostgreSQL, stored before it runs
 *
 * The front (ce-fcgi) adds a job and waits for it; judge hosts (ce-worker)
 * claim jobs with FOR UPDATE SKIP LOCKED, hold a lease while they run one,
 * and store the judge's answer.  NOTIFY ce_jobs wakes the hosts, NOTIFY
 * ce_done (payload: the job's id) wakes the waiting front; both also poll,
 * so a lost notification costs a second, never a job.  A job whose lease
 * ran out (its host died) is queued again, and after JOB_MAX_ATTEMPTS it
 * fails with a message that says so.
 */
#ifndef CE_QUEUE_H
#define CE_QUEUE_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "strbuf.h"

/* In the order the hosts serve them: a candidate's submit first, the API last. */
enum job_kind { JOB_SUBMIT, JOB_RUN, JOB_CHECK, JOB_EXECUTE };

#define JOB_MAX_ATTEMPTS 3
#define JOB_LEASE_S 30		/* a running job's lease, renewed by its host every few seconds */
#define JOB_HOST_LIVE "15 seconds"	/* a host that beat within this is live */
#define JOB_MAX_WAIT_S 900	/* the front gives up waiting after this (nginx's read timeout) */

/* Why queue_add refused a job, or that it did not. */
enum queue_rc {
	QUEUE_OK,
	QUEUE_BUSY,	/* the candidate session has an execution queued or running */
	QUEUE_QUOTA,	/* the client has CE_QUEUE_CLIENT_MAX jobs queued */
	QUEUE_FULL,	/* CE_QUEUE_MAX_DEPTH jobs are queued */
	QUEUE_DB,	/* the database failed */
};

/* A new job. */
struct job_new {
	enum job_kind kind;
	const char *owner;	/* whose turn it is: 'session:<candidate>', 'client:<key or address>' */
	const char *request;	/* the judge's request, JSON text */
	const char *context;	/* what the host does with the answer besides storing it (grade.h), or NULL */
	const char *callback;	/* {"url", "method", "format"} to call when it ends (webhook.h), or NULL */
};

/* How a job ended, for whoever waited for it. */
struct job_end {
	enum { JOB_DONE, JOB_FAILED, JOB_CANCELLED, JOB_TIMEOUT, JOB_DB_DOWN } how;
	int invalid;		/* JOB_DONE: the judge refused the request */
	char err[256];		/* why not JOB_DONE (for logs; JOB_FAILED's is the job's error) */
};

/* Queue bounds (CE_QUEUE_MAX_DEPTH, CE_QUEUE_CLIENT_MAX), read once from the environment. */
void queue_init(void);
/*
 * Add a job, refused early (nothing stored) when its owner or the queue is
 * over its bound; a candidate's submit first cancels its session's queued
 * run.  Its id into id[24] and its token into token[40].  In a transaction
 * of the caller's, a refusal leaves the transaction to be rolled back.
 */
enum queue_rc queue_add(const struct job_new *j, char id[24], char token[40]);
/*
 * Wait for a job's end: the judge's response object (the caller owns it),
 * or NULL with end->how saying why not.  A database that restarts is waited
 * for up to 30 s; the job is given up on after JOB_MAX_WAIT_S.
 */
struct json_object *queue_wait(const char *id, struct job_end *end);
/* queue_add then queue_wait; NULL with end->how JOB_DB_DOWN, or *rc set, when it was not added. */
struct json_object *queue_run(const struct job_new *j, enum queue_rc *rc, struct job_end *end);

/* A job as its client follows it (GET /api/executions/:token, Judge0's token). */
struct job_view {
	char id[24], token[40], kind[12], state[12], owner[96];
	char progress[32];	/* running: 'compiling' or 'test k/n'; else "" */
	int position;		/* queued: 1 for the next to run; else 0 */
	int invalid;
	struct json_object *result;	/* done: the judge's response (released by job_view_release) */
	char *context;		/* the job's context, or NULL */
	char error[256];	/* failed or cancelled: why */
	char created_at[40], started_at[40], finished_at[40];	/* ISO 8601, "" when not yet */
};
/*
 * Look a job up by its token, waiting up to wait_ms for it to end when it
 * has not: 1 found, 0 no such job (or not a token), -1 the database failed.
 */
int queue_view(const char *token, int wait_ms, struct job_view *v);
void job_view_release(struct job_view *v);

/* ---- the judge host's side ---- */

/* Register a host with its slots; its id into *host_id. */
enum db_err queue_host_register(const char *name, int slots, const char *version, int *host_id);
/*
 * The host's heartbeat: renew the leases of its running jobs, and give
 * back, or fail, the jobs of any host whose leases ran out (a failed job's
 * callback is called, as queue_finish's is).
 */
enum db_err queue_host_beat(int host_id);
/* Give back the job a slot held when the slot's process died; -1 on a database error. */
int queue_release_slot(int host_id, int slot);
/* The host is going: no lease of its is renewed any more. */
void queue_host_leave(int host_id);

/*
 * Claim the next job for a slot: 1 with its id (text), request and context
 * ("" when none), 0 when none waits, -1 on a database error.  Listens for
 * ce_jobs first, so queue_idle() wakes when a job is added.
 */
int queue_claim(int host_id, int slot, char id[24], struct strbuf *request, struct strbuf *context);
/* Wait at most timeout_ms for a new job (NOTIFY ce_jobs). */
void queue_idle(int timeout_ms);
/*
 * Store the end of a job that this slot holds: done with the judge's
 * answer (invalid: the judge refused it), or failed with error when result
 * is NULL (a submission the job was for fails with it).  A job with a
 * callback gets its webhook delivery in the same statement (webhook.h).
 * Wakes the waiting front and the deliverers.  1 when stored, 0 when the job's lease went to another host
 * meanwhile (it is left to that host), -1 on a database error.
 */
int queue_finish(const char *id, int host_id, int slot, const char *result, bool invalid,
		 const char *error);
/* Where a running job is ('compiling', 'test k/n'), for its followers; best effort. */
void queue_progress(const char *id, const char *progress);

#endif
