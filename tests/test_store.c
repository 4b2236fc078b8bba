/*
 * test_store.c - tests of the store modules (store_question.c, store_submission.c,
 * store_candidate.c) against a real PostgreSQL (tests/pg.h) migrated by ce-ctl
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "harness.h"
#include "pg.h"
#include "store_candidate.h"
#include "store_question.h"
#include "store_submission.h"

static int suite_init(void)
{
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

/* A question with tests of 1 and 3 points; its internal id into id[16]. */
static void question(const char *title, char id[16])
{
	struct store_question q = { .title = title, .question = "Print the sum.",
				    .difficulty = "Easy", .tags_json = "[\"math\"]", .boiler_json = "{}",
				    .time_limit_ms = "2000", .memory_limit_mb = "256" };
	struct store_test t1 = { .input = "1 2\n", .expected = "3\n", .points = "1", .sample = true };
	struct store_test t2 = { .input = "5 5\n", .expected = "10\n", .points = "3" };

	CU_ASSERT_EQUAL_FATAL(store_question_insert(&q, id), DB_OK);
	CU_ASSERT_EQUAL(store_test_insert(id, &t1, 1), DB_OK);
	CU_ASSERT_EQUAL(store_test_insert(id, &t2, 2), DB_OK);
}

static void test_question(void)
{
	char id[16], found[16], uuid[40];

	question("Sum", id);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT difficulty FROM coding_question_bank WHERE id = $1::int", id),
			       "easy");
	snprintf(uuid, sizeof(uuid), "%s", pg_value("SELECT uuid FROM coding_question_bank WHERE id = $1::int", id));
	CU_ASSERT_EQUAL(store_question_lookup(id, found), 1);
	CU_ASSERT_STRING_EQUAL(found, id);
	found[0] = '\0';
	CU_ASSERT_EQUAL(store_question_lookup(uuid, found), 1);
	CU_ASSERT_STRING_EQUAL(found, id);
	CU_ASSERT_EQUAL(store_question_lookup("999999", found), 0);
	CU_ASSERT_EQUAL(store_question_lookup("99999999999999999999", found), 0);
	CU_ASSERT_EQUAL(store_question_lookup("not-a-uuid", found), 0);
	CU_ASSERT_EQUAL(store_question_lookup("00000000-0000-0000-0000-000000000000", found), 0);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT string_agg(points::text, ',' ORDER BY test_order) FROM test_cases"
				   " WHERE question_id = $1::int",
				   id),
			       "1,3");
}

/* Whatever the program printed, the judged submission is stored. */
static void test_submission_any_output(void)
{
	static const char out[] = "ok\0after NUL \xff\xfe bad UTF-8 \x01";
	char q[16], cid[40], sid[40] = "";
	struct json_object *rec = json_object_new_object();
	struct store_submission s = { NULL, NULL, "python", "print(1)", "wrong_answer", 0, 2, 0, 4, rec };

	question("Any output", q);
	snprintf(cid, sizeof(cid), "%s",
		 pg_value("INSERT INTO candidate (name) VALUES ('s') RETURNING candidate_id", NULL));
	json_object_object_add(rec, "output", json_object_new_string_len(out, (int)sizeof(out) - 1));
	s.candidate_id = cid;
	s.question_id = q;
	CU_ASSERT_EQUAL(store_submission_insert(&s, sid), DB_OK);
	CU_ASSERT_EQUAL(strlen(sid), 36);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT result->>'output' FROM interview_coding WHERE submission_id = $1::uuid",
				   sid),
			       "ok\xef\xbf\xbd" "after NUL \xef\xbf\xbd\xef\xbf\xbd bad UTF-8 \x01");
	/* an unknown candidate stores nothing */
	s.candidate_id = "00000000-0000-0000-0000-000000000000";
	CU_ASSERT_NOT_EQUAL(store_submission_insert(&s, sid), DB_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM interview_coding WHERE question_id = $1::int", q), "1");
	json_object_put(rec);
}

static const char *field(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : "(absent)";
}

/* The record: status from the session, score the best per question, max the points of its tests. */
static void test_candidate_record(void)
{
	char q1[16], q2[16], cid[40], sid[40];
	struct json_object *rec = json_object_new_object(), *c;
	struct store_submission s = { NULL, NULL, "c", "int main(){}", "wrong_answer", 1, 2, 1, 4, rec };
	int dberr = 0;

	question("Best one", q1);
	question("Best two", q2);
	snprintf(cid, sizeof(cid), "%s",
		 pg_value("INSERT INTO candidate (name, email) VALUES ('Ada', 'ada@example.org')"
		     " RETURNING candidate_id",
		     NULL));
	pg_value("INSERT INTO candidate_question (candidate_id, question_id, position)"
	    " SELECT $1::uuid, q.id, row_number() OVER (ORDER BY q.id) FROM coding_question_bank q"
	    " WHERE q.title LIKE 'Best %' RETURNING 1",
	    cid);
	c = store_candidate_json(cid, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(field(c, "status"), "invited");
	CU_ASSERT_STRING_EQUAL(field(c, "score"), "0");
	CU_ASSERT_STRING_EQUAL(field(c, "max_score"), "8");
	json_object_put(c);

	s.candidate_id = cid;
	s.question_id = q1;
	CU_ASSERT_EQUAL(store_submission_insert(&s, sid), DB_OK);	/* 1 of 4 */
	s.score = 4;
	s.status = "accepted";
	CU_ASSERT_EQUAL(store_submission_insert(&s, sid), DB_OK);	/* 4 of 4 */
	s.score = 3;
	CU_ASSERT_EQUAL(store_submission_insert(&s, sid), DB_OK);	/* a worse one later */
	s.question_id = q2;
	s.score = 1;
	CU_ASSERT_EQUAL(store_submission_insert(&s, sid), DB_OK);
	pg_value("INSERT INTO test_session (candidate_id, test_duration_minutes, ends_at)"
	    " VALUES ($1::uuid, 30, now() + interval '30 minutes') RETURNING 1",
	    cid);
	c = store_candidate_json(cid, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(field(c, "status"), "active");
	CU_ASSERT_STRING_EQUAL(field(c, "score"), "5");
	CU_ASSERT_STRING_EQUAL(field(c, "name"), "Ada");
	json_object_put(c);

	c = store_candidate_detail_json(cid, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(json_object_array_length(json_object_object_get(c, "submissions")), 4);
	json_object_put(c);
	CU_ASSERT_PTR_NULL(store_candidate_detail_json("not-a-uuid", &dberr));
	CU_ASSERT_EQUAL(dberr, 0);
	CU_ASSERT_PTR_NULL(store_candidate_json("00000000-0000-0000-0000-000000000000", &dberr));
	CU_ASSERT_EQUAL(dberr, 0);
	json_object_put(rec);
}

/* A question changes field by field; one in a candidate's test cannot be deleted. */
static void test_question_update_delete(void)
{
	char id[16], cid[40];
	struct store_question change = { .title = "Renamed", .time_limit_ms = "3000" };
	PGresult *res;
	int dberr;
	struct json_object *q;

	question("Changing", id);
	CU_ASSERT_EQUAL(store_question_update(id, &change), DB_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT title || ' ' || time_limit_ms || ' ' || memory_limit_mb"
					" FROM coding_question_bank WHERE id = $1::int",
					id),
			       "Renamed 3000 256");
	CU_ASSERT_EQUAL(store_question_tests(id, true, &res), DB_OK);
	CU_ASSERT_EQUAL(PQntuples(res), 1);
	PQclear(res);
	CU_ASSERT_EQUAL(store_question_tests(id, false, &res), DB_OK);
	CU_ASSERT_EQUAL(PQntuples(res), 2);
	CU_ASSERT_STRING_EQUAL(db_get(res, 1, "points"), "3");
	PQclear(res);
	q = store_question_admin_json(id, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	CU_ASSERT_EQUAL(json_object_array_length(json_object_object_get(q, "test_cases")), 2);
	json_object_put(q);
	CU_ASSERT_EQUAL(store_test_delete_all(id), DB_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM test_cases WHERE question_id = $1::int", id), "0");

	snprintf(cid, sizeof(cid), "%s",
		 pg_value("INSERT INTO candidate (name) VALUES ('d') RETURNING candidate_id", NULL));
	CU_ASSERT_EQUAL(store_candidate_add_question(cid, id, 1), DB_OK);
	/* in a candidate's test: archived, not deleted */
	CU_ASSERT_EQUAL(store_question_delete(id), 2);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT archived_at IS NOT NULL FROM coding_question_bank"
					" WHERE id = $1::int", id), "t");
	CU_ASSERT_EQUAL(store_candidate_delete(cid), 1);
	CU_ASSERT_EQUAL(store_question_delete(id), 1);
	CU_ASSERT_EQUAL(store_question_delete(id), 0);
	CU_ASSERT_EQUAL(store_question_lookup(id, cid), 0);
}

/* A candidate from invitation to deletion, through the store alone. */
static void test_candidate_life(void)
{
	char q[16], cid[40], again[40];
	struct store_invitation inv;
	struct json_object *o;
	PGresult *res, *cols;
	int dberr = 0, i, found = 0;
	struct store_candidate c = { "Grace", "g@example.org", "", "45", "ab12", 0, NULL };

	question("Life", q);
	c.admin_id = atoi(pg_value("INSERT INTO recruiter_admin (username, password_hash)"
				   " VALUES ('rec', 'x') RETURNING id",
				   NULL));
	CU_ASSERT_EQUAL_FATAL(store_candidate_insert(&c, cid), DB_OK);
	CU_ASSERT_EQUAL(store_candidate_add_question(cid, q, 1), DB_OK);
	CU_ASSERT_EQUAL(store_candidate_add_question(cid, q, 2), DB_OK);	/* a repeat is ignored */
	CU_ASSERT_EQUAL(store_candidate_has_question(cid, q), 1);
	CU_ASSERT_EQUAL(store_candidate_has_question(cid, "999999"), 0);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM recruiter_admin_candidate"
					" WHERE candidate_id = $1::uuid",
					cid),
			       "1");

	CU_ASSERT_EQUAL(store_candidate_by_invite("ab12", &inv), 1);
	CU_ASSERT_STRING_EQUAL(inv.candidate_id, cid);
	CU_ASSERT_STRING_EQUAL(inv.minutes, "45");
	CU_ASSERT_STRING_EQUAL(inv.session_status, "");
	o = store_candidate_invitation_json("ab12", &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_STRING_EQUAL(field(o, "name"), "Grace");
	CU_ASSERT_STRING_EQUAL(field(o, "question_count"), "1");
	json_object_put(o);

	/* a new link: the old one stops working */
	CU_ASSERT_EQUAL(store_candidate_set_invite(cid, "cd34", NULL), 1);
	CU_ASSERT_EQUAL(store_candidate_by_invite("ab12", &inv), 0);
	CU_ASSERT_PTR_NULL(store_candidate_invitation_json("ab12", &dberr));
	CU_ASSERT_EQUAL(dberr, 0);
	CU_ASSERT_EQUAL(store_candidate_by_invite("cd34", &inv), 1);

	CU_ASSERT_EQUAL(store_candidate_rename(cid, NULL, "new@example.org"), 1);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT name || ' ' || email FROM candidate"
					" WHERE candidate_id = $1::uuid",
					cid),
			       "Grace new@example.org");

	CU_ASSERT_EQUAL(store_candidate_scores(0, &cols, &res), DB_OK);
	PQclear(cols);
	for (i = 0; i < PQntuples(res); i++)
		if (!strcmp(db_get(res, i, "name"), "Grace")) {
			found++;
			CU_ASSERT_STRING_EQUAL(db_get(res, i, "status"), "invited");
			CU_ASSERT_STRING_EQUAL(db_get(res, i, "max_score"), "4");
			CU_ASSERT_STRING_EQUAL(db_get(res, i, "percent"), "0.0");
		}
	CU_ASSERT_EQUAL(found, 1);
	PQclear(res);

	snprintf(again, sizeof(again), "%s", cid);
	CU_ASSERT_EQUAL(store_candidate_delete(cid), 1);
	CU_ASSERT_EQUAL(store_candidate_delete(again), 0);
	CU_ASSERT_EQUAL(store_candidate_rename(again, "x", NULL), 0);
	CU_ASSERT_EQUAL(store_candidate_set_invite(again, "ef56", NULL), 0);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM candidate_question"
					" WHERE candidate_id = $1::uuid",
					again),
			       "0");
}

static CU_TestInfo tests[] = {
	{ "questions: insert, tests, lookup by id and uuid", test_question },
	{ "a submission is stored whatever the program printed", test_submission_any_output },
	{ "a candidate's record: derived status, best scores", test_candidate_record },
	{ "questions: update field by field, delete unless in use", test_question_update_delete },
	{ "a candidate: invite, questions, new link, rename, scores, delete", test_candidate_life },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("store", tests, suite_init, pg_suite_cleanup);
}
