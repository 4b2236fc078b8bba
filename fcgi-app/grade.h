/*
 * grade.h - a candidate's run or submit: the judge's request from a question's tests, and
 * the graded answer
 *
 * The front builds the request when a candidate runs or submits; the graded
 * answer is built from the judge's response twice, once redacted (what the
 * candidate sees: a hidden test shows its verdict and points only) and once
 * whole (the recruiter's record).  A submit's tests travel with its job
 * (grade_context), so the judge host that ran it completes the stored
 * submission even when nobody waits for it any more.
 */
#ifndef CE_GRADE_H
#define CE_GRADE_H

#include <json-c/json.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "queue.h"

/* One test of the question as grading sees it. */
struct grade_test {
	bool sample;
	int points;
	char id[16];
};

/* What grading gave: the stored row and the summary. */
struct grade {
	const char *status;	/* accepted, or the first failing test's verdict */
	int passed, graded;
	double score, max_score;
};

/*
 * The judge request for the question's tests (rows of res, from
 * store_question_tests) with its checker, plus a run's custom input (not
 * checked); a submit's also with the test groups.  meta gets each test's
 * id, points and sample flag, *max_score what the tests are worth.
 */
struct json_object *grade_request(PGresult *res, bool submit, const char *lang, const char *code,
				  size_t code_len, const char *qkey, const char *custom,
				  size_t custom_len, struct grade_test *meta, double *max_score);
/*
 * The seed-001 answer from the judge's: graded tests, custom input, group
 * scores, summary.  On submit the non-sample tests are hidden; redact (what
 * a candidate gets) leaves out their data, and every checker's message.
 * g gets the grade.
 */
struct json_object *grade_response(struct json_object *resp, const struct grade_test *meta,
				   int nt, bool submit, bool redact, const char *mode, struct grade *g);
/*
 * A run's or submit's job context: the tests, and a submit's stored
 * submission id (NULL for a run), for the host and for whoever follows
 * the job (caller puts).
 */
struct json_object *grade_context(const char *submission_id, const struct grade_test *meta, int nt);
/* The tests of a job context, for grade_response: calloc'd (caller frees), their number in *nt; NULL when malformed. */
struct grade_test *grade_context_tests(struct json_object *ctx, int *nt);
/*
 * Complete the submission a job context names with the judge's response
 * (invalid: the judge refused the request, and the submission is an
 * internal_error): 1 when completed, 0 when the context names none (a run,
 * /execute), -1 on a bad context or a database error.
 */
int grade_complete(const char *context, struct json_object *resp, bool invalid);
/*
 * Judge code against the stored question qid as a submit is judged (every
 * test, its checker and groups), through the queue as owner: the judge's
 * whole answer (the caller owns it), or NULL with *rc or end saying why
 * (*rc QUEUE_DB and end->how JOB_FAILED with end->invalid false when the
 * question has no tests).
 */
struct json_object *grade_check(const char *qid, const char *lang, const char *code,
				size_t code_len, const char *owner, enum queue_rc *rc,
				struct job_end *end);

#endif
