/*
 * session.h - a test session's life: start, resume, touch, finish, and the clock that ends it
 *
 * The server owns the clock: a session ends when its time runs out, when its
 * tab closed and no heartbeat came back within the grace period, or when no
 * heartbeat came for the heartbeat timeout (config in api.h).  Each change
 * here and the timeline event it makes are one statement: both happen or
 * neither.  Nothing here authenticates (auth.h does) or answers HTTP: every
 * function returns a session_rc, and the handler says what it means.
 */
#ifndef CE_SESSION_H
#define CE_SESSION_H

#include <json-c/json.h>
#include <stdbool.h>

enum session_rc {
	SESSION_OK = 0,
	SESSION_OVER,		/* no open session with time left: nothing changed */
	SESSION_TOO_BIG,	/* session_save_drafts: the drafts would pass their cap */
	SESSION_RATE_LIMITED,	/* session_rate_take: the bucket is empty */
	SESSION_DB_ERROR,	/* the database failed: nothing is known to have changed */
};

/* What a touch returns: the server's time of it and the seconds left. */
struct session_touch {
	char at[48];
	int remaining_s;
};

/*
 * Start the candidate's session of minutes length, or give the open one a
 * new token (the old tab's stops working), with a 'start' or 'resume'
 * event; *created says which.  SESSION_OVER when the session has ended.
 */
enum session_rc session_start(const char *candidate_id, const char *token, const char *minutes,
			      bool *created);
/*
 * Close the candidate's session when its clock has run out, then say
 * whether it is open with time left.  with_grace (a submit): also up to
 * SESSION_SUBMIT_GRACE_S after the end when the session is open or its
 * timer closed it, since the page's last auto-submit may be in flight when
 * the clock runs out.  Runs and manual finishes get no grace.
 */
#define SESSION_SUBMIT_GRACE_S 15
enum session_rc session_open(const char *candidate_id, bool with_grace);
/* Heartbeat: the tab is alive (a closed tab that beats again is a 'resume'). */
enum session_rc session_heartbeat(const char *candidate_id, struct session_touch *t);
/* Activity: the candidate is working; an 'activity' event at most once a minute. */
enum session_rc session_activity(const char *candidate_id, struct session_touch *t);
/*
 * Store the drafts (JSON text; NULL keeps what is stored) when the stored
 * and new ones together take at most max_bytes.  On SESSION_OK, saved[0]
 * and saved[1] are the stored sections_completed and pending_answers as
 * JSON text, malloc'd: the caller frees both.
 */
enum session_rc session_save_drafts(const char *candidate_id, const char *sections,
				    const char *answers, int max_bytes, char *saved[2]);
/* The tab closed: the session is abandoned unless a heartbeat comes back within the grace. */
enum session_rc session_tab_closed(const char *candidate_id);
/*
 * The recruiter's change to the clock: minutes more (text, 0..1440), and
 * with reopen a finished session opens again with at least max(minutes, 5)
 * from now; an 'extended' or 'reopened' event.  SESSION_OVER: no session yet.
 */
enum session_rc session_extend(const char *candidate_id, const char *minutes, bool reopen);
/* End the open session as status ('completed' or 'abandoned') by method; at: when. */
enum session_rc session_finish(const char *candidate_id, const char *status, const char *method,
			       char at[48]);
/*
 * Take a token from the session's bucket for kind ("heartbeat", "activity",
 * "progress"; any other kind is not limited): SESSION_OK, or
 * SESSION_RATE_LIMITED when the bucket is empty.
 */
enum session_rc session_rate_take(const char *candidate_id, const char *kind);
/* The session as the client sees it; NULL when there is none (*dberr set on a failure). */
struct json_object *session_json(const char *candidate_id, int *dberr);
/*
 * Close every open session past one of its ends, with its 'end' event, in
 * one statement.  Returns the number closed (0 also when the database is down).
 */
int session_sweep(void);

#endif
