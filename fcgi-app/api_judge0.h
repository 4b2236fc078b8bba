/*
 * api_judge0.h - the Judge0 CE 1.13 compatible API under /judge0/: each
 * handler answers one route of routes.c, in Judge0's own shapes
 *
 * They sit behind the guards of /execute: nginx's allowlist, rate limit and
 * body limit on /judge0/, and the API key (CE_API_KEY) as Judge0's
 * X-Auth-Token (api_auth_token_ok).  Every error is Judge0's {"error": ...},
 * or for a submission that does not validate {"field": ["message", ...]}
 * with 422, sent by the handler itself rather than recorded for the request
 * loop's envelope.  Submissions are jobs of the queue (queue.h) whose context
 * holds what judge0.h needs to show them.
 */
#ifndef CE_API_JUDGE0_H
#define CE_API_JUDGE0_H

#include "http.h"

/* POST /judge0/submissions?base64_encoded=&wait=&fields=: 201 {"token"}, or the judged one. */
int h_judge0_create(struct http_req *r);
/* GET /judge0/submissions/:token?base64_encoded=&fields= */
int h_judge0_get(struct http_req *r);
/* POST /judge0/submissions/batch {"submissions": [...]} (at most 20): [{"token"} or its errors]. */
int h_judge0_batch_create(struct http_req *r);
/* GET /judge0/submissions/batch?tokens=a,b,c: {"submissions": [... or null]}. */
int h_judge0_batch_get(struct http_req *r);
/* GET /judge0/languages ([{id, name}]), /judge0/languages/all, /judge0/languages/:id. */
int h_judge0_languages(struct http_req *r);
int h_judge0_languages_all(struct http_req *r);
int h_judge0_language(struct http_req *r);
/* GET /judge0/statuses: [{id, description}]. */
int h_judge0_statuses(struct http_req *r);
/* GET /judge0/about, /judge0/config_info. */
int h_judge0_about(struct http_req *r);
int h_judge0_config_info(struct http_req *r);

#endif
