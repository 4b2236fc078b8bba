/*
 * store_submission.h - the statements about a candidate's judged submissions
 *
 * A submission is stored once it is judged, whatever the program printed:
 * the record is JSON whose strings jsonh_db_text() made safe for jsonb.
 */
#ifndef CE_STORE_SUBMISSION_H
#define CE_STORE_SUBMISSION_H

#include <json-c/json.h>

#include "db.h"

struct store_submission {
	const char *candidate_id;
	const char *question_id;	/* the internal id, as text */
	const char *language;
	const char *code;
	const char *status;		/* accepted, or the first failing test's verdict */
	int passed, total;
	double score, max_score;
	struct json_object *result;	/* the recruiter's full record of the run (borrowed) */
};

/* Insert one submission; its uuid into id[40].  A submit is stored 'queued' before it runs. */
enum db_err store_submission_insert(const struct store_submission *s, char id[40]);
/* Complete a 'queued' submission with its grade and the recruiter's record (borrowed). */
enum db_err store_submission_complete(const char *id, const char *status, int passed, int total,
				      double score, struct json_object *result);

#endif
