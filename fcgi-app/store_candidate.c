/* store_candidate.c - how a candidate reads back: the list, the record, the recruiter's detail */
#include <stddef.h>

#include "api_common.h"
#include "store_candidate.h"

/*
 * A candidate as JSON, with the session, the questions and the score (c: the
 * candidate row).  The status is the session's, 'invited' before it starts.
 */
#define CANDIDATE_JSON                                                                           \
	"json_build_object('candidate_id', c.candidate_id, 'id', c.id, 'name', c.name,"          \
	" 'email', c.email, 'phone', c.phone,"                                                   \
	" 'status', COALESCE((SELECT s.status FROM test_session s"                                 \
	"   WHERE s.candidate_id = c.candidate_id), 'invited'),"                                   \
	" 'test_duration_minutes', c.test_duration_minutes, 'created_at', c.created_at,"          \
	" 'question_ids', (SELECT COALESCE(json_agg(q.uuid ORDER BY cq.position), '[]')"          \
	"   FROM candidate_question cq JOIN coding_question_bank q ON q.id = cq.question_id"      \
	"   WHERE cq.candidate_id = c.candidate_id),"                                             \
	" 'session', (SELECT json_build_object('status', s.status, 'test_start_time', s.test_start_time," \
	"   'ends_at', s.ends_at, 'completion_method', s.completion_method,"                       \
	"   'completed_at', s.completed_at, 'last_heartbeat', s.last_heartbeat,"                   \
	"   'remaining_seconds', GREATEST(0, floor(extract(epoch FROM s.ends_at - now())))::int)"  \
	"   FROM test_session s WHERE s.candidate_id = c.candidate_id),"                          \
	" 'score', (SELECT COALESCE(sum(b.best), 0) FROM (SELECT max(ic.score) AS best"           \
	"   FROM interview_coding ic WHERE ic.candidate_id = c.candidate_id GROUP BY ic.question_id) b)," \
	" 'max_score', (SELECT COALESCE(sum(t.points), 0) FROM candidate_question cq"              \
	"   JOIN test_cases t ON t.question_id = cq.question_id WHERE cq.candidate_id = c.candidate_id))"

struct json_object *store_candidate_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	return api_query_json("SELECT " CANDIDATE_JSON " FROM candidate c WHERE c.candidate_id = $1::uuid",
			      1, p, dberr);
}

struct json_object *store_candidate_list_json(int *dberr)
{
	return api_query_json("SELECT COALESCE(json_agg(" CANDIDATE_JSON " ORDER BY c.id DESC), '[]')"
			      " FROM candidate c",
			      0, NULL, dberr);
}

/* A heartbeat this long after the previous event shows in the timeline as a gap. */
#define HEARTBEAT_GAP_S "75"

struct json_object *store_candidate_detail_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	*dberr = 0;
	if (!api_is_uuid(candidate_id))
		return NULL;
	return api_query_json(
		"SELECT (" CANDIDATE_JSON "::jsonb || jsonb_build_object("
		" 'questions', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', q.uuid, 'number', q.id,"
		"   'title', q.title, 'difficulty', q.difficulty,"
		"   'max_score', (SELECT COALESCE(sum(t.points), 0) FROM test_cases t WHERE t.question_id = q.id),"
		"   'best_score', (SELECT max(ic.score) FROM interview_coding ic"
		"     WHERE ic.candidate_id = c.candidate_id AND ic.question_id = q.id),"
		"   'final', (SELECT jsonb_build_object('language', ic.language, 'code', ic.code,"
		"     'status', ic.status, 'score', ic.score, 'created_at', ic.created_at)"
		"     FROM interview_coding ic WHERE ic.candidate_id = c.candidate_id"
		"     AND ic.question_id = q.id ORDER BY ic.score DESC, ic.created_at DESC LIMIT 1))"
		"   ORDER BY cq.position), '[]') FROM candidate_question cq"
		"   JOIN coding_question_bank q ON q.id = cq.question_id WHERE cq.candidate_id = c.candidate_id),"
		" 'submissions', (SELECT COALESCE(jsonb_agg(jsonb_build_object('submission_id', ic.submission_id,"
		"   'question_id', q.uuid, 'question_title', q.title, 'language', ic.language,"
		"   'code', ic.code, 'status', ic.status, 'passed', ic.passed, 'total', ic.total,"
		"   'score', ic.score, 'max_score', ic.max_score, 'created_at', ic.created_at,"
		"   'results', ic.result->'results', 'compile', ic.result->'compile') ORDER BY ic.created_at), '[]')"
		"   FROM interview_coding ic JOIN coding_question_bank q ON q.id = ic.question_id"
		"   WHERE ic.candidate_id = c.candidate_id),"
		" 'events', (SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', e.kind, 'at', e.at,"
		"   'detail', e.detail) ORDER BY e.at, e.id), '[]') FROM session_event e"
		"   WHERE e.candidate_id = c.candidate_id),"
		/* the timeline: every event but the routine heartbeats, which show
		 * only where one came late (a gap in the candidate's connection) */
		" 'timeline', (SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', CASE WHEN ev.kind = 'heartbeat'"
		"   THEN 'heartbeat_gap' ELSE ev.kind END, 'at', ev.at, 'detail', ev.detail, 'gap_seconds', ev.gap)"
		"   ORDER BY ev.at, ev.id), '[]') FROM (SELECT e.id, e.kind, e.at, e.detail,"
		"   CASE WHEN e.kind = 'heartbeat' THEN floor(extract(epoch FROM e.at - (SELECT max(b.at)"
		"     FROM session_event b WHERE b.candidate_id = e.candidate_id"
		"     AND b.kind IN ('heartbeat', 'start', 'resume') AND (b.at, b.id) < (e.at, e.id))))::int END AS gap"
		"   FROM session_event e WHERE e.candidate_id = c.candidate_id) ev"
		"   WHERE ev.kind <> 'heartbeat' OR ev.gap > " HEARTBEAT_GAP_S ")))::json"
		" FROM candidate c WHERE c.candidate_id = $1::uuid",
		1, p, dberr);
}
