/*
 * jsondoc.h - JSON documents: a bounded parse, and the error envelope of SPEC section 5
 */
#ifndef CE_JSONDOC_H
#define CE_JSONDOC_H

#include <stddef.h>

#include "lang.h"

struct json_object;

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

#endif
