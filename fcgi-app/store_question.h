/*
 * store_question.h - the statements about a question and its tests
 *
 * The handlers (api_admin.c, api_questions.c) and ce-ctl's bank loader go
 * through these: each INSERT about a question exists once.  Values are text
 * as PostgreSQL takes them; JSON columns take JSON text.
 */
#ifndef CE_STORE_QUESTION_H
#define CE_STORE_QUESTION_H

#include <stdbool.h>

#include "db.h"

struct store_question {
	const char *slug;		/* NULL for a question made in the admin pages */
	const char *title;
	const char *question;		/* markdown */
	const char *difficulty;		/* easy, medium or hard, any case */
	const char *tags_json;		/* a JSON array */
	const char *boiler_json;	/* a JSON object: language -> starter code */
	const char *time_limit_ms;
	const char *memory_limit_mb;
};

/*
 * Resolve ":id" (an integer or a uuid) to the internal id in out[16]: 1 when
 * found, 0 when malformed or unknown, -1 on a database error.
 */
int store_question_lookup(const char *key, char out[16]);
/* Insert a question; its id into id[16]. */
enum db_err store_question_insert(const struct store_question *q, char id[16]);
/* Insert one test of question qid at position order (1, 2, ...). */
enum db_err store_test_insert(const char *qid, const char *input, const char *expected,
			      bool sample, const char *points, int order);

#endif
