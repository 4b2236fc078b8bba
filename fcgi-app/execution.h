/*
 * execution.h - an execution (a job) as its client sees it: the JSON of
 * GET /api/executions/:id, and the body of a "ce" webhook
 *
 * Depends on the queue's view of a job only (no HTTP), so the judge hosts
 * link it too.
 */
#ifndef CE_EXECUTION_H
#define CE_EXECUTION_H

#include <json-c/json.h>

#include "queue.h"

/*
 * {success, execution_id, kind, status (queued, running, done, failed,
 * cancelled), queue_position, progress, result | error, created_at,
 * started_at, finished_at} of a job (caller owns it).  A done run or submit
 * has "result": null, never the judge's raw answer: its candidate's view
 * needs the question (api_candidate_answer), which its caller puts there.
 */
struct json_object *execution_json(const struct job_view *v);

#endif
