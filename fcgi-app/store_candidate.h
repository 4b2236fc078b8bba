/*
 * store_candidate.h - the statements about a candidate, their questions and their invitation
 *
 * The handlers (api_admin.c, api_session.c, api_questions.c, api_reports.c)
 * go through these.  The readers return a new JSON object (the caller owns
 * it), or NULL with *dberr set when the database failed, and NULL with
 * *dberr 0 when there is no such candidate.  The others return 1 when the
 * candidate was there (and changed), 0 when not, -1 on a database error,
 * unless they say otherwise.  The session clock is session.h's: these only
 * read what it left.
 */
#ifndef CE_STORE_CANDIDATE_H
#define CE_STORE_CANDIDATE_H

#include <libpq-fe.h>

#include "db.h"

struct json_object;

/* The candidate, their session, questions and score; the status is the session's, or invited. */
struct json_object *store_candidate_json(const char *candidate_id, int *dberr);
/* What the candidates list shows: every member "" for any, as the handler checked them. */
struct store_candidate_filter {
	const char *status;		/* invited, active, completed, abandoned */
	const char *from, *until;	/* invited on or after, on or before: YYYY-MM-DD */
	const char *sort;		/* name, status, score, started_at, created_at, integrity */
	const char *order;		/* asc, desc */
	const char *search;		/* "" or text the name or e-mail holds (any case) */
	int page, per_page;		/* from 1 */
};
/*
 * {"total": candidates matching, "candidates": [the page]} of the candidates in reader's
 * scope (store_job.h STORE_JOB_SCOPE).  Sorting by integrity is by the number of signals.
 */
struct json_object *store_candidate_list_json(int reader, const struct store_candidate_filter *f,
					      int *dberr);
/* The recruiter's record: the candidate plus each question's best and final code, every
 * submission with its results, the events and the timeline (late heartbeats as gaps). */
struct json_object *store_candidate_detail_json(const char *candidate_id, int *dberr);

/* A new candidate, as the recruiter invites them. */
struct store_candidate {
	const char *name, *email, *phone;
	const char *minutes;		/* test_duration_minutes, as text */
	const char *invite_token;	/* only its SHA-256 is stored */
	int admin_id;			/* the recruiter who invited them */
	const char *invite_nonce;	/* what the token was derived from (invite_link.h); NULL or "": none */
};
/*
 * Insert the candidate, linked to their recruiter; the uuid into id[40].
 * With store_candidate_add_question, inside one transaction (db_begin).
 */
enum db_err store_candidate_insert(const struct store_candidate *c, char id[40]);
/* Question qid (internal id) at position 1, 2, ... of the candidate's test; a repeat is ignored. */
enum db_err store_candidate_add_question(const char *candidate_id, const char *qid, int position);
/* Change the name and e-mail (NULL keeps either). */
int store_candidate_rename(const char *candidate_id, const char *name, const char *email);
/* Delete the candidate and everything of theirs. */
int store_candidate_delete(const char *candidate_id);
/* A new invitation token and its nonce (NULL or "": none); the old link stops working. */
int store_candidate_set_invite(const char *candidate_id, const char *token, const char *nonce);
/*
 * The nonce of the candidate's current link into nonce[33] ("" when the link has none: made
 * before links could be shown again, or without a secret): 1, 0 when there is no such
 * candidate, -1 on a database error.
 */
int store_candidate_invite_nonce(const char *candidate_id, char nonce[33]);
/* Is token the candidate's current link?  1, 0, or -1 on a database error. */
int store_candidate_invite_is(const char *candidate_id, const char *token);
/* Is question qid (internal id) in the candidate's test? */
int store_candidate_has_question(const char *candidate_id, const char *qid);

/* Whom an invitation token names. */
struct store_invitation {
	char candidate_id[40];
	char minutes[16];		/* test_duration_minutes */
	char session_status[16];	/* "" before the session starts */
};
/* The candidate of an invitation token (64 hex characters). */
int store_candidate_by_invite(const char *token, struct store_invitation *out);
/* What an invitation shows before the start: name, length, questions, the session if any. */
struct json_object *store_candidate_invitation_json(const char *token, int *dberr);
/*
 * The scores of every candidate in reader's scope (STORE_JOB_SCOPE) for the CSV export:
 * *cols the questions they have (number, title), *rows one row each, newest first, with
 * the columns name, email, status, completion_method, started_at, completed_at,
 * questions, solved, score, max_score, percent (all text) and scores (a JSON object of
 * question number to best score).  The caller clears both.
 */
enum db_err store_candidate_scores(int reader, PGresult **cols, PGresult **rows);

#endif
