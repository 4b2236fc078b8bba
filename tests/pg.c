/*
 * pg.c - a private PostgreSQL 15 for the suites that need one (see pg.h)
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
#include <stdbool.h>
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
#include "pg.h"

#define PG_BIN "/usr/lib/postgresql/15/bin"
#define PG_USER "ce-test-pg"

static char dir[64];		/* the temporary directory: socket, data/, logs */
static char datadir[96];
static char pglog[96];
static char ctllog[96];
static char pidpath[128];
static char user[64];
static char conninfo[256];
static int port;
static bool as_root;
static volatile pid_t postmaster;	/* for the emergency handler */
static volatile sig_atomic_t have_dir;
static volatile pid_t inflight;		/* the pg_ctl (runuser) being waited for */

/* Signals that trigger the emergency clean-up. */
static const int fatal_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
#define NFATAL (sizeof(fatal_sigs) / sizeof(fatal_sigs[0]))


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
void pg_dump_logs(void)
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

int pg_start(void)
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

int pg_stop(void)
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

int pg_restart(void)
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
			fprintf(stderr, "pg: cannot create the user %s\n", user);
			return -1;
		}
	} else {
		struct passwd *pw = getpwuid(geteuid());

		if (!pw)
			return -1;
		snprintf(user, sizeof(user), "%s", pw->pw_name);
	}

	snprintf(dir, sizeof(dir), "/tmp/ce-test-pg.XXXXXX");
	if (!mkdtemp(dir)) {
		perror("pg: mkdtemp");
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
			perror("pg: chown");
			return -1;
		}
	}
	port = free_port();

	{
		const char *args[] = { PG_BIN "/initdb", "-D", datadir, "-U", user, "-A", "trust",
				       "-E", "UTF8", "--no-locale", "--no-sync", NULL };

		if (run(args) != 0) {
			fprintf(stderr, "pg: initdb failed\n");
			pg_dump_logs();
			return -1;
		}
	}
	if (pg_start() != 0) {
		fprintf(stderr, "pg: pg_ctl start failed\n");
		pg_dump_logs();
		return -1;
	}
	snprintf(conninfo, sizeof(conninfo), "host=%s port=%d user=%s dbname=postgres", dir, port,
		 user);
	db_init(conninfo);
	if (db_ping() != DB_OK) {
		fprintf(stderr, "pg: cannot reach the server: %s\n", db_last_error());
		pg_dump_logs();
		return -1;
	}
	return 0;
}

const char *pg_conninfo(void)
{
	return conninfo;
}

int pg_suite_init(void)
{
	if (setup() == 0)
		return 0;
	/* CUnit does not call the clean-up of a suite whose set-up failed */
	teardown();
	return -1;
}

int pg_suite_cleanup(void)
{
	teardown();
	return 0;
}


int pg_migrate(void)
{
	char url[300], ctl[300];
	const char *bin = getenv("BIN");
	int st;
	pid_t pid;

	snprintf(url, sizeof(url), "DATABASE_URL=%s", conninfo);
	snprintf(ctl, sizeof(ctl), "%s/ce-ctl", bin && *bin ? bin : "bin");
	pid = fork();
	if (pid == 0) {
		char *const argv[] = { ctl, "migrate", "sql", NULL };
		char *const envp[] = { url, "PATH=/usr/bin:/bin", NULL };

		execve(ctl, argv, envp);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
		fprintf(stderr, "pg: %s migrate sql failed\n", ctl);
		return -1;
	}
	return 0;
}

/* The single value of sql with up to one parameter ("" when no row); a static buffer. */
const char *pg_value(const char *sql, const char *p0)
{
	static char out[4096];
	const char *p[1] = { p0 };
	PGresult *r;

	out[0] = '\0';
	if (db_exec(&r, sql, p0 ? 1 : 0, p) != DB_OK) {
		fprintf(stderr, "\n    %s: %s\n", sql, db_last_error());
		return out;
	}
	if (PQntuples(r) > 0)
		snprintf(out, sizeof(out), "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return out;
}

