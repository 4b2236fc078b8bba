/* store_job.c - the statements about jobs, their members, their pipeline and its export */
#include <stdio.h>
#include <string.h>

#include "api_common.h"
#include "store_job.h"
#include "store_note.h"

#define JOB_JSON                                                                                \
	"json_build_object('id', j.id, 'title', j.title, 'description', j.description,"          \
	" 'created_by', j.created_by, 'created_at', j.created_at, 'updated_at', j.updated_at,"    \
	" 'archived_at', j.archived_at, 'one_off', j.one_off,"                                     \
	" 'members', (SELECT COALESCE(json_agg(json_build_object('admin_id', m.admin_id,"          \
	"   'username', a.username, 'name', a.name, 'role', m.role) ORDER BY m.role, a.username), '[]')" \
	"   FROM job_member m JOIN recruiter_admin a ON a.id = m.admin_id WHERE m.job_id = j.id),"   \
	" 'test_count', (SELECT count(*) FROM test t WHERE t.job_id = j.id),"                      \
	" 'candidate_count', (SELECT count(*) FROM candidate c JOIN test_version tv"               \
	"   ON tv.id = c.test_version_id JOIN test t ON t.id = tv.test_id WHERE t.job_id = j.id))"

struct json_object *store_job_list_json(bool archived, int reader, int *dberr)
{
	char who[16];
	const char *p[2] = { archived ? "t" : "f", who };

	snprintf(who, sizeof(who), "%d", reader);
	return api_query_json("SELECT COALESCE(json_agg(" JOB_JSON " ORDER BY j.id DESC), '[]')"
			      " FROM jobs j WHERE ($1::bool OR j.archived_at IS NULL)"
			      " AND " STORE_JOB_SCOPE("j.id", "$2"),
			      2, p, dberr);
}

struct json_object *store_job_json(const char *job_id, int *dberr)
{
	const char *p[1] = { job_id };

	return api_query_json("SELECT " JOB_JSON " FROM jobs j WHERE j.id = $1::int", 1, p, dberr);
}

/* Replace the members of job $1 with those of doc $2, when it names them. */
static enum db_err set_members(const char *job_id, const char *doc)
{
	const char *p[2] = { job_id, doc };
	enum db_err e;

	if (!strstr(doc, "\"members\""))
		return DB_OK;
	e = db_run("DELETE FROM job_member WHERE job_id = $1::int", 1, p);
	if (e != DB_OK)
		return e;
	return db_run("INSERT INTO job_member (job_id, admin_id, role)"
		      " SELECT $1::int, m.admin_id, m.role"
		      " FROM jsonb_to_recordset($2::jsonb->'members') AS m(admin_id int, role text)",
		      2, p);
}

enum db_err store_job_create(const char *doc, int admin_id, char id[16])
{
	char admin[16];
	const char *p[2] = { doc, admin };
	PGresult *res;
	enum db_err e;

	snprintf(admin, sizeof(admin), "%d", admin_id);
	e = db_exec(&res,
		    "INSERT INTO jobs (title, description, created_by) VALUES ($1::jsonb->>'title',"
		    " COALESCE($1::jsonb->>'description', ''), $2::int) RETURNING id",
		    2, p);
	if (e != DB_OK)
		return e;
	snprintf(id, 16, "%s", db_get(res, 0, "id"));
	PQclear(res);
	return set_members(id, doc);
}

int store_job_update(const char *job_id, const char *doc)
{
	const char *p[2] = { job_id, doc };
	enum db_err e;
	int n;

	n = db_rows("UPDATE jobs SET title = COALESCE($2::jsonb->>'title', title),"
			" description = COALESCE($2::jsonb->>'description', description), updated_at = now()"
			" WHERE id = $1::int RETURNING id",
			2, p);

	if (n != 1)
		return n < 0 ? -1 : 0;
	e = set_members(job_id, doc);
	return e == DB_OK ? 1 : e == DB_ECONFLICT ? -2 : -1;
}

int store_job_delete(const char *job_id)
{
	const char *p[1] = { job_id };
	PGresult *res;
	int rc = 0;

	if (db_exec(&res,
		    "WITH used AS (SELECT EXISTS (SELECT 1 FROM candidate c JOIN test_version tv"
		    "  ON tv.id = c.test_version_id JOIN test t ON t.id = tv.test_id WHERE t.job_id = $1::int) AS u),"
		    " a AS (UPDATE jobs SET archived_at = COALESCE(archived_at, now()), updated_at = now()"
		    "  WHERE id = $1::int AND (SELECT u FROM used) RETURNING 2 AS rc),"
		    " d AS (DELETE FROM jobs WHERE id = $1::int AND NOT (SELECT u FROM used) RETURNING 1 AS rc)"
		    " SELECT rc FROM a UNION ALL SELECT rc FROM d",
		    1, p) != DB_OK)
		return -1;
	if (PQntuples(res) == 1)
		rc = (int)db_getll(res, 0, "rc");
	PQclear(res);
	return rc;
}

int store_job_exists(const char *job_id)
{
	const char *p[1] = { job_id };
	int n = db_rows("SELECT 1 FROM jobs WHERE id = $1::int", 1, p);

	return n < 0 ? -1 : n == 1;
}

/*
 * The candidates of job $1, one row each: the status (invited, started, completed, abandoned,
 * and expired for an invitation whose window closed before it was used), and each
 * question's score as the test counts it (sql/010_tests.sql, test_question_score).
 */
#define PIPELINE_ROWS                                                                           \
	"SELECT c.id, c.candidate_id, c.name, c.email, c.created_at AS invited_at,"               \
	" t.id AS test_id, t.title AS test_title, tv.version, s.test_start_time AS started_at,"    \
	" s.completed_at,"                                                                          \
	" CASE WHEN s.status IS NULL THEN CASE WHEN tv.window_until <= now() THEN 'expired'"        \
	"   ELSE 'invited' END WHEN s.status = 'active' THEN 'started' ELSE s.status END AS status," \
	" sc.scores, sc.score_map, sc.total, sc.max_total, " STORE_RATINGS_JSON " AS ratings"     \
	" FROM candidate c JOIN test_version tv ON tv.id = c.test_version_id"                       \
	" JOIN test t ON t.id = tv.test_id LEFT JOIN test_session s ON s.candidate_id = c.candidate_id" \
	" CROSS JOIN LATERAL (SELECT COALESCE(json_agg(json_build_object('question_id', q.uuid,"    \
	"   'number', q.id, 'title', q.title, 'position', cq.position,"                            \
	"   'score', round(x.score::numeric, 2)::float8, 'max_score', round(x.pts::numeric, 2)::float8," \
	"   'submitted', x.best IS NOT NULL) ORDER BY cq.position), '[]') AS scores,"               \
	"   COALESCE(json_object_agg(q.id, round(x.score::numeric, 2)::float8)"                     \
	"     FILTER (WHERE q.id IS NOT NULL), '{}') AS score_map,"                                  \
	"   round(COALESCE(sum(x.score), 0)::numeric, 2)::float8 AS total,"                         \
	"   round(COALESCE(sum(x.pts), 0)::numeric, 2)::float8 AS max_total"                        \
	"   FROM candidate_question cq JOIN coding_question_bank q ON q.id = cq.question_id"        \
	"   CROSS JOIN LATERAL (SELECT b.best, test_question_score(b.best, m.qmax, cq.points) AS score," \
	"     COALESCE(cq.points, m.qmax) AS pts FROM (SELECT max(ic.score) AS best"                \
	"     FROM interview_coding ic WHERE ic.candidate_id = c.candidate_id"                      \
	"     AND ic.question_id = cq.question_id) b, (SELECT question_max_score(cq.question_id) AS qmax) m) x" \
	"   WHERE cq.candidate_id = c.candidate_id) sc"                                             \
	" WHERE t.job_id = $1::int"

struct json_object *store_job_candidates_json(const char *job_id, const struct store_pipeline *f,
					      int *dberr)
{
	char limit[16], offset[24];
	const char *p[9] = { job_id, f->test, f->status, f->min_score, f->max_score,
			     f->sort, f->order, limit, offset };

	snprintf(limit, sizeof(limit), "%d", f->per_page);
	snprintf(offset, sizeof(offset), "%lld", (long long)(f->page - 1) * f->per_page);
	return api_query_json(
		"WITH r AS (" PIPELINE_ROWS "),"
		" m AS (SELECT * FROM r WHERE (NULLIF($2, '') IS NULL OR r.test_id = NULLIF($2, '')::int)"
		"  AND ($3 = '' OR r.status = $3)"
		"  AND (NULLIF($4, '') IS NULL OR r.total >= NULLIF($4, '')::float8)"
		"  AND (NULLIF($5, '') IS NULL OR r.total <= NULLIF($5, '')::float8)),"
		" pg AS (SELECT * FROM m ORDER BY"
		"  CASE WHEN $7 = 'asc' AND $6 = 'name' THEN lower(m.name) END ASC,"
		"  CASE WHEN $7 = 'desc' AND $6 = 'name' THEN lower(m.name) END DESC,"
		"  CASE WHEN $7 = 'asc' AND $6 = 'score' THEN m.total END ASC,"
		"  CASE WHEN $7 = 'desc' AND $6 = 'score' THEN m.total END DESC,"
		"  CASE WHEN $7 = 'asc' THEN CASE $6 WHEN 'invited_at' THEN m.invited_at"
		"   WHEN 'completed_at' THEN m.completed_at END END ASC NULLS LAST,"
		"  CASE WHEN $7 = 'desc' THEN CASE $6 WHEN 'invited_at' THEN m.invited_at"
		"   WHEN 'completed_at' THEN m.completed_at END END DESC NULLS LAST,"
		"  m.id DESC LIMIT $8::int OFFSET $9::bigint)"
		" SELECT json_build_object('total', (SELECT count(*) FROM m),"
		" 'candidates', (SELECT COALESCE(json_agg(json_build_object('candidate_id', pg.candidate_id,"
		"   'name', pg.name, 'email', pg.email, 'test_id', pg.test_id, 'test_title', pg.test_title,"
		"   'version', pg.version, 'status', pg.status, 'invited_at', pg.invited_at,"
		"   'started_at', pg.started_at, 'completed_at', pg.completed_at, 'scores', pg.scores,"
		"   'total', pg.total, 'max_total', pg.max_total, 'ratings', pg.ratings)), '[]') FROM pg))",
		9, p, dberr);
}

enum db_err store_job_export(const char *job_id, PGresult **cols, PGresult **rows)
{
	const char *p[1] = { job_id };
	enum db_err e;

	e = db_exec(cols,
		    "SELECT q.id AS number, q.title FROM candidate_question cq"
		    " JOIN candidate c ON c.candidate_id = cq.candidate_id"
		    " JOIN test_version tv ON tv.id = c.test_version_id JOIN test t ON t.id = tv.test_id"
		    " JOIN coding_question_bank q ON q.id = cq.question_id WHERE t.job_id = $1::int"
		    " GROUP BY q.id, q.title ORDER BY min(t.id), min(cq.position), q.id",
		    1, p);
	if (e != DB_OK)
		return e;
	e = db_exec(rows,
		    "WITH r AS (" PIPELINE_ROWS ")"
		    " SELECT r.name, r.email, r.test_title AS test, r.version::text AS version, r.status,"
		    " to_char(r.invited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS invited_at,"
		    " COALESCE(to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '') AS started_at,"
		    " COALESCE(to_char(r.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '') AS completed_at,"
		    " r.score_map::text AS scores, r.total::text AS total, r.max_total::text AS max_total,"
		    " COALESCE((SELECT string_agg((e->>'author') || ': ' || (e->>'rating_label'), '; ')"
		    "  FROM json_array_elements(r.ratings) e), '') AS ratings"
		    " FROM r ORDER BY r.id DESC",
		    1, p);
	if (e != DB_OK) {
		PQclear(*cols);
		*cols = NULL;
	}
	return e;
}
