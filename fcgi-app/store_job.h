/*
 * store_job.h - the statements about jobs: the job, who works on it, its candidate pipeline
 * and its export
 *
 * Writers take a job document as JSON text, checked by the handler (api_jobs.c):
 *   {"title", "description", "members": [{"admin_id", "role": "recruiter"|"reviewer"}]}
 * where a member absent from an update keeps what the job had ("members" replaces them all).
 * Readers return a new JSON object, or NULL with *dberr set when the database failed and
 * NULL with *dberr 0 when there is no such job.
 */
#ifndef CE_STORE_JOB_H
#define CE_STORE_JOB_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "db.h"

struct json_object;

/*
 * SQL: is job_col a job that account param (an int parameter such as "$2") is a member of,
 * or is param 0 (an account that sees every job)?  A reviewer sees the jobs they are
 * assigned to only (auth_reader()).
 */
#define STORE_JOB_SCOPE(job_col, param)                                                         \
	"(" param "::int = 0 OR EXISTS (SELECT 1 FROM job_member m WHERE m.job_id = " job_col   \
	" AND m.admin_id = " param "::int))"

/* The jobs in reader's scope (STORE_JOB_SCOPE), newest first, with their counts;
 * archived ones only when asked. */
struct json_object *store_job_list_json(bool archived, int reader, int *dberr);
/* One job with its members and its tests. */
struct json_object *store_job_json(const char *job_id, int *dberr);
/* A new job from doc, with its members (inside the caller's transaction); its id into id[16]. */
enum db_err store_job_create(const char *doc, int admin_id, char id[16]);
/* Change job_id as doc says (inside the caller's transaction): 1, 0 no such job, -2 a member
 * is not an admin account or is named twice, -1 on a database error. */
int store_job_update(const char *job_id, const char *doc);
/*
 * Delete job_id, or archive it when a candidate was invited to one of its tests (their
 * results stay): 1 deleted, 2 archived, 0 no such job, -1 on a database error.
 */
int store_job_delete(const char *job_id);
/* Is there such a job (archived or not)?  1, 0, -1 on a database error. */
int store_job_exists(const char *job_id);

/* What the pipeline shows: every member "" for any, as the handler checked them. */
struct store_pipeline {
	const char *test;		/* a test id */
	const char *status;		/* invited, started, completed, expired, abandoned */
	const char *min_score, *max_score;	/* on the total */
	const char *sort;		/* name, score, invited_at, completed_at */
	const char *order;		/* asc, desc */
	int page, per_page;		/* from 1 */
};
/*
 * {"total": rows matching, "candidates": [the page's rows]}: each with the test and
 * version, the status, the times, each question's score scaled to the test's points,
 * the total and its maximum, and "ratings" (reviewers' ratings; [] until they exist).
 */
struct json_object *store_job_candidates_json(const char *job_id, const struct store_pipeline *f,
					      int *dberr);
/*
 * The export of job_id: *cols the questions of its candidates' tests in order (number,
 * title), *rows one row per candidate, newest first (name, email, test, version, status,
 * invited_at, started_at, completed_at as text, scores a JSON object of question number
 * to score, total, max_total).  The caller clears both.
 */
enum db_err store_job_export(const char *job_id, PGresult **cols, PGresult **rows);

#endif
