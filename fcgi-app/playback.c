/* playback.c - the editor's recorded changes and the integrity signals: checked, stored, read */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api_common.h"
#include "jsonh.h"
#include "lang.h"
#include "playback.h"
#include "uuid.h"

/* the page's clock in epoch milliseconds: after 2001, before 2255 */
#define T_MIN 1000000000000LL
#define T_MAX 9000000000000LL

static int fail(char *err, size_t errlen, const char *what, size_t i, const char *why)
{
	snprintf(err, errlen, "'%s' item %zu: %s", what, i, why);
	return -1;
}

static bool int_in(struct json_object *v, long long lo, long long hi, long long *out)
{
	long long x;

	if (!json_object_is_type(v, json_type_int))
		return false;
	x = (long long)json_object_get_int64(v);
	if (out)
		*out = x;
	return x >= lo && x <= hi;
}

/* A text without NUL of at most max bytes. */
static bool text_ok(struct json_object *v, size_t max)
{
	const char *s;
	int n;

	if (!json_object_is_type(v, json_type_string))
		return false;
	s = json_object_get_string(v);
	n = json_object_get_string_len(v);
	return (size_t)n <= max && memchr(s, '\0', (size_t)n) == NULL;
}

static bool question_ok(struct json_object *v)
{
	return json_object_is_type(v, json_type_string) && uuid_valid(json_object_get_string(v));
}

static int check_op(struct json_object *op)
{
	long long from, to;

	return json_object_is_type(op, json_type_array) && json_object_array_length(op) == 4 &&
	       int_in(json_object_array_get_idx(op, 0), T_MIN, T_MAX, NULL) &&
	       int_in(json_object_array_get_idx(op, 1), 0, PLAYBACK_MAX_POS, &from) &&
	       int_in(json_object_array_get_idx(op, 2), from, PLAYBACK_MAX_POS, &to) &&
	       text_ok(json_object_array_get_idx(op, 3), PLAYBACK_MAX_INSERT) ? 0 : -1;
}

int playback_check_edits(struct json_object *edits, char *err, size_t errlen)
{
	static const char *const fields[] = { "question_id", "language", "ops", NULL };
	size_t i, k, n;

	if (!edits)
		return 0;
	n = json_object_array_length(edits);
	if (n > PLAYBACK_MAX_GROUPS) {
		snprintf(err, errlen, "'edits' has at most %d items", PLAYBACK_MAX_GROUPS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct json_object *g = json_object_array_get_idx(edits, i), *v, *ops;
		char why[128];

		if (!json_object_is_type(g, json_type_object))
			return fail(err, errlen, "edits", i, "an object is expected");
		if (jsonh_only(g, fields, why, sizeof(why)) < 0)
			return fail(err, errlen, "edits", i, why);
		if (!json_object_object_get_ex(g, "question_id", &v) || !question_ok(v))
			return fail(err, errlen, "edits", i, "'question_id' must be a question's id");
		if (!json_object_object_get_ex(g, "language", &v) || !json_object_is_type(v, json_type_string) ||
		    !lang_find(json_object_get_string(v)))
			return fail(err, errlen, "edits", i, "'language' must be a language's id");
		if (!json_object_object_get_ex(g, "ops", &ops) || !json_object_is_type(ops, json_type_array) ||
		    json_object_array_length(ops) == 0 || json_object_array_length(ops) > PLAYBACK_MAX_OPS) {
			snprintf(why, sizeof(why), "'ops' must be 1 to %d changes", PLAYBACK_MAX_OPS);
			return fail(err, errlen, "edits", i, why);
		}
		for (k = 0; k < json_object_array_length(ops); k++)
			if (check_op(json_object_array_get_idx(ops, k)) < 0) {
				snprintf(why, sizeof(why), "change %zu is not [t, from, to, insert]"
					 " (t in epoch milliseconds, 0 <= from <= to)", k);
				return fail(err, errlen, "edits", i, why);
			}
	}
	return 0;
}

static int check_signal(struct json_object *s, char *why, size_t len)
{
	static const char *const paste[] = { "kind", "t", "question_id", "chars", "inside", "text", NULL };
	static const char *const copy[] = { "kind", "t", "question_id", "chars", NULL };
	static const char *const focus[] = { "kind", "t", "seconds", NULL };
	struct json_object *v;
	const char *kind;
	bool inside;

	if (!json_object_is_type(s, json_type_object))
		return snprintf(why, len, "an object is expected"), -1;
	if (!json_object_object_get_ex(s, "kind", &v) || !json_object_is_type(v, json_type_string))
		return snprintf(why, len, "'kind' must be paste, copy or focus_lost"), -1;
	kind = json_object_get_string(v);
	if (jsonh_only(s, !strcmp(kind, "paste") ? paste : !strcmp(kind, "copy") ? copy : focus, why, len) < 0)
		return -1;
	if (strcmp(kind, "paste") && strcmp(kind, "copy") && strcmp(kind, "focus_lost"))
		return snprintf(why, len, "'kind' must be paste, copy or focus_lost"), -1;
	if (!json_object_object_get_ex(s, "t", &v) || !int_in(v, T_MIN, T_MAX, NULL))
		return snprintf(why, len, "'t' must be the time in epoch milliseconds"), -1;
	if (json_object_object_get_ex(s, "question_id", &v) && !question_ok(v))
		return snprintf(why, len, "'question_id' must be a question's id"), -1;
	if (!strcmp(kind, "focus_lost")) {
		if (!json_object_object_get_ex(s, "seconds", &v) ||
		    !(json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)) ||
		    !(json_object_get_double(v) >= 0 && json_object_get_double(v) <= 86400))
			return snprintf(why, len, "'seconds' must be a number from 0 to 86400"), -1;
		return 0;
	}
	if (!json_object_object_get_ex(s, "chars", &v) || !int_in(v, 0, PLAYBACK_MAX_POS, NULL))
		return snprintf(why, len, "'chars' must be a count of characters"), -1;
	if (strcmp(kind, "paste"))
		return 0;
	if (!json_object_object_get_ex(s, "inside", &v) || !json_object_is_type(v, json_type_boolean))
		return snprintf(why, len, "'inside' must be true or false"), -1;
	inside = json_object_get_boolean(v);
	if (json_object_object_get_ex(s, "text", &v) &&
	    (inside || !text_ok(v, PLAYBACK_MAX_PASTE_TEXT)))
		return snprintf(why, len, "'text' is the text of a paste from outside the page,"
				" at most %d bytes", PLAYBACK_MAX_PASTE_TEXT), -1;
	return 0;
}

int playback_check_signals(struct json_object *signals, char *err, size_t errlen)
{
	size_t i, n;

	if (!signals)
		return 0;
	n = json_object_array_length(signals);
	if (n > PLAYBACK_MAX_SIGNALS) {
		snprintf(err, errlen, "'signals' has at most %d items", PLAYBACK_MAX_SIGNALS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		char why[160];

		if (check_signal(json_object_array_get_idx(signals, i), why, sizeof(why)) < 0)
			return fail(err, errlen, "signals", i, why);
	}
	return 0;
}

/* Run a store statement answering one row of open, known, fits. */
static enum playback_rc stored(const char *sql, int n, const char *const *p)
{
	enum playback_rc rc = PLAYBACK_OK;
	PGresult *res;

	if (db_exec(&res, sql, n, p) != DB_OK)
		return PLAYBACK_DB_ERROR;
	if (PQntuples(res) != 1 || strcmp(db_get(res, 0, "open"), "t"))
		rc = PLAYBACK_FULL;	/* the caller saw the session open: it just ended */
	else if (strcmp(db_get(res, 0, "known"), "t"))
		rc = PLAYBACK_UNKNOWN_QUESTION;
	else if (strcmp(db_get(res, 0, "fits"), "t"))
		rc = PLAYBACK_FULL;
	PQclear(res);
	return rc;
}

#define OPEN_SESSION                                                                              \
	"s AS (SELECT 1 FROM test_session s WHERE s.candidate_id = $1::uuid AND s.status = 'active'" \
	" AND s.ends_at > now() FOR UPDATE)"

enum playback_rc playback_store(const char *candidate_id, const char *edits, const char *signals)
{
	char cap[16], most[16];
	enum playback_rc rc = PLAYBACK_OK;

	snprintf(cap, sizeof(cap), "%d", PLAYBACK_MAX_BYTES);
	snprintf(most, sizeof(most), "%d", PLAYBACK_MAX_SESSION_SIGNALS);
	if (edits) {
		const char *p[3] = { candidate_id, edits, cap };

		rc = stored("WITH " OPEN_SESSION ","
			    " g AS (SELECT e->>'language' AS language, e->'ops' AS ops,"
			    "  octet_length((e->'ops')::text) AS bytes, q.id AS question_id"
			    "  FROM jsonb_array_elements($2::jsonb) e LEFT JOIN (candidate_question cq"
			    "  JOIN coding_question_bank q ON q.id = cq.question_id)"
			    "  ON cq.candidate_id = $1::uuid AND q.uuid = (e->>'question_id')::uuid),"
			    " ok AS (SELECT EXISTS (SELECT 1 FROM s) AS open,"
			    "  NOT EXISTS (SELECT 1 FROM g WHERE question_id IS NULL) AS known,"
			    "  (SELECT COALESCE(sum(b.bytes), 0) FROM playback_batch b WHERE b.candidate_id = $1::uuid)"
			    "  + (SELECT COALESCE(sum(bytes), 0) FROM g) <= $3::int AS fits),"
			    " ins AS (INSERT INTO playback_batch (candidate_id, question_id, language, ops, bytes)"
			    "  SELECT $1::uuid, g.question_id, g.language, g.ops, g.bytes FROM g, ok"
			    "  WHERE ok.open AND ok.known AND ok.fits RETURNING 1)"
			    " SELECT ok.open, ok.known, ok.fits, (SELECT count(*) FROM ins) AS n FROM ok",
			    3, p);
	}
	if (rc == PLAYBACK_OK && signals) {
		const char *p[3] = { candidate_id, signals, most };

		rc = stored("WITH " OPEN_SESSION ","
			    " ok AS (SELECT EXISTS (SELECT 1 FROM s) AS open, true AS known,"
			    "  (SELECT count(*) FROM session_event e WHERE e.candidate_id = $1::uuid"
			    "   AND e.kind IN ('paste', 'copy', 'focus_lost'))"
			    "  + jsonb_array_length($2::jsonb) <= $3::int AS fits),"
			    " ins AS (INSERT INTO session_event (candidate_id, kind, detail)"
			    "  SELECT $1::uuid, x->>'kind', x - 'kind' FROM jsonb_array_elements($2::jsonb)"
			    "  WITH ORDINALITY AS a(x, i), ok WHERE ok.open AND ok.fits ORDER BY a.i RETURNING 1)"
			    " SELECT ok.open, ok.known, ok.fits, (SELECT count(*) FROM ins) AS n FROM ok",
			    3, p);
	}
	return rc;
}

struct json_object *playback_json(const char *candidate_id, const char *key, int *dberr)
{
	const char *p[2] = { candidate_id, key };

	*dberr = 0;
	if (!uuid_valid(candidate_id))
		return NULL;
	return api_query_json(
		"SELECT json_build_object('question_id', q.uuid, 'title', q.title,"
		" 'edits', (SELECT COALESCE(json_agg(json_build_object('language', b.language,"
		"   't', o.op->0, 'from', o.op->1, 'to', o.op->2, 'insert', o.op->3) ORDER BY b.id, o.i), '[]')"
		"   FROM playback_batch b, jsonb_array_elements(b.ops) WITH ORDINALITY AS o(op, i)"
		"   WHERE b.candidate_id = $1::uuid AND b.question_id = q.id),"
		" 'markers', (SELECT COALESCE(json_agg(json_build_object('kind', m.kind, 't', m.t,"
		"   'detail', m.detail) ORDER BY m.t), '[]') FROM ("
		"   SELECT 'submit' AS kind, (extract(epoch FROM ic.created_at) * 1000)::bigint AS t,"
		"    jsonb_build_object('language', ic.language, 'status', ic.status, 'score', ic.score,"
		"    'submission_id', ic.submission_id) AS detail"
		"    FROM interview_coding ic WHERE ic.candidate_id = $1::uuid AND ic.question_id = q.id"
		"   UNION ALL SELECT e.kind, COALESCE((e.detail->>'t')::bigint,"
		"    (extract(epoch FROM e.at) * 1000)::bigint), e.detail - 't'"
		"    FROM session_event e WHERE e.candidate_id = $1::uuid"
		"    AND e.kind IN ('run', 'paste', 'copy', 'focus_lost')"
		"    AND COALESCE(e.detail->>'question_id', q.uuid::text) = q.uuid::text) m))"
		" FROM candidate_question cq JOIN coding_question_bank q ON q.id = cq.question_id"
		" WHERE cq.candidate_id = $1::uuid AND (q.uuid::text = $2 OR q.id::text = $2)",
		2, p, dberr);
}

void playback_mark_run(const char *candidate_id, const char *qid, const char *lang)
{
	const char *p[3] = { candidate_id, qid, lang };

	/* a marker for the player: a failure costs the marker, never the run */
	db_run("INSERT INTO session_event (candidate_id, kind, detail)"
	       " SELECT $1::uuid, 'run', jsonb_build_object('question_id', q.uuid, 'language', $3::text)"
	       " FROM coding_question_bank q WHERE q.id = $2::int",
	       3, p);
}
