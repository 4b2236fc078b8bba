/* executor.c - run the judge with the request on stdin, read its JSON answer */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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
static char node_env[96];
static char *judge_env[] = { "PATH=/usr/bin:/bin", NULL, NULL };

void executor_init(const char *path)
{
	const char *node = getenv("CE_NODE_NAME");

	if (path && *path)
		snprintf(judge_path, sizeof(judge_path), "%s", path);
	/* the judge's own environment is fixed: nothing of ours leaks into it but the node name */
	if (node && *node) {
		snprintf(node_env, sizeof(node_env), "CE_NODE_NAME=%s", node);
		judge_env[1] = node_env;
	}
}

/* Spawn the judge with argv, feed input, collect stdout; returns the exit status or -1. */
static int spawn_judge(char *const argv[], const char *in, size_t inlen, struct strbuf *out,
		       char *err, size_t errlen)
{
	int pin[2] = { -1, -1 }, pout[2] = { -1, -1 }, status = 0, rc = -1;
	posix_spawn_file_actions_t fa;
	pid_t pid;

	if (pipe2(pin, O_CLOEXEC) < 0 || pipe2(pout, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
	/* the worker's memory limit is a soft one: the judge sets its own, and the launcher the boxes' */
	rc = posix_spawn(&pid, judge_path, &fa, NULL, argv, judge_env);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		snprintf(err, errlen, "cannot run %s: %s", judge_path, strerror(rc));
		rc = -1;
		goto out;
	}
	close(pin[0]);
	close(pout[1]);
	pin[0] = pout[1] = -1;
	/* the judge reads the whole request before it writes a byte, so no deadlock here */
	write_all(pin[1], in, inlen);
	close(pin[1]);
	pin[1] = -1;
	/* past the bound the answer is cut, fails to parse, and the request is a 503 */
	strbuf_read_fd(out, pout[0], EXECUTOR_MAX_OUTPUT);
	close(pout[0]);
	pout[0] = -1;
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
	return rc;
}

struct json_object *executor_run(const char *req, size_t len, int *invalid, char *err,
				 size_t errlen)
{
	char *argv[] = { judge_path, NULL };
	struct strbuf out = STRBUF_INIT;
	struct json_object *o = NULL;
	char perr[256];
	int rc;

	*invalid = 0;
	rc = spawn_judge(argv, req, len, &out, err, errlen);
	if (rc < 0)
		goto out;
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
	int rc = spawn_judge(argv, "", 0, &out, err, errlen);

	if (rc != 0 && rc >= 0)
		snprintf(err, errlen, "%.*s", (int)strcspn(out.buf, "\n"), out.buf);
	strbuf_release(&out);
	return rc == 0 ? 0 : -1;
}
