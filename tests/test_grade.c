/*
 * test_grade.c - tests of grade.c: a run's and a submit's graded answer from the judge's,
 * and a submit completed in place from its job context (a real PostgreSQL, tests/pg.h)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "grade.h"
#include "harness.h"
#include "pg.h"
#include "store_question.h"
#include "store_submission.h"

static int suite_init(void)
{
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

/* Three tests: a sample worth 1, hidden ones worth 2 and 3. */
static const struct grade_test meta[3] = {
	{ true, 1, "11" }, { false, 2, "12" }, { false, 3, "13" },
};

/* The judge's answer: test 1 and 3 pass, 2 fails with wrong_answer. */
static struct json_object *judged(void)
{
	return json_tokener_parse(
		"{\"status\":\"wrong_answer\",\"execution_id\":\"e1\",\"test_results\":["
		"{\"test_id\":\"11\",\"status\":\"accepted\",\"passed\":true,\"actual_output\":\"1\","
		" \"input\":\"a\",\"execution_time_ms\":5,\"cpu_time_ms\":4,\"memory_usage_bytes\":1000},"
		"{\"test_id\":\"12\",\"status\":\"wrong_answer\",\"passed\":false,\"actual_output\":\"SECRET\","
		" \"input\":\"hidden-in\",\"execution_time_ms\":7,\"cpu_time_ms\":6,\"memory_usage_bytes\":9999},"
		"{\"test_id\":\"13\",\"status\":\"accepted\",\"passed\":true,\"actual_output\":\"3\","
		" \"input\":\"c\",\"execution_time_ms\":6,\"cpu_time_ms\":5,\"memory_usage_bytes\":2000}],"
		"\"metadata\":{\"memory_usage_bytes\":9999,\"cpu_usage_percent\":80}}");
}

static void test_submit_redacted_and_whole(void)
{
	struct json_object *resp = judged(), *out, *results, *sum, *v;
	struct grade g = { .max_score = 6 };
	const char *text;

	out = grade_response(resp, meta, 3, true, true, "submit", &g);
	CU_ASSERT_STRING_EQUAL(g.status, "wrong_answer");
	CU_ASSERT_EQUAL(g.passed, 2);
	CU_ASSERT_EQUAL(g.graded, 3);
	CU_ASSERT_EQUAL(g.score, 4);
	CU_ASSERT_TRUE(json_object_object_get_ex(out, "summary", &sum));
	CU_ASSERT_TRUE(json_object_object_get_ex(sum, "max_score", &v) && json_object_get_int(v) == 6);
	CU_ASSERT_TRUE(json_object_object_get_ex(out, "results", &results));
	CU_ASSERT_EQUAL(json_object_array_length(results), 3);
	/* what the candidate sees of a hidden test: verdict and points, no data, no figures */
	text = json_object_to_json_string(out);
	CU_ASSERT_PTR_NULL(strstr(text, "SECRET"));
	CU_ASSERT_PTR_NULL(strstr(text, "hidden-in"));
	CU_ASSERT_PTR_NULL(strstr(text, "9999"));
	v = json_object_array_get_idx(results, 1);
	CU_ASSERT_FALSE(json_object_object_get_ex(v, "execution_time_ms", NULL));
	CU_ASSERT_TRUE(json_object_object_get_ex(v, "hidden", NULL));
	json_object_put(out);
	/* the recruiter's record keeps everything */
	out = grade_response(resp, meta, 3, true, false, "submit", &g);
	text = json_object_to_json_string(out);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "SECRET"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "hidden-in"));
	json_object_put(out);
	json_object_put(resp);
}

/* A submit completed from its job's context, once; a run's context names nothing. */
static void test_complete_in_place(void)
{
	struct store_question q = { .title = "Grade", .question = "x", .difficulty = "easy",
				    .tags_json = "[]", .boiler_json = "{}", .time_limit_ms = "1000",
				    .memory_limit_mb = "64" };
	struct json_object *resp = judged(), *none = json_object_new_object(), *ctx;
	char qid[16], cid[40], sid[40];
	struct store_submission s = { NULL, NULL, "python", "print(1)", "queued", 0, 3, 0, 6, none };
	const char *text;

	CU_ASSERT_EQUAL_FATAL(store_question_insert(&q, qid), DB_OK);
	snprintf(cid, sizeof(cid), "%s",
		 pg_value("INSERT INTO candidate (name) VALUES ('g') RETURNING candidate_id", NULL));
	s.candidate_id = cid;
	s.question_id = qid;
	CU_ASSERT_EQUAL_FATAL(store_submission_insert(&s, sid), DB_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT status FROM interview_coding WHERE submission_id = $1::uuid",
					sid),
			       "queued");
	ctx = grade_context(sid, meta, 3);
	text = json_object_to_json_string(ctx);
	CU_ASSERT_EQUAL(grade_complete(NULL, resp, false), 0);
	CU_ASSERT_EQUAL(grade_complete("", resp, false), 0);
	CU_ASSERT_EQUAL(grade_complete("{not json", resp, false), -1);
	CU_ASSERT_EQUAL(grade_complete(text, resp, false), 1);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT status || ' ' || passed || ' ' || total || ' ' || score"
					" FROM interview_coding WHERE submission_id = $1::uuid",
					sid),
			       "wrong_answer 2 3 4");
	/* the record is the recruiter's: the hidden test's output is in it */
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT result::text LIKE '%SECRET%' FROM interview_coding"
					" WHERE submission_id = $1::uuid",
					sid),
			       "t");
	/* completed once: a second completion changes nothing */
	CU_ASSERT_EQUAL(store_submission_complete(sid, "accepted", 3, 3, 6, none), DB_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT status FROM interview_coding WHERE submission_id = $1::uuid",
					sid),
			       "wrong_answer");
	json_object_put(ctx);
	json_object_put(none);
	json_object_put(resp);
}

/* A judge that refused the request leaves an internal_error, not a submission queued forever. */
static void test_refused_is_internal_error(void)
{
	struct store_question q = { .title = "Refused", .question = "x", .difficulty = "easy",
				    .tags_json = "[]", .boiler_json = "{}", .time_limit_ms = "1000",
				    .memory_limit_mb = "64" };
	struct json_object *none = json_object_new_object(), *ctx,
			   *refusal = json_tokener_parse("{\"success\":false,\"error\":{\"code\":\"invalid_request\","
							 "\"message\":\"no\"}}");
	char qid[16], cid[40], sid[40];
	struct store_submission s = { NULL, NULL, "c", "int main(){}", "queued", 0, 3, 0, 6, none };

	CU_ASSERT_EQUAL_FATAL(store_question_insert(&q, qid), DB_OK);
	snprintf(cid, sizeof(cid), "%s",
		 pg_value("INSERT INTO candidate (name) VALUES ('r') RETURNING candidate_id", NULL));
	s.candidate_id = cid;
	s.question_id = qid;
	CU_ASSERT_EQUAL_FATAL(store_submission_insert(&s, sid), DB_OK);
	ctx = grade_context(sid, meta, 3);
	CU_ASSERT_EQUAL(grade_complete(json_object_to_json_string(ctx), refusal, true), 1);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT status FROM interview_coding WHERE submission_id = $1::uuid",
					sid),
			       "internal_error");
	json_object_put(ctx);
	json_object_put(none);
	json_object_put(refusal);
}

static CU_TestInfo tests[] = {
	{ "a submit: redacted for the candidate, whole for the record", test_submit_redacted_and_whole },
	{ "a submit completed in place from its job context, once", test_complete_in_place },
	{ "a refused request is an internal_error", test_refused_is_internal_error },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("grade", tests, suite_init, pg_suite_cleanup);
}
