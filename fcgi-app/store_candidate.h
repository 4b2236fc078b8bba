/*
 * store_candidate.h - how a candidate reads back from the database
 *
 * Each returns a new JSON object (the caller owns it), or NULL with *dberr
 * set when the database failed, and NULL with *dberr 0 when there is no such
 * candidate.  The session sweep is the caller's: these only read.
 */
#ifndef CE_STORE_CANDIDATE_H
#define CE_STORE_CANDIDATE_H

struct json_object;

/* The candidate, their session, questions and score. */
struct json_object *store_candidate_json(const char *candidate_id, int *dberr);
/* Every candidate, newest first, as an array. */
struct json_object *store_candidate_list_json(int *dberr);
/* The recruiter's record: the candidate plus each question's best and final code, every
 * submission with its results, the events and the timeline (late heartbeats as gaps). */
struct json_object *store_candidate_detail_json(const char *candidate_id, int *dberr);

#endif
