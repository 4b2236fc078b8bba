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
#define JOB_MAX_WAIT_S 900	/* the front gives up waiting after this (nginx's read timeout) */

/*
 * Add a job and wait for its end, as executor_run() does for a local judge:
 * the judge's response object (the caller owns it; *invalid set when the
 * judge refused the request), or NULL with err when no host could run it or
 * JOB_MAX_WAIT_S passed, and with *db_down set too when the database failed
 * (then the job may not be stored at all).
 */
struct json_object *queue_run(enum job_kind kind, const char *owner, const char *req, size_t len,
			      int *invalid, bool *db_down, char *err, size_t errlen);
/*
 * The two halves of queue_run, for a caller that stores more with the job
 * in one transaction: add a job (context: what its host does with the
 * answer besides storing it, see grade.h; NULL for nothing), its id into
 * id[24]; then, after the commit, wait for it.
 */
enum db_err queue_add(enum job_kind kind, const char *owner, const char *req, const char *context,
		      char id[24]);
struct json_object *queue_wait(const char *id, int *invalid, bool *db_down, char *err,
			       size_t errlen);

/* ---- the judge host's side ---- */

/* Register a host with its slots; its id into *host_id. */
enum db_err queue_host_register(const char *name, int slots, const char *version, int *host_id);
/*
 * The host's heartbeat: renew the leases of its running jobs, and give
 * back, or fail, the jobs of any host whose leases ran out.
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
 * is NULL (a submission the job was for fails with it).  Wakes the waiting
 * front.  1 when stored, 0 when the job's lease went to another host
 * meanwhile (it is left to that host), -1 on a database error.
 */
int queue_finish(const char *id, int host_id, int slot, const char *result, bool invalid,
		 const char *error);

#endif
