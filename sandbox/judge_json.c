/* judge_json.c - the execution request and response of SPEC section 3, in JSON */
#define _GNU_SOURCE
#include <ctype.h>
#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"
#include "utf8.h"
#include "uuid.h"


void judge_request_init(struct judge_request *req)
{
	memset(req, 0, sizeof(*req));
	req->timeout_s = 5;
	req->memory_mb = 256;
	req->output_kb = 16384;
	grading_checker_init(&req->checker);
}

void judge_request_release(struct judge_request *req)
{
	size_t i;

	for (i = 0; i < req->ntests; i++) {
		free(req->tests[i].id);
		free(req->tests[i].input);
		free(req->tests[i].expected);
	}
	free(req->tests);
	grading_groups_free(req->groups, req->ngroups);
	grading_checker_release(&req->checker);
	free(req->signature);
	free(req->code);
	free(req->question_id);
	judge_request_init(req);
}

static int bad(struct judge_error *e, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(struct judge_error *e, const char *code, const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
	return -1;
}

static char *dup_len(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/*
 * A text field of the request, copied: 0, 1 when absent or null, -1 with e
 * filled in.  Too long is payload_too_large, a wrong type invalid_field.
 */
static int get_text(struct json_object *o, const char *key, unsigned flags, size_t max,
		    char **out, size_t *outlen, struct judge_error *e)
{
	const char *s;
	char msg[200];
	size_t n;
	int r = jsonh_bytes(o, key, max, flags | JSONH_NUL, &s, &n, msg, sizeof(msg));

	if (r == 1)
		return 1;
	if (r < 0)
		return bad(e, r == -2 ? "payload_too_large" : "invalid_field", "%s", msg);
	*out = dup_len(s, n);
	if (!*out)
		return bad(e, "payload_too_large", "out of memory reading '%s'", key);
	if (outlen)
		*outlen = n;
	return 0;
}

/* A required text field: absent is missing_field, null a wrong type. */
static int need_text(struct json_object *o, const char *key, size_t max, char **out,
		     size_t *outlen, struct judge_error *e)
{
	int r;

	if (!json_object_object_get_ex(o, key, NULL))
		return bad(e, "missing_field", "'%s' is required", key);
	r = get_text(o, key, 0, max, out, outlen, e);
	return r == 1 ? bad(e, "invalid_field", "'%s' must be a string", key) : r;
}

static int get_number(struct json_object *root, const char *key, double lo, double hi,
		      bool integer, double *out, struct judge_error *e)
{
	char msg[200];

	if (jsonh_number(root, key, lo, hi, integer, out, msg, sizeof(msg)) < 0)
		return bad(e, "invalid_field", "%s", msg);
	return 0;
}

/* The group a test names, its points, and whether it is checked at all. */
static int test_grading(struct json_object *t, size_t i, const struct judge_request *req,
			struct judge_test *jt, struct judge_error *e)
{
	char msg[200], *name = NULL;
	bool check = true;
	double v = 1;
	size_t g;
	int r;

	jt->group = -1;
	if (get_number(t, "points", 0, JUDGE_MAX_POINTS, false, &v, e) < 0)
		return -1;
	jt->points = v;
	if (jsonh_bool(t, "check", &check, msg, sizeof(msg)) < 0)
		return bad(e, "invalid_field", "test_cases[%zu]: %s", i, msg);
	jt->unchecked = !check;
	r = get_text(t, "group", 0, JUDGE_MAX_NAME, &name, NULL, e);
	if (r < 0)
		return -1;
	if (r == 1) {
		if (req->ngroups && !jt->unchecked)
			return bad(e, "invalid_field", "test_cases[%zu]: 'group' is required when the "
				   "request has groups", i);
		return 0;
	}
	g = grading_group_find(req->groups, req->ngroups, name);
	if (g == req->ngroups) {
		bad(e, "invalid_field", "test_cases[%zu]: no group named '%.64s'", i, name);
		free(name);
		return -1;
	}
	free(name);
	jt->group = (int)g;
	return 0;
}

static int parse_signature(struct json_object *root, struct judge_request *req,
			   struct judge_error *e)
{
	struct json_object *o;
	char msg[200];
	int r = jsonh_get(root, "signature", json_type_object, &o, msg, sizeof(msg));

	if (r < 0)
		return bad(e, "invalid_field", "%s", msg);
	if (r == 1)
		return 0;
	req->signature = calloc(1, sizeof(*req->signature));
	if (!req->signature)
		return bad(e, "payload_too_large", "out of memory");
	if (sig_from_json(o, req->signature, msg, sizeof(msg)) < 0)
		return bad(e, "invalid_field", "signature: %s", msg);
	if (req->checker.kind == CHECK_INTERACTIVE)
		return bad(e, "invalid_field", "a function question cannot be interactive");
	return 0;
}

/* A function question's tests are typed: each input has the params, each answer the return type. */
static int check_typed_tests(const struct judge_request *req, struct judge_error *e)
{
	char msg[200];
	size_t i;

	for (i = 0; req->signature && i < req->ntests; i++) {
		const struct judge_test *t = &req->tests[i];

		if (sig_check_input(req->signature, t->input, t->input_len, msg, sizeof(msg)) < 0)
			return bad(e, "invalid_field", "test_cases[%zu].input: %s", i, msg);
		if (!t->unchecked && req->checker.kind == CHECK_BUILTIN &&
		    sig_check_expected(req->signature, t->expected, t->expected_len, msg, sizeof(msg)) < 0)
			return bad(e, "invalid_field", "test_cases[%zu].expected_output: %s", i, msg);
	}
	return 0;
}

static int parse_tests(struct json_object *arr, struct judge_request *req, struct judge_error *e)
{
	size_t i, n;
	char name[32];

	if (!json_object_is_type(arr, json_type_array))
		return bad(e, "invalid_field", "'test_cases' must be an array");
	n = json_object_array_length(arr);
	if (n < 1 || n > JUDGE_MAX_TESTS)
		return bad(e, "invalid_field", "'test_cases' must have 1 to %d entries",
			   JUDGE_MAX_TESTS);
	req->tests = calloc(n, sizeof(*req->tests));
	if (!req->tests)
		return bad(e, "payload_too_large", "out of memory");
	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(arr, i);
		struct judge_test *jt = &req->tests[i];
		int r;

		req->ntests = i + 1;
		if (!json_object_is_type(t, json_type_object))
			return bad(e, "invalid_field", "test_cases[%zu] must be an object", i);
		r = get_text(t, "id", JSONH_NUMBER, 128, &jt->id, NULL, e);
		if (r < 0)
			return -1;
		if (r == 1) {
			snprintf(name, sizeof(name), "test_%zu", i + 1);
			jt->id = strdup(name);
			if (!jt->id)
				return bad(e, "payload_too_large", "out of memory");
		}
		r = get_text(t, "input", 0, JUDGE_MAX_IO, &jt->input, &jt->input_len, e);
		if (r < 0)
			return -1;
		if (r == 1 && !(jt->input = calloc(1, 1)))
			return bad(e, "payload_too_large", "out of memory");
		r = get_text(t, "expected_output", 0, JUDGE_MAX_IO, &jt->expected, &jt->expected_len,
			     e);
		if (r < 0)
			return -1;
		if (r == 1)
			return bad(e, "missing_field", "test_cases[%zu].expected_output is required",
				   i);
		if (test_grading(t, i, req, jt, e) < 0)
			return -1;
	}
	return 0;
}

int judge_request_parse(const char *body, size_t len, struct judge_request *req,
			struct judge_error *e)
{
	struct json_object *root = NULL, *f;
	char *lang = NULL, perr[200];
	enum json_doc_err why;
	double v;
	int r = -1;

	judge_request_init(req);
	e->code = NULL;
	e->message[0] = '\0';
	if (len > JUDGE_MAX_BODY) {
		bad(e, "payload_too_large", "request body is larger than %u bytes", JUDGE_MAX_BODY);
		goto out;
	}
	root = json_parse_document(body, len, &why, perr, sizeof(perr));
	if (!root) {
		bad(e, why == JSON_DOC_NULL ? "invalid_request" : why == JSON_DOC_TOO_LARGE ?
			"payload_too_large" : "invalid_json", "request %s", perr);
		goto out;
	}
	if (!json_object_is_type(root, json_type_object)) {
		bad(e, "invalid_request", "request body must be a JSON object");
		goto out;
	}

	if (need_text(root, "language", 32, &lang, NULL, e) < 0)
		goto out;
	req->lang = lang_find(lang);
	if (!req->lang) {
		bad(e, "invalid_language", "unknown language '%.32s'", lang);
		goto out;
	}
	if (need_text(root, "code", JUDGE_MAX_CODE, &req->code, &req->code_len, e) < 0)
		goto out;
	if (!req->code_len) {
		bad(e, "invalid_field", "'code' is empty");
		goto out;
	}
	if (grading_checker_parse(json_object_object_get(root, "checker"), &req->checker, perr,
				  sizeof(perr)) < 0 ||
	    grading_groups_parse(json_object_object_get(root, "groups"), &req->groups, &req->ngroups,
				 perr, sizeof(perr)) < 0) {
		bad(e, "invalid_field", "%s", perr);
		goto out;
	}
	if (parse_signature(root, req, e) < 0)
		goto out;
	if (!json_object_object_get_ex(root, "test_cases", &f)) {
		bad(e, "missing_field", "'test_cases' is required");
		goto out;
	}
	if (parse_tests(f, req, e) < 0 || check_typed_tests(req, e) < 0)
		goto out;
	if (get_text(root, "question_id", JSONH_NUMBER, 128, &req->question_id, NULL, e) < 0)
		goto out;

	v = req->timeout_s;
	if (get_number(root, "timeout", 0.001, JUDGE_MAX_TIMEOUT, false, &v, e) < 0)
		goto out;
	req->timeout_s = v;
	v = req->memory_mb;
	if (get_number(root, "memory_limit_mb", 32, JUDGE_MAX_MEMORY_MB, true, &v, e) < 0)
		goto out;
	req->memory_mb = (unsigned)v;
	v = req->output_kb;
	if (get_number(root, "output_limit_kb", 1, JUDGE_MAX_OUTPUT_KB, true, &v, e) < 0)
		goto out;
	req->output_kb = (unsigned)v;
	r = 0;
out:
	free(lang);
	if (root)
		json_object_put(root);
	if (r < 0)
		judge_request_release(req);
	return r;
}

/* ---- the response ---- */

/* A JSON string of arbitrary bytes: invalid UTF-8 becomes U+FFFD. */
static struct json_object *jstr(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_object *o;

	if (!utf8_scrub(s, n, false, &sb))
		return json_object_new_string_len(s, (int)n);
	o = json_object_new_string_len(sb.buf, (int)sb.len);
	strbuf_release(&sb);
	return o;
}

static struct json_object *jstr_or_null(const struct strbuf *sb)
{
	return sb->len ? jstr(sb->buf, sb->len) : NULL;
}

static void add(struct json_object *o, const char *k, struct json_object *v)
{
	json_object_object_add(o, k, v);
}

/* Echo a request string, capped like the outputs. */
static void add_echo(struct json_object *o, const char *k, const char *s, size_t n)
{
	char flag[64];

	if (n > JUDGE_SHOWN_MAX) {
		snprintf(flag, sizeof(flag), "%s_truncated", k);
		add(o, flag, json_object_new_boolean(1));
	}
	add(o, k, jstr(s, utf8_cut(s, n, JUDGE_SHOWN_MAX)));
}

/* A number printed with a fixed number of decimals (json-c would print 95.200000000000003). */
static struct json_object *jnum(double v, int decimals)
{
	char buf[48];

	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	return json_object_new_double_s(v, buf);
}


const char *judge_node_name(void)
{
	const char *node = getenv("CE_NODE_NAME");
	size_t i, n = node ? strlen(node) : 0;

	/* the host's own name is never shown: only a name the operator chose */
	if (n == 0 || n > 63)
		return "judge";
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)node[i]) && !strchr("._-", node[i]))
			return "judge";
	return node;
}

static struct json_object *groups_json(const struct judge_request *req,
				       const struct judge_result *res)
{
	struct json_object *arr = json_object_new_array_ext((int)req->ngroups);
	size_t g, i;

	for (g = 0; g < req->ngroups; g++) {
		const struct judge_group *jg = &req->groups[g];
		struct json_object *o = json_object_new_object(), *tests = json_object_new_array();

		add(o, "name", json_object_new_string(jg->name));
		add(o, "rule", json_object_new_string(judge_group_rule_name(jg->rule)));
		add(o, "status", json_object_new_string(verdict_name(res->groups[g].verdict)));
		add(o, "score", jnum(res->groups[g].score, 2));
		add(o, "max_score", jnum(res->groups[g].max_score, 2));
		for (i = 0; i < req->ntests; i++)
			if (req->tests[i].group == (int)g)
				json_object_array_add(tests, json_object_new_int((int)i + 1));
		add(o, "tests", tests);
		json_object_array_add(arr, o);
	}
	return arr;
}

struct json_object *judge_result_json(const struct judge_request *req,
				      const struct judge_result *res)
{
	struct json_object *o = json_object_new_object(), *meta, *sum, *arr, *comp;
	uint64_t cpu = 0, wall = 0, mem = 0;
	size_t i, passed = 0;
	const char *node = judge_node_name();
	char sub[37];

	uuid_v4(sub);

	add(o, "execution_id", json_object_new_string(res->execution_id));
	add(o, "submission_id", json_object_new_string(sub));
	add(o, "language", json_object_new_string(req->lang->id));
	add(o, "question_id", req->question_id ? json_object_new_string(req->question_id) : NULL);
	add(o, "status", json_object_new_string(verdict_name(res->verdict)));

	comp = json_object_new_object();
	add(comp, "status", json_object_new_string(!res->compiled ? "skipped" : res->compile_ok ? "ok"
											 : "error"));
	add(comp, "output", jstr(res->compile_output.buf, res->compile_output.len));
	add(comp, "time_ms", json_object_new_int64((int64_t)res->compile_ms));
	add(o, "compile", comp);

	arr = json_object_new_array_ext((int)res->ntests);
	for (i = 0; i < res->ntests; i++) {
		const struct judge_test_result *t = &res->tests[i];
		const struct judge_test *in = &req->tests[i];
		struct json_object *r = json_object_new_object();

		cpu += t->cpu_ms;
		wall += t->wall_ms;
		if (t->memory_bytes > mem)
			mem = t->memory_bytes;
		if (t->verdict == V_ACCEPTED)
			passed++;
		add(r, "test_case_number", json_object_new_int((int)i + 1));
		add(r, "test_id", json_object_new_string(in->id));
		add_echo(r, "input", in->input, in->input_len);
		add_echo(r, "expected_output", in->expected, in->expected_len);
		add(r, "actual_output", jstr(t->output.buf, t->output.len));
		if (t->output_truncated)
			add(r, "output_truncated", json_object_new_boolean(1));
		add(r, "passed", json_object_new_boolean(t->verdict == V_ACCEPTED));
		add(r, "status", json_object_new_string(verdict_name(t->verdict)));
		add(r, "execution_time_ms", json_object_new_int64((int64_t)t->wall_ms));
		add(r, "cpu_time_ms", json_object_new_int64((int64_t)t->cpu_ms));
		add(r, "cpu_usage_percent",
		    jnum(t->wall_ms ? 100.0 * (double)t->cpu_ms / (double)t->wall_ms : 0.0, 1));
		add(r, "memory_usage_bytes", json_object_new_int64((int64_t)t->memory_bytes));
		add(r, "exit_code", t->exit_code >= 0 ? json_object_new_int(t->exit_code) : NULL);
		add(r, "signal", t->signal ? json_object_new_int(t->signal) : NULL);
		add(r, "error", jstr_or_null(&t->error));
		if (t->error_truncated)
			add(r, "error_truncated", json_object_new_boolean(1));
		if (in->group >= 0 && (size_t)in->group < req->ngroups)
			add(r, "group", json_object_new_string(req->groups[in->group].name));
		add(r, "points", jnum(in->points, 2));
		add(r, "score", jnum(t->score, 4));
		if (t->feedback.len)
			add(r, "checker_message", jstr(t->feedback.buf, t->feedback.len));
		if (req->signature) {
			add(r, "stdout", jstr(t->printed.buf, t->printed.len));
			if (t->printed_truncated)
				add(r, "stdout_truncated", json_object_new_boolean(1));
		}
		json_object_array_add(arr, r);
	}

	meta = json_object_new_object();
	add(meta, "execution_time_ms", json_object_new_int64((int64_t)res->total_ms));
	add(meta, "cpu_usage_percent", jnum(wall ? 100.0 * (double)cpu / (double)wall : 0.0, 1));
	add(meta, "memory_usage_bytes", json_object_new_int64((int64_t)mem));
	add(meta, "memory_usage_mb", jnum((double)mem / 1048576.0, 1));
	add(meta, "container_id", json_object_new_string(node));
	add(meta, "replica", json_object_new_string(node));
	add(meta, "security", json_object_new_string("enabled"));
	add(meta, "confinement", sbx_confinement_json());
	add(meta, "timeout", jnum(req->timeout_s, 3));
	add(meta, "memory_limit_mb", json_object_new_int((int)req->memory_mb));
	add(meta, "output_limit_kb", json_object_new_int((int)req->output_kb));
	add(o, "metadata", meta);

	sum = json_object_new_object();
	add(sum, "total_tests", json_object_new_int((int)res->ntests));
	add(sum, "passed", json_object_new_int((int)passed));
	add(sum, "failed", json_object_new_int((int)(res->ntests - passed)));
	add(sum, "pass_percentage",
	    jnum(res->ntests ? 100.0 * (double)passed / (double)res->ntests : 0.0, 1));
	add(sum, "all_passed", json_object_new_boolean(passed == res->ntests && res->ntests));
	add(sum, "score", jnum(res->score, 2));
	add(sum, "max_score", jnum(res->max_score, 2));
	add(o, "summary", sum);
	if (req->ngroups)
		add(o, "groups", groups_json(req, res));
	add(o, "test_results", arr);
	return o;
}

struct json_object *sbx_confinement_json(void)
{
	struct json_object *o = json_object_new_object(), *ns = json_object_new_array();
	static const char *const names[] = { "pid", "mount", "net", "ipc", "uts" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		json_object_array_add(ns, json_object_new_string(names[i]));
	add(o, "namespaces", ns);
	add(o, "cgroup", json_object_new_string(sbx_cgroups()));
	add(o, "seccomp", json_object_new_string("deny-list filter (libseccomp); ENOSYS for system "
						 "calls newer than the filter"));
	add(o, "root", json_object_new_string("read-only minimal root, private tmpfs /box and /tmp"));
	add(o, "user", json_object_new_string("non-root uid per box, no capabilities, no_new_privs"));
	add(o, "rlimits", json_object_new_string("fsize, core, stack, nofile, nproc, memlock, cpu"));
	return o;
}
