/* store_question.c - the statements about a question and its tests */
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "api_common.h"
#include "uuid.h"
#include "store_job.h"
#include "store_question.h"

/* Question fields shown to candidates and in lists; $1 is the candidate (or NULL). */
#define QUESTION_JSON                                                                            \
	"json_build_object('id', q.uuid, 'number', q.id, 'title', q.title,"                      \
	" 'description', q.question, 'difficulty', q.difficulty, 'tags', q.tags,"                 \
	" 'time_limit_ms', q.time_limit_ms, 'memory_limit_mb', q.memory_limit_mb,"                \
	" 'kind', CASE WHEN q.signature IS NOT NULL THEN 'function'"                               \
	"   WHEN q.checker->>'type' = 'interactive' THEN 'interactive' ELSE 'io' END,"             \
	" 'signature', q.signature, 'groups', q.groups,"                                           \
	" 'has_statement_pdf', q.statement_pdf IS NOT NULL,"                                       \
	" 'test_cases', (SELECT COALESCE(json_agg(json_strip_nulls(json_build_object('id', t.id,"  \
	"   'input', t.input_data, 'expected_output', t.expected_output, 'test_order', t.test_order," \
	"   'interaction', t.interaction))"                                                        \
	"   ORDER BY t.test_order), '[]') FROM test_cases t WHERE t.question_id = q.id AND t.is_sample)," \
	" 'total_tests', (SELECT count(*) FROM test_cases t WHERE t.question_id = q.id),"          \
	" 'max_score', question_max_score(q.id),"                                                  \
	" 'progress', (SELECT json_build_object('attempts', count(*),"                           \
	"   'best_score', COALESCE(max(ic.score), 0), 'max_score', COALESCE(max(ic.max_score), 0),"  \
	"   'solved', COALESCE(bool_or(ic.status = 'accepted'), false))"                           \
	"   FROM interview_coding ic WHERE ic.candidate_id = $1::uuid AND ic.question_id = q.id))"

/* A question as the recruiter edits it, with every test and how it is judged. */
#define ADMIN_QUESTION_JSON                                                                      \
	"json_build_object('id', q.uuid, 'number', q.id, 'slug', q.slug, 'title', q.title,"      \
	" 'question', q.question, 'description', q.question, 'difficulty', q.difficulty,"        \
	" 'tags', q.tags, 'boiler_plate', q.boiler_plate, 'time_limit_ms', q.time_limit_ms,"      \
	" 'memory_limit_mb', q.memory_limit_mb, 'output_limit_kb', q.output_limit_kb,"           \
	" 'checker', q.checker, 'groups', q.groups, 'signature', q.signature,"                   \
	" 'package', q.package, 'has_statement_pdf', q.statement_pdf IS NOT NULL,"              \
	" 'max_score', question_max_score(q.id), 'created_at', q.created_at,"                    \
	" 'updated_at', q.updated_at, 'created_by', q.created_by, 'archived_at', q.archived_at,"  \
	" 'test_cases', (SELECT COALESCE(json_agg(json_strip_nulls(json_build_object('id', t.id,"  \
	"   'input', t.input_data, 'expected_output', t.expected_output, 'is_sample', t.is_sample," \
	"   'points', t.points, 'group', t.group_name, 'name', t.name, 'interaction', t.interaction," \
	"   'test_order', t.test_order)) ORDER BY t.test_order), '[]') FROM test_cases t"         \
	"   WHERE t.question_id = q.id),"                                                          \
	" 'references', (SELECT COALESCE(json_agg(json_build_object('name', s.name,"              \
	"   'language', s.language, 'code', s.code, 'expected', s.expected) ORDER BY s.position),"  \
	"   '[]') FROM reference_solution s WHERE s.question_id = q.id))"


int store_question_lookup(const char *key, char out[16])
{
	const char *p[1] = { key };
	size_t n = strlen(key);
	PGresult *res;
	int found;

	if (n && n <= 9 && strspn(key, "0123456789") == n) {
		if (db_exec(&res, "SELECT id FROM coding_question_bank WHERE id = $1::int", 1, p) !=
		    DB_OK)
			return -1;
	} else if (uuid_valid(key)) {
		if (db_exec(&res, "SELECT id FROM coding_question_bank WHERE uuid = $1::uuid", 1, p) !=
		    DB_OK)
			return -1;
	} else {
		return 0;
	}
	found = PQntuples(res) == 1;
	if (found)
		snprintf(out, 16, "%s", db_get(res, 0, "id"));
	PQclear(res);
	return found;
}

enum db_err store_question_finals(const char *qid, int reader, PGresult **res)
{
	char who[16], max[16];
	const char *p[3] = { qid, who, max };

	snprintf(who, sizeof(who), "%d", reader);
	snprintf(max, sizeof(max), "%d", STORE_SIMILARITY_MAX);
	return db_exec(res,
		       "SELECT * FROM (SELECT DISTINCT ON (ic.candidate_id) ic.candidate_id, c.name,"
		       " ic.submission_id, ic.language, ic.code, ic.created_at"
		       " FROM interview_coding ic JOIN candidate c ON c.candidate_id = ic.candidate_id"
		       " WHERE ic.question_id = $1::int AND " STORE_JOB_SCOPE("c.job_id", "$2")
		       " ORDER BY ic.candidate_id, ic.created_at DESC, ic.id DESC) f"
		       " ORDER BY f.created_at DESC LIMIT $3::int",
		       3, p);
}

enum db_err store_question_givens(const char *qid, PGresult **res)
{
	const char *p[1] = { qid };

	return db_exec(res,
		       "SELECT 'boiler' AS kind, b.key AS language, b.value AS code"
		       " FROM coding_question_bank q, jsonb_each_text(q.boiler_plate) b WHERE q.id = $1::int"
		       " UNION ALL SELECT 'reference', language, code FROM reference_solution"
		       " WHERE question_id = $1::int"
		       " UNION ALL SELECT 'signature', '', signature::text FROM coding_question_bank"
		       " WHERE id = $1::int AND signature IS NOT NULL",
		       1, p);
}

enum db_err store_question_insert(const struct store_question *q, char id[16])
{
	const char *p[14] = { q->slug,		   q->title,	     q->question,
			      q->difficulty,	   q->tags_json,     q->boiler_json,
			      q->time_limit_ms,	   q->memory_limit_mb, q->output_limit_kb,
			      q->checker_json,	   q->groups_json,   q->signature_json,
			      q->package_json,	   q->statement_pdf };
	enum db_err e;
	PGresult *res;

	e = db_exec(&res,
		    "INSERT INTO coding_question_bank (slug, title, question, difficulty, tags,"
		    " boiler_plate, time_limit_ms, memory_limit_mb, output_limit_kb, checker, groups,"
		    " signature, package, statement_pdf) VALUES ($1, $2, $3, lower($4),"
		    " $5::jsonb, $6::jsonb, $7::int, $8::int, COALESCE($9::int, 16384),"
		    " COALESCE($10::jsonb, '{\"type\": \"lines\"}'), COALESCE($11::jsonb, '[]'),"
		    " NULLIF($12::jsonb, 'null'), COALESCE($13::jsonb, '{}'),"
		    " decode(NULLIF($14, ''), 'base64')) RETURNING id",
		    14, p);
	if (e != DB_OK)
		return e;
	snprintf(id, 16, "%s", db_get(res, 0, "id"));
	PQclear(res);
	return DB_OK;
}

enum db_err store_test_insert(const char *qid, const struct store_test *t, int order)
{
	char ord[16];
	const char *p[9] = { qid,	 t->input, t->expected,	 t->sample ? "t" : "f", t->points,
			     ord,	 t->group, t->name,	 t->interaction };

	snprintf(ord, sizeof(ord), "%d", order);
	return db_run("INSERT INTO test_cases (question_id, input_data, expected_output, is_sample,"
		      " points, test_order, group_name, name, interaction)"
		      " VALUES ($1::int, $2, $3, $4::bool, $5::int, $6::int, $7, $8, $9)",
		      9, p);
}

int store_tests_fit_groups(const char *qid, int *bad, char group[65])
{
	const char *p[1] = { qid };
	PGresult *res;
	int fit;

	/* with groups, every test names one of them; without, none names any */
	if (db_exec(&res,
		    "SELECT t.test_order, COALESCE(t.group_name, '') AS group_name FROM test_cases t"
		    " JOIN coding_question_bank q ON q.id = t.question_id WHERE q.id = $1::int AND"
		    " (jsonb_array_length(q.groups) > 0 OR t.group_name IS NOT NULL) AND NOT EXISTS"
		    " (SELECT 1 FROM jsonb_array_elements(q.groups) g WHERE g->>'name' = t.group_name)"
		    " ORDER BY t.test_order LIMIT 1",
		    1, p) != DB_OK)
		return -1;
	fit = PQntuples(res) == 0;
	if (!fit) {
		*bad = (int)db_getll(res, 0, "test_order");
		snprintf(group, 65, "%s", db_get(res, 0, "group_name"));
	}
	PQclear(res);
	return fit;
}

enum db_err store_reference_delete_all(const char *qid)
{
	const char *p[1] = { qid };

	return db_run("DELETE FROM reference_solution WHERE question_id = $1::int", 1, p);
}

enum db_err store_reference_insert(const char *qid, const char *name, const char *language,
				   const char *code, const char *expected, int order)
{
	char ord[16];
	const char *p[6] = { qid, name, language, code, expected, ord };

	snprintf(ord, sizeof(ord), "%d", order);
	return db_run("INSERT INTO reference_solution (question_id, name, language, code, expected,"
		      " position) VALUES ($1::int, $2, $3, $4, $5, $6::int)",
		      6, p);
}

enum db_err store_references(const char *qid, PGresult **res)
{
	const char *p[1] = { qid };

	return db_exec(res,
		       "SELECT name, language, code, expected FROM reference_solution"
		       " WHERE question_id = $1::int ORDER BY position",
		       1, p);
}

int store_question_pdf(const char *qid, struct strbuf *out)
{
	const char *p[1] = { qid };
	unsigned char *bytes;
	PGresult *res;
	size_t n;
	int found;

	if (db_exec(&res, "SELECT statement_pdf FROM coding_question_bank WHERE id = $1::int"
			  " AND statement_pdf IS NOT NULL", 1, p) != DB_OK)
		return -1;
	found = PQntuples(res) == 1;
	if (found) {
		bytes = PQunescapeBytea((const unsigned char *)PQgetvalue(res, 0, 0), &n);
		if (!bytes || strbuf_add(out, (const char *)bytes, n) < 0)
			found = -1;
		PQfreemem(bytes);
	}
	PQclear(res);
	return found;
}

int store_question_slug_exists(const char *slug)
{
	const char *p[1] = { slug };
	int n = db_rows("SELECT 1 FROM coding_question_bank WHERE slug = $1", 1, p);

	return n < 0 ? -1 : n == 1;
}

enum db_err store_question_update(const char *qid, const struct store_question *q)
{
	const char *p[14] = { qid,		  q->title,	    q->question,
			      q->difficulty,	  q->tags_json,	    q->boiler_json,
			      q->time_limit_ms,	  q->memory_limit_mb, q->output_limit_kb,
			      q->checker_json,	  q->groups_json,   q->signature_json,
			      q->package_json,	  q->statement_pdf };

	return db_run("UPDATE coding_question_bank SET title = COALESCE($2, title),"
		      " question = COALESCE($3, question), difficulty = COALESCE(lower($4), difficulty),"
		      " tags = COALESCE($5::jsonb, tags), boiler_plate = COALESCE($6::jsonb, boiler_plate),"
		      " time_limit_ms = COALESCE($7::int, time_limit_ms),"
		      " memory_limit_mb = COALESCE($8::int, memory_limit_mb),"
		      " output_limit_kb = COALESCE($9::int, output_limit_kb),"
		      " checker = COALESCE($10::jsonb, checker), groups = COALESCE($11::jsonb, groups),"
		      " signature = CASE WHEN $12::jsonb IS NULL THEN signature"
		      "   ELSE NULLIF($12::jsonb, 'null') END,"
		      " package = COALESCE($13::jsonb, package),"
		      " statement_pdf = CASE WHEN $14::text IS NULL THEN statement_pdf"
		      "   ELSE decode(NULLIF($14, ''), 'base64') END, updated_at = now()"
		      " WHERE id = $1::int",
		      14, p);
}

enum db_err store_test_delete_all(const char *qid)
{
	const char *p[1] = { qid };

	return db_run("DELETE FROM test_cases WHERE question_id = $1::int", 1, p);
}

int store_question_delete(const char *qid)
{
	const char *p[1] = { qid };
	PGresult *res;
	int rc = 0;

	/*
	 * A question in a test, a candidate's test or a submission is archived instead:
	 * deleting it would change an invited candidate's test or drop a finished one's answers.
	 */
	if (db_exec(&res,
		    "WITH used AS (SELECT EXISTS (SELECT 1 FROM interview_coding ic WHERE ic.question_id = $1::int)"
		    "  OR EXISTS (SELECT 1 FROM candidate_question cq WHERE cq.question_id = $1::int)"
		    "  OR EXISTS (SELECT 1 FROM test_version_question tq WHERE tq.question_id = $1::int) AS u),"
		    " a AS (UPDATE coding_question_bank SET archived_at = COALESCE(archived_at, now())"
		    "  WHERE id = $1::int AND (SELECT u FROM used) RETURNING 2 AS rc),"
		    " d AS (DELETE FROM coding_question_bank WHERE id = $1::int AND NOT (SELECT u FROM used)"
		    "  RETURNING 1 AS rc)"
		    " SELECT rc FROM a UNION ALL SELECT rc FROM d",
		    1, p) != DB_OK)
		return -1;
	if (PQntuples(res) == 1)
		rc = (int)db_getll(res, 0, "rc");
	PQclear(res);
	return rc;
}

enum db_err store_question_set_author(const char *qid, int admin_id)
{
	char admin[16];
	const char *p[2] = { qid, admin };

	snprintf(admin, sizeof(admin), "%d", admin_id);
	return db_run("UPDATE coding_question_bank SET created_by = $2::int WHERE id = $1::int"
		      " AND created_by IS NULL",
		      2, p);
}

struct json_object *store_question_admin_json(const char *qid, int *dberr)
{
	const char *p[1] = { qid };

	return api_query_json("SELECT " ADMIN_QUESTION_JSON " FROM coding_question_bank q WHERE q.id = $1::int",
			      1, p, dberr);
}

struct json_object *store_question_document_json(const char *qid, int *dberr)
{
	const char *p[1] = { qid };

	return api_query_json(
		"SELECT (" ADMIN_QUESTION_JSON "::jsonb || jsonb_strip_nulls(jsonb_build_object("
		" 'statement_pdf', translate(encode(q.statement_pdf, 'base64'), E'\\n', ''))))::json"
		" FROM coding_question_bank q WHERE q.id = $1::int",
		1, p, dberr);
}

struct json_object *store_question_admin_list_json(const char *text, const char *difficulty,
						   const char *tag, bool archived, int *dberr)
{
	const char *p[4] = { text, difficulty, tag, archived ? "t" : "f" };

	return api_query_json(
		"SELECT COALESCE(json_agg(json_build_object('id', q.uuid, 'number', q.id,"
		" 'title', q.title, 'difficulty', q.difficulty, 'tags', q.tags,"
		" 'time_limit_ms', q.time_limit_ms, 'memory_limit_mb', q.memory_limit_mb,"
		" 'updated_at', q.updated_at, 'created_by', q.created_by, 'archived_at', q.archived_at,"
		" 'test_count', (SELECT count(*) FROM test_cases t WHERE t.question_id = q.id),"
		" 'sample_count', (SELECT count(*) FROM test_cases t WHERE t.question_id = q.id AND t.is_sample))"
		" ORDER BY q.id), '[]') FROM coding_question_bank q"
		" WHERE ($1 = '' OR q.title ILIKE '%' || $1 || '%' OR q.question ILIKE '%' || $1 || '%')"
		" AND ($2 = '' OR q.difficulty = lower($2)) AND ($3 = '' OR q.tags ? $3)"
		" AND ($4::bool OR q.archived_at IS NULL)",
		4, p, dberr);
}

struct json_object *store_question_list_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	if (!candidate_id)
		return api_query_json("SELECT COALESCE(json_agg(" QUESTION_JSON " ORDER BY q.id), '[]')"
				      " FROM coding_question_bank q",
				      1, p, dberr);
	return api_query_json("SELECT COALESCE(json_agg(" QUESTION_JSON " ORDER BY cq.position), '[]')"
			      " FROM candidate_question cq JOIN coding_question_bank q"
			      " ON q.id = cq.question_id WHERE cq.candidate_id = $1::uuid",
			      1, p, dberr);
}

struct json_object *store_question_json(const char *qid, const char *candidate_id, int *dberr)
{
	const char *p[2] = { candidate_id, qid };

	return api_query_json("SELECT (" QUESTION_JSON "::jsonb || jsonb_build_object('boiler_plate',"
			      " q.boiler_plate))::json FROM coding_question_bank q WHERE q.id = $2::int",
			      2, p, dberr);
}

enum db_err store_question_tests(const char *qid, bool samples_only, PGresult **res)
{
	const char *p[2] = { qid, samples_only ? "t" : "f" };

	return db_exec(res,
		       "SELECT t.id, t.input_data, t.expected_output, t.is_sample, t.points,"
		       " COALESCE(t.group_name, '') AS group_name, q.time_limit_ms, q.memory_limit_mb,"
		       " q.output_limit_kb, q.checker, q.groups, COALESCE(q.signature::text, '') AS signature"
		       " FROM test_cases t"
		       " JOIN coding_question_bank q ON q.id = t.question_id"
		       " WHERE t.question_id = $1::int AND (t.is_sample OR NOT $2::bool) ORDER BY t.test_order",
		       2, p);
}
