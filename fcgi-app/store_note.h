/*
 * store_note.h - the notes and ratings that reviewers and recruiters leave on a candidate
 *
 * The readers return a new JSON object (the caller owns it), or NULL with
 * *dberr set when the database failed, NULL with *dberr 0 when there is no
 * such candidate.
 */
#ifndef CE_STORE_NOTE_H
#define CE_STORE_NOTE_H

struct json_object;

/* The longest note, in bytes. */
#define NOTE_MAX_TEXT 10000

/*
 * SQL for the notes of candidate row c, oldest first, as a jsonb array of
 * {id, author, author_name, rating, rating_label, text, created_at}; for
 * the candidate's detail (store_candidate.c) and the notes route.
 */
/* "strong_yes" -> "Strong yes", in SQL */
#define STORE_RATING_LABEL(col) "upper(left(" col ", 1)) || substr(replace(" col ", '_', ' '), 2)"

#define STORE_NOTES_JSONB                                                                        \
	"(SELECT COALESCE(jsonb_agg(jsonb_build_object('id', n.id, 'author', n.author,"            \
	"   'author_name', COALESCE(a.name, ''), 'rating', n.rating,"                                \
	"   'rating_label', " STORE_RATING_LABEL("n.rating") ","                                   \
	"   'text', n.body, 'created_at', n.created_at) ORDER BY n.created_at, n.id), '[]')"         \
	"   FROM candidate_note n LEFT JOIN recruiter_admin a ON a.id = n.author_id"                 \
	"   WHERE n.candidate_id = c.candidate_id)"

/*
 * The ratings of candidate c: each author's latest, by author, as a json array of
 * {author, author_name, rating, rating_label}.
 */
#define STORE_RATINGS_JSON                                                                       \
	"(SELECT COALESCE(json_agg(json_build_object('author', x.author, 'author_name', x.author_name," \
	"   'rating', x.rating, 'rating_label', " STORE_RATING_LABEL("x.rating") ") ORDER BY x.author), '[]')" \
	"   FROM (SELECT DISTINCT ON (n.author) n.author, COALESCE(a.name, '') AS author_name, n.rating" \
	"   FROM candidate_note n LEFT JOIN recruiter_admin a ON a.id = n.author_id"                 \
	"   WHERE n.candidate_id = c.candidate_id AND n.rating IS NOT NULL"                          \
	"   ORDER BY n.author, n.created_at DESC, n.id DESC) x)"

/* Every note on the candidate, as an array. */
struct json_object *store_note_list_json(const char *candidate_id, int *dberr);
/*
 * Add a note by account author_id (its username is kept with the note);
 * rating is a name of account_rating_name() or NULL.  The new note, in the
 * list's shape.
 */
struct json_object *store_note_add(const char *candidate_id, int author_id, const char *rating,
				   const char *text, int *dberr);

#endif
