/* compare.c - does a program's output match the expected answer: lines, exact, tokens, floats */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "jsonh.h"
#include "utf8.h"
#include "util.h"

static const char *const mode_names[CMP__MAX] = {
	[CMP_LINES] = "lines",
	[CMP_EXACT] = "exact",
	[CMP_TOKENS] = "tokens",
	[CMP_FLOAT] = "float",
};

void cmp_rule_init(struct cmp_rule *r)
{
	const struct cmp_rule dflt = CMP_RULE_INIT;

	*r = dflt;
}

/* A float rule's tolerances, the default when it sets neither; negative: unset. */
static void tolerances(const struct cmp_rule *r, double *abs_tol, double *rel_tol)
{
	*abs_tol = r->abs_tol >= 0 ? r->abs_tol : -1;
	*rel_tol = r->rel_tol >= 0 ? r->rel_tol : -1;
	if (*abs_tol < 0 && *rel_tol < 0)
		*abs_tol = *rel_tol = CMP_DEFAULT_TOLERANCE;
}

/* ---- bytes ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static unsigned char fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : (unsigned char)c;
}

/* Where a and b (n bytes each) first differ, or n. */
static size_t diff_at(const char *a, const char *b, size_t n, bool ci)
{
	size_t i = 0;

	if (!ci && !memcmp(a, b, n))
		return n;
	while (i < n && (ci ? fold(a[i]) == fold(b[i]) : a[i] == b[i]))
		i++;
	return i;
}

static bool same(const char *a, size_t alen, const char *b, size_t blen, bool ci)
{
	return alen == blen && diff_at(a, b, alen, ci) == alen;
}

/* ---- the reason of a mismatch ---- */

/* Bytes of output a reason quotes, and how many of them come before a difference. */
#define QUOTE_MAX 60
#define QUOTE_BEFORE 20

/* Append s, its control bytes, quotes, backslashes and invalid UTF-8 escaped. */
static void add_escaped(struct strbuf *sb, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if (p[i] == '\n' || p[i] == '\r' || p[i] == '\t') {
			strbuf_addstr(sb, p[i] == '\n' ? "\\n" : p[i] == '\r' ? "\\r" : "\\t");
			k = 1;
		} else if (p[i] == '\\' || p[i] == '\'') {
			strbuf_addf(sb, "\\%c", p[i]);
			k = 1;
		} else if (p[i] < 0x20 || p[i] == 0x7f || !(k = utf8_seq(p + i, n - i))) {
			strbuf_addf(sb, "\\x%02x", p[i]);
			k = 1;
		} else {
			strbuf_add(sb, s + i, k);
		}
		i += k;
	}
}

/*
 * Where to start quoting a piece whose difference is at byte at: the start,
 * unless that would hide the difference, then a little before it (on the
 * start of a UTF-8 character).
 */
static size_t quote_start(const char *s, size_t at)
{
	size_t start;

	if (at <= QUOTE_MAX - QUOTE_BEFORE)
		return 0;
	start = at - QUOTE_BEFORE;
	while (start < at && ((unsigned char)s[start] & 0xC0) == 0x80)
		start++;
	return start;
}

/* Append s[start..n), cut to about QUOTE_MAX bytes, with "..." where it was cut. */
static void add_piece(struct strbuf *sb, const char *s, size_t n, size_t start, bool quote)
{
	size_t cut = utf8_cut(s + start, n - start, QUOTE_MAX);

	/* stray continuation bytes leave no character start to cut back to: they are escaped */
	if (cut + 4 <= QUOTE_MAX && n - start > QUOTE_MAX)
		cut = QUOTE_MAX;
	strbuf_addf(sb, "%s%s", quote ? "'" : "", start ? "..." : "");
	add_escaped(sb, s + start, cut);
	strbuf_addf(sb, "%s%s", cut < n - start ? "..." : "", quote ? "'" : "");
}

static void add_quoted(struct strbuf *sb, const char *s, size_t n, size_t start)
{
	add_piece(sb, s, n, start, true);
}

/* "<unit> <idx>: expected 'want', got 'got'", quoted around their first difference. */
static bool why_differs(struct strbuf *why, const char *unit, size_t idx, const char *want,
			size_t wantlen, const char *got, size_t gotlen, bool ci)
{
	size_t at, start;

	if (!why)
		return false;
	at = diff_at(want, got, wantlen < gotlen ? wantlen : gotlen, ci);
	start = quote_start(want, at);
	strbuf_reset(why);
	strbuf_addf(why, "%s %zu", unit, idx);
	if (start)
		strbuf_addf(why, ", byte %zu", start + 1);
	strbuf_addstr(why, ": expected ");
	add_quoted(why, want, wantlen, start);
	strbuf_addstr(why, ", got ");
	add_quoted(why, got, gotlen, start);
	return false;
}

/* "output ends after 2 lines; expected 3" */
static bool why_ends(struct strbuf *why, const char *unit, size_t got, size_t want)
{
	if (why) {
		strbuf_reset(why);
		strbuf_addf(why, "output ends after %zu %s%s; expected %zu", got, unit,
			    got == 1 ? "" : "s", want);
	}
	return false;
}

/* "output has more than the expected 2 lines: line 3 is 'x'" */
static bool why_more(struct strbuf *why, const char *unit, size_t want, size_t idx,
		     const char *got, size_t gotlen)
{
	if (why) {
		strbuf_reset(why);
		strbuf_addf(why, "output has more than the expected %zu %s%s: %s %zu is ", want,
			    unit, want == 1 ? "" : "s", unit, idx);
		add_quoted(why, got, gotlen, 0);
	}
	return false;
}

/* ---- exact ---- */

static bool match_exact(const struct cmp_rule *r, const char *got, size_t gotlen,
			const char *want, size_t wantlen, struct strbuf *why)
{
	size_t n = gotlen < wantlen ? gotlen : wantlen;
	size_t at = diff_at(got, want, n, r->case_insensitive);
	const char *nl, *gend, *wend;
	size_t line = 1, start = 0;

	if (at == n && gotlen == wantlen)
		return true;
	if (!why)
		return false;
	if (at == n) {
		strbuf_reset(why);
		if (gotlen < wantlen) {
			strbuf_addf(why, "output ends after %zu byte%s; expected %zu: missing ",
				    gotlen, gotlen == 1 ? "" : "s", wantlen);
			add_quoted(why, want + n, wantlen - n, 0);
		} else {
			strbuf_addf(why, "output has more than the expected %zu byte%s: ", wantlen,
				    wantlen == 1 ? "" : "s");
			add_quoted(why, got + n, gotlen - n, 0);
			strbuf_addstr(why, " follows");
		}
		return false;
	}
	/* quote the line of the difference, from its start to its newline */
	while ((nl = memchr(want + start, '\n', at - start)) != NULL) {
		start = (size_t)(nl - want) + 1;
		line++;
	}
	wend = memchr(want + at, '\n', wantlen - at);
	gend = memchr(got + at, '\n', gotlen - at);
	return why_differs(why, "line", line, want + start,
			   (wend ? (size_t)(wend - want) : wantlen) - start, got + start,
			   (gend ? (size_t)(gend - got) : gotlen) - start, r->case_insensitive);
}

/* ---- lines ---- */

static bool is_trailing_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Next line of s (without the newline and trailing whitespace); false at the end. */
static bool next_line(const char *s, size_t n, size_t *pos, const char **line, size_t *len)
{
	const char *nl;
	size_t l;

	if (*pos >= n)
		return false;
	*line = s + *pos;
	nl = memchr(*line, '\n', n - *pos);
	l = nl ? (size_t)(nl - *line) : n - *pos;
	*pos += l + (nl ? 1 : 0);
	while (l && is_trailing_space((*line)[l - 1]))
		l--;
	*len = l;
	return true;
}

/*
 * The number of the last line that is not blank, counting from line (the
 * one just read, len bytes) on to the end of s; 0 when all are blank.
 */
static size_t last_text_line(const char *s, size_t n, size_t pos, size_t line, size_t len)
{
	const char *l;
	size_t last = len ? line : 0;

	while (next_line(s, n, &pos, &l, &len)) {
		line++;
		if (len)
			last = line;
	}
	return last;
}

static bool match_lines(const struct cmp_rule *r, const char *got, size_t gotlen,
			const char *want, size_t wantlen, struct strbuf *why)
{
	size_t gp = 0, wp = 0, gl = 0, wl = 0, line = 0, last_want = 0, extra;
	const char *g, *w;

	for (;;) {
		bool hg = next_line(got, gotlen, &gp, &g, &gl);
		bool hw = next_line(want, wantlen, &wp, &w, &wl);

		line++;
		if (!hg && !hw)
			return true;
		if (!hg) {
			last_want = last_text_line(want, wantlen, wp, line, wl);
			return !last_want || why_ends(why, "line", line - 1, last_want);
		}
		if (!hw) {
			extra = last_text_line(got, gotlen, gp, line, gl);
			if (!extra)
				return true;
			if (!why)
				return false;
			/* quote the first line past the answer that is not blank */
			while (!gl && next_line(got, gotlen, &gp, &g, &gl))
				line++;
			return why_more(why, "line", last_want, line, g, gl);
		}
		if (wl)
			last_want = line;
		if (!same(g, gl, w, wl, r->case_insensitive))
			return why_differs(why, "line", line, w, wl, g, gl, r->case_insensitive);
	}
}

/* ---- tokens ---- */

struct tokens {
	const char *s;
	size_t n;
	size_t pos;
	size_t count;	/* tokens read so far */
};

static bool next_token(struct tokens *t, const char **tok, size_t *len)
{
	size_t start;

	while (t->pos < t->n && is_space(t->s[t->pos]))
		t->pos++;
	if (t->pos == t->n)
		return false;
	start = t->pos;
	while (t->pos < t->n && !is_space(t->s[t->pos]))
		t->pos++;
	*tok = t->s + start;
	*len = t->pos - start;
	t->count++;
	return true;
}

/* ---- numbers ---- */

/*
 * Significant digits a number keeps: more than the 767 a point halfway
 * between two doubles can need, so that with one more nonzero digit
 * standing for any dropped, strtod() rounds it as it would the whole token.
 */
#define NUM_DIGITS 800
/* Exponents saturate here, far beyond any double, so that the sums cannot overflow. */
#define NUM_EXP_CAP 1000000000000000LL

struct num {
	enum { NUM_FINITE, NUM_INF, NUM_NAN } kind;
	bool neg;
	long long exp10;	/* finite: |value| = 0.DIGITS x 10^exp10; zero has 0 */
	size_t len;		/* of text */
	/* "-0.DIGITS", room for the kept digits, the sticky one and an exponent */
	char text[NUM_DIGITS + 32];
};

static bool is_word(const char *s, size_t n, const char *word, bool ci)
{
	return same(s, n, word, strlen(word), ci);
}

static long long saturate(long long x)
{
	return x > NUM_EXP_CAP ? NUM_EXP_CAP : x < -NUM_EXP_CAP ? -NUM_EXP_CAP : x;
}

/*
 * Read the token s as a number (compare.h says what is one) into x, in one
 * pass whatever its length; false when it is not a number.
 */
static bool num_read(const char *s, size_t n, struct num *x)
{
	size_t i = 0, kept = 0;
	long long e = 0, exp = 0;
	bool digits = false, point = false, nonzero = false, dropped = false, eneg = false;

	x->neg = false;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		x->neg = s[i++] == '-';
	x->kind = NUM_NAN;
	if (is_word(s + i, n - i, "nan", true))
		return true;
	x->kind = NUM_INF;
	if (is_word(s + i, n - i, "inf", true) || is_word(s + i, n - i, "infinity", true))
		return true;
	x->kind = NUM_FINITE;
	x->len = 0;
	if (x->neg)
		x->text[x->len++] = '-';
	x->text[x->len++] = '0';
	x->text[x->len++] = '.';
	for (; i < n; i++) {
		if (s[i] == '.' && !point) {
			point = true;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			break;
		digits = true;
		if (!nonzero && s[i] == '0') {
			/* a leading zero after the point moves the first digit right */
			if (point)
				e = saturate(e - 1);
			continue;
		}
		nonzero = true;
		if (!point)
			e = saturate(e + 1);
		if (kept < NUM_DIGITS)
			x->text[x->len++] = s[i], kept++;
		else if (s[i] != '0')
			dropped = true;
	}
	if (!digits)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		digits = false;
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			eneg = s[i++] == '-';
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			exp = saturate(exp * 10 + (s[i] - '0'));
			digits = true;
		}
		if (!digits)
			return false;
	}
	if (i < n)
		return false;
	if (dropped)
		x->text[x->len++] = '1';
	if (!nonzero)
		x->text[x->len++] = '0';
	x->exp10 = nonzero ? saturate(e + (eneg ? -exp : exp)) : 0;
	x->text[x->len] = '\0';
	return true;
}

/* Write "e<exp>" and a NUL at s (at most 7 bytes for an exp within [-400, 309]). */
static void add_exponent(char *s, long long exp)
{
	char rev[4];
	int n = 0;
	long long v = exp < 0 ? -exp : exp;

	*s++ = 'e';
	if (exp < 0)
		*s++ = '-';
	do
		rev[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < 4);
	while (n)
		*s++ = rev[--n];
	*s = '\0';
}

/* The value of a finite x as a double; false when beyond the range of one. */
static bool num_double(struct num *x, double *v)
{
	if (x->exp10 > 309)
		return false;
	if (x->exp10 < -400) {
		/* below half the smallest double */
		*v = x->neg ? -0.0 : 0.0;
		return true;
	}
	add_exponent(x->text + x->len, x->exp10);
	*v = strtod(x->text, NULL);
	x->text[x->len] = '\0';
	return !isinf(*v);
}

/* The value of a finite x divided by 10^scale (scale >= its exponent). */
static double num_scaled(const struct num *x, long long scale)
{
	double mant = strtod(x->text, NULL);

	return x->exp10 - scale < -400 ? 0.0 : mant * pow(10, (double)(x->exp10 - scale));
}

/* Is got within the rule's tolerances of want (both finite)?  diff gets |got - want|. */
static bool within(const struct cmp_rule *r, double got, double want, double *diff)
{
	double abs_tol, rel_tol;

	tolerances(r, &abs_tol, &rel_tol);
	*diff = fabs(got - want);
	return got == want || (abs_tol >= 0 && *diff <= abs_tol) ||
	       (rel_tol >= 0 && *diff <= rel_tol * fabs(want));
}

static bool num_match(const struct cmp_rule *r, struct num *got, struct num *want, double *diff)
{
	double g, w, rel_tol, abs_tol;
	long long scale;

	*diff = NAN;
	if (got->kind == NUM_NAN || want->kind == NUM_NAN)
		return got->kind == want->kind;
	if (got->kind == NUM_INF || want->kind == NUM_INF)
		return got->kind == want->kind && got->neg == want->neg;
	if (num_double(got, &g) && num_double(want, &w))
		return within(r, g, w, diff);
	/*
	 * Beyond the range of a double, compare both divided by the same power
	 * of ten: an absolute tolerance is then far below their precision.
	 */
	scale = got->exp10 > want->exp10 ? got->exp10 : want->exp10;
	g = num_scaled(got, scale);
	w = num_scaled(want, scale);
	tolerances(r, &abs_tol, &rel_tol);
	return g == w || (rel_tol >= 0 && fabs(g - w) <= rel_tol * fabs(w));
}

/* Shortest %g that reads back as v. */
static void fmt_double(char *buf, size_t len, double v)
{
	int prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

static bool why_number(struct strbuf *why, const struct cmp_rule *r, size_t idx, const char *want,
		       size_t wantlen, const char *got, size_t gotlen, double diff)
{
	double abs_tol, rel_tol;

	if (!why)
		return false;
	if (!isfinite(diff))
		return why_differs(why, "token", idx, want, wantlen, got, gotlen, false);
	tolerances(r, &abs_tol, &rel_tol);
	strbuf_reset(why);
	strbuf_addf(why, "token %zu: ", idx);
	add_piece(why, got, gotlen, 0, false);
	strbuf_addstr(why, " differs from ");
	add_piece(why, want, wantlen, 0, false);
	strbuf_addf(why, " by %g (", diff);
	if (abs_tol == rel_tol)
		strbuf_addf(why, "tolerance %g)", abs_tol);
	else if (rel_tol < 0)
		strbuf_addf(why, "absolute tolerance %g)", abs_tol);
	else if (abs_tol < 0)
		strbuf_addf(why, "relative tolerance %g)", rel_tol);
	else
		strbuf_addf(why, "absolute tolerance %g, relative %g)", abs_tol, rel_tol);
	return false;
}

static bool match_tokens(const struct cmp_rule *r, const char *got, size_t gotlen,
			 const char *want, size_t wantlen, struct strbuf *why)
{
	struct tokens gt = {got, gotlen, 0, 0}, wt = {want, wantlen, 0, 0};
	const char *g = NULL, *w = NULL;
	size_t gl = 0, wl = 0;
	struct num gn, wn;
	double diff;

	for (;;) {
		bool hg = next_token(&gt, &g, &gl);
		bool hw = next_token(&wt, &w, &wl);

		if (!hg && !hw)
			return true;
		if (!hg) {
			while (next_token(&wt, &w, &wl))
				;
			return why_ends(why, "token", gt.count, wt.count);
		}
		if (!hw)
			return why_more(why, "token", wt.count, gt.count, g, gl);
		/* the same text is also the same number */
		if (same(g, gl, w, wl, r->case_insensitive))
			continue;
		if (r->mode != CMP_FLOAT || !num_read(w, wl, &wn))
			return why_differs(why, "token", wt.count, w, wl, g, gl,
					   r->case_insensitive);
		if (!num_read(g, gl, &gn)) {
			if (why) {
				strbuf_reset(why);
				strbuf_addf(why, "token %zu: expected the number ", wt.count);
				add_quoted(why, w, wl, 0);
				strbuf_addstr(why, ", got ");
				add_quoted(why, g, gl, 0);
			}
			return false;
		}
		if (!num_match(r, &gn, &wn, &diff))
			return why_number(why, r, wt.count, w, wl, g, gl, diff);
	}
}

bool cmp_match(const struct cmp_rule *r, const char *got, size_t gotlen, const char *want,
	       size_t wantlen, struct strbuf *why)
{
	switch (r->mode) {
	case CMP_EXACT:
		return match_exact(r, got, gotlen, want, wantlen, why);
	case CMP_TOKENS:
	case CMP_FLOAT:
		return match_tokens(r, got, gotlen, want, wantlen, why);
	case CMP_LINES:
	default:
		return match_lines(r, got, gotlen, want, wantlen, why);
	}
}

/* ---- JSON ---- */

/* A tolerance member of a rule of mode: 0 with *out set, 1 when absent, -1 with a message. */
static int json_tolerance(struct json_object *o, const char *key, enum cmp_mode mode,
			  double *out, char *err, size_t errlen)
{
	struct json_object *v;
	double x;

	if (!json_object_object_get_ex(o, key, &v) || !v)
		return 1;
	if (mode != CMP_FLOAT)
		return fail(err, errlen, "'%s' applies only to the type 'float'", key);
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double))
		return fail(err, errlen, "'%s' must be a number", key);
	x = json_object_get_double(v);
	/* json-c reads NaN and Infinity */
	if (!isfinite(x) || x < 0)
		return fail(err, errlen, "'%s' must be a finite number, 0 or more", key);
	*out = x;
	return 0;
}

int cmp_rule_from_json(struct json_object *checker, struct cmp_rule *r, char *err, size_t errlen)
{
	static const char *const members[] = {"type", "case_insensitive", "float_tolerance",
					      "float_absolute_tolerance",
					      "float_relative_tolerance", NULL};
	const char *type = "lines";
	double both = -1, abs_tol = -1, rel_tol = -1;
	bool ci = false;
	int i, rc;

	cmp_rule_init(r);
	if (!checker)
		return 0;
	if (!json_object_is_type(checker, json_type_object))
		return fail(err, errlen,
			    "the checker must be an object such as {\"type\": \"tokens\"}");
	if (jsonh_str(checker, "type", 64, &type, NULL, err, errlen) < 0)
		return -1;
	if (!strcmp(type, "custom") || !strcmp(type, "interactive"))
		return CMP_NOT_BUILTIN;
	for (i = 0; i < CMP__MAX && strcmp(type, mode_names[i]); i++)
		;
	if (i < CMP__MAX) {
		r->mode = (enum cmp_mode)i;
	} else if (!strcmp(type, "tokens_ci")) {
		r->mode = CMP_TOKENS;
		r->case_insensitive = true;
	} else {
		return fail(err, errlen,
			    "unknown checker type '%s': one of exact, lines, tokens, tokens_ci, "
			    "float, custom, interactive",
			    type);
	}
	if (jsonh_only(checker, members, err, errlen) < 0)
		return -1;
	rc = jsonh_bool(checker, "case_insensitive", &ci, err, errlen);
	if (rc < 0)
		return -1;
	if (rc == 0 && r->case_insensitive && !ci)
		return fail(err, errlen, "the type 'tokens_ci' cannot be case-sensitive");
	r->case_insensitive |= ci;
	if (json_tolerance(checker, "float_tolerance", r->mode, &both, err, errlen) < 0 ||
	    json_tolerance(checker, "float_absolute_tolerance", r->mode, &abs_tol, err,
			   errlen) < 0 ||
	    json_tolerance(checker, "float_relative_tolerance", r->mode, &rel_tol, err,
			   errlen) < 0)
		return -1;
	if (r->mode == CMP_FLOAT) {
		r->abs_tol = abs_tol >= 0 ? abs_tol : both;
		r->rel_tol = rel_tol >= 0 ? rel_tol : both;
		/* the default made explicit: the rule reads the same wherever it goes */
		tolerances(r, &r->abs_tol, &r->rel_tol);
	}
	return 0;
}

/* Add a tolerance to o, written as the shortest text that reads back as it. */
static int json_add_tolerance(struct json_object *o, const char *key, double v)
{
	char text[32];

	fmt_double(text, sizeof(text), v);
	return json_object_object_add(o, key, json_object_new_double_s(v, text));
}

struct json_object *cmp_rule_json(const struct cmp_rule *r)
{
	struct json_object *o = json_object_new_object();
	enum cmp_mode mode = (unsigned)r->mode < CMP__MAX ? r->mode : CMP_LINES;
	bool ci_name = mode == CMP_TOKENS && r->case_insensitive;
	double abs_tol, rel_tol;
	int rc;

	if (!o)
		return NULL;
	rc = json_object_object_add(o, "type", json_object_new_string(ci_name ? "tokens_ci"
									      : mode_names[mode]));
	if (!rc && r->case_insensitive && !ci_name)
		rc = json_object_object_add(o, "case_insensitive", json_object_new_boolean(1));
	if (!rc && mode == CMP_FLOAT) {
		tolerances(r, &abs_tol, &rel_tol);
		if (abs_tol == rel_tol) {
			rc = json_add_tolerance(o, "float_tolerance", abs_tol);
		} else {
			if (abs_tol >= 0)
				rc = json_add_tolerance(o, "float_absolute_tolerance", abs_tol);
			if (!rc && rel_tol >= 0)
				rc = json_add_tolerance(o, "float_relative_tolerance", rel_tol);
		}
	}
	if (rc) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

/* ---- Kattis validator_flags ---- */

/* The default validator's float flags and which tolerances each sets. */
static const struct {
	const char *name;
	bool abs, rel;
} float_flags[] = {
	{"float_tolerance", true, true},
	{"float_absolute_tolerance", true, false},
	{"float_relative_tolerance", false, true},
};

#define KATTIS_FLAGS                                                                           \
	"case_sensitive, space_change_sensitive, float_tolerance, float_absolute_tolerance "     \
	"and float_relative_tolerance"

int cmp_rule_from_kattis(const char *validator_flags, struct cmp_rule *r, char *err,
			 size_t errlen)
{
	struct tokens t = {validator_flags ? validator_flags : "", 0, 0, 0};
	bool case_sensitive = false, space_sensitive = false, is_float = false;
	const char *flag, *arg;
	size_t len, arglen, i;
	struct num x;
	double v;

	t.n = strlen(t.s);
	cmp_rule_init(r);
	while (next_token(&t, &flag, &len)) {
		if (is_word(flag, len, "case_sensitive", false)) {
			case_sensitive = true;
			continue;
		}
		if (is_word(flag, len, "space_change_sensitive", false)) {
			space_sensitive = true;
			continue;
		}
		for (i = 0; i < sizeof(float_flags) / sizeof(float_flags[0]); i++)
			if (is_word(flag, len, float_flags[i].name, false))
				break;
		if (i == sizeof(float_flags) / sizeof(float_flags[0]))
			return fail(err, errlen,
				    "unknown validator flag '%.*s': the default validator knows "
				    KATTIS_FLAGS,
				    (int)utf8_cut(flag, len, 40), flag);
		if (!next_token(&t, &arg, &arglen) || !num_read(arg, arglen, &x) ||
		    x.kind != NUM_FINITE || !num_double(&x, &v) || v < 0)
			return fail(err, errlen, "'%s' needs a number, 0 or more, after it",
				    float_flags[i].name);
		is_float = true;
		if (float_flags[i].abs)
			r->abs_tol = v;
		if (float_flags[i].rel)
			r->rel_tol = v;
	}
	r->case_insensitive = !case_sensitive;
	if (is_float)
		r->mode = CMP_FLOAT;
	else if (space_sensitive)
		r->mode = CMP_EXACT;
	else
		r->mode = CMP_TOKENS;
	return 0;
}

/* Append a flag (and its number when v >= 0) to buf; false when it does not fit. */
static bool flag_add(char *buf, size_t len, size_t *at, const char *flag, double v)
{
	char num[32] = "";
	int n;

	if (v >= 0)
		fmt_double(num, sizeof(num), v);
	n = snprintf(buf + *at, len - *at, "%s%s%s%s", *at ? " " : "", flag, v >= 0 ? " " : "",
		     num);
	if (n < 0 || (size_t)n >= len - *at)
		return false;
	*at += (size_t)n;
	return true;
}

const char *cmp_kattis_flags(const struct cmp_rule *r, char *buf, size_t len)
{
	double abs_tol, rel_tol;
	size_t at = 0;
	bool ok = true;

	if (!len)
		return NULL;
	buf[0] = '\0';
	if (!r->case_insensitive)
		ok = flag_add(buf, len, &at, "case_sensitive", -1);
	if (ok && r->mode == CMP_EXACT)
		ok = flag_add(buf, len, &at, "space_change_sensitive", -1);
	if (ok && r->mode == CMP_FLOAT) {
		tolerances(r, &abs_tol, &rel_tol);
		if (abs_tol == rel_tol) {
			ok = flag_add(buf, len, &at, "float_tolerance", abs_tol);
		} else {
			if (abs_tol >= 0)
				ok = flag_add(buf, len, &at, "float_absolute_tolerance", abs_tol);
			if (ok && rel_tol >= 0)
				ok = flag_add(buf, len, &at, "float_relative_tolerance", rel_tol);
		}
	}
	return ok ? buf : NULL;
}
