/* store_account.c - the statements about recruiters' accounts and their links */
#include <stdio.h>
#include <string.h>

#include "api_common.h"
#include "store_account.h"

#define ACCOUNT_JSON                                                                             \
	"json_build_object('id', a.id, 'username', a.username, 'name', a.name, 'email', a.email,"  \
	" 'role', a.role, 'disabled', a.disabled, 'has_password', a.password_hash <> '',"          \
	" 'created_at', a.created_at, 'updated_at', a.updated_at)"

struct json_object *store_account_list_json(int *dberr)
{
	return api_query_json("SELECT COALESCE(json_agg(" ACCOUNT_JSON " ORDER BY a.id), '[]')"
			      " FROM recruiter_admin a",
			      0, NULL, dberr);
}

struct json_object *store_account_team_json(int *dberr)
{
	return api_query_json("SELECT COALESCE(json_agg(json_build_object('id', a.id, 'username', a.username,"
			      " 'name', a.name, 'role', a.role) ORDER BY a.username), '[]')"
			      " FROM recruiter_admin a WHERE NOT a.disabled",
			      0, NULL, dberr);
}

struct json_object *store_account_json(const char *id, int *dberr)
{
	const char *p[1] = { id };

	return api_query_json("SELECT " ACCOUNT_JSON " FROM recruiter_admin a WHERE a.id = $1::int", 1,
			      p, dberr);
}

enum db_err store_account_insert(const char *username, const char *name, const char *email,
				 const char *role, char id[16])
{
	const char *p[4] = { username, name, email, role };
	PGresult *res;
	enum db_err e;

	/* no password until the invitation is used: an empty hash matches nothing (auth_login) */
	e = db_exec(&res,
		    "INSERT INTO recruiter_admin (username, password_hash, name, email, role)"
		    " VALUES ($1, '', $2, $3, $4) RETURNING id",
		    4, p);
	if (e != DB_OK)
		return e;
	snprintf(id, 16, "%s", db_get(res, 0, "id"));
	PQclear(res);
	return DB_OK;
}

int store_account_set_link(const char *id, const char *token, const char *kind, int created_by)
{
	char by[16], hours[16];
	const char *p[5] = { id, token, kind, by, hours };
	int n;

	snprintf(by, sizeof(by), "%d", created_by);
	snprintf(hours, sizeof(hours), "%d", ACCOUNT_LINK_HOURS);
	n = db_rows("WITH old AS (DELETE FROM account_link WHERE admin_id = $1::int)"
		    " INSERT INTO account_link (token_hash, admin_id, kind, created_by, expires_at)"
		    " SELECT sha256(convert_to($2, 'UTF8')), a.id, $3, $4::int,"
		    " now() + make_interval(hours => $5::int) FROM recruiter_admin a WHERE a.id = $1::int"
		    " RETURNING 1",
		    5, p);
	return n < 0 ? -1 : n == 1;
}

int store_account_use_link(const char *token, const char *password_hash, int *id,
			   char username[128])
{
	const char *p[2] = { token, password_hash };
	PGresult *res;
	int n;

	/* one statement: the link is spent by whoever deletes it first */
	if (db_exec(&res,
		    "WITH l AS (DELETE FROM account_link k USING recruiter_admin a"
		    "   WHERE k.token_hash = sha256(convert_to($1, 'UTF8')) AND k.expires_at > now()"
		    "   AND a.id = k.admin_id AND NOT a.disabled RETURNING k.admin_id),"
		    " others AS (DELETE FROM account_link WHERE admin_id IN (SELECT admin_id FROM l)),"
		    /* a new password ends the sessions the old one opened */
		    " tokens AS (DELETE FROM admin_token WHERE admin_id IN (SELECT admin_id FROM l))"
		    " UPDATE recruiter_admin SET password_hash = $2, updated_at = now()"
		    " WHERE id IN (SELECT admin_id FROM l) RETURNING id, username",
		    2, p) != DB_OK)
		return -1;
	n = PQntuples(res);
	if (n == 1) {
		*id = (int)db_getll(res, 0, "id");
		snprintf(username, 128, "%s", db_get(res, 0, "username"));
	}
	PQclear(res);
	return n == 1;
}

int store_account_update(const char *id, const struct store_account_change *c)
{
	const char *p[5] = { id, c->name, c->email, c->role, c->disabled };
	int n, owners;

	if (db_begin() != DB_OK)
		return -1;
	/* two owners demoting each other at once must not both see the other still there */
	if (db_run("LOCK TABLE recruiter_admin IN SHARE ROW EXCLUSIVE MODE", 0, NULL) != DB_OK)
		goto fail;
	n = db_rows("UPDATE recruiter_admin SET name = COALESCE($2, name), email = COALESCE($3, email),"
		    " role = COALESCE($4, role), disabled = COALESCE($5::boolean, disabled),"
		    " updated_at = now() WHERE id = $1::int RETURNING 1",
		    5, p);
	if (n < 0)
		goto fail;
	if (n == 0) {
		db_rollback();
		return 0;
	}
	owners = db_rows("SELECT 1 FROM recruiter_admin WHERE role = 'owner' AND NOT disabled", 0, NULL);
	if (owners < 0)
		goto fail;
	if (owners == 0) {
		db_rollback();
		return -2;
	}
	if (c->disabled && !strcmp(c->disabled, "true") &&
	    (db_run("DELETE FROM admin_token WHERE admin_id = $1::int", 1, p) != DB_OK ||
	     db_run("DELETE FROM account_link WHERE admin_id = $1::int", 1, p) != DB_OK))
		goto fail;
	if (db_commit() != DB_OK)
		goto fail;
	return 1;
fail:
	db_rollback();
	return -1;
}
