/* api_jobs.c - the recruiter's jobs, tests and versions, invitations to a test, the pipeline */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api_admin.h"
#include "api_common.h"
#include "api_jobs.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "invite_link.h"
#include "invite_mail.h"
#include "jsonh.h"
#include "lang.h"
#include "store_candidate.h"
#include "store_job.h"
#include "store_question.h"
#include "store_test.h"

#define MAX_TITLE 200
#define MAX_TEXT 20000
#define MAX_MEMBERS 100
#define MAX_TEST_QUESTIONS 50
#define MAX_INVITE_BODY (1024u * 1024)

/* Is s a row id (1 to 9 digits, no sign)? */
/* ---- jobs ---- */

/* Check a job body into a document for store_job.h; -1 after recording the error. */
static int job_doc(struct http_req *r, struct json_object *body, bool create, struct json_object **doc)
{
	static const char *const fields[] = { "title", "description", "members", NULL };
	struct json_object *members = NULL, *out;
	const char *title = NULL, *desc = NULL;
	char err[256] = "";
	size_t i, n;
	int g;

	if (jsonh_only(body, fields, err, sizeof(err)) < 0)
		return http_fail(r, 400, "unknown_field", "%s", err), -1;
	g = jsonh_str(body, "title", MAX_TITLE, &title, NULL, err, sizeof(err));
	if (g < 0 || (g == 0 && !*title) || (g > 0 && create))
		return http_fail(r, 400, g > 0 ? "missing_field" : "invalid_field", "%s",
				 *err ? err : "'title' must be 1 to 200 characters"), -1;
	if (jsonh_str(body, "description", MAX_TEXT, &desc, NULL, err, sizeof(err)) < 0 ||
	    jsonh_get(body, "members", json_type_array, &members, err, sizeof(err)) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err), -1;
	out = json_object_new_object();
	if (title)
		json_object_object_add(out, "title", json_object_new_string(title));
	if (desc)
		json_object_object_add(out, "description", json_object_new_string(desc));
	if (members) {
		struct json_object *list = json_object_new_array();

		json_object_object_add(out, "members", list);
		n = json_object_array_length(members);
		if (n > MAX_MEMBERS) {
			json_object_put(out);
			return http_fail(r, 400, "invalid_field", "at most %d members", MAX_MEMBERS), -1;
		}
		for (i = 0; i < n; i++) {
			struct json_object *m = json_object_array_get_idx(members, i), *e;
			const char *role = NULL;
			long long id = 0;

			if (!json_object_is_type(m, json_type_object) ||
			    jsonh_int(m, "admin_id", 1, 999999999, &id, err, sizeof(err)) != 0 ||
			    jsonh_str(m, "role", 16, &role, NULL, err, sizeof(err)) != 0 ||
			    (strcmp(role, "recruiter") && strcmp(role, "reviewer"))) {
				json_object_put(out);
				return http_fail(r, 400, "invalid_field",
						 "members[%zu] must be {\"admin_id\": id, \"role\": "
						 "\"recruiter\" or \"reviewer\"}", i), -1;
			}
			e = json_object_new_object();
			json_object_object_add(e, "admin_id", json_object_new_int64(id));
			json_object_object_add(e, "role", json_object_new_string(role));
			json_object_array_add(list, e);
		}
	}
	*doc = out;
	return 0;
}

/* Answer the job job_id with status. */
static int send_job(struct http_req *r, const char *job_id, int status)
{
	struct json_object *j, *t, *o;
	int dberr = 0;

	j = store_job_json(job_id, &dberr);
	if (!j)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such job");
	t = store_test_list_json(job_id, &dberr);
	if (!t) {
		json_object_put(j);
		return api_db_error(r);
	}
	json_object_object_add(j, "tests", t);
	o = http_ok();
	json_object_object_add(o, "job", j);
	return http_json(r, status, o);
}

/* A job write that failed: an unknown or repeated member is the client's, the rest the database's. */
static int job_write_failed(struct http_req *r, enum db_err e)
{
	db_rollback();
	if (e == DB_ECONFLICT)
		return http_fail(r, 400, "invalid_member", "a member is not an admin account, or is named twice");
	return api_db_error(r);
}

int api_job_found(struct http_req *r, const char *job, enum admin_role role)
{
	int found;

	if (auth_admin_role(r, role) < 0)
		return -1;
	found = api_row_id(job) ? store_job_exists(job) : 0;
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such job"), -1;
	return auth_may_read_job(r, job);
}

int h_admin_jobs_list(struct http_req *r)
{
	struct json_object *list;
	char a[8] = "";
	int dberr = 0;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	list = store_job_list_json(http_query(r, "archived", a, sizeof(a)) && !strcmp(a, "true"),
				   auth_reader(r), &dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "jobs", list);
}

int h_admin_job_create(struct http_req *r)
{
	struct json_object *body, *doc = NULL;
	char id[16];
	enum db_err e;
	int rc;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	body = http_json_body(r, 256 * 1024);
	if (!body)
		return r->status;
	if (job_doc(r, body, true, &doc) < 0) {
		rc = r->status;
		goto out;
	}
	if (db_begin() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	e = store_job_create(jsonh_db_text(doc, NULL), r->admin_id, id);
	if (e != DB_OK || (e = db_commit()) != DB_OK) {
		rc = job_write_failed(r, e);
		goto out;
	}
	audit(r, "job.create", "job", id, audit_field(doc, "title"));
	rc = send_job(r, id, 201);
out:
	json_object_put(doc);
	json_object_put(body);
	return rc;
}

int h_admin_job_get(struct http_req *r)
{
	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	if (!api_row_id(r->m.params[0]))
		return http_fail(r, 404, "not_found", "no such job");
	if (auth_may_read_job(r, r->m.params[0]) < 0)
		return r->status;
	return send_job(r, r->m.params[0], 200);
}

int h_admin_job_update(struct http_req *r)
{
	struct json_object *body, *doc = NULL;
	const char *id = r->m.params[0];
	int rc, found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	if (!api_row_id(id))
		return http_fail(r, 404, "not_found", "no such job");
	body = http_json_body(r, 256 * 1024);
	if (!body)
		return r->status;
	if (job_doc(r, body, false, &doc) < 0) {
		rc = r->status;
		goto out;
	}
	if (db_begin() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	found = store_job_update(id, jsonh_db_text(doc, NULL));
	if (found == 0) {
		db_rollback();
		rc = http_fail(r, 404, "not_found", "no such job");
		goto out;
	}
	if (found != 1) {
		rc = job_write_failed(r, found == -2 ? DB_ECONFLICT : DB_EQUERY);
		goto out;
	}
	if (db_commit() != DB_OK) {
		rc = job_write_failed(r, DB_EQUERY);
		goto out;
	}
	audit(r, "job.update", "job", id, audit_field(doc, "title"));
	rc = send_job(r, id, 200);
out:
	json_object_put(doc);
	json_object_put(body);
	return rc;
}

int h_admin_job_delete(struct http_req *r)
{
	struct json_object *o;
	int found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	if (!api_row_id(r->m.params[0]))
		return http_fail(r, 404, "not_found", "no such job");
	found = store_job_delete(r->m.params[0]);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such job");
	audit(r, found == 2 ? "job.archive" : "job.delete", "job", r->m.params[0], NULL);
	/* a job with candidates is archived: their results stay */
	o = http_ok();
	json_object_object_add(o, "deleted", json_object_new_boolean(found == 1));
	json_object_object_add(o, "archived", json_object_new_boolean(found == 2));
	return http_json(r, 200, o);
}

/* ---- tests ---- */

/* Check the questions of a test body into out ([{qid, points}]); -1 after recording the error. */
static int test_questions(struct http_req *r, struct json_object *qs, const char *test_id,
			  struct json_object *out)
{
	size_t i, j, n = json_object_array_length(qs);
	char qid[16], err[256];
	bool archived, no_tests;
	int found;

	if (n < 1 || n > MAX_TEST_QUESTIONS)
		return http_fail(r, 400, "invalid_field", "'questions' must list 1 to %d questions",
				 MAX_TEST_QUESTIONS), -1;
	for (i = 0; i < n; i++) {
		struct json_object *v = json_object_array_get_idx(qs, i), *id = v, *e;
		double points = 0;
		bool has_points = false;

		if (json_object_is_type(v, json_type_object)) {
			id = json_object_object_get(v, "id");
			if (json_object_object_get(v, "points")) {
				if (jsonh_number(v, "points", 0.001, 10000, false, &points, err, sizeof(err)) < 0)
					return http_fail(r, 400, "invalid_field", "questions[%zu]: %s", i, err), -1;
				has_points = true;
			}
		}
		if (!json_object_is_type(id, json_type_string) && !json_object_is_type(id, json_type_int))
			return http_fail(r, 400, "invalid_field",
					 "questions[%zu] must be a question id or {\"id\", \"points\"}", i), -1;
		found = store_question_lookup(json_object_get_string(id), qid);
		if (found <= 0)
			return (found < 0 ? api_db_error(r)
					  : http_fail(r, 404, "not_found", "questions[%zu]: no such question", i)), -1;
		for (j = 0; j < json_object_array_length(out); j++)
			if (json_object_get_int(json_object_object_get(json_object_array_get_idx(out, j), "qid")) ==
			    atoi(qid))
				return http_fail(r, 400, "invalid_field", "questions[%zu] repeats a question", i), -1;
		/* an archived question, or one without tests, stays where it is but goes into no test anew */
		if (store_test_question_state(qid, &archived, &no_tests) < 0 ||
		    ((archived || no_tests) && test_id && (found = store_test_has_question(test_id, qid)) < 0))
			return api_db_error(r), -1;
		if (archived && (!test_id || !found))
			return http_fail(r, 409, "question_archived",
					 "questions[%zu] is archived: it cannot be added to a test", i), -1;
		if (no_tests && (!test_id || !found))
			return http_fail(r, 409, "question_has_no_tests",
					 "questions[%zu] has no test cases: nobody could score on it", i), -1;
		e = json_object_new_object();
		json_object_object_add(e, "qid", json_object_new_int(atoi(qid)));
		json_object_object_add(e, "points", has_points ? json_object_new_double(points) : NULL);
		json_object_array_add(out, e);
	}
	return 0;
}

/* Check a test body into a document for store_test.h; -1 after recording the error. */
static int test_doc(struct http_req *r, struct json_object *body, const char *test_id,
		    struct json_object **doc)
{
	static const char *const fields[] = { "title", "duration_minutes", "languages", "instructions",
					      "window_from", "window_until", "questions", NULL };
	static const char *const windows[] = { "window_from", "window_until" };
	struct json_object *out, *v = NULL, *qs;
	const char *title = NULL, *text = NULL;
	char err[256] = "";
	long long minutes = 0;
	size_t i, j, n;
	int g, ok;

	*doc = NULL;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0)
		return http_fail(r, 400, "unknown_field", "%s", err), -1;
	g = jsonh_str(body, "title", MAX_TITLE, &title, NULL, err, sizeof(err));
	if (g < 0 || (g == 0 && !*title) || (g > 0 && !test_id))
		return http_fail(r, 400, g > 0 ? "missing_field" : "invalid_field", "%s",
				 *err ? err : "'title' must be 1 to 200 characters"), -1;
	if (!test_id && !json_object_object_get(body, "questions"))
		return http_fail(r, 400, "missing_field", "'questions' is required"), -1;
	out = json_object_new_object();
	*doc = out;
	if (title)
		json_object_object_add(out, "title", json_object_new_string(title));
	if ((g = jsonh_int(body, "duration_minutes", 1, 1440, &minutes, err, sizeof(err))) < 0 ||
	    jsonh_str(body, "instructions", MAX_TEXT, &text, NULL, err, sizeof(err)) < 0 ||
	    jsonh_get(body, "languages", json_type_array, &v, err, sizeof(err)) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err), -1;
	if (g == 0)
		json_object_object_add(out, "duration_minutes", json_object_new_int64(minutes));
	if (text)
		json_object_object_add(out, "instructions", json_object_new_string(text));
	if (v) {
		n = json_object_array_length(v);
		if (n < 1 || n > nlangs)
			return http_fail(r, 400, "invalid_field", "'languages' must list 1 to %zu languages",
					 nlangs), -1;
		for (i = 0; i < n; i++) {
			const char *l = json_object_get_string(json_object_array_get_idx(v, i));

			if (!json_object_is_type(json_object_array_get_idx(v, i), json_type_string) ||
			    !lang_find(l))
				return http_fail(r, 400, "invalid_language", "languages[%zu] is not a language", i), -1;
			for (j = 0; j < i; j++)
				if (!strcmp(l, json_object_get_string(json_object_array_get_idx(v, j))))
					return http_fail(r, 400, "invalid_field", "languages[%zu] repeats %s", i, l), -1;
		}
		json_object_object_add(out, "languages", json_object_get(v));
	}
	for (i = 0; i < 2; i++) {
		if (!json_object_object_get_ex(body, windows[i], &v))
			continue;
		if (v && (!json_object_is_type(v, json_type_string) || json_object_get_string_len(v) > 64))
			return http_fail(r, 400, "invalid_field", "'%s' must be a time (ISO 8601) or null",
					 windows[i]), -1;
		json_object_object_add(out, windows[i], json_object_get(v));
	}
	if (json_object_object_get_ex(body, "questions", &v)) {
		if (!json_object_is_type(v, json_type_array))
			return http_fail(r, 400, "invalid_field", "'questions' must be an array"), -1;
		qs = json_object_new_array();
		json_object_object_add(out, "questions", qs);
		if (test_questions(r, v, test_id, qs) < 0)
			return -1;
	}
	ok = store_test_window_valid(test_id, jsonh_db_text(out, NULL));
	if (ok <= 0)
		return (ok < 0 ? api_db_error(r)
			       : http_fail(r, 400, "invalid_field",
					   "the window must be times (ISO 8601) with window_from before window_until")),
		       -1;
	return 0;
}

static int send_test(struct http_req *r, const char *test_id, int status, int versioned)
{
	struct json_object *t, *o;
	int dberr = 0;

	t = store_test_json(test_id, &dberr);
	if (!t)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such test");
	o = http_ok();
	json_object_object_add(o, "test", t);
	if (versioned >= 0)
		json_object_object_add(o, "new_version", json_object_new_boolean(versioned));
	return http_json(r, status, o);
}

int h_admin_job_tests(struct http_req *r)
{
	struct json_object *list;
	int dberr = 0;

	if (api_job_found(r, r->m.params[0], ROLE_REVIEWER) < 0)
		return r->status;
	list = store_test_list_json(r->m.params[0], &dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "tests", list);
}

int h_admin_test_create(struct http_req *r)
{
	struct json_object *body, *doc = NULL;
	const char *job = r->m.params[0];
	char id[16];
	int rc;

	if (api_job_found(r, job, ROLE_RECRUITER) < 0)
		return r->status;
	body = http_json_body(r, 256 * 1024);
	if (!body)
		return r->status;
	if (test_doc(r, body, NULL, &doc) < 0) {
		rc = r->status;
		goto out;
	}
	if (db_begin() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	if (store_test_create(job, jsonh_db_text(doc, NULL), r->admin_id, id) != DB_OK ||
	    db_commit() != DB_OK) {
		db_rollback();
		rc = api_db_error(r);
		goto out;
	}
	audit(r, "test.create", "test", id, audit_field(doc, "title"));
	rc = send_test(r, id, 201, -1);
out:
	json_object_put(doc);
	json_object_put(body);
	return rc;
}

int h_admin_test_get(struct http_req *r)
{
	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	if (!api_row_id(r->m.params[0]))
		return http_fail(r, 404, "not_found", "no such test");
	if (auth_may_read_test(r, r->m.params[0]) < 0)
		return r->status;
	return send_test(r, r->m.params[0], 200, -1);
}

int h_admin_test_update(struct http_req *r)
{
	struct json_object *body, *doc = NULL;
	const char *id = r->m.params[0];
	char job[16];
	bool versioned = false;
	int rc, found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	found = api_row_id(id) ? store_test_job(id, job) : 0;
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such test");
	body = http_json_body(r, 256 * 1024);
	if (!body)
		return r->status;
	if (test_doc(r, body, id, &doc) < 0) {
		rc = r->status;
		goto out;
	}
	if (db_begin() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	found = store_test_update(id, jsonh_db_text(doc, NULL), r->admin_id, &versioned);
	if (found != 1 || db_commit() != DB_OK) {
		db_rollback();
		rc = found == 0 ? http_fail(r, 404, "not_found", "no such test") : api_db_error(r);
		goto out;
	}
	audit(r, versioned ? "test.version" : "test.update", "test", id, NULL);
	rc = send_test(r, id, 200, versioned);
out:
	json_object_put(doc);
	json_object_put(body);
	return rc;
}

/* ---- invitations ---- */

/* One row of an invitation: what was sent, and what became of it. */
struct invite_row {
	char *name, *email;
	const char *status;		/* created, already_invited, invalid */
	char reason[96];
	char token[TOKEN_HEX_LEN + 1];
	char nonce[INVITE_NONCE_HEX_LEN + 1];	/* what the token is derived from (invite_link.h) */
	char candidate_id[40];
	struct json_object *mail;	/* what became of its e-mail; NULL when none was asked for */
};

/* Trim s in place (spaces and tabs at both ends). */
static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/*
 * Split one CSV record at *p (fields separated by commas, "quoted" with "" for a quote)
 * into at most nf fields, written over the text itself; *p moves past the record.
 * Returns the number of fields (nf + 1 when there were more).
 */
static int csv_record(char **p, char **f, int nf)
{
	char *s = *p, *o = s;
	int n = 0;

	while (*s == '\r' || *s == '\n')
		s++;
	o = s;
	for (;;) {
		char *start = o;
		bool quoted = false;

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '"') {
			quoted = true;
			s++;
		}
		for (; *s; s++) {
			if (quoted && *s == '"' && s[1] == '"') {
				*o++ = '"';
				s++;
			} else if (quoted && *s == '"') {
				quoted = false;
			} else if (!quoted && (*s == ',' || *s == '\n' || *s == '\r')) {
				break;
			} else {
				*o++ = *s;
			}
		}
		if (n < nf)
			f[n] = start;
		n++;
		if (*s != ',') {
			if (*s)
				s++;
			*o = '\0';
			break;
		}
		s++;
		*o++ = '\0';
	}
	*p = s;
	return n;
}

/* Is e an address worth inviting (one @, a dot in the domain, no spaces or controls)? */
static bool email_ok(const char *e)
{
	const char *at = strchr(e, '@');
	size_t i, n = strlen(e);

	if (!at || at == e || strchr(at + 1, '@') || !strchr(at + 1, '.') || n > 200 ||
	    e[n - 1] == '.')
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)e[i] <= ' ' || e[i] == ',' || e[i] == '<' || e[i] == '>' || e[i] == 0x7f)
			return false;
	return true;
}

/* Check one row: name and e-mail present and sane, the e-mail not earlier in the list. */
static void check_row(struct invite_row *rows, size_t k)
{
	struct invite_row *w = &rows[k];
	size_t i;

	w->status = "invalid";
	if (!*w->name || strlen(w->name) > MAX_TITLE) {
		snprintf(w->reason, sizeof(w->reason), "the name must be 1 to %d characters", MAX_TITLE);
		return;
	}
	for (i = 0; w->name[i]; i++)
		if ((unsigned char)w->name[i] < ' ' || w->name[i] == 0x7f) {
			snprintf(w->reason, sizeof(w->reason), "the name holds a control character");
			return;
		}
	if (!email_ok(w->email)) {
		snprintf(w->reason, sizeof(w->reason), "the e-mail is not an address");
		return;
	}
	for (i = 0; i < k; i++)
		if (!strcmp(rows[i].status, "created") && !strcasecmp(rows[i].email, w->email)) {
			w->status = "already_invited";
			snprintf(w->reason, sizeof(w->reason), "the same e-mail as row %zu", i + 1);
			return;
		}
	w->status = "created";	/* for now: the database may find it invited already */
}

/* The rows of a CSV text (header "name,email" optional); -1 after recording the error. */
static int csv_rows(struct http_req *r, char *text, struct invite_row **out, size_t *nout)
{
	struct invite_row *rows = NULL;
	size_t n = 0;
	char *p = text, *f[3];
	int nf;

	*out = NULL;
	*nout = 0;
	while (*p) {
		nf = csv_record(&p, f, 3);
		if (nf == 1 && !*trim(f[0]))
			continue;	/* a blank line */
		if (!n && !rows && nf >= 2 && !strcasecmp(trim(f[0]), "name") && !strcasecmp(trim(f[1]), "email"))
			continue;
		if (n == JOBS_MAX_INVITES) {
			free(rows);
			return http_fail(r, 413, "too_many_rows", "at most %d rows in one invitation",
					 JOBS_MAX_INVITES), -1;
		}
		if (!rows && !(rows = calloc(JOBS_MAX_INVITES, sizeof(*rows))))
			return http_fail(r, 503, "unavailable", "out of memory"), -1;
		rows[n].name = trim(f[0]);
		rows[n].email = nf >= 2 ? trim(f[1]) : (char *)"";
		if (nf != 2) {
			rows[n].status = "invalid";
			snprintf(rows[n].reason, sizeof(rows[n].reason), "expected 2 columns (name,email), got %d",
				 nf > 2 ? 3 : nf);
		} else {
			check_row(rows, n);
		}
		n++;
	}
	if (!n)
		return http_fail(r, 400, "invalid_field", "the CSV has no rows"), -1;
	*out = rows;
	*nout = n;
	return 0;
}

/*
 * Store the rows to create in one transaction (one statement for them all), then mark
 * those the test had already.  -1 after recording the error.
 */
static int invite_rows(struct http_req *r, const char *test_id, struct invite_row *rows, size_t n)
{
	struct json_object *list = json_object_new_array();
	PGresult *res = NULL;
	size_t i;
	int k, rc = -1;

	for (i = 0; i < n; i++) {
		struct json_object *e;

		if (strcmp(rows[i].status, "created"))
			continue;
		if (invite_link_new(rows[i].token, rows[i].nonce) < 0) {
			http_fail(r, 503, "unavailable", "no randomness available; retry");
			goto out;
		}
		e = json_object_new_object();
		json_object_object_add(e, "i", json_object_new_int((int)i));
		json_object_object_add(e, "name", json_object_new_string(rows[i].name));
		json_object_object_add(e, "email", json_object_new_string(rows[i].email));
		json_object_object_add(e, "token", json_object_new_string(rows[i].token));
		json_object_object_add(e, "nonce", json_object_new_string(rows[i].nonce));
		json_object_array_add(list, e);
	}
	if (db_begin() != DB_OK) {
		api_db_error(r);
		goto out;
	}
	if (store_test_invite(test_id, jsonh_db_text(list, NULL), r->admin_id, &res) != DB_OK ||
	    db_commit() != DB_OK) {
		db_rollback();
		api_db_error(r);
		goto out;
	}
	for (k = 0; k < PQntuples(res); k++) {
		struct invite_row *w = &rows[atoi(db_get(res, k, "i"))];

		snprintf(w->candidate_id, sizeof(w->candidate_id), "%s", db_get(res, k, "candidate_id"));
		if (!*w->candidate_id) {
			w->status = "already_invited";
			snprintf(w->reason, sizeof(w->reason), "this e-mail is already invited to this test");
		}
	}
	rc = 0;
out:
	PQclear(res);
	json_object_put(list);
	return rc;
}

/* A row as the answer shows it, with its link when it was created. */
static struct json_object *row_json(struct http_req *r, const struct invite_row *w, size_t i)
{
	struct json_object *o = json_object_new_object();
	char url[512];

	json_object_object_add(o, "row", json_object_new_int((int)i + 1));
	json_object_object_add(o, "name", json_object_new_string(w->name));
	json_object_object_add(o, "email", json_object_new_string(w->email));
	json_object_object_add(o, "status", json_object_new_string(w->status));
	if (*w->reason)
		json_object_object_add(o, "reason", json_object_new_string(w->reason));
	if (!strcmp(w->status, "created")) {
		admin_invite_url(r, w->token, url, sizeof(url));
		json_object_object_add(o, "candidate_id", json_object_new_string(w->candidate_id));
		json_object_object_add(o, "invite_token", json_object_new_string(w->token));
		json_object_object_add(o, "invite_url", json_object_new_string(url));
		if (w->mail)
			json_object_object_add(o, "mail", json_object_get(w->mail));
	}
	return o;
}

/* With send_email, rows no message could be addressed to are invalid: nothing is stored for them. */
static void check_mailable(struct invite_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(rows[i].status, "created") &&
		    invite_mail_check(rows[i].name, rows[i].email, rows[i].reason, sizeof(rows[i].reason)) < 0)
			rows[i].status = "invalid";
}

/* Each created row's invitation by e-mail, over one connection (README, "Invitations by e-mail"). */
static void mail_rows(struct http_req *r, struct invite_row *rows, size_t n)
{
	struct invite_mail im;
	char url[512];
	size_t i;

	invite_mail_init(&im);
	for (i = 0; i < n; i++) {
		if (strcmp(rows[i].status, "created"))
			continue;
		admin_invite_url(r, rows[i].token, url, sizeof(url));
		rows[i].mail = invite_mail_send(&im, r, rows[i].candidate_id, url);
	}
	invite_mail_release(&im);
}

/* One invitation ({name, email}): 201 with the candidate and the link, or why not. */
static int invite_one(struct http_req *r, const char *test_id, struct json_object *body)
{
	static const char *const fields[] = { "name", "email", "send_email", NULL };
	struct invite_row w = { 0 };
	struct json_object *o, *c;
	const char *name = NULL, *email = NULL;
	char err[256] = "", url[512];
	bool send_email = false;
	int dberr = 0;

	if (jsonh_only(body, fields, err, sizeof(err)) < 0)
		return http_fail(r, 400, "unknown_field", "%s", err);
	if (jsonh_bool(body, "send_email", &send_email, err, sizeof(err)) < 0)
		return http_fail(r, 400, "invalid_field", "%s", err);
	if (jsonh_str(body, "name", 1024, &name, NULL, err, sizeof(err)) != 0 ||
	    jsonh_str(body, "email", 1024, &email, NULL, err, sizeof(err)) != 0)
		return http_fail(r, 400, *err ? "invalid_field" : "missing_field", "%s",
				 *err ? err : "'name' and 'email' are required (or 'csv' for many)");
	w.name = strdup(name);
	w.email = strdup(email);
	if (!w.name || !w.email) {
		free(w.name);
		free(w.email);
		return http_fail(r, 503, "unavailable", "out of memory");
	}
	check_row(&w, 0);
	if (send_email)
		check_mailable(&w, 1);
	if (strcmp(w.status, "created"))
		http_fail(r, 400, "invalid_field", "%s", w.reason);
	else if (invite_rows(r, test_id, &w, 1) == 0 && strcmp(w.status, "created"))
		http_fail(r, 409, "already_invited", "%s is already invited to this test", w.email);
	else if (!r->err.status) {
		if (send_email)
			mail_rows(r, &w, 1);
		c = store_candidate_json(w.candidate_id, &dberr);
		if (!c) {
			api_db_error(r);
		} else {
			admin_invite_url(r, w.token, url, sizeof(url));
			o = http_ok();
			json_object_object_add(o, "status", json_object_new_string("created"));
			json_object_object_add(o, "candidate", c);
			json_object_object_add(o, "invite_token", json_object_new_string(w.token));
			json_object_object_add(o, "invite_url", json_object_new_string(url));
			if (w.mail)
				json_object_object_add(o, "mail", json_object_get(w.mail));
			audit(r, "candidate.invite", "candidate", w.candidate_id, NULL);
			http_json(r, 201, o);
		}
	}
	json_object_put(w.mail);
	free(w.name);
	free(w.email);
	return r->status;
}

/*
 * POST /api/admin/tests/:id/invitations: {name, email} for one candidate, or many from a
 * CSV of name,email ({"csv": text}, or the body itself as text/csv): every row answered
 * as created (with its link), already_invited or invalid (with why).
 */
int h_admin_test_invite(struct http_req *r)
{
	struct json_object *body = NULL, *v, *list, *o;
	struct invite_row *rows = NULL;
	const char *id = r->m.params[0];
	char job[16], *text = NULL, err[256] = "", flag[8] = "";
	size_t i, n = 0, counts[3] = { 0, 0, 0 }, mailed[2] = { 0, 0 };
	bool send_email = false;
	int rc, found;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	found = api_row_id(id) ? store_test_job(id, job) : 0;
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such test");
	if (http_content_type_is(r, "text/csv")) {
		if (http_read_body(r, MAX_INVITE_BODY) < 0)
			return r->status;
		text = strndup(r->body.buf, r->body.len);
		/* a text/csv body has no room for flags: ?send_email=true */
		send_email = http_query(r, "send_email", flag, sizeof(flag)) && !strcmp(flag, "true");
	} else {
		body = http_json_body(r, MAX_INVITE_BODY);
		if (!body)
			return r->status;
		if (!json_object_object_get_ex(body, "csv", &v)) {
			rc = invite_one(r, id, body);
			goto out;
		}
		if (jsonh_bool(body, "send_email", &send_email, err, sizeof(err)) < 0 ||
		    json_object_object_length(body) != 1 + json_object_object_get_ex(body, "send_email", NULL) ||
		    jsonh_str(body, "csv", MAX_INVITE_BODY, (const char **)&text, NULL, err, sizeof(err)) != 0) {
			text = NULL;
			rc = http_fail(r, 400, "invalid_field", "%s",
				       *err ? err : "'csv' (a text of name,email rows) and 'send_email' are the only members");
			goto out;
		}
		text = strdup(text);
	}
	if (!text) {
		rc = http_fail(r, 503, "unavailable", "out of memory");
		goto out;
	}
	if (csv_rows(r, text, &rows, &n) < 0) {
		rc = r->status;
		goto out;
	}
	if (send_email)
		check_mailable(rows, n);
	if (invite_rows(r, id, rows, n) < 0) {
		rc = r->status;
		goto out;
	}
	if (send_email)
		mail_rows(r, rows, n);
	list = json_object_new_array();
	for (i = 0; i < n; i++) {
		json_object_array_add(list, row_json(r, &rows[i], i));
		counts[!strcmp(rows[i].status, "created") ? 0 : !strcmp(rows[i].status, "invalid") ? 2 : 1]++;
		if (rows[i].mail) {
			const char *st = json_object_get_string(json_object_object_get(rows[i].mail, "status"));

			if (strcmp(st, "disabled"))
				mailed[!strcmp(st, "sent")]++;
		}
	}
	o = http_ok();
	json_object_object_add(o, "test_id", json_object_new_int(atoi(id)));
	json_object_object_add(o, "created", json_object_new_int64((int64_t)counts[0]));
	json_object_object_add(o, "already_invited", json_object_new_int64((int64_t)counts[1]));
	json_object_object_add(o, "invalid", json_object_new_int64((int64_t)counts[2]));
	json_object_object_add(o, "rows", list);
	if (send_email) {
		struct json_object *m = json_object_new_object();

		json_object_object_add(m, "status", json_object_new_string(mail_enabled() ? "on" : "disabled"));
		json_object_object_add(m, "sent", json_object_new_int64((int64_t)mailed[1]));
		json_object_object_add(m, "failed", json_object_new_int64((int64_t)mailed[0]));
		json_object_object_add(o, "mail", m);
	}
	{
		struct json_object *d = json_object_new_object();

		json_object_object_add(d, "created", json_object_new_int64((int64_t)counts[0]));
		json_object_object_add(d, "already_invited", json_object_new_int64((int64_t)counts[1]));
		audit(r, "test.invite", "test", id, d);
	}
	rc = http_json(r, 200, o);
out:
	for (i = 0; rows && i < n; i++)
		json_object_put(rows[i].mail);
	free(rows);
	free(text);
	json_object_put(body);
	return rc;
}

/* ---- the pipeline and a question's usage ---- */

/*
 * GET /api/admin/jobs/:id/candidates?test=&status=&min_score=&max_score=&sort=&order=&page=&per_page=
 */
int h_admin_job_candidates(struct http_req *r)
{
	static const char *const statuses[] = { "invited", "started", "completed", "expired", "abandoned", NULL };
	static const char *const sorts[] = { "name", "score", "invited_at", "completed_at", NULL };
	static const char *const orders[] = { "asc", "desc", NULL };
	char test[16], status[16], lo[32], hi[32], sort[16], order[8];
	struct store_pipeline f = { 0 };
	struct json_object *res;
	const char *job = r->m.params[0];
	int dberr = 0;

	if (api_job_found(r, job, ROLE_REVIEWER) < 0)
		return r->status;
	if (api_query_number(r, "test", true, test, sizeof(test)) < 0 ||
	    api_query_one_of(r, "status", statuses, status, sizeof(status)) < 0 ||
	    api_query_number(r, "min_score", false, lo, sizeof(lo)) < 0 ||
	    api_query_number(r, "max_score", false, hi, sizeof(hi)) < 0 ||
	    api_query_one_of(r, "sort", sorts, sort, sizeof(sort)) < 0 ||
	    api_query_one_of(r, "order", orders, order, sizeof(order)) < 0 ||
	    api_query_page(r, 50, 500, &f.page, &f.per_page) < 0)
		return r->status;
	f.test = test;
	f.status = status;
	f.min_score = lo;
	f.max_score = hi;
	f.sort = *sort ? sort : "invited_at";
	/* names read A to Z, the rest newest or best first */
	f.order = *order ? order : !strcmp(f.sort, "name") ? "asc" : "desc";
	res = store_job_candidates_json(job, &f, &dberr);
	if (!res)
		return api_db_error(r);
	return api_send_page(r, res, "candidates", f.page, f.per_page);
}

/* GET /api/admin/questions/:id/usage: the tests that use the question and how candidates did. */
int h_admin_question_usage(struct http_req *r)
{
	struct json_object *u;
	char qid[16];
	int found, dberr = 0;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	u = store_test_question_usage_json(qid, &dberr);
	if (!u)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	return api_ok_with(r, "usage", u);
}
