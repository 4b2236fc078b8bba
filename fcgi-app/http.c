/* http.c - FastCGI request parameters, bodies and JSON responses */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "jsonh.h"

static const char *param(FCGX_Request *fx, const char *name, const char *dflt)
{
	const char *v = FCGX_GetParam(name, fx->envp);

	return v ? v : dflt;
}

void http_req_init(struct http_req *r, FCGX_Request *fx)
{
	const char *uri;
	size_t n;

	memset(r, 0, sizeof(*r));
	r->fx = fx;
	strbuf_init(&r->body);
	r->method = param(fx, "REQUEST_METHOD", "GET");
	/* REQUEST_URI is what the client sent; the path ends at '?' */
	uri = param(fx, "REQUEST_URI", "/");
	n = strcspn(uri, "?");
	/* a cut path could name another route: too long is no path at all (404) */
	if (n >= sizeof(r->path))
		n = 0;
	memcpy(r->path, uri, n);
	r->path[n] = '\0';
	r->query = param(fx, "QUERY_STRING", "");
	r->auth = param(fx, "HTTP_AUTHORIZATION", NULL);
	r->content_type = param(fx, "CONTENT_TYPE", "");
	r->remote_addr = param(fx, "REMOTE_ADDR", "");
	r->host = param(fx, "HTTP_HOST", "127.0.0.1");
	r->scheme = param(fx, "REQUEST_SCHEME", "http");
}

void http_req_release(struct http_req *r)
{
	strbuf_release(&r->body);
}

int http_read_body(struct http_req *r, size_t max)
{
	const char *cl = param(r->fx, "CONTENT_LENGTH", "");
	unsigned long long want = 0;
	int n;

	if (*cl) {
		/* digits only: no sign or blank (a number past 64 bits saturates: too large) */
		if (strspn(cl, "0123456789") != strlen(cl)) {
			http_fail(r, 400, "invalid_request", "bad Content-Length");
			return -1;
		}
		want = strtoull(cl, NULL, 10);
	}
	if (want > max) {
		http_fail(r, 413, "payload_too_large", "request body is larger than %zu bytes", max);
		return -1;
	}
	if (strbuf_grow(&r->body, (size_t)want) < 0) {
		http_fail(r, 413, "payload_too_large", "request body too large for this server");
		return -1;
	}
	while (r->body.len < want) {
		n = FCGX_GetStr(r->body.buf + r->body.len, (int)(want - r->body.len), r->fx->in);
		if (n <= 0)
			break;
		r->body.len += (size_t)n;
	}
	r->body.buf[r->body.len] = '\0';
	if (r->body.len != want) {
		http_fail(r, 400, "invalid_request", "request body ended early");
		return -1;
	}
	return 0;
}

struct json_object *http_json_body(struct http_req *r, size_t max)
{
	struct json_object *o;
	enum json_doc_err why;
	char err[256];

	/* sendBeacon posts text/plain, which is read as JSON too */
	if (*r->content_type && !http_content_type_is(r, "application/json") &&
	    !http_content_type_is(r, "text/plain")) {
		http_fail(r, 415, "unsupported_media_type", "send the body as application/json");
		return NULL;
	}
	if (http_read_body(r, max) < 0)
		return NULL;
	if (r->body.len == 0)
		return json_object_new_object();
	o = json_parse_document(r->body.buf, r->body.len, &why, err, sizeof(err));
	if (!o) {
		if (why == JSON_DOC_TOO_LARGE)
			http_fail(r, 413, "payload_too_large", "%s", err);
		else if (why == JSON_DOC_NULL)	/* valid JSON, like [] or 1, but no object */
			http_fail(r, 400, "invalid_request", "body must be a JSON object");
		else
			http_fail(r, 400, "invalid_json", "%s", err);
		return NULL;
	}
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		http_fail(r, 400, "invalid_request", "body must be a JSON object");
		return NULL;
	}
	return o;
}

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 202: return "Accepted";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Entity";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Status";
	}
}

/* The response head; false when a response went out already. */
static bool send_head(struct http_req *r, int status, const char *content_type, const char *extra,
		      size_t len)
{
	char head[512];
	int hlen;

	if (r->sent)
		return false;
	/* libfcgi's own printf lacks %zu: format the head with the C library */
	hlen = snprintf(head, sizeof(head),
			"Status: %d %s\r\nContent-Type: %s\r\n%s"
			"Cache-Control: no-store\r\nContent-Length: %zu\r\n\r\n",
			status, reason(status), content_type, extra ? extra : "", len);
	FCGX_PutStr(head, hlen, r->fx->out);
	r->sent = true;
	r->status = status;
	return true;
}

int http_send(struct http_req *r, int status, const char *content_type, const char *extra,
	      const char *body, size_t len)
{
	if (send_head(r, status, content_type, extra, len))
		FCGX_PutStr(body, (int)len, r->fx->out);
	return r->status;
}

static int send_json(struct http_req *r, int status, const char *extra, struct json_object *o)
{
	size_t len = 0;
	const char *text = jsonh_text(o, &len);

	if (send_head(r, status, "application/json; charset=utf-8", extra, len + 1)) {
		FCGX_PutStr(text, (int)len, r->fx->out);
		FCGX_PutChar('\n', r->fx->out);
	}
	json_object_put(o);
	return r->status;
}

int http_json(struct http_req *r, int status, struct json_object *o)
{
	return send_json(r, status, NULL, o);
}

int http_fail(struct http_req *r, int status, const char *code, const char *fmt, ...)
{
	va_list ap;

	if (r->err.status)
		return status;
	r->err.status = r->status = status;
	snprintf(r->err.code, sizeof(r->err.code), "%s", code);
	va_start(ap, fmt);
	vsnprintf(r->err.msg, sizeof(r->err.msg), fmt, ap);
	va_end(ap);
	return status;
}

int api_err_set(struct api_err *e, int status, const char *code, const char *fmt, ...)
{
	va_list ap;

	e->status = status;
	snprintf(e->code, sizeof(e->code), "%s", code);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void http_send_error(struct http_req *r)
{
	char extra[48] = "";

	if (!r->err.status)
		http_fail(r, 503, "unavailable", "the request could not be completed");
	if (r->err.retry_after > 0)
		snprintf(extra, sizeof(extra), "Retry-After: %d\r\n", r->err.retry_after);
	send_json(r, r->err.status, *extra ? extra : NULL,
		  json_error_envelope(r->err.code, r->err.msg));
}

const char *http_query(const struct http_req *r, const char *name, char *out, size_t outlen)
{
	size_t nlen = strlen(name);
	const char *p = r->query;

	while (p && *p) {
		const char *amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);

		if (len > nlen && !strncmp(p, name, nlen) && p[nlen] == '=')
			return url_decode(p + nlen + 1, len - nlen - 1, out, outlen, 1) == 0 ? out
											 : NULL;
		p = amp ? amp + 1 : NULL;
	}
	return NULL;
}

const char *http_bearer(const struct http_req *r)
{
	if (!r->auth || strncasecmp(r->auth, "Bearer ", 7) || !r->auth[7])
		return NULL;
	return r->auth + 7;
}

bool http_content_type_is(const struct http_req *r, const char *type)
{
	size_t n = strlen(type);
	char next;

	if (strncasecmp(r->content_type, type, n))
		return false;
	next = r->content_type[n];
	return next == '\0' || next == ';' || next == ' ' || next == '\t';
}

struct json_object *http_ok(void)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "success", json_object_new_boolean(1));
	return o;
}
