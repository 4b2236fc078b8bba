/*
 * api_judge0.c - the Judge0 CE 1.13 API under /judge0/: submissions (one, a
 * batch, followed by token), languages, statuses, about and config_info
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_judge0.h"
#include "jsonh.h"
#include "judge0.h"
#include "lang.h"
#include "queue.h"
#include "strbuf.h"
#include "utf8.h"

#define JUDGE0_MAX_URL 2048

/* One submission read and checked; the texts are decoded copies. */
struct judge0_new {
	const struct judge0_lang *lang;
	long language_id;
	struct strbuf code, in, expected;
	bool has_expected;
	double cpu, wall;
	long memory_kb;
	const char *callback_url;	/* lives as long as the parsed body */
};

static void judge0_new_release(struct judge0_new *j)
{
	strbuf_release(&j->code);
	strbuf_release(&j->in);
	strbuf_release(&j->expected);
}

/* Judge0's error, {"error": msg}, with the status and an optional Retry-After. */
static int judge0_error_retry(struct http_req *r, int status, int retry_after, const char *msg)
{
	struct json_object *o = json_object_new_object();
	char extra[48];
	const char *text;
	size_t len;
	int rc;

	json_object_object_add(o, "error", json_object_new_string(msg));
	if (retry_after <= 0)
		return http_json(r, status, o);
	snprintf(extra, sizeof(extra), "Retry-After: %d\r\n", retry_after);
	text = jsonh_text(o, &len);
	rc = http_send(r, status, "application/json; charset=utf-8", extra, text, len);
	json_object_put(o);
	return rc;
}

static int judge0_error(struct http_req *r, int status, const char *msg)
{
	return judge0_error_retry(r, status, 0, msg);
}

static int judge0_unauthorized(struct http_req *r)
{
	return judge0_error(r, 401, "a valid X-Auth-Token is required");
}

static int judge0_db_error(struct http_req *r)
{
	fprintf(stderr, "ce-fcgi: %s %s: the database failed\n", r->method, r->path);
	return judge0_error(r, 503, "the database is unavailable; retry in a moment");
}

/* A job the queue refused, as Judge0 would say it (check_queue_size: 503 "queue is full"). */
static int judge0_queue_error(struct http_req *r, enum queue_rc rc)
{
	switch (rc) {
	case QUEUE_QUOTA:
	case QUEUE_BUSY:
		return judge0_error_retry(r, 429, 5,
					  "this client has as many submissions queued as it may; retry later");
	case QUEUE_FULL:
		return judge0_error_retry(r, 503, 10, "queue is full");
	default:
		return judge0_db_error(r);
	}
}

static const char *queue_refusal(enum queue_rc rc)
{
	return rc == QUEUE_FULL ? "queue is full"
	     : rc == QUEUE_DB  ? "the database is unavailable; retry in a moment"
			       : "this client has as many submissions queued as it may; retry later";
}

static bool query_true(const struct http_req *r, const char *name)
{
	char v[8];

	return http_query(r, name, v, sizeof(v)) && !strcmp(v, "true");
}

/* fields= checked: 0 with it into buf ("" when absent), or the status of the 400 sent. */
static int judge0_fields(struct http_req *r, char *buf, size_t n)
{
	char bad[512], msg[600];

	if (!http_query(r, "fields", buf, n))
		*buf = '\0';
	if (judge0_fields_check(buf, bad, sizeof(bad)) == 0)
		return 0;
	snprintf(msg, sizeof(msg), "invalid fields: [%s]", bad);
	return judge0_error(r, 400, msg);
}

/* Add msg to the field's list of errors (Rails' errors.add). */
static void field_error(struct json_object *errs, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void field_error(struct json_object *errs, const char *field, const char *fmt, ...)
{
	struct json_object *list;
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!json_object_object_get_ex(errs, field, &list)) {
		list = json_object_new_array();
		json_object_object_add(errs, field, list);
	}
	json_object_array_add(list, json_object_new_string(msg));
}

/* Is the member absent, null or ""?  (Rails' blank params take the default.) */
static bool absent(struct json_object *v)
{
	return !v || (json_object_is_type(v, json_type_string) && !json_object_get_string_len(v));
}

/*
 * A number member, as Rails' numericality reads a param (a JSON number or a
 * numeric string): 1 with *out, 0 when absent, -1 recorded in errs.
 */
static int number_member(struct json_object *item, const char *key, bool integer, double lo,
			 const char *lo_text, double hi, const char *hi_text, struct json_object *errs,
			 double *out)
{
	struct json_object *v = NULL;
	const char *s;
	char *end;
	double d;

	json_object_object_get_ex(item, key, &v);
	if (absent(v))
		return 0;
	if (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)) {
		d = json_object_get_double(v);
	} else if (json_object_is_type(v, json_type_string)) {
		s = json_object_get_string(v);
		d = strtod(s, &end);
		while (isspace((unsigned char)*end))
			end++;
		if (end == s || *end || !isfinite(d)) {
			field_error(errs, key, "is not a number");
			return -1;
		}
	} else {
		field_error(errs, key, "is not a number");
		return -1;
	}
	if (integer && d != floor(d)) {
		field_error(errs, key, "must be an integer");
		return -1;
	}
	if (d < lo) {
		field_error(errs, key, "must be greater than or equal to %s", lo_text);
		return -1;
	}
	if (d > hi) {
		field_error(errs, key, "must be less than or equal to %s", hi_text);
		return -1;
	}
	*out = d;
	return 1;
}

/*
 * A text member into out, base64-decoded when asked: 1 when given, 0 when
 * absent or null, -1 recorded in errs.  Our judge takes text: bytes that
 * are not UTF-8 are refused.
 */
static int text_member(struct json_object *item, const char *key, bool base64, size_t max,
		       struct json_object *errs, struct strbuf *out)
{
	struct json_object *v = NULL;
	const char *s;
	size_t n;

	json_object_object_get_ex(item, key, &v);
	if (!v)
		return 0;
	if (json_object_is_type(v, json_type_object) || json_object_is_type(v, json_type_array)) {
		field_error(errs, key, "is invalid");
		return -1;
	}
	s = json_object_get_string(v);
	n = json_object_is_type(v, json_type_string) ? (size_t)json_object_get_string_len(v)
						     : strlen(s);
	if (base64 ? judge0_b64_decode(s, n, out) : strbuf_add(out, s, n)) {
		field_error(errs, key, "is too long (maximum is %zu characters)", max);
		return -1;
	}
	if (out->len > max) {
		field_error(errs, key, "is too long (maximum is %zu characters)", max);
		return -1;
	}
	if (!utf8_valid(out->buf ? out->buf : "", out->len)) {
		field_error(errs, key, "is not valid UTF-8 text");
		return -1;
	}
	return 1;
}

/* Options Judge0 can be configured to refuse, as it refuses them then; we have none of them. */
static void refused_options(struct json_object *item, struct json_object *errs)
{
	static const struct {
		const char *key, *msg;
	} opts[] = {
		{ "compiler_options", "setting compiler options is not allowed" },
		{ "command_line_arguments", "setting command line arguments is not allowed" },
		{ "additional_files", "setting additional files is not allowed" },
	};
	struct json_object *v = NULL;
	size_t i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		v = NULL;
		json_object_object_get_ex(item, opts[i].key, &v);
		if (!absent(v) && (!json_object_is_type(v, json_type_string) ||
				   json_object_get_string(v)[strspn(json_object_get_string(v), " \t\r\n")]))
			field_error(errs, opts[i].key, "%s", opts[i].msg);
	}
	v = NULL;
	json_object_object_get_ex(item, "enable_network", &v);
	if (v && json_object_get_boolean(v) && strcmp(json_object_get_string(v), "false"))
		field_error(errs, "enable_network", "enabling network is not allowed");
}

/*
 * Read one Judge0 submission into j.  NULL when it is valid, else the
 * errors by field as Judge0 answers them (the caller owns them).
 */
static struct json_object *judge0_parse(struct json_object *item, bool base64, struct judge0_new *j)
{
	struct json_object *errs = json_object_new_object(), *v = NULL;
	double d;
	const char *s;
	size_t n;
	int rc;

	memset(j, 0, sizeof(*j));
	strbuf_init(&j->code);
	strbuf_init(&j->in);
	strbuf_init(&j->expected);
	j->cpu = JUDGE0_CPU_TIME_LIMIT;
	j->wall = JUDGE0_WALL_TIME_LIMIT;
	j->memory_kb = JUDGE0_MEMORY_LIMIT;
	if (!json_object_is_type(item, json_type_object)) {
		field_error(errs, "source_code", "can't be blank");
		field_error(errs, "language_id", "can't be blank");
		return errs;
	}

	rc = text_member(item, "source_code", base64, JUDGE_MAX_CODE, errs, &j->code);
	if (rc >= 0 && (!j->code.len || !j->code.buf[strspn(j->code.buf, " \t\r\n\f\v")]))
		field_error(errs, "source_code", "can't be blank");
	json_object_object_get_ex(item, "language_id", &v);
	if (absent(v)) {
		field_error(errs, "language_id", "can't be blank");
		field_error(errs, "language_id", "language with id  doesn't exist");
	} else if (number_member(item, "language_id", true, -1e18, "", 1e18, "", errs, &d) == 1) {
		j->language_id = (long)d;
		j->lang = judge0_lang_find(j->language_id);
		if (!j->lang)
			field_error(errs, "language_id", "language with id %ld doesn't exist",
				    j->language_id);
	}
	text_member(item, "stdin", base64, JUDGE_MAX_IO, errs, &j->in);
	j->has_expected = text_member(item, "expected_output", base64, JUDGE_MAX_IO, errs,
				      &j->expected) == 1;
	number_member(item, "cpu_time_limit", false, 0, "0", JUDGE0_MAX_CPU_TIME_LIMIT, "15.0",
		      errs, &j->cpu);
	number_member(item, "wall_time_limit", false, 1, "1", JUDGE0_MAX_WALL_TIME_LIMIT, "20.0",
		      errs, &j->wall);
	if (number_member(item, "memory_limit", true, JUDGE0_MIN_MEMORY_LIMIT, "2048",
			  JUDGE0_MAX_MEMORY_LIMIT, "2097152", errs, &d) == 1)
		j->memory_kb = (long)d;
	v = NULL;
	json_object_object_get_ex(item, "callback_url", &v);
	if (!absent(v)) {
		s = json_object_is_type(v, json_type_string) ? json_object_get_string(v) : "";
		n = strlen(s);
		/* the deliverer checks where it points when it sends; here only what it is */
		if (n > JUDGE0_MAX_URL)
			field_error(errs, "callback_url", "is too long (maximum is %d characters)",
				    JUDGE0_MAX_URL);
		else if ((strncasecmp(s, "http://", 7) || n == 7) &&
			 (strncasecmp(s, "https://", 8) || n == 8))
			field_error(errs, "callback_url", "must be an http or https URL");
		else if (s[strcspn(s, " \t\r\n")])
			field_error(errs, "callback_url", "must be an http or https URL");
		else
			j->callback_url = s;
	}
	refused_options(item, errs);
	if (json_object_object_length(errs))
		return errs;
	json_object_put(errs);
	return NULL;
}

/* The judge's request of SPEC section 3: one test, its input the stdin. */
static struct json_object *judge0_judge_request(const struct judge0_new *j)
{
	struct json_object *o = json_object_new_object(), *tests = json_object_new_array(),
			   *t = json_object_new_object();
	long mb = (j->memory_kb + 1023) / 1024;

	json_object_object_add(o, "language", json_object_new_string(j->lang->lang));
	json_object_object_add(o, "code", json_object_new_string_len(j->code.buf, (int)j->code.len));
	json_object_object_add(t, "input", json_object_new_string_len(j->in.len ? j->in.buf : "",
									(int)j->in.len));
	/* nothing expected: any clean run is Accepted (judge0_status_of) */
	json_object_object_add(t, "expected_output",
			       json_object_new_string_len(j->expected.len ? j->expected.buf : "",
							  (int)j->expected.len));
	json_object_array_add(tests, t);
	json_object_object_add(o, "test_cases", tests);
	/* Judge0 takes a CPU time limit of 0; ours is at least a millisecond */
	json_object_object_add(o, "timeout", json_object_new_double(j->cpu < 0.001 ? 0.001 : j->cpu));
	json_object_object_add(o, "memory_limit_mb", json_object_new_int((int)(mb < 32 ? 32 : mb)));
	return o;
}

/* The job's context: what the submission shows that the judge does not echo (judge0.h). */
static struct json_object *judge0_context(const struct judge0_new *j)
{
	struct json_object *o = json_object_new_object(), *c = json_object_new_object();

	json_object_object_add(c, "language_id", json_object_new_int((int)j->language_id));
	json_object_object_add(c, "expected_output", json_object_new_boolean(j->has_expected));
	json_object_object_add(c, "cpu_time_limit", json_object_new_double(j->cpu));
	json_object_object_add(c, "wall_time_limit", json_object_new_double(j->wall));
	json_object_object_add(c, "memory_limit", json_object_new_int64(j->memory_kb));
	json_object_object_add(c, "source_code",
			       json_object_new_string_len(j->code.buf, (int)j->code.len));
	json_object_object_add(c, "callback_url",
			       j->callback_url ? json_object_new_string(j->callback_url) : NULL);
	json_object_object_add(o, "judge0", c);
	return o;
}

/* Add the job of a valid submission; QUEUE_OK with its id and token. */
static enum queue_rc judge0_enqueue(struct http_req *r, const struct judge0_new *j, char id[24],
				    char token[40])
{
	struct json_object *req = judge0_judge_request(j), *ctx = judge0_context(j), *cb = NULL;
	struct job_new jn = { .kind = JOB_EXECUTE };
	char owner[80], *request, *context, *callback = NULL;
	enum queue_rc rc;

	snprintf(owner, sizeof(owner), "client:%s", r->remote_addr);
	jn.owner = owner;
	/* the texts are copied: jsonh_text's buffer belongs to its object */
	request = strdup(jsonh_text(req, NULL));
	context = strdup(jsonh_text(ctx, NULL));
	if (j->callback_url) {
		cb = json_object_new_object();
		json_object_object_add(cb, "url", json_object_new_string(j->callback_url));
		json_object_object_add(cb, "method", json_object_new_string("PUT"));
		json_object_object_add(cb, "format", json_object_new_string("judge0"));
		callback = strdup(jsonh_text(cb, NULL));
	}
	if (!request || !context || (cb && !callback)) {
		rc = QUEUE_DB;
		goto out;
	}
	jn.request = request;
	jn.context = context;
	jn.callback = callback;
	rc = queue_add(&jn, id, token);
out:
	free(callback);
	free(context);
	free(request);
	json_object_put(cb);
	json_object_put(ctx);
	json_object_put(req);
	return rc;
}

/* A job of this API: 1 found (v filled), 0 none (v released), -1 the database failed. */
static int judge0_view(const char *token, struct job_view *v)
{
	int found = queue_view(token, 0, v);

	if (found == 1 && (strcmp(v->kind, "execute") || !v->context ||
			   !strstr(v->context, "\"judge0\"")))
		found = 0;
	if (found != 1)
		job_view_release(v);
	return found;
}

/* Judge0's words when a text is not UTF-8 and base64 was not asked for */
static const char conversion_error[] =
	"some attributes for this submission cannot be converted to UTF-8, "
	"use base64_encoded=true query parameter";
static const char conversion_error_batch[] =
	"some attributes for one or more submissions cannot be converted to UTF-8, "
	"use base64_encoded=true query parameter";

/* The body as a JSON object, or the status of Judge0's error sent. */
static struct json_object *judge0_body(struct http_req *r, int *rc)
{
	struct json_object *body;

	*rc = 0;
	if (*r->content_type && !http_content_type_is(r, "application/json")) {
		*rc = judge0_error(r, 415, "requests must be of type application/json");
		return NULL;
	}
	body = http_json_body(r, HTTP_MAX_BODY);
	if (!body)
		*rc = judge0_error(r, r->err.status ? r->err.status : 400,
				   *r->err.msg ? r->err.msg : "the request is invalid");
	return body;
}

int h_judge0_create(struct http_req *r)
{
	struct json_object *body, *errs, *o;
	struct judge0_new j;
	struct job_view v;
	struct job_end end;
	char fields[512], id[24], token[40];
	bool base64 = query_true(r, "base64_encoded");
	enum queue_rc qrc;
	int rc;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	if ((rc = judge0_fields(r, fields, sizeof(fields))))
		return rc;
	if (!(body = judge0_body(r, &rc)))
		return rc;
	errs = judge0_parse(body, base64, &j);
	if (errs) {
		rc = http_json(r, 422, errs);
		goto out;
	}
	qrc = judge0_enqueue(r, &j, id, token);
	if (qrc != QUEUE_OK) {
		rc = judge0_queue_error(r, qrc);
		goto out;
	}
	if (!query_true(r, "wait")) {
		o = json_object_new_object();
		json_object_object_add(o, "token", json_object_new_string(token));
		rc = http_json(r, 201, o);
		goto out;
	}
	o = queue_wait(id, &end);
	json_object_put(o);
	if (judge0_view(token, &v) != 1) {
		rc = judge0_db_error(r);
		goto out;
	}
	o = judge0_submission(&v, base64, fields);
	job_view_release(&v);
	if (!o) {
		/* Judge0 answers 201 here too: the submission was made */
		o = json_object_new_object();
		json_object_object_add(o, "error", json_object_new_string(conversion_error));
		json_object_object_add(o, "token", json_object_new_string(token));
	}
	rc = http_json(r, 201, o);
out:
	judge0_new_release(&j);
	json_object_put(body);
	return rc;
}

int h_judge0_get(struct http_req *r)
{
	struct json_object *o;
	struct job_view v;
	char fields[512];
	int rc, found;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	if ((rc = judge0_fields(r, fields, sizeof(fields))))
		return rc;
	found = judge0_view(r->m.params[0], &v);
	if (found < 0)
		return judge0_db_error(r);
	if (!found)
		return judge0_error(r, 404, "Not Found");
	o = judge0_submission(&v, query_true(r, "base64_encoded"), fields);
	job_view_release(&v);
	if (!o)
		return judge0_error(r, 400, conversion_error);
	return http_json(r, 200, o);
}

int h_judge0_batch_create(struct http_req *r)
{
	struct json_object *body, *subs = NULL, *arr, *errs, *o;
	struct judge0_new j;
	char id[24], token[40], msg[128];
	bool base64 = query_true(r, "base64_encoded"), any = false;
	enum queue_rc qrc, refused = QUEUE_OK;
	size_t i, n = 0;
	int rc;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	if (!(body = judge0_body(r, &rc)))
		return rc;
	if (json_object_object_get_ex(body, "submissions", &subs) &&
	    json_object_is_type(subs, json_type_array))
		n = json_object_array_length(subs);
	if (n > JUDGE0_MAX_BATCH) {
		snprintf(msg, sizeof(msg),
			 "number of submissions in a batch should be less than or equal to %d",
			 JUDGE0_MAX_BATCH);
		rc = judge0_error(r, 400, msg);
		goto out;
	}
	if (!n) {
		rc = judge0_error(r, 400, "there should be at least one submission in a batch");
		goto out;
	}
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		errs = judge0_parse(json_object_array_get_idx(subs, i), base64, &j);
		if (errs) {
			json_object_array_add(arr, errs);
			judge0_new_release(&j);
			continue;
		}
		qrc = judge0_enqueue(r, &j, id, token);
		judge0_new_release(&j);
		o = json_object_new_object();
		if (qrc == QUEUE_OK) {
			json_object_object_add(o, "token", json_object_new_string(token));
			any = true;
		} else {
			json_object_object_add(o, "error", json_object_new_string(queue_refusal(qrc)));
			if (refused == QUEUE_OK)
				refused = qrc;
		}
		json_object_array_add(arr, o);
	}
	if (!any && refused != QUEUE_OK) {
		json_object_put(arr);
		rc = judge0_queue_error(r, refused);
		goto out;
	}
	rc = http_json(r, any ? 201 : 422, arr);
out:
	json_object_put(body);
	return rc;
}

int h_judge0_batch_get(struct http_req *r)
{
	struct json_object *arr, *o;
	struct job_view v;
	char fields[512], tokens[JUDGE0_MAX_BATCH * 48 + 64], msg[128], *p, *e;
	const char *hdr;
	bool base64 = query_true(r, "base64_encoded");
	size_t n = 0;
	int rc, found;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	if ((rc = judge0_fields(r, fields, sizeof(fields))))
		return rc;
	/* Judge0 takes the list from a "tokens" header too */
	hdr = FCGX_GetParam("HTTP_TOKENS", r->fx->envp);
	if (hdr)
		snprintf(tokens, sizeof(tokens), "%s", hdr);
	else if (!http_query(r, "tokens", tokens, sizeof(tokens)))
		*tokens = '\0';
	for (p = tokens; *p; p++)
		n += *p == ',';
	n += *tokens != '\0';
	if (n > JUDGE0_MAX_BATCH || strlen(tokens) >= sizeof(tokens) - 1) {
		snprintf(msg, sizeof(msg),
			 "number of submissions in a batch should be less than or equal to %d",
			 JUDGE0_MAX_BATCH);
		return judge0_error(r, 400, msg);
	}
	if (!n)
		return judge0_error(r, 400, "there should be at least one submission in a batch");
	arr = json_object_new_array();
	for (p = tokens; p; p = e ? e + 1 : NULL) {
		e = strchr(p, ',');
		if (e)
			*e = '\0';
		found = judge0_view(p, &v);
		if (found < 0) {
			json_object_put(arr);
			return judge0_db_error(r);
		}
		o = NULL;
		if (found) {
			o = judge0_submission(&v, base64, fields);
			job_view_release(&v);
			if (!o) {
				json_object_put(arr);
				return judge0_error(r, 400, conversion_error_batch);
			}
		}
		json_object_array_add(arr, o);
	}
	o = json_object_new_object();
	json_object_object_add(o, "submissions", arr);
	return http_json(r, 200, o);
}

static struct json_object *language_json(const struct judge0_lang *l, bool archived, bool full)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int(l->id));
	json_object_object_add(o, "name", json_object_new_string(judge0_lang_name(l)));
	if (archived || full)
		json_object_object_add(o, "is_archived", json_object_new_boolean(0));
	if (full) {
		json_object_object_add(o, "source_file", json_object_new_string(l->source_file));
		json_object_object_add(o, "compile_cmd",
				       l->compile_cmd ? json_object_new_string(l->compile_cmd) : NULL);
		json_object_object_add(o, "run_cmd", json_object_new_string(l->run_cmd));
	}
	return o;
}

static int languages(struct http_req *r, bool archived)
{
	struct json_object *arr;
	size_t i;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	arr = json_object_new_array();
	for (i = 0; i < judge0_nlangs; i++)
		if (judge0_lang_find(judge0_langs[i].id))
			json_object_array_add(arr, language_json(&judge0_langs[i], archived, false));
	return http_json(r, 200, arr);
}

int h_judge0_languages(struct http_req *r)
{
	return languages(r, false);
}

int h_judge0_languages_all(struct http_req *r)
{
	return languages(r, true);
}

int h_judge0_language(struct http_req *r)
{
	const char *s = r->m.params[0];
	const struct judge0_lang *l = NULL;
	char *end;
	long id;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	id = strtol(s, &end, 10);
	if (*s && !*end)
		l = judge0_lang_find(id);
	if (!l)
		return judge0_error(r, 404, "Not Found");
	return http_json(r, 200, language_json(l, false, true));
}

int h_judge0_statuses(struct http_req *r)
{
	struct json_object *arr, *o;
	int i;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	arr = json_object_new_array();
	for (i = JUDGE0_IN_QUEUE; i < JUDGE0_STATUS__MAX; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_int(i));
		json_object_object_add(o, "description",
				       json_object_new_string(judge0_status_name(i)));
		json_object_array_add(arr, o);
	}
	return http_json(r, 200, arr);
}

int h_judge0_about(struct http_req *r)
{
	struct json_object *o;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	o = json_object_new_object();
	json_object_object_add(o, "version", json_object_new_string(JUDGE0_VERSION));
	json_object_object_add(o, "homepage", NULL);
	json_object_object_add(o, "source_code", NULL);
	json_object_object_add(o, "maintainer", json_object_new_string("Coding Engine"));
	return http_json(r, 200, o);
}

int h_judge0_config_info(struct http_req *r)
{
	struct json_object *o;

	if (!api_auth_token_ok(r))
		return judge0_unauthorized(r);
	o = json_object_new_object();
#define B(k, v) json_object_object_add(o, k, json_object_new_boolean(v))
#define I(k, v) json_object_object_add(o, k, json_object_new_int64(v))
#define D(k, v) json_object_object_add(o, k, json_object_new_double(v))
#define N(k) json_object_object_add(o, k, NULL)
	B("maintenance_mode", 0);
	B("enable_wait_result", 1);
	B("enable_compiler_options", 0);
	json_object_object_add(o, "allowed_languages_for_compile_options", json_object_new_array());
	B("enable_command_line_arguments", 0);
	B("enable_submission_delete", 0);
	B("enable_callbacks", 1);
	N("callbacks_max_tries");
	N("callbacks_timeout");
	B("enable_additional_files", 0);
	N("max_queue_size");
	D("cpu_time_limit", JUDGE0_CPU_TIME_LIMIT);
	D("max_cpu_time_limit", JUDGE0_MAX_CPU_TIME_LIMIT);
	N("cpu_extra_time");
	N("max_cpu_extra_time");
	D("wall_time_limit", JUDGE0_WALL_TIME_LIMIT);
	D("max_wall_time_limit", JUDGE0_MAX_WALL_TIME_LIMIT);
	I("memory_limit", JUDGE0_MEMORY_LIMIT);
	I("max_memory_limit", JUDGE0_MAX_MEMORY_LIMIT);
	N("stack_limit");
	N("max_stack_limit");
	N("max_processes_and_or_threads");
	N("max_max_processes_and_or_threads");
	B("enable_per_process_and_thread_time_limit", 0);
	B("allow_enable_per_process_and_thread_time_limit", 0);
	B("enable_per_process_and_thread_memory_limit", 0);
	B("allow_enable_per_process_and_thread_memory_limit", 0);
	I("max_file_size", 16384);
	I("max_max_file_size", JUDGE_MAX_OUTPUT_KB);
	I("number_of_runs", 1);
	I("max_number_of_runs", 1);
	B("redirect_stderr_to_stdout", 0);
	N("max_extract_size");
	B("enable_batched_submissions", 1);
	I("max_submission_batch_size", JUDGE0_MAX_BATCH);
	N("submission_cache_duration");
	B("use_docs_as_homepage", 0);
	B("allow_enable_network", 0);
	B("enable_network", 0);
#undef B
#undef I
#undef D
#undef N
	return http_json(r, 200, o);
}
