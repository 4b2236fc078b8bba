/*
 * test_queue.c - tests of queue.c's admission and views against a real PostgreSQL
 * (tests/pg.h): one execution per candidate session, a submit replacing its session's
 * queued run, the API client's quota and the queue's depth refused before anything is
 * stored, and a job followed by its token
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "harness.h"
#include "pg.h"
#include "queue.h"

#define REQ "{\"language\":\"python\",\"code\":\"print(1)\",\"test_cases\":[{\"input\":\"\"}]}"

static int suite_init(void)
{
	/* small bounds, so that they are reached here */
	setenv("CE_QUEUE_MAX_DEPTH", "4", 1);
	setenv("CE_QUEUE_CLIENT_MAX", "2", 1);
	queue_init();
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

static void empty(void)
{
	CU_ASSERT_EQUAL(db_run("DELETE FROM job", 0, NULL), DB_OK);
}

static long jobs(void)
{
	return atol(pg_value("SELECT count(*) FROM job", NULL));
}

static enum queue_rc add(enum job_kind kind, const char *owner, char id[24], char token[40])
{
	const struct job_new j = { .kind = kind, .owner = owner, .request = REQ };

	return queue_add(&j, id, token);
}

static void test_one_execution_per_session(void)
{
	char id[24], token[40], run[24], run_token[40];
	struct job_view v;

	empty();
	CU_ASSERT_EQUAL(add(JOB_RUN, "session:a", run, run_token), QUEUE_OK);
	/* a second run or a submit while the first runs: refused, nothing stored */
	CU_ASSERT_EQUAL(db_run("UPDATE job SET state = 'running'", 0, NULL), DB_OK);
	CU_ASSERT_EQUAL(add(JOB_RUN, "session:a", id, token), QUEUE_BUSY);
	CU_ASSERT_EQUAL(add(JOB_SUBMIT, "session:a", id, token), QUEUE_BUSY);
	CU_ASSERT_EQUAL(jobs(), 1);
	/* another session is not held up */
	CU_ASSERT_EQUAL(add(JOB_RUN, "session:b", id, token), QUEUE_OK);
	/* a submit takes the place of a run that has not started */
	CU_ASSERT_EQUAL(db_run("UPDATE job SET state = 'queued'", 0, NULL), DB_OK);
	CU_ASSERT_EQUAL(add(JOB_SUBMIT, "session:a", id, token), QUEUE_OK);
	CU_ASSERT_EQUAL(queue_view(run_token, 0, &v), 1);
	CU_ASSERT_STRING_EQUAL(v.state, "cancelled");
	CU_ASSERT_STRING_EQUAL(v.error, "replaced by a submit");
	job_view_release(&v);
	/* the index holds when two fronts race past the count */
	CU_ASSERT_EQUAL(db_run("INSERT INTO job (kind, owner, priority, request)"
			       " VALUES ('run', 'session:a', 1, '{}')", 0, NULL), DB_ECONFLICT);
}

static void test_quota_and_depth(void)
{
	char id[24], token[40];

	empty();
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:x", id, token), QUEUE_OK);
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:x", id, token), QUEUE_OK);
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:x", id, token), QUEUE_QUOTA);
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:y", id, token), QUEUE_OK);
	CU_ASSERT_EQUAL(add(JOB_CHECK, "admin:1", id, token), QUEUE_OK);
	/* four queued: the queue is full for everyone, a candidate too */
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:z", id, token), QUEUE_FULL);
	CU_ASSERT_EQUAL(add(JOB_SUBMIT, "session:c", id, token), QUEUE_FULL);
	CU_ASSERT_EQUAL(jobs(), 4);
	/* running jobs do not fill the queue, but do count against their client */
	CU_ASSERT_EQUAL(db_run("UPDATE job SET state = 'running'", 0, NULL), DB_OK);
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:x", id, token), QUEUE_QUOTA);
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:z", id, token), QUEUE_OK);
}

static void test_view(void)
{
	char id[24], t1[40], t2[40], t3[40];
	struct job_view v;

	empty();
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:x", id, t1), QUEUE_OK);
	CU_ASSERT_EQUAL(add(JOB_EXECUTE, "client:y", id, t2), QUEUE_OK);
	/* a submit goes before both */
	CU_ASSERT_EQUAL(add(JOB_SUBMIT, "session:d", id, t3), QUEUE_OK);
	CU_ASSERT_EQUAL(queue_view(t2, 0, &v), 1);
	CU_ASSERT_STRING_EQUAL(v.state, "queued");
	CU_ASSERT_STRING_EQUAL(v.kind, "execute");
	CU_ASSERT_EQUAL(v.position, 3);
	job_view_release(&v);
	CU_ASSERT_EQUAL(queue_view(t3, 0, &v), 1);
	CU_ASSERT_EQUAL(v.position, 1);
	job_view_release(&v);
	/* a running job tells where it is; a done one its result */
	CU_ASSERT_EQUAL(db_run("UPDATE job SET state = 'running', progress = 'test 2/5'"
			       " WHERE token = $1::uuid", 1, (const char *[]){ t1 }), DB_OK);
	CU_ASSERT_EQUAL(queue_view(t1, 0, &v), 1);
	CU_ASSERT_STRING_EQUAL(v.progress, "test 2/5");
	CU_ASSERT_EQUAL(v.position, 0);
	job_view_release(&v);
	CU_ASSERT_EQUAL(db_run("UPDATE job SET state = 'done', result = '{\"status\":\"accepted\"}',"
			       " finished_at = now() WHERE token = $1::uuid", 1, (const char *[]){ t1 }),
			DB_OK);
	/* a long poll of an ended job answers at once */
	CU_ASSERT_EQUAL(queue_view(t1, 5000, &v), 1);
	CU_ASSERT_STRING_EQUAL(v.state, "done");
	CU_ASSERT_PTR_NOT_NULL(v.result);
	CU_ASSERT_NOT_EQUAL(v.finished_at[0], '\0');
	job_view_release(&v);
	/* a token of no job, and what is no token at all */
	CU_ASSERT_EQUAL(queue_view("00000000-0000-4000-8000-000000000000", 0, &v), 0);
	CU_ASSERT_EQUAL(queue_view("1 OR 1=1", 0, &v), 0);
	CU_ASSERT_EQUAL(queue_view(id, 0, &v), 0);
}

static CU_TestInfo tests[] = {
	{ "one_execution_per_session", test_one_execution_per_session },
	{ "quota_and_depth", test_quota_and_depth },
	{ "view", test_view },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("queue", tests, suite_init, pg_suite_cleanup);
}
