/*
 * api_piston.c - the Piston v2 API under /piston/: runtimes, and execute as
 * one judged run (one test, the request's stdin, no expected output)
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_piston.h"
#include "queue.h"
#include "jsonh.h"
#include "lang.h"
#include "strbuf.h"
#include "utf8.h"

#define ALIASES(...) ((const char *const[]){ __VA_ARGS__, NULL })

/*
 * What Piston says about our languages beyond lang.c.  The language reported
 * is our id; Piston's own name for it and its aliases are aliases here.
 * compiled: the response has a compile stage, as Piston's has only where a
 * compiler runs (the syntax check of Python and JavaScript shows as the run).
 * A language of lang.c missing here is still served, without aliases.
 */
static const struct piston_lang {
	const char *id;
	const char *runtime;	/* Piston's "runtime" (the package providing it), or NULL */
	bool compiled;
	const char *const *aliases;
} piston_langs[] = {
	{ "python", NULL, false, ALIASES("py", "py3", "python3") },
	{ "java", NULL, true, ALIASES("jdk", "openjdk") },
	{ "cpp", "gcc", true, ALIASES("c++", "g++", "cxx") },
	{ "c", "gcc", true, ALIASES("gcc") },
	{ "javascript", "node", false, ALIASES("js", "node", "node-js", "node-javascript") },
	{ "csharp", "mono", true, ALIASES("cs", "c#", "mono", "mono-csharp", "mono-c#", "mono-cs") },
};

#define NPISTON_LANGS (sizeof(piston_langs) / sizeof(piston_langs[0]))

/* The judge takes a memory limit of 32 to JUDGE_MAX_MEMORY_MB MiB (SPEC section 3). */
#define PISTON_MIN_MEMORY_MB 32

/* One execute request, read and checked; the strings live as long as the parsed body. */
struct piston_job {
	const struct lang *lang;
	const char *code;
	size_t code_len;
	const char *input;
	size_t input_len;
	double timeout_s;	/* 0: the judge's default */
	unsigned memory_mb;	/* 0: the judge's default */
};

/* One stage of a Piston result (compile or run); NULL/-1 members are JSON null. */
struct piston_stage {
	const char *out, *err;
	size_t out_len, err_len;
	int code;		/* exit code, -1: none (killed, or never ran) */
	int signal;		/* 0: none */
	const char *message;	/* our one-line reason, or NULL */
	size_t message_len;
	const char *status;	/* Piston's (isolate's) two letters, or NULL for a clean exit */
	int64_t memory, cpu_ms, wall_ms;
};

/* An execution goes through the queue, as /execute's does. */
static struct json_object *run_queued(const char *owner, const char *req, size_t len, int *invalid,
				      char *err, size_t errlen)
{
	const struct job_new j = { .kind = JOB_EXECUTE, .owner = owner, .request = req };
	static const char *const refused[] = {
		[QUEUE_BUSY] = "busy", [QUEUE_QUOTA] = "this client's quota of queued jobs is used up",
		[QUEUE_FULL] = "the queue is full", [QUEUE_DB] = "the database is unavailable",
	};
	struct job_end end;
	enum queue_rc rc;
	struct json_object *o = queue_run(&j, &rc, &end);

	(void)len;
	*invalid = end.invalid;
	if (!o)
		snprintf(err, errlen, "%s", rc == QUEUE_OK ? end.err : refused[rc]);
	return o;
}

piston_runner_fn piston_runner = run_queued;

static int piston_error(struct http_req *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Piston's error: {"message": ...} with the status, sent here (not the envelope). */
static int piston_error(struct http_req *r, int status, const char *fmt, ...)
{
	struct json_object *o = json_object_new_object();
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	json_object_object_add(o, "message", json_object_new_string(msg));
	return http_json(r, status, o);
}

/* An error a shared helper recorded (http_read_body, http_json_body), sent in Piston's shape. */
static int piston_recorded(struct http_req *r)
{
	return piston_error(r, r->err.status ? r->err.status : 400, "%s", r->err.msg);
}

static const struct piston_lang *piston_lang_of(const struct lang *l)
{
	size_t i;

	for (i = 0; i < NPISTON_LANGS; i++)
		if (!strcmp(piston_langs[i].id, l->id))
			return &piston_langs[i];
	return NULL;
}

/* Our language named name or one of its aliases (Piston matches names exactly), or NULL. */
static const struct lang *piston_find(const char *name)
{
	const struct piston_lang *pl;
	const char *const *a;
	size_t i;

	for (i = 0; i < nlangs; i++) {
		if (!strcmp(langs[i].id, name))
			return &langs[i];
		pl = piston_lang_of(&langs[i]);
		for (a = pl ? pl->aliases : NULL; a && *a; a++)
			if (!strcmp(*a, name))
				return &langs[i];
	}
	return NULL;
}

/*
 * The toolchain's version as semver: the first "N.N[.N]" of its version line
 * ("Python 3.11.2" 3.11.2, "v20.19.2" 20.19.2, "Mono ... 6.8.0.105" 6.8.0),
 * "0.0.0" when there is none.
 */
static const char *piston_version(const struct lang *l, char *buf, size_t n)
{
	const char *p = lang_version(l);
	unsigned long v[3];
	char *e;

	for (; *p; p++) {
		if (!isdigit((unsigned char)*p))
			continue;
		v[0] = strtoul(p, &e, 10);
		if (*e != '.' || !isdigit((unsigned char)e[1])) {
			p = e - 1;
			continue;
		}
		v[1] = strtoul(e + 1, &e, 10);
		v[2] = *e == '.' && isdigit((unsigned char)e[1]) ? strtoul(e + 1, &e, 10) : 0;
		snprintf(buf, n, "%lu.%lu.%lu", v[0], v[1], v[2]);
		return buf;
	}
	snprintf(buf, n, "0.0.0");
	return buf;
}

/*
 * Does the version have satisfy the selector want?  "", "*" and "x" take any; otherwise a
 * full or partial version, where a missing or "x"/"*" part takes any
 * ("3", "3.11", "3.x", "=3.11.2", "v3.11.2"): semver's X-ranges.  Other
 * ranges (^, ~, <, >=, ||, hyphens) are refused.
 */
static bool piston_version_ok(const char *have, const char *want)
{
	unsigned long h[3] = { 0, 0, 0 }, w;
	const char *p = have;
	char *e;
	int i;

	for (i = 0; i < 3; i++) {
		h[i] = strtoul(p, &e, 10);
		if (*e != '.')
			break;
		p = e + 1;
	}
	while (*want == ' ')
		want++;
	if (*want == '=')
		want++;
	if (*want == 'v' || *want == 'V')
		want++;
	for (i = 0; i < 3; i++) {
		if (*want == '\0' || strchr("xX*", *want)) {
			/* a wildcard ends the comparison: only more wildcards may follow */
			for (; *want; want++)
				if (!strchr("xX*.", *want))
					return *want == ' ' && !want[strspn(want, " ")];
			return true;
		}
		if (!isdigit((unsigned char)*want))
			return false;
		w = strtoul(want, &e, 10);
		if (w != h[i])
			return false;
		want = e;
		if (*want == '.')
			want++;
		else if (*want != '\0' && want[strspn(want, " ")] != '\0')
			return false;
		else
			return true;
	}
	return want[strspn(want, " ")] == '\0';
}

/* Is the member a number (Piston's typeof === 'number')? */
static bool is_number(struct json_object *v)
{
	return json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double);
}

/*
 * Piston's limits: absent, null, 0 or -1 is the default (*out stays 0);
 * otherwise a non-negative number.  Returns 0, or the status sent.
 */
static int piston_limit(struct http_req *r, struct json_object *body, const char *name,
			double *out)
{
	struct json_object *v = NULL;
	double d;

	if (!json_object_object_get_ex(body, name, &v) || !v)
		return 0;
	if (!is_number(v))
		return piston_error(r, 400, "If specified, %s must be a number", name);
	d = json_object_get_double(v);
	if (d == 0 || d == -1)
		return 0;
	if (d < 0)
		return piston_error(r, 400, "%s must be non-negative", name);
	*out = d;
	return 0;
}

/* A string member: 0 with *s set, 1 when absent or null, -1 when of another type. */
static int get_string(struct json_object *o, const char *key, const char **s, size_t *len)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, key, &v) || !v)
		return 1;
	if (!json_object_is_type(v, json_type_string))
		return -1;
	*s = json_object_get_string(v);
	*len = (size_t)json_object_get_string_len(v);
	return 0;
}

/*
 * The limits of Piston's request as the judge's: run_timeout (ms, wall clock in
 * Piston) and run_cpu_time (ms) become our CPU-time limit, run_memory_limit
 * (bytes) our memory limit in MiB, each capped by our bounds; the compile's are
 * checked and not used.  Returns 0, or the status of the error sent.
 */
static int piston_limits(struct http_req *r, struct json_object *body, struct piston_job *job)
{
	static const char *const compile_limits[] = { "compile_timeout", "compile_cpu_time",
						      "compile_memory_limit" };
	double run_timeout = 0, run_cpu = 0, memory = 0, ignored = 0;
	size_t i;
	int rc;

	if ((rc = piston_limit(r, body, "run_timeout", &run_timeout)) ||
	    (rc = piston_limit(r, body, "run_cpu_time", &run_cpu)) ||
	    (rc = piston_limit(r, body, "run_memory_limit", &memory)))
		return rc;
	for (i = 0; i < sizeof(compile_limits) / sizeof(compile_limits[0]); i++)
		if ((rc = piston_limit(r, body, compile_limits[i], &ignored)))
			return rc;

	/* our limit is CPU time (wall time 2t + 1 s): the smaller of Piston's two, capped */
	if (run_cpu > 0 && (run_timeout == 0 || run_cpu < run_timeout))
		run_timeout = run_cpu;
	if (run_timeout > 0) {
		job->timeout_s = run_timeout / 1000.0;
		if (job->timeout_s < 0.001)
			job->timeout_s = 0.001;
		if (job->timeout_s > JUDGE_MAX_TIMEOUT)
			job->timeout_s = JUDGE_MAX_TIMEOUT;
	}
	if (memory > 0) {
		double mb = memory / 1048576.0;

		job->memory_mb = mb < PISTON_MIN_MEMORY_MB ? PISTON_MIN_MEMORY_MB
			       : mb > JUDGE_MAX_MEMORY_MB ? JUDGE_MAX_MEMORY_MB : (unsigned)mb;
	}
	return 0;
}

/*
 * Read Piston's request into job, with Piston's messages where it has them.
 * Returns 0, or the status of the error sent.
 */
static int piston_parse(struct http_req *r, struct json_object *body, struct piston_job *job)
{
	const char *language = NULL, *version = "", *enc;
	struct json_object *files = NULL, *args = NULL, *f, *e;
	char have[32];
	size_t i, n, len;
	int rc;

	if (get_string(body, "language", &language, &len) != 0 || !len)
		return piston_error(r, 400, "language is required as a string");
	if (get_string(body, "version", &version, &len) < 0)
		return piston_error(r, 400, "version is required as a string");
	if (!json_object_object_get_ex(body, "files", &files) ||
	    !json_object_is_type(files, json_type_array))
		return piston_error(r, 400, "files is required as an array");
	n = json_object_array_length(files);
	for (i = 0; i < n; i++) {
		f = json_object_array_get_idx(files, i);
		if (!json_object_object_get_ex(f, "content", &e) ||
		    !json_object_is_type(e, json_type_string))
			return piston_error(r, 400, "files[%zu].content is required as a string", i);
	}
	job->lang = piston_find(language);
	if (!job->lang || !piston_version_ok(piston_version(job->lang, have, sizeof(have)), version)) {
		if (!*version)
			version = "*";
		/* at most 64 bytes of each, cut at a character */
		return piston_error(r, 400, "%.*s-%.*s runtime is unknown",
				    (int)utf8_cut(language, strlen(language), 64), language,
				    (int)utf8_cut(version, strlen(version), 64), version);
	}

	/*
	 * The program is the first file in UTF-8, Piston's entry point (no encoding, or
	 * "utf8"); the other files are not used.
	 */
	for (i = 0; i < n && !job->code; i++) {
		f = json_object_array_get_idx(files, i);
		rc = get_string(f, "encoding", &enc, &len);
		if (rc < 0 || (rc == 0 && len && strcmp(enc, "utf8")))
			continue;
		json_object_object_get_ex(f, "content", &e);
		job->code = json_object_get_string(e);
		job->code_len = (size_t)json_object_get_string_len(e);
		if (!job->code_len)
			return piston_error(r, 400, "files[%zu].content is empty: there is no program",
					    i);
		if (job->code_len > JUDGE_MAX_CODE)
			return piston_error(r, 413, "files[%zu].content is larger than %u bytes", i,
					    JUDGE_MAX_CODE);
	}
	if (!job->code)
		return piston_error(r, 400, "files must include at least one utf8 encoded file");

	job->input = "";
	rc = get_string(body, "stdin", &job->input, &job->input_len);
	if (rc < 0)
		return piston_error(r, 400, "stdin must be a string");
	if (job->input_len > JUDGE_MAX_IO)
		return piston_error(r, 413, "stdin is larger than %u bytes", JUDGE_MAX_IO);
	if (json_object_object_get_ex(body, "args", &args) && args) {
		if (!json_object_is_type(args, json_type_array))
			return piston_error(r, 400, "args must be an array of strings");
		for (i = 0; i < json_object_array_length(args); i++)
			if (!json_object_is_type(json_object_array_get_idx(args, i), json_type_string))
				return piston_error(r, 400, "args must be an array of strings");
	}

	return piston_limits(r, body, job);
}

/* The judge's request of SPEC section 3: one test, its input the stdin, nothing expected. */
static struct json_object *piston_judge_request(const struct piston_job *job)
{
	struct json_object *o = json_object_new_object(), *tests = json_object_new_array(),
			   *t = json_object_new_object();

	json_object_object_add(o, "language", json_object_new_string(job->lang->id));
	json_object_object_add(o, "code", json_object_new_string_len(job->code, (int)job->code_len));
	json_object_object_add(t, "input", json_object_new_string_len(job->input,
									(int)job->input_len));
	json_object_object_add(t, "expected_output", json_object_new_string(""));
	json_object_array_add(tests, t);
	json_object_object_add(o, "test_cases", tests);
	if (job->timeout_s > 0)
		json_object_object_add(o, "timeout", json_object_new_double(job->timeout_s));
	if (job->memory_mb)
		json_object_object_add(o, "memory_limit_mb", json_object_new_int((int)job->memory_mb));
	return o;
}

static const char *member_str(struct json_object *o, const char *key, size_t *len)
{
	struct json_object *v = NULL;

	*len = 0;
	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return "";
	*len = (size_t)json_object_get_string_len(v);
	return json_object_get_string(v);
}

/* An integer member, or dflt when absent or null. */
static int64_t member_int(struct json_object *o, const char *key, int64_t dflt)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, key, &v) || !v)
		return dflt;
	return json_object_get_int64(v);
}

static struct json_object *int_or_null(int64_t v)
{
	return v < 0 ? NULL : json_object_new_int64(v);
}

static struct json_object *piston_stage_json(const struct piston_stage *s)
{
	struct json_object *o = json_object_new_object();
	const char *sig = s->signal ? sigabbrev_np(s->signal) : NULL;
	char name[32];
	struct strbuf both = STRBUF_INIT;

	json_object_object_add(o, "stdout", json_object_new_string_len(s->out, (int)s->out_len));
	json_object_object_add(o, "stderr", json_object_new_string_len(s->err, (int)s->err_len));
	json_object_object_add(o, "code", s->code < 0 ? NULL : json_object_new_int(s->code));
	snprintf(name, sizeof(name), "SIG%s", sig ? sig : "");
	json_object_object_add(o, "signal", sig ? json_object_new_string(name) : NULL);
	/* Piston interleaves the two streams as they come; we have them apart: stdout, then stderr */
	strbuf_add(&both, s->out, s->out_len);
	strbuf_add(&both, s->err, s->err_len);
	json_object_object_add(o, "output", json_object_new_string_len(both.buf, (int)both.len));
	strbuf_release(&both);
	json_object_object_add(o, "memory", int_or_null(s->memory));
	json_object_object_add(o, "message", s->message ? json_object_new_string_len(s->message,
										      (int)s->message_len)
							 : NULL);
	json_object_object_add(o, "status", s->status ? json_object_new_string(s->status) : NULL);
	json_object_object_add(o, "cpu_time", int_or_null(s->cpu_ms));
	json_object_object_add(o, "wall_time", int_or_null(s->wall_ms));
	return o;
}

/*
 * The run of the judge's one test as Piston's stage.  The judge's "error" is
 * the program's stderr, or for a failed run its one-line reason, then a
 * newline and the stderr: the reason becomes "message", the rest "stderr".
 */
static void piston_run_stage(struct json_object *t, struct piston_stage *s)
{
	size_t vlen, elen;
	const char *verdict = member_str(t, "status", &vlen);
	const char *err = member_str(t, "error", &elen), *nl;
	bool clean = !strcmp(verdict, "accepted") || !strcmp(verdict, "wrong_answer");

	s->out = member_str(t, "actual_output", &s->out_len);
	s->code = (int)member_int(t, "exit_code", -1);
	s->signal = (int)member_int(t, "signal", 0);
	s->memory = member_int(t, "memory_usage_bytes", -1);
	s->cpu_ms = member_int(t, "cpu_time_ms", -1);
	s->wall_ms = member_int(t, "execution_time_ms", -1);
	if (clean) {
		s->err = err;
		s->err_len = elen;
		return;
	}
	nl = memchr(err, '\n', elen);
	s->message = err;
	s->message_len = nl ? (size_t)(nl - err) : elen;
	s->err = nl ? nl + 1 : "";
	s->err_len = nl ? elen - (size_t)(nl + 1 - err) : 0;
	if (!strcmp(verdict, "time_limit_exceeded") || !strcmp(verdict, "output_limit_exceeded")) {
		/* as Piston: the run was killed */
		s->status = verdict[0] == 't' ? "TO" : "OL";
		s->signal = SIGKILL;
	} else if (!strcmp(verdict, "internal_error")) {
		s->status = "XX";
		s->signal = 0;
	} else if (s->code < 0 && !s->signal && !strcmp(verdict, "memory_limit_exceeded")) {
		s->status = "SG";	/* refused before it ran: too large a program for the limit */
		s->signal = SIGKILL;
	} else {
		s->status = s->signal ? "SG" : "RE";
	}
	if (s->signal)
		s->code = -1;
}

/*
 * Piston's response from the judge's: language, version, run and (compiled
 * languages) compile.  NULL when the judge's has no test result.
 */
static struct json_object *piston_response(const struct lang *l, struct json_object *judged)
{
	const struct piston_lang *pl = piston_lang_of(l);
	bool compiled = pl ? pl->compiled : l->compile != NULL;
	struct json_object *o, *comp = NULL, *tests = NULL, *t, *cj, *rj;
	struct piston_stage cs = { .code = 0, .memory = -1, .cpu_ms = -1, .wall_ms = -1 };
	struct piston_stage rs = { .code = -1, .memory = -1, .cpu_ms = -1, .wall_ms = -1 };
	const char *cstatus;
	size_t n;
	char version[32];

	json_object_object_get_ex(judged, "compile", &comp);
	json_object_object_get_ex(judged, "test_results", &tests);
	t = json_object_is_type(tests, json_type_array) ? json_object_array_get_idx(tests, 0) : NULL;
	if (!json_object_is_type(t, json_type_object))
		return NULL;
	cstatus = member_str(comp, "status", &n);

	o = json_object_new_object();
	json_object_object_add(o, "language", json_object_new_string(l->id));
	json_object_object_add(o, "version",
			       json_object_new_string(piston_version(l, version, sizeof(version))));
	/* the compiler's messages are one text (stderr and stdout); Piston's stderr holds them */
	cs.err = member_str(comp, "output", &cs.err_len);
	cs.out = "";
	cs.wall_ms = member_int(comp, "time_ms", -1);
	if (!strcmp(cstatus, "error")) {
		/* nothing ran: the stage that failed is the run too, as Piston answers */
		cs.code = 1;
		cs.status = "RE";
		cs.message = member_str(t, "error", &cs.message_len);
		cj = piston_stage_json(&cs);
		json_object_object_add(o, "run", compiled ? json_object_get(cj) : cj);
		if (compiled)
			json_object_object_add(o, "compile", cj);
		return o;
	}
	piston_run_stage(t, &rs);
	rj = piston_stage_json(&rs);
	json_object_object_add(o, "run", rj);
	if (compiled && !strcmp(cstatus, "ok"))
		json_object_object_add(o, "compile", piston_stage_json(&cs));
	return o;
}

int h_piston_runtimes(struct http_req *r)
{
	struct json_object *arr, *rt, *al;
	const struct piston_lang *pl;
	const char *const *a;
	char version[32];
	size_t i;

	if (!api_key_ok(r))
		return piston_error(r, 401, "a valid API key is required (X-API-Key)");
	arr = json_object_new_array();
	for (i = 0; i < nlangs; i++) {
		pl = piston_lang_of(&langs[i]);
		rt = json_object_new_object();
		al = json_object_new_array();
		for (a = pl ? pl->aliases : NULL; a && *a; a++)
			json_object_array_add(al, json_object_new_string(*a));
		json_object_object_add(rt, "language", json_object_new_string(langs[i].id));
		json_object_object_add(rt, "version", json_object_new_string(
			piston_version(&langs[i], version, sizeof(version))));
		json_object_object_add(rt, "aliases", al);
		if (pl && pl->runtime)
			json_object_object_add(rt, "runtime", json_object_new_string(pl->runtime));
		json_object_array_add(arr, rt);
	}
	return http_json(r, 200, arr);
}

int h_piston_execute(struct http_req *r)
{
	char owner[80];
	struct json_object *body, *req = NULL, *judged = NULL, *resp, *e = NULL, *m = NULL;
	struct piston_job job = { 0 };
	char err[256] = "";
	const char *text, *code;
	size_t len;
	int invalid, rc;

	if (!api_key_ok(r))
		return piston_error(r, 401, "a valid API key is required (X-API-Key)");
	/* piston-client posts its JSON as text/plain (node-fetch's default): read that too */
	if (*r->content_type && !http_content_type_is(r, "application/json") &&
	    !http_content_type_is(r, "text/plain"))
		return piston_error(r, 415, "requests must be of type application/json");
	body = http_json_body(r, HTTP_MAX_BODY);
	if (!body)
		return piston_recorded(r);
	rc = piston_parse(r, body, &job);
	if (rc)
		goto out;
	req = piston_judge_request(&job);
	text = jsonh_text(req, &len);
	snprintf(owner, sizeof(owner), "client:%s", r->remote_addr);
	judged = piston_runner(owner, text, len, &invalid, err, sizeof(err));
	if (!judged) {
		fprintf(stderr, "ce-fcgi: %s %s: %s\n", r->method, r->path, err);
		rc = piston_error(r, 503, "the executor is unavailable; retry");
		goto out;
	}
	if (*err)
		fprintf(stderr, "ce-fcgi: piston execute: %s\n", err);
	if (invalid) {
		/* what the judge refused that the checks above let through: its message */
		json_object_object_get_ex(judged, "error", &e);
		json_object_object_get_ex(e, "code", &m);
		code = m ? json_object_get_string(m) : "";
		json_object_object_get_ex(e, "message", &m);
		rc = piston_error(r, strcmp(code, "payload_too_large") ? 400 : 413, "%s",
				  m ? json_object_get_string(m) : "the request is invalid");
		goto out;
	}
	resp = piston_response(job.lang, judged);
	if (!resp) {
		fprintf(stderr, "ce-fcgi: %s %s: the judge's answer has no test result\n", r->method,
			r->path);
		rc = piston_error(r, 503, "the executor is unavailable; retry");
		goto out;
	}
	rc = http_json(r, 200, resp);
out:
	if (judged)
		json_object_put(judged);
	if (req)
		json_object_put(req);
	json_object_put(body);
	return rc;
}
