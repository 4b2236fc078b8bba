/*
 * jsonh.h - JSON documents: a bounded parse, typed fields, the error envelope
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

#include "lang.h"

#define JUDGE_JSON_MAX_DEPTH 16
/* Bounds a document must keep before json-c sees it (a pre-scan of the bytes checks them). */
#define JUDGE_JSON_MAX_VALUES	(1024u * 1024)	/* values and member names, all counted */
#define JUDGE_JSON_MAX_STRING	JUDGE_MAX_IO	/* bytes of one string once decoded */
#define JUDGE_JSON_MAX_KEY	1024u		/* bytes of one member name */
/* parsed, a document may take at most this many times its size, plus 1 MiB */
#define JUDGE_JSON_MAX_GROWTH	16u

/* Why json_parse_document() gave no object. */
enum json_doc_err {
	JSON_DOC_OK = 0,
	JSON_DOC_INVALID,	/* not JSON, not UTF-8, too deep, or data after the value */
	JSON_DOC_NULL,		/* the literal null: valid, but no object */
	JSON_DOC_TOO_LARGE,	/* past a JUDGE_JSON_MAX_* bound: refused before parsing */
};

/*
 * Parse a whole JSON document: valid UTF-8, at most JUDGE_JSON_MAX_DEPTH deep,
 * within the JUDGE_JSON_MAX_* bounds, nothing but whitespace after the value.
 * NULL with a client-facing message in err otherwise, and the reason in *why
 * (may be NULL).
 */
struct json_object *json_parse_document(const char *buf, size_t len, enum json_doc_err *why,
					char *err, size_t errlen);

/* {"success":false,"error":{"code":...,"message":...}} (caller owns the reference). */
struct json_object *json_error_envelope(const char *code, const char *message);

#define JSONH_MAX_DEPTH JUDGE_JSON_MAX_DEPTH

/* Parse a whole document (trailing garbage is an error). NULL + message on failure. */
struct json_object *jsonh_parse(const char *buf, size_t len, char *err, size_t errlen);

/* Flags of jsonh_bytes(). */
#define JSONH_NUL	1u	/* NUL bytes belong to the text (a program's input, say) */
#define JSONH_NUMBER	2u	/* an integer is taken as its text (ids) */

/* A text field, without NUL bytes; *out lives as long as o. */
int jsonh_str(struct json_object *o, const char *key, size_t maxlen, const char **out,
	      size_t *outlen, char *err, size_t errlen);
/* jsonh_str() with JSONH_* flags, and -2 (not -1) for a text longer than maxlen. */
int jsonh_bytes(struct json_object *o, const char *key, size_t maxlen, unsigned flags,
		const char **out, size_t *outlen, char *err, size_t errlen);
/* A number in [lo, hi], an integer when integer is set. */
int jsonh_number(struct json_object *o, const char *key, double lo, double hi, bool integer,
		 double *out, char *err, size_t errlen);
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
