/*
 * api_piston.h - the Piston v2 compatible API under /piston/ (engineer-man/piston's
 * api/v2): each handler answers one route of routes.c, in Piston's own shapes
 *
 * Both sit behind the guards of /execute: nginx's allowlist and rate limit
 * on /piston/, and the API key (api_key_ok).  Every error they give is
 * Piston's {"message": "..."} with its status, sent by the handler itself
 * rather than recorded for the request loop's envelope of SPEC section 5.
 */
#ifndef CE_API_PISTON_H
#define CE_API_PISTON_H

#include <stddef.h>

#include "http.h"

/*
 * How an execution is run: through the queue (queue_run, the default).  A
 * unit test of this module may put the local judge (executor_run) in its place.
 */
typedef struct json_object *(*piston_runner_fn)(const char *owner, const char *req, size_t len,
						int *invalid, char *err, size_t errlen);
extern piston_runner_fn piston_runner;

/* GET /piston/api/v2/runtimes: [{language, version, aliases, runtime?}], one per language. */
int h_piston_runtimes(struct http_req *r);
/*
 * POST /piston/api/v2/execute: {language, version, files: [{content}], stdin, run_timeout,
 * run_memory_limit, ...} runs files' first UTF-8 file once with stdin and answers
 * {language, version, run: {stdout, stderr, code, signal, output, ...}, compile?}.
 */
int h_piston_execute(struct http_req *r);

#endif
