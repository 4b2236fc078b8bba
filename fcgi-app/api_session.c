/* api_session.c - the candidate's test session: start, heartbeat, activity, progress, end */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_session.h"
#include "api_common.h"
#include "auth.h"
#include "db.h"
#include "jsonh.h"
#include "playback.h"
#include "session.h"
#include "store_candidate.h"
#include "store_test.h"

/* Stored drafts (sections_completed + pending_answers as JSON text) at most this many bytes. */
#define SESSION_MAX_DRAFTS (1024 * 1024)

/* Take a token from the caller's bucket for kind; else records 429 (or 503) and returns -1. */
static int rate_take(struct http_req *r, const char *kind)
{
	enum session_rc rc = session_rate_take(r->candidate_id, kind);

	if (rc == SESSION_OK)
		return 0;
	if (rc == SESSION_RATE_LIMITED)
		http_fail(r, 429, "rate_limited", "too many %s calls for this session; slow down", kind);
	else
		api_db_error(r);
	return -1;
}

/*
 * The body of a candidate write: at most max bytes, a JSON object (empty is
 * {}) whose members are among names.  NULL after sending the error.
 */
static struct json_object *closed_body(struct http_req *r, size_t max, const char *const *names)
{
	struct json_object *body = http_json_body(r, max);
	char err[128];

	if (body && jsonh_only(body, names, err, sizeof(err)) < 0) {
		http_fail(r, 400, "unknown_field", "%s", err);
		json_object_put(body);
		return NULL;
	}
	return body;
}

static bool hex64(const char *s)
{
	return s && strlen(s) == TOKEN_HEX_LEN && strspn(s, "0123456789abcdef") == TOKEN_HEX_LEN;
}

/* Answer a session change that did not happen; returns the status sent. */
static int session_refused(struct http_req *r, enum session_rc rc)
{
	if (rc == SESSION_DB_ERROR)
		return api_db_error(r);
	return http_fail(r, 409, "session_over", "the test session is over");
}

/* The caller's own open session, or the error is sent and -1 returned. */
static int open_session(struct http_req *r)
{
	enum session_rc rc;

	if (auth_candidate(r, r->m.params[0], false) < 0)
		return -1;
	rc = session_open(r->candidate_id, false);
	if (rc != SESSION_OK) {
		session_refused(r, rc);
		return -1;
	}
	return 0;
}

int h_session_start(struct http_req *r)
{
	static const char *const fields[] = { "invite_token", "candidate_id",
					      "test_duration_minutes", NULL };
	struct json_object *body = closed_body(r, HTTP_MAX_CANDIDATE_BODY, fields), *sess = NULL, *o;
	const char *invite = NULL, *given = NULL;
	char err[256], token[TOKEN_HEX_LEN + 1], window[8];
	struct store_invitation inv;
	enum session_rc srv;
	bool created;
	int dberr = 0, rc, found;

	if (!body)
		return r->status;
	if (jsonh_str(body, "invite_token", 128, &invite, NULL, err, sizeof(err)) != 0) {
		rc = http_fail(r, 400, invite ? "invalid_field" : "missing_field", "%s",
				invite ? err : "'invite_token' is required");
		goto out;
	}
	if (jsonh_str(body, "candidate_id", 64, &given, NULL, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	if (!hex64(invite)) {
		rc = http_fail(r, 401, "invalid_invitation", "unknown invitation");
		goto out;
	}
	found = store_candidate_by_invite(invite, &inv);
	if (found != 1) {
		rc = found < 0 ? api_db_error(r)
			       : http_fail(r, 401, "invalid_invitation", "unknown invitation");
		goto out;
	}
	if (given && strcmp(given, inv.candidate_id)) {
		rc = http_fail(r, 403, "forbidden", "this invitation belongs to another candidate");
		goto out;
	}
	if (*inv.session_status && strcmp(inv.session_status, "active")) {
		rc = http_fail(r, 409, "session_over", "this test is already %s", inv.session_status);
		goto out;
	}
	/* the test's window holds for a start; a session already running keeps its clock */
	if (!*inv.session_status) {
		found = store_test_window(inv.candidate_id, window);
		if (found != 1) {
			rc = found < 0 ? api_db_error(r)
				       : http_fail(r, 401, "invalid_invitation", "unknown invitation");
			goto out;
		}
		if (!strcmp(window, "early")) {
			rc = http_fail(r, 403, "test_not_open", "this test is not open yet");
			goto out;
		}
		if (!strcmp(window, "closed")) {
			rc = http_fail(r, 410, "test_closed", "this test is closed: its invitation window has ended");
			goto out;
		}
	}
	if (auth_new_token(token) < 0) {
		rc = http_fail(r, 503, "unavailable", "no randomness available; retry");
		goto out;
	}
	srv = session_start(inv.candidate_id, token, inv.minutes, &created);
	if (srv != SESSION_OK) {
		rc = session_refused(r, srv);
		goto out;
	}
	sess = session_json(inv.candidate_id, &dberr);
	if (!sess) {
		rc = api_db_error(r);
		goto out;
	}
	o = http_ok();
	json_object_object_add(o, "session", sess);
	json_object_object_add(o, "session_token", json_object_new_string(token));
	/* the page shows the test's instructions and offers its languages only */
	json_object_object_add(o, "test", store_test_candidate_json(inv.candidate_id, &dberr));
	rc = http_json(r, 200, o);
out:
	json_object_put(body);
	return rc;
}

/* Preview of an invitation: what the test holds, without starting it. */
int h_invitation(struct http_req *r)
{
	static const char *const fields[] = { "invite_token", NULL };
	struct json_object *body = closed_body(r, HTTP_MAX_CANDIDATE_BODY, fields), *o;
	const char *invite = NULL;
	char err[256];
	int dberr = 0, rc;

	if (!body)
		return r->status;
	if (jsonh_str(body, "invite_token", 128, &invite, NULL, err, sizeof(err)) != 0) {
		rc = http_fail(r, 400, "missing_field", "'invite_token' is required");
		goto out;
	}
	if (!hex64(invite)) {
		rc = http_fail(r, 401, "invalid_invitation", "unknown invitation");
		goto out;
	}
	o = store_candidate_invitation_json(invite, &dberr);
	if (!o) {
		rc = dberr ? api_db_error(r)
			   : http_fail(r, 401, "invalid_invitation", "unknown invitation");
		goto out;
	}
	json_object_object_add(o, "test", store_test_candidate_json(
		json_object_get_string(json_object_object_get(o, "candidate_id")), &dberr));
	rc = api_ok_with(r, "invitation", o);
out:
	json_object_put(body);
	return rc;
}

int h_session_get(struct http_req *r)
{
	struct json_object *s, *o;
	int dberr = 0;

	if (auth_candidate(r, r->m.params[0], true) < 0)
		return r->status;
	s = session_json(r->m.params[0], &dberr);
	if (!s)
		return dberr ? api_db_error(r)
			     : http_fail(r, 404, "not_found", "no session for this candidate");
	o = http_ok();
	json_object_object_add(o, "session", s);
	json_object_object_add(o, "test", store_test_candidate_json(r->m.params[0], &dberr));
	return http_json(r, 200, o);
}

/* The answer to a heartbeat or an activity: when, and what is left. */
static int touched(struct http_req *r, enum session_rc rc, const struct session_touch *t,
		   const char *key)
{
	struct json_object *o;

	if (rc != SESSION_OK)
		return session_refused(r, rc);
	o = http_ok();
	json_object_object_add(o, key, json_object_new_string(t->at));
	json_object_object_add(o, "remaining_seconds", json_object_new_int(t->remaining_s));
	json_object_object_add(o, "status", json_object_new_string("active"));
	return http_json(r, 200, o);
}

int h_session_heartbeat(struct http_req *r)
{
	static const char *const fields[] = { NULL };
	struct json_object *body;
	struct session_touch t;

	if (open_session(r) < 0)
		return r->status;
	body = closed_body(r, HTTP_MAX_CANDIDATE_BODY, fields);
	if (!body)
		return r->status;
	json_object_put(body);
	if (rate_take(r, "heartbeat") < 0)
		return r->status;
	return touched(r, session_heartbeat(r->candidate_id, &t), &t, "last_heartbeat");
}

int h_session_activity(struct http_req *r)
{
	static const char *const fields[] = { "type", NULL };
	struct json_object *body;
	struct session_touch t;
	const char *type;
	char err[128];

	if (open_session(r) < 0)
		return r->status;
	body = closed_body(r, HTTP_MAX_CANDIDATE_BODY, fields);
	if (!body)
		return r->status;
	if (jsonh_str(body, "type", 64, &type, NULL, err, sizeof(err)) < 0) {
		json_object_put(body);
		return http_fail(r, 400, "invalid_field", "%s", err);
	}
	json_object_put(body);
	if (rate_take(r, "activity") < 0)
		return r->status;
	return touched(r, session_activity(r->candidate_id, &t), &t, "last_activity");
}

int h_session_progress(struct http_req *r)
{
	static const char *const fields[] = { "sections_completed", "pending_answers", "edits", "signals",
					      NULL };
	struct json_object *body, *sections = NULL, *answers = NULL, *edits = NULL, *signals = NULL, *o;
	char err[256], *saved[2] = { NULL, NULL };
	enum playback_rc prc = PLAYBACK_OK;
	enum session_rc srv;
	int rc;

	if (open_session(r) < 0)
		return r->status;
	body = closed_body(r, HTTP_MAX_PROGRESS_BODY, fields);
	if (!body)
		return r->status;
	if (jsonh_get(body, "sections_completed", json_type_array, &sections, err, sizeof(err)) < 0 ||
	    jsonh_get(body, "pending_answers", json_type_object, &answers, err, sizeof(err)) < 0 ||
	    jsonh_get(body, "edits", json_type_array, &edits, err, sizeof(err)) < 0 ||
	    jsonh_get(body, "signals", json_type_array, &signals, err, sizeof(err)) < 0 ||
	    playback_check_edits(edits, err, sizeof(err)) < 0 || playback_check_signals(signals, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	if (rate_take(r, "progress") < 0) {
		rc = r->status;
		goto out;
	}
	/* the drafts and what the editor recorded are stored together or not at all */
	if (db_begin() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	if (edits || signals)
		prc = playback_store(r->candidate_id, edits ? jsonh_db_text(edits, NULL) : NULL,
				     signals ? jsonh_db_text(signals, NULL) : NULL);
	if (prc == PLAYBACK_DB_ERROR || prc == PLAYBACK_UNKNOWN_QUESTION) {
		db_rollback();
		rc = prc == PLAYBACK_DB_ERROR ? api_db_error(r)
					      : http_fail(r, 400, "invalid_field",
							  "'edits' names a question that is not in your test");
		goto out;
	}
	srv = session_save_drafts(r->candidate_id, sections ? jsonh_db_text(sections, NULL) : NULL,
				  answers ? jsonh_db_text(answers, NULL) : NULL, SESSION_MAX_DRAFTS,
				  saved);
	if (srv != SESSION_OK || db_commit() != DB_OK) {
		if (srv == SESSION_OK) {
			free(saved[0]);
			free(saved[1]);
			srv = SESSION_DB_ERROR;
		}
		db_rollback();
	}
	if (srv == SESSION_TOO_BIG) {
		rc = http_fail(r, 413, "payload_too_large",
				"the saved drafts would take more than %d bytes", SESSION_MAX_DRAFTS);
		goto out;
	}
	if (srv != SESSION_OK) {
		rc = session_refused(r, srv);
		goto out;
	}
	o = http_ok();
	json_object_object_add(o, "sections_completed", json_tokener_parse(saved[0]));
	json_object_object_add(o, "pending_answers", json_tokener_parse(saved[1]));
	/* past the session's budget the drafts are saved and the recording stops */
	if (edits || signals)
		json_object_object_add(o, "recording", json_object_new_string(prc == PLAYBACK_FULL ? "full" : "stored"));
	free(saved[0]);
	free(saved[1]);
	rc = http_json(r, 200, o);
out:
	json_object_put(body);
	return rc;
}

int h_session_complete(struct http_req *r)
{
	static const char *const ok[] = { "manual", "auto", "timer_expired" };
	static const char *const fields[] = { "completion_method", NULL };
	struct json_object *body, *o;
	const char *method = "manual";
	char err[256], at[48];
	enum session_rc srv;
	size_t i;
	int rc;

	if (open_session(r) < 0)
		return r->status;
	body = closed_body(r, HTTP_MAX_CANDIDATE_BODY, fields);
	if (!body)
		return r->status;
	if (jsonh_str(body, "completion_method", 32, &method, NULL, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (!strcmp(method, ok[i]))
			break;
	if (i == sizeof(ok) / sizeof(ok[0])) {
		rc = http_fail(r, 400, "invalid_field",
				"'completion_method' must be manual, auto or timer_expired");
		goto out;
	}
	srv = session_finish(r->candidate_id, "completed", method, at);
	if (srv != SESSION_OK) {
		rc = session_refused(r, srv);
		goto out;
	}
	o = http_ok();
	json_object_object_add(o, "status", json_object_new_string("completed"));
	json_object_object_add(o, "completion_method", json_object_new_string(method));
	json_object_object_add(o, "completed_at", json_object_new_string(at));
	rc = http_json(r, 200, o);
out:
	json_object_put(body);
	return rc;
}

int h_session_abandon(struct http_req *r)
{
	struct json_object *o;
	enum session_rc srv;

	/* navigator.sendBeacon POSTs without headers: its token can only be in the URL */
	r->query_token_ok = !strcmp(r->method, "POST");
	if (open_session(r) < 0)
		return r->status;
	/* the body (sendBeacon's) says tab_close; nothing else is accepted or needed */
	if (http_read_body(r, HTTP_MAX_CANDIDATE_BODY) < 0)
		return r->status;
	/* not abandoned yet: only if no heartbeat comes back within the grace period */
	srv = session_tab_closed(r->candidate_id);
	if (srv != SESSION_OK)
		return session_refused(r, srv);
	o = http_ok();
	json_object_object_add(o, "status", json_object_new_string("active"));
	json_object_object_add(o, "pending", json_object_new_string("abandon"));
	json_object_object_add(o, "grace_seconds", json_object_new_int(cfg.abandon_grace_s));
	return http_json(r, 200, o);
}
