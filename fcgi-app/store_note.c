/* store_note.c - the notes and ratings that reviewers and recruiters leave on a candidate */
#include <stdio.h>

#include "api_common.h"
#include "store_note.h"
#include "uuid.h"

struct json_object *store_note_list_json(const char *candidate_id, int *dberr)
{
	const char *p[1] = { candidate_id };

	*dberr = 0;
	if (!uuid_valid(candidate_id))
		return NULL;
	return api_query_json("SELECT " STORE_NOTES_JSONB "::json FROM candidate c"
			      " WHERE c.candidate_id = $1::uuid",
			      1, p, dberr);
}

struct json_object *store_note_add(const char *candidate_id, int author_id, const char *rating,
				   const char *text, int *dberr)
{
	char author[16];
	const char *p[4] = { candidate_id, author, rating, text };

	*dberr = 0;
	if (!uuid_valid(candidate_id))
		return NULL;
	snprintf(author, sizeof(author), "%d", author_id);
	return api_query_json(
		"WITH n AS (INSERT INTO candidate_note (candidate_id, author_id, author, rating, body)"
		"   SELECT c.candidate_id, a.id, a.username, $3, $4 FROM candidate c, recruiter_admin a"
		"   WHERE c.candidate_id = $1::uuid AND a.id = $2::int RETURNING *)"
		" SELECT json_build_object('id', n.id, 'author', n.author, 'author_name', a.name,"
		" 'rating', n.rating,"
		" 'rating_label', " STORE_RATING_LABEL("n.rating") ","
		" 'text', n.body, 'created_at', n.created_at)"
		" FROM n JOIN recruiter_admin a ON a.id = n.author_id",
		4, p, dberr);
}
