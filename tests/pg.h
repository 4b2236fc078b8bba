/*
 * pg.h - a private PostgreSQL 15 for the suites that run against a real one
 *
 * pg_suite_init() starts a fresh server (initdb in a temporary directory, a
 * unix socket there only) and connects db.c to its "postgres" database;
 * pg_suite_cleanup() stops it and removes everything, as does a crash or a
 * signal.  Use them as the suite's init and cleanup in test_main().
 */
#ifndef CE_TEST_PG_H
#define CE_TEST_PG_H

int pg_suite_init(void);
int pg_suite_cleanup(void);
/* Stop, start or restart the running server (pg_ctl -m fast); 0 on success. */
int pg_stop(void);
int pg_start(void);
int pg_restart(void);
/* Apply sql/ with the real `$BIN/ce-ctl migrate sql` (run from the checkout); 0 on success. */
int pg_migrate(void);
/* The libpq conninfo of the server's "postgres" database. */
const char *pg_conninfo(void);
/*
 * The first column of the first row of sql, run with up to one parameter
 * (p0 NULL: none), as text in a static buffer: "" when there is no row or
 * the statement failed (then the error is printed).
 */
const char *pg_value(const char *sql, const char *p0);
/* Print the server's and pg_ctl's logs to stderr. */
void pg_dump_logs(void);

#endif
