/* session.c - a test session's life: start, resume, touch, finish, and the clock that ends it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "db.h"
#include "session.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* An open session with time left, in test_session s. */
#define OPEN "s.status = 'active' AND s.ends_at > now()"
#define REMAINING "GREATEST(0, floor(extract(epoch FROM s.ends_at - now())))::int"

/* The session as the client sees it; the server's clock decides what is left. */
#define SESSION_JSON                                                                             \
	"json_build_object('candidate_id', s.candidate_id, 'test_start_time', s.test_start_time," \
	" 'test_duration_minutes', s.test_duration_minutes, 'ends_at', s.ends_at,"                \
	" 'server_time', now(), 'remaining_seconds', " REMAINING ","                              \
	" 'status', s.status, 'completion_method', s.completion_method,"                         \
	" 'completed_at', s.completed_at, 'last_heartbeat', s.last_heartbeat,"                    \
	" 'last_activity', s.last_activity, 'tab_closed_at', s.tab_closed_at,"                    \
	" 'sections_completed', s.sections_completed, 'pending_answers', s.pending_answers)"

/*
 * Candidate writes are rate-limited per session and kind: a token bucket in
 * session_rate holds up to burst requests and refills per_s a second.  The
 * page (static/candidate/session.js) sends a heartbeat every 30 s (and on returning
 * to the tab), activity at most every 15 s and drafts 2 s after typing stops,
 * one save at a time: far below these.
 */
static const struct session_rate {
	const char *kind;
	const char *burst;
	const char *per_s;
} session_rates[] = {
	{ "heartbeat", "30", "0.5" },
	{ "activity", "30", "0.5" },
	{ "progress", "30", "1" },
};

/* Run a statement that returns one row when it changed the session, none when it was over. */
static enum session_rc one_row(PGresult **res, const char *sql, int n, const char *const *p)
{
	if (db_exec(res, sql, n, p) != DB_OK)
		return SESSION_DB_ERROR;
	if (PQntuples(*res) == 1)
		return SESSION_OK;
	PQclear(*res);
	*res = NULL;
	return SESSION_OVER;
}

enum session_rc session_start(const char *candidate_id, const char *token, const char *minutes,
			      bool *created)
{
	const char *p[3] = { candidate_id, token, minutes };
	PGresult *res;
	enum session_rc rc;

	rc = one_row(&res,
		     "WITH up AS (INSERT INTO test_session AS s (candidate_id, session_token_hash,"
		     "  test_duration_minutes, ends_at, last_heartbeat, last_activity)"
		     " VALUES ($1, sha256(convert_to($2, 'UTF8')), $3::int,"
		     "  now() + make_interval(mins => $3::int), now(), now())"
		     " ON CONFLICT (candidate_id) DO UPDATE SET session_token_hash = EXCLUDED.session_token_hash,"
		     "  tab_closed_at = NULL, last_heartbeat = now(), updated_at = now()"
		     "  WHERE " OPEN
		     " RETURNING (xmax = 0) AS created),"
		     " ev AS (INSERT INTO session_event (candidate_id, kind)"
		     "  SELECT $1, CASE WHEN created THEN 'start' ELSE 'resume' END FROM up)"
		     " SELECT created FROM up",
		     3, p);
	if (rc == SESSION_OK) {
		*created = !strcmp(db_get(res, 0, "created"), "t");
		PQclear(res);
	}
	return rc;
}

enum session_rc session_open(const char *candidate_id, bool with_grace)
{
	const char *p[2] = { candidate_id, with_grace ? "t" : "f" };
	PGresult *res;
	bool ok, expired;

	if (db_exec(&res,
		    "SELECT (" OPEN ") OR ($2::bool AND s.ends_at > now() - interval '"
		    STR(SESSION_SUBMIT_GRACE_S) " seconds' AND"
		    " (s.status = 'active' OR s.completion_method = 'timer_expired')) AS ok,"
		    " s.ends_at <= now() AND s.status = 'active' AS expired"
		    " FROM test_session s WHERE s.candidate_id = $1::uuid",
		    2, p) != DB_OK)
		return SESSION_DB_ERROR;
	ok = PQntuples(res) == 1 && !strcmp(db_get(res, 0, "ok"), "t");
	expired = PQntuples(res) == 1 && !strcmp(db_get(res, 0, "expired"), "t");
	PQclear(res);
	/* close it now, with its 'end' event, as the periodic sweep would */
	if (expired)
		session_sweep();
	return ok ? SESSION_OK : SESSION_OVER;
}

/* A touch statement returns at and remaining. */
static enum session_rc touch(const char *sql, const char *candidate_id, struct session_touch *t)
{
	const char *p[1] = { candidate_id };
	PGresult *res;
	enum session_rc rc = one_row(&res, sql, 1, p);

	if (rc == SESSION_OK) {
		snprintf(t->at, sizeof(t->at), "%s", db_get(res, 0, "at"));
		t->remaining_s = (int)db_getll(res, 0, "remaining");
		PQclear(res);
	}
	return rc;
}

enum session_rc session_heartbeat(const char *candidate_id, struct session_touch *t)
{
	/* every CTE sees the row as it was: old.tab_closed_at is from before the update */
	return touch("WITH old AS (SELECT tab_closed_at FROM test_session WHERE candidate_id = $1),"
		     " up AS (UPDATE test_session s SET last_heartbeat = now(), updated_at = now(),"
		     "  tab_closed_at = NULL WHERE s.candidate_id = $1 AND " OPEN
		     "  RETURNING " REMAINING " AS remaining),"
		     " ev AS (INSERT INTO session_event (candidate_id, kind)"
		     "  SELECT $1, k FROM up, old, (VALUES (1, 'heartbeat'), (2, 'resume')) v(i, k)"
		     "  WHERE k = 'heartbeat' OR old.tab_closed_at IS NOT NULL ORDER BY i)"
		     " SELECT to_json(now())#>>'{}' AS at, remaining FROM up",
		     candidate_id, t);
}

enum session_rc session_activity(const char *candidate_id, struct session_touch *t)
{
	return touch("WITH old AS (SELECT last_activity FROM test_session WHERE candidate_id = $1),"
		     " up AS (UPDATE test_session s SET last_activity = now(), updated_at = now()"
		     "  WHERE s.candidate_id = $1 AND " OPEN " RETURNING " REMAINING " AS remaining),"
		     " ev AS (INSERT INTO session_event (candidate_id, kind) SELECT $1, 'activity'"
		     "  FROM up, old WHERE old.last_activity IS NULL"
		     "  OR old.last_activity < now() - interval '60 seconds')"
		     " SELECT to_json(now())#>>'{}' AS at, remaining FROM up",
		     candidate_id, t);
}

enum session_rc session_save_drafts(const char *candidate_id, const char *sections,
				    const char *answers, int max_bytes, char *saved[2])
{
	char cap[16];
	const char *p[4] = { candidate_id, sections, answers, cap };
	PGresult *res;
	enum session_rc rc;

	snprintf(cap, sizeof(cap), "%d", max_bytes);
	/* what is kept plus what is new must fit the cap, or nothing changes */
	rc = one_row(&res,
		     "WITH up AS (UPDATE test_session s SET"
		     "  sections_completed = COALESCE($2::jsonb, sections_completed),"
		     "  pending_answers = COALESCE($3::jsonb, pending_answers), updated_at = now()"
		     "  WHERE s.candidate_id = $1 AND " OPEN
		     "  AND octet_length(COALESCE($2::jsonb, s.sections_completed)::text)"
		     "   + octet_length(COALESCE($3::jsonb, s.pending_answers)::text) <= $4::int"
		     "  RETURNING s.sections_completed::text AS sc, s.pending_answers::text AS pa)"
		     " SELECT (SELECT sc FROM up) AS sc, (SELECT pa FROM up) AS pa,"
		     "  EXISTS (SELECT 1 FROM up) AS saved,"
		     "  EXISTS (SELECT 1 FROM test_session s WHERE s.candidate_id = $1 AND " OPEN ") AS open",
		     4, p);
	if (rc != SESSION_OK)
		return rc;
	if (!strcmp(db_get(res, 0, "saved"), "t")) {
		saved[0] = strdup(db_get(res, 0, "sc"));
		saved[1] = strdup(db_get(res, 0, "pa"));
		rc = saved[0] && saved[1] ? SESSION_OK : SESSION_DB_ERROR;
		if (rc != SESSION_OK) {
			free(saved[0]);
			free(saved[1]);
		}
	} else {
		rc = !strcmp(db_get(res, 0, "open"), "t") ? SESSION_TOO_BIG : SESSION_OVER;
	}
	PQclear(res);
	return rc;
}

enum session_rc session_tab_closed(const char *candidate_id)
{
	const char *p[1] = { candidate_id };
	PGresult *res;
	enum session_rc rc;

	rc = one_row(&res,
		     "WITH up AS (UPDATE test_session s SET tab_closed_at = now(), updated_at = now()"
		     "  WHERE s.candidate_id = $1 AND s.status = 'active' RETURNING 1),"
		     " ev AS (INSERT INTO session_event (candidate_id, kind) SELECT $1, 'tab_close' FROM up)"
		     " SELECT 1 FROM up",
		     1, p);
	if (rc == SESSION_OK)
		PQclear(res);
	return rc;
}

enum session_rc session_finish(const char *candidate_id, const char *status, const char *method,
			       char at[48])
{
	const char *p[3] = { candidate_id, status, method };
	PGresult *res;
	enum session_rc rc;

	rc = one_row(&res,
		     "WITH up AS (UPDATE test_session s SET status = $2, completion_method = $3,"
		     "  completed_at = now(), updated_at = now()"
		     "  WHERE s.candidate_id = $1 AND s.status = 'active' RETURNING completed_at),"
		     " ev AS (INSERT INTO session_event (candidate_id, kind, detail)"
		     "  SELECT $1, 'end', jsonb_build_object('method', $3::text) FROM up)"
		     " SELECT to_json(completed_at)#>>'{}' AS at FROM up",
		     3, p);
	if (rc == SESSION_OK) {
		snprintf(at, 48, "%s", db_get(res, 0, "at"));
		PQclear(res);
	}
	return rc;
}

enum session_rc session_extend(const char *candidate_id, const char *minutes, bool reopen)
{
	const char *p[3] = { candidate_id, minutes, reopen ? "t" : "f" };
	PGresult *res;
	enum session_rc rc;

	rc = one_row(&res,
		     "WITH up AS (UPDATE test_session SET"
		     "  ends_at = CASE WHEN $3::bool AND status <> 'active'"
		     "   THEN now() + make_interval(mins => GREATEST($2::int, 5))"
		     "   ELSE ends_at + make_interval(mins => $2::int) END,"
		     "  status = CASE WHEN $3::bool THEN 'active' ELSE status END,"
		     "  completion_method = CASE WHEN $3::bool THEN NULL ELSE completion_method END,"
		     "  completed_at = CASE WHEN $3::bool THEN NULL ELSE completed_at END,"
		     "  tab_closed_at = CASE WHEN $3::bool THEN NULL ELSE tab_closed_at END,"
		     "  last_heartbeat = CASE WHEN $3::bool THEN now() ELSE last_heartbeat END,"
		     "  updated_at = now() WHERE candidate_id = $1::uuid RETURNING 1),"
		     " ev AS (INSERT INTO session_event (candidate_id, kind)"
		     "  SELECT $1::uuid, CASE WHEN $3::bool THEN 'reopened' ELSE 'extended' END FROM up)"
		     " SELECT 1 FROM up",
		     3, p);
	if (rc == SESSION_OK)
		PQclear(res);
	return rc;
}

struct json_object *session_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	return api_query_json("SELECT " SESSION_JSON " FROM test_session s WHERE s.candidate_id = $1",
			      1, p, dberr);
}

int session_sweep(void)
{
	char grace[16], hb[16];
	const char *p[2] = { grace, hb };
	PGresult *res;
	int n = 0;

	snprintf(grace, sizeof(grace), "%d", cfg.abandon_grace_s);
	snprintf(hb, sizeof(hb), "%d", cfg.heartbeat_timeout_s);
	if (db_exec(&res,
		    "WITH done AS (UPDATE test_session s SET"
		    "  status = CASE WHEN ends_at <= now() THEN 'completed' ELSE 'abandoned' END,"
		    "  completion_method = CASE WHEN ends_at <= now() THEN 'timer_expired'"
		    "    WHEN tab_closed_at IS NOT NULL AND tab_closed_at <= now() - make_interval(secs => $1::int)"
		    "    THEN 'tab_close' ELSE 'heartbeat_timeout' END,"
		    "  completed_at = LEAST(ends_at, now()), updated_at = now()"
		    " WHERE status = 'active' AND (ends_at <= now()"
		    "  OR (tab_closed_at IS NOT NULL AND tab_closed_at <= now() - make_interval(secs => $1::int))"
		    "  OR (COALESCE(last_heartbeat, test_start_time) <= now() - make_interval(secs => $2::int)))"
		    " RETURNING s.candidate_id, s.completion_method)"
		    " INSERT INTO session_event (candidate_id, kind, detail)"
		    " SELECT candidate_id, 'end', jsonb_build_object('method', completion_method) FROM done",
		    2, p) == DB_OK) {
		n = atoi(PQcmdTuples(res));
		PQclear(res);
	}
	return n;
}

enum session_rc session_rate_take(const char *candidate_id, const char *kind)
{
	const struct session_rate *b = NULL;
	const char *p[4];
	PGresult *res;
	enum session_rc rc;
	size_t i;

	for (i = 0; i < sizeof(session_rates) / sizeof(session_rates[0]); i++)
		if (!strcmp(session_rates[i].kind, kind))
			b = &session_rates[i];
	if (!b)
		return SESSION_OK;
	p[0] = candidate_id;
	p[1] = b->kind;
	p[2] = b->burst;
	p[3] = b->per_s;
	rc = one_row(&res,
		     "INSERT INTO session_rate AS b (candidate_id, kind, tokens) VALUES ($1, $2, $3::float8 - 1)"
		     " ON CONFLICT (candidate_id, kind) DO UPDATE SET at = now(), tokens ="
		     "  LEAST($3::float8, b.tokens + extract(epoch FROM now() - b.at) * $4::float8) - 1"
		     " WHERE LEAST($3::float8, b.tokens + extract(epoch FROM now() - b.at) * $4::float8) >= 1"
		     " RETURNING 1",
		     4, p);
	if (rc == SESSION_OK)
		PQclear(res);
	return rc == SESSION_OVER ? SESSION_RATE_LIMITED : rc;
}
