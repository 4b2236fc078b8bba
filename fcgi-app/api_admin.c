/* api_admin.c - the recruiter's API: login, questions and tests, candidates and invitations */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_admin.h"
#include "api_common.h"
#include "uuid.h"
#include "auth.h"
#include "db.h"
#include "jsonh.h"
#include "lang.h"
#include "session.h"
#include "store_candidate.h"
#include "store_question.h"


int h_admin_login(struct http_req *r)
{
	struct json_object *body = http_json_body(r, 64 * 1024), *o;
	const char *user = NULL, *pass = NULL;
	char token[TOKEN_HEX_LEN + 1], err[256];
	int rc, ok;

	if (!body)
		return r->status;
	if (jsonh_str(body, "username", 128, &user, NULL, err, sizeof(err)) != 0 ||
	    jsonh_str(body, "password", 1024, &pass, NULL, err, sizeof(err)) != 0) {
		rc = http_fail(r, 400, "missing_field", "'username' and 'password' are required");
		goto out;
	}
	if (auth_new_token(token) < 0) {
		rc = http_fail(r, 503, "unavailable", "no randomness available; retry");
		goto out;
	}
	ok = auth_login(user, pass, token, cfg.admin_token_hours);
	if (ok != 1) {
		rc = ok < 0 ? api_db_error(r)
			    : http_fail(r, 401, "invalid_credentials", "wrong username or password");
		goto out;
	}
	o = http_ok();
	json_object_object_add(o, "token", json_object_new_string(token));
	json_object_object_add(o, "username", json_object_new_string(user));
	json_object_object_add(o, "expires_in_hours", json_object_new_int(cfg.admin_token_hours));
	rc = http_json(r, 200, o);
out:
	json_object_put(body);
	return rc;
}

int h_admin_logout(struct http_req *r)
{
	if (auth_admin(r) < 0)
		return r->status;
	if (auth_logout(http_bearer(r)) < 0)
		return api_db_error(r);
	return http_json(r, 200, http_ok());
}

/* ---- questions ---- */

int h_admin_questions_list(struct http_req *r)
{
	char q[256] = "", d[32] = "", t[64] = "";
	struct json_object *list;
	int dberr = 0;

	if (auth_admin(r) < 0)
		return r->status;
	if (!http_query(r, "q", q, sizeof(q)))
		q[0] = '\0';
	if (!http_query(r, "difficulty", d, sizeof(d)))
		d[0] = '\0';
	if (!http_query(r, "tag", t, sizeof(t)))
		t[0] = '\0';
	list = store_question_admin_list_json(q, d, t, &dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "questions", list);
}

int h_admin_question_get(struct http_req *r)
{
	struct json_object *q;
	char qid[16];
	int found, dberr = 0;

	if (auth_admin(r) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	q = store_question_admin_json(qid, &dberr);
	if (!q)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	return api_ok_with(r, "question", q);
}

/* A question body, validated; fields absent from an update stay NULL. */
struct qbody {
	const char *title, *question, *difficulty;
	char tags[8192], boiler[1 << 18];
	bool has_tags, has_boiler;
	long long time_ms, mem_mb;
	bool has_time, has_mem;
	char time_s[16], mem_s[16];	/* the limits as SQL parameters */
	struct json_object *tests;
};

static int check_question(struct http_req *r, struct json_object *b, struct qbody *q, bool create)
{
	struct json_object *v;
	const char *text;
	char err[256];
	size_t i, n;
	int g;

	memset(q, 0, sizeof(*q));
	if ((g = jsonh_str(b, "title", 200, &q->title, NULL, err, sizeof(err))) < 0 ||
	    (g == 1 && create))
		return http_fail(r, 400, g < 0 ? "invalid_field" : "missing_field", "%s",
				  g < 0 ? err : "'title' is required");
	if (q->title && !*q->title)
		return http_fail(r, 400, "invalid_field", "'title' is empty");
	if ((g = jsonh_str(b, "question", 200000, &q->question, NULL, err, sizeof(err))) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	if (g == 1 && (g = jsonh_str(b, "description", 200000, &q->question, NULL, err, sizeof(err))) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	if (g == 1 && create)
		return http_fail(r, 400, "missing_field", "'question' (the statement) is required");
	if ((g = jsonh_str(b, "difficulty", 16, &q->difficulty, NULL, err, sizeof(err))) < 0 ||
	    (g == 1 && create))
		return http_fail(r, 400, g < 0 ? "invalid_field" : "missing_field", "%s",
				  g < 0 ? err : "'difficulty' is required");
	if (q->difficulty && strcasecmp(q->difficulty, "easy") && strcasecmp(q->difficulty, "medium") &&
	    strcasecmp(q->difficulty, "hard"))
		return http_fail(r, 400, "invalid_field", "'difficulty' must be easy, medium or hard");
	if ((g = jsonh_get(b, "tags", json_type_array, &v, err, sizeof(err))) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	if (g == 0) {
		n = json_object_array_length(v);
		if (n > 20)
			return http_fail(r, 400, "invalid_field", "at most 20 tags");
		for (i = 0; i < n; i++) {
			struct json_object *t = json_object_array_get_idx(v, i);

			if (!json_object_is_type(t, json_type_string) || !json_object_get_string_len(t) ||
			    json_object_get_string_len(t) > 40)
				return http_fail(r, 400, "invalid_field",
						  "tags must be strings of 1 to 40 characters");
		}
		snprintf(q->tags, sizeof(q->tags), "%s", jsonh_db_text(v, NULL));
		q->has_tags = true;
	}
	if ((g = jsonh_get(b, "boiler_plate", json_type_object, &v, err, sizeof(err))) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	if (g == 0) {
		json_object_object_foreach(v, key, val) {
			if (!lang_find(key))
				return http_fail(r, 400, "invalid_language",
						  "boiler_plate: unknown language '%.32s'", key);
			if (!json_object_is_type(val, json_type_string) ||
			    json_object_get_string_len(val) > 32768)
				return http_fail(r, 400, "invalid_field",
						  "boiler_plate.%s must be a string of at most 32 KiB", key);
		}
		text = jsonh_db_text(v, NULL);
		if (strlen(text) >= sizeof(q->boiler))
			return http_fail(r, 413, "payload_too_large", "boiler_plate is too large");
		snprintf(q->boiler, sizeof(q->boiler), "%s", text);
		q->has_boiler = true;
	}
	if ((g = jsonh_int(b, "time_limit_ms", 100, 30000, &q->time_ms, err, sizeof(err))) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	q->has_time = g == 0;
	if ((g = jsonh_int(b, "memory_limit_mb", 32, 2048, &q->mem_mb, err, sizeof(err))) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	q->has_mem = g == 0;
	if ((g = jsonh_get(b, "test_cases", json_type_array, &q->tests, err, sizeof(err))) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	if (q->tests) {
		n = json_object_array_length(q->tests);
		if (n > JUDGE_MAX_TESTS)
			return http_fail(r, 400, "invalid_field", "at most %d test cases",
					  JUDGE_MAX_TESTS);
		for (i = 0; i < n; i++) {
			struct json_object *t = json_object_array_get_idx(q->tests, i);
			const char *s;
			long long pts;
			bool sample;

			if (!json_object_is_type(t, json_type_object))
				return http_fail(r, 400, "invalid_field", "test_cases[%zu] must be an object", i);
			if (jsonh_str(t, "input", JUDGE_MAX_IO, &s, NULL, err, sizeof(err)) < 0 ||
			    jsonh_str(t, "expected_output", JUDGE_MAX_IO, &s, NULL, err, sizeof(err)) < 0 ||
			    jsonh_bool(t, "is_sample", &sample, err, sizeof(err)) < 0 ||
			    jsonh_int(t, "points", 0, 1000, &pts, err, sizeof(err)) < 0)
				return http_fail(r, 400, "invalid_field", "test_cases[%zu]: %s", i, err);
			if (jsonh_str(t, "expected_output", JUDGE_MAX_IO, &s, NULL, err, sizeof(err)) == 1)
				return http_fail(r, 400, "missing_field",
						  "test_cases[%zu].expected_output is required", i);
		}
	}
	return 0;
}

static int insert_tests(const char *qid, struct json_object *tests)
{
	size_t i, n = json_object_array_length(tests);

	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(tests, i);
		const char *in = "", *out = "";
		char err[64], pts[16];
		long long points = 1;
		bool sample = false;

		jsonh_str(t, "input", JUDGE_MAX_IO, &in, NULL, err, sizeof(err));
		jsonh_str(t, "expected_output", JUDGE_MAX_IO, &out, NULL, err, sizeof(err));
		jsonh_bool(t, "is_sample", &sample, err, sizeof(err));
		jsonh_int(t, "points", 0, 1000, &points, err, sizeof(err));
		snprintf(pts, sizeof(pts), "%lld", points);
		if (store_test_insert(qid, in, out, sample, pts, (int)i + 1) != DB_OK)
			return -1;
	}
	return 0;
}

static int send_question(struct http_req *r, const char *qid, int status)
{
	struct json_object *q, *o;
	int dberr;

	q = store_question_admin_json(qid, &dberr);
	if (!q)
		return api_db_error(r);
	o = http_ok();
	json_object_object_add(o, "question", q);
	return http_json(r, status, o);
}

/*
 * The request's question, validated, with a create's defaults filled in; NULL
 * when the error went out.  The caller frees it and puts *body.
 */
static struct qbody *read_question(struct http_req *r, bool create, struct json_object **body)
{
	struct qbody *q;

	*body = http_json_body(r, HTTP_MAX_API_BODY);
	if (!*body)
		return NULL;
	q = malloc(sizeof(*q));
	if (!q) {
		http_fail(r, 503, "unavailable", "out of memory");
		return NULL;
	}
	if (check_question(r, *body, q, create) != 0) {
		free(q);
		return NULL;
	}
	if (create && !q->has_time)
		q->time_ms = 2000;
	if (create && !q->has_mem)
		q->mem_mb = 256;
	snprintf(q->time_s, sizeof(q->time_s), "%lld", q->time_ms);
	snprintf(q->mem_s, sizeof(q->mem_s), "%lld", q->mem_mb);
	return q;
}

int h_admin_question_create(struct http_req *r)
{
	struct json_object *body = NULL;
	struct store_question row;
	struct qbody *q;
	char qid[16];
	int rc;

	if (auth_admin(r) < 0)
		return r->status;
	q = read_question(r, true, &body);
	if (!q) {
		rc = r->status;
		goto out;
	}
	row = (struct store_question){
		.title = q->title, .question = q->question, .difficulty = q->difficulty,
		.tags_json = q->has_tags ? q->tags : "[]",
		.boiler_json = q->has_boiler ? q->boiler : "{}",
		.time_limit_ms = q->time_s, .memory_limit_mb = q->mem_s,
	};
	if (db_begin() != DB_OK || store_question_insert(&row, qid) != DB_OK)
		goto tx_fail;
	if ((q->tests && insert_tests(qid, q->tests) < 0) || db_commit() != DB_OK)
		goto tx_fail;
	rc = send_question(r, qid, 201);
	goto out;
tx_fail:
	/* one way out of a failed transaction: roll back, tell the client to retry */
	db_rollback();
	rc = api_db_error(r);
out:
	free(q);
	json_object_put(body);
	return rc;
}

int h_admin_question_update(struct http_req *r)
{
	struct json_object *body = NULL;
	struct store_question row;
	struct qbody *q;
	char qid[16];
	int rc, found;

	if (auth_admin(r) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	q = read_question(r, false, &body);
	if (!q) {
		rc = r->status;
		goto out;
	}
	row = (struct store_question){
		.title = q->title, .question = q->question, .difficulty = q->difficulty,
		.tags_json = q->has_tags ? q->tags : NULL, .boiler_json = q->has_boiler ? q->boiler : NULL,
		.time_limit_ms = q->has_time ? q->time_s : NULL,
		.memory_limit_mb = q->has_mem ? q->mem_s : NULL,
	};
	if (db_begin() != DB_OK || store_question_update(qid, &row) != DB_OK)
		goto tx_fail;
	/* the given list replaces the tests */
	if (q->tests && (store_test_delete_all(qid) != DB_OK || insert_tests(qid, q->tests) < 0))
		goto tx_fail;
	if (db_commit() != DB_OK)
		goto tx_fail;
	rc = send_question(r, qid, 200);
	goto out;
tx_fail:
	/* one way out of a failed transaction: roll back, tell the client to retry */
	db_rollback();
	rc = api_db_error(r);
out:
	free(q);
	json_object_put(body);
	return rc;
}

int h_admin_question_delete(struct http_req *r)
{
	char qid[16];
	int found;

	if (auth_admin(r) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	found = store_question_delete(qid);
	if (found < 0)
		return api_db_error(r);
	if (!found)
		return http_fail(r, 409, "question_in_use",
				 "this question is in a candidate's test; remove the candidate first");
	return http_json(r, 200, http_ok());
}

/* ---- candidates ---- */

static void invite_url(const struct http_req *r, const char *token, char *out, size_t len)
{
	const char *base = getenv("CE_PUBLIC_URL");

	if (base && *base)
		snprintf(out, len, "%s/test/?invite=%s", base, token);
	else
		snprintf(out, len, "%s://%s/test/?invite=%s", r->scheme, r->host, token);
}

static int send_invite(struct http_req *r, const char *cid, const char *token, int status)
{
	const char *p[1] = { cid };
	struct json_object *c, *o;
	char url[512];
	int dberr;

	c = store_candidate_json(p[0], &dberr);
	if (!c)
		return api_db_error(r);
	invite_url(r, token, url, sizeof(url));
	o = http_ok();
	json_object_object_add(o, "candidate", c);
	json_object_object_add(o, "invite_token", json_object_new_string(token));
	json_object_object_add(o, "invite_url", json_object_new_string(url));
	return http_json(r, status, o);
}

int h_admin_candidate_create(struct http_req *r)
{
	struct json_object *body, *qids = NULL;
	const char *name = NULL, *email = "", *phone = "";
	char err[256], token[TOKEN_HEX_LEN + 1], dur[16], cid[40], qid[16];
	long long minutes = 60;
	size_t i, n;
	int rc, g, found;

	if (auth_admin(r) < 0)
		return r->status;
	body = http_json_body(r, 256 * 1024);
	if (!body)
		return r->status;
	if ((g = jsonh_str(body, "name", 200, &name, NULL, err, sizeof(err))) != 0 || !*name) {
		rc = http_fail(r, 400, g < 0 ? "invalid_field" : "missing_field", "%s",
				g < 0 ? err : "'name' is required");
		goto out;
	}
	if (jsonh_str(body, "email", 200, &email, NULL, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "phone", 50, &phone, NULL, err, sizeof(err)) < 0 ||
	    jsonh_int(body, "test_duration_minutes", 1, 1440, &minutes, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	if ((g = jsonh_get(body, "question_ids", json_type_array, &qids, err, sizeof(err))) != 0 ||
	    (n = json_object_array_length(qids)) < 1 || n > 50) {
		rc = http_fail(r, 400, g < 0 ? "invalid_field" : "missing_field",
				"'question_ids' must list 1 to 50 questions");
		goto out;
	}
	if (auth_new_token(token) < 0) {
		rc = http_fail(r, 503, "unavailable", "no randomness available; retry");
		goto out;
	}
	snprintf(dur, sizeof(dur), "%lld", minutes);
	if (db_begin() != DB_OK ||
	    store_candidate_insert(&(struct store_candidate){ name, email, phone, dur, token, r->admin_id },
				   cid) != DB_OK)
		goto tx_fail;
	for (i = 0; i < n; i++) {
		struct json_object *v = json_object_array_get_idx(qids, i);

		if (!json_object_is_type(v, json_type_string) && !json_object_is_type(v, json_type_int)) {
			db_rollback();
			rc = http_fail(r, 400, "invalid_field", "question_ids[%zu] must be an id", i);
			goto out;
		}
		found = store_question_lookup(json_object_get_string(v), qid);
		if (found <= 0) {
			db_rollback();
			rc = found < 0 ? api_db_error(r)
				       : http_fail(r, 404, "not_found", "question_ids[%zu]: no such question", i);
			goto out;
		}
		if (store_candidate_add_question(cid, qid, (int)i + 1) != DB_OK)
			goto tx_fail;
	}
	if (db_commit() != DB_OK)
		goto tx_fail;
	rc = send_invite(r, cid, token, 201);
	goto out;
tx_fail:
	/* one way out of a failed transaction: roll back, tell the client to retry */
	db_rollback();
	rc = api_db_error(r);
out:
	json_object_put(body);
	return rc;
}

int h_admin_candidates_list(struct http_req *r)
{
	struct json_object *list;
	int dberr = 0;

	if (auth_admin(r) < 0)
		return r->status;
	list = store_candidate_list_json(&dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "candidates", list);
}

int h_admin_candidate_get(struct http_req *r)
{
	struct json_object *c, *o;
	int dberr;

	if (auth_admin(r) < 0)
		return r->status;
	c = store_candidate_detail_json(r->m.params[0], &dberr);
	if (!c)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	o = http_ok();
	json_object_object_add(o, "candidate", c);
	return http_json(r, 200, o);
}

int h_admin_candidate_update(struct http_req *r)
{
	struct json_object *body, *c;
	const char *id = r->m.params[0], *name = NULL, *email = NULL;
	char err[256], ext[16] = "0";
	long long extend = 0;
	bool reopen = false;
	enum session_rc srv;
	int rc, dberr, found;

	if (auth_admin(r) < 0)
		return r->status;
	if (!uuid_valid(id))
		return http_fail(r, 404, "not_found", "no such candidate");
	body = http_json_body(r, 64 * 1024);
	if (!body)
		return r->status;
	if (jsonh_str(body, "name", 200, &name, NULL, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "email", 200, &email, NULL, err, sizeof(err)) < 0 ||
	    jsonh_int(body, "extend_minutes", 0, 1440, &extend, err, sizeof(err)) < 0 ||
	    jsonh_bool(body, "reopen", &reopen, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	snprintf(ext, sizeof(ext), "%lld", extend);
	/* the name and the clock change together or not at all */
	if (db_begin() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	found = store_candidate_rename(id, name, email);
	if (found != 1) {
		rc = found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
		goto rollback;
	}
	if (extend || reopen) {
		srv = session_extend(id, ext, reopen);
		if (srv != SESSION_OK) {
			rc = srv == SESSION_DB_ERROR
				     ? api_db_error(r)
				     : http_fail(r, 409, "no_session",
						  "the candidate has not started the test yet");
			goto rollback;
		}
	}
	if (db_commit() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	c = store_candidate_json(id, &dberr);
	if (!c) {
		rc = api_db_error(r);
		goto out;
	}
	rc = api_ok_with(r, "candidate", c);
	goto out;
rollback:
	db_rollback();
out:
	json_object_put(body);
	return rc;
}

int h_admin_candidate_delete(struct http_req *r)
{
	const char *id = r->m.params[0];
	int found;

	if (auth_admin(r) < 0)
		return r->status;
	if (!uuid_valid(id))
		return http_fail(r, 404, "not_found", "no such candidate");
	found = store_candidate_delete(id);
	if (found != 1)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	return http_json(r, 200, http_ok());
}

int h_admin_candidate_invite(struct http_req *r)
{
	const char *id = r->m.params[0];
	char token[TOKEN_HEX_LEN + 1];
	int found;

	if (auth_admin(r) < 0)
		return r->status;
	if (!uuid_valid(id))
		return http_fail(r, 404, "not_found", "no such candidate");
	if (auth_new_token(token) < 0)
		return http_fail(r, 503, "unavailable", "no randomness available; retry");
	/* a new link replaces the old one */
	found = store_candidate_set_invite(id, token);
	if (found != 1)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	return send_invite(r, id, token, 200);
}
