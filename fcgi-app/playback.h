/*
 * playback.h - what a candidate's editor records besides the drafts: its changes, for the
 * recruiter's player, and the integrity signals (README "Playback and integrity signals")
 *
 * Both come with the draft saves (PUT /api/test-session/:id/progress):
 *
 *   "edits":   [{"question_id": uuid, "language": id, "ops": [[t, from, to, insert], ...]}]
 *   "signals": [{"kind": "paste", "t", "question_id"?, "chars", "inside", "text"?}
 *               | {"kind": "copy", "t", "question_id"?, "chars"}
 *               | {"kind": "focus_lost", "t", "seconds"}]
 *
 * t is the page's clock in epoch milliseconds.  An op replaces the characters from..to
 * (UTF-16 units, CodeMirror's positions) of the document before it with insert.  A paste's
 * text is sent only when it came from outside the page.
 */
#ifndef CE_PLAYBACK_H
#define CE_PLAYBACK_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;

#define PLAYBACK_MAX_GROUPS 64		/* edit groups in one save */
#define PLAYBACK_MAX_OPS 5000		/* ops in one group */
#define PLAYBACK_MAX_INSERT 65536	/* bytes inserted by one op */
#define PLAYBACK_MAX_POS 10000000	/* a position in a document */
#define PLAYBACK_MAX_SIGNALS 200	/* signals in one save */
#define PLAYBACK_MAX_PASTE_TEXT 10000	/* bytes of an outside paste kept */
/* what a session may store: edits, and signals */
#define PLAYBACK_MAX_BYTES (4 * 1024 * 1024)
#define PLAYBACK_MAX_SESSION_SIGNALS 2000

/* Is edits (an array, or NULL) well formed?  0, or -1 with the reason in err. */
int playback_check_edits(struct json_object *edits, char *err, size_t errlen);
/* Is signals (an array, or NULL) well formed?  0, or -1 with the reason in err. */
int playback_check_signals(struct json_object *signals, char *err, size_t errlen);

enum playback_rc {
	PLAYBACK_OK = 0,
	PLAYBACK_FULL,		/* the session's budget is spent: nothing stored */
	PLAYBACK_UNKNOWN_QUESTION,	/* a question that is not the candidate's: nothing stored */
	PLAYBACK_DB_ERROR,
};

/*
 * Store checked edits and signals (JSON text each, NULL for none) of candidate_id's open
 * session, inside the caller's transaction: all or nothing.
 */
enum playback_rc playback_store(const char *candidate_id, const char *edits, const char *signals);

/*
 * GET /api/admin/candidates/:id/playback's answer for question key (uuid or number): the
 * edits in order, flattened, and the markers (runs, submits, pastes, copies, focus lost).
 * NULL with *dberr set on a database failure, NULL with *dberr 0 when the question is not
 * the candidate's.
 */
struct json_object *playback_json(const char *candidate_id, const char *key, int *dberr);

/* A run of question qid (the internal id) in lang: a marker on the player's scrubber. */
void playback_mark_run(const char *candidate_id, const char *qid, const char *lang);

#endif
