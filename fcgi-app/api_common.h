/*
 * api_common.h - what the API's handlers and stores share: the service's
 * settings, the errors of the layers below in API terms, JSON built by SQL,
 * the templates directory
 */
#ifndef CE_API_COMMON_H
#define CE_API_COMMON_H

#include <json-c/json.h>
#include <stdbool.h>

#include "http.h"
#include "queue.h"
#include "strbuf.h"

/* Service settings, read once at start-up and read-only afterwards. */
struct config {
	const char *api_key;		/* CE_API_KEY: required by /execute, /piston/, /judge0/ and /metrics when set */
	const char *templates;		/* templates directory (starter code, report) */
	int abandon_grace_s;		/* tab close -> abandoned after this long without a heartbeat */
	int heartbeat_timeout_s;	/* no heartbeat for this long -> heartbeat_timeout */
	int admin_token_hours;
	int worker_memory_mb;		/* CE_WORKER_MEMORY_MB: a worker's address space; 0 = none */
};
extern struct config cfg;

/*
 * The errors of the layers below as the API's (recorded, see http_fail):
 * a database failure is 503 database_unavailable, an executor that could
 * not run is 503 sandbox_unavailable (the details go to the log only), and
 * a request the judge refused is its own code with 400 (413 when too large);
 * api_judge_error takes the reference to o.  Each returns the status.
 */
int api_db_error(struct http_req *r);
int api_sandbox_error(struct http_req *r, const char *detail);
int api_judge_error(struct http_req *r, struct json_object *o);
/*
 * A job the queue refused (rc: 429 execution_in_progress or quota_exceeded,
 * 503 queue_full, each with Retry-After) or that did not end with an answer
 * (end: 409 execution_replaced, else the errors above).
 */
int api_queue_error(struct http_req *r, enum queue_rc rc, const struct job_end *end);
/* An execution added and not waited for: {"execution_id", "status", "queue_position"}. */
struct json_object *api_queued(const char *token);
/* Did the client ask not to wait (?wait=false)? */
bool api_no_wait(const struct http_req *r);
/* Is s a serial row id as a path parameter holds it: 1 to 9 digits, no leading zero? */
bool api_row_id(const char *s);
/*
 * Query parameters of the lists, "" into out when absent; 0, or -1 after recording 400:
 * one of words (NULL-terminated); a number, or a row id when id; a date YYYY-MM-DD that is
 * one; ?page= (from 1) and ?per_page= (def when absent, at most max).
 */
int api_query_one_of(struct http_req *r, const char *name, const char *const *words, char *out,
		     size_t len);
int api_query_number(struct http_req *r, const char *name, bool id, char *out, size_t len);
int api_query_date(struct http_req *r, const char *name, char out[16]);
int api_query_page(struct http_req *r, int def, int max, int *page, int *per_page);
/* Run SQL whose single row and column is JSON text; parse it. NULL on failure or no row. */
struct json_object *api_query_json(const char *sql, int n, const char *const *params, int *dberr);
/* Send {"success":true, key: value}. */
int api_ok_with(struct http_req *r, const char *key, struct json_object *value);
/* Append the file templates/<name> (at most API_MAX_TEMPLATE bytes) to out; -1 when it cannot be read. */
#define API_MAX_TEMPLATE (1u << 20)
int api_read_template(const char *name, struct strbuf *out);
/* Starter code for a language from templates/starter/ (empty when missing). */
const char *api_default_starter(const char *lang);
/*
 * Does the request carry the service's API key (CE_API_KEY) in X-API-Key or
 * as a bearer token?  Always true when no key is set.  The integrators'
 * endpoints (/execute, /piston/, /metrics) check it; the comparison takes the same
 * time whichever byte differs.
 */
bool api_key_ok(const struct http_req *r);
/* The same key as Judge0's clients send it (X-Auth-Token), else as api_key_ok takes it. */
bool api_auth_token_ok(const struct http_req *r);

#endif
