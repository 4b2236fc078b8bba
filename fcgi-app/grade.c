/* grade.c - a candidate's run or submit: the judge's request from a question's tests, and the graded answer */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "grade.h"
#include "http.h"
#include "jsonh.h"
#include "store_question.h"
#include "store_submission.h"

/*
 * A result entry in the seed-001 shape.  With redact, a hidden test shows its
 * verdict and points only: a program can encode the hidden input in its time,
 * CPU time or memory as easily as in its output or exit code.
 */
static struct json_object *graded_result(struct json_object *tr, const struct grade_test *t,
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
						{ "output_truncated", "output_truncated" },
						{ "score", "score" },
						{ "group", "group" },
						{ "stdout", "stdout" } };
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
	/* the checker's reasons are for the question's author: they may quote the answer */
	if (!redact && json_object_object_get_ex(tr, "checker_message", &v))
		json_object_object_add(o, "checker_message", json_object_get(v));
	return o;
}


/*
 * The judge request for the question's tests (rows of res) plus the custom
 * input of a run; meta gets each test's id, points and sample flag.
 */
/* A JSON column of the first row, parsed; NULL when absent, null or not JSON. */
static struct json_object *column_json(PGresult *res, const char *col)
{
	const char *t = PQntuples(res) ? db_get(res, 0, col) : "";
	char err[64];

	return *t ? jsonh_parse(t, strlen(t), err, sizeof(err)) : NULL;
}

/* What the tests are worth: each group's points ("sum": its tests'), and tests in no group. */
static double worth(struct json_object *groups, PGresult *res, const struct grade_test *meta,
		    int nt)
{
	size_t g, n = groups ? json_object_array_length(groups) : 0;
	double total = 0;
	int i;

	for (i = 0; i < nt; i++)
		if (!*db_get(res, i, "group_name") || !n)
			total += meta[i].points;
	for (g = 0; g < n; g++) {
		struct json_object *jg = json_object_array_get_idx(groups, g), *v;
		const char *name = json_object_get_string(json_object_object_get(jg, "name"));
		const char *rule = json_object_object_get_ex(jg, "rule", &v) ? json_object_get_string(v)
									       : "sum";

		if (strcmp(rule, "sum")) {
			total += json_object_get_double(json_object_object_get(jg, "points"));
			continue;
		}
		for (i = 0; i < nt; i++)
			if (name && !strcmp(db_get(res, i, "group_name"), name))
				total += meta[i].points;
	}
	return total;
}

struct json_object *grade_request(PGresult *res, bool submit, const char *lang, const char *code,
				  size_t code_len, const char *qkey, const char *custom,
				  size_t custom_len, struct grade_test *meta, double *max_score)
{
	struct json_object *req = json_object_new_object(), *tests = json_object_new_array();
	struct json_object *checker = column_json(res, "checker");
	struct json_object *groups = submit ? column_json(res, "groups") : NULL;
	struct json_object *signature = column_json(res, "signature");
	int i, nt = PQntuples(res);

	json_object_object_add(req, "language", json_object_new_string(lang));
	json_object_object_add(req, "code", json_object_new_string_len(code, (int)code_len));
	json_object_object_add(req, "question_id", json_object_new_string(qkey));
	if (groups && !json_object_array_length(groups)) {
		json_object_put(groups);
		groups = NULL;
	}
	for (i = 0; i < nt; i++) {
		struct json_object *t = json_object_new_object();

		json_object_object_add(t, "id", json_object_new_string(db_get(res, i, "id")));
		json_object_object_add(t, "input", json_object_new_string(db_get(res, i, "input_data")));
		json_object_object_add(t, "expected_output",
				       json_object_new_string(db_get(res, i, "expected_output")));
		json_object_object_add(t, "points", json_object_new_int((int)db_getll(res, i, "points")));
		if (groups && *db_get(res, i, "group_name"))
			json_object_object_add(t, "group",
					       json_object_new_string(db_get(res, i, "group_name")));
		json_object_array_add(tests, t);
		meta[i].sample = !strcmp(db_get(res, i, "is_sample"), "t");
		meta[i].points = (int)db_getll(res, i, "points");
		snprintf(meta[i].id, sizeof(meta[i].id), "%s", db_get(res, i, "id"));
	}
	*max_score = worth(groups, res, meta, nt);
	if (custom) {
		struct json_object *t = json_object_new_object();

		json_object_object_add(t, "id", json_object_new_string("custom"));
		json_object_object_add(t, "input", json_object_new_string_len(custom, (int)custom_len));
		json_object_object_add(t, "expected_output", json_object_new_string(""));
		json_object_object_add(t, "check", json_object_new_boolean(0));
		json_object_array_add(tests, t);
	}
	json_object_object_add(req, "test_cases", tests);
	if (checker)
		json_object_object_add(req, "checker", checker);
	if (signature)
		json_object_object_add(req, "signature", signature);
	if (groups)
		json_object_object_add(req, "groups", groups);
	if (nt) {
		json_object_object_add(req, "timeout", json_object_new_double(
			(double)db_getll(res, 0, "time_limit_ms") / 1000.0));
		json_object_object_add(req, "memory_limit_mb",
				       json_object_new_int((int)db_getll(res, 0, "memory_limit_mb")));
		json_object_object_add(req, "output_limit_kb",
				       json_object_new_int((int)db_getll(res, 0, "output_limit_kb")));
	}
	return req;
}

/* The judge's group scores; a candidate sees each group's, not which tests make it. */
static struct json_object *graded_groups(struct json_object *groups, bool redact)
{
	static const char *const keep[] = { "name", "rule", "status", "score", "max_score" };
	struct json_object *out = json_object_new_array(), *v;
	size_t i, k;

	for (i = 0; i < json_object_array_length(groups); i++) {
		struct json_object *g = json_object_array_get_idx(groups, i);
		struct json_object *o = json_object_new_object();

		for (k = 0; k < sizeof(keep) / sizeof(keep[0]); k++)
			if (json_object_object_get_ex(g, keep[k], &v))
				json_object_object_add(o, keep[k], json_object_get(v));
		if (!redact && json_object_object_get_ex(g, "tests", &v))
			json_object_object_add(o, "tests", json_object_get(v));
		json_object_array_add(out, o);
	}
	return out;
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
					     { "output_truncated", "output_truncated" },
					     { "stdout", "stdout" } };
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
					  const struct grade_test *meta, int nt)
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
struct json_object *grade_response(struct json_object *resp, const struct grade_test *meta,
					  int nt, bool submit, bool redact, const char *mode,
					  struct grade *g)
{
	struct json_object *out = http_ok(), *results = json_object_new_array(), *sum, *trs, *v;
	double points = 0;
	size_t i, ntr;

	g->status = NULL;
	g->passed = g->graded = 0;
	g->score = 0;
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
			points += meta[i].points;
		}
		else if (!g->status && json_object_object_get_ex(tr, "status", &v) &&
			 strcmp(json_object_get_string(v), "skipped"))
			g->status = json_object_get_string(v);
		json_object_array_add(results,
				      graded_result(tr, &meta[i], submit && !meta[i].sample, redact));
	}
	if (!g->status)
		g->status = g->graded ? "accepted" : "completed";
	/*
	 * The judge scores: partial credit, groups and their rules.  A judge host
	 * from before scores (during an upgrade) gives none: each passed test's points.
	 */
	g->score = points;
	if (json_object_object_get_ex(resp, "summary", &v)) {
		if (json_object_object_get_ex(v, "score", &sum))
			g->score = json_object_get_double(sum);
		if (json_object_object_get_ex(v, "max_score", &sum))
			g->max_score = json_object_get_double(sum);
	}
	sum = json_object_new_object();
	json_object_object_add(sum, "total_tests", json_object_new_int(g->graded));
	json_object_object_add(sum, "passed", json_object_new_int(g->passed));
	json_object_object_add(sum, "failed", json_object_new_int(g->graded - g->passed));
	json_object_object_add(sum, "all_passed", json_object_new_boolean(g->graded && g->passed == g->graded));
	json_object_object_add(sum, "score", json_object_new_double(g->score));
	json_object_object_add(sum, "max_score", json_object_new_double(g->max_score));
	if (json_object_object_get_ex(resp, "execution_id", &v))
		json_object_object_add(out, "execution_id", json_object_get(v));
	json_object_object_add(out, "status", json_object_new_string(g->status));
	json_object_object_add(out, "mode", json_object_new_string(mode));
	json_object_object_add(out, "summary", sum);
	json_object_object_add(out, "results", results);
	if (json_object_object_get_ex(resp, "groups", &v))
		json_object_object_add(out, "groups", graded_groups(v, redact));
	if (json_object_object_get_ex(resp, "compile", &v))
		json_object_object_add(out, "compile", json_object_get(v));
	if (json_object_object_get_ex(resp, "metadata", &v))
		json_object_object_add(out, "metadata", submit && redact ? shown_metadata(v, trs, meta, nt)
									 : json_object_get(v));
	return out;
}

struct json_object *grade_context(const char *submission_id, const struct grade_test *meta, int nt)
{
	struct json_object *o = json_object_new_object(), *tests = json_object_new_array();
	int i;

	for (i = 0; i < nt; i++) {
		struct json_object *t = json_object_new_object();

		json_object_object_add(t, "id", json_object_new_string(meta[i].id));
		json_object_object_add(t, "points", json_object_new_int(meta[i].points));
		json_object_object_add(t, "sample", json_object_new_boolean(meta[i].sample));
		json_object_array_add(tests, t);
	}
	if (submission_id)
		json_object_object_add(o, "submission", json_object_new_string(submission_id));
	json_object_object_add(o, "tests", tests);
	return o;
}

struct grade_test *grade_context_tests(struct json_object *ctx, int *nt)
{
	struct json_object *tests, *t, *v;
	struct grade_test *meta;
	size_t i, n;

	if (!json_object_object_get_ex(ctx, "tests", &tests) ||
	    !json_object_is_type(tests, json_type_array))
		return NULL;
	n = json_object_array_length(tests);
	meta = calloc(n + 1, sizeof(*meta));
	for (i = 0; meta && i < n; i++) {
		t = json_object_array_get_idx(tests, i);
		if (json_object_object_get_ex(t, "id", &v))
			snprintf(meta[i].id, sizeof(meta[i].id), "%s", json_object_get_string(v));
		if (json_object_object_get_ex(t, "points", &v))
			meta[i].points = json_object_get_int(v);
		meta[i].sample = json_object_object_get_ex(t, "sample", &v) && json_object_get_boolean(v);
	}
	*nt = (int)n;
	return meta;
}

int grade_complete(const char *context, struct json_object *resp, bool invalid)
{
	struct json_object *ctx, *sub;
	struct grade_test *meta = NULL;
	struct grade g = { 0 };
	struct json_object *record;
	char err[128];
	int i, nt = 0, rc = -1;

	if (!context || !*context)
		return 0;
	ctx = jsonh_parse(context, strlen(context), err, sizeof(err));
	if (ctx && !json_object_object_get_ex(ctx, "submission", &sub)) {
		rc = 0;		/* a run's: nothing is stored but the job */
		goto out;
	}
	if (!ctx || !(meta = grade_context_tests(ctx, &nt)))
		goto out;
	for (i = 0; i < nt; i++)
		g.max_score += meta[i].points;
	if (invalid) {
		rc = store_submission_complete(json_object_get_string(sub), "internal_error", 0, nt, 0,
					       resp) == DB_OK ? 1 : -1;
		goto out;
	}
	record = grade_response(resp, meta, nt, true, false, "submit", &g);
	rc = store_submission_complete(json_object_get_string(sub), g.status, g.passed, g.graded,
				       g.score, record) == DB_OK ? 1 : -1;
	json_object_put(record);
out:
	free(meta);
	json_object_put(ctx);
	return rc;
}

struct json_object *grade_check(const char *qid, const char *lang, const char *code,
				size_t code_len, const char *owner, enum queue_rc *rc,
				struct job_end *end)
{
	struct job_new j = { .kind = JOB_CHECK, .owner = owner };
	struct json_object *req = NULL, *resp = NULL;
	struct grade_test *meta = NULL;
	PGresult *res = NULL;
	double max_score;

	*rc = QUEUE_DB;
	memset(end, 0, sizeof(*end));
	end->how = JOB_DB_DOWN;
	if (store_question_tests(qid, false, &res) != DB_OK)
		return NULL;
	meta = calloc((size_t)PQntuples(res) + 1, sizeof(*meta));
	if (meta && PQntuples(res)) {
		req = grade_request(res, true, lang, code, code_len, qid, NULL, 0, meta, &max_score);
		j.request = jsonh_text(req, NULL);
		resp = queue_run(&j, rc, end);
	} else if (meta) {
		end->how = JOB_FAILED;
	}
	json_object_put(req);
	free(meta);
	PQclear(res);
	return resp;
}
