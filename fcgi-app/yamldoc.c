/* yamldoc.c - a small YAML document read into a json-c tree (libyaml's event parser) */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"
#include "yamldoc.h"

struct frame {
	struct json_object *c;	/* the open mapping or sequence */
	char *key;		/* a mapping's key waiting for its value */
};

struct builder {
	struct frame stack[YAMLDOC_MAX_DEPTH + 1];
	int depth;
	struct json_object *root;
	size_t nodes;
};

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* [-+]? ( .digits | digits ( . digits? )? ) ( [eE] [-+]? digits )? */
static bool is_float(const char *s)
{
	bool mant = false;

	if (*s == '+' || *s == '-')
		s++;
	while (isdigit((unsigned char)*s)) {
		s++;
		mant = true;
	}
	if (*s == '.') {
		s++;
		while (isdigit((unsigned char)*s)) {
			s++;
			mant = true;
		}
	}
	if (!mant)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!all_digits(s))
			return false;
		return true;
	}
	return *s == '\0';
}

/* A plain scalar as the core schema reads it. */
static struct json_object *resolve_plain(const char *s, size_t len)
{
	const char *d = s;

	if (len == 0 || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	    !strcmp(s, "NULL"))
		return NULL;
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE"))
		return json_object_new_boolean(1);
	if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE"))
		return json_object_new_boolean(0);
	if (*d == '+' || *d == '-')
		d++;
	if (all_digits(d)) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0')
			return json_object_new_int64(v);
	}
	if (is_float(s))
		return json_object_new_double(strtod(s, NULL));
	return json_object_new_string_len(s, (int)len);
}

/* Put a new node into the open container (or make it the root); takes v. */
static int attach(struct builder *b, struct json_object *v, char *err, size_t errlen)
{
	struct frame *f;

	if (++b->nodes > YAMLDOC_MAX_NODES) {
		json_object_put(v);
		return fail(err, errlen, "more than %u YAML nodes", YAMLDOC_MAX_NODES);
	}
	if (b->depth == 0) {
		json_object_put(b->root);
		b->root = v;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	if (json_object_is_type(f->c, json_type_array))
		return json_object_array_add(f->c, v) == 0 ? 0 : (json_object_put(v), -1);
	if (!f->key) {
		json_object_put(v);
		return fail(err, errlen, "a mapping key must be a scalar");
	}
	json_object_object_add(f->c, f->key, v);
	free(f->key);
	f->key = NULL;
	return 0;
}

static int on_scalar(struct builder *b, const yaml_event_t *ev, char *err, size_t errlen)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct frame *f = b->depth ? &b->stack[b->depth - 1] : NULL;

	if (memchr(s, '\0', len))
		return fail(err, errlen, "line %zu: a NUL character in a YAML string",
			    ev->start_mark.line + 1);
	if (f && json_object_is_type(f->c, json_type_object) && !f->key) {
		f->key = strdup(s);
		if (!f->key)
			return fail(err, errlen, "out of memory");
		return 0;
	}
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		return attach(b, resolve_plain(s, len), err, errlen);
	return attach(b, json_object_new_string_len(s, (int)len), err, errlen);
}

static int on_open(struct builder *b, struct json_object *c, const yaml_event_t *ev, char *err,
		   size_t errlen)
{
	if (!c)
		return fail(err, errlen, "out of memory");
	if (b->depth >= YAMLDOC_MAX_DEPTH) {
		json_object_put(c);
		return fail(err, errlen, "line %zu: YAML nested deeper than %d levels",
			    ev->start_mark.line + 1, YAMLDOC_MAX_DEPTH);
	}
	if (attach(b, json_object_get(c), err, errlen) < 0) {
		json_object_put(c);
		return -1;
	}
	b->stack[b->depth].c = c;
	b->stack[b->depth].key = NULL;
	b->depth++;
	return 0;
}

static void on_close(struct builder *b)
{
	if (b->depth == 0)
		return;
	b->depth--;
	json_object_put(b->stack[b->depth].c);
	free(b->stack[b->depth].key);
}

struct json_object *yamldoc_parse(const char *buf, size_t len, char *err, size_t errlen)
{
	struct builder b = { .depth = 0 };
	yaml_parser_t parser;
	yaml_event_t ev;
	int docs = 0, rc = 0;
	bool done = false;

	if (len > YAMLDOC_MAX_BYTES) {
		fail(err, errlen, "YAML document larger than %u bytes", YAMLDOC_MAX_BYTES);
		return NULL;
	}
	if (!yaml_parser_initialize(&parser)) {
		fail(err, errlen, "out of memory");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && rc == 0) {
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = fail(err, errlen, "YAML: %s at line %zu, column %zu",
				  parser.problem ? parser.problem : "syntax error",
				  parser.problem_mark.line + 1, parser.problem_mark.column + 1);
			break;
		}
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				rc = fail(err, errlen, "line %zu: only one YAML document",
					  ev.start_mark.line + 1);
			break;
		case YAML_SCALAR_EVENT:
			rc = on_scalar(&b, &ev, err, errlen);
			break;
		case YAML_MAPPING_START_EVENT:
			rc = on_open(&b, json_object_new_object(), &ev, err, errlen);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = on_open(&b, json_object_new_array(), &ev, err, errlen);
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			on_close(&b);
			break;
		case YAML_ALIAS_EVENT:
			rc = fail(err, errlen, "line %zu: YAML aliases are not supported",
				  ev.start_mark.line + 1);
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	while (b.depth)
		on_close(&b);
	yaml_parser_delete(&parser);
	if (rc != 0) {
		json_object_put(b.root);
		return NULL;
	}
	if (!b.root)
		b.root = json_object_new_object();
	return b.root;
}
