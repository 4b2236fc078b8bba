/* api_packages.c - questions as Kattis problem packages: imported, judged, exported */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_packages.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "grade.h"
#include "jsonh.h"
#include "kattis.h"
#include "question.h"
#include "store_question.h"

#define MAX_PACKAGE_ZIP		(64u << 20)
/* the limit a question's references run under while its own is being found */
#define PROVISIONAL_LIMIT_MS	30000
#define FALLBACK_LIMIT_MS	2000


static int package_error(struct api_err *e, enum pkg_err pe, const char *why)
{
	return api_err_set(e, pe == PKG_TOO_LARGE ? 413 : pe == PKG_INVALID ? 422 : 503,
		      pe == PKG_TOO_LARGE ? "payload_too_large"
		      : pe == PKG_INVALID ? "invalid_package"
					  : "unavailable",
		      "%s", why && *why ? why : pkg_strerror(pe));
}

static const char *member(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : "";
}

/* The slowest test of a judged run, in seconds of CPU time. */
static double slowest_test(struct json_object *resp)
{
	struct json_object *trs, *v;
	double worst = 0;
	size_t i;

	if (!json_object_object_get_ex(resp, "test_results", &trs))
		return 0;
	for (i = 0; i < json_object_array_length(trs); i++)
		if (json_object_object_get_ex(json_object_array_get_idx(trs, i), "cpu_time_ms", &v) &&
		    json_object_get_double(v) / 1000.0 > worst)
			worst = json_object_get_double(v) / 1000.0;
	return worst;
}

/* Judge one reference against the stored question: its overall verdict, or why it was not judged. */
static struct json_object *judge_reference(const char *qid, struct json_object *ref,
					   const char *owner, double *slowest)
{
	struct json_object *out = json_object_new_object(), *resp;
	const char *code = member(ref, "code"), *expected = member(ref, "expected");
	struct job_end end;
	enum queue_rc rc;
	const char *status;

	if (!*expected)
		expected = "accepted";
	json_object_object_add(out, "name", json_object_new_string(member(ref, "name")));
	json_object_object_add(out, "language", json_object_new_string(member(ref, "language")));
	json_object_object_add(out, "expected", json_object_new_string(expected));
	resp = grade_check(qid, member(ref, "language"), code, strlen(code), owner, &rc, &end);
	status = resp && !end.invalid ? member(resp, "status") : "not_judged";
	json_object_object_add(out, "status", json_object_new_string(status));
	json_object_object_add(out, "ok", json_object_new_boolean(!strcmp(status, expected)));
	if (!strcmp(status, "not_judged"))
		json_object_object_add(out, "reason", json_object_new_string(
			rc == QUEUE_OK && end.how == JOB_TIMEOUT ? "no judge host answered in time"
			: resp					   ? "the judge refused the request"
								   : "the queue took no job"));
	if (slowest && !strcmp(status, "accepted"))
		*slowest = slowest_test(resp);
	json_object_put(resp);
	return out;
}

/* Find the time limit the package left out from its accepted references; the warning when it cannot. */
static int derive_time_limit(const char *qid, struct json_object *doc, struct json_object *refs,
			     const char *owner, struct json_object *warnings)
{
	double slowest = -1, t;
	size_t i;
	int ms;

	for (i = 0; i < json_object_array_length(refs); i++) {
		struct json_object *ref = json_object_array_get_idx(refs, i), *r;

		if (strcmp(member(ref, "expected"), "accepted") && *member(ref, "expected"))
			continue;
		t = -1;
		r = judge_reference(qid, ref, owner, &t);
		json_object_put(r);
		if (t > slowest)
			slowest = t;
	}
	if (slowest < 0) {
		json_object_array_add(warnings, json_object_new_string(
			"no time limit in the package and no accepted reference solution was "
			"accepted to derive one from: 2 s"));
		return FALLBACK_LIMIT_MS;
	}
	ms = kattis_time_limit_ms(doc, slowest);
	return ms < 100 ? 100 : ms > PROVISIONAL_LIMIT_MS ? PROVISIONAL_LIMIT_MS : ms;
}

int packages_import(const struct pkg *p, const char *owner, struct json_object **report,
		    struct api_err *e)
{
	struct json_object *doc, *warnings = NULL, *refs, *judged, *q;
	char err[512] = "", qid[16], ms[16];
	bool derived, all_ok = true;
	int dberr, limit, rc = -1;
	size_t i;

	*report = NULL;
	doc = kattis_import(p, err, sizeof(err));
	if (!doc)
		return api_err_set(e, 422, "invalid_package", "%s", err);
	if (json_object_object_get_ex(doc, "warnings", &warnings))
		json_object_get(warnings);
	else
		warnings = json_object_new_array();
	json_object_object_del(doc, "warnings");
	derived = !json_object_object_get_ex(doc, "time_limit_ms", NULL);
	if (derived)
		json_object_object_add(doc, "time_limit_ms", json_object_new_int(PROVISIONAL_LIMIT_MS));
	if (question_check(doc, true, e) < 0) {
		/* the package's fault, whatever part of the question it is */
		e->status = 422;
		snprintf(e->code, sizeof(e->code), "invalid_package");
		goto out;
	}
	if (db_begin() != DB_OK) {
		api_err_set(e, 503, "database_unavailable", "the database is unavailable; retry in a moment");
		goto out;
	}
	rc = question_save(doc, NULL, qid, e);
	if (rc != 0 || db_commit() != DB_OK) {
		db_rollback();
		if (rc == -2)
			e->status = 422;
		else
			api_err_set(e, 503, "database_unavailable", "the database is unavailable; retry in a moment");
		rc = -1;
		goto out;
	}
	rc = -1;
	if (!json_object_object_get_ex(doc, "references", &refs))
		refs = NULL;
	limit = (int)json_object_get_int(json_object_object_get(doc, "time_limit_ms"));
	if (derived && refs) {
		struct store_question row = { .time_limit_ms = ms };

		limit = derive_time_limit(qid, doc, refs, owner, warnings);
		snprintf(ms, sizeof(ms), "%d", limit);
		if (store_question_update(qid, &row) != DB_OK) {
			api_err_set(e, 503, "database_unavailable", "the database is unavailable; retry in a moment");
			goto out;
		}
	}
	judged = json_object_new_array();
	for (i = 0; refs && i < json_object_array_length(refs); i++) {
		struct json_object *r = judge_reference(qid, json_object_array_get_idx(refs, i), owner,
							NULL);

		all_ok &= json_object_get_boolean(json_object_object_get(r, "ok"));
		json_object_array_add(judged, r);
	}
	q = store_question_admin_json(qid, &dberr);
	*report = http_ok();
	json_object_object_add(*report, "question", q);
	json_object_object_add(*report, "time_limit_ms", json_object_new_int(limit));
	json_object_object_add(*report, "time_limit_derived", json_object_new_boolean(derived));
	json_object_object_add(*report, "references", judged);
	json_object_object_add(*report, "references_ok", json_object_new_boolean(all_ok));
	json_object_object_add(*report, "warnings", json_object_get(warnings));
	rc = 0;
out:
	json_object_put(warnings);
	json_object_put(doc);
	return rc;
}

int packages_export(const char *qid, struct pkg *out, struct api_err *e)
{
	char err[512] = "";
	struct json_object *doc;
	enum pkg_err pe;
	int dberr = 0;

	doc = question_document(qid, &dberr);
	if (!doc)
		return dberr ? api_err_set(e, 503, "database_unavailable",
				      "the database is unavailable; retry in a moment")
			     : api_err_set(e, 404, "not_found", "no such question");
	pe = kattis_export(doc, out, err, sizeof(err));
	json_object_put(doc);
	return pe == PKG_OK ? 0 : package_error(e, pe, err);
}

int h_admin_question_import(struct http_req *r)
{
	struct json_object *report = NULL;
	struct api_err e = { 0 };
	struct pkg p;
	char err[512] = "", owner[32];
	enum pkg_err pe;
	int rc;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	if (!http_content_type_is(r, "application/zip"))
		return http_fail(r, 415, "unsupported_media_type",
				 "send the package as a zip, Content-Type: application/zip");
	if (http_read_body(r, MAX_PACKAGE_ZIP) < 0)
		return r->status;
	pkg_init(&p);
	pe = pkg_read_zip(r->body.buf, r->body.len, &p, err, sizeof(err));
	snprintf(owner, sizeof(owner), "admin:%d", r->admin_id);
	if (pe != PKG_OK)
		package_error(&e, pe, err);
	if (pe != PKG_OK || packages_import(&p, owner, &report, &e) < 0)
		rc = http_fail(r, e.status, e.code, "%s", e.msg);
	else {
		audit(r, "question.import", "question",
		      json_object_get_string(json_object_object_get(
			      json_object_object_get(report, "question"), "number")),
		      audit_field(report, "question"));
		rc = http_json(r, 201, report);
	}
	pkg_release(&p);
	return rc;
}

int h_admin_question_export(struct http_req *r)
{
	struct strbuf zip = STRBUF_INIT;
	struct api_err e = { 0 };
	char qid[16], err[512] = "", extra[160], name[64];
	const char *s;
	struct pkg p;
	enum pkg_err pe;
	size_t n = 0;
	int rc, found;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	pkg_init(&p);
	if (packages_export(qid, &p, &e) < 0) {
		rc = http_fail(r, e.status, e.code, "%s", e.msg);
		goto out;
	}
	pe = pkg_write_zip(&p, &zip, err, sizeof(err));
	if (pe != PKG_OK) {
		package_error(&e, pe, err);
		rc = http_fail(r, e.status, e.code, "%s", e.msg);
		goto out;
	}
	/* the file name: the package's short name, in characters no header can misread */
	for (s = p.name ? p.name : "question"; *s && n < sizeof(name) - 1; s++)
		name[n++] = isalnum((unsigned char)*s) || *s == '-' || *s == '_' ? *s : '-';
	name[n] = '\0';
	snprintf(extra, sizeof(extra), "Content-Disposition: attachment; filename=\"%s.zip\"\r\n",
		 n ? name : "question");
	rc = http_send(r, 200, "application/zip", extra, zip.buf, zip.len);
out:
	strbuf_release(&zip);
	pkg_release(&p);
	return rc;
}
