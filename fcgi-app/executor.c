/* executor.c - run the judge with the request on stdin, read its JSON answer */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "executor.h"
#include "jsonh.h"
#include "strbuf.h"
#include "util.h"

/* 200 tests with every shown field at 64 KiB, escaped, fit well inside */
#define EXECUTOR_MAX_OUTPUT (256u << 20)

extern char **environ;

static char judge_path[512] = "bin/judge";
static char node_env[96], cache_env[512], lanes_env[32], cores_env[128], core_env[32];
/* the judge's whole environment: PATH, what executor_init() and executor_set_core() add, NULL */
static char *judge_env[8] = { "PATH=/usr/bin:/bin" };
static int judge_nenv = 1;

void executor_init(const char *path)
{
	const char *node = getenv("CE_NODE_NAME"), *cache = getenv("CE_CHECKER_CACHE");
	const char *lanes = getenv("CE_JUDGE_LANES");

	if (path && *path)
		snprintf(judge_path, sizeof(judge_path), "%s", path);
	/*
	 * the judge's own environment is fixed: nothing of ours leaks into it but
	 * the node name, where compiled checkers are kept and how many tests a
	 * job may run at once
	 */
	if (node && *node) {
		snprintf(node_env, sizeof(node_env), "CE_NODE_NAME=%s", node);
		judge_env[judge_nenv++] = node_env;
	}
	if (cache && cache[0] == '/' && strlen(cache) < sizeof(cache_env) - 32) {
		snprintf(cache_env, sizeof(cache_env), "CE_CHECKER_CACHE=%s", cache);
		judge_env[judge_nenv++] = cache_env;
	}
	if (lanes && *lanes && strlen(lanes) < 4) {
		snprintf(lanes_env, sizeof(lanes_env), "CE_JUDGE_LANES=%s", lanes);
		judge_env[judge_nenv++] = lanes_env;
	}
}

void executor_set_core(const char *dir, int core)
{
	if (!dir || dir[0] != '/' || strlen(dir) > sizeof(cores_env) - 16 || core < 0)
		return;
	snprintf(cores_env, sizeof(cores_env), "CE_CORES=%s", dir);
	snprintf(core_env, sizeof(core_env), "CE_CORE=%d", core);
	judge_env[judge_nenv++] = cores_env;
	judge_env[judge_nenv++] = core_env;
}

/* The progress pipe's complete lines to w->progress; what is left stays in buf. */
static void tell_progress(struct executor_watch *w, struct strbuf *buf)
{
	char *nl;

	while ((nl = memchr(buf->buf, '\n', buf->len))) {
		*nl = '\0';
		w->progress(w->arg, buf->buf);
		memmove(buf->buf, nl + 1, buf->len - (size_t)(nl + 1 - buf->buf));
		strbuf_setlen(buf, buf->len - (size_t)(nl + 1 - buf->buf));
	}
	if (buf->len > 256)
		strbuf_reset(buf);
}

/*
 * Read the judge's answer into out (at most EXECUTOR_MAX_OUTPUT) and its
 * progress lines, until its stdout closes or w's deadline passes (then it
 * is killed).
 */
static void read_judge(pid_t pid, int fd_out, int fd_prog, struct executor_watch *w,
		       struct strbuf *out)
{
	const uint64_t until = w && w->deadline_ms ? mono_us() + (uint64_t)w->deadline_ms * 1000u : 0;
	struct strbuf prog = STRBUF_INIT;
	struct pollfd p[2] = { { .fd = fd_out, .events = POLLIN }, { .fd = fd_prog, .events = POLLIN } };
	char chunk[65536];
	ssize_t n;
	int wait_ms;

	for (;;) {
		wait_ms = -1;
		if (until) {
			uint64_t now = mono_us();

			if (now >= until) {
				kill(pid, SIGKILL);
				w->expired = true;
				break;
			}
			wait_ms = (int)((until - now) / 1000u) + 1;
		}
		if (poll(p, fd_prog >= 0 ? 2 : 1, wait_ms) < 0 && errno != EINTR)
			break;
		if (fd_prog >= 0 && p[1].revents) {
			n = read(fd_prog, chunk, sizeof(chunk));
			if (n <= 0) {
				p[1].fd = -1;
			} else {
				strbuf_add(&prog, chunk, (size_t)n);
				tell_progress(w, &prog);
			}
		}
		if (p[0].revents) {
			n = read(fd_out, chunk, sizeof(chunk));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			/* past the bound the answer is cut, fails to parse, and the run fails */
			if (out->len + (size_t)n <= EXECUTOR_MAX_OUTPUT)
				strbuf_add(out, chunk, (size_t)n);
		}
	}
	strbuf_release(&prog);
}

/* Spawn the judge with argv, feed input, collect stdout; returns the exit status or -1. */
static int spawn_judge(char *const argv[], const char *in, size_t inlen, struct executor_watch *w,
		       struct strbuf *out, char *err, size_t errlen)
{
	int pin[2] = { -1, -1 }, pout[2] = { -1, -1 }, pprog[2] = { -1, -1 }, status = 0, rc = -1;
	char *env[sizeof(judge_env) / sizeof(judge_env[0]) + 1] = { NULL };
	posix_spawn_file_actions_t fa;
	pid_t pid;

	if (pipe2(pin, O_CLOEXEC) < 0 || pipe2(pout, O_CLOEXEC) < 0 ||
	    (w && w->progress && pipe2(pprog, O_CLOEXEC) < 0)) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
	memcpy(env, judge_env, sizeof(char *) * (size_t)judge_nenv);
	if (pprog[1] >= 0) {
		posix_spawn_file_actions_adddup2(&fa, pprog[1], 3);
		env[judge_nenv] = "CE_PROGRESS_FD=3";
	}
	/* the worker's memory limit is a soft one: the judge sets its own, and the launcher the boxes' */
	rc = posix_spawn(&pid, judge_path, &fa, NULL, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		snprintf(err, errlen, "cannot run %s: %s", judge_path, strerror(rc));
		rc = -1;
		goto out;
	}
	close(pin[0]);
	close(pout[1]);
	pin[0] = pout[1] = -1;
	if (pprog[1] >= 0) {
		close(pprog[1]);
		pprog[1] = -1;
	}
	/* the judge reads the whole request before it writes a byte, so no deadlock here */
	write_all(pin[1], in, inlen);
	close(pin[1]);
	pin[1] = -1;
	read_judge(pid, pout[0], pprog[0], w, out);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
out:
	if (pin[0] >= 0)
		close(pin[0]);
	if (pin[1] >= 0)
		close(pin[1]);
	if (pout[0] >= 0)
		close(pout[0]);
	if (pout[1] >= 0)
		close(pout[1]);
	if (pprog[0] >= 0)
		close(pprog[0]);
	if (pprog[1] >= 0)
		close(pprog[1]);
	return rc;
}

struct json_object *executor_run(const char *req, size_t len, struct executor_watch *w,
				 int *invalid, char *err, size_t errlen)
{
	char *argv[] = { judge_path, NULL };
	struct strbuf out = STRBUF_INIT;
	struct json_object *o = NULL;
	char perr[256];
	int rc;

	*invalid = 0;
	rc = spawn_judge(argv, req, len, w, &out, err, errlen);
	if (rc < 0)
		goto out;
	if (w && w->expired) {
		snprintf(err, errlen, "the run passed its hard deadline of %u ms and was stopped",
			 w->deadline_ms);
		goto out;
	}
	/* 0 judged, 2 invalid request, 1 sandbox failure (its JSON says internal_error) */
	if (rc != 0 && rc != 1 && rc != 2) {
		snprintf(err, errlen, "judge exited with status %d", rc);
		goto out;
	}
	o = jsonh_parse(out.buf, out.len, perr, sizeof(perr));
	if (!o) {
		snprintf(err, errlen, "judge printed no JSON (exit %d): %s", rc, perr);
		goto out;
	}
	*invalid = rc == 2;
	if (rc == 1 && json_object_object_get_ex(o, "success", NULL)) {
		/* no box could be built, so nothing ran: unavailable, as when the judge cannot start */
		snprintf(err, errlen, "judge: %s", json_object_to_json_string(o));
		json_object_put(o);
		o = NULL;
	} else if (rc == 1) {
		snprintf(err, errlen, "judge reported a sandbox failure");
	}
out:
	strbuf_release(&out);
	return o;
}

int executor_check(char *err, size_t errlen)
{
	char *argv[] = { judge_path, "--check", NULL };
	struct strbuf out = STRBUF_INIT;
	int rc = spawn_judge(argv, "", 0, NULL, &out, err, errlen);

	if (rc != 0 && rc >= 0)
		snprintf(err, errlen, "%.*s", (int)strcspn(out.buf, "\n"), out.buf);
	strbuf_release(&out);
	return rc == 0 ? 0 : -1;
}
