/*
 * checker.c - a question's checker or interactor, in a box of its own
 *
 * The program follows the Kattis output validator interface: it is run as
 * `checker input_file answer_file feedback_dir [flags]`, reads the
 * submission's output on stdin (an interactor: talks to the submission on
 * stdin and stdout), exits 42 for accepted and 43 for wrong answer, and may
 * write judgemessage.txt (for the question's author) and score.txt (a
 * fraction of the test's points, 0 to 1) in feedback_dir.
 *
 * Its box is not the submission's: the input and the answer reach it as
 * sealed memfds (fds 3 and 4, named /dev/fd/3 and /dev/fd/4), nothing the
 * submission reads is writable to it, and the submission never sees the
 * answer.  A small shell in the box gives it a fresh feedback_dir in its own
 * /tmp and passes the two files back on pipes (fds 5 and 6) when it ends:
 * nothing is ever read from a box by name.  A compiled checker is kept in
 * $CE_CHECKER_CACHE under the SHA-256 of its language, toolchain, compile
 * command and code, so each version of a question's checker compiles once.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extern.h"
#include "proto.h"
#include "sha256.h"
#include "utf8.h"

/* feedback_dir in the checker's /tmp; its two files come back on fds 5 and 6 */
static const char wrapper[] =
	"mkdir /tmp/feedback || exit 1\n"
	"\"$@\"\n"
	"r=$?\n"
	"cat /tmp/feedback/judgemessage.txt >&5 2>/dev/null\n"
	"cat /tmp/feedback/score.txt >&6 2>/dev/null\n"
	"exit $r\n";

#define CHECKER_ACCEPT	42
#define CHECKER_REJECT	43
#define CHECKER_MEMORY	(512ull << 20)
#define CHECKER_OUTPUT	(4u << 20)

static void checker_limits(struct sbx_limits *lim, uint64_t cpu_ms, uint64_t wall_ms)
{
	*lim = (struct sbx_limits){
		.cpu_ms = cpu_ms < PROTO_MAX_CPU_MS ? cpu_ms : PROTO_MAX_CPU_MS,
		.wall_ms = wall_ms < PROTO_MAX_WALL_MS ? wall_ms : PROTO_MAX_WALL_MS,
		.mem_bytes = CHECKER_MEMORY,
		.output_bytes = CHECKER_OUTPUT,
		.fsize_bytes = 16u << 20,
		.stack_bytes = 64u << 20,
		.pids = 16,
		.nofile = 64,
		.tmp_mb = 16,
	};
}

/* ---- the cache of compiled checkers ---- */

/* $CE_CHECKER_CACHE/<sha256 of what makes the binary>, or false when there is no cache. */
static bool cache_path(const struct judge_checker *c, char *path, size_t len)
{
	const char *dir = getenv("CE_CHECKER_CACHE");
	unsigned char md[SHA256_LEN];
	char hex[2 * SHA256_LEN + 1];
	struct strbuf key = STRBUF_INIT;
	const char *const *a;

	if (!dir || dir[0] != '/')
		return false;
	strbuf_addf(&key, "%s", c->lang->id);
	strbuf_add(&key, "", 1);
	strbuf_addstr(&key, lang_version(c->lang));
	for (a = c->lang->compile; a && *a; a++) {
		strbuf_add(&key, "", 1);
		strbuf_addstr(&key, *a);
	}
	strbuf_add(&key, "", 1);
	strbuf_add(&key, c->code, c->code_len);
	sha256(key.buf, key.len, md);
	strbuf_release(&key);
	hex_encode(md, sizeof(md), hex);
	return (size_t)snprintf(path, len, "%s/%s", dir, hex) < len;
}

/* The cached binary into bin; false when there is none (or it is not a plain file). */
static bool cache_load(const char *path, struct strbuf *bin)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	char buf[65536];
	struct stat st;
	ssize_t n;

	if (fd < 0)
		return false;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > PROTO_MAX_FILE) {
		close(fd);
		return false;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0 && bin->len + (size_t)n <= PROTO_MAX_FILE)
		strbuf_add(bin, buf, (size_t)n);
	close(fd);
	if (n != 0 || bin->len != (size_t)st.st_size) {
		strbuf_reset(bin);
		return false;
	}
	return true;
}

/* Best effort: written aside and renamed, so a reader sees all of it or nothing. */
static void cache_store(const char *path, const struct strbuf *bin)
{
	char tmp[PATH_MAX];
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (write_all(fd, bin->buf, bin->len) < 0 || close(fd) < 0 || rename(tmp, path) < 0)
		unlink(tmp);
}

/* The compiled binary, read back by a program in the box (never by us, by name). */
static enum sbx_err read_back(struct checker *k, struct strbuf *bin, char *err, size_t errlen)
{
	static const char *const cat[] = { "/bin/cat", "/box/main", NULL };
	struct sbx_cmd cmd = { .argv = cat, .envp = k->env.v };
	struct sbx_outcome o;
	enum sbx_err rc = SBX_OK;

	checker_limits(&cmd.lim, 5000, 10000);
	cmd.lim.output_bytes = PROTO_MAX_FILE + 1;
	sbx_outcome_init(&o);
	if (sbx_run(&k->b, &cmd, &o, err, errlen) < 0)
		rc = SBX_ESYSTEM;
	else if (o.status == SBX_EXITED && o.exit_code == 0 && o.out.len <= PROTO_MAX_FILE)
		strbuf_add(bin, o.out.buf, o.out.len);
	sbx_outcome_release(&o);
	return rc;
}

/* ---- the checker's box ---- */

enum sbx_err checker_open(struct checker *k, const struct judge_checker *c, struct strbuf *broken,
			  char *err, size_t errlen)
{
	static const char *const pre[] = { "/bin/sh", "-c", wrapper, "checker" };
	static const struct judge_entry entry = { "Main", "" };
	const struct lang *l = c->lang;
	const bool binary = l->run && l->run[0] && !strcmp(l->run[0], "/box/main");
	struct strbuf bin = STRBUF_INIT, flags = STRBUF_INIT;
	struct judge_result comp;
	char path[PATH_MAX], *w, *save = NULL;
	bool have_path;
	enum sbx_err rc = SBX_OK;

	k->c = c;
	judge_result_init(&comp);
	if (argv_build(&k->env, judge_base_env, JUDGE_BASE_ENV, l->env, &entry, l->src, 256) < 0)
		return SBX_ENOMEM;
	/* sh -c wrapper checker <run command> /dev/fd/3 /dev/fd/4 /tmp/feedback [flags] */
	strbuf_addstr(&flags, c->flags ? c->flags : "");
	if (argv_build(&k->argv, pre, 4, l->run, &entry, l->src, 256) < 0 ||
	    argv_add(&k->argv, "/dev/fd/3") < 0 || argv_add(&k->argv, "/dev/fd/4") < 0 ||
	    argv_add(&k->argv, "/tmp/feedback") < 0) {
		rc = SBX_ENOMEM;
		goto out;
	}
	for (w = strtok_r(flags.buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (argv_add(&k->argv, w) < 0) {
			rc = SBX_ENOMEM;
			goto out;
		}
	if (sbx_open(&k->b, 64, err, errlen) < 0) {
		rc = SBX_EPRIV;
		goto out;
	}
	have_path = binary && cache_path(c, path, sizeof(path));
	if (have_path && cache_load(path, &bin)) {
		if (sbx_write_file(&k->b, "main", bin.buf, bin.len, true, err, errlen) < 0)
			rc = SBX_ESYSTEM;
		goto out;
	}
	if (sbx_write_file(&k->b, l->src, c->code, c->code_len, false, err, errlen) < 0) {
		rc = SBX_ESYSTEM;
		goto out;
	}
	if (l->compile) {
		rc = judge_compile(&k->b, l, &k->env, &entry, l->src, &comp, err, errlen);
		if (rc != SBX_OK)
			goto out;
		if (!comp.compile_ok) {
			strbuf_addstr(broken, "the checker does not compile:\n");
			strbuf_add(broken, comp.compile_output.buf, comp.compile_output.len);
			goto out;
		}
	}
	if (have_path) {
		rc = read_back(k, &bin, err, errlen);
		if (rc == SBX_OK && bin.len)
			cache_store(path, &bin);
	}
out:
	k->ready = rc == SBX_OK && !broken->len;
	strbuf_release(&bin);
	strbuf_release(&flags);
	judge_result_release(&comp);
	return rc;
}

/* A score.txt: a number, clamped to 0..1; def when there is none or it does not read. */
static double read_score(const struct strbuf *s, double def)
{
	char buf[64], *end;
	double v;
	size_t n = s->len < sizeof(buf) - 1 ? s->len : sizeof(buf) - 1;

	memcpy(buf, s->buf, n);
	buf[n] = '\0';
	errno = 0;
	v = strtod(buf, &end);
	while (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t')
		end++;
	if (end == buf || *end || errno || !isfinite(v))
		return def;
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* The checker's message for the question's author, cut like any output. */
static void add_feedback(struct strbuf *fb, const char *s, size_t n)
{
	size_t room = fb->len < JUDGE_SHOWN_MAX ? JUDGE_SHOWN_MAX - fb->len : 0;

	strbuf_add(fb, s, utf8_cut(s, n, room));
}

/* The checker's own ending, o, into r: its exit code decides, anything else is its fault. */
static void checker_verdict(const struct sbx_outcome *o, const char *what,
			    struct judge_test_result *r)
{
	add_feedback(&r->feedback, o->more[0].buf, o->more[0].len);
	if (o->status == SBX_EXITED && o->exit_code == CHECKER_ACCEPT) {
		r->verdict = V_ACCEPTED;
		r->score = read_score(&o->more[1], 1.0);
		return;
	}
	if (o->status == SBX_EXITED && o->exit_code == CHECKER_REJECT) {
		r->verdict = V_WRONG_ANSWER;
		r->score = 0;
		return;
	}
	r->verdict = V_INTERNAL_ERROR;
	r->score = 0;
	strbuf_reset(&r->error);
	strbuf_addf(&r->error, "the question's %s failed", what);
	if (r->feedback.len)
		strbuf_add(&r->feedback, "\n", 1);
	if (o->status == SBX_EXITED)
		strbuf_addf(&r->feedback, "the %s exited with code %d (42 accepts, 43 rejects)", what,
			    o->exit_code);
	else if (o->status == SBX_CPU_LIMIT || o->status == SBX_WALL_LIMIT)
		strbuf_addf(&r->feedback, "the %s ran out of time", what);
	else if (o->status == SBX_OUTPUT_LIMIT)
		strbuf_addf(&r->feedback, "the %s wrote more than %u KiB", what, CHECKER_OUTPUT >> 10);
	else
		strbuf_addf(&r->feedback, "the %s was killed by signal %d", what, o->signal);
	if (o->err.len) {
		strbuf_add(&r->feedback, "\n", 1);
		add_feedback(&r->feedback, o->err.buf, o->err.len);
	}
}

/* The test's input and answer as the checker's fds 3 and 4. */
static int test_files(const struct judge_test *t, int *fds, char *err, size_t errlen)
{
	fds[0] = sbx_memfd(t->input, t->input_len, err, errlen);
	fds[1] = fds[0] < 0 ? -1 : sbx_memfd(t->expected, t->expected_len, err, errlen);
	if (fds[1] >= 0)
		return 0;
	if (fds[0] >= 0)
		close(fds[0]);
	return -1;
}

enum sbx_err checker_judge(struct checker *k, const struct judge_test *t, const char *out,
			   size_t outlen, struct judge_test_result *r, char *err, size_t errlen)
{
	struct sbx_cmd cmd = { .argv = k->argv.v, .envp = k->env.v, .stdin_data = out,
			       .stdin_len = outlen, .nfds = 2, .ncollect = 2 };
	struct sbx_outcome o;
	enum sbx_err rc = SBX_OK;
	int fds[2];

	if (!k->ready)
		return fail(err, errlen, "the checker is not ready"), SBX_EINIT;
	if (test_files(t, fds, err, errlen) < 0)
		return SBX_ENOMEM;
	cmd.fds = fds;
	checker_limits(&cmd.lim, 10000, 20000);
	sbx_outcome_init(&o);
	if (sbx_run(&k->b, &cmd, &o, err, errlen) < 0)
		rc = SBX_ESYSTEM;
	else
		checker_verdict(&o, "checker", r);
	sbx_outcome_release(&o);
	close(fds[0]);
	close(fds[1]);
	return rc;
}

enum sbx_err checker_interact(struct checker *k, const struct judge_request *req,
			      const struct judge_test *t, struct sbx *b, struct sbx_cmd *cmd,
			      uint64_t mem_limit, struct judge_test_result *r, char *err,
			      size_t errlen)
{
	struct sbx_cmd icmd = { .argv = k->argv.v, .envp = k->env.v, .joined = true, .nfds = 2,
				.ncollect = 2 };
	struct sbx_outcome so, io;
	struct sbx_job jobs[2] = { { .b = b, .cmd = cmd, .o = &so },
				   { .b = &k->b, .cmd = &icmd, .o = &io } };
	int to_checker[2], to_sub[2], fds[2];
	enum sbx_err rc = SBX_OK;

	if (!k->ready)
		return fail(err, errlen, "the interactor is not ready"), SBX_EINIT;
	if (test_files(t, fds, err, errlen) < 0)
		return SBX_ENOMEM;
	if (pipe2(to_checker, O_CLOEXEC) < 0) {
		close(fds[0]);
		close(fds[1]);
		return fail_errno(err, errlen, "pipe"), SBX_ESYSTEM;
	}
	if (pipe2(to_sub, O_CLOEXEC) < 0) {
		close(to_checker[0]);
		close(to_checker[1]);
		close(fds[0]);
		close(fds[1]);
		return fail_errno(err, errlen, "pipe"), SBX_ESYSTEM;
	}
	cmd->joined = true;
	cmd->join_in = to_sub[0];
	cmd->join_out = to_checker[1];
	icmd.join_in = to_checker[0];
	icmd.join_out = to_sub[1];
	icmd.fds = fds;
	/* the interactor may wait on the submission as long as the submission may run */
	checker_limits(&icmd.lim, cmd->lim.wall_ms + 5000, cmd->lim.wall_ms + 10000);
	sbx_outcome_init(&so);
	sbx_outcome_init(&io);
	/* sbx_run_many closes the four pipe ends once the launchers hold them */
	if (sbx_run_many(jobs, 2, err, errlen) < 0) {
		rc = SBX_ESYSTEM;
		goto out;
	}
	judge_classify(req, &so, mem_limit, r);
	/*
	 * The submission's own faults come first: limits always, a crash unless
	 * the interactor had already ended with a rejection (it may have closed
	 * the pipe the submission was writing to).
	 */
	if (r->verdict == V_ACCEPTED || (r->verdict == V_RUNTIME_ERROR && jobs[1].order == 1 &&
					 io.status == SBX_EXITED &&
					 io.exit_code == CHECKER_REJECT)) {
		strbuf_reset(&r->error);
		if (so.err.len)
			add_feedback(&r->error, so.err.buf, so.err.len);
		checker_verdict(&io, "interactor", r);
	}
out:
	sbx_outcome_release(&so);
	sbx_outcome_release(&io);
	close(fds[0]);
	close(fds[1]);
	cmd->joined = false;
	return rc;
}

void checker_close(struct checker *k)
{
	sbx_close(&k->b);
	argv_release(&k->argv);
	argv_release(&k->env);
	k->ready = false;
}
