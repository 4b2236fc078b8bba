/* db.c - one persistent libpq connection per worker, parameterised statements only */
#define _GNU_SOURCE
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"

static PGconn *conn;
static char *conninfo;
static char last_error[512];
static bool in_tx;

static const char *const errors[DB__MAX] = {
	[DB_OK] = "ok",
	[DB_ECONNECT] = "database unavailable",
	[DB_EQUERY] = "database query failed",
	[DB_ECONFLICT] = "conflicting change",
};

const char *db_strerror(enum db_err e)
{
	return (unsigned)e < DB__MAX ? errors[e] : "unknown database error";
}

void db_init(const char *info)
{
	free(conninfo);
	conninfo = strdup(info ? info : "");
}

void db_close(void)
{
	if (conn)
		PQfinish(conn);
	conn = NULL;
	in_tx = false;
}

static void note(const char *what, const char *msg)
{
	snprintf(last_error, sizeof(last_error), "%s: %s", what, msg ? msg : "");
	last_error[strcspn(last_error, "\n")] = '\0';
}

/*
 * Did the server close this connection while it sat idle (a restart)?  Its
 * farewell and end of file wait on the socket: seen before anything is sent.
 */
static bool dropped_while_idle(void)
{
	struct pollfd p = { .fd = PQsocket(conn), .events = POLLIN | POLLRDHUP };

	return p.fd < 0 || (poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)));
}

static enum db_err db_connect(void)
{
	if (conn && PQstatus(conn) == CONNECTION_OK && (in_tx || !dropped_while_idle()))
		return DB_OK;
	if (conn) {
		/* after a server restart the old socket is dead: start over */
		PQfinish(conn);
		conn = NULL;
	}
	conn = PQconnectdb(conninfo ? conninfo : "");
	if (!conn || PQstatus(conn) != CONNECTION_OK) {
		note("connect", conn ? PQerrorMessage(conn) : "out of memory");
		if (conn)
			PQfinish(conn);
		conn = NULL;
		return DB_ECONNECT;
	}
	in_tx = false;
	return DB_OK;
}

enum db_err db_ping(void)
{
	PGresult *r;
	enum db_err e = db_exec(&r, "SELECT 1", 0, NULL);

	if (e == DB_OK)
		PQclear(r);
	return e;
}

enum db_err db_exec(PGresult **res, const char *sql, int nparams, const char *const *params)
{
	ExecStatusType st;
	const char *state;
	bool conflict;
	PGresult *r;

	*res = NULL;
	/* a connection the server dropped while idle is replaced before anything is sent */
	if (db_connect() != DB_OK)
		return DB_ECONNECT;
	r = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
	st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		*res = r;
		return DB_OK;
	}
	note("query", r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
	state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	if (PQstatus(conn) == CONNECTION_BAD) {
		/*
		 * Lost once sent: the statement may have committed, so it is never
		 * sent again (a submission stored twice); inside a transaction a
		 * retry would run outside it.  The next statement reconnects.
		 */
		PQclear(r);
		in_tx = false;
		return DB_ECONNECT;
	}
	/* 23505 unique_violation, 23503 foreign_key_violation */
	conflict = state && (!strcmp(state, "23505") || !strcmp(state, "23503"));
	PQclear(r);
	return conflict ? DB_ECONFLICT : DB_EQUERY;
}

int db_wait_notify(int timeout_ms, char *payload, size_t len)
{
	struct pollfd p;
	PGnotify *n;
	int round;

	if (!conn || PQstatus(conn) != CONNECTION_OK)
		return -1;
	for (round = 0; round < 2; round++) {
		if (!PQconsumeInput(conn)) {
			note("notify", PQerrorMessage(conn));
			return -1;
		}
		n = PQnotifies(conn);
		if (n) {
			snprintf(payload, len, "%s", n->extra);
			PQfreemem(n);
			return 1;
		}
		if (round)
			break;
		p = (struct pollfd){ .fd = PQsocket(conn), .events = POLLIN };
		if (poll(&p, 1, timeout_ms) == 0)
			return 0;
	}
	return 0;
}

void db_forget(void)
{
	if (conn) {
		/* the socket is the parent's too: closing our copy ends nothing for it */
		close(PQsocket(conn));
		PQfinish(conn);
	}
	conn = NULL;
	in_tx = false;
}

enum db_err db_run(const char *sql, int nparams, const char *const *params)
{
	PGresult *r;
	enum db_err e = db_exec(&r, sql, nparams, params);

	PQclear(r);
	return e;
}

int db_rows(const char *sql, int nparams, const char *const *params)
{
	PGresult *r;
	int n;

	if (db_exec(&r, sql, nparams, params) != DB_OK)
		return -1;
	n = PQntuples(r);
	PQclear(r);
	return n;
}

const char *db_last_error(void)
{
	return last_error;
}

const char *db_get(const PGresult *r, int row, const char *col)
{
	int c = PQfnumber(r, col);

	if (c < 0 || row >= PQntuples(r) || PQgetisnull(r, row, c))
		return "";
	return PQgetvalue(r, row, c);
}

bool db_isnull(const PGresult *r, int row, const char *col)
{
	int c = PQfnumber(r, col);

	return c < 0 || row >= PQntuples(r) || PQgetisnull(r, row, c);
}

long long db_getll(const PGresult *r, int row, const char *col)
{
	return strtoll(db_get(r, row, col), NULL, 10);
}

enum db_err db_begin(void)
{
	enum db_err e = db_run("BEGIN", 0, NULL);

	in_tx = e == DB_OK;
	return e;
}

enum db_err db_commit(void)
{
	PGresult *r;
	enum db_err e = db_exec(&r, "COMMIT", 0, NULL);

	in_tx = false;
	if (e != DB_OK)
		return e;
	/* COMMIT of a failed transaction "succeeds" with the tag ROLLBACK */
	if (strcmp(PQcmdStatus(r), "COMMIT")) {
		note("commit", "the transaction was rolled back");
		e = DB_EQUERY;
	}
	PQclear(r);
	return e;
}

void db_rollback(void)
{
	if (conn && PQstatus(conn) == CONNECTION_OK)
		db_run("ROLLBACK", 0, NULL);
	in_tx = false;
}

enum db_err db_exec_script(const char *sql)
{
	PGresult *r;
	ExecStatusType st;

	if (db_connect() != DB_OK)
		return DB_ECONNECT;
	r = PQexec(conn, sql);
	st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		note("script", r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
		PQclear(r);
		return DB_EQUERY;
	}
	PQclear(r);
	return DB_OK;
}
