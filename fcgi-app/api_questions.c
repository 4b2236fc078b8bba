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
#include "grade.h"
#include "queue.h"
#include "jsonh.h"
#include "lang.h"
#include "playback.h"
#include "session.h"
#include "signature.h"
#include "store_candidate.h"
#include "store_question.h"
#include "store_submission.h"
#include "store_test.h"

void api_fill_starters(struct json_object *bp, struct json_object *sig)
{
	struct signature parsed;
	bool function = sig && json_object_is_type(sig, json_type_object) &&
			sig_from_json(sig, &parsed, NULL, 0) == 0;
	size_t i;

	for (i = 0; i < nlangs; i++) {
		struct strbuf stub = STRBUF_INIT;
		struct json_object *v;

		if (json_object_object_get_ex(bp, langs[i].id, &v))
			continue;
		if (function && sig_stub(&parsed, &langs[i], &stub) == 0)
			json_object_object_add(bp, langs[i].id,
					       json_object_new_string_len(stub.buf, (int)stub.len));
		else
			json_object_object_add(bp, langs[i].id,
					       json_object_new_string(api_default_starter(langs[i].id)));
		strbuf_release(&stub);
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
		api_fill_starters(bp, json_object_object_get(q, "signature"));
	json_object_object_get_ex(q, "test_cases", &tc);
	o = http_ok();
	if (tc)
		json_object_object_add(o, "test_cases", json_object_get(tc));
	json_object_object_add(o, "question", q);
	return http_json(r, 200, o);
}

/* GET /api/questions/:id/statement.pdf: a statement that came only as a PDF, for whoever may see the question. */
int h_question_pdf(struct http_req *r)
{
	struct strbuf pdf = STRBUF_INIT;
	char qid[16];
	int found, a = auth_try_admin(r), rc;

	if (a < 0)
		return api_db_error(r);
	if (a == 0 && auth_any_candidate(r) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	if (a == 0 && candidate_may_see(r, qid) < 0)
		return r->status;
	found = store_question_pdf(qid, &pdf);
	if (found <= 0)
		rc = found < 0 ? api_db_error(r)
			       : http_fail(r, 404, "not_found", "this question has no PDF statement");
	else
		rc = http_send(r, 200, "application/pdf",
			       "Content-Disposition: inline; filename=\"statement.pdf\"\r\n"
			       "X-Content-Type-Options: nosniff\r\n", pdf.buf, pdf.len);
	strbuf_release(&pdf);
	return rc;
}

/* ---- /proxy/execute ---- */

struct json_object *api_candidate_answer(struct json_object *resp, const char *context)
{
	struct json_object *ctx, *sub = NULL, *out = NULL;
	struct grade g = { 0 };
	struct grade_test *meta = NULL;
	char err[128];
	int i, nt = 0;
	bool submit;

	ctx = jsonh_parse(context ? context : "", context ? strlen(context) : 0, err, sizeof(err));
	if (!ctx || !(meta = grade_context_tests(ctx, &nt)))
		goto out;
	submit = json_object_object_get_ex(ctx, "submission", &sub);
	for (i = 0; i < nt; i++)
		g.max_score += meta[i].points;
	out = grade_response(resp, meta, nt, submit, true, submit ? "submit" : "run", &g);
	/*
	 * The judge host completed the stored submission with the recruiter's
	 * record; the candidate sees a submit as it was stored (a NUL byte as
	 * U+FFFD, see jsonh_db_text).
	 */
	if (submit) {
		jsonh_db_text(out, NULL);
		json_object_object_add(out, "submission_id", json_object_get(sub));
	}
out:
	free(meta);
	json_object_put(ctx);
	return out;
}

/* A function question's custom input is its params as JSON: refused here, with why, when it is not. */
static int custom_input_refused(struct http_req *r, PGresult *res, const char *custom, size_t len)
{
	const char *text = PQntuples(res) ? db_get(res, 0, "signature") : "";
	struct signature sig;
	char err[256];

	if (!*text || sig_parse_json(text, strlen(text), &sig, err, sizeof(err)) < 0)
		return 0;
	if (sig_check_input(&sig, custom, len, err, sizeof(err)) < 0)
		return http_fail(r, 400, "invalid_field", "custom_input: %s", err), -1;
	return 0;
}

int h_proxy_execute(struct http_req *r)
{
	static const char *const fields[] = { "language", "code", "question_id", "mode",
					      "custom_input", NULL };
	struct json_object *body = NULL, *req = NULL, *resp = NULL, *out = NULL, *ctx = NULL, *v;
	const char *lang = NULL, *code = NULL, *qkey = NULL, *mode = "run", *custom = NULL;
	size_t code_len = 0, custom_len = 0;
	struct grade_test *meta = NULL;
	char err[256] = "", qid[16], sid[40] = "", owner[64], job[24], token[40];
	struct job_new j = { .kind = JOB_RUN };
	struct job_end end;
	enum queue_rc qrc;
	int rc, found, nt;
	struct grade g;
	PGresult *res = NULL;
	enum session_rc srv;
	bool submit;

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
	/* the candidate's test version names the languages it takes */
	found = store_test_language_ok(r->candidate_id, lang);
	if (found != 1) {
		rc = found < 0 ? api_db_error(r)
			       : http_fail(r, 400, "language_not_allowed",
					   "this test does not allow %s; use one of the languages it offers", lang);
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
	if (custom && !submit && custom_input_refused(r, res, custom, custom_len) < 0) {
		rc = r->status;
		goto out;
	}
	/* the server owns the tests: the client only names the question */
	meta = calloc((size_t)nt + 1, sizeof(*meta));
	if (!meta) {
		rc = http_fail(r, 503, "unavailable", "out of memory");
		goto out;
	}
	req = grade_request(res, submit, lang, code, code_len, qkey, submit ? NULL : custom,
			    custom_len, meta, &g.max_score);
	snprintf(owner, sizeof(owner), "session:%s", r->candidate_id);
	j.kind = submit ? JOB_SUBMIT : JOB_RUN;
	j.owner = owner;
	j.request = jsonh_text(req, NULL);
	if (submit) {
		/* stored before it runs: the submission 'queued' and its job, in one transaction */
		struct json_object *none = json_object_new_object();
		struct store_submission row = { r->candidate_id, qid, lang, code, "queued", 0, nt, 0,
						g.max_score, none };

		qrc = QUEUE_DB;
		if (db_begin() == DB_OK && store_submission_insert(&row, sid) == DB_OK) {
			ctx = grade_context(sid, meta, nt);
			j.context = jsonh_text(ctx, NULL);
			qrc = queue_add(&j, job, token);
		}
		if (qrc != QUEUE_OK || db_commit() != DB_OK) {
			db_rollback();
			qrc = qrc == QUEUE_OK ? QUEUE_DB : qrc;
		}
		json_object_put(none);
	} else {
		ctx = grade_context(NULL, meta, nt);
		j.context = jsonh_text(ctx, NULL);
		qrc = queue_add(&j, job, token);
		if (qrc == QUEUE_OK)
			playback_mark_run(r->candidate_id, qid, lang);
	}
	if (qrc != QUEUE_OK) {
		rc = api_queue_error(r, qrc, NULL);
		goto out;
	}
	if (api_no_wait(r)) {
		out = api_queued(token);
		if (submit)
			json_object_object_add(out, "submission_id", json_object_new_string(sid));
		rc = http_json(r, 202, out);
		out = NULL;
		goto out;
	}
	resp = queue_wait(job, &end);
	if (!resp) {
		rc = api_queue_error(r, QUEUE_OK, &end);
		goto out;
	}
	if (end.invalid) {
		rc = api_judge_error(r, json_object_get(resp));
		goto out;
	}
	out = api_candidate_answer(resp, j.context);
	if (!out) {
		rc = api_sandbox_error(r, "a job context that does not parse");
		goto out;
	}
	rc = http_json(r, 200, out);
	out = NULL;
out:
	free(meta);
	PQclear(res);
	json_object_put(out);
	json_object_put(resp);
	json_object_put(ctx);
	json_object_put(req);
	json_object_put(body);
	return rc;
}
