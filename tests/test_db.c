/*
 * test_db.c - tests of db.c against a real PostgreSQL 15 started by the suite
 *
 * The suite set-up runs initdb into a fresh temporary directory and starts a
 * server listening only on a unix socket in that directory (no TCP), as an
 * unprivileged user (ce-test-pg, created when missing) because initdb refuses
 * root.  The clean-up stops it and removes the directory; a crash or a signal
 * does the same through an emergency handler.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "harness.h"

#define PG_BIN "/usr/lib/postgresql/15/bin"
#define PG_USER "ce-test-pg"

static char dir[64];		/* the temporary directory: socket, data/, logs */
static char datadir[96];
static char pglog[96];
static char ctllog[96];
static char pidpath[128];
static char user[64];
static int port;
static bool as_root;
static volatile pid_t postmaster;	/* for the emergency handler */
static volatile sig_atomic_t have_dir;
static volatile pid_t inflight;		/* the pg_ctl (runuser) being waited for */

/* Signals that trigger the emergency clean-up. */
static const int fatal_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
#define NFATAL (sizeof(fatal_sigs) / sizeof(fatal_sigs[0]))

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run argv (as PG_USER when root) with output appended to ctllog; the exit status, -1 on error. */
static int run(const char *const *args)
{
	const char *argv[32];
	size_t n = 0, i;
	pid_t pid;
	int st;

	if (as_root) {
		argv[n++] = "/usr/sbin/runuser";
		argv[n++] = "-u";
		argv[n++] = user;
		argv[n++] = "--";
	}
	for (i = 0; args[i] && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(ctllog[0] ? ctllog : "/dev/null", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
			      0644);
		int nul = open("/dev/null", O_RDONLY);

		for (i = 0; i < NFATAL; i++)
			signal(fatal_sigs[i], SIG_DFL);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		if (nul >= 0)
			dup2(nul, 0);
		/* the test's working directory may not be readable by PG_USER */
		if (chdir(have_dir ? dir : "/") < 0 && chdir("/") < 0)
			_exit(126);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	inflight = pid;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			inflight = 0;
			return -1;
		}
	inflight = 0;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Show the logs of pg_ctl and of the server, when something went wrong. */
static void dump_logs(void)
{
	const char *files[] = { ctllog, pglog };
	char line[512];
	size_t i;

	for (i = 0; i < 2; i++) {
		FILE *f = files[i][0] ? fopen(files[i], "r") : NULL;

		if (!f)
			continue;
		fprintf(stderr, "\n---- %s ----\n", files[i]);
		while (fgets(line, sizeof(line), f))
			fputs(line, stderr);
		fclose(f);
	}
}

static pid_t read_postmaster_pid(void)
{
	char path[128];
	FILE *f;
	long pid = 0;

	snprintf(path, sizeof(path), "%s/postmaster.pid", datadir);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%ld", &pid) != 1)
		pid = 0;
	fclose(f);
	return (pid_t)pid;
}

/*
 * The suite is a child subreaper: pg_ctl's daemonised postmaster becomes our child when
 * pg_ctl exits, so a stopped server is reaped here instead of lingering as a zombie.
 */
static void reap(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static int pg_start(void)
{
	char opts[256];
	const char *args[] = { PG_BIN "/pg_ctl", "-D", datadir, "-l", pglog, "-w", "-t", "30",
			       "-o", opts, "start", NULL };
	int rc;

	/* unix socket in our directory only; durability is not what is tested here */
	snprintf(opts, sizeof(opts),
		 "-k %s -p %d -c listen_addresses='' -c fsync=off -c full_page_writes=off"
		 " -c synchronous_commit=off -c max_connections=10",
		 dir, port);
	rc = run(args);
	postmaster = rc == 0 ? read_postmaster_pid() : 0;
	return rc;
}

static int pg_stop(void)
{
	const char *args[] = { PG_BIN "/pg_ctl", "-D", datadir, "-m", "fast", "-w", "-t", "30",
			       "stop", NULL };
	pid_t old = postmaster;
	int rc = run(args);

	if (rc == 0) {
		postmaster = 0;
		if (old > 0)
			waitpid(old, NULL, 0);
	}
	reap();
	return rc;
}

static int pg_restart(void)
{
	const char *args[] = { PG_BIN "/pg_ctl", "-D", datadir, "-l", pglog, "-m", "fast", "-w",
			       "-t", "30", "restart", NULL };
	pid_t old = postmaster;
	int rc = run(args);

	postmaster = rc == 0 ? read_postmaster_pid() : 0;
	if (rc == 0 && old > 0 && old != postmaster)
		waitpid(old, NULL, 0);
	reap();
	return rc;
}

/* A free TCP port number; the server does not listen on TCP, it only names its socket after it. */
static int free_port(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0), p = 0;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &len) == 0)
		p = ntohs(a.sin_port);
	if (fd >= 0)
		close(fd);
	return p ? p : 40000 + (int)(getpid() % 20000);
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Stop the server (when running) and remove the directory; safe to call more than once. */
static void teardown(void)
{
	db_close();
	if (postmaster > 0 && pg_stop() != 0) {
		/* pg_ctl failed: shut it down the hard way */
		kill(postmaster, SIGQUIT);
		waitpid(postmaster, NULL, 0);
		postmaster = 0;
	}
	if (have_dir) {
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
		have_dir = 0;
	}
}

/* Async-signal-safe: the pid in postmaster.pid when it names a running postgres, 0 when not, -1 when no file. */
static pid_t pidfile_pid(void)
{
	char buf[32], path[48];
	ssize_t n;
	pid_t pid = 0;
	int fd, i;

	fd = open(pidpath, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	for (i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
		pid = pid * 10 + (buf[i] - '0');
	if (pid <= 0)
		return 0;
	/* /proc/<pid>/comm must say postgres: a stale file must not aim a signal elsewhere */
	memcpy(path, "/proc/", 6);
	for (i = 0, n = pid; n; n /= 10)
		i++;
	for (n = pid, fd = 6 + i; n; n /= 10)
		path[--fd] = (char)('0' + n % 10);
	memcpy(path + 6 + i, "/comm", 6);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	return n >= 8 && !memcmp(buf, "postgres", 8) ? pid : 0;
}

/* On a crash, a signal or a sanitizer report: immediate shutdown of the server, remove the directory. */
static void emergency_cleanup(void)
{
	struct timespec ms = { 0, 10 * 1000 * 1000 };
	bool was_inflight = inflight > 0;
	pid_t p, last = 0;
	int i;

	/* let a pg_ctl start/restart finish (it is bounded by -t 30): its server is then known */
	if (was_inflight)
		waitpid(inflight, NULL, 0);
	if (postmaster > 0)
		kill(postmaster, SIGQUIT);
	for (i = 0; i < 1000; i++) {
		p = pidfile_pid();
		/* no pid file: nothing runs (after a pg_ctl, give a starting server 1 s to show) */
		if (p < 0 && (!was_inflight || i >= 100))
			break;
		if (p > 0) {
			kill(p, SIGQUIT);
			last = p;
		}
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		nanosleep(&ms, NULL);
	}
	/* reap the servers that were our children (as a subreaper), so no zombie outlives us */
	for (i = 0; i < 200; i++) {
		bool left = false;

		if (postmaster > 0 && waitpid(postmaster, NULL, WNOHANG) == 0)
			left = true;
		if (last > 0 && last != postmaster && waitpid(last, NULL, WNOHANG) == 0)
			left = true;
		if (!left)
			break;
		nanosleep(&ms, NULL);
	}
	if (have_dir) {
		pid_t pid = fork();

		if (pid == 0) {
			execl("/bin/rm", "rm", "-rf", dir, (char *)NULL);
			_exit(127);
		}
		if (pid > 0)
			waitpid(pid, NULL, 0);
		have_dir = 0;
	}
	postmaster = 0;
}

static void emergency(int sig)
{
	emergency_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * A sanitizer report ends the process with _exit(), past atexit() and signal handlers;
 * its death callback is the only chance to clean up.  Weak: absent without sanitizers.
 */
extern void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static void at_exit(void)
{
	teardown();
}

static int setup(void)
{
	char conninfo[256];
	size_t i;

	as_root = geteuid() == 0;
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	if (as_root) {
		snprintf(user, sizeof(user), "%s", PG_USER);
		if (!getpwnam(user)) {
			const char *args[] = { "/usr/sbin/useradd", "--system", "--no-create-home",
					       "--shell", "/usr/sbin/nologin", PG_USER, NULL };
			bool saved = as_root;

			as_root = false;	/* useradd itself runs as root */
			run(args);
			as_root = saved;
		}
		if (!getpwnam(user)) {
			fprintf(stderr, "test_db: cannot create the user %s\n", user);
			return -1;
		}
	} else {
		struct passwd *pw = getpwuid(geteuid());

		if (!pw)
			return -1;
		snprintf(user, sizeof(user), "%s", pw->pw_name);
	}

	snprintf(dir, sizeof(dir), "/tmp/ce-test-db.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("test_db: mkdtemp");
		return -1;
	}
	have_dir = 1;
	for (i = 0; i < NFATAL; i++)
		signal(fatal_sigs[i], emergency);
	atexit(at_exit);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(emergency_cleanup);
	snprintf(datadir, sizeof(datadir), "%s/data", dir);
	snprintf(pglog, sizeof(pglog), "%s/server.log", dir);
	snprintf(ctllog, sizeof(ctllog), "%s/ctl.log", dir);
	snprintf(pidpath, sizeof(pidpath), "%s/postmaster.pid", datadir);
	if (as_root) {
		struct passwd *pw = getpwnam(user);

		if (chown(dir, pw->pw_uid, pw->pw_gid) < 0) {
			perror("test_db: chown");
			return -1;
		}
	}
	port = free_port();

	{
		const char *args[] = { PG_BIN "/initdb", "-D", datadir, "-U", user, "-A", "trust",
				       "-E", "UTF8", "--no-locale", "--no-sync", NULL };

		if (run(args) != 0) {
			fprintf(stderr, "test_db: initdb failed\n");
			dump_logs();
			return -1;
		}
	}
	if (pg_start() != 0) {
		fprintf(stderr, "test_db: pg_ctl start failed\n");
		dump_logs();
		return -1;
	}
	snprintf(conninfo, sizeof(conninfo), "host=%s port=%d user=%s dbname=postgres", dir, port,
		 user);
	db_init(conninfo);
	if (db_ping() != DB_OK) {
		fprintf(stderr, "test_db: cannot reach the server: %s\n", db_last_error());
		dump_logs();
		return -1;
	}
	return 0;
}

static int suite_init(void)
{
	if (setup() == 0)
		return 0;
	/* CUnit does not call the clean-up of a suite whose set-up failed */
	teardown();
	return -1;
}

static int suite_cleanup(void)
{
	teardown();
	return 0;
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
		dump_logs();
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
		dump_logs();
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
		dump_logs();
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
	return test_main("db", tests, suite_init, suite_cleanup);
}
