/* fcgi_fake.c - a FastCGI request with no web server (see fcgi_fake.h) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fcgi_fake.h"
#include "harness.h"

static void in_fill(FCGX_Stream *s)
{
	struct fcgi_fake *f = s->data;
	unsigned char *end = f->body + f->body_len;

	f->fills++;
	s->rdNext = s->stop;
	if (s->stop == end) {
		s->isClosed = 1;
		return;
	}
	s->stop = f->chunk && (size_t)(end - s->stop) > f->chunk ? s->stop + f->chunk : end;
}

static void out_empty(FCGX_Stream *s, int do_close)
{
	struct fcgi_fake *f = s->data;

	CU_ASSERT_EQUAL(strbuf_add(&f->sent, f->obuf, (size_t)(s->wrNext - f->obuf)), 0);
	s->wrNext = f->obuf;
	if (do_close)
		s->isClosed = 1;
}

struct http_req *fcgi_fake_start(struct fcgi_fake *f, const char *const *env, const void *body,
				 size_t len, size_t chunk)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	strbuf_init(&f->sent);
	for (i = 0; env && env[i]; i++) {
		CU_ASSERT_FATAL(i + 1 < sizeof(f->env) / sizeof(f->env[0]));
		f->env[i] = (char *)env[i];
	}
	f->env[i] = NULL;
	f->body_len = len;
	f->chunk = chunk;
	f->body = malloc(len ? len : 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f->body);
	if (len)
		memcpy(f->body, body, len);
	f->in.rdNext = f->in.stopUnget = f->body;
	f->in.stop = f->in.wrNext = f->body + (chunk && len > chunk ? chunk : len);
	f->in.isReader = 1;
	f->in.fillBuffProc = in_fill;
	f->in.data = f;
	f->out.wrNext = f->obuf;
	f->out.stop = f->out.rdNext = f->obuf + sizeof(f->obuf);
	f->out.emptyBuffProc = out_empty;
	f->out.data = f;
	f->fx.in = &f->in;
	f->fx.out = &f->out;
	f->fx.envp = f->env;
	http_req_init(&f->r, &f->fx);
	return &f->r;
}

void fcgi_fake_params_reset(struct fcgi_fake_params *p)
{
	p->n = 0;
	p->v[0] = NULL;
}

void fcgi_fake_param(struct fcgi_fake_params *p, const char *fmt, const char *value)
{
	CU_ASSERT_FATAL(p->n < sizeof(p->buf) / sizeof(p->buf[0]));
	snprintf(p->buf[p->n], sizeof(p->buf[0]), fmt, value);
	p->v[p->n] = p->buf[p->n];
	p->v[++p->n] = NULL;
}

const char *fcgi_fake_sent(struct fcgi_fake *f)
{
	if (f->out.wrNext != f->obuf)
		out_empty(&f->out, 0);
	return f->sent.buf;
}

struct json_object *fcgi_fake_json(struct fcgi_fake *f, int *status)
{
	const char *all = fcgi_fake_sent(f), *b;
	struct json_object *o;

	*status = strncmp(all, "Status: ", 8) ? 0 : atoi(all + 8);
	CU_ASSERT_PTR_NOT_NULL(strstr(all, "\r\nContent-Type: application/json; charset=utf-8\r\n"));
	b = strstr(all, "\r\n\r\n");
	o = b ? json_tokener_parse(b + 4) : NULL;
	if (!o)
		fprintf(stderr, "\n    not JSON: %s\n", all);
	return o;
}

size_t fcgi_fake_consumed(const struct fcgi_fake *f)
{
	return (size_t)(f->in.rdNext - f->body);
}

void fcgi_fake_finish(struct fcgi_fake *f)
{
	http_req_release(&f->r);
	free(f->body);
	f->body = NULL;
	strbuf_release(&f->sent);
}
