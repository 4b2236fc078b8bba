/* test_db.c - tests of db.c against a real PostgreSQL 15 started by the suite (tests/pg.h) */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "harness.h"
#include "pg.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- helpers ---- */

/* Run sql with up to 2 parameters, expecting DB_OK; the result or NULL. */
static PGresult *q(const char *sql, int n, const char *p0, const char *p1)
{
	const char *p[2] = { p0, p1 };
	PGresult *r = (PGresult *)1;
	enum db_err e = db_exec(&r, sql, n, p);

	if (e != DB_OK)
		fprintf(stderr, "\n    %s: %s (%s)\n", sql, db_strerror(e), db_last_error());
	CU_ASSERT_EQUAL(e, DB_OK);
	return e == DB_OK ? r : NULL;
}

/* The status of sql with up to 2 parameters; checks *res is NULL on failure. */
static enum db_err st(const char *sql, int n, const char *p0, const char *p1)
{
	const char *p[2] = { p0, p1 };
	PGresult *r = (PGresult *)1;
	enum db_err e = db_exec(&r, sql, n, p);

	if (e == DB_OK)
		PQclear(r);
	else
		CU_ASSERT_PTR_NULL(r);
	return e;
}

/* A single number from sql; -1 on failure. */
static long long num(const char *sql, int n, const char *p0)
{
	PGresult *r = q(sql, n, p0, NULL);
	long long v;

	if (!r)
		return -1;
	CU_ASSERT_EQUAL(PQntuples(r), 1);
	v = PQntuples(r) == 1 ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : -1;
	PQclear(r);
	return v;
}

static long long backend_pid(void)
{
	return num("SELECT pg_backend_pid()", 0, NULL);
}

static long long count_name(const char *name)
{
	return num("SELECT count(*) FROM t WHERE name = $1", 1, name);
}

/* ---- tests ---- */

static void test_ping(void)
{
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
	CU_ASSERT_STRING_EQUAL(db_strerror(DB_OK), "ok");
	CU_ASSERT_STRING_EQUAL(db_strerror(DB_ECONNECT), "database unavailable");
	CU_ASSERT_STRING_EQUAL(db_strerror(DB__MAX), "unknown database error");
	CU_ASSERT_STRING_EQUAL(db_strerror((enum db_err)-1), "unknown database error");
}

static void test_schema(void)
{
	CU_ASSERT_EQUAL_FATAL(st("CREATE TABLE t (id serial PRIMARY KEY, name text UNIQUE,"
				 " note text, n int NOT NULL DEFAULT 0 CHECK (n >= 0))",
				 0, NULL, NULL),
			      DB_OK);
	CU_ASSERT_EQUAL_FATAL(st("CREATE TABLE c (id serial PRIMARY KEY, t_id int NOT NULL"
				 " REFERENCES t (id))",
				 0, NULL, NULL),
			      DB_OK);
}

static void test_exec_params(void)
{
	PGresult *r;
	long long id;

	r = q("INSERT INTO t (name, note) VALUES ($1, $2) RETURNING id", 2, "alice", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(PQntuples(r), 1);
	id = db_getll(r, 0, "id");
	CU_ASSERT_TRUE(id > 0);
	PQclear(r);

	/* the NULL parameter is SQL NULL, not "" and not "NULL" */
	r = q("SELECT name, note, note IS NULL AS isnull FROM t WHERE name = $1", 1, "alice", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(PQntuples(r), 1);
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "name"), "alice");
	CU_ASSERT_FALSE(db_isnull(r, 0, "name"));
	CU_ASSERT_TRUE(db_isnull(r, 0, "note"));
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "note"), "");
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "isnull"), "t");
	PQclear(r);

	CU_ASSERT_EQUAL(num("SELECT ($1::text IS NULL)::int", 1, NULL), 1);
	CU_ASSERT_EQUAL(num("SELECT ($1::text IS NULL)::int", 1, ""), 0);
	CU_ASSERT_EQUAL(num("SELECT length($1::text)", 1, "NULL"), 4);
}

static void test_exec_two_params(void)
{
	PGresult *r = q("SELECT $1::int + $2::int AS s, $2::text AS b", 2, "40", "2");

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(db_getll(r, 0, "s"), 42);
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "b"), "2");
	PQclear(r);
}

static void test_injection(void)
{
	static const char *const evil[] = {
		"x'); DROP TABLE t; --",
		"' OR '1'='1",
		"Robert\"); DELETE FROM t; --",
		"a\\'b;c",
		"$1",
		"'; SELECT pg_sleep(10); --",
		"E'\\x41'",
		"/* comment */ 1",
	};
	long long before, after;
	size_t i;

	before = num("SELECT count(*) FROM t", 0, NULL);
	CU_ASSERT_TRUE_FATAL(before >= 1);
	for (i = 0; i < sizeof(evil) / sizeof(evil[0]); i++) {
		PGresult *r = q("INSERT INTO t (name, note) VALUES ($1, $2) RETURNING name, note", 2,
				evil[i], evil[i]);

		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		/* stored verbatim */
		CU_ASSERT_STRING_EQUAL(db_get(r, 0, "name"), evil[i]);
		CU_ASSERT_STRING_EQUAL(db_get(r, 0, "note"), evil[i]);
		PQclear(r);
		CU_ASSERT_EQUAL(count_name(evil[i]), 1);
	}
	/* nothing was dropped or deleted, and a tautology matches nothing */
	after = num("SELECT count(*) FROM t", 0, NULL);
	CU_ASSERT_EQUAL(after, before + (long long)(sizeof(evil) / sizeof(evil[0])));
	CU_ASSERT_EQUAL(num("SELECT count(*) FROM t WHERE name = $1 AND note IS NULL", 1,
			    "' OR '1'='1"),
			0);
	CU_ASSERT_EQUAL(count_name("alice' OR 'x'='x"), 0);
	CU_ASSERT_EQUAL(num("SELECT count(*) FROM pg_tables WHERE tablename = 't'", 0, NULL), 1);
}

static void test_text_roundtrip(void)
{
	static const char utf8[] = "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 \"q\" \\ \t\n";
	PGresult *r = q("SELECT $1::text AS v, octet_length($1::text) AS n", 1, utf8, NULL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "v"), utf8);
	CU_ASSERT_EQUAL(db_getll(r, 0, "n"), (long long)strlen(utf8));
	PQclear(r);
	/* invalid UTF-8 is refused by the server (22021), as a query failure */
	CU_ASSERT_EQUAL(st("SELECT $1::text", 1, "bad \xff", NULL), DB_EQUERY);
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
}

static void test_getters(void)
{
	PGresult *r = q("SELECT 42 AS a, NULL::int AS b, -9000000000::bigint AS c, 'x' AS s,"
			" '' AS e, '12abc' AS m",
			0, NULL, NULL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(db_getll(r, 0, "a"), 42);
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "a"), "42");
	CU_ASSERT_FALSE(db_isnull(r, 0, "a"));
	CU_ASSERT_EQUAL(db_getll(r, 0, "b"), 0);
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "b"), "");
	CU_ASSERT_TRUE(db_isnull(r, 0, "b"));
	CU_ASSERT_EQUAL(db_getll(r, 0, "c"), -9000000000LL);
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "s"), "x");
	/* an empty string is not NULL */
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "e"), "");
	CU_ASSERT_FALSE(db_isnull(r, 0, "e"));
	CU_ASSERT_EQUAL(db_getll(r, 0, "m"), 12);
	/* unknown column, row past the end: NULL-like, no crash */
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "nosuch"), "");
	CU_ASSERT_TRUE(db_isnull(r, 0, "nosuch"));
	CU_ASSERT_EQUAL(db_getll(r, 0, "nosuch"), 0);
	CU_ASSERT_STRING_EQUAL(db_get(r, 1, "a"), "");
	CU_ASSERT_TRUE(db_isnull(r, 1, "a"));
	CU_ASSERT_EQUAL(db_getll(r, 5, "a"), 0);
	PQclear(r);

	/* no rows */
	r = q("SELECT 1 AS a WHERE false", 0, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(PQntuples(r), 0);
	CU_ASSERT_STRING_EQUAL(db_get(r, 0, "a"), "");
	CU_ASSERT_TRUE(db_isnull(r, 0, "a"));
	PQclear(r);
}

static void test_query_error(void)
{
	const char *p[1] = { "abc" };
	PGresult *r = (PGresult *)1;

	CU_ASSERT_EQUAL(db_exec(&r, "SELECT nosuch FROM t", 0, NULL), DB_EQUERY);
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_NOT_EQUAL(db_last_error()[0], '\0');
	CU_ASSERT_PTR_NOT_NULL(strstr(db_last_error(), "nosuch"));
	/* one line, for logs */
	CU_ASSERT_PTR_NULL(strchr(db_last_error(), '\n'));

	CU_ASSERT_EQUAL(st("SELEC 1", 0, NULL, NULL), DB_EQUERY);
	CU_ASSERT_PTR_NOT_NULL(strstr(db_last_error(), "syntax"));
	r = (PGresult *)1;
	CU_ASSERT_EQUAL(db_exec(&r, "SELECT $1::int", 1, p), DB_EQUERY);
	CU_ASSERT_PTR_NULL(r);
	/* a parameter the statement does not declare */
	CU_ASSERT_EQUAL(st("SELECT $1::int", 0, NULL, NULL), DB_EQUERY);
	/* parameters are single statements only: no second statement can ride along */
	CU_ASSERT_EQUAL(st("SELECT 1; SELECT 2", 0, NULL, NULL), DB_EQUERY);
	/* the connection is fine afterwards */
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
	CU_ASSERT_EQUAL(num("SELECT 7", 0, NULL), 7);
}

static void test_conflict(void)
{
	PGresult *r;

	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "dup", NULL), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "dup", NULL), DB_ECONFLICT);
	CU_ASSERT_PTR_NOT_NULL(strstr(db_last_error(), "duplicate"));
	CU_ASSERT_EQUAL(count_name("dup"), 1);
	/* a foreign key violation is a conflict too */
	CU_ASSERT_EQUAL(st("INSERT INTO c (t_id) VALUES ($1::int)", 1, "999999", NULL), DB_ECONFLICT);
	/* other constraint violations are plain query failures */
	CU_ASSERT_EQUAL(st("INSERT INTO t (name, n) VALUES ($1, -1)", 1, "neg", NULL), DB_EQUERY);
	CU_ASSERT_EQUAL(st("INSERT INTO c (t_id) VALUES (NULL)", 0, NULL, NULL), DB_EQUERY);
	/* and a valid reference goes in */
	r = q("INSERT INTO c (t_id) SELECT id FROM t WHERE name = $1 RETURNING t_id", 1, "dup", NULL);
	CU_ASSERT_PTR_NOT_NULL(r);
	CU_ASSERT_EQUAL(r ? PQntuples(r) : 0, 1);
	PQclear(r);
}

static void test_tx_rollback(void)
{
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-rb", NULL), DB_OK);
	CU_ASSERT_EQUAL(count_name("tx-rb"), 1);
	db_rollback();
	CU_ASSERT_EQUAL(count_name("tx-rb"), 0);
	/* outside a transaction again: a failing statement does not poison the next one */
	CU_ASSERT_EQUAL(st("SELECT nosuch", 0, NULL, NULL), DB_EQUERY);
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
}

static void test_tx_commit(void)
{
	long long pid1, pid2;

	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-c1", NULL), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-c2", NULL), DB_OK);
	CU_ASSERT_EQUAL(db_commit(), DB_OK);
	/* seen from a new connection: really committed */
	pid1 = backend_pid();
	db_close();
	pid2 = backend_pid();
	CU_ASSERT_NOT_EQUAL(pid1, pid2);
	CU_ASSERT_EQUAL(count_name("tx-c1"), 1);
	CU_ASSERT_EQUAL(count_name("tx-c2"), 1);
}

static void test_tx_failed_statement(void)
{
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-f1", NULL), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "dup", NULL), DB_ECONFLICT);
	/* the transaction is aborted: further statements fail until the rollback */
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-f2", NULL), DB_EQUERY);
	db_rollback();
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
	CU_ASSERT_EQUAL(count_name("tx-f1"), 0);
	CU_ASSERT_EQUAL(count_name("tx-f2"), 0);
}

static void test_commit_of_aborted_tx(void)
{
	enum db_err e;

	/* COMMIT of a failed transaction rolls back: reporting DB_OK would claim a commit */
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-ab", NULL), DB_OK);
	CU_ASSERT_EQUAL(st("SELECT nosuch", 0, NULL, NULL), DB_EQUERY);
	e = db_commit();
	CU_ASSERT_NOT_EQUAL(e, DB_OK);
	if (e == DB_OK)
		fprintf(stderr, "\n    db_commit() of an aborted transaction returned DB_OK\n");
	else
		db_rollback();
	CU_ASSERT_EQUAL(count_name("tx-ab"), 0);
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
}

static void test_script(void)
{
	CU_ASSERT_EQUAL(db_exec_script("CREATE TABLE s1 (a int);\n"
				       "INSERT INTO s1 VALUES (1), (2);\n"
				       "-- a comment\n"),
			DB_OK);
	CU_ASSERT_EQUAL(num("SELECT count(*) FROM s1", 0, NULL), 2);
	CU_ASSERT_EQUAL(num("SELECT sum(a) FROM s1", 0, NULL), 3);
	/* a failing script: DB_EQUERY, a message, and nothing of it kept (one implicit transaction) */
	CU_ASSERT_EQUAL(db_exec_script("CREATE TABLE s2 (a int); INSERT INTO s2 VALUES (1);"
				       " SELECT nosuch FROM s2;"),
			DB_EQUERY);
	CU_ASSERT_PTR_NOT_NULL(strstr(db_last_error(), "nosuch"));
	CU_ASSERT_EQUAL(num("SELECT count(*) FROM pg_tables WHERE tablename = 's2'", 0, NULL), 0);
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
}

static void test_close_reconnects(void)
{
	long long pid1 = backend_pid(), pid2;

	db_close();
	db_close();	/* twice is harmless */
	pid2 = backend_pid();
	CU_ASSERT_TRUE(pid1 > 0 && pid2 > 0);
	CU_ASSERT_NOT_EQUAL(pid1, pid2);
}

static void test_restart_reconnects(void)
{
	long long pid1, pid2;
	PGresult *r = NULL;
	enum db_err e;
	double t0;

	pid1 = backend_pid();
	CU_ASSERT_TRUE_FATAL(pid1 > 0);
	if (pg_restart() != 0) {
		pg_dump_logs();
		CU_FAIL_FATAL("pg_ctl restart failed");
	}
	/* the old connection is dead; the statement is retried once on a new one */
	t0 = now();
	e = db_exec(&r, "SELECT pg_backend_pid() AS pid, (SELECT count(*) FROM t WHERE name = 'alice') AS n",
		    0, NULL);
	CU_ASSERT_EQUAL(e, DB_OK);
	if (e != DB_OK)
		fprintf(stderr, "\n    after restart: %s (%s)\n", db_strerror(e), db_last_error());
	CU_ASSERT_TRUE(now() - t0 < 5);
	if (r) {
		pid2 = db_getll(r, 0, "pid");
		CU_ASSERT_NOT_EQUAL(pid1, pid2);
		/* the data survived the restart */
		CU_ASSERT_EQUAL(db_getll(r, 0, "n"), 1);
		PQclear(r);
	}
	/* twice in a row */
	CU_ASSERT_EQUAL_FATAL(pg_restart(), 0);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "after-restart", NULL), DB_OK);
	CU_ASSERT_EQUAL(count_name("after-restart"), 1);
}

/*
 * A statement whose connection is lost after it committed is not sent
 * again: the procedure stores a row, commits, then its backend dies.  Sent
 * twice, the second CALL would store the row again (here t.name is unique,
 * so it would answer DB_ECONFLICT instead of DB_ECONNECT).
 */
static void test_lost_after_commit_not_resent(void)
{
	CU_ASSERT_EQUAL_FATAL(db_exec_script("CREATE OR REPLACE PROCEDURE once_then_die(n text)"
					     " LANGUAGE plpgsql AS $$ BEGIN"
					     " INSERT INTO t (name) VALUES (n); COMMIT;"
					     " PERFORM pg_terminate_backend(pg_backend_pid());"
					     " PERFORM pg_sleep(5); END $$"),
			      DB_OK);
	CU_ASSERT_EQUAL(st("CALL once_then_die($1)", 1, "sent-once", NULL), DB_ECONNECT);
	/* the next statement reconnects; the row is there once */
	CU_ASSERT_EQUAL(count_name("sent-once"), 1);
}

static void test_restart_in_transaction(void)
{
	/* a retry inside a transaction would run outside it: it must fail instead */
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-lost1", NULL), DB_OK);
	CU_ASSERT_EQUAL_FATAL(pg_restart(), 0);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-lost2", NULL), DB_ECONNECT);
	db_rollback();
	/* afterwards the next statement reconnects, and nothing of the transaction is there */
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
	CU_ASSERT_EQUAL(count_name("tx-lost1"), 0);
	CU_ASSERT_EQUAL(count_name("tx-lost2"), 0);
	/* and a new transaction works normally */
	CU_ASSERT_EQUAL_FATAL(db_begin(), DB_OK);
	CU_ASSERT_EQUAL(st("INSERT INTO t (name) VALUES ($1)", 1, "tx-new", NULL), DB_OK);
	CU_ASSERT_EQUAL(db_commit(), DB_OK);
	CU_ASSERT_EQUAL(count_name("tx-new"), 1);
}

static void test_script_after_restart(void)
{
	enum db_err e;

	CU_ASSERT_EQUAL(db_ping(), DB_OK);
	CU_ASSERT_EQUAL_FATAL(pg_restart(), 0);
	/* the script may fail on the dead connection, but it must not stay broken */
	e = db_exec_script("SELECT 1; SELECT 2;");
	if (e != DB_OK)
		e = db_exec_script("SELECT 1; SELECT 2;");
	CU_ASSERT_EQUAL(e, DB_OK);
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
}

static void test_server_down(void)
{
	PGresult *r = (PGresult *)1;
	double t0, dt;

	CU_ASSERT_EQUAL(db_ping(), DB_OK);
	if (pg_stop() != 0) {
		pg_dump_logs();
		CU_FAIL_FATAL("pg_ctl stop failed");
	}
	/* the open connection is dead and no new one can be made: DB_ECONNECT, at once */
	t0 = now();
	CU_ASSERT_EQUAL(db_exec(&r, "SELECT 1", 0, NULL), DB_ECONNECT);
	dt = now() - t0;
	CU_ASSERT_PTR_NULL(r);
	CU_ASSERT_TRUE(dt < 2);
	CU_ASSERT_NOT_EQUAL(db_last_error()[0], '\0');
	CU_ASSERT_PTR_NOT_NULL(strstr(db_last_error(), "connect"));
	t0 = now();
	CU_ASSERT_EQUAL(db_ping(), DB_ECONNECT);
	CU_ASSERT_EQUAL(db_begin(), DB_ECONNECT);
	CU_ASSERT_EQUAL(db_exec_script("SELECT 1"), DB_ECONNECT);
	db_rollback();	/* harmless without a connection */
	CU_ASSERT_TRUE(now() - t0 < 2);

	if (pg_start() != 0) {
		pg_dump_logs();
		CU_FAIL_FATAL("pg_ctl start failed");
	}
	CU_ASSERT_EQUAL(db_ping(), DB_OK);
	CU_ASSERT_EQUAL(count_name("alice"), 1);
}

static CU_TestInfo tests[] = {
	{ "ping", test_ping },
	{ "schema", test_schema },
	{ "exec with parameters and NULL", test_exec_params },
	{ "exec with two parameters", test_exec_two_params },
	{ "SQL injection attempts stay data", test_injection },
	{ "UTF-8 text round trip", test_text_roundtrip },
	{ "db_get, db_getll, db_isnull", test_getters },
	{ "failing statements are DB_EQUERY with a message", test_query_error },
	{ "unique and foreign key violations are DB_ECONFLICT", test_conflict },
	{ "begin + rollback discards", test_tx_rollback },
	{ "begin + commit keeps", test_tx_commit },
	{ "a failed statement aborts the transaction", test_tx_failed_statement },
	{ "commit of an aborted transaction is not DB_OK", test_commit_of_aborted_tx },
	{ "exec_script with several statements", test_script },
	{ "close then exec reconnects", test_close_reconnects },
	{ "server restart between two statements: reconnect", test_restart_reconnects },
	{ "lost after it committed: not sent again", test_lost_after_commit_not_resent },
	{ "server restart inside a transaction: DB_ECONNECT", test_restart_in_transaction },
	{ "exec_script after a server restart", test_script_after_restart },
	{ "server down: DB_ECONNECT quickly, then back", test_server_down },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("db", tests, pg_suite_init, pg_suite_cleanup);
}
