/*
 * test_store_test.c - tests of jobs, tests and their versions, invitations and the pipeline
 * (store_job.c, store_test.c) against a real PostgreSQL (tests/pg.h) migrated by ce-ctl
 */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "harness.h"
#include "pg.h"
#include "store_candidate.h"
#include "store_job.h"
#include "store_question.h"
#include "store_test.h"

static int suite_init(void)
{
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

/* A question worth 4 points (tests of 1 and 3); its internal id into id[16]. */
static void question(const char *title, char id[16])
{
	struct store_question q = { .title = title, .question = "Print the sum.", .difficulty = "easy",
				    .tags_json = "[]", .boiler_json = "{}", .time_limit_ms = "2000",
				    .memory_limit_mb = "256" };
	struct store_test t1 = { .input = "1 2\n", .expected = "3\n", .points = "1", .sample = true };
	struct store_test t2 = { .input = "5 5\n", .expected = "10\n", .points = "3" };

	CU_ASSERT_EQUAL_FATAL(store_question_insert(&q, id), DB_OK);
	CU_ASSERT_EQUAL(store_test_insert(id, &t1, 1), DB_OK);
	CU_ASSERT_EQUAL(store_test_insert(id, &t2, 2), DB_OK);
}

/* Invite one e-mail to test_id; the candidate's uuid into cid ("" when already invited). */
static void invite(const char *test_id, const char *name, const char *email, char cid[40])
{
	char doc[512];
	PGresult *res = NULL;

	snprintf(doc, sizeof(doc), "[{\"i\": 0, \"name\": \"%s\", \"email\": \"%s\", \"token\": \"t-%s\"}]",
		 name, email, email);
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL_FATAL(store_test_invite(test_id, doc, 1, &res), DB_OK);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);
	CU_ASSERT_EQUAL_FATAL(PQntuples(res), 1);
	snprintf(cid, 40, "%s", db_get(res, 0, "candidate_id"));
	PQclear(res);
}

/* The candidate's questions as "id:points,..." in order. */
static const char *questions_of(const char *cid)
{
	return pg_value("SELECT string_agg(question_id || ':' || COALESCE(points::text, '-'), ','"
			" ORDER BY position) FROM candidate_question WHERE candidate_id = $1::uuid", cid);
}

static void test_versions(void)
{
	char q1[16], q2[16], q3[16], job[16], test[16], a[40], b[40], c[40], again[40], doc[512], want[64];
	bool versioned = true;

	question("V one", q1);
	question("V two", q2);
	question("V three", q3);
	CU_ASSERT_EQUAL_FATAL(pg_value("INSERT INTO recruiter_admin (username, password_hash)"
				       " VALUES ('owner', 'x') RETURNING id", NULL) != NULL, 1);
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL_FATAL(store_job_create("{\"title\": \"Backend\", \"members\": [{\"admin_id\": 1,"
					       " \"role\": \"reviewer\"}]}", 1, job), DB_OK);
	snprintf(doc, sizeof(doc), "{\"title\": \"Screen\", \"duration_minutes\": 30, \"languages\": [\"python\"],"
		 " \"questions\": [{\"qid\": %s, \"points\": 10}, {\"qid\": %s, \"points\": null}]}", q1, q2);
	CU_ASSERT_EQUAL_FATAL(store_test_create(job, doc, 1, test), DB_OK);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);

	invite(test, "A", "a@example.org", a);
	invite(test, "B", "b@example.org", b);
	CU_ASSERT_NOT_EQUAL(*a, 0);
	snprintf(want, sizeof(want), "%s:10,%s:-", q1, q2);
	CU_ASSERT_STRING_EQUAL(questions_of(a), want);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT test_duration_minutes FROM candidate WHERE candidate_id = $1::uuid", a),
			       "30");
	/* the same e-mail in another case: no second candidate */
	invite(test, "A again", "A@Example.org", again);
	CU_ASSERT_STRING_EQUAL(again, "");

	/* nobody has started: the version changes in place, and the invited follow it */
	snprintf(doc, sizeof(doc), "{\"duration_minutes\": 45, \"questions\": [{\"qid\": %s}]}", q2);
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(store_test_update(test, doc, 1, &versioned), 1);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);
	CU_ASSERT_FALSE(versioned);
	snprintf(want, sizeof(want), "%s:-", q2);
	CU_ASSERT_STRING_EQUAL(questions_of(a), want);
	CU_ASSERT_STRING_EQUAL(questions_of(b), want);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT test_duration_minutes FROM candidate WHERE candidate_id = $1::uuid", b),
			       "45");

	/* A starts: the next edit is a new version; A and B keep theirs, a new invite gets it */
	pg_value("INSERT INTO test_session (candidate_id, test_duration_minutes, ends_at)"
		 " VALUES ($1::uuid, 45, now() + interval '45 minutes') RETURNING 1", a);
	snprintf(doc, sizeof(doc), "{\"title\": \"Screen 2\", \"languages\": [\"c\", \"java\"],"
		 " \"questions\": [{\"qid\": %s, \"points\": 5}, {\"qid\": %s}]}", q3, q1);
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(store_test_update(test, doc, 1, &versioned), 1);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);
	CU_ASSERT_TRUE(versioned);
	CU_ASSERT_STRING_EQUAL(questions_of(a), want);
	CU_ASSERT_STRING_EQUAL(questions_of(b), want);
	invite(test, "C", "c@example.org", c);
	snprintf(want, sizeof(want), "%s:5,%s:-", q3, q1);
	CU_ASSERT_STRING_EQUAL(questions_of(c), want);
	/* the new version took over what it did not change: the duration */
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT tv.version || ' ' || tv.duration_minutes || ' ' || tv.languages::text"
					" FROM candidate c JOIN test_version tv ON tv.id = c.test_version_id"
					" WHERE c.candidate_id = $1::uuid", c),
			       "2 45 [\"c\", \"java\"]");
	CU_ASSERT_EQUAL(store_test_language_ok(a, "python"), 1);
	CU_ASSERT_EQUAL(store_test_language_ok(a, "c"), 0);
	CU_ASSERT_EQUAL(store_test_language_ok(c, "c"), 1);
	CU_ASSERT_EQUAL(store_test_language_ok(c, "python"), 0);
	/* a candidate from before tests existed may write anything */
	snprintf(again, sizeof(again), "%s", pg_value("INSERT INTO candidate (name) VALUES ('old') RETURNING candidate_id", NULL));
	CU_ASSERT_EQUAL(store_test_language_ok(again, "python"), 1);

	/* a used question is archived, not deleted; an unused one is deleted */
	CU_ASSERT_EQUAL(store_question_delete(q1), 2);
	CU_ASSERT_STRING_EQUAL(questions_of(c), want);
	CU_ASSERT_EQUAL(store_test_has_question(test, q1), 1);
	CU_ASSERT_EQUAL(store_test_has_question(test, q2), 0);
	CU_ASSERT_EQUAL(store_job_delete(job), 2);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT archived_at IS NOT NULL FROM jobs WHERE id = $1::int", job), "t");
}

static void test_window(void)
{
	char q[16], job[16], test[16], cid[40], state[8], doc[512];
	bool versioned;

	question("W", q);
	snprintf(doc, sizeof(doc), "{\"title\": \"Windowed\", \"window_from\": \"2999-01-01T00:00:00Z\","
		 " \"questions\": [{\"qid\": %s}]}", q);
	CU_ASSERT_EQUAL(store_test_window_valid(NULL, doc), 1);
	CU_ASSERT_EQUAL(store_test_window_valid(NULL, "{\"window_from\": \"soon\"}"), 0);
	CU_ASSERT_EQUAL(store_test_window_valid(NULL, "{\"window_from\": \"2030-01-02\", \"window_until\": \"2030-01-01\"}"), 0);
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL_FATAL(store_job_create("{\"title\": \"W\"}", 1, job), DB_OK);
	CU_ASSERT_EQUAL_FATAL(store_test_create(job, doc, 1, test), DB_OK);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);
	/* an until before the stored from is refused */
	CU_ASSERT_EQUAL(store_test_window_valid(test, "{\"window_until\": \"2998-01-01T00:00:00Z\"}"), 0);
	invite(test, "W", "w@example.org", cid);
	CU_ASSERT_EQUAL(store_test_window(cid, state), 1);
	CU_ASSERT_STRING_EQUAL(state, "early");
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(store_test_update(test, "{\"window_from\": null, \"window_until\": \"2000-01-01T00:00:00Z\"}",
					  1, &versioned), 1);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);
	CU_ASSERT_EQUAL(store_test_window(cid, state), 1);
	CU_ASSERT_STRING_EQUAL(state, "closed");
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(store_test_update(test, "{\"window_until\": null}", 1, &versioned), 1);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);
	CU_ASSERT_EQUAL(store_test_window(cid, state), 1);
	CU_ASSERT_STRING_EQUAL(state, "");
}

/* The pipeline scales a question's best score to the test's points and filters on the total. */
static void test_pipeline(void)
{
	char q[16], job[16], test[16], a[40], b[40], doc[512];
	struct store_pipeline f = { .test = "", .status = "", .min_score = "", .max_score = "",
				    .sort = "score", .order = "desc", .page = 1, .per_page = 10 };
	struct json_object *o, *rows;
	int dberr = 0;

	question("P", q);
	snprintf(doc, sizeof(doc), "{\"title\": \"P\", \"questions\": [{\"qid\": %s, \"points\": 100}]}", q);
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL_FATAL(store_job_create("{\"title\": \"P\"}", 1, job), DB_OK);
	CU_ASSERT_EQUAL_FATAL(store_test_create(job, doc, 1, test), DB_OK);
	CU_ASSERT_EQUAL_FATAL(db_commit(), DB_OK);
	invite(test, "Low", "low@example.org", a);
	invite(test, "High", "high@example.org", b);
	/* 1 of 4 points and 3 of 4 points: 25 and 75 of the test's 100 */
	pg_value("INSERT INTO interview_coding (candidate_id, question_id, language, code, status, passed, total,"
		 " score, max_score, result) SELECT $1::uuid, cq.question_id, 'python', 'x', 'wrong_answer', 1, 2,"
		 " 1, 4, '{}' FROM candidate_question cq WHERE cq.candidate_id = $1::uuid RETURNING 1", a);
	pg_value("INSERT INTO interview_coding (candidate_id, question_id, language, code, status, passed, total,"
		 " score, max_score, result) SELECT $1::uuid, cq.question_id, 'python', 'x', 'wrong_answer', 1, 2,"
		 " 3, 4, '{}' FROM candidate_question cq WHERE cq.candidate_id = $1::uuid RETURNING 1", b);
	o = store_job_candidates_json(job, &f, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(o, "total")), 2);
	rows = json_object_object_get(o, "candidates");
	CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(json_object_array_get_idx(rows, 0),
									     "name")), "High");
	CU_ASSERT_EQUAL(json_object_get_double(json_object_object_get(json_object_array_get_idx(rows, 0), "total")),
			75.0);
	CU_ASSERT_EQUAL(json_object_get_double(json_object_object_get(json_object_array_get_idx(rows, 1), "total")),
			25.0);
	CU_ASSERT_EQUAL(json_object_array_length(json_object_object_get(json_object_array_get_idx(rows, 0),
									"ratings")), 0);
	json_object_put(o);
	f.min_score = "50";
	o = store_job_candidates_json(job, &f, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(o, "total")), 1);
	json_object_put(o);
	/* who answered how: two attempts, neither solved, an average of 2 */
	o = store_test_question_usage_json(q, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(o, "attempts")), 2);
	CU_ASSERT_EQUAL(json_object_get_int(json_object_object_get(o, "solved")), 0);
	CU_ASSERT_EQUAL(json_object_get_double(json_object_object_get(o, "average_score")), 2.0);
	CU_ASSERT_EQUAL(json_object_array_length(json_object_object_get(o, "tests")), 1);
	json_object_put(o);
}

static CU_TestInfo tests[] = {
	{ "versions, invitations, languages, archive", test_versions },
	{ "the invitation window", test_window },
	{ "pipeline scores and usage", test_pipeline },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("store_test", tests, suite_init, pg_suite_cleanup);
}
