/* api_accounts.c - the recruiters' accounts, their links, the caller's account, the audit trail */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "api_accounts.h"
#include "api_common.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "jsonh.h"
#include "store_account.h"

/* A password as ce-ctl ensure-admin takes one: any text of 1 to 511 bytes. */
#define PASSWORD_MAX 511
#define USERNAME_MAX 64

/* Records 404 unless the :id is a plausible account id. */
static int account_id_ok(struct http_req *r, const char *id)
{
	if (!api_row_id(id)) {
		http_fail(r, 404, "not_found", "no such account");
		return -1;
	}
	return 0;
}

static bool username_ok(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-");

	return n > 0 && n <= USERNAME_MAX && !s[n];
}

/* Where the new user (or one who forgot the password) sets it: the admin page reads ?account=. */
static void link_url(const struct http_req *r, const char *token, char *out, size_t len)
{
	const char *base = getenv("CE_PUBLIC_URL");

	if (base && *base)
		snprintf(out, len, "%s/admin/?account=%s", base, token);
	else
		snprintf(out, len, "%s://%s/admin/?account=%s", r->scheme, r->host, token);
}

/* A new link of kind for account id into token; 0, or -1 with the error recorded. */
static int new_link(struct http_req *r, const char *id, const char *kind,
		    char token[TOKEN_HEX_LEN + 1])
{
	int found;

	if (auth_new_token(token) < 0)
		return http_fail(r, 503, "unavailable", "no randomness available; retry"), -1;
	found = store_account_set_link(id, token, kind, r->admin_id);
	if (found != 1)
		return (found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such account")),
		       -1;
	return 0;
}

/* Answer the account with its new link. */
static int send_link(struct http_req *r, const char *id, const char *kind, const char *token,
		     int status)
{
	struct json_object *a, *o;
	char url[512];
	int dberr;

	a = store_account_json(id, &dberr);
	if (!a)
		return api_db_error(r);
	link_url(r, token, url, sizeof(url));
	o = http_ok();
	json_object_object_add(o, "account", a);
	json_object_object_add(o, "link_kind", json_object_new_string(kind));
	json_object_object_add(o, "link_token", json_object_new_string(token));
	json_object_object_add(o, "link_url", json_object_new_string(url));
	json_object_object_add(o, "link_expires_in_hours", json_object_new_int(ACCOUNT_LINK_HOURS));
	return http_json(r, status, o);
}

/* GET /api/admin/me: the caller's own account, whatever its role. */
int h_admin_me(struct http_req *r)
{
	struct json_object *a, *o, *v;
	static const char *const keys[] = { "id", "username", "name", "email", "role" };
	char id[16];
	size_t i;
	int dberr;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	snprintf(id, sizeof(id), "%d", r->admin_id);
	a = store_account_json(id, &dberr);
	if (!a)
		return api_db_error(r);
	o = http_ok();
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (json_object_object_get_ex(a, keys[i], &v))
			json_object_object_add(o, keys[i], json_object_get(v));
	json_object_put(a);
	return http_json(r, 200, o);
}

int h_admin_accounts_list(struct http_req *r)
{
	struct json_object *list;
	int dberr;

	if (auth_admin_role(r, ROLE_OWNER) < 0)
		return r->status;
	list = store_account_list_json(&dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "accounts", list);
}

/*
 * GET /api/admin/team: who a recruiter may name as a job's member (the enabled
 * accounts, without their e-mail); the account list itself is the owner's.
 */
int h_admin_team(struct http_req *r)
{
	struct json_object *list;
	int dberr;

	if (auth_admin_role(r, ROLE_RECRUITER) < 0)
		return r->status;
	list = store_account_team_json(&dberr);
	if (!list)
		return api_db_error(r);
	return api_ok_with(r, "accounts", list);
}

/* POST /api/admin/accounts {username, name, email, role}: the account and its invitation link. */
int h_admin_account_create(struct http_req *r)
{
	static const char *const fields[] = { "username", "name", "email", "role", NULL };
	const char *user = NULL, *name = "", *email = "", *role = NULL;
	struct json_object *body;
	char err[256] = "", id[16], token[TOKEN_HEX_LEN + 1];
	enum db_err e;
	int rc;

	if (auth_admin_role(r, ROLE_OWNER) < 0)
		return r->status;
	body = http_json_body(r, 64 * 1024);
	if (!body)
		return r->status;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "name", 200, &name, NULL, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "email", 200, &email, NULL, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	if (jsonh_str(body, "username", USERNAME_MAX, &user, NULL, err, sizeof(err)) != 0 ||
	    !username_ok(user)) {
		rc = http_fail(r, 400, "invalid_field",
			       "'username' is required: 1 to %d letters, digits and . _ @ -", USERNAME_MAX);
		goto out;
	}
	if (jsonh_str(body, "role", 16, &role, NULL, err, sizeof(err)) != 0 ||
	    account_role_parse(role) == ROLE_NONE) {
		rc = http_fail(r, 400, "invalid_field",
			       "'role' is required: owner, recruiter or reviewer");
		goto out;
	}
	if (db_begin() != DB_OK) {
		rc = api_db_error(r);
		goto out;
	}
	e = store_account_insert(user, name, email, role, id);
	if (e != DB_OK) {
		db_rollback();
		rc = e == DB_ECONFLICT ? http_fail(r, 409, "username_taken", "this username is taken")
				       : api_db_error(r);
		goto out;
	}
	/* the link is made in the same transaction: no account is left without one */
	if (new_link(r, id, "invite", token) < 0) {
		db_rollback();
		rc = r->status;
		goto out;
	}
	if (db_commit() != DB_OK) {
		db_rollback();
		rc = api_db_error(r);
		goto out;
	}
	audit(r, "account.create", "account", id, json_object_get(body));
	rc = send_link(r, id, "invite", token, 201);
out:
	json_object_put(body);
	return rc;
}

/* POST /api/admin/accounts/password {token, password}: no login, the link's token is the right. */
int h_admin_account_password(struct http_req *r)
{
	static const char *const fields[] = { "token", "password", NULL };
	const char *token = NULL, *pass = NULL;
	struct json_object *body, *o;
	char err[256] = "", hash[256], user[128], id[16];
	size_t n = 0;
	int rc, used, aid = 0;

	body = http_json_body(r, 64 * 1024);
	if (!body)
		return r->status;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "token", TOKEN_HEX_LEN, &token, NULL, err, sizeof(err)) != 0 ||
	    jsonh_str(body, "password", PASSWORD_MAX, &pass, &n, err, sizeof(err)) != 0 || n == 0) {
		rc = http_fail(r, 400, *err ? "invalid_field" : "missing_field", "%s",
			       *err ? err : "'token' and 'password' (1 to 511 bytes) are required");
		goto out;
	}
	if (strlen(token) != TOKEN_HEX_LEN || strspn(token, "0123456789abcdef") != TOKEN_HEX_LEN) {
		rc = http_fail(r, 404, "invalid_link", "this link is unknown, used or expired");
		goto out;
	}
	if (auth_hash_password(pass, hash, sizeof(hash)) < 0) {
		rc = http_fail(r, 503, "unavailable", "the password could not be hashed; retry");
		goto out;
	}
	used = store_account_use_link(token, hash, &aid, user);
	if (used != 1) {
		rc = used < 0 ? api_db_error(r)
			      : http_fail(r, 404, "invalid_link", "this link is unknown, used or expired");
		goto out;
	}
	snprintf(id, sizeof(id), "%d", aid);
	audit_as(aid, "account.password", "account", id, NULL);
	o = http_ok();
	json_object_object_add(o, "username", json_object_new_string(user));
	rc = http_json(r, 200, o);
out:
	json_object_put(body);
	return rc;
}

/* PUT /api/admin/accounts/:id {name?, email?, role?, disabled?} */
int h_admin_account_update(struct http_req *r)
{
	static const char *const fields[] = { "name", "email", "role", "disabled", NULL };
	struct store_account_change c = { 0 };
	const char *id = r->m.params[0];
	struct json_object *body, *a, *v;
	char err[256] = "";
	bool disabled = false;
	int rc, found, dberr;

	if (auth_admin_role(r, ROLE_OWNER) < 0 || account_id_ok(r, id) < 0)
		return r->status;
	body = http_json_body(r, 64 * 1024);
	if (!body)
		return r->status;
	if (jsonh_only(body, fields, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "name", 200, &c.name, NULL, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "email", 200, &c.email, NULL, err, sizeof(err)) < 0 ||
	    jsonh_str(body, "role", 16, &c.role, NULL, err, sizeof(err)) < 0 ||
	    jsonh_bool(body, "disabled", &disabled, err, sizeof(err)) < 0) {
		rc = http_fail(r, 400, "invalid_field", "%s", err);
		goto out;
	}
	if (c.role && account_role_parse(c.role) == ROLE_NONE) {
		rc = http_fail(r, 400, "invalid_field", "'role' must be owner, recruiter or reviewer");
		goto out;
	}
	if (json_object_object_get_ex(body, "disabled", &v) && v)
		c.disabled = disabled ? "true" : "false";
	found = store_account_update(id, &c);
	if (found != 1) {
		rc = found == -1 ? api_db_error(r)
		     : found == 0 ? http_fail(r, 404, "not_found", "no such account")
				  : http_fail(r, 409, "last_owner",
					      "this would leave no enabled owner; make another owner first");
		goto out;
	}
	audit(r, "account.update", "account", id, json_object_get(body));
	a = store_account_json(id, &dberr);
	rc = a ? api_ok_with(r, "account", a) : api_db_error(r);
out:
	json_object_put(body);
	return rc;
}

/*
 * POST /api/admin/accounts/:id/reset: a new link; the account's older links stop
 * working.  The password and the open sessions stay until the link is used.
 */
int h_admin_account_reset(struct http_req *r)
{
	const char *id = r->m.params[0];
	char token[TOKEN_HEX_LEN + 1];

	if (auth_admin_role(r, ROLE_OWNER) < 0 || account_id_ok(r, id) < 0 ||
	    new_link(r, id, "reset", token) < 0)
		return r->status;
	audit(r, "account.reset", "account", id, NULL);
	return send_link(r, id, "reset", token, 200);
}

/* GET /api/admin/audit?limit=&before=: newest first; next_before is the next page's before. */
int h_admin_audit(struct http_req *r)
{
	char buf[32], *end;
	long long limit = 50, before = 0;
	struct json_object *page, *o;
	int dberr;

	if (auth_admin_role(r, ROLE_OWNER) < 0)
		return r->status;
	if (http_query(r, "limit", buf, sizeof(buf))) {
		limit = strtoll(buf, &end, 10);
		if (*end || end == buf || limit < 1 || limit > 200)
			return http_fail(r, 400, "invalid_field", "'limit' must be 1 to 200");
	}
	if (http_query(r, "before", buf, sizeof(buf))) {
		before = strtoll(buf, &end, 10);
		if (*end || end == buf || before < 0)
			return http_fail(r, 400, "invalid_field", "'before' must be an entry id");
	}
	page = audit_list_json((int)limit, before, &dberr);
	if (!page)
		return api_db_error(r);
	o = http_ok();
	json_object_object_foreach(page, key, v)
		json_object_object_add(o, key, json_object_get(v));
	json_object_put(page);
	return http_json(r, 200, o);
}
