/*
 * db.h - PostgreSQL access: one persistent connection, parameterised queries only
 *
 * Every statement goes through db_exec() (PQexecParams underneath); there is
 * no way to paste a value into SQL text.  A broken connection is reopened
 * and the statement retried once, so a database restart costs the requests
 * that were in flight at that moment and nothing more.
 */
#ifndef CE_DB_H
#define CE_DB_H

#include <libpq-fe.h>
#include <stdbool.h>

enum db_err {
	DB_OK = 0,
	DB_ECONNECT,	/* cannot reach the server */
	DB_EQUERY,	/* the statement failed (message in db_last_error()) */
	DB_ECONFLICT,	/* a unique or foreign key constraint refused the change */
	DB__MAX
};

/* A short English name of e, a static string ("unknown database error" out of range). */
const char *db_strerror(enum db_err e);

/* Remember the connection string (libpq conninfo or URL); connects lazily. */
void db_init(const char *conninfo);
void db_close(void);
/* Connect now if not connected; DB_OK when the server answers. */
enum db_err db_ping(void);

/*
 * Run one parameterised statement.  params may contain NULLs (SQL NULL).
 * On DB_OK *res holds the result (caller PQclear()s it); otherwise *res is NULL.
 */
enum db_err db_exec(PGresult **res, const char *sql, int nparams, const char *const *params);
/* db_exec for a statement whose rows are not needed. */
enum db_err db_run(const char *sql, int nparams, const char *const *params);
/* db_exec that only counts the rows: their number, or -1 when the statement failed. */
int db_rows(const char *sql, int nparams, const char *const *params);
/* The server's message for the last failure, for logs only: never send it to a client. */
const char *db_last_error(void);

/* Helpers for results. */
const char *db_get(const PGresult *r, int row, const char *col);	/* "" when NULL */
bool db_isnull(const PGresult *r, int row, const char *col);
long long db_getll(const PGresult *r, int row, const char *col);

/*
 * Wait up to timeout_ms for a notification on a channel this connection
 * listens to (LISTEN through db_exec, again after any reconnect): 1 with its
 * payload, 0 on timeout, -1 when the connection failed.
 */
int db_wait_notify(int timeout_ms, char *payload, size_t len);
/* In a child after fork(): let go of the parent's connection without closing it for the parent. */
void db_forget(void);

/* BEGIN / COMMIT / ROLLBACK on the worker's connection. */
enum db_err db_begin(void);
enum db_err db_commit(void);
void db_rollback(void);



/*
 * Run a trusted multi-statement script from the repository's sql/ directory
 * (migrations).  Never call it with anything that came from a request.
 */
enum db_err db_exec_script(const char *sql);
#endif
