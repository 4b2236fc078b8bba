/* judge_main.c - bin/judge: read an execution request (file or stdin), print the response */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sandbox.h"

static void print_json(struct json_object *o)
{
	size_t len;
	const char *s = jsonh_text(o, &len);

	fwrite(s, 1, len, stdout);
	fputc('\n', stdout);
	fflush(stdout);
	json_object_put(o);
}

/*
 * Address space: the largest request (64 MiB) parsed, kept and answered,
 * plus one run's output at its largest cap, fits well inside 2 GiB.  A
 * sanitizer's shadow memory needs far more address space than it uses.
 */
#define JUDGE_MAX_AS (2048ull << 20)

static int limit_memory(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return 0;
#else
	struct rlimit rl;

	/* the soft limit only: the launcher puts it back for the boxes, which have their own */
	if (getrlimit(RLIMIT_AS, &rl) < 0)
		return -1;
	rl.rlim_cur = rl.rlim_max < JUDGE_MAX_AS ? rl.rlim_max : JUDGE_MAX_AS;
	return setrlimit(RLIMIT_AS, &rl);
#endif
}

int main(int argc, char **argv)
{
	struct strbuf body = STRBUF_INIT;
	struct judge_request req;
	struct judge_result res;
	struct judge_error jerr;
	char err[512] = "";
	enum sbx_err rc;
	int fd = 0;

	/*
	 * A pipe the caller opened to follow the execution (fcgi-app/executor.c),
	 * taken before anything here opens a descriptor that could be number 3.
	 */
	if (getenv("CE_PROGRESS_FD") && !strcmp(getenv("CE_PROGRESS_FD"), "3") &&
	    fcntl(3, F_GETFD) >= 0) {
		judge_progress_fd = 3;
		signal(SIGPIPE, SIG_IGN);
	}
	/*
	 * Unprivileged: the request, the language table, the verdicts and the
	 * response are all handled as the caller.  Only bin/ce-box, started per
	 * box, runs as root.  The whole judge stays under a memory bound.
	 */
	if (limit_memory() < 0) {
		fprintf(stderr, "judge: cannot set a memory limit: %s\n", strerror(errno));
		return 1;
	}
	if (argc > 2 || (argc == 2 && !strcmp(argv[1], "--help"))) {
		fprintf(stderr, "usage: judge [request.json]   (reads stdin without an argument)\n");
		return 2;
	}
	if (argc == 2 && !strcmp(argv[1], "--check")) {
		/* can this machine build a sandbox? (used by /health) */
		rc = sbx_init(NULL, err, sizeof(err));
		if (rc == SBX_OK)
			rc = sbx_check(err, sizeof(err));
		printf("%s\n", rc == SBX_OK ? "ok" : err);
		return rc == SBX_OK ? 0 : 1;
	}
	if (argc == 2 && strcmp(argv[1], "-")) {
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			snprintf(err, sizeof(err), "cannot open %s: %s", argv[1], strerror(errno));
			print_json(json_error_envelope("invalid_request", err));
			return 2;
		}
	}
	/* the box is built while the request is read and parsed; a bad request says so first */
	rc = sbx_init(NULL, err, sizeof(err));
	if (rc == SBX_OK)
		judge_open_ahead();
	if (strbuf_read_fd(&body, fd, JUDGE_MAX_BODY) < 0) {
		print_json(json_error_envelope("invalid_request", "cannot read the request"));
		judge_close_ahead();
		return 2;
	}
	if (judge_request_parse(body.buf, body.len, &req, &jerr) < 0) {
		strbuf_release(&body);
		print_json(json_error_envelope(jerr.code, jerr.message));
		judge_close_ahead();
		return 2;
	}
	strbuf_release(&body);
	if (rc != SBX_OK) {
		fprintf(stderr, "judge: %s: %s\n", sbx_strerror(rc), err);
		print_json(json_error_envelope("sandbox_unavailable", err));
		judge_request_release(&req);
		return 1;
	}
	/* the box comes down while the response is made */
	judge_end_late = true;
	rc = judge_execute(&req, &res, err, sizeof(err));
	if (rc != SBX_OK)
		fprintf(stderr, "judge: %s: %s\n", sbx_strerror(rc), err);
	/* no box could be built: nothing ran, so there is no result to show */
	if (rc == SBX_EPRIV)
		print_json(json_error_envelope("sandbox_unavailable", err));
	else
		print_json(judge_result_json(&req, &res));
	judge_end();
	judge_result_release(&res);
	judge_request_release(&req);
	return rc == SBX_OK ? 0 : 1;
}
