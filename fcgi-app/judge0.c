/*
 * judge0.c - Judge0 CE 1.13 in our terms: language and status ids, base64,
 * a Judge0 submission from a job (see judge0.h)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonh.h"
#include "judge0.h"
#include "utf8.h"

/* Judge0 CE 1.13.1's ids of the languages we have; its names for the files and commands. */
const struct judge0_lang judge0_langs[] = {
	{ 50, "c", "main.c", "/usr/bin/gcc -std=gnu17 -O2 -o main main.c -lm", "./main" },
	{ 51, "csharp", "Main.cs",
	  "/usr/bin/mono /usr/lib/mono/4.5/mcs.exe -optimize+ -out:main.exe Main.cs",
	  "/usr/bin/mono main.exe" },
	{ 54, "cpp", "main.cpp", "/usr/bin/g++ -std=gnu++17 -O2 -o main main.cpp", "./main" },
	{ 62, "java", "Main.java", "/usr/bin/javac Main.java", "/usr/bin/java Main" },
	{ 63, "javascript", "main.js", NULL, "/usr/bin/node main.js" },
	{ 71, "python", "main.py", NULL, "/usr/bin/python3 main.py" },
};
const size_t judge0_nlangs = sizeof(judge0_langs) / sizeof(judge0_langs[0]);

static const char *const status_names[JUDGE0_STATUS__MAX] = {
	[JUDGE0_IN_QUEUE] = "In Queue",
	[JUDGE0_PROCESSING] = "Processing",
	[JUDGE0_ACCEPTED] = "Accepted",
	[JUDGE0_WRONG_ANSWER] = "Wrong Answer",
	[JUDGE0_TIME_LIMIT] = "Time Limit Exceeded",
	[JUDGE0_COMPILATION_ERROR] = "Compilation Error",
	[JUDGE0_SIGSEGV] = "Runtime Error (SIGSEGV)",
	[JUDGE0_SIGXFSZ] = "Runtime Error (SIGXFSZ)",
	[JUDGE0_SIGFPE] = "Runtime Error (SIGFPE)",
	[JUDGE0_SIGABRT] = "Runtime Error (SIGABRT)",
	[JUDGE0_NZEC] = "Runtime Error (NZEC)",
	[JUDGE0_OTHER] = "Runtime Error (Other)",
	[JUDGE0_INTERNAL_ERROR] = "Internal Error",
	[JUDGE0_EXEC_FORMAT_ERROR] = "Exec Format Error",
};

/* A submission's attributes in Judge0's order (its table's columns, then status and language). */
static const char *const all_fields[] = {
	"source_code", "language_id", "stdin", "expected_output", "stdout", "status_id",
	"created_at", "finished_at", "time", "memory", "stderr", "token", "number_of_runs",
	"cpu_time_limit", "cpu_extra_time", "wall_time_limit", "memory_limit", "stack_limit",
	"max_processes_and_or_threads", "enable_per_process_and_thread_time_limit",
	"enable_per_process_and_thread_memory_limit", "max_file_size", "compile_output",
	"exit_code", "exit_signal", "message", "wall_time", "compiler_options",
	"command_line_arguments", "redirect_stderr_to_stdout", "callback_url", "additional_files",
	"enable_network", "status", "language",
};
#define NFIELDS (sizeof(all_fields) / sizeof(all_fields[0]))

/* SubmissionSerializer.default_fields */
static const char *const default_fields[] = {
	"token", "time", "memory", "stdout", "stderr", "compile_output", "message", "status",
};
#define NDEFAULT (sizeof(default_fields) / sizeof(default_fields[0]))

const struct judge0_lang *judge0_lang_find(long id)
{
	size_t i;

	for (i = 0; i < judge0_nlangs; i++)
		if (judge0_langs[i].id == id && lang_find(judge0_langs[i].lang))
			return &judge0_langs[i];
	return NULL;
}

const char *judge0_lang_name(const struct judge0_lang *l)
{
	const struct lang *ours = lang_find(l->lang);

	return ours ? ours->name : l->lang;
}

const char *judge0_status_name(int id)
{
	return id > 0 && id < JUDGE0_STATUS__MAX ? status_names[id] : NULL;
}

static const char *member_str(struct json_object *o, const char *key, size_t *len)
{
	struct json_object *v = NULL;

	if (len)
		*len = 0;
	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	if (len)
		*len = (size_t)json_object_get_string_len(v);
	return json_object_get_string(v);
}

static int64_t member_int(struct json_object *o, const char *key, int64_t dflt)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
		return dflt;
	return json_object_get_int64(v);
}

/* The judge's one test result, or NULL. */
static struct json_object *first_test(struct json_object *judged)
{
	struct json_object *tests = NULL, *t;

	if (!json_object_object_get_ex(judged, "test_results", &tests) ||
	    !json_object_is_type(tests, json_type_array))
		return NULL;
	t = json_object_array_get_idx(tests, 0);
	return json_object_is_type(t, json_type_object) ? t : NULL;
}

/* A signal as Judge0 tells runtime errors apart (Status.find_runtime_error_by_status_code). */
static int signal_status(int64_t sig)
{
	switch (sig) {
	case SIGSEGV:
		return JUDGE0_SIGSEGV;
	case SIGXFSZ:
		return JUDGE0_SIGXFSZ;
	case SIGFPE:
		return JUDGE0_SIGFPE;
	case SIGABRT:
		return JUDGE0_SIGABRT;
	default:
		return JUDGE0_OTHER;
	}
}

int judge0_status_of(struct json_object *judged, bool expected)
{
	struct json_object *comp = NULL, *t = first_test(judged);
	const char *cstatus, *verdict;
	int64_t sig;

	json_object_object_get_ex(judged, "compile", &comp);
	cstatus = member_str(comp, "status", NULL);
	if (cstatus && !strcmp(cstatus, "error"))
		return JUDGE0_COMPILATION_ERROR;
	verdict = member_str(t, "status", NULL);
	if (!verdict)
		return JUDGE0_INTERNAL_ERROR;
	sig = member_int(t, "signal", 0);
	if (!strcmp(verdict, "accepted"))
		return JUDGE0_ACCEPTED;
	/* a clean exit whose output differs: with nothing expected, Judge0 accepts it */
	if (!strcmp(verdict, "wrong_answer"))
		return expected ? JUDGE0_WRONG_ANSWER : JUDGE0_ACCEPTED;
	if (!strcmp(verdict, "time_limit_exceeded"))
		return JUDGE0_TIME_LIMIT;
	if (!strcmp(verdict, "compilation_error"))
		return JUDGE0_COMPILATION_ERROR;
	/* Judge0's file size limit is our output cap: isolate's SIGXFSZ */
	if (!strcmp(verdict, "output_limit_exceeded"))
		return JUDGE0_SIGXFSZ;
	/* Judge0 has no verdict of its own: a program its memory limit kills is "Other" */
	if (!strcmp(verdict, "memory_limit_exceeded"))
		return JUDGE0_OTHER;
	if (!strcmp(verdict, "runtime_error"))
		return sig ? signal_status(sig) : JUDGE0_NZEC;
	return JUDGE0_INTERNAL_ERROR;
}

static bool is_field(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < NFIELDS; i++)
		if (strlen(all_fields[i]) == n && !strncmp(all_fields[i], name, n))
			return true;
	return false;
}

int judge0_fields_check(const char *fields, char *bad, size_t badlen)
{
	const char *p = fields, *e;
	size_t n, used = 0;
	int rc = 0;

	if (badlen)
		*bad = '\0';
	while (p && *p) {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n && !(n == 1 && *p == '*') && !is_field(p, n)) {
			if (used < badlen)
				used += (size_t)snprintf(bad + used, badlen - used, "%s%.*s",
							 rc ? ", " : "", (int)n, p);
			rc = -1;
		}
		p = e ? e + 1 : NULL;
	}
	return rc;
}

/* Is name among fields (NULL or none given: the default set)? */
static bool wanted(const char *fields, const char *name)
{
	const char *p = fields, *e;
	size_t n, len = strlen(name), i;
	bool any = false;

	while (p && *p) {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n == 1 && *p == '*')
			return true;
		if (n && is_field(p, n))
			any = true;
		if (n == len && !strncmp(p, name, n))
			return true;
		p = e ? e + 1 : NULL;
	}
	if (any)
		return false;
	for (i = 0; i < NDEFAULT; i++)
		if (!strcmp(default_fields[i], name))
			return true;
	return false;
}

static const char b64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int judge0_b64_encode(const char *s, size_t n, struct strbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	char q[4];
	size_t i;
	uint32_t v;

	if (strbuf_grow(out, (n + 2) / 3 * 4) < 0)
		return -1;
	for (i = 0; i < n; i += 3) {
		v = (uint32_t)u[i] << 16 | (i + 1 < n ? (uint32_t)u[i + 1] << 8 : 0) |
		    (i + 2 < n ? u[i + 2] : 0);
		q[0] = b64_alphabet[v >> 18 & 63];
		q[1] = b64_alphabet[v >> 12 & 63];
		q[2] = i + 1 < n ? b64_alphabet[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64_alphabet[v & 63] : '=';
		if (strbuf_add(out, q, 4) < 0)
			return -1;
	}
	return 0;
}

int judge0_b64_decode(const char *s, size_t n, struct strbuf *out)
{
	unsigned char b[3];
	const char *c;
	uint32_t v = 0;
	size_t i;
	int bits = 0;

	if (strbuf_grow(out, n / 4 * 3 + 3) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] == '=')
			break;
		c = s[i] ? strchr(b64_alphabet, s[i]) : NULL;
		if (!c)
			continue;
		v = v << 6 | (uint32_t)(c - b64_alphabet);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			b[0] = (unsigned char)(v >> bits);
			if (strbuf_add(out, b, 1) < 0)
				return -1;
		}
	}
	return 0;
}

/* A text member of the submission: NULL is JSON null. */
struct text {
	const char *s;
	size_t n;
};

/* What a job shows as a Judge0 submission, gathered before the fields are picked. */
struct shown {
	int status;
	struct text source, in, expected, out, err, compile, message;
	int64_t cpu_ms, wall_ms, memory;	/* -1: null */
	int64_t exit_code, exit_signal;	/* -1: null */
	struct json_object *ctx;	/* the job's "judge0" object, or NULL */
};

static struct text text_of(const char *s, size_t n)
{
	struct text t = { s, n };

	/* Judge0 stores an empty output as nil */
	if (s && !n)
		t.s = NULL;
	return t;
}

/* The finished job's judge response as Judge0's result members. */
static void shown_judged(struct shown *sh, struct json_object *judged, bool expected)
{
	struct json_object *t = first_test(judged), *comp = NULL;
	const char *verdict, *err, *nl, *s;
	size_t n, elen;

	sh->status = judge0_status_of(judged, expected);
	json_object_object_get_ex(judged, "compile", &comp);
	s = member_str(comp, "output", &n);
	sh->compile = text_of(s, n);
	s = member_str(t, "input", &n);
	sh->in = text_of(s, n);
	if (expected) {
		s = member_str(t, "expected_output", &n);
		sh->expected = (struct text){ s, n };
	}
	if (sh->status == JUDGE0_COMPILATION_ERROR) {
		/* nothing ran: Judge0 shows the compiler's output alone */
		return;
	}
	s = member_str(t, "actual_output", &n);
	sh->out = text_of(s, n);
	sh->cpu_ms = member_int(t, "cpu_time_ms", -1);
	sh->wall_ms = member_int(t, "execution_time_ms", -1);
	sh->memory = member_int(t, "memory_usage_bytes", -1);
	if (sh->memory >= 0)
		sh->memory /= 1024;
	/* Judge0 reports an exit code of 0 where none was read (isolate's meta file has none) */
	sh->exit_code = member_int(t, "exit_code", 0);
	sh->exit_signal = member_int(t, "signal", 0);
	if (!sh->exit_signal)
		sh->exit_signal = -1;
	verdict = member_str(t, "status", NULL);
	err = member_str(t, "error", &elen);
	if (!err)
		return;
	if (verdict && (!strcmp(verdict, "accepted") || !strcmp(verdict, "wrong_answer"))) {
		sh->err = text_of(err, elen);
		return;
	}
	/* a failed run's error is its one-line reason, a newline, then its stderr */
	nl = memchr(err, '\n', elen);
	sh->message = text_of(err, nl ? (size_t)(nl - err) : elen);
	sh->err = nl ? text_of(nl + 1, elen - (size_t)(nl + 1 - err)) : (struct text){ NULL, 0 };
}

static void shown_fill(struct shown *sh, const struct job_view *v)
{
	struct json_object *ctx = NULL, *e = NULL, *m = NULL;
	char err[128];
	bool expected = false;
	const char *s;
	size_t n;

	memset(sh, 0, sizeof(*sh));
	sh->cpu_ms = sh->wall_ms = sh->memory = sh->exit_code = sh->exit_signal = -1;
	if (v->context && *v->context)
		ctx = jsonh_parse(v->context, strlen(v->context), err, sizeof(err));
	if (ctx && json_object_object_get_ex(ctx, "judge0", &sh->ctx)) {
		json_object_get(sh->ctx);
		s = member_str(sh->ctx, "source_code", &n);
		sh->source = (struct text){ s, n };
		if (json_object_object_get_ex(sh->ctx, "expected_output", &e))
			expected = json_object_get_boolean(e);
	}
	json_object_put(ctx);

	if (!strcmp(v->state, "queued")) {
		sh->status = JUDGE0_IN_QUEUE;
	} else if (!strcmp(v->state, "running")) {
		sh->status = JUDGE0_PROCESSING;
	} else if (!strcmp(v->state, "done") && !v->invalid && first_test(v->result)) {
		shown_judged(sh, v->result, expected);
	} else {
		/* failed, cancelled, refused by the judge, or an answer without a test */
		sh->status = JUDGE0_INTERNAL_ERROR;
		s = v->error;
		if (v->invalid && json_object_object_get_ex(v->result, "error", &e) &&
		    json_object_object_get_ex(e, "message", &m))
			s = json_object_get_string(m);
		sh->message = text_of(s, strlen(s));
	}
}

/* A text as JSON: null, the text, or its base64; *bad set when it must be UTF-8 and is not. */
static struct json_object *text_json(struct text t, bool base64, bool *bad)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_object *o;

	if (!t.s)
		return NULL;
	if (!base64) {
		if (!utf8_valid(t.s, t.n))
			*bad = true;
		return json_object_new_string_len(t.s, (int)t.n);
	}
	if (judge0_b64_encode(t.s, t.n, &sb) < 0) {
		*bad = true;
		return NULL;
	}
	o = json_object_new_string_len(sb.buf ? sb.buf : "", (int)sb.len);
	strbuf_release(&sb);
	return o;
}

/* Judge0's decimals (seconds) are strings: "0.012". */
static struct json_object *seconds_json(int64_t ms)
{
	char buf[32];

	if (ms < 0)
		return NULL;
	snprintf(buf, sizeof(buf), "%.3f", (double)ms / 1000.0);
	return json_object_new_string(buf);
}

static struct json_object *decimal_json(double d)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.1f", d);
	return json_object_new_string(buf);
}

static struct json_object *int_or_null(int64_t v)
{
	return v < 0 ? NULL : json_object_new_int64(v);
}

static struct json_object *ctx_member(const struct shown *sh, const char *key)
{
	struct json_object *v = NULL;

	return json_object_object_get_ex(sh->ctx, key, &v) ? json_object_get(v) : NULL;
}

static struct json_object *ctx_decimal(const struct shown *sh, const char *key)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(sh->ctx, key, &v) || !v)
		return NULL;
	return decimal_json(json_object_get_double(v));
}

static struct json_object *time_json(const char *iso)
{
	return *iso ? json_object_new_string(iso) : NULL;
}

/* One member of the submission by Judge0's name (all_fields). */
static struct json_object *field_json(const char *name, const struct job_view *v,
				      const struct shown *sh, bool base64, bool *bad)
{
	struct json_object *o, *id = NULL;
	const struct judge0_lang *l;

	if (!strcmp(name, "token"))
		return json_object_new_string(v->token);
	if (!strcmp(name, "source_code"))
		return text_json(sh->source, base64, bad);
	if (!strcmp(name, "stdin"))
		return text_json(sh->in, base64, bad);
	if (!strcmp(name, "expected_output"))
		return text_json(sh->expected, base64, bad);
	if (!strcmp(name, "stdout"))
		return text_json(sh->out, base64, bad);
	if (!strcmp(name, "stderr"))
		return text_json(sh->err, base64, bad);
	if (!strcmp(name, "compile_output"))
		return text_json(sh->compile, base64, bad);
	if (!strcmp(name, "message"))
		return text_json(sh->message, base64, bad);
	if (!strcmp(name, "status_id"))
		return json_object_new_int(sh->status);
	if (!strcmp(name, "status")) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int(sh->status));
		json_object_object_add(o, "description",
				       json_object_new_string(judge0_status_name(sh->status)));
		return o;
	}
	if (!strcmp(name, "language_id"))
		return ctx_member(sh, "language_id");
	if (!strcmp(name, "language")) {
		json_object_object_get_ex(sh->ctx, "language_id", &id);
		l = id ? judge0_lang_find(json_object_get_int(id)) : NULL;
		if (!l)
			return NULL;
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int(l->id));
		json_object_object_add(o, "name", json_object_new_string(judge0_lang_name(l)));
		return o;
	}
	if (!strcmp(name, "created_at"))
		return time_json(v->created_at);
	if (!strcmp(name, "finished_at"))
		return time_json(v->finished_at);
	if (!strcmp(name, "time"))
		return seconds_json(sh->cpu_ms);
	if (!strcmp(name, "wall_time"))
		return seconds_json(sh->wall_ms);
	if (!strcmp(name, "memory"))
		return int_or_null(sh->memory);
	if (!strcmp(name, "exit_code"))
		return int_or_null(sh->exit_code);
	if (!strcmp(name, "exit_signal"))
		return int_or_null(sh->exit_signal);
	if (!strcmp(name, "number_of_runs"))
		return json_object_new_int(1);
	if (!strcmp(name, "cpu_time_limit") || !strcmp(name, "wall_time_limit"))
		return ctx_decimal(sh, name);
	if (!strcmp(name, "memory_limit") || !strcmp(name, "callback_url"))
		return ctx_member(sh, name);
	if (!strncmp(name, "enable_", 7) || !strcmp(name, "redirect_stderr_to_stdout"))
		return json_object_new_boolean(0);
	/* what we do not have: cpu_extra_time, stack_limit, max_processes_and_or_threads,
	   max_file_size, compiler_options, command_line_arguments, additional_files */
	return NULL;
}

struct json_object *judge0_submission(const struct job_view *v, bool base64, const char *fields)
{
	struct json_object *o = json_object_new_object();
	struct shown sh;
	bool bad = false;
	size_t i;

	shown_fill(&sh, v);
	for (i = 0; i < NFIELDS; i++)
		if (wanted(fields, all_fields[i]))
			json_object_object_add(o, all_fields[i],
					       field_json(all_fields[i], v, &sh, base64, &bad));
	json_object_put(sh.ctx);
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}
