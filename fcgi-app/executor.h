/*
 * executor.h - hand an execution request to the privileged judge
 *
 * The FastCGI workers run unprivileged, and so does bin/judge, which each
 * execution runs: it re-validates the request with the same strict parser
 * and starts bin/ce-box, the small setuid launcher that alone builds boxes
 * as root.  No JSON, HTTP or database code runs as root.
 */
#ifndef CE_EXECUTOR_H
#define CE_EXECUTOR_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>

/* Path of the judge binary (CE_JUDGE, else "bin/judge"). */
void executor_init(const char *judge_path);
/* This judge host's core tokens (sandbox/lanes.c) and the slot whose core a job holds. */
void executor_set_core(const char *dir, int core);
/* What the caller follows of a run (all optional). */
struct executor_watch {
	unsigned deadline_ms;	/* past it the judge is killed and the run fails; 0: none */
	void (*progress)(void *arg, const char *line);	/* each line the judge tells (judge_progress_fd) */
	void *arg;
	bool expired;		/* set when the deadline passed */
};

/*
 * Judge a request (SPEC section 3 JSON), watched by w (or NULL).  Returns the response object; when
 * the judge rejected the request (exit 2) *invalid is set and the object is
 * its error.  NULL when the judge could not run or could not build a box;
 * err says why (for logs).
 */
struct json_object *executor_run(const char *req, size_t len, struct executor_watch *w,
				 int *invalid, char *err, size_t errlen);
/* 0 when the judge can build a sandbox on this machine. */
int executor_check(char *err, size_t errlen);

#endif
