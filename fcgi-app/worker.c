/*
 * worker.c - bin/ce-worker: a judge host
 *
 * Four kinds of process, all named after their job: the keeper
 * (ce-worker) starts a host and starts another when it dies; the host
 * (ce-worker-host) registers itself, beats every JOB_BEAT_S (renewing its
 * jobs' leases and giving back the jobs of hosts that stopped), and keeps
 * SLOTS slot processes and one deliverer alive; a slot (ce-worker-slot)
 * claims a job, runs it through the judge (executor.c, as the service
 * user), stores the answer, and claims the next; the deliverer
 * (ce-worker-hooks) calls the callbacks of jobs that ended (webhook.h).
 * SIGTERM drains: each slot ends its job and the deliverer its call, they
 * stop, the host waits for them, and nothing new is taken.
 *
 * Environment: DATABASE_URL, CE_JUDGE (bin/judge beside this program),
 * CE_WORKER_SLOTS (the number of cores), CE_NODE_NAME (the host's name in
 * results and in judge_host; else "judge"), CE_JOB_MAX_S (the cap of a job's
 * hard deadline, 600); the deliverer's CE_WEBHOOK_ALLOW, CE_WEBHOOK_SECRET
 * (or CE_API_KEY), CE_WEBHOOK_MAX_ATTEMPTS and CE_WEBHOOK_BACKOFF_MS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "executor.h"
#include "grade.h"
#include "jsonh.h"
#include "lang.h"
#include "queue.h"
#include "util.h"
#include "webhook.h"

#define JOB_BEAT_S 3
/* a compile's wall limit (sandbox/judge.c) and what a box costs to build and take down */
#define JOB_COMPILE_S 20
#define JOB_SLACK_S 10

static char cores_dir[] = "/tmp/ce-cores.XXXXXX";	/* the slots' core tokens (sandbox/lanes.c) */
static int job_max_s = 600;	/* CE_JOB_MAX_S: no job runs longer than this */
static int slot_nice = 10;	/* CE_WORKER_NICE: the slots' (and judges') nice value */

/*
 * A job's hard deadline: the sum of its tests' wall limits (SPEC section 3:
 * 2 x timeout + 1 s each) and a compile, capped at CE_JOB_MAX_S.  Past it the
 * judge is killed and the job fails.
 */
static unsigned deadline_ms(const char *req, size_t len)
{
	struct json_object *o = jsonh_parse(req, len, NULL, 0), *v;
	double timeout = 5, s;
	size_t tests = 1;

	if (o && json_object_object_get_ex(o, "timeout", &v) &&
	    (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)))
		timeout = json_object_get_double(v);
	if (o && json_object_object_get_ex(o, "test_cases", &v) &&
	    json_object_is_type(v, json_type_array))
		tests = json_object_array_length(v);
	json_object_put(o);
	if (timeout < 0 || timeout > JUDGE_MAX_TIMEOUT)
		timeout = 5;
	s = JOB_COMPILE_S + JOB_SLACK_S + (double)tests * (2 * timeout + 1);
	return (unsigned)(s < job_max_s ? s : job_max_s) * 1000u;
}

/* The judge's progress lines, stored for the job's followers. */
static void store_progress(void *arg, const char *line)
{
	queue_progress(arg, line);
}
#ifndef CE_VERSION
#define CE_VERSION "unknown"
#endif
#define MAX_SLOTS 256

static volatile sig_atomic_t draining;

static void on_term(int sig)
{
	(void)sig;
	draining = 1;
}

/* SIGTERM and SIGINT drain; restart=1 lets a judge's output be read to its end first. */
static void catch_term(int restart)
{
	struct sigaction sa = { .sa_handler = on_term, .sa_flags = restart ? SA_RESTART : 0 };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void name_process(const char *name)
{
	prctl(PR_SET_NAME, name, 0, 0, 0);
}

/*
 * Store a job's end, and complete the submission it was for, in one
 * transaction: 0 when stored (or left to the host that took the job over),
 * -1 on a database error (the caller tries again).
 */
static int finish(const char *id, int host_id, int slot, const char *context, struct json_object *o,
		  int invalid, const char *err)
{
	int fin;

	if (db_begin() != DB_OK)
		return -1;
	fin = queue_finish(id, host_id, slot, o ? jsonh_text(o, NULL) : NULL, invalid != 0,
			   o ? NULL : err);
	if (fin < 0 || (fin == 1 && o && grade_complete(context, o, invalid != 0) < 0) ||
	    db_commit() != DB_OK) {
		db_rollback();
		return -1;
	}
	return 0;
}

static void slot_main(int host_id, int slot)
{
	struct strbuf req = STRBUF_INIT, ctx = STRBUF_INIT;
	struct executor_watch watch;
	char id[24], err[512];
	struct json_object *o;
	int invalid, got;

	name_process("ce-worker-slot");
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	executor_set_core(cores_dir, slot);
	/*
	 * Below the front on a machine that has both: a heartbeat or a page is
	 * answered first, and the judge and its boxes (which inherit this) take
	 * what is left.
	 */
	if (setpriority(PRIO_PROCESS, 0, slot_nice) < 0)
		fprintf(stderr, "ce-worker: slot %d: nice %d: %s\n", slot, slot_nice, strerror(errno));
	db_forget();
	catch_term(1);
	while (!draining) {
		got = queue_claim(host_id, slot, id, &req, &ctx);
		if (got < 0) {
			fprintf(stderr, "ce-worker: slot %d: %s\n", slot, db_last_error());
			sleep(1);
			continue;
		}
		if (!got) {
			queue_idle(2000);
			continue;
		}
		err[0] = '\0';
		watch = (struct executor_watch){ .deadline_ms = deadline_ms(req.buf, req.len),
						 .progress = store_progress, .arg = id };
		o = executor_run(req.buf, req.len, &watch, &invalid, err, sizeof(err));
		if (!o)
			fprintf(stderr, "ce-worker: job %s: %s\n", id, err);
		/* the answer is kept even when the database blinks: try again for a while */
		for (got = 0; got < 30 && finish(id, host_id, slot, ctx.buf, o, invalid, err) < 0; got++)
			sleep(1);
		json_object_put(o);
	}
	strbuf_release(&req);
	strbuf_release(&ctx);
	_exit(0);
}

static pid_t start_slot(int host_id, int slot)
{
	pid_t pid = fork();

	if (pid == 0)
		slot_main(host_id, slot);
	return pid;
}

/* The deliverer of webhooks: one per host, its own database connection. */
static pid_t start_hooks(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		name_process("ce-worker-hooks");
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		db_forget();
		catch_term(0);
		webhook_deliver_loop(&draining);
		_exit(0);
	}
	return pid;
}

/*
 * One token per slot: a job holds its slot's and may borrow an idle slot's
 * for one test at a time (sandbox/lanes.c).  Without them a job runs one
 * test at a time.
 */
static void cores_make(int slots)
{
	char path[sizeof(cores_dir) + 16];
	int i, fd;

	if (!mkdtemp(cores_dir)) {
		fprintf(stderr, "ce-worker: no core tokens: %s\n", strerror(errno));
		cores_dir[0] = '\0';
		return;
	}
	for (i = 0; i < slots; i++) {
		snprintf(path, sizeof(path), "%s/%d", cores_dir, i);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0)
			close(fd);
	}
}

static void cores_remove(int slots)
{
	char path[sizeof(cores_dir) + 16];
	int i;

	if (!cores_dir[0])
		return;
	for (i = 0; i < slots; i++) {
		snprintf(path, sizeof(path), "%s/%d", cores_dir, i);
		unlink(path);
	}
	rmdir(cores_dir);
}

static int host_main(int slots, const char *name)
{
	pid_t kids[MAX_SLOTS] = { 0 }, hooks, pid;
	int host_id = 0, i, status, alive;
	time_t last = 0;

	name_process("ce-worker-host");
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	catch_term(0);
	while (queue_host_register(name, slots, CE_VERSION, &host_id) != DB_OK) {
		fprintf(stderr, "ce-worker: cannot register: %s\n", db_last_error());
		if (draining)
			return 0;
		sleep(2);
	}
	fprintf(stderr, "ce-worker: host %d (%s) with %d slots\n", host_id, name, slots);
	cores_make(slots);
	for (i = 0; i < slots; i++)
		kids[i] = start_slot(host_id, i);
	hooks = start_hooks();
	for (;;) {
		if (draining) {
			for (i = 0; i < slots; i++)
				if (kids[i] > 0)
					kill(kids[i], SIGTERM);
			if (hooks > 0)
				kill(hooks, SIGTERM);
		}
		if (time(NULL) - last >= JOB_BEAT_S) {
			if (queue_host_beat(host_id) != DB_OK)
				fprintf(stderr, "ce-worker: heartbeat: %s\n", db_last_error());
			last = time(NULL);
		}
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			if (pid == hooks) {
				/* a delivery it held is sent again when its lease runs out */
				hooks = 0;
				if (!draining) {
					fprintf(stderr, "ce-worker: webhook deliverer died (status %d); replaced\n",
						status);
					hooks = start_hooks();
				}
				continue;
			}
			for (i = 0; i < slots; i++) {
				if (kids[i] != pid)
					continue;
				kids[i] = 0;
				if (draining)
					break;
				/* a slot that died mid-job gives its job back, and is replaced */
				fprintf(stderr, "ce-worker: slot %d died (status %d); replaced\n", i, status);
				queue_release_slot(host_id, i);
				kids[i] = start_slot(host_id, i);
			}
		}
		for (alive = hooks > 0, i = 0; i < slots; i++)
			alive += kids[i] > 0;
		if (draining && !alive)
			break;
		sleep(1);
	}
	cores_remove(slots);
	queue_host_leave(host_id);
	db_close();
	return 0;
}

/* The keeper: a host that dies is replaced, as the FastCGI supervisor replaces a worker. */
static int keep(int slots, const char *name)
{
	pid_t host;
	int status;

	catch_term(0);
	while (!draining) {
		host = fork();
		if (host == 0)
			_exit(host_main(slots, name));
		if (host < 0) {
			sleep(1);
			continue;
		}
		while (waitpid(host, &status, 0) < 0) {
			if (errno != EINTR)
				break;
			if (draining)
				kill(host, SIGTERM);
		}
		if (!draining) {
			fprintf(stderr, "ce-worker: host process died (status %d); starting another\n",
				status);
			sleep(1);
		}
	}
	return 0;
}

int main(void)
{
	const char *s = getenv("CE_WORKER_SLOTS"), *node = getenv("CE_NODE_NAME");
	char self[PATH_MAX], judge[PATH_MAX + 8];
	long slots = sysconf(_SC_NPROCESSORS_ONLN);
	ssize_t n;

	if (s && *s)
		slots = strtol(s, NULL, 10);
	if (slots < 1 || slots > MAX_SLOTS) {
		fprintf(stderr, "ce-worker: CE_WORKER_SLOTS must be 1 to %d\n", MAX_SLOTS);
		return 2;
	}
	job_max_s = env_int("CE_JOB_MAX_S", 600, 1, 86400);
	slot_nice = env_int("CE_WORKER_NICE", 10, 0, 19);
	db_init(getenv("DATABASE_URL"));
	/* the judge beside this program, unless CE_JUDGE names one */
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		snprintf(judge, sizeof(judge), "%.*s/judge", (int)(strrchr(self, '/') - self), self);
	}
	executor_init(getenv("CE_JUDGE") && *getenv("CE_JUDGE") ? getenv("CE_JUDGE")
								   : n > 0 ? judge : NULL);
	signal(SIGPIPE, SIG_IGN);
	return keep((int)slots, node && *node ? node : "judge");
}
