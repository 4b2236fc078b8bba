/* store_test.c - the statements about tests, their versions, invitations and question usage */
#include <stdio.h>
#include <string.h>

#include "api_common.h"
#include "store_test.h"
#include "uuid.h"

/* The settings of a version from doc $D over those of cur (the version it follows). */
#define VERSION_FIELDS                                                                          \
	" COALESCE(($D->>'duration_minutes')::int, cur.duration_minutes),"                        \
	" COALESCE($D->'languages', cur.languages), COALESCE($D->>'instructions', cur.instructions)," \
	" CASE WHEN $D ? 'window_from' THEN ($D->>'window_from')::timestamptz ELSE cur.window_from END," \
	" CASE WHEN $D ? 'window_until' THEN ($D->>'window_until')::timestamptz ELSE cur.window_until END"

/* The questions of doc $D as rows (qid, position, points). */
#define DOC_QUESTIONS                                                                           \
	" SELECT (e.x->>'qid')::int, e.n::int, (e.x->>'points')::float8"                          \
	" FROM jsonb_array_elements($D->'questions') WITH ORDINALITY AS e(x, n)"

/* SQL text with $D replaced by the parameter that holds the document. */
static const char *with_doc(char *buf, size_t len, const char *sql, const char *param)
{
	size_t o = 0;

	for (; *sql && o + 4 < len; sql++) {
		if (sql[0] == '$' && sql[1] == 'D') {
			o += (size_t)snprintf(buf + o, len - o, "%s", param);
			sql++;
		} else {
			buf[o++] = *sql;
		}
	}
	buf[o] = '\0';
	return buf;
}

enum db_err store_test_create(const char *job_id, const char *doc, int admin_id, char id[16])
{
	char sql[4096];
	char admin[16];
	const char *p[3] = { job_id, doc, admin };
	PGresult *res;
	enum db_err e;

	snprintf(admin, sizeof(admin), "%d", admin_id);
	with_doc(sql, sizeof(sql),
		 "WITH t AS (INSERT INTO test (job_id, title, created_by)"
		 "  VALUES ($1::int, $D->>'title', $3::int) RETURNING id),"
		 " cur AS (SELECT 60 AS duration_minutes,"
		 "  '[\"python\", \"java\", \"cpp\", \"c\", \"javascript\", \"csharp\"]'::jsonb AS languages,"
		 "  '' AS instructions, NULL::timestamptz AS window_from, NULL::timestamptz AS window_until),"
		 " v AS (INSERT INTO test_version (test_id, version, duration_minutes, languages, instructions,"
		 "  window_from, window_until, created_by) SELECT t.id, 1," VERSION_FIELDS ", $3::int"
		 "  FROM t, cur RETURNING id),"
		 " q AS (INSERT INTO test_version_question (version_id, question_id, position, points)"
		 "  SELECT v.id, d.* FROM v, (" DOC_QUESTIONS ") d)"
		 " SELECT id FROM t",
		 "$2::jsonb");
	e = db_exec(&res, sql, 3, p);
	if (e != DB_OK)
		return e;
	snprintf(id, 16, "%s", db_get(res, 0, "id"));
	PQclear(res);
	return DB_OK;
}

int store_test_update(const char *test_id, const char *doc, int admin_id, bool *versioned)
{
	char sql[4096];
	char admin[16], cur[16] = "";
	const char *p[4] = { test_id, doc, admin, cur };
	PGresult *res;
	bool started;

	snprintf(admin, sizeof(admin), "%d", admin_id);
	/* the test's row lock orders edits and invitations of one test */
	if (db_exec(&res,
		    "SELECT (SELECT tv.id FROM test_version tv WHERE tv.test_id = t.id"
		    "  ORDER BY tv.version DESC LIMIT 1) AS cur FROM test t WHERE t.id = $1::int FOR UPDATE",
		    1, p) != DB_OK)
		return -1;
	if (PQntuples(res) == 1)
		snprintf(cur, sizeof(cur), "%s", db_get(res, 0, "cur"));
	PQclear(res);
	if (!*cur)
		return 0;
	/*
	 * Locking the version's candidates makes a session that starts now wait for this
	 * edit (its insert checks the candidate row): it starts on what is decided here.
	 */
	if (db_exec(&res,
		    "WITH l AS (SELECT candidate_id FROM candidate WHERE test_version_id = $1::int FOR UPDATE)"
		    " SELECT EXISTS (SELECT 1 FROM l JOIN test_session s USING (candidate_id)) AS started",
		    1, p + 3) != DB_OK)
		return -1;
	started = !strcmp(db_get(res, 0, "started"), "t");
	PQclear(res);
	*versioned = started;
	if (db_run("UPDATE test SET title = COALESCE($2::jsonb->>'title', title), updated_at = now()"
		   " WHERE id = $1::int",
		   2, p) != DB_OK)
		return -1;
	if (started) {
		with_doc(sql, sizeof(sql),
			 "WITH v AS (INSERT INTO test_version (test_id, version, duration_minutes, languages,"
			 "  instructions, window_from, window_until, created_by)"
			 "  SELECT cur.test_id, cur.version + 1," VERSION_FIELDS ", $2::int"
			 "  FROM test_version cur WHERE cur.id = $3::int RETURNING id)"
			 " INSERT INTO test_version_question (version_id, question_id, position, points)"
			 " SELECT v.id, d.* FROM v, (" DOC_QUESTIONS ") d WHERE $D ? 'questions'"
			 " UNION ALL SELECT v.id, q.question_id, q.position, q.points FROM v,"
			 "  test_version_question q WHERE q.version_id = $3::int AND NOT $D ? 'questions'",
			 "$1::jsonb");
		return db_run(sql, 3, p + 1) == DB_OK ? 1 : -1;
	}
	with_doc(sql, sizeof(sql),
		 "UPDATE test_version tv SET (duration_minutes, languages, instructions, window_from,"
		 " window_until) = (SELECT" VERSION_FIELDS " FROM test_version cur WHERE cur.id = tv.id)"
		 " WHERE tv.id = $2::int",
		 "$1::jsonb");
	if (db_run(sql, 2, (const char *[]){ doc, cur }) != DB_OK)
		return -1;
	if (strstr(doc, "\"questions\"")) {
		/* two statements: one statement's insert would still meet the rows it deletes */
		with_doc(sql, sizeof(sql),
			 "INSERT INTO test_version_question (version_id, question_id, position, points)"
			 " SELECT $2::int, d.* FROM (" DOC_QUESTIONS ") d",
			 "$1::jsonb");
		if (db_run("DELETE FROM test_version_question WHERE version_id = $1::int", 1, p + 3) != DB_OK ||
		    db_run(sql, 2, (const char *[]){ doc, cur }) != DB_OK)
			return -1;
	}
	/* nobody has started: the invited candidates take the version as it is now */
	if (db_run("DELETE FROM candidate_question WHERE candidate_id IN"
		   " (SELECT candidate_id FROM candidate WHERE test_version_id = $1::int)",
		   1, p + 3) != DB_OK ||
	    db_run("WITH c AS (UPDATE candidate c SET test_duration_minutes = tv.duration_minutes"
		   "  FROM test_version tv WHERE tv.id = $1::int AND c.test_version_id = tv.id"
		   "  RETURNING c.candidate_id)"
		   " INSERT INTO candidate_question (candidate_id, question_id, position, points)"
		   " SELECT c.candidate_id, q.question_id, q.position, q.points"
		   " FROM c, test_version_question q WHERE q.version_id = $1::int",
		   1, p + 3) != DB_OK)
		return -1;
	return 1;
}

int store_test_window_valid(const char *test_id, const char *doc)
{
	const char *p[2] = { doc, test_id };

	return db_rows("WITH cur AS (SELECT tv.window_from, tv.window_until FROM test_version tv"
		       "  WHERE tv.test_id = $2::int ORDER BY tv.version DESC LIMIT 1),"
		       " w AS (SELECT CASE WHEN $1::jsonb ? 'window_from' THEN ce_timestamptz($1::jsonb->>'window_from')"
		       "  ELSE (SELECT window_from FROM cur) END AS f,"
		       "  CASE WHEN $1::jsonb ? 'window_until' THEN ce_timestamptz($1::jsonb->>'window_until')"
		       "  ELSE (SELECT window_until FROM cur) END AS u)"
		       " SELECT 1 FROM w WHERE (f IS NOT NULL OR $1::jsonb->>'window_from' IS NULL)"
		       " AND (u IS NOT NULL OR $1::jsonb->>'window_until' IS NULL)"
		       " AND (f IS NULL OR u IS NULL OR f < u)",
		       2, p);
}

/* A version (tv) with its questions in order; points NULL: the question's own maximum. */
#define VERSION_JSON                                                                            \
	"json_build_object('version', tv.version, 'version_id', tv.id,"                           \
	" 'duration_minutes', tv.duration_minutes, 'languages', tv.languages,"                    \
	" 'instructions', tv.instructions, 'window_from', tv.window_from,"                       \
	" 'window_until', tv.window_until, 'created_at', tv.created_at, 'created_by', tv.created_by," \
	" 'questions', (SELECT COALESCE(json_agg(json_build_object('id', q.uuid, 'number', q.id,"   \
	"   'title', q.title, 'difficulty', q.difficulty, 'position', tq.position,"                \
	"   'points', tq.points, 'max_score', question_max_score(q.id),"                           \
	"   'archived', q.archived_at IS NOT NULL) ORDER BY tq.position), '[]')"                    \
	"   FROM test_version_question tq JOIN coding_question_bank q ON q.id = tq.question_id"      \
	"   WHERE tq.version_id = tv.id))"

/* The current version of test t. */
#define CURRENT_VERSION "(SELECT max(cv.version) FROM test_version cv WHERE cv.test_id = t.id)"

struct json_object *store_test_json(const char *test_id, int *dberr)
{
	const char *p[1] = { test_id };

	return api_query_json(
		"SELECT json_build_object('id', t.id, 'job_id', t.job_id, 'title', t.title,"
		" 'created_by', t.created_by, 'created_at', t.created_at, 'updated_at', t.updated_at,"
		" 'current', (SELECT " VERSION_JSON " FROM test_version tv WHERE tv.test_id = t.id"
		"   AND tv.version = " CURRENT_VERSION "),"
		" 'versions', (SELECT json_agg(json_build_object('version', tv.version, 'version_id', tv.id,"
		"   'created_at', tv.created_at,"
		"   'candidates', (SELECT count(*) FROM candidate c WHERE c.test_version_id = tv.id),"
		"   'started', (SELECT count(*) FROM candidate c JOIN test_session s USING (candidate_id)"
		"     WHERE c.test_version_id = tv.id)) ORDER BY tv.version)"
		"   FROM test_version tv WHERE tv.test_id = t.id))"
		" FROM test t WHERE t.id = $1::int",
		1, p, dberr);
}

struct json_object *store_test_list_json(const char *job_id, int *dberr)
{
	const char *p[1] = { job_id };

	return api_query_json(
		"SELECT COALESCE(json_agg(json_build_object('id', t.id, 'job_id', t.job_id, 'title', t.title,"
		" 'version', tv.version, 'duration_minutes', tv.duration_minutes, 'languages', tv.languages,"
		" 'window_from', tv.window_from, 'window_until', tv.window_until,"
		" 'questions', (SELECT count(*) FROM test_version_question tq WHERE tq.version_id = tv.id),"
		" 'candidates', (SELECT count(*) FROM candidate c JOIN test_version av ON av.id = c.test_version_id"
		"   WHERE av.test_id = t.id), 'updated_at', t.updated_at) ORDER BY t.id), '[]')"
		" FROM test t JOIN test_version tv ON tv.test_id = t.id AND tv.version = " CURRENT_VERSION
		" WHERE t.job_id = $1::int",
		1, p, dberr);
}

int store_test_job(const char *test_id, char job[16])
{
	const char *p[1] = { test_id };
	PGresult *res;
	int rows;

	if (db_exec(&res, "SELECT job_id FROM test WHERE id = $1::int", 1, p) != DB_OK)
		return -1;
	rows = PQntuples(res);
	if (rows == 1)
		snprintf(job, 16, "%s", db_get(res, 0, "job_id"));
	PQclear(res);
	return rows == 1;
}

enum db_err store_test_invite(const char *test_id, const char *invites, int admin_id, PGresult **res)
{
	char admin[16];
	const char *p[3] = { test_id, invites, admin };
	enum db_err e;

	snprintf(admin, sizeof(admin), "%d", admin_id);
	/* the test's row lock: two invitations of one e-mail at once make one candidate */
	e = db_exec(res, "SELECT 1 FROM test WHERE id = $1::int FOR UPDATE", 1, p);
	if (e != DB_OK)
		return e;
	e = PQntuples(*res) == 1 ? DB_OK : DB_EQUERY;
	PQclear(*res);
	*res = NULL;
	if (e != DB_OK)
		return e;
	return db_exec(res,
		       "WITH v AS (SELECT tv.id, tv.duration_minutes, t.job_id FROM test t"
		       "  JOIN test_version tv ON tv.test_id = t.id WHERE t.id = $1::int"
		       "  ORDER BY tv.version DESC LIMIT 1),"
		       " x AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(i int, name text, email text, token text, nonce text)),"
		       " fresh AS (SELECT x.* FROM x WHERE NOT EXISTS (SELECT 1 FROM candidate c"
		       "  JOIN test_version tv ON tv.id = c.test_version_id"
		       "  WHERE tv.test_id = $1::int AND lower(c.email) = lower(x.email))),"
		       " ins AS (INSERT INTO candidate (name, email, invite_token_hash, invite_nonce,"
		       "  test_duration_minutes, job_id, test_version_id) SELECT f.name, f.email,"
		       "  sha256(convert_to(f.token, 'UTF8')), NULLIF(f.nonce, ''),"
		       "  v.duration_minutes, v.job_id, v.id FROM fresh f, v ORDER BY f.i"
		       "  RETURNING candidate_id, email),"
		       " cq AS (INSERT INTO candidate_question (candidate_id, question_id, position, points)"
		       "  SELECT ins.candidate_id, q.question_id, q.position, q.points"
		       "  FROM ins, v, test_version_question q WHERE q.version_id = v.id),"
		       " ra AS (INSERT INTO recruiter_admin_candidate (admin_id, candidate_id)"
		       "  SELECT $3::int, candidate_id FROM ins)"
		       " SELECT x.i, COALESCE(ins.candidate_id::text, '') AS candidate_id"
		       " FROM x LEFT JOIN ins ON lower(ins.email) = lower(x.email) ORDER BY x.i",
		       3, p);
}

enum db_err store_test_one_off(const char *candidate_id, int admin_id)
{
	char admin[16];
	const char *p[2] = { candidate_id, admin };

	snprintf(admin, sizeof(admin), "%d", admin_id);
	return db_run(
		"WITH j AS (INSERT INTO jobs (title, description, one_off) VALUES ('One-off tests',"
		"  'Tests made for one candidate each by POST /api/admin/candidates with question_ids', true)"
		"  ON CONFLICT (one_off) WHERE one_off DO UPDATE SET one_off = EXCLUDED.one_off RETURNING id),"
		" c AS (SELECT name, test_duration_minutes FROM candidate WHERE candidate_id = $1::uuid),"
		" t AS (INSERT INTO test (job_id, title, created_by)"
		"  SELECT j.id, 'One-off: ' || c.name, $2::int FROM j, c RETURNING id, job_id),"
		" v AS (INSERT INTO test_version (test_id, version, duration_minutes, created_by)"
		"  SELECT t.id, 1, c.test_duration_minutes, $2::int FROM t, c RETURNING id),"
		" q AS (INSERT INTO test_version_question (version_id, question_id, position)"
		"  SELECT v.id, cq.question_id, cq.position FROM v, candidate_question cq"
		"  WHERE cq.candidate_id = $1::uuid)"
		" UPDATE candidate SET test_version_id = v.id, job_id = t.job_id FROM v, t"
		" WHERE candidate_id = $1::uuid",
		2, p);
}

int store_test_window(const char *candidate_id, char state[8])
{
	const char *p[1] = { candidate_id };
	PGresult *res;
	int rows;

	if (db_exec(&res,
		    "SELECT CASE WHEN tv.window_from > now() THEN 'early'"
		    " WHEN tv.window_until <= now() THEN 'closed' ELSE '' END AS state"
		    " FROM candidate c LEFT JOIN test_version tv ON tv.id = c.test_version_id"
		    " WHERE c.candidate_id = $1::uuid",
		    1, p) != DB_OK)
		return -1;
	rows = PQntuples(res);
	if (rows == 1)
		snprintf(state, 8, "%s", db_get(res, 0, "state"));
	PQclear(res);
	return rows == 1;
}

int store_test_language_ok(const char *candidate_id, const char *lang)
{
	const char *p[2] = { candidate_id, lang };

	return db_rows("SELECT 1 FROM candidate c LEFT JOIN test_version tv ON tv.id = c.test_version_id"
		       " WHERE c.candidate_id = $1::uuid AND (tv.id IS NULL OR tv.languages ? $2)",
		       2, p);
}

struct json_object *store_test_candidate_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	return api_query_json(
		"SELECT json_build_object('title', t.title, 'instructions', COALESCE(tv.instructions, ''),"
		" 'languages', COALESCE(tv.languages,"
		"   '[\"python\", \"java\", \"cpp\", \"c\", \"javascript\", \"csharp\"]'::jsonb),"
		" 'window_from', tv.window_from, 'window_until', tv.window_until)"
		" FROM candidate c LEFT JOIN test_version tv ON tv.id = c.test_version_id"
		" LEFT JOIN test t ON t.id = tv.test_id WHERE c.candidate_id = $1::uuid",
		1, p, dberr);
}

int store_test_has_question(const char *test_id, const char *qid)
{
	const char *p[2] = { test_id, qid };
	int n = db_rows("SELECT 1 FROM test_version_question tq JOIN test_version tv ON tv.id = tq.version_id"
			" WHERE tv.test_id = $1::int AND tq.question_id = $2::int AND tv.version ="
			" (SELECT max(version) FROM test_version WHERE test_id = $1::int)",
			2, p);

	return n < 0 ? -1 : n > 0;
}

int store_test_question_state(const char *qid, bool *archived, bool *no_tests)
{
	const char *p[1] = { qid };
	PGresult *res;
	int rows;

	if (db_exec(&res, "SELECT q.archived_at IS NOT NULL AS a,"
			  " NOT EXISTS (SELECT 1 FROM test_cases t WHERE t.question_id = q.id) AS e"
			  " FROM coding_question_bank q WHERE q.id = $1::int",
		    1, p) != DB_OK)
		return -1;
	rows = PQntuples(res);
	*archived = rows == 1 && !strcmp(db_get(res, 0, "a"), "t");
	*no_tests = rows == 1 && !strcmp(db_get(res, 0, "e"), "t");
	PQclear(res);
	return rows == 1;
}

struct json_object *store_test_question_usage_json(const char *qid, int *dberr)
{
	const char *p[1] = { qid };

	/* one attempt per candidate who submitted; solved: one of their submissions was accepted */
	return api_query_json(
		"SELECT json_build_object('question_id', q.uuid, 'number', q.id, 'title', q.title,"
		" 'created_by', q.created_by, 'updated_at', q.updated_at, 'archived_at', q.archived_at,"
		" 'max_score', question_max_score(q.id),"
		" 'tests', (SELECT COALESCE(json_agg(json_build_object('test_id', t.id, 'title', t.title,"
		"   'job_id', j.id, 'job_title', j.title, 'versions', u.versions,"
		"   'in_current_version', u.current) ORDER BY t.id), '[]')"
		"   FROM (SELECT tv.test_id, json_agg(tv.version ORDER BY tv.version) AS versions,"
		"     bool_or(tv.version = (SELECT max(cv.version) FROM test_version cv"
		"       WHERE cv.test_id = tv.test_id)) AS current"
		"     FROM test_version_question tq JOIN test_version tv ON tv.id = tq.version_id"
		"     WHERE tq.question_id = q.id GROUP BY tv.test_id) u"
		"   JOIN test t ON t.id = u.test_id JOIN jobs j ON j.id = t.job_id),"
		" 'candidates', (SELECT count(*) FROM candidate_question cq WHERE cq.question_id = q.id),"
		" 'attempts', s.attempts, 'solved', s.solved, 'average_score', s.average,"
		" 'solved_share', CASE WHEN s.attempts > 0 THEN round(s.solved::numeric / s.attempts, 3) END)"
		" FROM coding_question_bank q, LATERAL (SELECT count(*) AS attempts,"
		"   count(*) FILTER (WHERE b.solved) AS solved,"
		"   round(avg(b.best)::numeric, 2)::float8 AS average"
		"   FROM (SELECT max(ic.score) AS best, bool_or(ic.status = 'accepted') AS solved"
		"     FROM interview_coding ic WHERE ic.question_id = q.id GROUP BY ic.candidate_id) b) s"
		" WHERE q.id = $1::int",
		1, p, dberr);
}
