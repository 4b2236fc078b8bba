/*
 * store_question.h - the statements about a question and its tests
 *
 * The handlers (api_admin.c, api_questions.c) and ce-ctl's bank loader go
 * through these: every statement about a question or its tests is here, once.  Values are text
 * as PostgreSQL takes them; JSON columns take JSON text.
 */
#ifndef CE_STORE_QUESTION_H
#define CE_STORE_QUESTION_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "db.h"
#include "strbuf.h"

struct json_object;

struct store_question {
	const char *slug;		/* NULL for a question made in the admin pages */
	const char *title;
	const char *question;		/* markdown */
	const char *difficulty;		/* easy, medium or hard, any case */
	const char *tags_json;		/* a JSON array */
	const char *boiler_json;	/* a JSON object: language -> starter code */
	const char *time_limit_ms;
	const char *memory_limit_mb;
	const char *output_limit_kb;
	const char *checker_json;	/* a JSON object (common/grading.h) */
	const char *groups_json;	/* a JSON array (common/grading.h) */
	const char *signature_json;	/* a JSON object, "null" for an input/output question */
	const char *package_json;	/* a JSON object */
	const char *statement_pdf;	/* base64; "" to drop it */
};

/* One test as stored; group, name and interaction may be NULL. */
struct store_test {
	const char *input, *expected, *points, *group, *name, *interaction;
	bool sample;
};

/*
 * Resolve ":id" (an integer or a uuid) to the internal id in out[16]: 1 when
 * found, 0 when malformed or unknown, -1 on a database error.
 */
int store_question_lookup(const char *key, char out[16]);
/*
 * The last submission of each candidate in reader's scope (store_job.h STORE_JOB_SCOPE) on
 * question qid, for the newest STORE_SIMILARITY_MAX candidates who submitted, newest first:
 * candidate_id, name, submission_id, language, code, created_at.  The caller clears *res.
 */
#define STORE_SIMILARITY_MAX 1000
enum db_err store_question_finals(const char *qid, int reader, PGresult **res);
/*
 * What candidates of qid start from or must not be flagged for: rows of kind, language, code:
 * "boiler" (the question's own starter code of a language), "reference" (a reference
 * solution), and one "signature" row (its JSON text; language empty) for a function question.
 */
enum db_err store_question_givens(const char *qid, PGresult **res);
/* Insert a question; its id into id[16]. */
enum db_err store_question_insert(const struct store_question *q, char id[16]);
/* Is there a question loaded from this bank directory (slug)?  1, 0, or -1 on a database error. */
int store_question_slug_exists(const char *slug);
/* Change the fields of q that are not NULL (slug is ignored). */
enum db_err store_question_update(const char *qid, const struct store_question *q);
/*
 * Delete the question and its tests: 1 when deleted, 2 when a test, a candidate's test
 * or a submission holds it (it is archived instead: hidden from the bank list and from
 * new tests, kept for those that have it), 0 when there is no such question, -1 on a
 * database error.
 */
int store_question_delete(const char *qid);
/* Record admin_id as the author of question qid, unless it has one. */
enum db_err store_question_set_author(const char *qid, int admin_id);
/* Drop every test of question qid (an update that replaces them). */
enum db_err store_test_delete_all(const char *qid);
/*
 * The readers return a new JSON object (the caller owns it), or NULL with
 * *dberr set when the database failed, NULL with *dberr 0 when not found.
 */
/* The question as the recruiter edits it, with every test, its checker, groups and references. */
struct json_object *store_question_admin_json(const char *qid, int *dberr);
/* The same with the statement PDF (base64), as question_document() gives it. */
struct json_object *store_question_document_json(const char *qid, int *dberr);
/* The bank as the recruiter lists it, filtered by text, difficulty and tag ("" for any);
 * archived questions only when asked. */
struct json_object *store_question_admin_list_json(const char *text, const char *difficulty,
						   const char *tag, bool archived, int *dberr);
/*
 * The questions of candidate_id's test in order, or (NULL) the whole bank:
 * sample tests only, with the candidate's progress on each.
 */
struct json_object *store_question_list_json(const char *candidate_id, int *dberr);
/* One question as a candidate sees it (candidate_id NULL for the admin), with its starters. */
struct json_object *store_question_json(const char *qid, const char *candidate_id, int *dberr);
/*
 * The tests a run (samples_only) or a submit judges, in order, each row with
 * id, input_data, expected_output, is_sample, points, time_limit_ms and
 * memory_limit_mb.  The caller clears *res.
 */
enum db_err store_question_tests(const char *qid, bool samples_only, PGresult **res);
/* Insert one test of question qid at position order (1, 2, ...). */
enum db_err store_test_insert(const char *qid, const struct store_test *t, int order);
/*
 * Do the question's tests fit its groups (each in one of them, when it has
 * any)?  1, 0 with the first misfit's position in *bad, -1 on a database error.
 */
int store_tests_fit_groups(const char *qid, int *bad, char group[65]);
/* Replace the question's reference solutions with nothing (then insert them anew). */
enum db_err store_reference_delete_all(const char *qid);
enum db_err store_reference_insert(const char *qid, const char *name, const char *language,
				   const char *code, const char *expected, int order);
/* The reference solutions of qid, in order: rows of name, language, code, expected. */
enum db_err store_references(const char *qid, PGresult **res);
/* The statement PDF of qid into out: 1, 0 when it has none, -1 on a database error. */
int store_question_pdf(const char *qid, struct strbuf *out);

#endif
