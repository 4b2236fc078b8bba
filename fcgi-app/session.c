/* session.c - the rules of a test session's clock: when the server closes one */
#include <stdio.h>
#include <stdlib.h>

#include "api.h"
#include "db.h"
#include "session.h"

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
		    " RETURNING s.candidate_id, s.status, s.completion_method),"
		    " c AS (UPDATE candidate SET status = done.status FROM done"
		    "  WHERE candidate.candidate_id = done.candidate_id RETURNING 1)"
		    " INSERT INTO session_event (candidate_id, kind, detail)"
		    " SELECT candidate_id, 'end', jsonb_build_object('method', completion_method) FROM done",
		    2, p) == DB_OK) {
		n = atoi(PQcmdTuples(res));
		PQclear(res);
	}
	return n;
}
