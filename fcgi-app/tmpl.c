/* tmpl.c - the mustache subset of tmpl.h over json-c values */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "tmpl.h"

#define TMPL_MAX_DEPTH 16
#define TMPL_MAX_NAME 128

struct ctx {
	struct json_object *stack[TMPL_MAX_DEPTH + 1];
	int depth;
	char *err;
	size_t errlen;
	bool plain;		/* a text/plain document: values go in as they are */
};

void tmpl_escape(struct strbuf *out, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		strbuf_add(out, s + run, i - run);
		strbuf_addstr(out, rep);
		run = i + 1;
	}
	strbuf_add(out, s + run, len - run);
}

/* Walk a dotted name from one object; NULL when any step is missing. */
static struct json_object *walk(struct json_object *o, const char *name)
{
	char part[TMPL_MAX_NAME];
	const char *dot;

	if (!strcmp(name, "."))
		return o;
	while (o && *name) {
		size_t n;

		dot = strchr(name, '.');
		n = dot ? (size_t)(dot - name) : strlen(name);
		if (n == 0 || n >= sizeof(part) || !json_object_is_type(o, json_type_object))
			return NULL;
		memcpy(part, name, n);
		part[n] = '\0';
		if (!json_object_object_get_ex(o, part, &o))
			return NULL;
		name = dot ? dot + 1 : name + n;
	}
	return o;
}

/* Innermost first; *found tells a JSON null apart from a missing name. */
static struct json_object *lookup(const struct ctx *c, const char *name, bool *found)
{
	int i;

	*found = false;
	if (!strcmp(name, ".")) {
		*found = true;
		return c->stack[c->depth];
	}
	for (i = c->depth; i >= 0; i--) {
		struct json_object *o = c->stack[i];
		char first[TMPL_MAX_NAME];
		size_t n = strcspn(name, ".");

		if (n >= sizeof(first) || !json_object_is_type(o, json_type_object))
			continue;
		memcpy(first, name, n);
		first[n] = '\0';
		if (json_object_object_get_ex(o, first, NULL)) {
			*found = true;
			return walk(o, name);
		}
	}
	return NULL;
}

static bool truthy(struct json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null: return false;
	case json_type_boolean: return json_object_get_boolean(v);
	case json_type_int: return json_object_get_int64(v) != 0;
	case json_type_double: return json_object_get_double(v) != 0.0;
	case json_type_string: return json_object_get_string_len(v) > 0;
	case json_type_array: return json_object_array_length(v) > 0;
	case json_type_object: return true;
	}
	return false;
}

static int fail(struct ctx *c, const char *what, const char *name)
{
	snprintf(c->err, c->errlen, "template: %s '%.64s'", what, name);
	return -1;
}

/* Find the {{/name}} closing the section whose body starts at p, skipping nested ones of the same name. */
static const char *section_end(const char *p, const char *name, const char **after)
{
	int nest = 0;

	for (;;) {
		const char *open = strstr(p, "{{"), *close;
		size_t n;

		if (!open || !(close = strstr(open + 2, "}}")))
			return NULL;
		n = (size_t)(close - open - 3);
		if ((open[2] == '#' || open[2] == '^') && n == strlen(name) && !strncmp(open + 3, name, n)) {
			nest++;
		} else if (open[2] == '/' && n == strlen(name) && !strncmp(open + 3, name, n)) {
			if (nest-- == 0) {
				*after = close + 2;
				return open;
			}
		}
		p = close + 2;
	}
}

static int render(struct ctx *c, const char *p, const char *end, struct strbuf *out);

static int render_section(struct ctx *c, char kind, const char *name, const char *body,
			  const char *body_end, struct strbuf *out)
{
	bool found;
	struct json_object *v = lookup(c, name, &found);
	size_t i, n;
	int rc = 0;

	if (kind == '^')
		return truthy(v) ? 0 : render(c, body, body_end, out);
	if (!truthy(v))
		return 0;
	if (c->depth >= TMPL_MAX_DEPTH)
		return fail(c, "sections nested too deep at", name);
	if (!json_object_is_type(v, json_type_array)) {
		c->stack[++c->depth] = v;
		rc = render(c, body, body_end, out);
		c->depth--;
		return rc;
	}
	n = json_object_array_length(v);
	for (i = 0; i < n && rc == 0; i++) {
		c->stack[++c->depth] = json_object_array_get_idx(v, i);
		rc = render(c, body, body_end, out);
		c->depth--;
	}
	return rc;
}

static int render(struct ctx *c, const char *p, const char *end, struct strbuf *out)
{
	while (p < end) {
		const char *open = memmem(p, (size_t)(end - p), "{{", 2), *close;
		char name[TMPL_MAX_NAME];
		char kind;
		size_t n;

		if (!open) {
			strbuf_add(out, p, (size_t)(end - p));
			return 0;
		}
		strbuf_add(out, p, (size_t)(open - p));
		close = memmem(open + 2, (size_t)(end - open - 2), "}}", 2);
		if (!close)
			return fail(c, "unclosed tag after", "{{");
		kind = open[2];
		if (kind == '#' || kind == '^' || kind == '/')
			open++;
		else
			kind = '=';
		n = (size_t)(close - open - 2);
		if (n == 0 || n >= sizeof(name))
			return fail(c, "bad tag", "");
		memcpy(name, open + 2, n);
		name[n] = '\0';
		if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") != n)
			return fail(c, "bad name", name);
		p = close + 2;
		if (kind == '/')
			return fail(c, "unopened section", name);
		if (kind == '=') {
			bool found;
			struct json_object *v = lookup(c, name, &found);

			if (v && !json_object_is_type(v, json_type_null)) {
				const char *s = json_object_get_string(v);

				if (c->plain)
					strbuf_addstr(out, s);
				else
					tmpl_escape(out, s, strlen(s));
			}
			continue;
		}
		{
			const char *after, *body_end = section_end(p, name, &after);

			if (!body_end || body_end > end)
				return fail(c, "unclosed section", name);
			if (render_section(c, kind, name, p, body_end, out) < 0)
				return -1;
			p = after;
		}
	}
	return 0;
}

int tmpl_render(const char *tpl, struct json_object *data, struct strbuf *out, char *err,
		size_t errlen)
{
	struct ctx c = { .depth = 0, .err = err, .errlen = errlen };

	c.stack[0] = data;
	return render(&c, tpl, tpl + strlen(tpl), out);
}

int tmpl_render_text(const char *tpl, struct json_object *data, struct strbuf *out, char *err,
		     size_t errlen)
{
	struct ctx c = { .depth = 0, .err = err, .errlen = errlen, .plain = true };

	c.stack[0] = data;
	return render(&c, tpl, tpl + strlen(tpl), out);
}
