/* api_questions.c - the question list and detail, and /proxy/execute for candidates */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_questions.h"
#include "api_common.h"
#include "auth.h"
#include "db.h"
#include "queue.h"
#include "jsonh.h"
#include "lang.h"
#include "session.h"
#include "store_candidate.h"
#include "store_question.h"
#include "store_submission.h"

/* Fill missing languages of a boiler_plate object with the default starters. */
static void fill_starters(struct json_object *bp)
{
	size_t i;

	for (i = 0; i < nlangs; i++) {
		struct json_object *v;

		if (!json_object_object_get_ex(bp, langs[i].id, &v))
			json_object_object_add(bp, langs[i].id,
					       json_object_new_string(api_default_starter(langs[i].id)));
	}
}

int h_questions_list(struct http_req *r)
{
	struct json_object *list;
	int dberr = 0, a = auth_try_admin(r);

	if (a < 0)
		return api_db_error(r);
	/* the admin sees the bank, a candidate the questions of their test */
	if (!a && auth_any_candidate(r) < 0)
		return r->status;
	list = store_question_list_json(a ? NULL : r->candidate_id, &dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "questions", list);
}

/* May the caller (candidate) see question qid?  Records 404 when not. */
static int candidate_may_see(struct http_req *r, const char *qid)
{
	int found = store_candidate_has_question(r->candidate_id, qid);

	if (found != 1) {
		if (found < 0)
			api_db_error(r);
		else
			http_fail(r, 404, "not_found", "no such question in your test");
		return -1;
	}
	return 0;
}

int h_question_get(struct http_req *r)
{
	struct json_object *q, *o, *tc = NULL, *bp;
	char qid[16];
	int dberr = 0, found, a = auth_try_admin(r);
	bool admin = a > 0;

	if (a < 0)
		return api_db_error(r);
	if (!admin && auth_any_candidate(r) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found < 0)
		return api_db_error(r);
	if (!found)
		return http_fail(r, 404, "not_found", "no such question");
	if (!admin && candidate_may_see(r, qid) < 0)
		return r->status;
	q = store_question_json(qid, admin ? NULL : r->candidate_id, &dberr);
	if (!q)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	if (json_object_object_get_ex(q, "boiler_plate", &bp))
		fill_starters(bp);
	json_object_object_get_ex(q, "test_cases", &tc);
	o = http_ok();
	if (tc)
		json_object_object_add(o, "test_cases", json_object_get(tc));
	json_object_object_add(o, "question", q);
	return http_json(r, 200, o);
}

/* ---- /proxy/execute ---- */

struct proxy_test {
	bool sample;
	int points;
	char id[16];
};

/*
 * A result entry in the seed-001 shape.  With redact, a hidden test shows its
 * verdict and points only: a program can encode the hidden input in its time,
 * CPU time or memory as easily as in its output or exit code.
 */
static struct json_object *proxy_result(struct json_object *tr, const struct proxy_test *t,
					bool hidden, bool redact)
{
	static const char *const keep[] = { "status", "passed" };
	static const char *const shown[][2] = { { "execution_time_ms", "execution_time_ms" },
						{ "cpu_time_ms", "cpu_time_ms" },
						{ "memory_usage_bytes", "memory_usage_bytes" },
						{ "actual_output", "output" },
						{ "expected_output", "expected_output" },
						{ "input", "input" },
						{ "error", "error" },
						{ "exit_code", "exit_code" },
						{ "signal", "signal" },
						{ "output_truncated", "output_truncated" } };
	struct json_object *o = json_object_new_object(), *v;
	size_t i;

	json_object_object_add(o, "test_id", json_object_new_string(t->id));
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (json_object_object_get_ex(tr, keep[i], &v))
			json_object_object_add(o, keep[i], json_object_get(v));
	json_object_object_add(o, "hidden", json_object_new_boolean(hidden));
	json_object_object_add(o, "points", json_object_new_int(t->points));
	if (!hidden || !redact)
		for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
			if (json_object_object_get_ex(tr, shown[i][0], &v))
				json_object_object_add(o, shown[i][1], json_object_get(v));
	return o;
}

/* What grading a submission gave: the stored row and the summary. */
struct grade {
	const char *status;	/* accepted, or the first failing test's verdict */
	int passed, graded, score, max_score;
};

/*
 * The judge request for the question's tests (rows of res) plus the custom
 * input of a run; meta gets each test's id, points and sample flag.
 */
static struct json_object *proxy_request(PGresult *res, const char *lang, const char *code,
					 size_t code_len, const char *qkey, const char *custom,
					 size_t custom_len, struct proxy_test *meta, int *max_score)
{
	struct json_object *req = json_object_new_object(), *tests = json_object_new_array();
	int i, nt = PQntuples(res);

	json_object_object_add(req, "language", json_object_new_string(lang));
	json_object_object_add(req, "code", json_object_new_string_len(code, (int)code_len));
	json_object_object_add(req, "question_id", json_object_new_string(qkey));
	*max_score = 0;
	for (i = 0; i < nt; i++) {
		struct json_object *t = json_object_new_object();

		json_object_object_add(t, "id", json_object_new_string(db_get(res, i, "id")));
		json_object_object_add(t, "input", json_object_new_string(db_get(res, i, "input_data")));
		json_object_object_add(t, "expected_output",
				       json_object_new_string(db_get(res, i, "expected_output")));
		json_object_array_add(tests, t);
		meta[i].sample = !strcmp(db_get(res, i, "is_sample"), "t");
		meta[i].points = (int)db_getll(res, i, "points");
		snprintf(meta[i].id, sizeof(meta[i].id), "%s", db_get(res, i, "id"));
		*max_score += meta[i].points;
	}
	if (custom) {
		struct json_object *t = json_object_new_object();

		json_object_object_add(t, "id", json_object_new_string("custom"));
		json_object_object_add(t, "input", json_object_new_string_len(custom, (int)custom_len));
		json_object_object_add(t, "expected_output", json_object_new_string(""));
		json_object_array_add(tests, t);
	}
	json_object_object_add(req, "test_cases", tests);
	if (nt) {
		json_object_object_add(req, "timeout", json_object_new_double(
			(double)db_getll(res, 0, "time_limit_ms") / 1000.0));
		json_object_object_add(req, "memory_limit_mb",
				       json_object_new_int((int)db_getll(res, 0, "memory_limit_mb")));
	}
	return req;
}

/* The custom input's run: its output and how it ended, no verdict. */
static struct json_object *custom_result(struct json_object *tr)
{
	static const char *const ck[][2] = { { "input", "input" },
					     { "actual_output", "output" },
					     { "error", "error" },
					     { "exit_code", "exit_code" },
					     { "execution_time_ms", "execution_time_ms" },
					     { "memory_usage_bytes", "memory_usage_bytes" },
					     { "output_truncated", "output_truncated" } };
	struct json_object *c = json_object_new_object(), *v;
	size_t k;

	for (k = 0; k < sizeof(ck) / sizeof(ck[0]); k++)
		if (json_object_object_get_ex(tr, ck[k][0], &v))
			json_object_object_add(c, ck[k][1], json_object_get(v));
	if (json_object_object_get_ex(tr, "status", &v)) {
		const char *s = json_object_get_string(v);

		/* there is nothing to compare with: a clean run is just "ok" */
		json_object_object_add(c, "status", json_object_new_string(
			!strcmp(s, "accepted") || !strcmp(s, "wrong_answer") ? "ok" : s));
	}
	return c;
}

static int64_t figure(struct json_object *tr, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(tr, key, &v) ? json_object_get_int64(v) : 0;
}

/*
 * The judge's metadata for a candidate's submit.  Its memory peak and CPU
 * share are over all tests, so with one hidden test they are that test's own
 * figures: here they are taken over the shown (sample) tests only.  The
 * total time stays: it covers the whole submission, and the client can time
 * the request anyway.
 */
static struct json_object *shown_metadata(struct json_object *md, struct json_object *trs,
					  const struct proxy_test *meta, int nt)
{
	struct json_object *o = json_object_new_object();
	int64_t mem = 0, cpu = 0, wall = 0;
	char buf[32];
	int i;

	json_object_object_foreach(md, key, val)
		if (strcmp(key, "memory_usage_bytes") && strcmp(key, "memory_usage_mb") &&
		    strcmp(key, "cpu_usage_percent"))
			json_object_object_add(o, key, json_object_get(val));
	for (i = 0; i < nt && (size_t)i < json_object_array_length(trs); i++) {
		struct json_object *tr = json_object_array_get_idx(trs, (size_t)i);

		if (!meta[i].sample)
			continue;
		if (figure(tr, "memory_usage_bytes") > mem)
			mem = figure(tr, "memory_usage_bytes");
		cpu += figure(tr, "cpu_time_ms");
		wall += figure(tr, "execution_time_ms");
	}
	json_object_object_add(o, "memory_usage_bytes", json_object_new_int64(mem));
	snprintf(buf, sizeof(buf), "%.1f", (double)mem / 1048576.0);
	json_object_object_add(o, "memory_usage_mb", json_object_new_double_s((double)mem / 1048576.0, buf));
	snprintf(buf, sizeof(buf), "%.1f", wall ? 100.0 * (double)cpu / (double)wall : 0.0);
	json_object_object_add(o, "cpu_usage_percent",
			       json_object_new_double_s(wall ? 100.0 * (double)cpu / (double)wall : 0.0, buf));
	return o;
}

/*
 * The seed-001 response from the judge's: graded tests, custom input, summary.
 * On submit the non-sample tests are hidden; redact leaves out their data
 * (what the candidate gets), without it they keep it (what the recruiter's
 * record of the submission keeps).
 */
static struct json_object *proxy_response(struct json_object *resp, const struct proxy_test *meta,
					  int nt, bool submit, bool redact, const char *mode,
					  struct grade *g)
{
	struct json_object *out = http_ok(), *results = json_object_new_array(), *sum, *trs, *v;
	size_t i, ntr;

	g->status = NULL;
	g->passed = g->graded = g->score = 0;
	ntr = json_object_object_get_ex(resp, "test_results", &trs) ? json_object_array_length(trs) : 0;
	for (i = 0; i < ntr; i++) {
		struct json_object *tr = json_object_array_get_idx(trs, i);

		if (i >= (size_t)nt) {
			json_object_object_add(out, "custom", custom_result(tr));
			continue;
		}
		g->graded++;
		if (json_object_object_get_ex(tr, "passed", &v) && json_object_get_boolean(v)) {
			g->passed++;
			g->score += meta[i].points;
		} else if (!g->status && json_object_object_get_ex(tr, "status", &v)) {
			g->status = json_object_get_string(v);
		}
		json_object_array_add(results,
				      proxy_result(tr, &meta[i], submit && !meta[i].sample, redact));
	}
	if (!g->status)
		g->status = g->graded ? "accepted" : "completed";
	sum = json_object_new_object();
	json_object_object_add(sum, "total_tests", json_object_new_int(g->graded));
	json_object_object_add(sum, "passed", json_object_new_int(g->passed));
	json_object_object_add(sum, "failed", json_object_new_int(g->graded - g->passed));
	json_object_object_add(sum, "all_passed", json_object_new_boolean(g->graded && g->passed == g->graded));
	json_object_object_add(sum, "score", json_object_new_int(g->score));
	json_object_object_add(sum, "max_score", json_object_new_int(g->max_score));
	if (json_object_object_get_ex(resp, "execution_id", &v))
		json_object_object_add(out, "execution_id", json_object_get(v));
	json_object_object_add(out, "status", json_object_new_string(g->status));
	json_object_object_add(out, "mode", json_object_new_string(mode));
	json_object_object_add(out, "summary", sum);
	json_object_object_add(out, "results", results);
	if (json_object_object_get_ex(resp, "compile", &v))
		json_object_object_add(out, "compile", json_object_get(v));
	if (json_object_object_get_ex(resp, "metadata", &v))
		json_object_object_add(out, "metadata", submit && redact ? shown_metadata(v, trs, meta, nt)
									 : json_object_get(v));
	return out;
}

int h_proxy_execute(struct http_req *r)
{
	static const char *const fields[] = { "language", "code", "question_id", "mode",
					      "custom_input", NULL };
	struct json_object *body = NULL, *req = NULL, *resp = NULL, *out = NULL, *v;
	const char *lang = NULL, *code = NULL, *qkey = NULL, *mode = "run", *custom = NULL, *text;
	size_t code_len = 0, custom_len = 0, len;
	struct proxy_test *meta = NULL;
	char err[256] = "", qid[16], sid[40] = "", owner[64];
	int rc, found, invalid, nt;
	struct grade g;
	PGresult *res = NULL;
	enum session_rc srv;
	bool submit, db_down;

	/* a valid token first; whether the session still takes work depends on the mode */
	if (auth_any_candidate(r) < 0)
		return r->status;
	body = http_json_body(r, HTTP_MAX_PROXY_BODY);
	if (!body)
		return r->status;
	/* the server owns the tests: a body naming test_cases (seed 001) is refused, not ignored */
	if (jsonh_only(body, fields, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "unknown_field", "%s", err);
		goto out;
	}
	if (jsonh_str(body, "language", 32, &lang, NULL, err, sizeof(err)) != 0 ||
	    jsonh_str(body, "code", JUDGE_MAX_CODE, &code, &code_len, err, sizeof(err)) != 0 ||
	    jsonh_str(body, "mode", 16, &mode, NULL, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "custom_input", HTTP_MAX_PROXY_BODY, &custom, &custom_len, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, *err ? "invalid_field" : "missing_field", "%s",
				*err ? err : "'language' and 'code' are required");
		goto out;
	}
	v = NULL;
	if (json_object_object_get_ex(body, "question_id", &v) &&
	    json_object_is_type(v, json_type_int))
		qkey = json_object_get_string(v);
	else if (jsonh_str(body, "question_id", 64, &qkey, NULL, err, sizeof(err)) != 0) {
		rc = http_fail(r, 400, "missing_field", "'question_id' is required");
		goto out;
	}
	if (!lang_find(lang)) {
		rc = http_fail(r, 400, "invalid_language", "unknown language '%.32s'", lang);
		goto out;
	}
	if (!code_len) {
		rc = http_fail(r, 400, "invalid_field", "'code' is empty");
		goto out;
	}
	if (strcmp(mode, "run") && strcmp(mode, "submit")) {
		rc = http_fail(r, 400, "invalid_field", "'mode' must be run or submit");
		goto out;
	}
	submit = !strcmp(mode, "submit");
	srv = session_open(r->candidate_id, submit);
	if (srv != SESSION_OK) {
		rc = srv == SESSION_DB_ERROR ? api_db_error(r)
					     : http_fail(r, 409, "session_over", "the test session is over");
		goto out;
	}
	found = store_question_lookup(qkey, qid);
	if (found <= 0) {
		rc = found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
		goto out;
	}
	if (candidate_may_see(r, qid) < 0) {
		rc = r->status;
		goto out;
	}
	if (store_question_tests(qid, !submit, &res) != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	nt = PQntuples(res);
	if (nt == 0 && !custom) {
		rc = http_fail(r, 422, "no_tests", "this question has no %s tests",
				submit ? "" : "sample");
		goto out;
	}
	/* the server owns the tests: the client only names the question */
	meta = calloc((size_t)nt + 1, sizeof(*meta));
	if (!meta) {
		rc = http_fail(r, 503, "unavailable", "out of memory");
		goto out;
	}
	req = proxy_request(res, lang, code, code_len, qkey, submit ? NULL : custom, custom_len, meta,
			    &g.max_score);
	text = jsonh_text(req, &len);
	snprintf(owner, sizeof(owner), "session:%s", r->candidate_id);
	resp = queue_run(submit ? JOB_SUBMIT : JOB_RUN, owner, text, len, &invalid, &db_down, err, sizeof(err));
	if (!resp) {
		rc = db_down ? api_db_error(r) : api_sandbox_error(r, err);
		goto out;
	}
	if (invalid) {
		rc = api_judge_error(r, json_object_get(resp));
		goto out;
	}

	out = proxy_response(resp, meta, nt, submit, true, mode, &g);
	if (submit) {
		struct json_object *record = proxy_response(resp, meta, nt, true, false, mode, &g);

		struct store_submission row = { r->candidate_id, qid, lang, code, g.status, g.passed,
						g.graded, g.score, g.max_score, record };
		enum db_err e = store_submission_insert(&row, sid);

		json_object_put(record);
		if (e != DB_OK) {
			rc = api_db_error(r);
			goto out;
		}
		json_object_object_add(out, "submission_id", json_object_new_string(sid));
	}
	rc = http_json(r, 200, out);
	out = NULL;
out:
	free(meta);
	PQclear(res);
	json_object_put(out);
	json_object_put(resp);
	json_object_put(req);
	json_object_put(body);
	return rc;
}
