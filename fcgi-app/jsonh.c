/* jsonh.c - bounded JSON parsing and typed field access */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "jsonh.h"
#include "jsondoc.h"
#include "strbuf.h"
#include "utf8.h"

struct json_object *jsonh_parse(const char *buf, size_t len, char *err, size_t errlen)
{
	return json_parse_document(buf, len, NULL, err, errlen);
}

static struct json_object *field(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
		return NULL;
	return v;
}

int jsonh_str(struct json_object *o, const char *key, size_t maxlen, const char **out,
	      size_t *outlen, char *err, size_t errlen)
{
	struct json_object *v = field(o, key);
	size_t n;

	if (!v)
		return 1;
	if (!json_object_is_type(v, json_type_string)) {
		snprintf(err, errlen, "'%s' must be a string", key);
		return -1;
	}
	n = (size_t)json_object_get_string_len(v);
	if (n > maxlen) {
		snprintf(err, errlen, "'%s' is longer than %zu bytes", key, maxlen);
		return -1;
	}
	if (memchr(json_object_get_string(v), '\0', n)) {
		snprintf(err, errlen, "'%s' contains a NUL character", key);
		return -1;
	}
	*out = json_object_get_string(v);
	if (outlen)
		*outlen = n;
	return 0;
}

int jsonh_int(struct json_object *o, const char *key, long long lo, long long hi, long long *out,
	      char *err, size_t errlen)
{
	struct json_object *v = field(o, key);
	long long x;

	if (!v)
		return 1;
	if (!json_object_is_type(v, json_type_int)) {
		snprintf(err, errlen, "'%s' must be an integer", key);
		return -1;
	}
	x = (long long)json_object_get_int64(v);
	/* json-c clamps numbers beyond 64 bits to the extremes: those are out of range too */
	if (x < lo || x > hi || x == LLONG_MIN ||
	    (x == LLONG_MAX && json_object_get_uint64(v) > (uint64_t)LLONG_MAX)) {
		snprintf(err, errlen, "'%s' must be between %lld and %lld", key, lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

int jsonh_bool(struct json_object *o, const char *key, bool *out, char *err, size_t errlen)
{
	struct json_object *v = field(o, key);

	if (!v)
		return 1;
	if (!json_object_is_type(v, json_type_boolean)) {
		snprintf(err, errlen, "'%s' must be true or false", key);
		return -1;
	}
	*out = json_object_get_boolean(v);
	return 0;
}

int jsonh_get(struct json_object *o, const char *key, enum json_type type,
	      struct json_object **out, char *err, size_t errlen)
{
	struct json_object *v = field(o, key);

	if (!v)
		return 1;
	if (!json_object_is_type(v, type)) {
		snprintf(err, errlen, "'%s' must be %s", key,
			 type == json_type_array ? "an array" : "an object");
		return -1;
	}
	*out = v;
	return 0;
}

int jsonh_only(struct json_object *o, const char *const *names, char *err, size_t errlen)
{
	const char *const *n;

	json_object_object_foreach(o, key, val) {
		(void)val;
		for (n = names; *n && strcmp(*n, key); n++)
			;
		if (!*n) {
			snprintf(err, errlen, "unknown field '%.64s'", key);
			return -1;
		}
	}
	return 0;
}

const char *jsonh_text(struct json_object *o, size_t *len)
{
	return json_object_to_json_string_length(
		o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, len);
}

static void db_sanitise(struct json_object *o, int depth)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, n;

	/* the parser bounds the depth already; this only keeps a hand-built tree from recursing far */
	if (!o || depth > JSONH_MAX_DEPTH + 1)
		return;
	switch (json_object_get_type(o)) {
	case json_type_string:
		/* NUL and invalid UTF-8 become U+FFFD: jsonb refuses both */
		if (utf8_scrub(json_object_get_string(o), (size_t)json_object_get_string_len(o), true,
			       &sb))
			json_object_set_string_len(o, sb.buf, (int)sb.len);
		strbuf_release(&sb);
		break;
	case json_type_array:
		n = json_object_array_length(o);
		for (i = 0; i < n; i++)
			db_sanitise(json_object_array_get_idx(o, i), depth + 1);
		break;
	case json_type_object: {
		json_object_object_foreach(o, key, val) {
			(void)key;
			db_sanitise(val, depth + 1);
		}
		break;
	}
	default:
		break;
	}
}

const char *jsonh_db_text(struct json_object *o, size_t *len)
{
	db_sanitise(o, 0);
	return jsonh_text(o, len);
}
