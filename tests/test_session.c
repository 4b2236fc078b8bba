/*
 * test_session.c - tests of session.c, the test session's life, against a real
 * PostgreSQL (tests/pg.h) migrated with the real `ce-ctl migrate sql`
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "db.h"
#include "harness.h"
#include "pg.h"
#include "session.h"
#include "store_candidate.h"

/* A new token of the shape auth.c makes: 64 hex characters, each call another. */
static const char *token(void)
{
	static char t[8][65];
	static unsigned n;

	n++;
	snprintf(t[n % 8], sizeof(t[0]), "%064x", n);
	return t[n % 8];
}

static int suite_init(void)
{
	if (pg_suite_init() < 0 || pg_migrate() < 0)
		return -1;
	cfg.abandon_grace_s = 60;
	cfg.heartbeat_timeout_s = 300;
	return 0;
}

static void sql(const char *text, const char *p0)
{
	const char *p[1] = { p0 };
	PGresult *r;

	CU_ASSERT_EQUAL_FATAL(db_exec(&r, text, p0 ? 1 : 0, p), DB_OK);
	PQclear(r);
}

/* A new candidate's id. */
static const char *candidate(char id[40])
{
	snprintf(id, 40, "%s", pg_value("INSERT INTO candidate (name) VALUES ('t') RETURNING candidate_id", NULL));
	return id;
}

/* The candidate's events, oldest first, as "kind,kind,...". */
static const char *events(const char *id)
{
	return pg_value("SELECT string_agg(kind, ',' ORDER BY at, id) FROM session_event WHERE candidate_id = $1",
		   id);
}

/* The candidate's status as the recruiter reads it (store_candidate.c derives it). */
static void assert_status(const char *id, const char *want)
{
	struct json_object *c, *s;
	int dberr = 0;

	c = store_candidate_json(id, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_TRUE(json_object_object_get_ex(c, "status", &s));
	if (strcmp(json_object_get_string(s), want))
		fprintf(stderr, "\n    status %s, want %s\n", json_object_get_string(s), want);
	CU_ASSERT_STRING_EQUAL(json_object_get_string(s), want);
	json_object_put(c);
}

static void test_start_and_resume(void)
{
	char id[40], want[80];
	const char *second;
	bool created = false;

	candidate(id);
	assert_status(id, "invited");
	CU_ASSERT_EQUAL(session_start(id, token(), "30", &created), SESSION_OK);
	CU_ASSERT_TRUE(created);
	assert_status(id, "active");
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT test_duration_minutes FROM test_session WHERE candidate_id = $1", id),
			       "30");
	second = token();
	CU_ASSERT_EQUAL(session_start(id, second, "30", &created), SESSION_OK);
	CU_ASSERT_FALSE(created);
	/* the new tab's token replaced the old one */
	snprintf(want, sizeof(want), "%s", pg_value("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", second));
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT encode(session_token_hash, 'hex') FROM test_session"
				   " WHERE candidate_id = $1",
				   id),
			       want);
	CU_ASSERT_STRING_EQUAL(events(id), "start,resume");
	CU_ASSERT_EQUAL(session_open(id, false), SESSION_OK);
}

static void test_touches(void)
{
	struct session_touch t = { "", -1 };
	char id[40], *saved[2] = { NULL, NULL };
	bool created;

	candidate(id);
	CU_ASSERT_EQUAL_FATAL(session_start(id, token(), "10", &created), SESSION_OK);
	CU_ASSERT_EQUAL(session_heartbeat(id, &t), SESSION_OK);
	CU_ASSERT(t.at[0] != '\0');
	CU_ASSERT(t.remaining_s > 590 && t.remaining_s <= 600);
	/* a closed tab that beats again came back */
	CU_ASSERT_EQUAL(session_tab_closed(id), SESSION_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT tab_closed_at IS NOT NULL FROM test_session WHERE candidate_id = $1", id),
			       "t");
	CU_ASSERT_EQUAL(session_heartbeat(id, &t), SESSION_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT tab_closed_at IS NULL FROM test_session WHERE candidate_id = $1", id),
			       "t");
	/* activity: an event when the last was over a minute ago, however often it comes */
	CU_ASSERT_EQUAL(session_activity(id, &t), SESSION_OK);
	sql("UPDATE test_session SET last_activity = now() - interval '61 seconds' WHERE candidate_id = $1", id);
	CU_ASSERT_EQUAL(session_activity(id, &t), SESSION_OK);
	CU_ASSERT_EQUAL(session_activity(id, &t), SESSION_OK);
	if (strcmp(events(id), "start,heartbeat,tab_close,heartbeat,resume,activity"))
		fprintf(stderr, "\n    events: %s\n", events(id));
	CU_ASSERT_STRING_EQUAL(events(id), "start,heartbeat,tab_close,heartbeat,resume,activity");
	/* drafts: stored, then refused whole when the cap would be passed */
	CU_ASSERT_EQUAL(session_save_drafts(id, "[1,2]", "{\"q\":\"x\"}", 1000, saved), SESSION_OK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(saved[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(saved[1]);
	CU_ASSERT_STRING_EQUAL(saved[0], "[1, 2]");
	CU_ASSERT_STRING_EQUAL(saved[1], "{\"q\": \"x\"}");
	free(saved[0]);
	free(saved[1]);
	saved[0] = saved[1] = NULL;
	CU_ASSERT_EQUAL(session_save_drafts(id, NULL, "{\"q\":\"xxxxxxxxxxxxxxxxxxxxxxxx\"}", 20, saved),
			SESSION_TOO_BIG);
	CU_ASSERT_PTR_NULL(saved[0]);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT pending_answers->>'q' FROM test_session WHERE candidate_id = $1", id),
			       "x");
}

static void test_finish(void)
{
	struct session_touch t;
	char id[40], at[48] = "", *saved[2] = { NULL, NULL };
	bool created;

	candidate(id);
	CU_ASSERT_EQUAL_FATAL(session_start(id, token(), "10", &created), SESSION_OK);
	CU_ASSERT_EQUAL(session_finish(id, "completed", "manual", at), SESSION_OK);
	CU_ASSERT(at[0] != '\0');
	assert_status(id, "completed");
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT detail->>'method' FROM session_event WHERE candidate_id = $1"
				   " AND kind = 'end'",
				   id),
			       "manual");
	/* over: nothing more changes, not even the start with a fresh token */
	CU_ASSERT_EQUAL(session_finish(id, "completed", "auto", at), SESSION_OVER);
	CU_ASSERT_EQUAL(session_heartbeat(id, &t), SESSION_OVER);
	CU_ASSERT_EQUAL(session_activity(id, &t), SESSION_OVER);
	CU_ASSERT_EQUAL(session_tab_closed(id), SESSION_OVER);
	CU_ASSERT_EQUAL(session_save_drafts(id, "[]", NULL, 1000, saved), SESSION_OVER);
	CU_ASSERT_EQUAL(session_start(id, token(), "10", &created), SESSION_OVER);
	CU_ASSERT_EQUAL(session_open(id, true), SESSION_OVER);
	CU_ASSERT_STRING_EQUAL(events(id), "start,end");
}

/* A change and its event are one statement: when the event cannot be written, nothing changes. */
static void test_change_and_event_together(void)
{
	char id[40], at[48];
	bool created;

	candidate(id);
	CU_ASSERT_EQUAL_FATAL(session_start(id, token(), "10", &created), SESSION_OK);
	sql("ALTER TABLE session_event ADD CONSTRAINT test_no_end CHECK (kind <> 'end') NOT VALID", NULL);
	CU_ASSERT_EQUAL(session_finish(id, "completed", "manual", at), SESSION_DB_ERROR);
	sql("ALTER TABLE session_event DROP CONSTRAINT test_no_end", NULL);
	assert_status(id, "active");
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT completed_at IS NULL FROM test_session WHERE candidate_id = $1", id),
			       "t");
	CU_ASSERT_STRING_EQUAL(events(id), "start");
}

static void test_clock(void)
{
	char a[40], b[40], c[40];
	bool created;

	/* a: time ran out 5 s ago; the next look closes it, a final submit is still taken */
	candidate(a);
	CU_ASSERT_EQUAL_FATAL(session_start(a, token(), "10", &created), SESSION_OK);
	sql("UPDATE test_session SET ends_at = now() - interval '5 seconds' WHERE candidate_id = $1", a);
	CU_ASSERT_EQUAL(session_open(a, false), SESSION_OVER);
	assert_status(a, "completed");
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT completion_method FROM test_session WHERE candidate_id = $1", a),
			       "timer_expired");
	CU_ASSERT_EQUAL(session_open(a, true), SESSION_OK);
	sql("UPDATE test_session SET ends_at = now() - interval '30 seconds' WHERE candidate_id = $1", a);
	CU_ASSERT_EQUAL(session_open(a, true), SESSION_OVER);
	CU_ASSERT_STRING_EQUAL(events(a), "start,end");

	/* b: its tab closed past the grace; c: no heartbeat for the timeout */
	candidate(b);
	candidate(c);
	CU_ASSERT_EQUAL_FATAL(session_start(b, token(), "10", &created), SESSION_OK);
	CU_ASSERT_EQUAL_FATAL(session_start(c, token(), "10", &created), SESSION_OK);
	sql("UPDATE test_session SET tab_closed_at = now() - interval '61 seconds' WHERE candidate_id = $1", b);
	sql("UPDATE test_session SET last_heartbeat = now() - interval '301 seconds' WHERE candidate_id = $1", c);
	CU_ASSERT(session_sweep() >= 2);
	assert_status(b, "abandoned");
	assert_status(c, "abandoned");
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT completion_method FROM test_session WHERE candidate_id = $1", b),
			       "tab_close");
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT completion_method FROM test_session WHERE candidate_id = $1", c),
			       "heartbeat_timeout");
	CU_ASSERT_EQUAL(session_sweep(), 0);
}

static void test_extend_and_reopen(void)
{
	char id[40], at[48];
	bool created;

	candidate(id);
	CU_ASSERT_EQUAL(session_extend(id, "10", false), SESSION_OVER);
	CU_ASSERT_EQUAL_FATAL(session_start(id, token(), "10", &created), SESSION_OK);
	CU_ASSERT_EQUAL(session_extend(id, "15", false), SESSION_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT round(extract(epoch FROM ends_at - test_start_time) / 60)"
				   " FROM test_session WHERE candidate_id = $1",
				   id),
			       "25");
	CU_ASSERT_EQUAL(session_finish(id, "completed", "manual", at), SESSION_OK);
	assert_status(id, "completed");
	CU_ASSERT_EQUAL(session_extend(id, "0", true), SESSION_OK);
	assert_status(id, "active");
	CU_ASSERT_EQUAL(session_open(id, false), SESSION_OK);
	/* reopened with at least 5 minutes */
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT ends_at > now() + interval '4 minutes' FROM test_session"
				   " WHERE candidate_id = $1",
				   id),
			       "t");
	CU_ASSERT_STRING_EQUAL(events(id), "start,extended,end,reopened");
}

static void test_session_json(void)
{
	struct json_object *s, *v;
	char id[40];
	bool created;
	int dberr = 0;

	candidate(id);
	CU_ASSERT_PTR_NULL(session_json(id, &dberr));
	CU_ASSERT_EQUAL(dberr, 0);
	CU_ASSERT_EQUAL_FATAL(session_start(id, token(), "10", &created), SESSION_OK);
	s = session_json(id, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_TRUE(json_object_object_get_ex(s, "status", &v));
	CU_ASSERT_STRING_EQUAL(json_object_get_string(v), "active");
	CU_ASSERT_TRUE(json_object_object_get_ex(s, "remaining_seconds", &v));
	CU_ASSERT(json_object_get_int(v) > 590);
	CU_ASSERT_TRUE(json_object_object_get_ex(s, "server_time", &v));
	json_object_put(s);
}

/* Candidate writes: a bucket of 30 per session and kind, the next one refused; other sessions unaffected. */
static void test_rate(void)
{
	char a[40], b[40];
	bool created;
	int i, ok = 0;

	candidate(a);
	candidate(b);
	CU_ASSERT_EQUAL_FATAL(session_start(a, token(), "10", &created), SESSION_OK);
	CU_ASSERT_EQUAL_FATAL(session_start(b, token(), "10", &created), SESSION_OK);
	for (i = 0; i < 30; i++)
		ok += session_rate_take(a, "heartbeat") == SESSION_OK;
	CU_ASSERT_EQUAL(ok, 30);
	CU_ASSERT_EQUAL(session_rate_take(a, "heartbeat"), SESSION_RATE_LIMITED);
	CU_ASSERT_EQUAL(session_rate_take(a, "activity"), SESSION_OK);
	CU_ASSERT_EQUAL(session_rate_take(b, "heartbeat"), SESSION_OK);
	/* a bucket refills with time */
	sql("UPDATE session_rate SET at = at - interval '10 seconds' WHERE candidate_id = $1", a);
	CU_ASSERT_EQUAL(session_rate_take(a, "heartbeat"), SESSION_OK);
	CU_ASSERT_EQUAL(session_rate_take(a, "unlimited-kind"), SESSION_OK);
}

static CU_TestInfo tests[] = {
	{ "start, then resume with a new token", test_start_and_resume },
	{ "heartbeat, tab close, activity, drafts", test_touches },
	{ "finish, and nothing after it", test_finish },
	{ "a change and its event are one statement", test_change_and_event_together },
	{ "the clock: timer, tab close, heartbeat timeout", test_clock },
	{ "extend and reopen", test_extend_and_reopen },
	{ "the session as the client sees it", test_session_json },
	{ "rate limits per session and kind", test_rate },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("session", tests, suite_init, pg_suite_cleanup);
}
