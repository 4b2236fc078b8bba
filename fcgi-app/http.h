/*
 * http.h - one FastCGI request: its parameters, body and the JSON response
 *
 * Responses are JSON but for the two documents http_send() serves.  An
 * error is never sent where it is found: http_fail() records it in the
 * request (struct api_err), every helper and handler returns, and the
 * request loop (main.c) alone sends it with http_send_error(), in the shape
 * of SPEC section 5: {"success": false, "error": {"code": ..., "message": ...}}.
 */
#ifndef CE_HTTP_H
#define CE_HTTP_H

#include <fcgiapp.h>
#include <json-c/json.h>
#include <stdbool.h>

#include "router.h"
#include "jsonh.h"
#include "strbuf.h"

/* Request bodies per route; conf/nginx.conf.in sets the same sizes (client_max_body_size). */
#define HTTP_MAX_BODY (64u * 1024 * 1024)	/* POST /execute: SPEC section 3 */
#define HTTP_MAX_API_BODY (40u * 1024 * 1024)	/* admin endpoints that carry test data */
#define HTTP_MAX_CANDIDATE_BODY (64u * 1024)	/* candidate calls but the two below */
#define HTTP_MAX_PROGRESS_BODY (1024u * 1024)	/* PUT .../progress: the drafts */
#define HTTP_MAX_PROXY_BODY (JUDGE_MAX_CODE + 64u * 1024)	/* POST /proxy/execute */

/* The API layer's one error type: an HTTP status, a code of SPEC section 5 and a message. */
struct api_err {
	int status;		/* 0 while there is none */
	char code[48];
	char msg[512];
	int retry_after;	/* seconds, sent as Retry-After when set (a 429 or 503 that will pass) */
};

struct http_req {
	FCGX_Request *fx;
	const char *method;
	char path[1024];
	const char *query;
	const char *auth;
	const char *content_type;
	const char *remote_addr;
	const char *host;
	const char *scheme;
	struct strbuf body;
	struct route_match m;
	/* the session token may come as "?token=" (set by the handler, before it authenticates) */
	bool query_token_ok;
	/* the caller, once authenticated */
	int admin_id;
	int admin_role;		/* enum admin_role (account.h) */
	char candidate_id[40];
	bool sent;
	int status;		/* of the response sent, or of the error recorded */
	struct api_err err;	/* the first error recorded, sent by the request loop */
};

/* Fill the request from the FastCGI parameters. */
void http_req_init(struct http_req *r, FCGX_Request *fx);
void http_req_release(struct http_req *r);

/* Read the body (at most max bytes); on failure records 413 / 400 and returns -1. */
int http_read_body(struct http_req *r, size_t max);
/*
 * Read and parse a JSON object body; on failure records the error (415, 413,
 * 400) and returns NULL: 413 too for a document past the JSON reader's
 * bounds (JUDGE_JSON_MAX_*).  An empty body is {}.  The caller owns the reference.
 */
struct json_object *http_json_body(struct http_req *r, size_t max);

/*
 * Send a body that is not JSON (a CSV export, a printable report).  extra is
 * more header lines, each ending in \r\n, or NULL.  Returns status.
 */
int http_send(struct http_req *r, int status, const char *content_type, const char *extra,
	      const char *body, size_t len);
/* Send o (takes the reference) with the status.  Returns status. */
int http_json(struct http_req *r, int status, struct json_object *o);
/*
 * Record an error for the request loop to send (the first one recorded
 * stands) and return status; nothing is sent.
 */
int http_fail(struct http_req *r, int status, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* An error for a caller to pass on (http_fail(r, e.status, e.code, "%s", e.msg)); returns -1. */
int api_err_set(struct api_err *e, int status, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Send the recorded error (the request loop's job); a 503 when none was recorded. */
void http_send_error(struct http_req *r);
/* A query-string parameter, URL-decoded into out; NULL when absent or malformed. */
const char *http_query(const struct http_req *r, const char *name, char *out, size_t outlen);
/* The bearer token of the Authorization header, or NULL (also when empty). */
const char *http_bearer(const struct http_req *r);
/* Is the request's media type this one (any case, parameters such as "; charset=" aside)? */
bool http_content_type_is(const struct http_req *r, const char *type);

/* {"success": true} plus the given object's members, convenient for handlers. */
struct json_object *http_ok(void);

#endif
