/*
 * jsonh.h - JSON helpers for request bodies: bounded parsing and typed fields
 *
 * Getters return 0 when the field is present and of the right type, 1 when
 * it is absent (or null) and -1 when it has the wrong type or is out of
 * range; on -1 they write a client-facing message into err.
 */
#ifndef CE_JSONH_H
#define CE_JSONH_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>

#include "jsondoc.h"

#define JSONH_MAX_DEPTH JUDGE_JSON_MAX_DEPTH

/* Parse a whole document (trailing garbage is an error). NULL + message on failure. */
struct json_object *jsonh_parse(const char *buf, size_t len, char *err, size_t errlen);

int jsonh_str(struct json_object *o, const char *key, size_t maxlen, const char **out,
	      size_t *outlen, char *err, size_t errlen);
int jsonh_int(struct json_object *o, const char *key, long long lo, long long hi, long long *out,
	      char *err, size_t errlen);
int jsonh_bool(struct json_object *o, const char *key, bool *out, char *err, size_t errlen);
/* An array or object field (type json_type_array / json_type_object). */
int jsonh_get(struct json_object *o, const char *key, enum json_type type,
	      struct json_object **out, char *err, size_t errlen);

/*
 * A closed contract: every member of o is one of names (NULL-terminated).
 * 0, or -1 with "unknown field 'x'" in err.
 */
int jsonh_only(struct json_object *o, const char *const *names, char *err, size_t errlen);

/* Serialise without escaping '/'; the string lives as long as o. */
const char *jsonh_text(struct json_object *o, size_t *len);

/*
 * Serialise o for a jsonb parameter: the one way JSON goes into the
 * database.  PostgreSQL refuses "\u0000" in jsonb and invalid UTF-8 in any
 * text, so first every string in o (keys stay) has each NUL byte and each
 * byte of an invalid UTF-8 sequence replaced by U+FFFD, in place; other
 * control characters stay (JSON escapes them).  Like jsonh_text otherwise.
 */
const char *jsonh_db_text(struct json_object *o, size_t *len);

#endif
