/*
 * api_reports.c - what recruiters take away: checking a reference solution
 * against a question's tests before saving it, every candidate's scores as
 * CSV, and a printable report of one candidate rendered from templates/.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api_jobs.h"
#include "api_reports.h"
#include "api_common.h"
#include "auth.h"
#include "db.h"
#include "grade.h"
#include "queue.h"
#include "jsonh.h"
#include "lang.h"
#include "playback.h"
#include "store_candidate.h"
#include "store_job.h"
#include "store_question.h"
#include "tmpl.h"

/*
 * POST /api/admin/questions/check {language, code, time_limit_ms?, memory_limit_mb?,
 * output_limit_kb?, checker?, groups?, signature?, test_cases: [{input, expected_output,
 * group?, points?}]}: the executor's answer for a question that may not be saved yet.  The judge validates what it is given; only the
 * fields named here reach it.
 */
int h_admin_check(struct http_req *r)
{
	static const char *const copy[] = { "language", "code", "test_cases", "memory_limit_mb",
					    "output_limit_kb", "checker", "groups", "signature" };
	struct json_object *body, *req, *resp, *v;
	char err[256] = "", owner[32];
	struct job_new j = { .kind = JOB_CHECK, .owner = owner };
	struct job_end end;
	enum queue_rc rc;
	long long ms = 0;
	size_t i;
	const char *text;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	body = http_json_body(r, HTTP_MAX_BODY);
	if (!body)
		return r->status;
	/* the range a question may have */
	if (jsonh_int(body, "time_limit_ms", 100, (long long)(JUDGE_MAX_TIMEOUT * 1000), &ms, err,
		      sizeof(err)) < 0) {
		json_object_put(body);
		return http_fail(r, 400, "invalid_field", "%s", err);
	}
	req = json_object_new_object();
	for (i = 0; i < sizeof(copy) / sizeof(copy[0]); i++)
		if (json_object_object_get_ex(body, copy[i], &v))
			json_object_object_add(req, copy[i], json_object_get(v));
	if (ms)
		json_object_object_add(req, "timeout", json_object_new_double((double)ms / 1000.0));
	json_object_put(body);
	text = jsonh_text(req, NULL);
	snprintf(owner, sizeof(owner), "admin:%d", r->admin_id);
	j.request = text;
	resp = queue_run(&j, &rc, &end);
	json_object_put(req);
	if (!resp)
		return api_queue_error(r, rc, &end);
	if (end.invalid)
		return api_judge_error(r, resp);
	json_object_object_add(resp, "success", json_object_new_boolean(1));
	return http_json(r, 200, resp);
}

/*
 * POST /api/admin/questions/:id/check {language, code}: a solution judged
 * against the saved question as a submit is, with its checker and groups:
 * the per-test verdicts and the group scores.
 */
int h_admin_question_check(struct http_req *r)
{
	static const char *const fields[] = { "language", "code", NULL };
	struct json_object *body, *resp = NULL;
	const char *lang = NULL, *code = NULL;
	char err[256] = "", qid[16], owner[32];
	struct job_end end;
	enum queue_rc rc;
	size_t len = 0;
	int found, status;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	body = http_json_body(r, HTTP_MAX_BODY);
	if (!body)
		return r->status;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0) {
		status = http_fail(r, 400, "unknown_field", "%s", err);
		goto out;
	}
	if (jsonh_str(body, "language", 32, &lang, NULL, err, sizeof(err)) != 0 ||
	    jsonh_str(body, "code", JUDGE_MAX_CODE, &code, &len, err, sizeof(err)) != 0 || !len) {
		status = http_fail(r, 400, *err ? "invalid_field" : "missing_field", "%s",
				   *err ? err : "'language' and 'code' are required");
		goto out;
	}
	if (!lang_find(lang)) {
		status = http_fail(r, 400, "invalid_language", "unknown language '%.32s'", lang);
		goto out;
	}
	snprintf(owner, sizeof(owner), "admin:%d", r->admin_id);
	resp = grade_check(qid, lang, code, len, owner, &rc, &end);
	if (!resp) {
		status = rc == QUEUE_DB && end.how == JOB_FAILED && !end.invalid
				 ? http_fail(r, 422, "no_tests", "this question has no tests")
				 : api_queue_error(r, rc, &end);
		goto out;
	}
	if (end.invalid) {
		status = api_judge_error(r, resp);
		resp = NULL;
		goto out;
	}
	json_object_object_add(resp, "success", json_object_new_boolean(1));
	status = http_json(r, 200, resp);
	resp = NULL;
out:
	json_object_put(resp);
	json_object_put(body);
	return status;
}

/* One CSV field: quoted, quotes doubled, and a leading = + - @ defused so that a
 * spreadsheet shows a candidate's name instead of running it as a formula. */
static void csv_field(struct strbuf *sb, const char *s, int last)
{
	strbuf_addstr(sb, "\"");
	if (*s && strchr("=+-@\t\r", *s))
		strbuf_addstr(sb, "'");
	for (; *s; s++) {
		if (*s == '"')
			strbuf_addstr(sb, "\"");
		strbuf_add(sb, s, 1);
	}
	strbuf_addstr(sb, last ? "\"\r\n" : "\",");
}

/* A column per question of cols (number, title): "Q<number> <title>". */
static void csv_question_heads(struct strbuf *sb, PGresult *cols)
{
	char name[300];
	int k;

	for (k = 0; k < PQntuples(cols); k++) {
		snprintf(name, sizeof(name), "Q%s %s", db_get(cols, k, "number"), db_get(cols, k, "title"));
		csv_field(sb, name, 0);
	}
}

/* The cells under csv_question_heads(): each question's score in map (JSON text), or empty. */
static void csv_question_scores(struct strbuf *sb, PGresult *cols, const char *map)
{
	char err[64];
	struct json_object *scores = jsonh_parse(map, strlen(map), err, sizeof(err)), *v;
	int k;

	for (k = 0; k < PQntuples(cols); k++)
		csv_field(sb, scores && json_object_object_get_ex(scores, db_get(cols, k, "number"), &v)
				      ? json_object_get_string(v) : "", 0);
	json_object_put(scores);
}

/*
 * GET /api/admin/export/scores.csv: one row per candidate, newest first, with a column per
 * question any of them has (the best score; empty where the candidate does not have it).
 */
int h_admin_export_scores(struct http_req *r)
{
	static const char *const head[] = { "name", "email", "status", "completion_method",
					    "started_at", "completed_at", "questions", "solved" };
	static const char *const tail[] = { "score", "max_score", "percent" };
	const size_t nhead = sizeof(head) / sizeof(head[0]), ntail = sizeof(tail) / sizeof(tail[0]);
	struct strbuf sb = STRBUF_INIT;
	PGresult *cols, *rows;
	int i, rc;
	size_t j;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	if (store_candidate_scores(auth_reader(r), &cols, &rows) != DB_OK)
		return api_db_error(r);
	for (j = 0; j < nhead; j++)
		csv_field(&sb, head[j], 0);
	csv_question_heads(&sb, cols);
	for (j = 0; j < ntail; j++)
		csv_field(&sb, tail[j], j + 1 == ntail);
	for (i = 0; i < PQntuples(rows); i++) {
		for (j = 0; j < nhead; j++)
			csv_field(&sb, db_get(rows, i, head[j]), 0);
		csv_question_scores(&sb, cols, db_get(rows, i, "scores"));
		for (j = 0; j < ntail; j++)
			csv_field(&sb, db_get(rows, i, tail[j]), j + 1 == ntail);
	}
	PQclear(cols);
	PQclear(rows);
	rc = http_send(r, 200, "text/csv; charset=utf-8",
		       "Content-Disposition: attachment; filename=\"scores.csv\"\r\n", sb.buf, sb.len);
	strbuf_release(&sb);
	return rc;
}

/*
 * GET /api/admin/jobs/:id/export.csv: one row per candidate of the job's tests, newest
 * first: who, which test, the status and times, a column per question of those tests
 * (the score as the test counts it; empty where the candidate's test has no such
 * question), the total, its maximum, and the reviewers' ratings (each author's latest:
 * "alice: Strong yes; bob: No").
 */
int h_admin_job_export(struct http_req *r)
{
	static const char *const head[] = { "name", "email", "test", "version", "status",
					    "invited_at", "started_at", "completed_at" };
	const size_t nhead = sizeof(head) / sizeof(head[0]);
	const char *job = r->m.params[0];
	struct strbuf sb = STRBUF_INIT;
	PGresult *cols = NULL, *rows = NULL;
	int i, rc;
	size_t j;

	if (api_job_found(r, job, ROLE_REVIEWER) < 0)
		return r->status;
	if (store_job_export(job, &cols, &rows) != DB_OK)
		return api_db_error(r);
	for (j = 0; j < nhead; j++)
		csv_field(&sb, head[j], 0);
	csv_question_heads(&sb, cols);
	csv_field(&sb, "total", 0);
	csv_field(&sb, "max_total", 0);
	csv_field(&sb, "ratings", 1);
	for (i = 0; i < PQntuples(rows); i++) {
		for (j = 0; j < nhead; j++)
			csv_field(&sb, db_get(rows, i, head[j]), 0);
		csv_question_scores(&sb, cols, db_get(rows, i, "scores"));
		csv_field(&sb, db_get(rows, i, "total"), 0);
		csv_field(&sb, db_get(rows, i, "max_total"), 0);
		csv_field(&sb, db_get(rows, i, "ratings"), 1);
	}
	PQclear(cols);
	PQclear(rows);
	rc = http_send(r, 200, "text/csv; charset=utf-8",
		       "Content-Disposition: attachment; filename=\"job.csv\"\r\n", sb.buf, sb.len);
	strbuf_release(&sb);
	return rc;
}

/* "2026-11-22T03:04:05.123456+00:00" -> "2026-11-22 03:04:05 UTC", in place, through the tree. */
static void readable_times(struct json_object *o)
{
	if (json_object_is_type(o, json_type_array)) {
		size_t i, n = json_object_array_length(o);

		for (i = 0; i < n; i++)
			readable_times(json_object_array_get_idx(o, i));
	} else if (json_object_is_type(o, json_type_object)) {
		json_object_object_foreach(o, key, v) {
			const char *s;
			char t[32];

			if (!json_object_is_type(v, json_type_string)) {
				readable_times(v);
				continue;
			}
			s = json_object_get_string(v);
			if (strlen(s) < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
			    s[16] != ':' || strspn(s, "0123456789") != 4)
				continue;
			snprintf(t, sizeof(t), "%.10s %.8s UTC", s, s + 11);
			json_object_object_add(o, key, json_object_new_string(t));
		}
	}
}

/* What the printable report calls an event of the timeline. */
static const struct {
	const char *kind, *label;
} event_labels[] = {
	{ "start", "Test started" },
	{ "resume", "Came back (page reopened or reconnected)" },
	{ "tab_close", "Tab closed" },
	{ "heartbeat_gap", "Heartbeat gap" },
	{ "extended", "Time extended by a recruiter" },
	{ "reopened", "Test reopened by a recruiter" },
	{ "end", "Test ended" },
	{ "activity", "Working" },
	{ "run", "Ran the code" },
	{ "paste", "Pasted" },
	{ "copy", "Copied out of the page" },
	{ "focus_lost", "Left the page" },
};

/* "wrong_answer" -> "Wrong answer" */
static struct json_object *humane(const char *s)
{
	struct json_object *o = json_object_new_string(s);
	char *t = (char *)json_object_get_string(o), *c;

	for (c = t; *c; c++)
		if (*c == '_')
			*c = ' ';
	if (*t >= 'a' && *t <= 'z')
		*t = (char)(*t - 'a' + 'A');
	return o;
}

/*
 * The printable report's words for the codes in the tree: beside every "status", "method",
 * "completion_method", "kind" and "language" a "<key>_label", and in every "results" array
 * each test's "number" (1-based) in place of its internal id.
 */
static void readable_labels(struct json_object *o)
{
	static const char *const coded[] = { "status", "method", "completion_method", "kind", "language" };
	struct json_object *labels[5] = { NULL };
	size_t i, k;

	if (json_object_is_type(o, json_type_array)) {
		for (i = 0; i < json_object_array_length(o); i++)
			readable_labels(json_object_array_get_idx(o, i));
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	for (k = 0; k < 5; k++) {
		struct json_object *v = json_object_object_get(o, coded[k]);
		const char *s = json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
		const struct lang *l = k == 4 && s ? lang_find(s) : NULL;

		if (!s)
			continue;
		labels[k] = l ? json_object_new_string(l->name) : humane(s);
		for (i = 0; k == 3 && i < sizeof(event_labels) / sizeof(event_labels[0]); i++)
			if (!strcmp(s, event_labels[i].kind)) {
				json_object_put(labels[k]);
				labels[k] = json_object_new_string(event_labels[i].label);
			}
	}
	json_object_object_foreach(o, key, v) {
		if (!strcmp(key, "results") && json_object_is_type(v, json_type_array))
			for (i = 0; i < json_object_array_length(v); i++) {
				struct json_object *t = json_object_array_get_idx(v, i);

				if (json_object_is_type(t, json_type_object))
					json_object_object_add(t, "number", json_object_new_int((int)i + 1));
			}
		readable_labels(v);
	}
	for (k = 0; k < 5; k++)
		if (labels[k]) {
			char name[32];

			snprintf(name, sizeof(name), "%s_label", coded[k]);
			json_object_object_add(o, name, labels[k]);
		}
}

/* GET /api/admin/candidates/:id/report: templates/report.html filled in. */
int h_admin_candidate_report(struct http_req *r)
{
	struct strbuf tpl = STRBUF_INIT, out = STRBUF_INIT;
	struct json_object *c, *data;
	char err[256], now[32];
	time_t t = time(NULL);
	struct tm tm;
	int dberr, rc;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0 || auth_may_read_candidate(r, r->m.params[0]) < 0)
		return r->status;
	c = store_candidate_detail_json(r->m.params[0], &dberr);
	if (!c)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	readable_times(c);
	readable_labels(c);
	strftime(now, sizeof(now), "%Y-%m-%d %H:%M:%S UTC", gmtime_r(&t, &tm));
	data = json_object_new_object();
	json_object_object_add(data, "candidate", c);
	json_object_object_add(data, "generated_at", json_object_new_string(now));
	/* read on each request: a recruiter may restyle it without a restart */
	if (api_read_template("report.html", &tpl) < 0) {
		fprintf(stderr, "ce-fcgi: report: cannot read %s/report.html\n", cfg.templates);
		rc = http_fail(r, 503, "unavailable", "the report template is missing");
	} else if (tmpl_render(tpl.buf, data, &out, err, sizeof(err)) < 0) {
		fprintf(stderr, "ce-fcgi: report: %s\n", err);
		rc = http_fail(r, 503, "unavailable", "the report template is malformed");
	} else {
		rc = http_send(r, 200, "text/html; charset=utf-8", NULL, out.buf, out.len);
	}
	json_object_put(data);
	strbuf_release(&tpl);
	strbuf_release(&out);
	return rc;
}

/*
 * GET /api/admin/candidates/:id/playback?question_id=Q: what the candidate's editor recorded
 * on question Q (uuid or number), with the markers of runs, submits, pastes, copies and
 * focus lost (playback.h), for the report's player and for other tools.
 */
int h_admin_candidate_playback(struct http_req *r)
{
	struct json_object *p;
	char q[64];
	int dberr;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0 || auth_may_read_candidate(r, r->m.params[0]) < 0)
		return r->status;
	if (!http_query(r, "question_id", q, sizeof(q)) || !*q)
		return http_fail(r, 400, "missing_field", "'question_id' is required");
	p = playback_json(r->m.params[0], q, &dberr);
	if (!p)
		return dberr ? api_db_error(r)
			     : http_fail(r, 404, "not_found", "no such candidate, or the question is not in their test");
	return api_ok_with(r, "playback", p);
}
