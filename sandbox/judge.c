/* judge.c - compile once, run each test in a fresh box, compare, give verdicts */
#define _GNU_SOURCE
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"
#include "utf8.h"
#include "uuid.h"

static const char *const verdict_names[VERDICT__MAX] = {
	[V_ACCEPTED] = "accepted",
	[V_WRONG_ANSWER] = "wrong_answer",
	[V_TIME_LIMIT] = "time_limit_exceeded",
	[V_MEMORY_LIMIT] = "memory_limit_exceeded",
	[V_RUNTIME_ERROR] = "runtime_error",
	[V_OUTPUT_LIMIT] = "output_limit_exceeded",
	[V_COMPILATION_ERROR] = "compilation_error",
	[V_INTERNAL_ERROR] = "internal_error",
	[V_SKIPPED] = "skipped",
};

const char *verdict_name(enum verdict v)
{
	return (unsigned)v < VERDICT__MAX ? verdict_names[v] : "internal_error";
}

static const char *const sbx_errors[SBX__MAX] = {
	[SBX_OK] = "ok",
	[SBX_ENOMEM] = "out of memory",
	[SBX_EPRIV] = "cannot run the launcher that builds a sandbox",
	[SBX_EKERNEL] = "the kernel lacks a feature the sandbox needs",
	[SBX_ESYSTEM] = "a system call failed in the sandbox",
	[SBX_EINIT] = "sandbox not initialised",
};

const char *sbx_strerror(enum sbx_err e)
{
	return (unsigned)e < SBX__MAX ? sbx_errors[e] : "unknown error";
}

/* ---- the classes in the templates ---- */

static void find_entry(const struct lang *l, const char *code, size_t len, struct judge_entry *e)
{
	switch (l->entry) {
	case LANG_ENTRY_JAVA:
		judge_java_class(code, len, e);
		break;
	case LANG_ENTRY_CSHARP:
		judge_csharp_class(code, len, e);
		break;
	default:
		snprintf(e->file_class, sizeof(e->file_class), "Main");
		e->main_class[0] = '\0';
		break;
	}
}

/* ---- running ---- */

const char *const judge_base_env[JUDGE_BASE_ENV] = {
	"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "TMPDIR=/tmp", "LANG=C.UTF-8",
	"LC_ALL=C.UTF-8",
};

void argv_release(struct argv_buf *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		strbuf_release(&a->s[i]);
	a->n = 0;
}

static int expand(struct strbuf *sb, const char *tmpl, const struct judge_entry *e,
		  const char *src, unsigned heap)
{
	char num[16];

	snprintf(num, sizeof(num), "%u", heap);
	if (strbuf_addstr(sb, tmpl) < 0 || strbuf_replace_all(sb, "{class}", e->file_class) < 0 ||
	    strbuf_replace_all(sb, "{main}", e->main_class) < 0 ||
	    strbuf_replace_all(sb, "{src}", src) < 0 || strbuf_replace_all(sb, "{heap}", num) < 0)
		return -1;
	return 0;
}

int argv_add(struct argv_buf *a, const char *s)
{
	size_t i;

	if (a->n >= JUDGE_MAX_ARGS)
		return -1;
	strbuf_init(&a->s[a->n]);
	if (strbuf_addstr(&a->s[a->n++], s) < 0)
		return -1;
	for (i = 0; i < a->n; i++)
		a->v[i] = a->s[i].buf;
	a->v[a->n] = NULL;
	return 0;
}

int argv_build(struct argv_buf *a, const char *const *pre, size_t npre, const char *const *tmpl,
	       const struct judge_entry *e, const char *src, unsigned heap)
{
	size_t i;

	a->n = 0;
	for (i = 0; i < npre && a->n < JUDGE_MAX_ARGS; i++, a->n++) {
		strbuf_init(&a->s[a->n]);
		if (strbuf_addstr(&a->s[a->n], pre[i]) < 0)
			return -1;
	}
	for (; tmpl && *tmpl && a->n < JUDGE_MAX_ARGS; tmpl++) {
		/* no class to name: the runtime finds it, so the option goes */
		if (!e->main_class[0] && strstr(*tmpl, "{main}"))
			continue;
		strbuf_init(&a->s[a->n]);
		if (expand(&a->s[a->n++], *tmpl, e, src, heap) < 0)
			return -1;
	}
	for (i = 0; i < a->n; i++)
		a->v[i] = a->s[i].buf;
	a->v[a->n] = NULL;
	return 0;
}

static unsigned heap_mb(const struct lang *l, unsigned memory_mb)
{
	unsigned h = memory_mb > l->heap_reserve_mb ? memory_mb - l->heap_reserve_mb : 0;

	return h < memory_mb / 2 ? memory_mb / 2 : h;
}

static const char *signame(int sig)
{
	const char *s = sigabbrev_np(sig);

	return s ? s : "?";
}

/* Show at most JUDGE_SHOWN_MAX bytes, cut on a UTF-8 character boundary. */
static void show(struct strbuf *dst, bool *truncated, const char *s, size_t n)
{
	*truncated = n > JUDGE_SHOWN_MAX;
	strbuf_reset(dst);
	strbuf_add(dst, s, utf8_cut(s, n, JUDGE_SHOWN_MAX));
}

void judge_classify(const struct judge_request *req, const struct sbx_outcome *o,
		    uint64_t mem_limit, struct judge_test_result *r)
{
	const struct lang *l = req->lang;
	const uint64_t cpu_limit_us = (uint64_t)(req->timeout_s * 1e6);
	bool marker = l->oom_marker && o->err.len && memmem(o->err.buf, o->err.len, l->oom_marker,
							   strlen(l->oom_marker));
	struct strbuf reason = STRBUF_INIT;

	r->exit_code = o->exit_code;
	r->signal = o->signal;
	r->cpu_ms = o->cpu_us / 1000u;
	r->wall_ms = o->wall_us / 1000u;
	r->memory_bytes = o->maxrss ? o->maxrss : o->mem_peak;

	if (o->status == SBX_OUTPUT_LIMIT) {
		r->verdict = V_OUTPUT_LIMIT;
		strbuf_addf(&reason, "output limit of %u KiB exceeded", req->output_kb);
	} else if (o->status == SBX_CPU_LIMIT ||
		   (o->status != SBX_WALL_LIMIT && o->cpu_us > cpu_limit_us)) {
		r->verdict = V_TIME_LIMIT;
		strbuf_addf(&reason, "CPU time limit of %.3f s exceeded", req->timeout_s);
	} else if (o->status == SBX_WALL_LIMIT) {
		r->verdict = V_TIME_LIMIT;
		strbuf_addf(&reason, "wall time limit of %.3f s exceeded (sleeping or blocked?)",
			    req->timeout_s * 2 + 1);
	} else if (o->oom || (o->status == SBX_SIGNALED && o->signal == SIGKILL &&
			      o->mem_peak >= mem_limit - mem_limit / 32)) {
		r->verdict = V_MEMORY_LIMIT;
		strbuf_addf(&reason, "memory limit of %u MiB exceeded", req->memory_mb);
	} else if (o->status == SBX_EXITED && o->exit_code == 0) {
		r->verdict = V_ACCEPTED;	/* ran cleanly: the output is judged next */
	} else if (marker) {
		r->verdict = V_MEMORY_LIMIT;
		strbuf_addf(&reason, "memory limit of %u MiB exceeded (%s)", req->memory_mb,
			    l->oom_marker);
	} else if (o->status == SBX_SIGNALED && o->signal == SIGXCPU) {
		r->verdict = V_TIME_LIMIT;
		strbuf_addf(&reason, "CPU time limit of %.3f s exceeded", req->timeout_s);
	} else {
		r->verdict = V_RUNTIME_ERROR;
		if (o->status == SBX_SIGNALED)
			strbuf_addf(&reason, "killed by signal %d (SIG%s)", o->signal,
				    signame(o->signal));
		else
			strbuf_addf(&reason, "exited with code %d", o->exit_code);
	}
	/* past the limit, what counted against it is the group's peak, not one process's RSS */
	if (r->verdict == V_MEMORY_LIMIT && o->mem_peak)
		r->memory_bytes = o->mem_peak;

	show(&r->output, &r->output_truncated, o->out.buf, o->out.len);
	/* stderr when there is any; otherwise the one-line reason */
	if (o->err.len && r->verdict != V_ACCEPTED) {
		struct strbuf e = STRBUF_INIT;

		if (reason.len)
			strbuf_addf(&e, "%s\n", reason.buf);
		strbuf_add(&e, o->err.buf, o->err.len);
		show(&r->error, &r->error_truncated, e.buf, e.len);
		strbuf_release(&e);
	} else if (o->err.len) {
		show(&r->error, &r->error_truncated, o->err.buf, o->err.len);
	} else {
		show(&r->error, &r->error_truncated, reason.buf, reason.len);
	}
	strbuf_release(&reason);
}

void judge_result_init(struct judge_result *res)
{
	memset(res, 0, sizeof(*res));
	strbuf_init(&res->compile_output);
}

void judge_result_release(struct judge_result *res)
{
	size_t i;

	for (i = 0; i < res->ntests; i++) {
		strbuf_release(&res->tests[i].output);
		strbuf_release(&res->tests[i].error);
		strbuf_release(&res->tests[i].feedback);
		strbuf_release(&res->tests[i].printed);
	}
	free(res->tests);
	free(res->groups);
	strbuf_release(&res->compile_output);
	judge_result_init(res);
}

static void fill_all(struct judge_result *res, enum verdict v, const char *why)
{
	size_t i;

	for (i = 0; i < res->ntests; i++) {
		res->tests[i].verdict = v;
		res->tests[i].exit_code = -1;
		strbuf_reset(&res->tests[i].error);
		strbuf_addstr(&res->tests[i].error, why);
	}
	res->verdict = v;
}

enum sbx_err judge_compile(struct sbx *b, const struct lang *l, struct argv_buf *env,
			   const struct judge_entry *e, const char *src, struct judge_result *res,
			   char *err, size_t errlen)
{
	struct sbx_cmd cmd = {
		.writable = true,
		.lim = { .cpu_ms = 10000, .wall_ms = 20000, .mem_bytes = 1ull << 30,
			 .output_bytes = 4u << 20, .fsize_bytes = 256u << 20,
			 .stack_bytes = 64u << 20, .pids = 128, .nofile = 512, .tmp_mb = 512 },
	};
	struct argv_buf argv;
	struct sbx_outcome o;
	enum sbx_err rc = SBX_OK;
	uint64_t t0 = mono_us();

	sbx_outcome_init(&o);
	if (argv_build(&argv, NULL, 0, l->compile, e, src, 512) < 0) {
		argv_release(&argv);
		return SBX_ENOMEM;
	}
	cmd.argv = argv.v;
	cmd.envp = env->v;
	res->compiled = true;
	if (sbx_run(b, &cmd, &o, err, errlen) < 0) {
		rc = SBX_ESYSTEM;
		goto out;
	}
	res->compile_ok = o.status == SBX_EXITED && o.exit_code == 0;
	res->box_bytes = o.box_bytes;
	strbuf_add(&res->compile_output, o.err.buf, o.err.len);
	strbuf_add(&res->compile_output, o.out.buf, o.out.len);
	if (!res->compile_ok) {
		if (o.status == SBX_CPU_LIMIT || o.status == SBX_WALL_LIMIT)
			strbuf_addstr(&res->compile_output, "\ncompilation time limit exceeded");
		else if (o.status == SBX_OUTPUT_LIMIT)
			strbuf_addstr(&res->compile_output, "\ncompiler output too long");
		else if (o.oom)
			strbuf_addstr(&res->compile_output, "\ncompiler memory limit exceeded");
		else if (o.status == SBX_SIGNALED)
			strbuf_addf(&res->compile_output, "\ncompiler killed by signal %d", o.signal);
	}
	/* the box's paths mean nothing to the user */
	strbuf_replace_all(&res->compile_output, "/box/", "");
	if (res->compile_output.len > JUDGE_SHOWN_MAX) {
		bool cut;
		struct strbuf shown = STRBUF_INIT;

		show(&shown, &cut, res->compile_output.buf, res->compile_output.len);
		strbuf_release(&res->compile_output);
		res->compile_output = shown;
	}
out:
	res->compile_ms = (mono_us() - t0) / 1000u;
	sbx_outcome_release(&o);
	argv_release(&argv);
	return rc;
}

/*
 * The submission's compile (or syntax check) and what a failed one means:
 * res->compile_ok false, with every test a compilation error.
 */
static enum sbx_err compile_submission(const struct judge_request *req, struct sbx *b,
				       struct argv_buf *env, const struct judge_entry *e,
				       const char *src, const struct sig_map *map,
				       struct judge_result *res, char *err, size_t errlen)
{
	enum sbx_err rc;

	rc = judge_compile(b, req->lang, env, e, src, res, err, errlen);
	if (rc != SBX_OK)
		return rc;
	if (req->signature)
		sig_fix_output(req->lang, map, &res->compile_output);
	if (!res->compile_ok)
		fill_all(res, V_COMPILATION_ERROR, "compilation failed");
	return SBX_OK;
}

int judge_progress_fd = -1;

static void progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Best effort: a reader that went away costs nothing but the line. */
static void progress(const char *fmt, ...)
{
	char line[64];
	va_list ap;
	int n;

	if (judge_progress_fd < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n > 0 && n < (int)sizeof(line) - 1) {
		line[n] = '\n';
		if (write(judge_progress_fd, line, (size_t)n + 1) < 0)
			judge_progress_fd = -1;
	}
}

void judge_run_limits(const struct judge_request *req, uint64_t mem_limit, struct sbx_limits *lim)
{
	*lim = (struct sbx_limits){
		.cpu_ms = (uint64_t)(req->timeout_s * 1000 + 0.5),
		.wall_ms = (uint64_t)(req->timeout_s * 2000 + 1000.5),
		.mem_bytes = mem_limit,
		.output_bytes = (uint64_t)req->output_kb << 10,
		.fsize_bytes = 64u << 20,
		.stack_bytes = (uint64_t)req->memory_mb << 20,
		.pids = req->lang->run_pids,
		.nofile = 256,
		.tmp_mb = 64,
	};
}

/* ---- tests in groups ---- */

/* The order tests run in: group by group as the request lists them, each group's tests in order. */
static size_t *run_order(const struct judge_request *req)
{
	size_t *order = calloc(req->ntests ? req->ntests : 1, sizeof(*order)), n = 0, i;
	size_t g;

	if (!order)
		return NULL;
	for (i = 0; i < req->ntests; i++)
		if (req->tests[i].group < 0)
			order[n++] = i;
	for (g = 0; g < req->ngroups; g++)
		for (i = 0; i < req->ntests; i++)
			if (req->tests[i].group == (int)g)
				order[n++] = i;
	return order;
}

/* Does group g have every test accepted with full score?  Unchecked tests do not count. */
static bool group_passed(const struct judge_request *req, const struct judge_result *res, size_t g)
{
	size_t i;

	for (i = 0; i < req->ntests; i++)
		if (req->tests[i].group == (int)g && !req->tests[i].unchecked &&
		    (res->tests[i].verdict != V_ACCEPTED || res->tests[i].score < 1.0))
			return false;
	return true;
}

/* Why test t is not run, or NULL: a group it needs failed, or its group stopped at a failure. */
static const char *skip_reason(const struct judge_request *req, const struct judge_result *res,
			       const struct judge_test *t, const bool *stopped)
{
	const struct judge_group *g;
	size_t d;

	if (t->group < 0 || t->unchecked)
		return NULL;
	g = &req->groups[t->group];
	for (d = 0; d < g->ndeps; d++)
		if (!group_passed(req, res, g->deps[d]))
			return "skipped: a group this one depends on did not pass";
	return stopped[t->group] ? "skipped: an earlier test of its group failed" : NULL;
}

/* Scores of the tests, the groups and the whole; the verdict of each group. */
static void score(const struct judge_request *req, struct judge_result *res)
{
	size_t i, g;

	res->score = res->max_score = 0;
	for (i = 0; i < req->ntests; i++) {
		const struct judge_test_result *r = &res->tests[i];

		if (req->tests[i].group >= 0 || req->tests[i].unchecked)
			continue;
		res->max_score += req->tests[i].points;
		res->score += req->tests[i].points * r->score;
	}
	for (g = 0; g < req->ngroups; g++) {
		const struct judge_group *jg = &req->groups[g];
		struct judge_group_result *gr = &res->groups[g];
		double sum = 0, points = 0, min = 1;
		bool any = false, skipped = true;

		gr->verdict = V_ACCEPTED;
		for (i = 0; i < req->ntests; i++) {
			const struct judge_test_result *r = &res->tests[i];

			if (req->tests[i].group != (int)g || req->tests[i].unchecked)
				continue;
			any = true;
			points += req->tests[i].points;
			sum += req->tests[i].points * r->score;
			if (r->score < min)
				min = r->score;
			if (r->verdict != V_SKIPPED)
				skipped = false;
			if (gr->verdict == V_ACCEPTED && r->verdict != V_ACCEPTED &&
			    r->verdict != V_SKIPPED)
				gr->verdict = r->verdict;
		}
		if (any && skipped)
			gr->verdict = V_SKIPPED;
		gr->max_score = jg->rule == GROUP_SUM ? points : jg->points;
		gr->score = !any			     ? 0
			    : jg->rule == GROUP_SUM ? sum
			    : jg->rule == GROUP_MIN ? jg->points * min
			    : group_passed(req, res, g) ? jg->points
							: 0;
		res->score += gr->score;
		res->max_score += gr->max_score;
	}
}

/* ---- judging ---- */

/*
 * A function question's clean run: what the function returned (on fd 3) as
 * canonical JSON into r's output, and into got; false, with the reason,
 * when it wrote nothing readable.
 */
static bool function_result(const struct judge_request *req, const struct sbx_outcome *o,
			    struct judge_test_result *r, struct strbuf *got)
{
	char why[200];

	if (sig_result_json(req->signature, o->more[0].buf, o->more[0].len, got, why,
			    sizeof(why)) < 0) {
		r->verdict = V_WRONG_ANSWER;
		strbuf_addf(&r->feedback, "the function's result could not be read: %s", why);
		return false;
	}
	show(&r->output, &r->output_truncated, got->buf, got->len);
	return true;
}

/* The verdict of a clean run's output: the built-in comparison or the checker. */
static enum sbx_err judge_output(const struct judge_request *req, struct checker *k,
				 const struct judge_test *t, const struct sbx_outcome *o,
				 struct judge_test_result *r, char *err, size_t errlen)
{
	const struct cmp_rule *rule = &req->checker.rule;
	struct strbuf got = STRBUF_INIT;
	const char *out = o->out.buf;
	size_t len = o->out.len;
	enum sbx_err rc = SBX_OK;

	if (req->signature) {
		if (!function_result(req, o, r, &got) || t->unchecked)
			goto out;
		out = got.buf;
		len = got.len;
	}
	if (t->unchecked)
		goto out;
	if (req->checker.kind == CHECK_CUSTOM) {
		rc = checker_judge(k, t, out, len, r, err, errlen);
	} else if (req->signature) {
		/* typed values, doubles within the float rule's tolerances (or the default) */
		if (!sig_result_matches(req->signature, got.buf, t->expected,
					rule->mode == CMP_FLOAT ? rule->abs_tol : -1,
					rule->mode == CMP_FLOAT ? rule->rel_tol : -1, &r->feedback))
			r->verdict = V_WRONG_ANSWER;
	} else if (!cmp_match(rule, out, len, t->expected, t->expected_len, &r->feedback)) {
		r->verdict = V_WRONG_ANSWER;
	}
out:
	strbuf_release(&got);
	return rc;
}

/* ---- tests side by side ---- */

/* One of the boxes a submission's tests run in, and the test it runs now. */
struct lane {
	struct sbx box;		/* lane 0: the submission's box; others: its twins */
	bool busy;
	size_t test;
	int token;		/* the core borrowed for this test (lanes.c) */
	int run;		/* in the set of runs */
	struct sbx_cmd cmd;
	struct strbuf wire;
	struct sbx_outcome o;
};

/*
 * Must test t wait for a test still running?  Whether it runs at all
 * depends on the groups it needs and, when its group stops at a failure,
 * on the earlier tests of its group: it starts only once those have ended,
 * so that it is skipped, or not, exactly as one test at a time would have it.
 */
static bool waits_for_running(const struct judge_request *req, const struct judge_test *t,
			      const struct lane *lane, size_t nlanes)
{
	const struct judge_group *g;
	size_t i, d;
	int u;

	if (t->group < 0 || t->unchecked)
		return false;
	g = &req->groups[t->group];
	for (i = 0; i < nlanes; i++) {
		if (!lane[i].busy || (u = req->tests[lane[i].test].group) < 0)
			continue;
		if (u == t->group && g->stop_on_failure)
			return true;
		for (d = 0; d < g->ndeps; d++)
			if ((int)g->deps[d] == u)
				return true;
	}
	return false;
}

/*
 * The twins of the box, as soon as it is open: before anything runs in it
 * (a request to its launcher would stop a run), so that each twin makes its
 * first run's init while the program compiles.  They share /box, and see
 * the compiled program as the box does.  Fewer lanes when no more are to
 * be had.
 */
static size_t open_twins(struct lane *lane, size_t nlanes)
{
	char why[200];
	size_t i;

	for (i = 1; i < nlanes; i++)
		if (sbx_twin(&lane[0].box, &lane[i].box, why, sizeof(why)) < 0)
			break;
	return i;
}

/* A lane free for one more test: 0 when the submission's own is, else a twin on a borrowed core. */
static int free_lane(struct lane *lane, size_t nlanes, struct lanes *ln)
{
	size_t i;
	int token;

	if (!lane[0].busy)
		return 0;
	for (i = 1; i < nlanes; i++) {
		if (lane[i].busy)
			continue;
		token = lanes_borrow(ln);
		if (token == -1)
			return -1;
		lane[i].token = token;
		return (int)i;
	}
	return -1;
}

/* Stdin and limits of test t's run; a function question's parameters go in the harness's wire format. */
static int test_cmd(const struct judge_request *req, const struct judge_test *t, uint64_t mem_limit,
		    const struct argv_buf *argv, const struct argv_buf *env, struct lane *l,
		    char *err, size_t errlen)
{
	l->cmd = (struct sbx_cmd){
		.argv = argv->v,
		.envp = env->v,
		.stdin_data = t->input,
		.stdin_len = t->input_len,
	};
	judge_run_limits(req, mem_limit, &l->cmd.lim);
	strbuf_reset(&l->wire);
	if (req->signature) {
		/* the return value comes back on fd 3 */
		if (sig_input_wire(req->signature, t->input, t->input_len, &l->wire, err, errlen) < 0)
			return -1;
		l->cmd.stdin_data = l->wire.buf;
		l->cmd.stdin_len = l->wire.len;
		l->cmd.ncollect = 1;
	}
	return 0;
}

/* What test i's run came to: its verdict, output and score; a failure may stop its group. */
static enum sbx_err test_done(const struct judge_request *req, struct checker *k,
			      const struct sig_map *map, uint64_t mem_limit, size_t i,
			      const struct sbx_outcome *o, struct judge_result *res, char *err,
			      size_t errlen)
{
	const struct judge_test *t = &req->tests[i];
	struct judge_test_result *r = &res->tests[i];
	enum sbx_err rc = SBX_OK;

	if (o) {
		judge_classify(req, o, mem_limit, r);
		if (req->signature) {
			/* what the function printed is its own; the output is its result */
			struct strbuf was = r->printed;

			r->printed = r->output;
			r->output = was;
			r->printed_truncated = r->output_truncated;
			r->output_truncated = false;
			sig_fix_output(req->lang, map, &r->error);
		}
		if (r->verdict == V_ACCEPTED)
			rc = judge_output(req, k, t, o, r, err, errlen);
	}
	if (r->verdict == V_ACCEPTED && req->checker.kind == CHECK_BUILTIN)
		r->score = 1;
	return rc;
}

/* Did test i, now judged, fail?  A failure stops its group when the group says so. */
static bool test_failed(const struct judge_request *req, const struct judge_result *res, size_t i,
			bool *stopped)
{
	const struct judge_test *t = &req->tests[i];

	if (res->tests[i].verdict == V_ACCEPTED)
		return false;
	if (t->group >= 0 && req->groups[t->group].stop_on_failure)
		stopped[t->group] = true;
	return true;
}

/* The box judge_open_ahead() had built: its launcher's answer is still to be read. */
static struct sbx ahead = { .sock = -1, .pid = -1 };

void judge_open_ahead(void)
{
	char why[256];

	if (ahead.sock < 0 && sbx_open_send(&ahead, JUDGE_WORK_MB, why, sizeof(why)) < 0)
		ahead = (struct sbx){ .sock = -1, .pid = -1 };
}

void judge_close_ahead(void)
{
	sbx_close(&ahead);
}

bool judge_end_late;

/* The launcher of the last judge_execute(), told to end (judge_end_late). */
static struct sbx ending = { .sock = -1, .pid = -1 };

void judge_end(void)
{
	sbx_close(&ending);
}

static int open_box(struct sbx *b, char *err, size_t errlen)
{
	if (ahead.sock < 0)
		return sbx_open(b, JUDGE_WORK_MB, err, errlen);
	*b = ahead;
	ahead = (struct sbx){ .sock = -1, .pid = -1 };
	return sbx_open_reply(b, err, errlen);
}

enum sbx_err judge_execute(const struct judge_request *req, struct judge_result *res, char *err,
			   size_t errlen)
{
	const struct lang *l = req->lang;
	const unsigned heap = heap_mb(l, req->memory_mb);
	struct argv_buf argv = { .n = 0 }, env = { .n = 0 };
	struct checker k = { .c = &req->checker, .b = { .sock = -1, .pid = -1 } };
	struct judge_entry entry;
	char src[JUDGE_CLASS_MAX + 16];
	struct lane lane[SBX_MAX_JOBS];
	struct sbx *b = &lane[0].box;
	struct sbx_runs *runs = NULL;
	struct lanes ln;
	uint64_t mem_limit = (uint64_t)req->memory_mb << 20;
	struct strbuf broken = STRBUF_INIT, program = STRBUF_INIT;
	const char *code;
	size_t code_len;
	struct sig_map map;
	enum sbx_err rc = SBX_OK;
	uint64_t t0 = mono_us();
	size_t *order = NULL, i, n, nlanes = 1, busy = 0;
	bool *stopped = NULL, check_later, check_now = false;

	judge_result_init(res);
	sig_map_init(&map);
	for (i = 0; i < SBX_MAX_JOBS; i++) {
		lane[i] = (struct lane){ .box = { .sock = -1, .pid = -1 }, .token = LANES_FREE };
		strbuf_init(&lane[i].wire);
	}
	uuid_v4(res->execution_id);
	res->tests = calloc(req->ntests ? req->ntests : 1, sizeof(*res->tests));
	res->groups = calloc(req->ngroups ? req->ngroups : 1, sizeof(*res->groups));
	stopped = calloc(req->ngroups ? req->ngroups : 1, sizeof(*stopped));
	order = run_order(req);
	if (!res->tests || !res->groups || !stopped || !order) {
		free(stopped);
		free(order);
		return fail(err, errlen, "out of memory"), SBX_ENOMEM;
	}
	res->ntests = req->ntests;
	/* this job's core first: no neighbour borrows it while the program compiles */
	lanes_open(&ln);
	for (i = 0; i < res->ntests; i++) {
		strbuf_init(&res->tests[i].output);
		strbuf_init(&res->tests[i].error);
		strbuf_init(&res->tests[i].feedback);
		strbuf_init(&res->tests[i].printed);
	}

	/* a function question compiles the candidate's function with the hidden harness */
	if (req->signature &&
	    sig_program(req->signature, l, req->code, req->code_len, &program, &map) < 0) {
		rc = SBX_ENOMEM;
		goto out;
	}
	code = req->signature ? program.buf : req->code;
	code_len = req->signature ? program.len : req->code_len;
	find_entry(l, code, code_len, &entry);
	{
		struct strbuf s = STRBUF_INIT;

		expand(&s, l->src, &entry, "", heap);
		snprintf(src, sizeof(src), "%s", s.buf);
		strbuf_release(&s);
	}
	if (argv_build(&env, judge_base_env, JUDGE_BASE_ENV, l->env, &entry, src, heap) < 0 ||
	    argv_build(&argv, NULL, 0, l->run, &entry, src, heap) < 0) {
		rc = SBX_ENOMEM;
		goto out;
	}

	if (open_box(b, err, errlen) < 0) {
		rc = SBX_EPRIV;
		goto out;
	}
	/*
	 * The lanes tests run in: the submission's box on its own core, and twins
	 * of it on cores borrowed from idle slots.  A custom checker or an
	 * interactor runs beside each test, so those take one test at a time.
	 */
	nlanes = req->checker.kind == CHECK_BUILTIN ? ln.cap : 1;
	if (nlanes > req->ntests)
		nlanes = req->ntests ? req->ntests : 1;
	nlanes = open_twins(lane, nlanes);
	if (sbx_write_file(b, src, code, code_len, false, err, errlen) < 0 ||
	    (l->support_name && sbx_write_file(b, l->support_name, l->support_text,
					       strlen(l->support_text), false, err, errlen) < 0)) {
		rc = SBX_ESYSTEM;
		goto out;
	}
	res->box_bytes = b->box_bytes;
	/*
	 * A syntax check (Python, JavaScript) only says whether the source
	 * compiles, and a test that passes has already said it: the runtime
	 * compiles the whole file before it runs a line of it, under limits no
	 * wider than the check's.  So it waits until a test does not pass, and
	 * decides then, before any further test starts; a program that passes
	 * every test never pays for it.  The verdicts are those of checking first.
	 */
	check_later = l->compile && l->syntax_check;
	if (check_later) {
		res->compiled = res->compile_ok = true;
	} else if (l->compile) {
		progress("compiling");
		rc = compile_submission(req, b, &env, &entry, src, &map, res, err, errlen);
		if (rc != SBX_OK)
			goto out;
		if (!res->compile_ok)
			goto done;
	}
	/*
	 * The files in /box (a compiled program's static data among them) were
	 * charged to the compile, not to the runs that map them: they count
	 * against each run's memory limit here.
	 */
	if (res->box_bytes + (1u << 20) > mem_limit) {
		char why[160];

		snprintf(why, sizeof(why),
			 "memory limit of %u MiB exceeded: the compiled program takes %.1f MiB",
			 req->memory_mb, (double)res->box_bytes / 1048576.0);
		fill_all(res, V_MEMORY_LIMIT, why);
		goto done;
	}
	mem_limit -= res->box_bytes;

	if (req->checker.kind != CHECK_BUILTIN) {
		progress("preparing the checker");
		rc = checker_open(&k, &req->checker, &broken, err, errlen);
		if (rc != SBX_OK)
			goto out;
		if (broken.len) {
			/* the question's fault, not the candidate's: its author reads why */
			fill_all(res, V_INTERNAL_ERROR, "the question's checker does not compile");
			for (i = 0; i < res->ntests; i++)
				strbuf_add(&res->tests[i].feedback, broken.buf, broken.len);
			goto done;
		}
	}

	/* tests in the request's order, as many at once as there are lanes */
	runs = sbx_runs_new();
	if (!runs) {
		rc = SBX_ENOMEM;
		goto out;
	}
	for (n = 0; n < req->ntests || busy || check_now;) {
		int at;

		if (check_now && !busy) {
			progress("compiling");
			check_now = check_later = false;
			rc = compile_submission(req, b, &env, &entry, src, &map, res, err, errlen);
			if (rc != SBX_OK)
				goto out;
			if (!res->compile_ok)
				goto done;
		}
		while (!check_now && n < req->ntests &&
		       !waits_for_running(req, &req->tests[order[n]], lane, nlanes)) {
			const struct judge_test *t = &req->tests[order[n]];
			struct judge_test_result *r = &res->tests[order[n]];
			const char *skip = skip_reason(req, res, t, stopped);
			struct lane *lp;

			if (skip) {
				r->verdict = V_SKIPPED;
				r->exit_code = -1;
				strbuf_addstr(&r->error, skip);
				n++;
				continue;
			}
			if ((at = free_lane(lane, nlanes, &ln)) < 0)
				break;
			lp = &lane[at];
			if (test_cmd(req, t, mem_limit, &argv, &env, lp, err, errlen) < 0) {
				rc = SBX_ENOMEM;
				goto out;
			}
			progress("test %zu/%zu", n + 1, req->ntests);
			if (req->checker.kind == CHECK_INTERACTIVE) {
				/* alone (one lane): the interactor and the program run side by side */
				rc = checker_interact(&k, req, t, &lp->box, &lp->cmd, mem_limit, r,
						      err, errlen);
				if (rc == SBX_OK)
					rc = test_done(req, &k, &map, mem_limit, order[n], NULL, res, err,
						       errlen);
				if (rc != SBX_OK)
					goto out;
				if (test_failed(req, res, order[n], stopped) && check_later)
					check_now = true;
				n++;
				continue;
			}
			sbx_outcome_init(&lp->o);
			lp->run = sbx_runs_start(runs, &lp->box, &lp->cmd, &lp->o, err, errlen);
			if (lp->run < 0) {
				sbx_outcome_release(&lp->o);
				lanes_return(&ln, lp->token);
				rc = SBX_ESYSTEM;
				goto out;
			}
			lp->busy = true;
			lp->test = order[n++];
			busy++;
		}
		if (!busy)
			continue;
		{
			int ended = sbx_runs_wait(runs, err, errlen);
			struct lane *lp = NULL;

			for (i = 0; i < nlanes && ended >= 0 && !lp; i++)
				if (lane[i].busy && lane[i].run == ended)
					lp = &lane[i];
			if (!lp) {
				rc = SBX_ESYSTEM;
				goto out;
			}
			lp->busy = false;
			busy--;
			lanes_return(&ln, lp->token);
			rc = test_done(req, &k, &map, mem_limit, lp->test, &lp->o, res, err, errlen);
			sbx_outcome_release(&lp->o);
			if (rc != SBX_OK)
				goto out;
			if (test_failed(req, res, lp->test, stopped) && check_later)
				check_now = true;
		}
	}
	/* the first failing test in the request's order gives the verdict */
	res->verdict = V_ACCEPTED;
	for (i = 0; i < req->ntests && res->verdict == V_ACCEPTED; i++)
		if (res->tests[i].verdict != V_ACCEPTED && res->tests[i].verdict != V_SKIPPED)
			res->verdict = res->tests[i].verdict;
	goto done;
out:
	fill_all(res, V_INTERNAL_ERROR, err && *err ? err : sbx_strerror(rc));
done:
	score(req, res);
	checker_close(&k);
	/* a failure midway: the runs still going are stopped; the twins go before their box */
	sbx_runs_free(runs);
	for (i = SBX_MAX_JOBS; i-- > 0;) {
		if (lane[i].busy)
			sbx_outcome_release(&lane[i].o);
		lanes_return(&ln, lane[i].token);
		strbuf_release(&lane[i].wire);
		/* the twins' launchers are the box's; that one ends after them */
		sbx_close_send(&lane[i].box);
		if (lane[i].box.pid > 0)
			ending = lane[i].box;
	}
	if (!judge_end_late)
		judge_end();
	lanes_close(&ln);
	argv_release(&argv);
	argv_release(&env);
	strbuf_release(&broken);
	strbuf_release(&program);
	sig_map_release(&map);
	free(order);
	free(stopped);
	res->total_ms = (mono_us() - t0) / 1000u;
	return rc;
}
