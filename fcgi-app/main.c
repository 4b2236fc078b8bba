/*
 * main.c - ce-fcgi: the FastCGI worker behind nginx
 *
 * spawn-fcgi starts several of these on one unix socket; each one accepts a
 * request at a time, routes it and answers JSON.  Configuration comes from
 * the environment once at start-up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "api_common.h"
#include "db.h"
#include "executor.h"
#include "http.h"
#include "invite_link.h"
#include "lang.h"
#include "mail.h"
#include "queue.h"
#include "router.h"
#include "session.h"
#include "util.h"

static void config_load(void)
{
	cfg.api_key = getenv("CE_API_KEY");
	cfg.templates = getenv("CE_TEMPLATES") ? getenv("CE_TEMPLATES") : "templates";
	cfg.abandon_grace_s = env_int("CE_ABANDON_GRACE", 60, 1, 3600);
	cfg.heartbeat_timeout_s = env_int("CE_HEARTBEAT_TIMEOUT", 300, 5, 86400);
	cfg.admin_token_hours = env_int("CE_ADMIN_TOKEN_HOURS", 12, 1, 720);
	cfg.worker_memory_mb = env_int("CE_WORKER_MEMORY_MB", 1024, 0, 1 << 20);
	db_init(getenv("DATABASE_URL"));
	executor_init(getenv("CE_JUDGE"));
	queue_init();
	mail_init();
	invite_link_init();
}

static void handle(FCGX_Request *fx)
{
	struct http_req r;
	int m;

	http_req_init(&r, fx);
	m = router_match(app_routes, app_nroutes, r.method, r.path, &r.m);
	if (m == ROUTE_NOT_FOUND)
		http_fail(&r, 404, "not_found", "no such endpoint");
	else if (m == ROUTE_BAD_METHOD)
		http_fail(&r, 405, "method_not_allowed", "%.16s is not allowed here", r.method);
	else {
		/* a session past its end shows as ended to whoever reads it */
		if (r.m.route->flags & API_CLOCK)
			session_sweep();
		r.m.route->handler(&r);
	}
	/* the one place an error becomes a response */
	if (!r.sent)
		http_send_error(&r);
	http_req_release(&r);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/*
 * A worker's address space is capped (soft RLIMIT_AS), so a request that
 * makes it grow fails alone instead of taking the host's memory.  A worker
 * at rest peaks near 20 MiB; the default of 1 GiB leaves room for a 64 MiB
 * /execute body and its response.  Only the soft limit: the judge sets its
 * own, and the launcher gives the boxes theirs.  AddressSanitizer
 * reserves terabytes of address space, so a sanitizer build sets none.
 */
static void worker_limit_memory(void)
{
#ifndef UNDER_ASAN
	struct rlimit rl;

	if (!cfg.worker_memory_mb || getrlimit(RLIMIT_AS, &rl) < 0)
		return;
	rl.rlim_cur = (rlim_t)cfg.worker_memory_mb << 20;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max)
		rl.rlim_cur = rl.rlim_max;
	if (setrlimit(RLIMIT_AS, &rl) < 0)
		fprintf(stderr, "ce-fcgi: cannot limit worker memory: %s\n", strerror(errno));
#endif
}

static volatile sig_atomic_t stopping;

static void on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

/*
 * With --workers N the process is a small supervisor: it forks N workers that
 * share the listening socket (fd 0, from spawn-fcgi) and replaces any that
 * dies, so a crash costs one request, never capacity.
 */
static void supervise(int n)
{
	pid_t *kids = calloc((size_t)n, sizeof(*kids));
	struct sigaction sa = { .sa_handler = on_term };
	int i, status;
	pid_t pid;

	if (!kids)
		exit(1);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (;;) {
		for (i = 0; i < n && !stopping; i++) {
			if (kids[i] > 0)
				continue;
			pid = fork();
			if (pid == 0) {
				signal(SIGTERM, SIG_DFL);
				signal(SIGINT, SIG_DFL);
				free(kids);
				return;
			}
			kids[i] = pid;
		}
		pid = wait(&status);
		if (stopping || (pid < 0 && errno == ECHILD))
			break;
		for (i = 0; i < n; i++) {
			if (kids[i] != pid)
				continue;
			kids[i] = 0;
			if (WIFSIGNALED(status))
				fprintf(stderr, "ce-fcgi: worker %d died of signal %d; replacing it\n",
					(int)pid, WTERMSIG(status));
		}
		if (pid < 0)
			usleep(100000);
	}
	for (i = 0; i < n; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGTERM);
	while (wait(&status) > 0 || errno == EINTR)
		;
	exit(0);
}

int main(int argc, char **argv)
{
	FCGX_Request fx;
	time_t last_sweep = 0;
	size_t i;

	/* a client or the judge may go away mid-write: that is an error code, not a signal */
	signal(SIGPIPE, SIG_IGN);
	config_load();
	/*
	 * The toolchain versions (GET /api/languages) come from running java, mono...
	 * once: before the memory limit, which a JVM would not start under, and in
	 * the supervisor, so that every worker inherits them.
	 */
	for (i = 0; i < nlangs; i++)
		lang_version(&langs[i]);
	if (argc == 3 && !strcmp(argv[1], "--workers"))
		supervise(atoi(argv[2]) > 0 ? atoi(argv[2]) : 1);
	worker_limit_memory();
	if (FCGX_Init() != 0 || FCGX_InitRequest(&fx, 0, 0) != 0) {
		fprintf(stderr, "ce-fcgi: cannot initialise FastCGI\n");
		return 1;
	}
	while (FCGX_Accept_r(&fx) >= 0) {
		time_t now = time(NULL);

		/* sessions whose clock ran out are closed before anyone looks at them */
		if (now - last_sweep >= 5) {
			session_sweep();
			last_sweep = now;
		}
		handle(&fx);
		FCGX_Finish_r(&fx);
	}
	db_close();
	return 0;
}
