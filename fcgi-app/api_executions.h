/*
 * api_executions.h - an execution followed after the request that added it
 * (POST /execute?wait=false, a candidate's run or submit with ?wait=false)
 */
#ifndef CE_API_EXECUTIONS_H
#define CE_API_EXECUTIONS_H

#include "http.h"

/*
 * GET /api/executions/:id[?wait=S]: {execution_id, kind, status (queued,
 * running, done, failed, cancelled), queue_position, progress, result |
 * error, created_at, started_at, finished_at}; with wait, held up to S
 * seconds (at most 30) until the execution ends.  Its owner only: the API
 * key for /execute's, the candidate's session token for a run or submit,
 * an admin for a check; anyone else gets 404.
 */
int h_execution_get(struct http_req *r);

#endif
