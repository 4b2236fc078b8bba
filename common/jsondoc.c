/* jsondoc.c - a JSON document parsed within bounds, and the error envelope */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jsondoc.h"
#include "utf8.h"

/*
 * What json-c 0.16 spends on one parsed value, in bytes, measured on x86-64:
 * an object starts with a 16-entry hash table, an array with 32 slots.
 */
#define COST_OBJECT 800u
#define COST_ARRAY 320u
#define COST_VALUE 88u	/* a string (plus its bytes), number, true, false, null or name */

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The escape at p[0] == '\\' (n bytes left): how many input bytes it takes
 * and, in *out, how many bytes it decodes to.  A surrogate pair decodes to 4
 * bytes, counted on its first half; a lone half becomes U+FFFD (3 bytes).
 */
static size_t escape_len(const unsigned char *p, size_t n, bool *high, size_t *out)
{
	unsigned cp = 0;
	size_t i;
	int h;

	if (n < 2 || p[1] != 'u') {
		*high = false;
		*out = 1;
		return n < 2 ? 1 : 2;
	}
	for (i = 2; i < 6 && i < n; i++) {
		h = hexval(p[i]);
		if (h < 0)
			break;
		cp = cp * 16 + (unsigned)h;
	}
	if (i < 6) {
		/* json-c refuses it; count what was read */
		*high = false;
		*out = 1;
		return i;
	}
	if (cp >= 0xdc00 && cp <= 0xdfff)
		*out = *high ? 0 : 3;
	else if (cp >= 0xd800 && cp <= 0xdbff)
		*out = 4;
	else
		*out = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
	*high = cp >= 0xd800 && cp <= 0xdbff;
	return 6;
}

/*
 * A pass over the bytes before json-c allocates anything: count values, depth
 * and string sizes, and price the document the way json-c would.  json-c spends
 * about 800 bytes on "{}", so a body of 15 MiB of {} grew one worker to 4.2 GB.
 * The scan trusts nothing: on bytes that are not JSON it still ends and counts
 * something, and json-c then rejects them.
 */
static enum json_doc_err json_prescan(const char *buf, size_t len, char *err, size_t errlen)
{
	const unsigned char *p = (const unsigned char *)buf;
	bool is_obj[JUDGE_JSON_MAX_DEPTH + 1] = { false };
	bool want_key = false, in_scalar = false, high;
	uint64_t cost = 0, budget = (uint64_t)len * JUDGE_JSON_MAX_GROWTH + (1u << 20);
	size_t i, depth = 0, values = 0, slen, n, dec;

	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		if (c == '"') {
			bool key = want_key;

			in_scalar = false;
			high = false;
			slen = 0;
			for (i++; i < len && p[i] != '"'; i++) {
				if (p[i] == '\\') {
					n = escape_len(p + i, len - i, &high, &dec);
					slen += dec;
					i += n - 1;
				} else {
					high = false;
					slen++;
				}
			}
			if (key && slen > JUDGE_JSON_MAX_KEY) {
				snprintf(err, errlen, "body has a member name longer than %u bytes",
					 JUDGE_JSON_MAX_KEY);
				return JSON_DOC_TOO_LARGE;
			}
			if (slen > JUDGE_JSON_MAX_STRING) {
				snprintf(err, errlen, "body has a string longer than %u bytes",
					 JUDGE_JSON_MAX_STRING);
				return JSON_DOC_TOO_LARGE;
			}
			cost += COST_VALUE + slen;
			values++;
		} else if (c == '{' || c == '[') {
			in_scalar = false;
			if (++depth > JUDGE_JSON_MAX_DEPTH) {
				snprintf(err, errlen, "body nests deeper than %d levels",
					 JUDGE_JSON_MAX_DEPTH);
				return JSON_DOC_INVALID;
			}
			is_obj[depth] = c == '{';
			want_key = c == '{';
			cost += c == '{' ? COST_OBJECT : COST_ARRAY;
			values++;
		} else if (c == '}' || c == ']') {
			in_scalar = false;
			if (depth)
				depth--;
			want_key = false;
		} else if (c == ',' || c == ':') {
			in_scalar = false;
			want_key = c == ',' && is_obj[depth];
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			in_scalar = false;
		} else if (!in_scalar) {
			/* a number or literal: one value however long its run of bytes */
			in_scalar = true;
			cost += COST_VALUE;
			values++;
		}
		if (values > JUDGE_JSON_MAX_VALUES) {
			snprintf(err, errlen, "body has more than %u values", JUDGE_JSON_MAX_VALUES);
			return JSON_DOC_TOO_LARGE;
		}
	}
	if (cost > budget) {
		snprintf(err, errlen,
			 "body is too large once parsed: it holds too many values for its size");
		return JSON_DOC_TOO_LARGE;
	}
	return JSON_DOC_OK;
}

struct json_object *json_parse_document(const char *buf, size_t len, enum json_doc_err *why,
					char *err, size_t errlen)
{
	enum json_doc_err dummy;
	struct json_tokener *tok;
	struct json_object *o;
	size_t end;

	if (!why)
		why = &dummy;
	*why = JSON_DOC_TOO_LARGE;
	if (len > 0x7fffffff) {
		snprintf(err, errlen, "body too large");
		return NULL;
	}
	*why = json_prescan(buf, len, err, errlen);
	if (*why != JSON_DOC_OK)
		return NULL;
	*why = JSON_DOC_INVALID;
	if (!utf8_valid(buf, len)) {
		snprintf(err, errlen, "body is not valid UTF-8");
		return NULL;
	}
	tok = json_tokener_new_ex(JUDGE_JSON_MAX_DEPTH);
	if (!tok) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	o = json_tokener_parse_ex(tok, buf, (int)len);
	end = json_tokener_get_parse_end(tok);
	if (!o && json_tokener_get_error(tok) == json_tokener_continue) {
		/* a bare number needs to be told the input ended; then all of it was used */
		o = json_tokener_parse_ex(tok, "", -1);
		end = len;
	}
	if (!o) {
		/* a literal null parses "successfully" into no object */
		if (json_tokener_get_error(tok) == json_tokener_success) {
			snprintf(err, errlen, "body must be a JSON object, not null");
			*why = JSON_DOC_NULL;
		}
		else
			snprintf(err, errlen, "body is not valid JSON: %s",
				 json_tokener_error_desc(json_tokener_get_error(tok)));
		json_tokener_free(tok);
		return NULL;
	}
	if (json_tokener_get_error(tok) != json_tokener_success) {
		snprintf(err, errlen, "body is not valid JSON: %s",
			 json_tokener_error_desc(json_tokener_get_error(tok)));
		json_object_put(o);
		json_tokener_free(tok);
		return NULL;
	}
	for (; end < len; end++) {
		if (buf[end] != ' ' && buf[end] != '\t' && buf[end] != '\r' && buf[end] != '\n') {
			snprintf(err, errlen, "body has data after the JSON value");
			json_object_put(o);
			json_tokener_free(tok);
			return NULL;
		}
	}
	json_tokener_free(tok);
	*why = JSON_DOC_OK;
	return o;
}

struct json_object *json_error_envelope(const char *code, const char *message)
{
	struct json_object *o = json_object_new_object(), *e = json_object_new_object();

	json_object_object_add(e, "code", json_object_new_string(code));
	json_object_object_add(e, "message", json_object_new_string(message));
	json_object_object_add(o, "success", json_object_new_boolean(0));
	json_object_object_add(o, "error", e);
	return o;
}
