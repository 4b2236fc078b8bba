/* api_admin.c - the recruiter's API: login, questions and tests, candidates and invitations */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_admin.h"
#include "api_common.h"
#include "audit.h"
#include "utf8.h"
#include "uuid.h"
#include "auth.h"
#include "db.h"
#include "invite_link.h"
#include "invite_mail.h"
#include "jsonh.h"
#include "lang.h"
#include "session.h"
#include "signature.h"
#include "store_candidate.h"
#include "question.h"
#include "store_question.h"
#include "store_test.h"


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
	char q[256] = "", d[32] = "", t[64] = "", a[8] = "";
	struct json_object *list;
	int dberr = 0;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	if (!http_query(r, "q", q, sizeof(q)))
		q[0] = '\0';
	if (!http_query(r, "difficulty", d, sizeof(d)))
		d[0] = '\0';
	if (!http_query(r, "tag", t, sizeof(t)))
		t[0] = '\0';
	/* archived questions are hidden unless asked for */
	list = store_question_admin_list_json(q, d, t,
					      http_query(r, "archived", a, sizeof(a)) && !strcmp(a, "true"),
					      &dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "questions", list);
}

int h_admin_question_get(struct http_req *r)
{
	struct json_object *q;
	char qid[16];
	int found, dberr = 0;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	q = store_question_admin_json(qid, &dberr);
	if (!q)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	return api_ok_with(r, "question", q);
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

/* Check and store a question document (qid NULL: a new one), then answer it. */
static int save_question(struct http_req *r, struct json_object *doc, const char *qid)
{
	struct api_err e = { 0 };
	char id[16] = "";
	int rc;

	if (question_check(doc, !qid, &e) < 0)
		return http_fail(r, e.status, e.code, "%s", e.msg);
	if (db_begin() != DB_OK)
		return api_db_error(r);
	rc = question_save(doc, qid, id, &e);
	if (rc == 0 && !qid && store_question_set_author(id, r->admin_id) != DB_OK)
		rc = -1;
	if (rc == 0 && db_commit() == DB_OK) {
		audit(r, qid ? "question.update" : "question.create", "question", qid ? qid : id,
		      audit_field(doc, "title"));
		return send_question(r, qid ? qid : id, qid ? 200 : 201);
	}
	/* one way out of a failed transaction: roll back; the client fixes the tests or retries */
	db_rollback();
	return rc == -2 ? http_fail(r, e.status, e.code, "%s", e.msg) : api_db_error(r);
}

/*
 * POST /api/admin/signature {"signature": "function: ...\nparams: ...\nreturns: ..."}:
 * the signature parsed (its JSON and canonical text) and the stub each language's
 * candidates would start from.
 */
int h_admin_signature(struct http_req *r)
{
	static const char *const fields[] = { "signature", NULL };
	struct json_object *body, *out = NULL, *stubs;
	struct strbuf text = STRBUF_INIT;
	struct signature sig;
	const char *s = NULL;
	char err[256] = "";
	size_t n = 0, i;
	int rc;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	body = http_json_body(r, HTTP_MAX_API_BODY);
	if (!body)
		return r->status;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "signature", SIG_MAX_TEXT, &s, &n, err, sizeof(err)) != 0) {
		rc = http_fail(r, 400, *err ? "invalid_field" : "missing_field", "%s",
			       *err ? err : "'signature' (its text form) is required");
		goto out;
	}
	if (sig_parse_text(s, n, &sig, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_signature", "%s", err);
		goto out;
	}
	out = http_ok();
	stubs = json_object_new_object();
	for (i = 0; i < nlangs; i++) {
		struct strbuf stub = STRBUF_INIT;

		if (sig_stub(&sig, &langs[i], &stub) == 0)
			json_object_object_add(stubs, langs[i].id,
					       json_object_new_string_len(stub.buf, (int)stub.len));
		strbuf_release(&stub);
	}
	sig_to_text(&sig, &text);
	json_object_object_add(out, "signature", sig_json(&sig));
	json_object_object_add(out, "text", json_object_new_string_len(text.buf, (int)text.len));
	json_object_object_add(out, "stubs", stubs);
	rc = http_json(r, 200, out);
out:
	strbuf_release(&text);
	json_object_put(body);
	return rc;
}

int h_admin_question_create(struct http_req *r)
{
	struct json_object *body;
	int rc;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	body = http_json_body(r, HTTP_MAX_API_BODY);
	if (!body)
		return r->status;
	rc = save_question(r, body, NULL);
	json_object_put(body);
	return rc;
}

int h_admin_question_update(struct http_req *r)
{
	struct json_object *body;
	char qid[16];
	int rc, found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	body = http_json_body(r, HTTP_MAX_API_BODY);
	if (!body)
		return r->status;
	rc = save_question(r, body, qid);
	json_object_put(body);
	return rc;
}

int h_admin_question_delete(struct http_req *r)
{
	struct json_object *o;
	char qid[16];
	int found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	found = store_question_delete(qid);
	if (found < 0)
		return api_db_error(r);
	if (!found)
		return http_fail(r, 404, "not_found", "no such question");
	audit(r, found == 2 ? "question.archive" : "question.delete", "question", qid, NULL);
	/* a question in use is archived: its tests and candidates keep it */
	o = http_ok();
	json_object_object_add(o, "deleted", json_object_new_boolean(found == 1));
	json_object_object_add(o, "archived", json_object_new_boolean(found == 2));
	return http_json(r, 200, o);
}

/* ---- candidates ---- */

void admin_invite_url(const struct http_req *r, const char *token, char *out, size_t len)
{
	const char *base = getenv("CE_PUBLIC_URL");

	if (base && *base)
		snprintf(out, len, "%s/test/?invite=%s", base, token);
	else
		snprintf(out, len, "%s://%s/test/?invite=%s", r->scheme, r->host, token);
}

/*
 * Answer the candidate and their new link; with send_email, the link goes out by e-mail
 * first (README, "Invitations by e-mail") and the answer says what became of it ("mail").
 */
static int send_invite(struct http_req *r, const char *cid, const char *token, int status, bool send_email)
{
	struct json_object *c, *o, *mail = NULL;
	struct invite_mail im;
	char url[512];
	int dberr;

	admin_invite_url(r, token, url, sizeof(url));
	if (send_email) {
		invite_mail_init(&im);
		mail = invite_mail_send(&im, r, cid, url);
		invite_mail_release(&im);
	}
	c = store_candidate_json(cid, &dberr);
	if (!c) {
		json_object_put(mail);
		return api_db_error(r);
	}
	o = http_ok();
	json_object_object_add(o, "candidate", c);
	json_object_object_add(o, "invite_token", json_object_new_string(token));
	json_object_object_add(o, "invite_url", json_object_new_string(url));
	if (mail)
		json_object_object_add(o, "mail", mail);
	return http_json(r, status, o);
}

int h_admin_candidate_create(struct http_req *r)
{
	struct json_object *body, *qids = NULL;
	const char *name = NULL, *email = "", *phone = "";
	char err[256], token[TOKEN_HEX_LEN + 1], nonce[INVITE_NONCE_HEX_LEN + 1], dur[16], cid[40], qid[16];
	long long minutes = 60;
	bool archived, no_tests, send_email = false;
	size_t i, n;
	int rc, g, found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
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
	    jsonh_int(body, "test_duration_minutes", 1, 1440, &minutes, err, sizeof(err)) < 0 ||
	    jsonh_bool(body, "send_email", &send_email, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	/* a message that could not be addressed is refused before anything is stored */
	if (send_email && invite_mail_check(name, email, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	if ((g = jsonh_get(body, "question_ids", json_type_array, &qids, err, sizeof(err))) != 0 ||
	    (n = json_object_array_length(qids)) < 1 || n > 50) {
		rc = http_fail(r, 400, g < 0 ? "invalid_field" : "missing_field",
				"'question_ids' must list 1 to 50 questions");
		goto out;
	}
	if (invite_link_new(token, nonce) < 0) {
		rc = http_fail(r, 503, "unavailable", "no randomness available; retry");
		goto out;
	}
	snprintf(dur, sizeof(dur), "%lld", minutes);
	if (db_begin() != DB_OK ||
	    store_candidate_insert(&(struct store_candidate){ name, email, phone, dur, token, r->admin_id,
							      nonce },
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
		if (found > 0)
			found = store_test_question_state(qid, &archived, &no_tests) < 0 ? -1
				: archived ? 2 : no_tests ? 3 : 1;
		if (found != 1) {
			db_rollback();
			rc = found < 0 ? api_db_error(r)
			     : found == 2 ? http_fail(r, 409, "question_archived",
						      "question_ids[%zu] is archived: it cannot go into a new test", i)
			     : found == 3 ? http_fail(r, 409, "question_has_no_tests",
						      "question_ids[%zu] has no test cases: nobody could score on it", i)
				       : http_fail(r, 404, "not_found", "question_ids[%zu]: no such question", i);
			goto out;
		}
		if (store_candidate_add_question(cid, qid, (int)i + 1) != DB_OK)
			goto tx_fail;
	}
	/* the candidate's questions become a test of their own (README, "Jobs and tests") */
	if (store_test_one_off(cid, r->admin_id) != DB_OK || db_commit() != DB_OK)
		goto tx_fail;
	audit(r, "candidate.invite", "candidate", cid, audit_field(body, "name"));
	rc = send_invite(r, cid, token, 201, send_email);
	goto out;
tx_fail:
	/* one way out of a failed transaction: roll back, tell the client to retry */
	db_rollback();
	rc = api_db_error(r);
out:
	json_object_put(body);
	return rc;
}

/* A search of the candidates: UTF-8 text of at most 100 characters, no control characters. */
static bool search_ok(const char *s)
{
	size_t n = strlen(s), chars = 0, i;

	if (!utf8_valid(s, n))
		return false;
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	}
	return chars <= 100;
}

/*
 * GET /api/admin/candidates?status=&from=&until=&q=&sort=&order=&page=&per_page=: newest
 * first, 1000 a page unless asked; q: text the name or e-mail holds, any case, at most 100
 * characters.
 */
int h_admin_candidates_list(struct http_req *r)
{
	static const char *const statuses[] = { "invited", "active", "completed", "abandoned", NULL };
	static const char *const sorts[] = { "name", "status", "score", "started_at", "created_at",
					     "integrity", NULL };
	static const char *const orders[] = { "asc", "desc", NULL };
	struct store_candidate_filter f = { 0 };
	char status[16], from[16], until[16], sort[16], order[8], search[404] = "";
	struct json_object *res;
	int dberr = 0;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	if (!http_query(r, "q", search, sizeof(search))) {
		search[0] = '\0';
		if (r->query && (!strncmp(r->query, "q=", 2) || strstr(r->query, "&q=")))
			return http_fail(r, 400, "invalid_field", "'q' must be at most 100 characters");
	}
	if (!search_ok(search))
		return http_fail(r, 400, "invalid_field", "'q' must be at most 100 characters of text");
	if (api_query_one_of(r, "status", statuses, status, sizeof(status)) < 0 ||
	    api_query_date(r, "from", from) < 0 || api_query_date(r, "until", until) < 0 ||
	    api_query_one_of(r, "sort", sorts, sort, sizeof(sort)) < 0 ||
	    api_query_one_of(r, "order", orders, order, sizeof(order)) < 0 ||
	    api_query_page(r, 1000, 1000, &f.page, &f.per_page) < 0)
		return r->status;
	f.status = status;
	f.from = from;
	f.until = until;
	f.search = search;
	f.sort = *sort ? sort : "created_at";
	/* names and statuses read A to Z, the rest newest, best or most flagged first */
	f.order = *order ? order : !strcmp(f.sort, "name") || !strcmp(f.sort, "status") ? "asc" : "desc";
	res = store_candidate_list_json(auth_reader(r), &f, &dberr);
	if (!res)
		return api_db_error(r);
	return api_send_page(r, res, "candidates", f.page, f.per_page);
}

int h_admin_candidate_get(struct http_req *r)
{
	struct json_object *c, *o;
	int dberr;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0 || auth_may_read_candidate(r, r->m.params[0]) < 0)
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

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
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
	audit(r, reopen ? "candidate.reopen" : "candidate.update", "candidate", id, json_object_get(body));
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

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	if (!uuid_valid(id))
		return http_fail(r, 404, "not_found", "no such candidate");
	found = store_candidate_delete(id);
	if (found != 1)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	audit(r, "candidate.delete", "candidate", id, NULL);
	return http_json(r, 200, http_ok());
}

/* May candidate id's invitation go out by e-mail (name and address)?  -1 after recording why. */
static int check_mailable(struct http_req *r, const char *id)
{
	struct json_object *c, *name, *email;
	char err[320];
	int dberr, rc = 0;

	c = store_candidate_json(id, &dberr);
	if (!c)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate"), -1;
	json_object_object_get_ex(c, "name", &name);
	json_object_object_get_ex(c, "email", &email);
	if (invite_mail_check(json_object_get_string(name), email ? json_object_get_string(email) : "",
			      err, sizeof(err)) < 0)
		rc = (http_fail(r, 400, "invalid_field", "%s", err), -1);
	json_object_put(c);
	return rc;
}

/* A new link for candidate id (the old one stops working), sent by e-mail when asked. */
static int new_link(struct http_req *r, const char *id, bool send_email)
{
	char token[TOKEN_HEX_LEN + 1], nonce[INVITE_NONCE_HEX_LEN + 1];
	int found;

	if (invite_link_new(token, nonce) < 0)
		return http_fail(r, 503, "unavailable", "no randomness available; retry");
	found = store_candidate_set_invite(id, token, nonce);
	if (found != 1)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	audit(r, "candidate.reinvite", "candidate", id, NULL);
	return send_invite(r, id, token, 200, send_email);
}

/*
 * GET /api/admin/candidates/:id/link: the candidate's current link, made again from its nonce
 * (README, "Invitation links").  404 no_link for a link that cannot be made again: one made
 * before links could be shown, without a secret, or under another secret.
 */
int h_admin_candidate_link(struct http_req *r)
{
	const char *id = r->m.params[0];
	char nonce[INVITE_NONCE_HEX_LEN + 1] = "", token[TOKEN_HEX_LEN + 1], url[512];
	struct json_object *o;
	int found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	if (!uuid_valid(id))
		return http_fail(r, 404, "not_found", "no such candidate");
	found = store_candidate_invite_nonce(id, nonce);
	if (found != 1)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	/* the token made again must be the one the link is looked up by: a changed secret is not */
	found = invite_link_token(nonce, token) < 0 ? 0 : store_candidate_invite_is(id, token);
	if (found < 0)
		return api_db_error(r);
	if (!found)
		return http_fail(r, 404, "no_link", "this candidate's link cannot be shown again"
				 " (it was made before links were kept, or under another link secret):"
				 " make a new link");
	audit(r, "candidate.link", "candidate", id, NULL);
	admin_invite_url(r, token, url, sizeof(url));
	o = http_ok();
	json_object_object_add(o, "invite_token", json_object_new_string(token));
	json_object_object_add(o, "invite_url", json_object_new_string(url));
	return http_json(r, 200, o);
}

/* POST /api/admin/candidates/:id/invite [{"send_email": true}]: a new link. */
int h_admin_candidate_invite(struct http_req *r)
{
	static const char *const fields[] = { "send_email", NULL };
	const char *id = r->m.params[0];
	struct json_object *body;
	bool send_email = false;
	char err[256] = "";
	int rc;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	if (!uuid_valid(id))
		return http_fail(r, 404, "not_found", "no such candidate");
	body = http_json_body(r, 4096);
	if (!body)
		return r->status;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0 ||
	    jsonh_bool(body, "send_email", &send_email, err, sizeof(err)) < 0)
		rc = http_fail(r, 400, "invalid_field", "%s", err);
	else if (send_email && check_mailable(r, id) < 0)
		rc = r->status;
	else
		rc = new_link(r, id, send_email);
	json_object_put(body);
	return rc;
}

/*
 * POST /api/admin/candidates/:id/mail: send the invitation again.  The server keeps only
 * the hash of a link's token, so the message carries a new link and the old one stops
 * working.
 */
int h_admin_candidate_mail(struct http_req *r)
{
	const char *id = r->m.params[0];

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	if (!uuid_valid(id))
		return http_fail(r, 404, "not_found", "no such candidate");
	if (!mail_enabled())
		return http_fail(r, 409, "mail_disabled", "mail is off: the server has no SMTP_URL");
	if (check_mailable(r, id) < 0)
		return r->status;
	return new_link(r, id, true);
}
