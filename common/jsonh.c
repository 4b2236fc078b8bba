/* jsonh.c - JSON documents: a bounded parse, typed fields, the error envelope */
#define _GNU_SOURCE
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <json-c/printbuf.h>

#include "jsonh.h"
#include "strbuf.h"
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
/*
 * A literal or number exactly as JSON spells it: true, false, null, or
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.  json-c alone also takes
 * NaN, Infinity, 1. and tRuE, which PostgreSQL's jsonb then refuses.
 */
static bool json_scalar_ok(const unsigned char *s, size_t n)
{
	size_t i = 0, d;

	if ((n == 4 && !memcmp(s, "true", 4)) || (n == 5 && !memcmp(s, "false", 5)) ||
	    (n == 4 && !memcmp(s, "null", 4)))
		return true;
	if (i < n && s[i] == '-')
		i++;
	for (d = i; i < n && isdigit(s[i]); i++)
		;
	if (i == d || (s[d] == '0' && i - d > 1))
		return false;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && isdigit(s[i]); i++)
			;
		if (i == d)
			return false;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && isdigit(s[i]); i++)
			;
		if (i == d)
			return false;
	}
	return i == n;
}

static enum json_doc_err json_prescan(const char *buf, size_t len, char *err, size_t errlen)
{
	const unsigned char *p = (const unsigned char *)buf;
	bool is_obj[JUDGE_JSON_MAX_DEPTH + 1] = { false };
	bool want_key = false, high;
	uint64_t cost = 0, budget = (uint64_t)len * JUDGE_JSON_MAX_GROWTH + (1u << 20);
	size_t i, depth = 0, values = 0, slen, n, dec;
	unsigned char last = 0;		/* the last byte outside strings and white space */

	for (i = 0; i < len; i++) {
		unsigned char c = p[i];

		if (c == '"') {
			bool key = want_key;

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
			if (last == ',') {
				snprintf(err, errlen, "body is not JSON: a comma before '%c'", c);
				return JSON_DOC_INVALID;
			}
			if (depth)
				depth--;
			want_key = false;
		} else if (c == ',' || c == ':') {
			want_key = c == ',' && is_obj[depth];
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			continue;
		} else {
			if (depth == 0 && values > 0) {
				snprintf(err, errlen, "body is not JSON: bytes after the document");
				return JSON_DOC_INVALID;
			}
			/* a number or literal: its whole run of bytes, spelled as JSON spells it */
			for (n = i; n < len && !strchr(",:]}[{\" \t\r\n", p[n]); n++)
				;
			if (!json_scalar_ok(p + i, n - i)) {
				/* quoted only when it is plain text: the message goes back to the client */
				for (dec = i; dec < n && dec < i + 24 && isgraph(p[dec]); dec++)
					;
				if (dec == n || dec == i + 24)
					snprintf(err, errlen, "body is not JSON: '%.*s' is no JSON value",
						 (int)(dec - i), (const char *)p + i);
				else
					snprintf(err, errlen, "body is not JSON: byte %zu (0x%02x) is no JSON value",
						 dec, p[dec]);
				return JSON_DOC_INVALID;
			}
			i = n - 1;
			cost += COST_VALUE;
			values++;
		}
		last = c;
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

int jsonh_bytes(struct json_object *o, const char *key, size_t maxlen, unsigned flags,
		const char **out, size_t *outlen, char *err, size_t errlen)
{
	struct json_object *v = field(o, key);
	size_t n;

	if (!v)
		return 1;
	if (!json_object_is_type(v, json_type_string) &&
	    !((flags & JSONH_NUMBER) && json_object_is_type(v, json_type_int))) {
		snprintf(err, errlen, "'%s' must be a string", key);
		return -1;
	}
	/* an integer's text is what json-c prints for it */
	n = json_object_is_type(v, json_type_string) ? (size_t)json_object_get_string_len(v)
						       : strlen(json_object_get_string(v));
	if (n > maxlen) {
		snprintf(err, errlen, "'%s' is longer than %zu bytes", key, maxlen);
		return -2;
	}
	if (!(flags & JSONH_NUL) && memchr(json_object_get_string(v), '\0', n)) {
		snprintf(err, errlen, "'%s' contains a NUL character", key);
		return -1;
	}
	*out = json_object_get_string(v);
	if (outlen)
		*outlen = n;
	return 0;
}

int jsonh_str(struct json_object *o, const char *key, size_t maxlen, const char **out,
	      size_t *outlen, char *err, size_t errlen)
{
	int r = jsonh_bytes(o, key, maxlen, 0, out, outlen, err, errlen);

	return r == -2 ? -1 : r;
}

int jsonh_number(struct json_object *o, const char *key, double lo, double hi, bool integer,
		 double *out, char *err, size_t errlen)
{
	struct json_object *v = field(o, key);
	double x;

	if (!v)
		return 1;
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
		snprintf(err, errlen, "'%s' must be a number", key);
		return -1;
	}
	x = json_object_get_double(v);
	if (!isfinite(x) || x < lo || x > hi || (integer && x != floor(x))) {
		snprintf(err, errlen, "'%s' must be %s between %g and %g", key,
			 integer ? "an integer" : "a number", lo, hi);
		return -1;
	}
	*out = x;
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

/*
 * The bytes a JSON string holds as they are: not '"' (0x22), '/' (0x2f),
 * '\\' (0x5c) or a control character.  A table: the bytes of a text take
 * every branch of the comparisons in turn.
 */
static const bool plain[256] = {
	[0x20 ... 0x21] = true, [0x23 ... 0x2e] = true, [0x30 ... 0x5b] = true, [0x5d ... 0xff] = true,
};

/*
 * A string as json-c prints it, byte for byte, but a run of plain bytes at
 * a time: json-c looks at each byte in turn, and the inputs and outputs of
 * a response are most of its bytes (eight times faster on a 400 KB input).
 */
static int text_to_json(struct json_object *o, struct printbuf *pb, int level, int flags)
{
	/* the bytes with a short escape, and the letter after its backslash */
	static const char escaped[] = "\"\\/\b\f\n\r\t", as[] = "\"\\/bfnrt";
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)json_object_get_string(o);
	size_t n = (size_t)json_object_get_string_len(o), i = 0, run;
	char u[6] = "\\u00", e[2] = "\\";
	const char *k;

	(void)level;
	printbuf_memappend(pb, "\"", 1);
	for (;;) {
		for (run = i; run < n && plain[s[run]]; run++)
			;
		if (run > i)
			printbuf_memappend(pb, (const char *)s + i, (int)(run - i));
		if (run == n)
			break;
		k = memchr(escaped, s[run], sizeof(escaped) - 1);
		if (s[run] == '/' && (flags & JSON_C_TO_STRING_NOSLASHESCAPE)) {
			printbuf_memappend(pb, "/", 1);
		} else if (k) {
			e[1] = as[k - escaped];
			printbuf_memappend(pb, e, 2);
		} else {
			u[4] = hex[s[run] >> 4];
			u[5] = hex[s[run] & 15];
			printbuf_memappend(pb, u, 6);
		}
		i = run + 1;
	}
	printbuf_memappend(pb, "\"", 1);
	return 0;
}

/*
 * fn on every string value of a tree (member names are not values).  The
 * parser bounds the depth already; this only keeps a hand-built tree from
 * recursing far.
 */
static void each_string(struct json_object *o, int depth, void (*fn)(struct json_object *))
{
	size_t i, n;

	if (!o || depth > JSONH_MAX_DEPTH + 1)
		return;
	switch (json_object_get_type(o)) {
	case json_type_string:
		fn(o);
		break;
	case json_type_array:
		n = json_object_array_length(o);
		for (i = 0; i < n; i++)
			each_string(json_object_array_get_idx(o, i), depth + 1, fn);
		break;
	case json_type_object: {
		json_object_object_foreach(o, key, val) {
			(void)key;
			each_string(val, depth + 1, fn);
		}
		break;
	}
	default:
		break;
	}
}

static void print_fast(struct json_object *o)
{
	if (json_object_get_string_len(o) >= 64)
		json_object_set_serializer(o, text_to_json, NULL, NULL);
}

const char *jsonh_text(struct json_object *o, size_t *len)
{
	each_string(o, 0, print_fast);
	return json_object_to_json_string_length(
		o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, len);
}

/* NUL and invalid UTF-8 become U+FFFD: jsonb refuses both */
static void db_scrub(struct json_object *o)
{
	struct strbuf sb = STRBUF_INIT;

	if (utf8_scrub(json_object_get_string(o), (size_t)json_object_get_string_len(o), true, &sb))
		json_object_set_string_len(o, sb.buf, (int)sb.len);
	strbuf_release(&sb);
}

const char *jsonh_db_text(struct json_object *o, size_t *len)
{
	each_string(o, 0, db_scrub);
	return jsonh_text(o, len);
}
