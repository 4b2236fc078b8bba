/*
 * api_questions.h - handlers of the questions a candidate sees, and /proxy/execute (SPEC section
 * 5); each answers one route of routes.c
 */
#ifndef CE_API_QUESTIONS_H
#define CE_API_QUESTIONS_H

#include "http.h"

struct json_object;

int h_questions_list(struct http_req *r);
int h_question_get(struct http_req *r);
int h_question_pdf(struct http_req *r);
int h_proxy_execute(struct http_req *r);
/*
 * Fill missing languages of a boiler_plate object: a function question's
 * generated stub (sig, which may be NULL), else the default starter.
 */
void api_fill_starters(struct json_object *bp, struct json_object *sig);
/*
 * What a candidate sees of a run or submit: the graded answer built from
 * its job's response and context (grade_context's); NULL when the context
 * does not parse.
 */
struct json_object *api_candidate_answer(struct json_object *resp, const char *context);

#endif
