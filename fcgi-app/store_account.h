/*
 * store_account.h - the statements about recruiters' accounts and their links
 *
 * An account's link (an invitation for a new account, a reset for an old
 * one) lets whoever holds it set the password once, until it expires; only
 * the token's SHA-256 is stored and a new link of an account replaces its
 * old ones.  The readers return a new JSON object (the caller owns it), or
 * NULL with *dberr set when the database failed, NULL with *dberr 0 when
 * there is no such account.
 */
#ifndef CE_STORE_ACCOUNT_H
#define CE_STORE_ACCOUNT_H

#include <stdbool.h>

#include "db.h"

struct json_object;

/* How long an invitation or reset link works. */
#define ACCOUNT_LINK_HOURS 72

/* Every account, by id: id, username, name, email, role, disabled, has_password, times. */
struct json_object *store_account_list_json(int *dberr);
/* The enabled accounts a job may name as members, by username: id, username, name, role. */
struct json_object *store_account_team_json(int *dberr);
/* One account (id: decimal text) in the list's shape. */
struct json_object *store_account_json(const char *id, int *dberr);

/* A new account without a password, its id into id[16]; DB_ECONFLICT when the username is taken. */
enum db_err store_account_insert(const char *username, const char *name, const char *email,
				 const char *role, char id[16]);
/*
 * A new link of kind "invite" or "reset" for account id, made by account
 * created_by; the account's other links stop working.  1, 0 when there is
 * no such account, -1 on a database error.
 */
int store_account_set_link(const char *id, const char *token, const char *kind, int created_by);
/*
 * Use a link: set the password hash of its account (enabled, link not
 * expired), end the account's sessions and its links.  1 with the account's
 * id and username, 0 when the link does not work, -1 on a database error.
 */
int store_account_use_link(const char *token, const char *password_hash, int *id,
			   char username[128]);

/* A change of an account; NULL members stay as they are. */
struct store_account_change {
	const char *name, *email, *role;
	const char *disabled;		/* "true" / "false" */
};
/*
 * Apply the change in one transaction; disabling an account ends its tokens
 * and links.  1 done, 0 no such account, -2 refused because no enabled
 * owner would be left, -1 on a database error.
 */
int store_account_update(const char *id, const struct store_account_change *c);

#endif
