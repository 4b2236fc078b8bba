/* api_notes.c - the notes and ratings that reviewers and recruiters leave on a candidate */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "api_common.h"
#include "api_notes.h"
#include "audit.h"
#include "auth.h"
#include "jsonh.h"
#include "store_note.h"

/* GET /api/admin/candidates/:id/notes: oldest first. */
int h_admin_notes_list(struct http_req *r)
{
	const char *id = r->m.params[0];
	struct json_object *list;
	int dberr;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0 || auth_may_read_candidate(r, id) < 0)
		return r->status;
	list = store_note_list_json(id, &dberr);
	if (!list)
		return dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
	return api_ok_with(r, "notes", list);
}

/* POST /api/admin/candidates/:id/notes {text, rating?}: every role may write a note. */
int h_admin_note_create(struct http_req *r)
{
	static const char *const fields[] = { "text", "rating", NULL };
	const char *id = r->m.params[0], *text = NULL, *rating = NULL;
	struct json_object *body, *note, *o, *v;
	char err[256] = "";
	int rc, dberr;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0 || auth_may_read_candidate(r, id) < 0)
		return r->status;
	body = http_json_body(r, 64 * 1024);
	if (!body)
		return r->status;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "text", NOTE_MAX_TEXT, &text, NULL, err, sizeof(err)) != 0 ||
	    !text[strspn(text, " \t\r\n")]) {
		rc = http_fail(r, 400, *err ? "invalid_field" : "missing_field", "%s",
			       *err ? err : "'text' is required (at most 10000 bytes)");
		goto out;
	}
	/* the rating is optional; null is none */
	if (json_object_object_get_ex(body, "rating", &v) && v &&
	    (!json_object_is_type(v, json_type_string) ||
	     account_rating_parse(rating = json_object_get_string(v)) == RATING_NONE)) {
		rc = http_fail(r, 400, "invalid_field",
			       "'rating' must be strong_no, no, mixed, yes, strong_yes or null");
		goto out;
	}
	note = store_note_add(id, r->admin_id, rating, text, &dberr);
	if (!note) {
		rc = dberr ? api_db_error(r) : http_fail(r, 404, "not_found", "no such candidate");
		goto out;
	}
	audit(r, "candidate.note", "candidate", id, audit_field(body, "rating"));
	o = http_ok();
	json_object_object_add(o, "note", note);
	rc = http_json(r, 201, o);
out:
	json_object_put(body);
	return rc;
}
