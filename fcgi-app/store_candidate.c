/* store_candidate.c - the statements about a candidate, their questions and their invitation */
#include <stdio.h>
#include <string.h>

#include "api_common.h"
#include "invite_mail.h"
#include "uuid.h"
#include "store_candidate.h"
#include "store_job.h"
#include "store_note.h"

/*
 * A candidate as JSON, with the session, the questions, the score and what became of
 * the invitation e-mail (c: the candidate row).  The status is the session's, 'invited' before it starts.
 */
#define CANDIDATE_JSON                                                                           \
	"json_build_object('candidate_id', c.candidate_id, 'id', c.id, 'name', c.name,"          \
	" 'email', c.email, 'phone', c.phone,"                                                   \
	" 'status', COALESCE((SELECT s.status FROM test_session s"                                 \
	"   WHERE s.candidate_id = c.candidate_id), 'invited'),"                                   \
	" 'test_duration_minutes', c.test_duration_minutes, 'created_at', c.created_at,"          \
	" 'mail', (SELECT " INVITE_MAIL_JSON("m") " FROM invitation_mail m"                        \
	"   WHERE m.candidate_id = c.candidate_id),"                                                \
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
	" 'max_score', (SELECT COALESCE(sum(question_max_score(cq.question_id)), 0)"               \
	"   FROM candidate_question cq WHERE cq.candidate_id = c.candidate_id),"                  \
	/* the integrity signals the page recorded (playback.h), shown, never acted on */          \
	" 'integrity', (SELECT json_build_object('pastes', count(*) FILTER (WHERE e.kind = 'paste')," \
	"   'paste_chars', COALESCE(sum((e.detail->>'chars')::bigint) FILTER (WHERE e.kind = 'paste'), 0)," \
	"   'pastes_from_outside', count(*) FILTER (WHERE e.kind = 'paste' AND NOT (e.detail->>'inside')::bool)," \
	"   'copies', count(*) FILTER (WHERE e.kind = 'copy'),"                                     \
	"   'focus_lost', count(*) FILTER (WHERE e.kind = 'focus_lost'),"                           \
	"   'focus_lost_seconds', round(COALESCE(sum((e.detail->>'seconds')::float8)"               \
	"     FILTER (WHERE e.kind = 'focus_lost'), 0)::numeric, 1)::float8)"                        \
	"   FROM session_event e WHERE e.candidate_id = c.candidate_id"                             \
	"   AND e.kind IN ('paste', 'copy', 'focus_lost')))"

struct json_object *store_candidate_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	return api_query_json("SELECT " CANDIDATE_JSON " FROM candidate c WHERE c.candidate_id = $1::uuid",
			      1, p, dberr);
}

struct json_object *store_candidate_list_json(int reader, const struct store_candidate_filter *f,
					      int *dberr)
{
	char who[16], limit[16], offset[24];
	const char *p[9] = { who, f->status, f->from, f->until, f->sort, f->order, limit, offset,
			     f->search ? f->search : "" };

	snprintf(who, sizeof(who), "%d", reader);
	snprintf(limit, sizeof(limit), "%d", f->per_page);
	snprintf(offset, sizeof(offset), "%lld", (long long)(f->page - 1) * f->per_page);
	return api_query_json(
		"WITH m AS (SELECT c.*, COALESCE(s.status, 'invited') AS st, s.test_start_time,"
		"  (SELECT COALESCE(sum(b.best), 0) FROM (SELECT max(ic.score) AS best FROM interview_coding ic"
		"   WHERE ic.candidate_id = c.candidate_id GROUP BY ic.question_id) b) AS sc,"
		"  (SELECT count(*) FROM session_event e WHERE e.candidate_id = c.candidate_id"
		"   AND e.kind IN ('paste', 'copy', 'focus_lost')) AS flags"
		"  FROM candidate c LEFT JOIN test_session s ON s.candidate_id = c.candidate_id"
		"  WHERE " STORE_JOB_SCOPE("c.job_id", "$1") " AND ($2 = '' OR COALESCE(s.status, 'invited') = $2)"
		"  AND (NULLIF($3, '') IS NULL OR c.created_at >= NULLIF($3, '')::date)"
		"  AND (NULLIF($4, '') IS NULL OR c.created_at < NULLIF($4, '')::date + 1)"
		/* the search's text as it is (strpos: no wildcards), in the name or the e-mail */
		"  AND ($9 = '' OR strpos(lower(c.name), lower($9)) > 0"
		"   OR strpos(lower(COALESCE(c.email, '')), lower($9)) > 0)),"
		" c AS (SELECT m.*, row_number() OVER (ORDER BY"
		"  CASE WHEN $6 = 'asc' THEN CASE $5 WHEN 'name' THEN lower(m.name) WHEN 'status' THEN m.st END END ASC,"
		"  CASE WHEN $6 = 'desc' THEN CASE $5 WHEN 'name' THEN lower(m.name) WHEN 'status' THEN m.st END END DESC,"
		"  CASE WHEN $6 = 'asc' THEN CASE $5 WHEN 'score' THEN m.sc WHEN 'integrity' THEN m.flags END END ASC,"
		"  CASE WHEN $6 = 'desc' THEN CASE $5 WHEN 'score' THEN m.sc WHEN 'integrity' THEN m.flags END END DESC,"
		"  CASE WHEN $6 = 'asc' THEN CASE $5 WHEN 'started_at' THEN m.test_start_time"
		"   WHEN 'created_at' THEN m.created_at END END ASC NULLS LAST,"
		"  CASE WHEN $6 = 'desc' THEN CASE $5 WHEN 'started_at' THEN m.test_start_time"
		"   WHEN 'created_at' THEN m.created_at END END DESC NULLS LAST, m.id DESC) AS rn FROM m)"
		" SELECT json_build_object('total', (SELECT count(*) FROM m), 'candidates',"
		"  (SELECT COALESCE(json_agg(" CANDIDATE_JSON " ORDER BY c.rn), '[]') FROM c"
		"   WHERE c.rn > $8::bigint AND c.rn <= $8::bigint + $7::int))",
		9, p, dberr);
}

/* A submission ic in brief, for a question's best and last. */
#define SUBMISSION_BRIEF                                                                          \
	"jsonb_build_object('submission_id', ic.submission_id, 'language', ic.language,"            \
	" 'code', ic.code, 'status', ic.status, 'score', ic.score, 'created_at', ic.created_at)"

/* A heartbeat this long after the previous event shows in the timeline as a gap. */
#define HEARTBEAT_GAP_S "75"

struct json_object *store_candidate_detail_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	*dberr = 0;
	if (!uuid_valid(candidate_id))
		return NULL;
	return api_query_json(
		"SELECT (" CANDIDATE_JSON "::jsonb || jsonb_build_object("
		" 'questions', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', q.uuid, 'number', q.id,"
		"   'title', q.title, 'difficulty', q.difficulty,"
		"   'max_score', question_max_score(q.id),"
		"   'best_score', (SELECT max(ic.score) FROM interview_coding ic"
		"     WHERE ic.candidate_id = c.candidate_id AND ic.question_id = q.id),"
		/* the best-scoring submission sets the score; the last may be another */
		"   'best', bs.s, 'last', ls.s, 'last_is_best', bs.id = ls.id)"
		"   ORDER BY cq.position), '[]') FROM candidate_question cq"
		"   JOIN coding_question_bank q ON q.id = cq.question_id"
		"   LEFT JOIN LATERAL (SELECT ic.id, " SUBMISSION_BRIEF " AS s FROM interview_coding ic"
		"     WHERE ic.candidate_id = c.candidate_id AND ic.question_id = q.id"
		"     ORDER BY ic.score DESC, ic.created_at DESC, ic.id DESC LIMIT 1) bs ON true"
		"   LEFT JOIN LATERAL (SELECT ic.id, " SUBMISSION_BRIEF " AS s FROM interview_coding ic"
		"     WHERE ic.candidate_id = c.candidate_id AND ic.question_id = q.id"
		"     ORDER BY ic.created_at DESC, ic.id DESC LIMIT 1) ls ON true"
		"   WHERE cq.candidate_id = c.candidate_id),"
		" 'submissions', (SELECT COALESCE(jsonb_agg(jsonb_build_object('submission_id', ic.submission_id,"
		"   'question_id', q.uuid, 'question_title', q.title, 'language', ic.language,"
		"   'code', ic.code, 'status', ic.status, 'passed', ic.passed, 'total', ic.total,"
		"   'score', ic.score, 'max_score', ic.max_score, 'created_at', ic.created_at,"
		"   'results', ic.result->'results', 'compile', ic.result->'compile') ORDER BY ic.created_at), '[]')"
		"   FROM interview_coding ic JOIN coding_question_bank q ON q.id = ic.question_id"
		"   WHERE ic.candidate_id = c.candidate_id),"
		" 'notes', " STORE_NOTES_JSONB ","
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

/* Run a statement that names one candidate; 1 when it returned a row, 0 when none, -1 on failure. */
static int one_candidate(const char *sql, int n, const char *const *p)
{
	int rows = db_rows(sql, n, p);

	return rows < 0 ? -1 : rows == 1;
}

enum db_err store_candidate_insert(const struct store_candidate *c, char id[40])
{
	char admin[16];
	const char *p[7] = { c->name, c->email, c->phone, c->invite_token, c->minutes, admin,
			     c->invite_nonce ? c->invite_nonce : "" };
	PGresult *res;
	enum db_err e;

	snprintf(admin, sizeof(admin), "%d", c->admin_id);
	e = db_exec(&res,
		    "WITH c AS (INSERT INTO candidate (name, email, phone, invite_token_hash,"
		    " test_duration_minutes, invite_nonce) VALUES ($1, $2, $3, sha256(convert_to($4, 'UTF8')),"
		    " $5::int, NULLIF($7, '')) RETURNING candidate_id), l AS (INSERT INTO recruiter_admin_candidate"
		    " SELECT $6::int, candidate_id FROM c) SELECT candidate_id FROM c",
		    7, p);
	if (e != DB_OK)
		return e;
	snprintf(id, 40, "%s", db_get(res, 0, "candidate_id"));
	PQclear(res);
	return DB_OK;
}

enum db_err store_candidate_add_question(const char *candidate_id, const char *qid, int position)
{
	char pos[16];
	const char *p[3] = { candidate_id, qid, pos };

	snprintf(pos, sizeof(pos), "%d", position);
	return db_run("INSERT INTO candidate_question (candidate_id, question_id, position)"
		      " VALUES ($1::uuid, $2::int, $3::int) ON CONFLICT DO NOTHING",
		      3, p);
}

int store_candidate_rename(const char *candidate_id, const char *name, const char *email)
{
	const char *p[3] = { candidate_id, name, email };

	return one_candidate("UPDATE candidate SET name = COALESCE($2, name), email = COALESCE($3, email)"
			     " WHERE candidate_id = $1::uuid RETURNING 1",
			     3, p);
}

int store_candidate_delete(const char *candidate_id)
{
	const char *p[1] = { candidate_id };

	return one_candidate("DELETE FROM candidate WHERE candidate_id = $1::uuid RETURNING 1", 1, p);
}

int store_candidate_set_invite(const char *candidate_id, const char *token, const char *nonce)
{
	const char *p[3] = { candidate_id, token, nonce ? nonce : "" };

	return one_candidate("UPDATE candidate SET invite_token_hash = sha256(convert_to($2, 'UTF8')),"
			     " invite_nonce = NULLIF($3, '') WHERE candidate_id = $1::uuid RETURNING 1",
			     3, p);
}

int store_candidate_invite_nonce(const char *candidate_id, char nonce[33])
{
	const char *p[1] = { candidate_id };
	PGresult *res;
	int rows;

	if (db_exec(&res, "SELECT COALESCE(invite_nonce, '') AS nonce FROM candidate"
			  " WHERE candidate_id = $1::uuid", 1, p) != DB_OK)
		return -1;
	rows = PQntuples(res);
	if (rows == 1)
		snprintf(nonce, 33, "%s", db_get(res, 0, "nonce"));
	PQclear(res);
	return rows == 1;
}

int store_candidate_invite_is(const char *candidate_id, const char *token)
{
	const char *p[2] = { candidate_id, token };

	return one_candidate("SELECT 1 FROM candidate WHERE candidate_id = $1::uuid"
			     " AND invite_token_hash = sha256(convert_to($2, 'UTF8'))",
			     2, p);
}

int store_candidate_has_question(const char *candidate_id, const char *qid)
{
	const char *p[2] = { candidate_id, qid };

	return one_candidate("SELECT 1 FROM candidate_question WHERE candidate_id = $1::uuid"
			     " AND question_id = $2::int",
			     2, p);
}

int store_candidate_by_invite(const char *token, struct store_invitation *out)
{
	const char *p[1] = { token };
	PGresult *res;
	int rows;

	if (db_exec(&res,
		    "SELECT c.candidate_id, c.test_duration_minutes, s.status AS session_status"
		    " FROM candidate c LEFT JOIN test_session s ON s.candidate_id = c.candidate_id"
		    " WHERE c.invite_token_hash = sha256(convert_to($1, 'UTF8'))",
		    1, p) != DB_OK)
		return -1;
	rows = PQntuples(res);
	if (rows == 1) {
		snprintf(out->candidate_id, sizeof(out->candidate_id), "%s", db_get(res, 0, "candidate_id"));
		snprintf(out->minutes, sizeof(out->minutes), "%s", db_get(res, 0, "test_duration_minutes"));
		snprintf(out->session_status, sizeof(out->session_status), "%s",
			 db_get(res, 0, "session_status"));
	}
	PQclear(res);
	return rows == 1;
}

struct json_object *store_candidate_invitation_json(const char *token, int *dberr)
{
	const char *p[1] = { token };

	return api_query_json(
		"SELECT json_build_object('candidate_id', c.candidate_id, 'name', c.name,"
		" 'test_duration_minutes', c.test_duration_minutes,"
		" 'question_count', (SELECT count(*) FROM candidate_question q WHERE q.candidate_id = c.candidate_id),"
		" 'session_status', s.status, 'ends_at', s.ends_at,"
		/* null before the session starts: there is no clock yet */
		" 'remaining_seconds', CASE WHEN s.ends_at IS NOT NULL"
		"   THEN GREATEST(0, floor(extract(epoch FROM s.ends_at - now())))::int END)"
		" FROM candidate c LEFT JOIN test_session s ON s.candidate_id = c.candidate_id"
		" WHERE c.invite_token_hash = sha256(convert_to($1, 'UTF8'))",
		1, p, dberr);
}

enum db_err store_candidate_scores(int reader, PGresult **cols, PGresult **rows)
{
	char who[16];
	const char *p[1] = { who };
	enum db_err e;

	snprintf(who, sizeof(who), "%d", reader);
	e = db_exec(cols,
		    "SELECT q.id AS number, q.title FROM coding_question_bank q WHERE EXISTS (SELECT 1"
		    " FROM candidate_question cq JOIN candidate c ON c.candidate_id = cq.candidate_id"
		    " WHERE cq.question_id = q.id AND " STORE_JOB_SCOPE("c.job_id", "$1") ") ORDER BY q.id",
		    1, p);
	if (e != DB_OK)
		return e;
	e = db_exec(rows,
		    "SELECT c.name, c.email, COALESCE(s.status, 'invited') AS status,"
		    " COALESCE(s.completion_method, '') AS completion_method,"
		    " COALESCE(to_char(s.test_start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '') AS started_at,"
		    " COALESCE(to_char(s.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '') AS completed_at,"
		    " (SELECT count(*) FROM candidate_question cq WHERE cq.candidate_id = c.candidate_id) AS questions,"
		    " (SELECT count(DISTINCT ic.question_id) FROM interview_coding ic"
		    "   WHERE ic.candidate_id = c.candidate_id AND ic.status = 'accepted') AS solved,"
		    " sc.score, sc.max_score, (SELECT COALESCE(json_object_agg(cq.question_id,"
		    "   COALESCE((SELECT max(ic.score) FROM interview_coding ic WHERE ic.candidate_id = c.candidate_id"
		    "   AND ic.question_id = cq.question_id), 0)), '{}') FROM candidate_question cq"
		    "   WHERE cq.candidate_id = c.candidate_id)::text AS scores,"
		    " CASE WHEN sc.max_score > 0 THEN round((100.0 * sc.score / sc.max_score)::numeric, 1)::text ELSE '' END AS percent"
		    " FROM candidate c LEFT JOIN test_session s ON s.candidate_id = c.candidate_id"
		    " CROSS JOIN LATERAL (SELECT"
		    "   (SELECT COALESCE(sum(b.best), 0) FROM (SELECT max(ic.score) AS best FROM interview_coding ic"
		    "     WHERE ic.candidate_id = c.candidate_id GROUP BY ic.question_id) b) AS score,"
		    "   (SELECT COALESCE(sum(question_max_score(cq.question_id)), 0) FROM candidate_question cq"
		    "     WHERE cq.candidate_id = c.candidate_id) AS max_score) sc"
		    " WHERE " STORE_JOB_SCOPE("c.job_id", "$1") " ORDER BY c.id DESC",
		    1, p);
	if (e != DB_OK) {
		PQclear(*cols);
		*cols = NULL;
	}
	return e;
}
