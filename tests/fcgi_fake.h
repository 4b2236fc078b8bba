/*
 * fcgi_fake.h - a FastCGI request with no web server, for the suites of the HTTP layer
 *
 * An in-memory reader stream hands out the body (chunk bytes at a time, as
 * FastCGI records come; 0: all at once) and a writer stream collects what
 * was sent into a strbuf.  The request is f->r, as fcgi-app/http.c sees it.
 */
#ifndef CE_TEST_FCGI_FAKE_H
#define CE_TEST_FCGI_FAKE_H

#include <fcgiapp.h>
#include <stddef.h>

#include "http.h"
#include "strbuf.h"

struct fcgi_fake {
	FCGX_Request fx;
	FCGX_Stream in, out;
	char *env[32];
	unsigned char *body;		/* malloc'd, exactly the body's bytes */
	size_t body_len, chunk;
	unsigned fills;			/* calls of the reader's fill procedure */
	unsigned char obuf[16];		/* small: most writes go through the flush */
	struct strbuf sent;
	struct http_req r;
};

/* A request's parameters built one at a time: "NAME=value" lines, NULL-terminated in v. */
struct fcgi_fake_params {
	const char *v[16];
	char buf[15][512];
	size_t n;
};

/* Start again with no parameters. */
void fcgi_fake_params_reset(struct fcgi_fake_params *p);
/* Add a parameter: fmt with one %s for value ("NAME=%s"). */
void fcgi_fake_param(struct fcgi_fake_params *p, const char *fmt, const char *value);

/* Start f with the parameters env ("NAME=value", NULL-terminated, kept by the caller) and the body. */
struct http_req *fcgi_fake_start(struct fcgi_fake *f, const char *const *env, const void *body,
				 size_t len, size_t chunk);
/* Everything sent so far. */
const char *fcgi_fake_sent(struct fcgi_fake *f);
/*
 * The JSON body sent (parsed; the caller puts it), *status from its status
 * line (0 when none); NULL, with what was sent on stderr, when the body is
 * not JSON.  Checks the Content-Type is JSON.
 */
struct json_object *fcgi_fake_json(struct fcgi_fake *f, int *status);
/* Bytes of the body the request has taken from the reader. */
size_t fcgi_fake_consumed(const struct fcgi_fake *f);
void fcgi_fake_finish(struct fcgi_fake *f);

#endif
