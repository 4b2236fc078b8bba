/*
 * store_test.h - the statements about tests, their versions, invitations to them and what
 * the bank's questions did in them
 *
 * A test belongs to a job (store_job.h) and has versions; the highest is the current one.
 * A candidate is invited to a version: its questions and points are copied into
 * candidate_question, and the session, the judge and the reports read those as they read
 * a hand-picked test.  A question's points in a test scale its score: best / the question's
 * own maximum * points (sql/010_tests.sql, test_question_score); no points: its own score.
 *
 * Writers take a test document as JSON text, checked by the handler (api_jobs.c):
 *   {"title", "duration_minutes", "languages": [...], "instructions",
 *    "window_from": time|null, "window_until": time|null,
 *    "questions": [{"qid": internal id, "points": number|null}, ...]}
 * where every member may be absent (an update keeps what the test had).  The writers run
 * inside the caller's transaction (db_begin).  Readers return a new JSON object, or NULL
 * with *dberr set when the database failed and NULL with *dberr 0 when there is no such test.
 */
#ifndef CE_STORE_TEST_H
#define CE_STORE_TEST_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "db.h"

struct json_object;

/* Create a test of job_id from doc with its version 1; its id into id[16]. */
enum db_err store_test_create(const char *job_id, const char *doc, int admin_id, char id[16]);
/*
 * Change test_id as doc says.  When a candidate invited to the current version has started
 * it, a new version is made (*versioned true) and every candidate keeps the version they
 * were invited to; otherwise the current version changes in place and the candidates
 * invited to it, none of whom has started, get its new questions and duration.
 * Returns 1, 0 when there is no such test, -1 on a database error.
 */
int store_test_update(const char *test_id, const char *doc, int admin_id, bool *versioned);
/*
 * Does doc's window read as times, and does it open before it closes (with what test_id's
 * current version keeps; test_id NULL for a new test)?  1, 0, -1 on a database error.
 */
int store_test_window_valid(const char *test_id, const char *doc);
/* The test: its current version with its questions, and every version with its candidates. */
struct json_object *store_test_json(const char *test_id, int *dberr);
/* The tests of a job, each with its current version's settings and counts. */
struct json_object *store_test_list_json(const char *job_id, int *dberr);
/* The job of test_id into job[16]: 1, 0 when there is no such test, -1 on a database error. */
int store_test_job(const char *test_id, char job[16]);

/*
 * Invite to the current version of test_id the rows of invites, a JSON array of
 * {"i": row number, "name", "email", "token", "nonce"?} with no e-mail twice (any case).  An e-mail
 * already invited to any version of the test is not invited again.  *res gets one row per
 * invite, in order: i, candidate_id ("" when it was already invited).  The caller clears it.
 * DB_EQUERY also when there is no such test.
 */
enum db_err store_test_invite(const char *test_id, const char *invites, int admin_id, PGresult **res);
/*
 * Put candidate_id, who has their questions already, into a one-off test of their own in
 * the job "One-off tests" (made on first use): a test named after them with one version of
 * their questions and duration.
 */
enum db_err store_test_one_off(const char *candidate_id, int admin_id);

/*
 * The window of the test version candidate_id was invited to, now: "" when the link may
 * start a session (also for a candidate invited to no test), "early" or "closed".
 * 1, 0 when there is no such candidate, -1 on a database error.
 */
int store_test_window(const char *candidate_id, char state[8]);
/* May candidate_id write in lang?  1, 0 when their test does not allow it, -1 on a database error. */
int store_test_language_ok(const char *candidate_id, const char *lang);
/* What the candidate's page shows of their test: title, instructions, languages (all when none). */
struct json_object *store_test_candidate_json(const char *candidate_id, int *dberr);

/* Is question qid in the current version of test_id?  1, 0, -1 on a database error. */
int store_test_has_question(const char *test_id, const char *qid);
/*
 * May question qid go into a test anew: is it archived, has it no test case (a question
 * nobody could score on)?  1 when the question exists, 0 when not, -1 on a database error.
 */
int store_test_question_state(const char *qid, bool *archived, bool *no_tests);
/* Where question qid is used (tests, candidates) and how candidates scored on it. */
struct json_object *store_test_question_usage_json(const char *qid, int *dberr);

#endif
