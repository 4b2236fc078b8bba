/* store_question.c - the statements about a question and its tests */
#include <stdio.h>
#include <string.h>

#include "api_common.h"
#include "store_question.h"

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
	} else if (api_is_uuid(key)) {
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
	enum db_err e;
	PGresult *res;

	snprintf(ord, sizeof(ord), "%d", order);
	e = db_exec(&res,
		    "INSERT INTO test_cases (question_id, input_data, expected_output, is_sample,"
		    " points, test_order) VALUES ($1::int, $2, $3, $4::bool, $5::int, $6::int)",
		    6, p);
	if (e == DB_OK)
		PQclear(res);
	return e;
}
