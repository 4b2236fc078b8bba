/* auth.c - password hashing, random tokens, admin and candidate authentication */
#define _GNU_SOURCE
#include <crypt.h>
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "api_common.h"
#include "uuid.h"
#include "util.h"
#include "auth.h"
#include "db.h"
#include "store_job.h"
#include "http.h"

int auth_new_token(char out[TOKEN_HEX_LEN + 1])
{
	return random_hex(out, TOKEN_HEX_LEN / 2);
}

int auth_hash_password(const char *password, char *out, size_t outlen)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data cd;
	const char *h;

	/* yescrypt with the library's default cost */
	if (!crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof(salt)))
		return -1;
	memset(&cd, 0, sizeof(cd));
	h = crypt_r(password, salt, &cd);
	if (!h || h[0] == '*' || strlen(h) >= outlen)
		return -1;
	snprintf(out, outlen, "%s", h);
	return 0;
}

bool auth_check_password(const char *password, const char *hash)
{
	struct crypt_data cd;
	const char *h;
	size_t n, i;
	unsigned char diff = 0;

	memset(&cd, 0, sizeof(cd));
	h = crypt_r(password, hash, &cd);
	if (!h || h[0] == '*')
		return false;
	n = strlen(hash);
	if (strlen(h) != n)
		return false;
	/* constant time: a mismatch position must not show in the timing */
	for (i = 0; i < n; i++)
		diff |= (unsigned char)(h[i] ^ hash[i]);
	return diff == 0;
}

static bool token_shape_ok(const char *t)
{
	size_t n = strspn(t, "0123456789abcdef");

	return n == TOKEN_HEX_LEN && t[n] == '\0';
}

int auth_login(const char *user, const char *password, const char *token, int hours)
{
	/* a real hash, so an unknown user costs as much time as a wrong password */
	static const char dummy[] = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o7Ha3oK3xb.mKzZ9uQ6Q1MhpTXeQY1hm8";
	char h[16];
	const char *p[3] = { user, NULL, h }, *hash;
	PGresult *res, *ins;
	bool ok, usable;

	if (db_exec(&res,
		    "SELECT id, password_hash, disabled FROM recruiter_admin WHERE username = $1", 1, p) !=
	    DB_OK)
		return -1;
	/* a disabled account, or one whose invitation is not used yet, is a wrong password */
	usable = PQntuples(res) == 1 && strcmp(db_get(res, 0, "disabled"), "t") &&
		 *db_get(res, 0, "password_hash");
	hash = usable ? db_get(res, 0, "password_hash") : dummy;
	ok = auth_check_password(password, hash) && usable;
	if (ok) {
		snprintf(h, sizeof(h), "%d", hours);
		p[0] = token;
		p[1] = db_get(res, 0, "id");
		if (db_exec(&ins,
			    "INSERT INTO admin_token (token_hash, admin_id, expires_at)"
			    " VALUES (sha256(convert_to($1, 'UTF8')), $2::int, now() + make_interval(hours => $3::int))",
			    3, p) != DB_OK) {
			PQclear(res);
			return -1;
		}
		PQclear(ins);
	}
	PQclear(res);
	return ok;
}

int auth_logout(const char *token)
{
	const char *p[1] = { token };

	return db_run("DELETE FROM admin_token WHERE token_hash = sha256(convert_to($1, 'UTF8'))",
		      1, p) == DB_OK ? 0 : -1;
}

int auth_admin_exists(void)
{
	int n = db_rows("SELECT 1 FROM recruiter_admin LIMIT 1", 0, NULL);

	return n < 0 ? -1 : n > 0;
}

enum db_err auth_create_admin(const char *user, const char *password_hash)
{
	const char *p[2] = { user, password_hash };

	return db_run("INSERT INTO recruiter_admin (username, password_hash, role) VALUES ($1, $2, 'owner')"
		      " ON CONFLICT (username) DO NOTHING",
		      2, p);
}

int auth_try_admin(struct http_req *r)
{
	const char *t = http_bearer(r);
	const char *p[1];
	PGresult *res;

	if (!t || !token_shape_ok(t))
		return 0;
	p[0] = t;
	/* the account is read on every call: disabling it ends its tokens at once */
	if (db_exec(&res,
		    "SELECT t.admin_id, a.role FROM admin_token t JOIN recruiter_admin a ON a.id = t.admin_id"
		    " WHERE t.token_hash = sha256(convert_to($1, 'UTF8')) AND t.expires_at > now()"
		    " AND NOT a.disabled",
		    1, p) != DB_OK)
		return -1;
	if (PQntuples(res) == 1) {
		r->admin_id = (int)db_getll(res, 0, "admin_id");
		r->admin_role = account_role_parse(db_get(res, 0, "role"));
	}
	PQclear(res);
	return r->admin_id;
}

int auth_admin(struct http_req *r)
{
	int a = auth_try_admin(r);

	if (a > 0)
		return 0;
	/* a database failure is not a wrong token: the client must retry, not log in again */
	if (a < 0 || db_ping() != DB_OK) {
		api_db_error(r);
		return -1;
	}
	http_fail(r, 401, "unauthorized", "admin login required (Authorization: Bearer <token>)");
	return -1;
}

int auth_admin_role(struct http_req *r, enum admin_role min)
{
	if (auth_admin(r) < 0)
		return -1;
	if (r->admin_role < (int)min) {
		http_fail(r, 403, "forbidden", "this needs the %s role; your account is a %s",
			  account_role_name(min), account_role_name(r->admin_role));
		return -1;
	}
	return 0;
}

int auth_reader(const struct http_req *r)
{
	return r->admin_role < (int)ROLE_RECRUITER ? r->admin_id : 0;
}

/* Is the row of sql (with $1 the id, $2 the reader) there for the reader? */
static int may_read(struct http_req *r, const char *sql, const char *id, bool id_ok, const char *what)
{
	char who[16];
	const char *p[2] = { id, who };
	int n = 0;

	if (!auth_reader(r))
		return 0;
	snprintf(who, sizeof(who), "%d", auth_reader(r));
	if (id_ok && (n = db_rows(sql, 2, p)) < 0)
		return api_db_error(r), -1;
	if (n == 0)
		return http_fail(r, 403, "forbidden", "this %s is not in a job you are assigned to", what), -1;
	return 0;
}

int auth_may_read_candidate(struct http_req *r, const char *candidate_id)
{
	return may_read(r,
			"SELECT 1 FROM candidate c WHERE c.candidate_id = $1::uuid"
			" AND " STORE_JOB_SCOPE("c.job_id", "$2"),
			candidate_id, uuid_valid(candidate_id), "candidate");
}

int auth_may_read_job(struct http_req *r, const char *job_id)
{
	return may_read(r, "SELECT 1 FROM jobs j WHERE j.id = $1::int AND " STORE_JOB_SCOPE("j.id", "$2"),
			job_id, api_row_id(job_id), "job");
}

int auth_may_read_test(struct http_req *r, const char *test_id)
{
	return may_read(r, "SELECT 1 FROM test t WHERE t.id = $1::int AND " STORE_JOB_SCOPE("t.job_id", "$2"),
			test_id, api_row_id(test_id), "test");
}

/*
 * The bearer token, or "?token=" on the one route that needs it: a URL ends
 * up in logs and histories, so everywhere else a token there is no token.
 */
static const char *session_token(const struct http_req *r, char *buf, size_t len)
{
	const char *t = http_bearer(r);

	if (t)
		return t;
	if (!r->query_token_ok)
		return NULL;
	return http_query(r, "token", buf, len);
}

static int check_session(struct http_req *r, const char *token, const char *candidate_id)
{
	const char *p[1] = { token };
	PGresult *res;
	int rc = -1;

	if (!token || !token_shape_ok(token)) {
		http_fail(r, 401, "unauthorized", "a valid session token is required");
		return -1;
	}
	if (db_exec(&res,
		    "SELECT candidate_id FROM test_session"
		    " WHERE session_token_hash = sha256(convert_to($1, 'UTF8'))",
		    1, p) != DB_OK) {
		api_db_error(r);
		return -1;
	}
	if (PQntuples(res) != 1) {
		http_fail(r, 401, "unauthorized", "unknown or revoked session token");
		goto out;
	}
	if (candidate_id && strcmp(db_get(res, 0, "candidate_id"), candidate_id)) {
		http_fail(r, 403, "forbidden", "this token belongs to another candidate");
		goto out;
	}
	snprintf(r->candidate_id, sizeof(r->candidate_id), "%s", db_get(res, 0, "candidate_id"));
	rc = 0;
out:
	PQclear(res);
	return rc;
}

int auth_candidate(struct http_req *r, const char *candidate_id, bool admin_ok)
{
	char buf[TOKEN_HEX_LEN + 8];

	if (admin_ok) {
		int a = auth_try_admin(r);

		if (a < 0) {
			api_db_error(r);
			return -1;
		}
		if (a > 0) {
			/* the admin names any candidate: a malformed id is no candidate, not a query */
			if (!uuid_valid(candidate_id)) {
				http_fail(r, 404, "not_found", "no such candidate");
				return -1;
			}
			if (auth_may_read_candidate(r, candidate_id) < 0)
				return -1;
			snprintf(r->candidate_id, sizeof(r->candidate_id), "%s", candidate_id);
			return 0;
		}
	}
	return check_session(r, session_token(r, buf, sizeof(buf)), candidate_id);
}

int auth_any_candidate(struct http_req *r)
{
	char buf[TOKEN_HEX_LEN + 8];

	return check_session(r, session_token(r, buf, sizeof(buf)), NULL);
}
