/*
 * account.h - the roles of recruiters' accounts and the ratings of notes: names and order
 *
 * Pure functions, no database: the schema (sql/009_accounts.sql) holds the same names.
 */
#ifndef CE_ACCOUNT_H
#define CE_ACCOUNT_H

/* Each role has the rights of those below it. */
enum admin_role {
	ROLE_NONE = 0,		/* not an account (no token, or an unknown name) */
	ROLE_REVIEWER,		/* reads reports and writes notes */
	ROLE_RECRUITER,		/* manages questions and candidates */
	ROLE_OWNER,		/* manages accounts, reads the audit trail */
	ROLE__MAX
};

/* "owner", "recruiter", "reviewer"; "" for ROLE_NONE or out of range. */
const char *account_role_name(enum admin_role role);
/* The role of a name; ROLE_NONE for anything else (NULL too). */
enum admin_role account_role_parse(const char *name);

/* A note's rating, from worst to best. */
enum note_rating {
	RATING_NONE = 0,
	RATING_STRONG_NO,
	RATING_NO,
	RATING_MIXED,
	RATING_YES,
	RATING_STRONG_YES,
	RATING__MAX
};

/* "strong_no" ... "strong_yes"; "" for RATING_NONE or out of range. */
const char *account_rating_name(enum note_rating rating);
/* The rating of a name; RATING_NONE for anything else (NULL too). */
enum note_rating account_rating_parse(const char *name);

#endif
