/* store_submission.c - the statements about a candidate's judged submissions */
#include <stdio.h>

#include "jsonh.h"
#include "store_submission.h"

enum db_err store_submission_insert(const struct store_submission *s, char id[40])
{
	char passed[12], total[12], score[32], max[32];
	const char *p[10] = { s->candidate_id, s->question_id, s->language, s->code, s->status,
			      passed, total, score, max, jsonh_db_text(s->result, NULL) };
	PGresult *res;
	enum db_err e;

	snprintf(passed, sizeof(passed), "%d", s->passed);
	snprintf(total, sizeof(total), "%d", s->total);
	snprintf(score, sizeof(score), "%.2f", s->score);
	snprintf(max, sizeof(max), "%.2f", s->max_score);
	e = db_exec(&res,
		    "INSERT INTO interview_coding (candidate_id, question_id, language, code, status,"
		    " passed, total, score, max_score, result)"
		    " VALUES ($1::uuid, $2::int, $3, $4, $5, $6::int, $7::int, $8::float8, $9::float8, $10::jsonb)"
		    " RETURNING submission_id",
		    10, p);
	if (e != DB_OK)
		return e;
	snprintf(id, 40, "%s", db_get(res, 0, "submission_id"));
	PQclear(res);
	return DB_OK;
}

enum db_err store_submission_complete(const char *id, const char *status, int passed, int total,
				      double score, struct json_object *result)
{
	char p1[12], p2[12], p3[32];
	const char *p[6] = { id, status, p1, p2, p3, jsonh_db_text(result, NULL) };

	snprintf(p1, sizeof(p1), "%d", passed);
	snprintf(p2, sizeof(p2), "%d", total);
	snprintf(p3, sizeof(p3), "%.2f", score);
	return db_run("UPDATE interview_coding SET status = $2, passed = $3::int, total = $4::int,"
		      " score = $5::float8, result = $6::jsonb"
		      " WHERE submission_id = $1::uuid AND status = 'queued'",
		      6, p);
}
