/*
 * auth.h - passwords, tokens and who is calling
 *
 * Passwords are stored as yescrypt hashes (crypt(3), salted and slow).
 * Tokens are 256 random bits in hex; the database keeps only their SHA-256.
 */
#ifndef CE_AUTH_H
#define CE_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#include "account.h"
#include "db.h"

struct http_req;

#define TOKEN_HEX_LEN 64

/* 256 random bits as 64 hex characters + NUL. */
int auth_new_token(char out[TOKEN_HEX_LEN + 1]);
/* Hash a password into out (at least 128 bytes). */
int auth_hash_password(const char *password, char *out, size_t outlen);
bool auth_check_password(const char *password, const char *hash);

/*
 * Check a recruiter's password and, when it is right, store token (64 hex
 * characters, made by auth_new_token) for hours: 1 logged in, 0 wrong name
 * or password, a disabled account or one without a password yet (as slow
 * every way), -1 on a database error.
 */
int auth_login(const char *user, const char *password, const char *token, int hours);
/* Revoke an admin token: 0, or -1 on a database error. */
int auth_logout(const char *token);
/* Is there any admin account?  1, 0, or -1 on a database error. */
int auth_admin_exists(void);
/* Create an owner's account with a password hash (auth_hash_password); an existing name stays. */
enum db_err auth_create_admin(const char *user, const char *password_hash);

/*
 * Require the bearer token of an enabled account, whatever its role (read
 * access); on success sets r->admin_id and r->admin_role and returns 0,
 * otherwise records 401 (or 503 when the database is down) and returns -1.
 * The account is read on every call, so a disabled account's tokens fail at once.
 */
int auth_admin(struct http_req *r);
/*
 * auth_admin, and the account's role at least min: else records 403
 * forbidden and returns -1.  Every /api/admin/ route names its role with
 * this (README "Accounts and roles").
 */
int auth_admin_role(struct http_req *r, enum admin_role min);
/*
 * Whose jobs the authenticated account (auth_admin_role done) reads: a
 * reviewer reads the jobs they are a member of, and those jobs' tests and
 * candidates, only; owners and recruiters read everything.  The account id
 * for a reviewer, 0 for everyone else: the reader of store_job.h's
 * STORE_JOB_SCOPE.
 */
int auth_reader(const struct http_req *r);
/*
 * May the authenticated account read candidate_id's record, report and
 * notes; job_id and its tests and pipeline; test_id?  0, or -1 with 403
 * recorded (also for an id that does not exist: a reviewer learns nothing of
 * other jobs) or 503.
 */
int auth_may_read_candidate(struct http_req *r, const char *candidate_id);
int auth_may_read_job(struct http_req *r, const char *job_id);
int auth_may_read_test(struct http_req *r, const char *test_id);
/* The admin id of a valid token of an enabled account (r->admin_id and r->admin_role set);
 * 0 when absent or invalid, -1 when the database failed; sends nothing. */
int auth_try_admin(struct http_req *r);
/*
 * Require the session token of candidate_id: the bearer header, or ?token=
 * where the handler set r->query_token_ok (the abandon beacon only).  On
 * success sets r->candidate_id and returns 0; else sends 401, 403 (another
 * candidate's token) or 503 and returns -1.  Admins pass when admin_ok is
 * set.  Whether the session is still open is session.h's question.
 */
int auth_candidate(struct http_req *r, const char *candidate_id, bool admin_ok);
/* The candidate of the session token in the request, for routes without an id. */
int auth_any_candidate(struct http_req *r);

#endif
