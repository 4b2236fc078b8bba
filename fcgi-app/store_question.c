/* store_question.c - the statements about a question and its tests */
#include <stdio.h>
#include <string.h>

#include "api_common.h"
#include "uuid.h"
#include "store_question.h"

/* Question fields shown to candidates and in lists; $1 is the candidate (or NULL). */
#define QUESTION_JSON                                                                            \
	"json_build_object('id', q.uuid, 'number', q.id, 'title', q.title,"                      \
	" 'description', q.question, 'difficulty', q.difficulty, 'tags', q.tags,"                 \
	" 'time_limit_ms', q.time_limit_ms, 'memory_limit_mb', q.memory_limit_mb,"                \
	" 'test_cases', (SELECT COALESCE(json_agg(json_build_object('id', t.id,"                  \
	"   'input', t.input_data, 'expected_output', t.expected_output, 'test_order', t.test_order)" \
	"   ORDER BY t.test_order), '[]') FROM test_cases t WHERE t.question_id = q.id AND t.is_sample)," \
	" 'total_tests', (SELECT count(*) FROM test_cases t WHERE t.question_id = q.id),"          \
	" 'max_score', (SELECT COALESCE(sum(t.points), 0) FROM test_cases t WHERE t.question_id = q.id)," \
	" 'progress', (SELECT json_build_object('attempts', count(*),"                           \
	"   'best_score', COALESCE(max(ic.score), 0), 'max_score', COALESCE(max(ic.max_score), 0),"  \
	"   'solved', COALESCE(bool_or(ic.status = 'accepted'), false))"                           \
	"   FROM interview_coding ic WHERE ic.candidate_id = $1::uuid AND ic.question_id = q.id))"

/* A question as the recruiter edits it, with every test. */
#define ADMIN_QUESTION_JSON                                                                      \
	"json_build_object('id', q.uuid, 'number', q.id, 'slug', q.slug, 'title', q.title,"      \
	" 'question', q.question, 'description', q.question, 'difficulty', q.difficulty,"        \
	" 'tags', q.tags, 'boiler_plate', q.boiler_plate, 'time_limit_ms', q.time_limit_ms,"      \
	" 'memory_limit_mb', q.memory_limit_mb, 'created_at', q.created_at,"                     \
	" 'updated_at', q.updated_at,"                                                             \
	" 'test_cases', (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'input', t.input_data," \
	"   'expected_output', t.expected_output, 'is_sample', t.is_sample, 'points', t.points,"   \
	"   'test_order', t.test_order) ORDER BY t.test_order), '[]') FROM test_cases t"          \
	"   WHERE t.question_id = q.id))"


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

enum db_err store_question_insert(const struct store_question *q, char id[16])
{
	const char *p[8] = { q->slug,	     q->title,	      q->question,	q->difficulty,
			     q->tags_json,   q->boiler_json,  q->time_limit_ms, q->memory_limit_mb };
	enum db_err e;
	PGresult *res;

	e = db_exec(&res,
		    "INSERT INTO coding_question_bank (slug, title, question, difficulty, tags,"
		    " boiler_plate, time_limit_ms, memory_limit_mb) VALUES ($1, $2, $3, lower($4),"
		    " $5::jsonb, $6::jsonb, $7::int, $8::int) RETURNING id",
		    8, p);
	if (e != DB_OK)
		return e;
	snprintf(id, 16, "%s", db_get(res, 0, "id"));
	PQclear(res);
	return DB_OK;
}

enum db_err store_test_insert(const char *qid, const char *input, const char *expected,
			      bool sample, const char *points, int order)
{
	char ord[16];
	const char *p[6] = { qid, input, expected, sample ? "t" : "f", points, ord };

	snprintf(ord, sizeof(ord), "%d", order);
	return db_run("INSERT INTO test_cases (question_id, input_data, expected_output, is_sample,"
		      " points, test_order) VALUES ($1::int, $2, $3, $4::bool, $5::int, $6::int)",
		      6, p);
}

int store_question_slug_exists(const char *slug)
{
	const char *p[1] = { slug };
	int n = db_rows("SELECT 1 FROM coding_question_bank WHERE slug = $1", 1, p);

	return n < 0 ? -1 : n == 1;
}

enum db_err store_question_update(const char *qid, const struct store_question *q)
{
	const char *p[8] = { qid,	     q->title,	       q->question,	   q->difficulty,
			     q->tags_json,   q->boiler_json,   q->time_limit_ms,   q->memory_limit_mb };

	return db_run("UPDATE coding_question_bank SET title = COALESCE($2, title),"
		      " question = COALESCE($3, question), difficulty = COALESCE(lower($4), difficulty),"
		      " tags = COALESCE($5::jsonb, tags), boiler_plate = COALESCE($6::jsonb, boiler_plate),"
		      " time_limit_ms = COALESCE($7::int, time_limit_ms),"
		      " memory_limit_mb = COALESCE($8::int, memory_limit_mb), updated_at = now()"
		      " WHERE id = $1::int",
		      8, p);
}

enum db_err store_test_delete_all(const char *qid)
{
	const char *p[1] = { qid };

	return db_run("DELETE FROM test_cases WHERE question_id = $1::int", 1, p);
}

int store_question_delete(const char *qid)
{
	const char *p[1] = { qid };
	/*
	 * A question in someone's test stays: deleting it would silently change
	 * an invited candidate's test, or drop answers from a finished one's record.
	 */
	int n = db_rows("DELETE FROM coding_question_bank q WHERE id = $1::int AND NOT EXISTS"
			" (SELECT 1 FROM interview_coding ic WHERE ic.question_id = q.id) AND NOT EXISTS"
			" (SELECT 1 FROM candidate_question cq WHERE cq.question_id = q.id) RETURNING id",
			1, p);

	return n < 0 ? -1 : n == 1;
}

struct json_object *store_question_admin_json(const char *qid, int *dberr)
{
	const char *p[1] = { qid };

	return api_query_json("SELECT " ADMIN_QUESTION_JSON " FROM coding_question_bank q WHERE q.id = $1::int",
			      1, p, dberr);
}

struct json_object *store_question_admin_list_json(const char *text, const char *difficulty,
						   const char *tag, int *dberr)
{
	const char *p[3] = { text, difficulty, tag };

	return api_query_json(
		"SELECT COALESCE(json_agg(json_build_object('id', q.uuid, 'number', q.id,"
		" 'title', q.title, 'difficulty', q.difficulty, 'tags', q.tags,"
		" 'time_limit_ms', q.time_limit_ms, 'memory_limit_mb', q.memory_limit_mb,"
		" 'updated_at', q.updated_at,"
		" 'test_count', (SELECT count(*) FROM test_cases t WHERE t.question_id = q.id),"
		" 'sample_count', (SELECT count(*) FROM test_cases t WHERE t.question_id = q.id AND t.is_sample))"
		" ORDER BY q.id), '[]') FROM coding_question_bank q"
		" WHERE ($1 = '' OR q.title ILIKE '%' || $1 || '%' OR q.question ILIKE '%' || $1 || '%')"
		" AND ($2 = '' OR q.difficulty = lower($2)) AND ($3 = '' OR q.tags ? $3)",
		3, p, dberr);
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
		       " q.time_limit_ms, q.memory_limit_mb FROM test_cases t"
		       " JOIN coding_question_bank q ON q.id = t.question_id"
		       " WHERE t.question_id = $1::int AND (t.is_sample OR NOT $2::bool) ORDER BY t.test_order",
		       2, p);
}
