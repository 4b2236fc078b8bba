/* kattis.c - Kattis problem packages to and from the question document */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge0.h"
#include "jsonh.h"
#include "compare.h"
#include "kattis.h"
#include "signature.h"
#include "lang.h"
#include "tex.h"
#include "utf8.h"
#include "util.h"
#include "yamldoc.h"

#define MAX_WARNINGS	 50
#define MAX_TAGS	 20
#define MAX_TAG		 40
#define MAX_TITLE	 200
#define MAX_GROUP_POINTS 100000
#define MAX_TEST_POINTS	 1000
#define SECRET_POINTS	 100	/* what pass-fail groups share when no score is given */
#define MAX_TEX		 (1u << 20)
#define MAX_INCLUDE	 8	/* header nesting inlined into a validator */
#define MAX_REFERENCES	 200	/* submissions of a document exported */

enum rule { RULE_ALL, RULE_SUM, RULE_MIN };
static const char *const rule_names[] = { "all", "sum", "min" };

/* A test group: what testdata.yaml says (import) or the document says (export), and the outcome. */
struct grp {
	char *name;			/* "sample", "secret", "secret/group1" */
	char *dir;			/* its directory in the package (export) */
	bool sample;
	struct json_object *own, *eff;	/* testdata.yaml: its own, and the one in force */
	struct json_object *tests;	/* its test objects, in order */
	enum rule rule;
	bool has_rule;
	long long score;		/* an explicit score */
	bool has_score;
	double accept;			/* legacy accept_score */
	bool has_accept;
	bool stop;
	struct json_object *depends;	/* names of groups */
	long long points;		/* derived (import) or given (export) */
	long long per_test;		/* points of each test, or -1 for equal shares */
};

/* A new, empty group named name at the end of *g (n of them, room for *alloc); NULL when out of memory. */
static struct grp *grp_new(struct grp **g, size_t *n, size_t *alloc, const char *name)
{
	struct grp *e;

	if (*n == *alloc) {
		size_t na = *alloc ? *alloc * 2 : 8;
		struct grp *more = realloc(*g, na * sizeof(*more));

		if (!more)
			return NULL;
		*g = more;
		*alloc = na;
	}
	e = &(*g)[*n];
	memset(e, 0, sizeof(*e));
	e->name = strdup(name);
	e->tests = json_object_new_array();
	e->depends = json_object_new_array();
	if (!e->name || !e->tests || !e->depends) {
		free(e->name);
		json_object_put(e->tests);
		json_object_put(e->depends);
		return NULL;
	}
	(*n)++;
	return e;
}

static void grp_release(struct grp *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(g[i].name);
		free(g[i].dir);
		json_object_put(g[i].own);
		json_object_put(g[i].eff);
		json_object_put(g[i].tests);
		json_object_put(g[i].depends);
	}
	free(g);
}

/* ---- small helpers ---- */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Does p hold a file under the directory prefix ("dir/")? */
static bool has_dir(const struct pkg *p, const char *prefix)
{
	size_t i = pkg_lower(p, prefix);

	return i < p->nfiles && starts_with(p->files[i].path, prefix);
}

/* A member that is present and not null, or NULL. */
static struct json_object *yget(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

/* The next word of *s (a run of non-space) in *word, *s moved past it: its length, 0 at the end. */
static size_t next_word(const char **s, const char **word)
{
	while (isspace((unsigned char)**s))
		(*s)++;
	*word = *s;
	while (**s && !isspace((unsigned char)**s))
		(*s)++;
	return (size_t)(*s - *word);
}

/* A scalar member's text (strings, numbers, booleans), or NULL. */
static const char *ytext(struct json_object *o, const char *key)
{
	struct json_object *v = yget(o, key);

	if (!v || json_object_is_type(v, json_type_object) ||
	    json_object_is_type(v, json_type_array))
		return NULL;
	return json_object_get_string(v);
}

/* A number member (or a string holding one): 0, 1 when absent, -1 when not a finite number. */
static int ynum(struct json_object *o, const char *key, double *out)
{
	struct json_object *v = yget(o, key);
	const char *s;
	char *end;

	if (!v)
		return 1;
	if (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)) {
		*out = json_object_get_double(v);
		return isfinite(*out) ? 0 : -1;
	}
	if (!json_object_is_type(v, json_type_string))
		return -1;
	s = json_object_get_string(v);
	errno = 0;
	*out = strtod(s, &end);
	while (end != s && isspace((unsigned char)*end))
		end++;
	return end == s || *end || errno || !isfinite(*out) ? -1 : 0;
}

/* The shortest text that reads back as v. */
static void fmt_num(double v, char *buf, size_t size)
{
	int prec;

	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, size, "%.0f", v);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

/* A string member of a document: 0, 1 absent, -1 wrong type (message in err). */
static int dstr(struct json_object *o, const char *key, size_t max, const char **out, char *err,
		size_t errlen)
{
	*out = NULL;
	return jsonh_str(o, key, max, out, NULL, err, errlen);
}

/* s as a YAML double-quoted scalar (JSON string syntax, which YAML reads). */
static int yaml_quote(struct strbuf *sb, const char *s)
{
	struct json_object *j = json_object_new_string(s);
	int rc;

	if (!j)
		return -1;
	rc = strbuf_addstr(sb, json_object_to_json_string_ext(
				       j, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(j);
	return rc;
}

/* ---- the mapping of the default validator's flags ---- */

struct json_object *kattis_checker_from_flags(const char *flags, char *err, size_t errlen)
{
	struct cmp_rule r;
	char msg[200];

	if (cmp_rule_from_kattis(flags, &r, msg, sizeof(msg)) < 0) {
		fail(err, errlen, "validator_flags: %s", msg);
		return NULL;
	}
	return cmp_rule_json(&r);
}

int kattis_flags_from_checker(struct json_object *checker, struct strbuf *out, char *err,
			      size_t errlen)
{
	char msg[200], buf[CMP_KATTIS_FLAGS_MAX];
	struct cmp_rule r;

	if (cmp_rule_from_json(checker, &r, msg, sizeof(msg)) != 0)
		return fail(err, errlen, "checker: %s", msg);
	return strbuf_addstr(out, cmp_kattis_flags(&r, buf, sizeof(buf)));
}

int kattis_time_limit_ms(struct json_object *doc, double slowest_accepted_s)
{
	struct json_object *pk = yget(doc, "package");
	double mult = 5, res = 1, steps;
	long long ms;

	if (ynum(pk, "time_multiplier", &mult) != 0 || mult <= 0)
		mult = 5;
	if (ynum(pk, "time_resolution", &res) != 0 || res <= 0)
		res = 1;
	if (!(slowest_accepted_s >= 0))
		slowest_accepted_s = 0;
	steps = ceil(slowest_accepted_s * mult / res - 1e-9);
	if (steps < 1)
		steps = 1;
	ms = (long long)ceil(steps * res * 1000 - 1e-6);
	return ms < 100 ? 100 : ms > 30000 ? 30000 : (int)ms;
}

/* ---- import ---- */

struct imp {
	const struct pkg *p;
	struct json_object *doc, *pk, *warnings, *tests, *interactions;
	struct json_object *yaml;	/* problem.yaml */
	struct grp *g;
	size_t ng, galloc;
	size_t ntests;
	bool scoring, legacy, interactive, custom;
	char *err;
	size_t errlen;
};

static void warn(struct imp *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct imp *im, const char *fmt, ...)
{
	size_t n = json_object_array_length(im->warnings);
	char buf[600];
	va_list ap;

	if (n > MAX_WARNINGS)
		return;
	if (n == MAX_WARNINGS) {
		snprintf(buf, sizeof(buf), "(more warnings left out)");
	} else {
		va_start(ap, fmt);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
	}
	json_object_array_add(im->warnings, json_object_new_string(buf));
}

/* f as document text: at most max bytes, UTF-8, no NUL. */
static int text_ok(struct imp *im, const struct pkg_file *f, size_t max)
{
	const unsigned char *s = (const unsigned char *)f->data;
	const char *nul;
	size_t i = 0, k;

	if (f->len > max)
		return fail(im->err, im->errlen, "%s: larger than %zu bytes", f->path, max);
	nul = memchr(f->data, '\0', f->len);
	if (nul)
		return fail(im->err, im->errlen,
			    "%s: a NUL byte at offset %zu (test data and sources must be text)",
			    f->path, (size_t)(nul - f->data));
	while (i < f->len) {
		k = utf8_seq(s + i, f->len - i);
		if (!k)
			return fail(im->err, im->errlen,
			            "%s: not UTF-8 text (an invalid byte at offset %zu)", f->path,
			            i);
		i += k;
	}
	return 0;
}

/* The YAML file at path as an object into *out (a new reference), or NULL when there is none. */
static int load_yaml(struct imp *im, const char *path, struct json_object **out)
{
	const struct pkg_file *f = pkg_find(im->p, path);
	struct json_object *y;
	char e[300];

	*out = NULL;
	if (!f)
		return 0;
	y = yamldoc_parse(f->data, f->len, e, sizeof(e));
	if (!y)
		return fail(im->err, im->errlen, "%s: %s", path, e);
	if (!json_object_is_type(y, json_type_object)) {
		json_object_put(y);
		return fail(im->err, im->errlen, "%s: not a YAML mapping", path);
	}
	*out = y;
	return 0;
}

/* A seconds value (".timelimit", an ini value) in ms: 0, or -1 when it is not a positive number. */
static int seconds_text(const char *s, size_t n, double *out)
{
	char buf[64], *end;
	size_t i = 0, j = n;

	while (i < j && (isspace((unsigned char)s[i]) || s[i] == '\'' || s[i] == '"'))
		i++;
	while (j > i && (isspace((unsigned char)s[j - 1]) || s[j - 1] == '\'' || s[j - 1] == '"'))
		j--;
	if (j == i || j - i >= sizeof(buf))
		return -1;
	memcpy(buf, s + i, j - i);
	buf[j - i] = '\0';
	errno = 0;
	*out = strtod(buf, &end);
	return *end || errno || !isfinite(*out) || *out <= 0 ? -1 : 0;
}

static long long seconds_ms(double s)
{
	double ms = ceil(s * 1000 - 1e-6);

	return ms > 1e9 ? 1000000000LL : (long long)ms;
}

static void add_clamped(struct imp *im, const char *key, long long v, long long lo, long long hi,
			const char *what)
{
	if (v < lo || v > hi) {
		warn(im, "%s %lld is outside %lld..%lld: %lld is used", what, v, lo, hi,
		     v < lo ? lo : hi);
		v = v < lo ? lo : hi;
	}
	json_object_object_add(im->doc, key, json_object_new_int64(v));
}

/* title, tags, difficulty, the package's strings. */
static int read_names(struct imp *im)
{
	struct json_object *y = im->yaml, *v, *tags;
	const char *s;

	v = yget(y, "name");
	s = NULL;
	if (v && json_object_is_type(v, json_type_object)) {
		s = ytext(v, "en");
		if (!s) {
			json_object_object_foreach(v, k, val) {
				(void)k;
				if (val && !json_object_is_type(val, json_type_object) &&
				    !json_object_is_type(val, json_type_array)) {
					s = json_object_get_string(val);
					break;
				}
			}
		}
	} else {
		s = ytext(y, "name");
	}
	if (s && *s) {
		size_t n = strlen(s), cut = utf8_cut(s, n, MAX_TITLE);

		if (!utf8_valid(s, n))
			return fail(im->err, im->errlen, "problem.yaml: name is not UTF-8");
		if (cut < n)
			warn(im, "the name is cut to %d bytes", MAX_TITLE);
		json_object_object_add(im->doc, "title", json_object_new_string_len(s, (int)cut));
	}
	s = ytext(y, "difficulty");
	if (s && strcmp(s, "easy") && strcmp(s, "medium") && strcmp(s, "hard")) {
		warn(im, "difficulty '%.40s' is not easy, medium or hard: medium is used", s);
		s = NULL;
	}
	json_object_object_add(im->doc, "difficulty", json_object_new_string(s ? s : "medium"));

	tags = json_object_new_array();
	json_object_object_add(im->doc, "tags", tags);
	v = yget(y, "keywords");
	if (v && json_object_is_type(v, json_type_array)) {
		size_t i, n = json_object_array_length(v);

		for (i = 0; i < n; i++) {
			struct json_object *t = json_object_array_get_idx(v, i);
			const char *ts = t ? json_object_get_string(t) : NULL;

			if (!ts || !*ts || strlen(ts) > MAX_TAG ||
			    json_object_array_length(tags) >= MAX_TAGS) {
				warn(im, "keyword %zu skipped (%d tags of 1 to %d bytes)", i + 1,
				     MAX_TAGS, MAX_TAG);
				continue;
			}
			json_object_array_add(tags, json_object_new_string(ts));
		}
	} else if ((s = ytext(y, "keywords"))) {
		while (*s) {
			const char *w;
			size_t n = next_word(&s, &w);

			if (!n)
				break;
			if (n > MAX_TAG || json_object_array_length(tags) >= MAX_TAGS) {
				warn(im, "keyword '%.*s' skipped (%d tags of 1 to %d bytes)",
				     (int)(n > 40 ? 40 : n), w, MAX_TAGS, MAX_TAG);
				continue;
			}
			json_object_array_add(tags, json_object_new_string_len(w, (int)n));
		}
	}

	if (im->p->name)
		json_object_object_add(im->pk, "short_name", json_object_new_string(im->p->name));
	{
		static const char *const keys[] = { "author", "source", "source_url", "license",
						    "rights_owner", "uuid", NULL };
		const char *const *k;

		for (k = keys; *k; k++)
			if ((s = ytext(y, *k)))
				json_object_object_add(im->pk, *k, json_object_new_string(s));
	}
	/* 2023-07: source as a map or a list of them, credits instead of author */
	v = yget(y, "source");
	if (v && json_object_is_type(v, json_type_array))
		v = json_object_array_get_idx(v, 0);
	if (v && json_object_is_type(v, json_type_object)) {
		if ((s = ytext(v, "name")))
			json_object_object_add(im->pk, "source", json_object_new_string(s));
		if ((s = ytext(v, "url")))
			json_object_object_add(im->pk, "source_url", json_object_new_string(s));
	} else if (v && (s = json_object_get_string(v)) && !yget(im->pk, "source")) {
		json_object_object_add(im->pk, "source", json_object_new_string(s));
	}
	v = yget(y, "credits");
	if (v && !yget(im->pk, "author")) {
		struct json_object *a =
		    json_object_is_type(v, json_type_object) ? yget(v, "authors") : v;

		if (a && json_object_is_type(a, json_type_array)) {
			struct strbuf sb = STRBUF_INIT;
			size_t i;

			for (i = 0; i < json_object_array_length(a); i++) {
				const char *t =
				    json_object_get_string(json_object_array_get_idx(a, i));

				if (t && (strbuf_addstr(&sb, i ? ", " : "") < 0 ||
				          strbuf_addstr(&sb, t) < 0))
					break;
			}
			if (sb.len)
				json_object_object_add(im->pk, "author",
				                       json_object_new_string(sb.buf));
			strbuf_release(&sb);
		} else if (a && !json_object_is_type(a, json_type_object)) {
			json_object_object_add(im->pk, "author",
					       json_object_new_string(json_object_get_string(a)));
		}
	}
	return 0;
}

/* type, validation: the problem's kind. */
static int read_kind(struct imp *im)
{
	struct json_object *y = im->yaml, *v = yget(y, "type");
	const char *s = ytext(y, "problem_format_version");
	bool score_validator = false;
	size_t i, n;

	im->legacy = !s || starts_with(s, "legacy");
	n = v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : v ? 1 : 0;
	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_is_type(v, json_type_array)
						? json_object_array_get_idx(v, i)
						: v;
		const char *ts = t ? json_object_get_string(t) : "";

		if (!strcmp(ts, "scoring"))
			im->scoring = true;
		else if (!strcmp(ts, "interactive"))
			im->interactive = im->custom = true;
		else if (strcmp(ts, "pass-fail"))
			return fail(im->err, im->errlen,
			            "problem.yaml: problem type '%.40s' is not supported", ts);
	}
	s = ytext(y, "validation");
	if (s) {
		const char *w = s;

		while (*w) {
			const char *t;
			size_t len = next_word(&w, &t);

			if (!len)
				break;
			if (t == s && len == 7 && !strncmp(t, "default", len))
				continue;
			if (t == s && len == 6 && !strncmp(t, "custom", len))
				im->custom = true;
			else if (len == 11 && !strncmp(t, "interactive", len) && im->custom)
				im->interactive = true;
			else if (len == 5 && !strncmp(t, "score", len) && im->custom)
				score_validator = true;
			else
				return fail(im->err, im->errlen,
				            "problem.yaml: validation '%.60s' is not understood",
				            s);
		}
	} else if (!im->legacy && has_dir(im->p, "output_validator/")) {
		im->custom = true;
		score_validator = im->scoring;
	}
	if (score_validator)
		im->scoring = true;
	{
		char val[64];

		snprintf(val, sizeof(val), "%s%s%s", im->custom ? "custom" : "default",
			 im->interactive ? " interactive" : "", score_validator ? " score" : "");
		json_object_object_add(im->pk, "validation", json_object_new_string(val));
	}
	json_object_object_add(im->pk, "scoring", json_object_new_boolean(im->scoring));
	if (yget(y, "grading") && ytext(yget(y, "grading"), "objective") &&
	    strcmp(ytext(yget(y, "grading"), "objective"), "max"))
		warn(im, "grading objective '%s' is not supported: scores are maximised",
		     ytext(yget(y, "grading"), "objective"));
	if (yget(y, "languages"))
		warn(im, "problem.yaml languages is not supported: every language is allowed");
	if (yget(y, "constants"))
		warn(im, "problem.yaml constants are not substituted");
	return 0;
}

/* limits and the time limit. */
static int read_limits(struct imp *im)
{
	struct json_object *lim = yget(im->yaml, "limits"), *tm;
	const struct pkg_file *f;
	double v, mult = im->legacy ? 5 : 2, margin = im->legacy ? 2 : 1.5, secs = 0;
	bool from_file = false, have_time = false;
	int r;

	if (lim && !json_object_is_type(lim, json_type_object))
		return fail(im->err, im->errlen, "problem.yaml: limits must be a mapping");
	tm = yget(lim, "time_multipliers");
	if ((r = ynum(lim, "time_multiplier", &v)) == 0 && v > 0)
		mult = v;
	else if (r == 0 || r < 0)
		warn(im, "limits.time_multiplier is not a positive number: %g is used", mult);
	if ((r = ynum(lim, "time_safety_margin", &v)) == 0 && v > 0)
		margin = v;
	else if (r == 0 || r < 0)
		warn(im, "limits.time_safety_margin is not a positive number: %g is used", margin);
	if ((r = ynum(tm, "ac_to_time_limit", &v)) == 0 && v >= 1)
		mult = v;
	if ((r = ynum(tm, "time_limit_to_tle", &v)) == 0 && v >= 1)
		margin = v;
	json_object_object_add(im->pk, "time_multiplier", json_object_new_double(mult));
	json_object_object_add(im->pk, "time_safety_margin", json_object_new_double(margin));
	if ((r = ynum(lim, "time_resolution", &v)) == 0 && v > 0)
		json_object_object_add(im->pk, "time_resolution", json_object_new_double(v));

	if ((f = pkg_find(im->p, ".timelimit"))) {
		if (seconds_text(f->data, f->len, &secs) < 0)
			return fail(im->err, im->errlen, ".timelimit: not a number of seconds");
		from_file = have_time = true;
	} else if ((f = pkg_find(im->p, "domjudge-problem.ini"))) {
		const char *line = f->data, *end = f->data + f->len;

		while (line < end) {
			const char *nl = memchr(line, '\n', (size_t)(end - line));
			const char *eq, *le = nl ? nl : end;

			while (line < le && isspace((unsigned char)*line))
				line++;
			eq = memchr(line, '=', (size_t)(le - line));
			if (eq && !strncmp(line, "timelimit", 9) &&
			    (line + 9 == eq || isspace((unsigned char)line[9]))) {
				if (seconds_text(eq + 1, (size_t)(le - eq - 1), &secs) < 0)
					return fail(im->err, im->errlen,
					            "domjudge-problem.ini: a bad timelimit");
				from_file = have_time = true;
			}
			line = nl ? nl + 1 : end;
		}
	}
	if (!have_time && (r = ynum(lim, "time_limit", &v)) != 1) {
		if (r < 0 || v <= 0)
			return fail(im->err, im->errlen,
			            "problem.yaml: limits.time_limit is not a positive number");
		secs = v;
		have_time = true;
	}
	if (have_time) {
		long long ms = seconds_ms(secs);

		if (ms < 100 || ms > 30000) {
			warn(im, "time limit %lld ms is outside 100..30000: %d ms is used", ms,
			     ms < 100 ? 100 : 30000);
			ms = ms < 100 ? 100 : 30000;
		}
		json_object_object_add(im->doc, "time_limit_ms", json_object_new_int64(ms));
		json_object_object_add(im->pk, "timelimit_file",
		                       from_file ? json_object_new_double((double)ms / 1000)
		                                 : NULL);
	} else {
		json_object_object_add(im->pk, "timelimit_file", NULL);
	}

	if ((r = ynum(lim, "memory", &v)) == 0)
		add_clamped(im, "memory_limit_mb", (long long)ceil(v), 32, JUDGE_MAX_MEMORY_MB,
			    "memory limit (MiB)");
	else if (r < 0)
		warn(im, "limits.memory is not a number: ignored");
	if ((r = ynum(lim, "output", &v)) == 0)
		add_clamped(im, "output_limit_kb", (long long)ceil(v * 1024), 1,
		            JUDGE_MAX_OUTPUT_KB, "output limit (KiB)");
	else if (r < 0)
		warn(im, "limits.output is not a number: ignored");
	return 0;
}

/* ---- the statement ---- */

static const char *const statement_dirs[] = { "problem_statement", "statement", NULL };

/* The statement file with extension ext ("md"): problem.en.ext, problem.ext, then any *.ext. */
static const struct pkg_file *find_statement(const struct pkg *p, const char *ext)
{
	const struct pkg_file *f;
	const char *const *d;
	char path[128];
	size_t i;

	for (d = statement_dirs; *d; d++) {
		snprintf(path, sizeof(path), "%s/problem.en.%s", *d, ext);
		if ((f = pkg_find(p, path)))
			return f;
		snprintf(path, sizeof(path), "%s/problem.%s", *d, ext);
		if ((f = pkg_find(p, path)))
			return f;
	}
	for (d = statement_dirs; *d; d++) {
		snprintf(path, sizeof(path), "%s/", *d);
		snprintf(path + strlen(path) + 1, sizeof(path) - strlen(path) - 1, ".%s", ext);
		for (i = pkg_lower(p, path); i < p->nfiles && starts_with(p->files[i].path, path);
		     i++) {
			const char *rest = p->files[i].path + strlen(path);

			if (!strchr(rest, '/') && ends_with(rest, path + strlen(path) + 1))
				return &p->files[i];
		}
	}
	return NULL;
}

static int read_statement(struct imp *im, char **tex_title)
{
	const struct pkg_file *f;
	struct strbuf sb = STRBUF_INIT, imgs = STRBUF_INIT;
	const char *dir_end;
	size_t i, dlen;
	int rc = 0;

	*tex_title = NULL;
	if ((f = find_statement(im->p, "md"))) {
		if (text_ok(im, f, KATTIS_MAX_STATEMENT) < 0)
			return -1;
		json_object_object_add(im->doc, "question",
				       json_object_new_string_len(f->data, (int)f->len));
	} else if ((f = find_statement(im->p, "tex"))) {
		if (text_ok(im, f, MAX_TEX) < 0)
			return -1;
		if (tex_to_markdown(f->data, f->len, &sb, tex_title) < 0)
			return fail(im->err, im->errlen, "out of memory");
		if (sb.len > KATTIS_MAX_STATEMENT)
			rc = fail(im->err, im->errlen,
			          "%s: the statement is over %d bytes as Markdown", f->path,
			          KATTIS_MAX_STATEMENT);
		else
			json_object_object_add(im->doc, "question",
					       json_object_new_string_len(sb.buf, (int)sb.len));
		strbuf_release(&sb);
		if (rc < 0)
			return rc;
	} else if ((f = find_statement(im->p, "pdf"))) {
		if (f->len > KATTIS_MAX_PDF)
			return fail(im->err, im->errlen, "%s: larger than %u MiB", f->path,
				    KATTIS_MAX_PDF >> 20);
		if (judge0_b64_encode(f->data, f->len, &sb) < 0)
			return fail(im->err, im->errlen, "out of memory");
		json_object_object_add(im->doc, "question",
		                       json_object_new_string(KATTIS_PDF_QUESTION));
		json_object_object_add(im->doc, "statement_pdf",
				       json_object_new_string_len(sb.buf, (int)sb.len));
		strbuf_release(&sb);
	} else {
		return fail(im->err, im->errlen,
			    "no problem statement (problem_statement/problem.en.md, .tex or .pdf)");
	}
	/* pictures next to the statement do not come along */
	dir_end = strrchr(f->path, '/');
	dlen = dir_end ? (size_t)(dir_end - f->path) + 1 : 0;
	for (i = 0; dlen && i < im->p->nfiles; i++) {
		const char *pth = im->p->files[i].path;

		if (strncmp(pth, f->path, dlen) || strchr(pth + dlen, '/'))
			continue;
		if (ends_with(pth, ".png") || ends_with(pth, ".jpg") || ends_with(pth, ".jpeg") ||
		    ends_with(pth, ".svg") || ends_with(pth, ".gif"))
			if (strbuf_addf(&imgs, "%s%s", imgs.len ? ", " : "", pth + dlen) < 0)
				break;
	}
	if (imgs.len)
		warn(im, "statement images are not imported: %s", imgs.buf);
	strbuf_release(&imgs);
	return 0;
}

/* ---- the validator ---- */

static const char *source_lang(const char *name)
{
	if (ends_with(name, ".cpp") || ends_with(name, ".cc") || ends_with(name, ".cxx") ||
	    ends_with(name, ".c++") || ends_with(name, ".C"))
		return "cpp";
	if (ends_with(name, ".c"))
		return "c";
	if (ends_with(name, ".py"))
		return "python";
	return NULL;
}

static bool is_header(const char *name)
{
	return ends_with(name, ".h") || ends_with(name, ".hpp") || ends_with(name, ".hh") ||
	       ends_with(name, ".hxx");
}

/* f with the headers of dir it #includes "..." put in place (each once). */
static int inline_headers(struct imp *im, const char *dir, const struct pkg_file *f,
			  struct strbuf *out, struct strbuf *seen, int depth)
{
	const char *line = f->data, *end = f->data + f->len;

	if (depth > MAX_INCLUDE)
		return fail(im->err, im->errlen, "%s: headers nest more than %d deep", f->path,
			    MAX_INCLUDE);
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *le = nl ? nl + 1 : end, *s = line, *q;
		const struct pkg_file *h = NULL;
		char path[PKG_MAX_PATH + 1], key[PKG_MAX_PATH + 3];

		while (s < le && (*s == ' ' || *s == '\t'))
			s++;
		if (s < le && *s == '#') {
			s++;
			while (s < le && (*s == ' ' || *s == '\t'))
				s++;
			if ((size_t)(le - s) > 8 && !strncmp(s, "include", 7)) {
				s += 7;
				while (s < le && (*s == ' ' || *s == '\t'))
					s++;
				if (s < le && *s == '"' &&
				    (q = memchr(s + 1, '"', (size_t)(le - s - 1)))) {
					snprintf(path, sizeof(path), "%s%.*s", dir,
					         (int)(q - s - 1), s + 1);
					h = pkg_find(im->p, path);
				}
			}
		}
		if (h) {
			snprintf(key, sizeof(key), "|%s|", h->path);
			if (!strstr(seen->buf, key)) {
				if (strbuf_addstr(seen, key) < 0)
					return fail(im->err, im->errlen, "out of memory");
				if (text_ok(im, h, JUDGE_MAX_CODE) < 0 ||
				    inline_headers(im, dir, h, out, seen, depth + 1) < 0)
					return -1;
				if (out->len && out->buf[out->len - 1] != '\n' &&
				    strbuf_addstr(out, "\n") < 0)
					return fail(im->err, im->errlen, "out of memory");
			}
		} else if (strbuf_add(out, line, (size_t)(le - line)) < 0) {
			return fail(im->err, im->errlen, "out of memory");
		}
		line = le;
	}
	return 0;
}

/* Flags for a custom validator: validator_flags, else output_validator_flags/_args of data/. */
static const char *custom_flags(struct imp *im, struct strbuf *sb)
{
	static const char *const files[] = { "data/testdata.yaml", "data/test_group.yaml",
					     "data/secret/testdata.yaml",
					     "data/secret/test_group.yaml", NULL };
	const char *const *fp;
	const char *s = ytext(im->yaml, "validator_flags");

	if (s)
		return s;
	for (fp = files; *fp; fp++) {
		struct json_object *y = NULL, *v;
		const char *t;

		if (load_yaml(im, *fp, &y) < 0 || !y)
			continue;
		v = yget(y, "output_validator_args");
		if (!v)
			v = yget(y, "output_validator_flags");
		if (v && json_object_is_type(v, json_type_array)) {
			size_t i;

			for (i = 0; i < json_object_array_length(v); i++) {
				t = json_object_get_string(json_object_array_get_idx(v, i));
				if (t && (strbuf_addstr(sb, sb->len ? " " : "") < 0 ||
				          strbuf_addstr(sb, t) < 0))
					break;
			}
		} else if (v && (t = json_object_get_string(v))) {
			strbuf_addstr(sb, t);
		}
		json_object_put(y);
		if (v)
			return sb->buf;
	}
	return "";
}

static int read_checker(struct imp *im)
{
	const char *dirs[] = { "output_validators/", "output_validator/" };
	struct strbuf flags = STRBUF_INIT, code = STRBUF_INIT, seen = STRBUF_INIT;
	const struct pkg_file *main_src = NULL;
	struct json_object *c;
	char prog[PKG_MAX_PATH + 2] = "", e[300];
	const char *fl, *lang = NULL, *base = NULL;
	size_t i, first = 0, nsrc = 0;
	int d, rc = -1;

	for (d = 0; d < 2 && !base; d++) {
		first = pkg_lower(im->p, dirs[d]);
		if (first < im->p->nfiles && starts_with(im->p->files[first].path, dirs[d]))
			base = dirs[d];
	}
	if (!im->custom) {
		if (base)
			warn(im, "%s is not used: validation is default", base);
		c = kattis_checker_from_flags(ytext(im->yaml, "validator_flags"), e, sizeof(e));
		if (!c)
			return fail(im->err, im->errlen, "problem.yaml: %s", e);
		json_object_object_add(im->doc, "checker", c);
		return 0;
	}
	if (!base)
		return fail(im->err, im->errlen,
			    "validation is custom but there is no output_validators/ directory");
	/* legacy: each entry of output_validators/ is a program; 2023-07: the directory is one */
	if (!strcmp(base, "output_validators/")) {
		const char *p0 = im->p->files[first].path + strlen(base);
		size_t plen = strcspn(p0, "/");

		for (i = first; i < im->p->nfiles && starts_with(im->p->files[i].path, base); i++) {
			const char *pi = im->p->files[i].path + strlen(base);

			if (strncmp(pi, p0, plen) || (pi[plen] != '/' && pi[plen] != '\0')) {
				fail(im->err, im->errlen,
				     "several output validators are not supported (%.*s and %.*s)",
				     (int)plen, p0, (int)strcspn(pi, "/"), pi);
				goto out;
			}
		}
		snprintf(prog, sizeof(prog), "%s%.*s%s", base, (int)plen, p0, p0[plen] ? "/" : "");
	} else {
		snprintf(prog, sizeof(prog), "%s", base);
	}
	for (i = pkg_lower(im->p, prog); i < im->p->nfiles; i++) {
		const struct pkg_file *f = &im->p->files[i];
		const char *name;

		if (!strcmp(f->path, prog) || !ends_with(prog, "/")) {
			/* a single-file program */
			if (strcmp(f->path, prog))
				break;
			name = f->path;
		} else if (!starts_with(f->path, prog)) {
			break;
		} else {
			name = f->path + strlen(prog);
		}
		if (!strcmp(name, "build") || !strcmp(name, "run")) {
			fail(im->err, im->errlen,
			     "%s: an output validator with build/run scripts is not supported",
			     prog);
			goto out;
		}
		if (source_lang(name)) {
			nsrc++;
			main_src = f;
			lang = source_lang(name);
		} else if (!is_header(name)) {
			if (ends_with(name, ".java") || ends_with(name, ".kt") ||
			    ends_with(name, ".rs") || ends_with(name, ".go") ||
			    ends_with(name, ".js") || ends_with(name, ".cs")) {
				fail(im->err, im->errlen,
				     "%s: output validators in C, C++ or Python only", f->path);
				goto out;
			}
			warn(im, "%s is not part of the output validator's source: ignored",
			     f->path);
		}
		if (!ends_with(prog, "/"))
			break;
	}
	if (nsrc == 0) {
		fail(im->err, im->errlen, "%s: no C, C++ or Python source for the output validator",
		     prog);
		goto out;
	}
	if (nsrc > 1) {
		fail(im->err, im->errlen,
		     "%s: validator with several source files is not supported", prog);
		goto out;
	}
	if (text_ok(im, main_src, JUDGE_MAX_CODE) < 0)
		goto out;
	if (strcmp(lang, "python")) {
		const char *slash = strrchr(main_src->path, '/');
		char dir[PKG_MAX_PATH + 1];

		snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - main_src->path + 1) : 0,
			 main_src->path);
		if (strbuf_addstr(&seen, "|") < 0 ||
		    inline_headers(im, dir, main_src, &code, &seen, 0) < 0)
			goto out;
	} else if (strbuf_add(&code, main_src->data, main_src->len) < 0) {
		fail(im->err, im->errlen, "out of memory");
		goto out;
	}
	if (code.len > JUDGE_MAX_CODE) {
		fail(im->err, im->errlen, "%s: the output validator is over %u bytes", prog,
		     JUDGE_MAX_CODE);
		goto out;
	}
	fl = custom_flags(im, &flags);
	c = json_object_new_object();
	json_object_object_add(c, "type",
	                       json_object_new_string(im->interactive ? "interactive" : "custom"));
	json_object_object_add(c, "language", json_object_new_string(lang));
	json_object_object_add(c, "code", json_object_new_string_len(code.buf, (int)code.len));
	json_object_object_add(c, "flags", json_object_new_string(fl));
	json_object_object_add(im->doc, "checker", c);
	rc = 0;
out:
	strbuf_release(&flags);
	strbuf_release(&code);
	strbuf_release(&seen);
	return rc;
}

/* ---- test data ---- */

struct child {
	char *name;
	bool dir;
};

static int child_cmp(const void *a, const void *b)
{
	return strcmp(((const struct child *)a)->name, ((const struct child *)b)->name);
}

static void children_free(struct child *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}

/* The test cases (by their .in) and the directories directly in dir, in Kattis order. */
static int list_children(struct imp *im, const char *dir, struct child **out, size_t *nout)
{
	char prefix[PKG_MAX_PATH + 2];
	struct child *c = NULL;
	size_t i, n = 0, alloc = 0, plen;

	snprintf(prefix, sizeof(prefix), "%s/", dir);
	plen = strlen(prefix);
	for (i = pkg_lower(im->p, prefix); i < im->p->nfiles; i++) {
		const char *path = im->p->files[i].path, *rest, *slash;
		size_t len;
		bool isdir;

		if (strncmp(path, prefix, plen))
			break;
		rest = path + plen;
		slash = strchr(rest, '/');
		isdir = slash != NULL;
		if (isdir)
			len = (size_t)(slash - rest);
		else if (ends_with(rest, ".in"))
			len = strlen(rest) - 3;
		else
			continue;
		if (isdir && n && c[n - 1].dir && strlen(c[n - 1].name) == len &&
		    !strncmp(c[n - 1].name, rest, len))
			continue;
		if (n == alloc) {
			size_t na = alloc ? alloc * 2 : 16;
			struct child *nc = realloc(c, na * sizeof(*nc));

			if (!nc)
				goto oom;
			c = nc;
			alloc = na;
		}
		c[n].name = strndup(rest, len);
		c[n].dir = isdir;
		if (!c[n].name)
			goto oom;
		n++;
	}
	if (n)
		qsort(c, n, sizeof(*c), child_cmp);
	*out = c;
	*nout = n;
	return 0;
oom:
	children_free(c, n);
	return fail(im->err, im->errlen, "out of memory");
}

static struct grp *group_get(struct imp *im, const char *name, bool sample, struct json_object *own,
			     struct json_object *eff)
{
	struct grp *g;
	size_t i;

	for (i = 0; i < im->ng; i++)
		if (!strcmp(im->g[i].name, name))
			return &im->g[i];
	g = grp_new(&im->g, &im->ng, &im->galloc, name);
	if (!g)
		return NULL;
	g->sample = sample;
	g->own = json_object_get(own);
	g->eff = json_object_get(eff);
	g->per_test = -1;
	return g;
}

static int add_test(struct imp *im, struct grp *g, const char *dir, const char *base, bool sample)
{
	const struct pkg_file *in, *ans, *inter;
	struct json_object *t;
	char path[PKG_MAX_PATH + 16];

	if (im->ntests >= JUDGE_MAX_TESTS)
		return fail(im->err, im->errlen,
			    "the package has more than %d test cases, the most a question holds",
			    JUDGE_MAX_TESTS);
	snprintf(path, sizeof(path), "%s/%s.in", dir, base);
	in = pkg_find(im->p, path);
	snprintf(path, sizeof(path), "%s/%s.ans", dir, base);
	ans = pkg_find(im->p, path);
	if (!ans)
		return fail(im->err, im->errlen, "%s/%s.in has no %s.ans", dir, base, base);
	if (text_ok(im, in, JUDGE_MAX_IO) < 0 || text_ok(im, ans, JUDGE_MAX_IO) < 0)
		return -1;
	t = json_object_new_object();
	if (!t)
		return fail(im->err, im->errlen, "out of memory");
	snprintf(path, sizeof(path), "%s/%s", dir + strlen("data/"), base);
	json_object_object_add(t, "name", json_object_new_string(path));
	json_object_object_add(t, "group", json_object_new_string(g->name));
	json_object_object_add(t, "input", json_object_new_string_len(in->data, (int)in->len));
	json_object_object_add(t, "expected_output",
			       json_object_new_string_len(ans->data, (int)ans->len));
	json_object_object_add(t, "is_sample", json_object_new_boolean(sample));
	json_object_object_add(t, "points", json_object_new_int(0));
	snprintf(path, sizeof(path), "%s/%s.interaction", dir, base);
	if (sample && (inter = pkg_find(im->p, path))) {
		if (text_ok(im, inter, JUDGE_MAX_IO) < 0) {
			json_object_put(t);
			return -1;
		}
		json_object_object_add(t, "interaction",
				       json_object_new_string_len(inter->data, (int)inter->len));
	}
	json_object_array_add(im->tests, t);
	json_object_array_add(g->tests, json_object_get(t));
	im->ntests++;
	return 0;
}

/*
 * The tests under dir.  A secret directory is its own group (named gname);
 * every sample directory belongs to "sample", whose settings are data/sample's.
 */
static int walk_tests(struct imp *im, const char *dir, const char *gname,
		      struct json_object *inherited, bool sample, struct json_object *gown,
		      struct json_object *geff, int depth)
{
	struct json_object *own = NULL, *eff;
	struct child *c = NULL;
	size_t i, n = 0;
	char path[PKG_MAX_PATH + 32];
	int rc = 0;

	if (depth > PKG_MAX_DEPTH)
		return fail(im->err, im->errlen, "%s: nested too deep", dir);
	snprintf(path, sizeof(path), "%s/testdata.yaml", dir);
	if (load_yaml(im, path, &own) < 0)
		return -1;
	if (!own) {
		snprintf(path, sizeof(path), "%s/test_group.yaml", dir);
		if (load_yaml(im, path, &own) < 0)
			return -1;
	}
	eff = own ? own : inherited;
	if (!sample || !gown) {
		gown = own;
		geff = eff;
	}
	if (list_children(im, dir, &c, &n) < 0) {
		json_object_put(own);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (c[i].dir) {
			char sub[PKG_MAX_PATH + 2], subg[PKG_MAX_PATH + 2];

			snprintf(sub, sizeof(sub), "%s/%s", dir, c[i].name);
			snprintf(subg, sizeof(subg), "%s/%s", gname, c[i].name);
			rc = walk_tests(im, sub, sample ? "sample" : subg, eff, sample,
					sample ? gown : NULL, sample ? geff : NULL, depth + 1);
		} else {
			struct grp *g = group_get(im, gname, sample, gown, geff);

			rc = g ? add_test(im, g, dir, c[i].name, sample)
			       : fail(im->err, im->errlen, "out of memory");
		}
	}
	children_free(c, n);
	json_object_put(own);
	return rc;
}

/* Sample .interaction files without a test: extra protocols for the statement. */
static int read_interactions(struct imp *im)
{
	size_t i;

	for (i = pkg_lower(im->p, "data/sample/"); i < im->p->nfiles; i++) {
		const struct pkg_file *f = &im->p->files[i];
		char in[PKG_MAX_PATH + 8];
		struct json_object *o;
		size_t n = strlen(f->path) - strlen(".interaction");

		if (!starts_with(f->path, "data/sample/"))
			break;
		if (!ends_with(f->path, ".interaction"))
			continue;
		snprintf(in, sizeof(in), "%.*s.in", (int)n, f->path);
		if (pkg_find(im->p, in))
			continue;
		if (text_ok(im, f, JUDGE_MAX_IO) < 0)
			return -1;
		if (!im->interactions) {
			im->interactions = json_object_new_array();
			json_object_object_add(im->pk, "interactions", im->interactions);
		}
		o = json_object_new_object();
		json_object_object_add(o, "name",
		                       json_object_new_string_len(f->path + 5, (int)n - 5));
		json_object_object_add(o, "text", json_object_new_string_len(f->data, (int)f->len));
		json_object_array_add(im->interactions, o);
	}
	return 0;
}

/* A group's settings from its testdata.yaml. */
static int group_settings(struct imp *im, struct grp *g)
{
	struct json_object *sc = yget(g->own, "scoring"), *sv, *rp;
	const char *s;
	double v;

	if (sc && !json_object_is_type(sc, json_type_object))
		sc = NULL;
	g->stop = true;
	if ((s = ytext(g->eff, "on_reject"))) {
		if (!strcmp(s, "continue"))
			g->stop = false;
		else if (strcmp(s, "break"))
			warn(im,
			     "data/%s: on_reject '%.20s' is not break or continue: break is used",
			     g->name, s);
	}
	if (g->sample)
		return 0;
	if ((s = ytext(sc, "aggregation"))) {
		g->has_rule = true;
		if (!strcmp(s, "pass-fail"))
			g->rule = RULE_ALL;
		else if (!strcmp(s, "sum"))
			g->rule = RULE_SUM;
		else if (!strcmp(s, "min"))
			g->rule = RULE_MIN;
		else {
			warn(im, "data/%s: aggregation '%.20s' is not supported", g->name, s);
			g->has_rule = false;
		}
	} else if ((s = ytext(g->eff, "grader_flags"))) {
		while (*s) {
			const char *w;
			size_t n = next_word(&s, &w);

			if (n == 3 && !strncmp(w, "all", 3))
				g->rule = RULE_ALL, g->has_rule = true;
			else if (n == 3 && !strncmp(w, "sum", 3))
				g->rule = RULE_SUM, g->has_rule = true;
			else if (n == 3 && !strncmp(w, "min", 3))
				g->rule = RULE_MIN, g->has_rule = true;
			else if (n == 3 && (!strncmp(w, "avg", 3) || !strncmp(w, "max", 3))) {
				warn(im, "data/%s: grader flag '%.3s' is read as sum", g->name, w);
				g->rule = RULE_SUM, g->has_rule = true;
			}
		}
	}
	sv = sc ? yget(sc, "score") : NULL;
	if (!sv)
		sv = yget(g->own, "score");
	if (sv) {
		const char *t = json_object_get_string(sv);
		struct json_object *tmp = json_object_new_object();

		json_object_object_add(tmp, "v", json_object_get(sv));
		if (ynum(tmp, "v", &v) == 0 && v >= 0 && v <= MAX_GROUP_POINTS && v == floor(v)) {
			g->score = (long long)v;
			g->has_score = true;
		} else {
			warn(im, "data/%s: score '%.20s' ignored (a whole number up to %d)",
			     g->name, t ? t : "", MAX_GROUP_POINTS);
		}
		json_object_put(tmp);
	}
	if (ynum(g->eff, "accept_score", &v) == 0) {
		g->accept = v;
		g->has_accept = true;
	}
	rp = sc ? yget(sc, "require_pass") : NULL;
	if (!rp)
		rp = yget(g->own, "require_pass");
	if (rp) {
		size_t i,
		    n = json_object_is_type(rp, json_type_array) ? json_object_array_length(rp) : 1;

		for (i = 0; i < n; i++) {
			struct json_object *e = json_object_is_type(rp, json_type_array)
							? json_object_array_get_idx(rp, i)
							: rp;
			const char *name = e ? json_object_get_string(e) : NULL;

			if (name)
				json_object_array_add(g->depends, json_object_new_string(name));
		}
	}
	return 0;
}

/*
 * Rules and points of every group from its settings (TEST DATA in kattis.h).
 * Used by import, and by export to learn what import would make of a package.
 */
static int derive(struct grp *g, size_t ng, bool scoring, bool legacy, struct imp *im, char *err,
		  size_t errlen)
{
	long long used = 0, left;
	size_t i, open = 0, k = 0;

	for (i = 0; i < ng; i++) {
		size_t n = json_object_array_length(g[i].tests);

		g[i].per_test = -1;
		g[i].points = -1;
		if (g[i].sample) {
			g[i].rule = RULE_ALL;
			g[i].points = 0;
			continue;
		}
		if (!g[i].has_rule)
			g[i].rule = scoring && (legacy || !strcmp(g[i].name, "secret")) ? RULE_SUM
											 : RULE_ALL;
		if (g[i].has_score) {
			g[i].points = g[i].score;
		} else if (scoring && legacy) {
			double a = g[i].has_accept ? g[i].accept : 1;

			if (a < 0 || a > MAX_TEST_POINTS)
				return fail(err, errlen,
				            "data/%s: accept_score %g is outside 0..%d", g[i].name,
				            a, MAX_TEST_POINTS);
			if (a != floor(a) && im)
				warn(im, "data/%s: accept_score %g is rounded to %lld", g[i].name,
				     a, llround(a));
			if (g[i].rule == RULE_SUM) {
				g[i].per_test = llround(a);
				g[i].points = g[i].per_test * (long long)n;
			} else {
				g[i].points = llround(a);
			}
		} else {
			open++;
			continue;
		}
		used += g[i].points;
	}
	left = used < SECRET_POINTS ? SECRET_POINTS - used : 0;
	for (i = 0; i < ng; i++) {
		if (g[i].points >= 0)
			continue;
		g[i].points =
		    left / (long long)open + ((long long)k < left % (long long)open ? 1 : 0);
		k++;
	}
	for (i = 0; i < ng; i++) {
		size_t n = json_object_array_length(g[i].tests);
		long long most = g[i].per_test >= 0 ? g[i].per_test
			       : n ? (g[i].points + (long long)n - 1) / (long long)n : 0;

		if (g[i].points > MAX_GROUP_POINTS)
			return fail(err, errlen, "data/%s: %lld points, more than %d", g[i].name,
				    g[i].points, MAX_GROUP_POINTS);
		if (most > MAX_TEST_POINTS)
			return fail(err, errlen, "data/%s: %lld points for one test, more than %d",
				    g[i].name, most, MAX_TEST_POINTS);
	}
	return 0;
}

/* Points of test i of n in g. */
static long long test_points(const struct grp *g, size_t i, size_t n)
{
	if (g->per_test >= 0)
		return g->per_test;
	return g->points / (long long)n + ((long long)i < g->points % (long long)n ? 1 : 0);
}

static int read_tests(struct imp *im)
{
	struct json_object *root = NULL, *groups;
	size_t i, j;

	if (load_yaml(im, "data/testdata.yaml", &root) < 0)
		return -1;
	if (!root && load_yaml(im, "data/test_group.yaml", &root) < 0)
		return -1;
	if (walk_tests(im, "data/sample", "sample", root, true, NULL, NULL, 0) < 0 ||
	    walk_tests(im, "data/secret", "secret", root, false, NULL, NULL, 0) < 0) {
		json_object_put(root);
		return -1;
	}
	json_object_put(root);
	if (im->ng == 0 || (im->ng == 1 && im->g[0].sample))
		return fail(im->err, im->errlen, "no test cases in data/secret");
	if (read_interactions(im) < 0)
		return -1;
	for (i = 0; i < im->ng; i++)
		if (group_settings(im, &im->g[i]) < 0)
			return -1;
	if (derive(im->g, im->ng, im->scoring, im->legacy, im, im->err, im->errlen) < 0)
		return -1;
	groups = json_object_new_array();
	json_object_object_add(im->doc, "groups", groups);
	for (i = 0; i < im->ng; i++) {
		struct grp *g = &im->g[i];
		struct json_object *o = json_object_new_object(), *deps = json_object_new_array();
		size_t n = json_object_array_length(g->tests);

		for (j = 0; j < json_object_array_length(g->depends); j++) {
			const char *d =
			    json_object_get_string(json_object_array_get_idx(g->depends, j));
			size_t k;

			for (k = 0; k < im->ng && strcmp(im->g[k].name, d); k++)
				;
			if (k < im->ng && k != i)
				json_object_array_add(deps, json_object_new_string(d));
			else
				warn(im,
				     "data/%s: require_pass '%.60s' is not another group: ignored",
				     g->name, d);
		}
		json_object_object_add(o, "name", json_object_new_string(g->name));
		json_object_object_add(o, "points", json_object_new_int64(g->points));
		json_object_object_add(o, "rule", json_object_new_string(rule_names[g->rule]));
		json_object_object_add(o, "depends_on", deps);
		json_object_object_add(o, "stop_on_failure", json_object_new_boolean(g->stop));
		json_object_array_add(groups, o);
		for (j = 0; j < n; j++)
			json_object_object_add(json_object_array_get_idx(g->tests, j), "points",
					       json_object_new_int64(test_points(g, j, n)));
	}
	return 0;
}

/* ---- references ---- */

static const struct {
	const char *dir, *expected;
} verdict_dirs[] = {
	{ "accepted", "accepted" },
	{ "wrong_answer", "wrong_answer" },
	{ "time_limit_exceeded", "time_limit_exceeded" },
	{ "run_time_error", "runtime_error" },
	{ "memory_limit_exceeded", "memory_limit_exceeded" },
	{ "output_limit_exceeded", "output_limit_exceeded" },
};

static const struct {
	const char *ext, *lang;
} lang_exts[] = {
	{ ".py", "python" }, { ".java", "java" }, { ".cpp", "cpp" }, { ".cc", "cpp" },
	{ ".cxx", "cpp" }, { ".c++", "cpp" }, { ".c", "c" }, { ".js", "javascript" },
	{ ".cs", "csharp" },
};

static const char *ref_lang(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(lang_exts) / sizeof(lang_exts[0]); i++)
		if (ends_with(name, lang_exts[i].ext))
			return lang_exts[i].lang;
	return NULL;
}

static int read_references(struct imp *im)
{
	struct json_object *refs = json_object_new_array();
	const char *base = "submissions/";
	size_t i = pkg_lower(im->p, base), blen = strlen(base);
	char last_bad[256] = "";

	json_object_object_add(im->doc, "references", refs);
	while (i < im->p->nfiles && starts_with(im->p->files[i].path, base)) {
		const char *rest = im->p->files[i].path + blen, *vd = NULL, *expected = NULL;
		size_t dlen = strcspn(rest, "/"), elen, j, k, nsrc = 0;
		const struct pkg_file *src = NULL;
		struct json_object *o;
		const char *lang;

		if (!rest[dlen]) {	/* submissions.yaml and the like */
			i++;
			continue;
		}
		for (k = 0; k < sizeof(verdict_dirs) / sizeof(verdict_dirs[0]); k++)
			if (strlen(verdict_dirs[k].dir) == dlen &&
			    !strncmp(rest, verdict_dirs[k].dir, dlen)) {
				vd = verdict_dirs[k].dir;
				expected = verdict_dirs[k].expected;
			}
		/* one submission: a file, or a directory, directly in the verdict's directory */
		elen = dlen + 1 + strcspn(rest + dlen + 1, "/");
		for (j = i; j < im->p->nfiles && starts_with(im->p->files[j].path, base) &&
			    !strncmp(im->p->files[j].path + blen, rest, elen) &&
			    (im->p->files[j].path[blen + elen] == '/' ||
			     im->p->files[j].path[blen + elen] == '\0');
		     j++) {
			if (ref_lang(im->p->files[j].path)) {
				nsrc++;
				src = &im->p->files[j];
			}
		}
		if (!vd) {
			if (strncmp(last_bad, rest, dlen) || last_bad[dlen]) {
				snprintf(last_bad, sizeof(last_bad), "%.*s", (int)dlen, rest);
				warn(im, "submissions/%.*s/ is skipped: not a verdict checked here",
				     (int)dlen, rest);
			}
			i = j;
			continue;
		}
		lang = src ? ref_lang(src->path) : NULL;
		if (nsrc != 1) {
			warn(im, "submissions/%.*s is skipped: %s", (int)elen, rest,
			     nsrc ? "several source files" : "not in a supported language");
		} else if (src->len > JUDGE_MAX_CODE || memchr(src->data, '\0', src->len) ||
			   !utf8_valid(src->data, src->len)) {
			warn(im, "%s is skipped: not UTF-8 text of at most %u bytes", src->path,
			     JUDGE_MAX_CODE);
		} else {
			o = json_object_new_object();
			json_object_object_add(o, "name", json_object_new_string(src->path + blen));
			json_object_object_add(o, "language", json_object_new_string(lang));
			json_object_object_add(
			    o, "code", json_object_new_string_len(src->data, (int)src->len));
			json_object_object_add(o, "expected", json_object_new_string(expected));
			json_object_array_add(refs, o);
		}
		i = j;
	}
	return 0;
}

static void other_parts(struct imp *im)
{
	static const struct {
		const char *dir, *what;
	} parts[] = {
		{ "include/", "included code (include/) is not supported" },
		{ "graders/", "custom graders (graders/) are not supported" },
		{ "attachments/", "attachments/ are not imported" },
		{ "static_validator/", "static validators are not supported" },
	};
	size_t k;

	for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++)
		if (has_dir(im->p, parts[k].dir))
			warn(im, "%s", parts[k].what);
}

/*
 * Our extension: a function-signature question keeps its signature's text
 * form in signature.txt at the package's root (its tests' .in are JSON
 * objects of the params, its .ans JSON values).
 */
static int read_signature(struct imp *im)
{
	const struct pkg_file *f = pkg_find(im->p, "signature.txt");
	struct signature sig;
	char e[256];

	if (!f)
		return 0;
	if (sig_parse_text(f->data, f->len, &sig, e, sizeof(e)) < 0)
		return fail(im->err, im->errlen, "signature.txt: %s", e);
	json_object_object_add(im->doc, "signature", sig_json(&sig));
	return 0;
}

struct json_object *kattis_import(const struct pkg *p, char *err, size_t errlen)
{
	struct imp im = { .p = p, .err = err, .errlen = errlen };
	struct json_object *doc = NULL;
	char *tex_title = NULL;

	im.doc = json_object_new_object();
	im.pk = json_object_new_object();
	im.warnings = json_object_new_array();
	im.tests = json_object_new_array();
	if (!im.doc || !im.pk || !im.warnings || !im.tests) {
		fail(err, errlen, "out of memory");
		goto out;
	}
	if (!pkg_find(p, "problem.yaml")) {
		fail(err, errlen, "not a problem package: no problem.yaml at its root");
		goto out;
	}
	if (load_yaml(&im, "problem.yaml", &im.yaml) < 0)
		goto out;
	if (read_kind(&im) < 0 || read_names(&im) < 0 || read_limits(&im) < 0 ||
	    read_statement(&im, &tex_title) < 0 || read_checker(&im) < 0 || read_tests(&im) < 0 ||
	    read_references(&im) < 0 || read_signature(&im) < 0)
		goto out;
	if (!yget(im.doc, "title")) {
		const char *t = tex_title && *tex_title ? tex_title
		                : p->name               ? p->name
		                                        : "Untitled";
		char *w = tex_title, *r;

		/* a title is plain text: the Markdown marks of \emph and the like go */
		for (r = tex_title; r && *r; r++)
			if (*r != '*' && *r != '`' && *r != '\\')
				*w++ = *r;
		if (w)
			*w = '\0';
		json_object_object_add(
		    im.doc, "title",
		    json_object_new_string_len(t, (int)utf8_cut(t, strlen(t), MAX_TITLE)));
	}
	other_parts(&im);
	json_object_object_add(im.doc, "test_cases", json_object_get(im.tests));
	json_object_object_add(im.doc, "package", json_object_get(im.pk));
	json_object_object_add(im.doc, "warnings", json_object_get(im.warnings));
	doc = json_object_get(im.doc);
out:
	free(tex_title);
	grp_release(im.g, im.ng);
	json_object_put(im.yaml);
	json_object_put(im.tests);
	json_object_put(im.pk);
	json_object_put(im.warnings);
	json_object_put(im.doc);
	return doc;
}

/* ---- export ---- */

struct exp {
	struct json_object *doc, *pk;
	struct pkg *out;
	struct grp *g;
	size_t ng, galloc;
	bool scoring;
	char *err;
	size_t errlen;
};

/* One test on its way out. */
struct etest {
	struct json_object *t;
	struct grp *g;
	char *base;	/* the file name without extension, below the group's directory */
};

static enum pkg_err bad(struct exp *ex, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static enum pkg_err bad(struct exp *ex, const char *fmt, ...)
{
	va_list ap;

	if (ex->err && ex->errlen) {
		va_start(ap, fmt);
		vsnprintf(ex->err, ex->errlen, fmt, ap);
		va_end(ap);
	}
	return PKG_INVALID;
}

static enum pkg_err nomem(struct exp *ex)
{
	fail(ex->err, ex->errlen, "out of memory");
	return PKG_NOMEM;
}

/* A file or directory name Kattis accepts (and this module writes). */
static bool safe_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 100 || s[0] == '.')
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-' && s[i] != '.')
			return false;
	return true;
}

/* Every '/'-separated component of s is a safe name (at most max of them). */
static bool safe_path(const char *s, int max)
{
	int k = 0;

	while (*s) {
		size_t n = strcspn(s, "/");

		if (!safe_name(s, n) || ++k > max)
			return false;
		s += n;
		if (*s == '/' && !*++s)
			return false;
	}
	return k > 0;
}

/* s made a safe name into out ('/' too becomes '-'). */
static int sanitise(const char *s, size_t n, struct strbuf *out)
{
	size_t i, start = out->len;

	for (i = 0; i < n && out->len - start < 100; i++) {
		char c = s[i];

		if (c == '/')
			c = '-';
		else if (!isalnum((unsigned char)c) && c != '_' && c != '-' && c != '.')
			c = '_';
		if (out->len == start && c == '.')
			c = '_';
		if (strbuf_add(out, &c, 1) < 0)
			return -1;
	}
	if (out->len == start)
		return strbuf_addstr(out, "t");
	return 0;
}

/* Kattis order of two paths: component by component. */
static int kattis_cmp(const char *a, const char *b)
{
	while (*a || *b) {
		size_t na = strcspn(a, "/"), nb = strcspn(b, "/"), n = na < nb ? na : nb;
		int c = memcmp(a, b, n);

		if (c)
			return c;
		if (na != nb)
			return na < nb ? -1 : 1;
		a += na;
		b += nb;
		if (*a)
			a++;
		if (*b)
			b++;
	}
	return 0;
}

static struct grp *exp_group(struct exp *ex, const char *name)
{
	struct grp *g;
	size_t i;

	for (i = 0; i < ex->ng; i++)
		if (!strcmp(ex->g[i].name, name))
			return &ex->g[i];
	g = grp_new(&ex->g, &ex->ng, &ex->galloc, name);
	if (!g)
		return NULL;
	g->sample = !strcmp(name, "sample");
	g->rule = g->sample ? RULE_ALL : RULE_SUM;
	g->stop = true;
	g->points = -1;	/* not given: the sum of its tests' points */
	return g;
}

/* The document's groups array into ex->g. */
static enum pkg_err read_groups(struct exp *ex)
{
	struct json_object *arr = NULL;
	char e[300];
	size_t i, j, n;

	if (jsonh_get(ex->doc, "groups", json_type_array, &arr, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	n = arr ? json_object_array_length(arr) : 0;
	if (n > JUDGE_MAX_TESTS)
		return bad(ex, "at most %d groups", JUDGE_MAX_TESTS);
	for (i = 0; i < n; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i), *deps = NULL;
		const char *name = NULL, *rule = NULL;
		long long pts = -1;
		bool stop = true;
		struct grp *g;

		if (!json_object_is_type(o, json_type_object))
			return bad(ex, "groups[%zu] must be an object", i);
		if (dstr(o, "name", 200, &name, e, sizeof(e)) != 0 || !*name)
			return bad(ex, "groups[%zu].name must be a non-empty string", i);
		if (jsonh_int(o, "points", 0, MAX_GROUP_POINTS, &pts, e, sizeof(e)) < 0 ||
		    dstr(o, "rule", 8, &rule, e, sizeof(e)) < 0 ||
		    jsonh_bool(o, "stop_on_failure", &stop, e, sizeof(e)) < 0 ||
		    jsonh_get(o, "depends_on", json_type_array, &deps, e, sizeof(e)) < 0)
			return bad(ex, "groups[%zu]: %s", i, e);
		for (j = 0; j < ex->ng; j++)
			if (!strcmp(ex->g[j].name, name))
				return bad(ex, "groups[%zu]: a second group named '%s'", i, name);
		g = exp_group(ex, name);
		if (!g)
			return nomem(ex);
		if (rule) {
			for (j = 0; j < 3 && strcmp(rule, rule_names[j]); j++)
				;
			if (j == 3)
				return bad(ex, "groups[%zu].rule must be all, sum or min", i);
			g->rule = (enum rule)j;
		}
		g->points = pts;
		g->stop = stop;
		for (j = 0; deps && j < json_object_array_length(deps); j++) {
			struct json_object *d = json_object_array_get_idx(deps, j);

			if (!json_object_is_type(d, json_type_string))
				return bad(ex, "groups[%zu].depends_on must hold names", i);
			json_object_array_add(g->depends, json_object_get(d));
		}
	}
	return PKG_OK;
}

/* Each group's directory: data/sample, data/secret[/...], or a new one under data/secret/. */
static enum pkg_err group_dirs(struct exp *ex)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, j;
	int k;

	for (i = 0; i < ex->ng; i++) {
		struct grp *g = &ex->g[i];
		const char *nm = g->name;

		strbuf_reset(&sb);
		if (g->sample) {
			if (strbuf_addstr(&sb, "data/sample") < 0)
				goto oom;
		} else if (!strcmp(nm, "secret") ||
			   (starts_with(nm, "secret/") && safe_path(nm + 7, PKG_MAX_DEPTH - 4))) {
			if (strbuf_addf(&sb, "data/%s", nm) < 0)
				goto oom;
		} else if (strbuf_addstr(&sb, "data/secret/") < 0 ||
		           sanitise(nm, strlen(nm), &sb) < 0) {
			goto oom;
		}
		/* two names made the same directory: number the later one */
		for (k = 2;; k++) {
			for (j = 0; j < i && strcmp(ex->g[j].dir, sb.buf); j++)
				;
			if (j == i)
				break;
			if (k > 2)
				strbuf_setlen(&sb, strrchr(sb.buf, '-') - sb.buf);
			if (strbuf_addf(&sb, "-%d", k) < 0)
				goto oom;
		}
		g->dir = strdup(sb.buf);
		if (!g->dir)
			goto oom;
	}
	strbuf_release(&sb);
	return PKG_OK;
oom:
	strbuf_release(&sb);
	return nomem(ex);
}

/* The file base of each test; numbered when names would sort out of order or clash. */
static enum pkg_err test_bases(struct exp *ex, struct etest *et, size_t nt)
{
	struct strbuf sb = STRBUF_INIT;
	bool renumber = false;
	size_t i, j;

	for (i = 0; i < nt; i++) {
		const char *name = NULL, *gn = et[i].g->sample ? "sample" : et[i].g->name;
		size_t gl = strlen(gn);
		char e[100];

		strbuf_reset(&sb);
		dstr(et[i].t, "name", PKG_MAX_PATH, &name, e, sizeof(e));
		if (name && !strncmp(name, gn, gl) && name[gl] == '/' &&
		    safe_path(name + gl + 1, et[i].g->sample ? 4 : 1)) {
			if (strbuf_addstr(&sb, name + gl + 1) < 0)
				goto oom;
		} else if (name && *name) {
			const char *last = strrchr(name, '/');

			last = last ? last + 1 : name;
			if (sanitise(last, strlen(last), &sb) < 0)
				goto oom;
		} else if (strbuf_addf(&sb, "%03zu", i + 1) < 0) {
			goto oom;
		}
		et[i].base = strbuf_detach(&sb, NULL);
		if (!et[i].base)
			goto oom;
	}
	/* within a group, files must sort as the tests are ordered, and differ */
	for (i = 0; i < nt && !renumber; i++)
		for (j = i + 1; j < nt; j++)
			if (et[j].g == et[i].g) {
				if (kattis_cmp(et[i].base, et[j].base) >= 0)
					renumber = true;
				break;
			}
	for (i = 0; i < nt && !renumber; i++)
		for (j = i + 1; j < nt && !renumber; j++)
			if (et[j].g == et[i].g && !kattis_cmp(et[i].base, et[j].base))
				renumber = true;
	if (renumber) {
		for (i = 0; i < nt; i++) {
			const char *last = strrchr(et[i].base, '/');
			size_t k = 0;

			last = last ? last + 1 : et[i].base;
			for (j = 0; j < i; j++)
				k += et[j].g == et[i].g;
			strbuf_reset(&sb);
			if (strbuf_addf(&sb, "%03zu-", k + 1) < 0 ||
			    sanitise(last, strlen(last), &sb) < 0)
				goto oom;
			free(et[i].base);
			et[i].base = strbuf_detach(&sb, NULL);
			if (!et[i].base)
				goto oom;
		}
	}
	strbuf_release(&sb);
	return PKG_OK;
oom:
	strbuf_release(&sb);
	return nomem(ex);
}

static enum pkg_err add_text(struct exp *ex, const char *path, const char *s, size_t n)
{
	return pkg_add(ex->out, path, s, n, ex->err, ex->errlen);
}

/* The testdata.yaml of each group: what import needs to give the group back. */
static enum pkg_err write_testdata(struct exp *ex)
{
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	struct grp *sim = NULL;
	bool write_score = false;
	enum pkg_err rc = PKG_OK;
	char num[40];
	size_t i, j;

	/* what import would make of the legacy keys alone */
	sim = calloc(ex->ng ? ex->ng : 1, sizeof(*sim));
	if (!sim)
		return nomem(ex);
	for (i = 0; i < ex->ng; i++) {
		struct grp *g = &ex->g[i], *s = &sim[i];
		size_t n = json_object_array_length(g->tests);
		long long a = -1;

		*s = *g;
		s->has_score = false;
		s->has_rule = !(g->rule == RULE_ALL && !ex->scoring);
		s->has_accept = false;
		if (ex->scoring && g->rule != RULE_SUM) {
			s->has_accept = true;
			s->accept = (double)g->points;
		} else if (ex->scoring && n) {
			for (j = 0; j < n; j++) {
				long long p = json_object_get_int64(json_object_object_get(
					json_object_array_get_idx(g->tests, j), "points"));

				if (j == 0)
					a = p;
				else if (p != a)
					a = -1;
			}
			if (a >= 0) {
				s->has_accept = true;
				s->accept = (double)a;
			}
		}
	}
	if (derive(sim, ex->ng, ex->scoring, true, NULL, ex->err, ex->errlen) < 0) {
		free(sim);
		return PKG_INVALID;
	}
	for (i = 0; i < ex->ng; i++)
		if (!ex->g[i].sample && sim[i].points != ex->g[i].points)
			write_score = true;
	for (i = 0; i < ex->ng && rc == PKG_OK; i++) {
		struct grp *g = &ex->g[i];
		size_t nd = json_object_array_length(g->depends);

		if (!json_object_array_length(g->tests))
			continue;
		strbuf_reset(&sb);
		strbuf_reset(&path);
		if (g->sample) {
			if (g->stop)
				continue;
			if (strbuf_addstr(&sb, "on_reject: continue\n") < 0)
				goto oom;
		} else {
			if (strbuf_addf(&sb, "on_reject: %s\n", g->stop ? "break" : "continue") <
			        0 ||
			    (sim[i].has_rule &&
			     strbuf_addf(&sb, "grader_flags: %s\n", rule_names[g->rule]) < 0))
				goto oom;
			if (sim[i].has_accept) {
				fmt_num(sim[i].accept, num, sizeof(num));
				if (strbuf_addf(&sb, "accept_score: %s\n", num) < 0)
					goto oom;
			}
			if (write_score && strbuf_addf(&sb, "score: %lld\n", g->points) < 0)
				goto oom;
			if (nd && strbuf_addstr(&sb, "require_pass: [") < 0)
				goto oom;
			for (j = 0; j < nd; j++) {
				const char *d = json_object_get_string(
				    json_object_array_get_idx(g->depends, j));
				size_t k;

				/* a group renamed on the way out is named as it will be read back
				 */
				for (k = 0; k < ex->ng && strcmp(ex->g[k].name, d); k++)
					;
				if (k < ex->ng)
					d = ex->g[k].dir + 5;
				if ((j && strbuf_addstr(&sb, ", ") < 0) || yaml_quote(&sb, d) < 0)
					goto oom;
			}
			if (nd && strbuf_addstr(&sb, "]\n") < 0)
				goto oom;
		}
		if (strbuf_addf(&path, "%s/testdata.yaml", g->dir) < 0)
			goto oom;
		rc = add_text(ex, path.buf, sb.buf, sb.len);
	}
	free(sim);
	strbuf_release(&sb);
	strbuf_release(&path);
	return rc;
oom:
	free(sim);
	strbuf_release(&sb);
	strbuf_release(&path);
	return nomem(ex);
}

static enum pkg_err export_tests(struct exp *ex)
{
	struct json_object *arr = NULL;
	struct etest *et = NULL;
	struct strbuf path = STRBUF_INIT;
	enum pkg_err rc;
	char e[300];
	size_t i, nt;

	rc = read_groups(ex);
	if (rc != PKG_OK)
		return rc;
	if (jsonh_get(ex->doc, "test_cases", json_type_array, &arr, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	nt = arr ? json_object_array_length(arr) : 0;
	if (nt > JUDGE_MAX_TESTS)
		return bad(ex, "at most %d test cases", JUDGE_MAX_TESTS);
	et = calloc(nt ? nt : 1, sizeof(*et));
	if (!et)
		return nomem(ex);
	for (i = 0; i < nt; i++) {
		struct json_object *t = json_object_array_get_idx(arr, i);
		const char *s = NULL, *gname = NULL;
		long long pts = 0;
		bool sample = false;

		if (!json_object_is_type(t, json_type_object)) {
			rc = bad(ex, "test_cases[%zu] must be an object", i);
			goto out;
		}
		if (jsonh_str(t, "input", JUDGE_MAX_IO, &s, NULL, e, sizeof(e)) < 0 ||
		    jsonh_str(t, "expected_output", JUDGE_MAX_IO, &s, NULL, e, sizeof(e)) < 0 ||
		    jsonh_str(t, "interaction", JUDGE_MAX_IO, &s, NULL, e, sizeof(e)) < 0 ||
		    jsonh_str(t, "name", PKG_MAX_PATH, &s, NULL, e, sizeof(e)) < 0 ||
		    jsonh_str(t, "group", 200, &gname, NULL, e, sizeof(e)) < 0 ||
		    jsonh_bool(t, "is_sample", &sample, e, sizeof(e)) < 0 ||
		    jsonh_int(t, "points", 0, MAX_TEST_POINTS, &pts, e, sizeof(e)) < 0) {
			rc = bad(ex, "test_cases[%zu]: %s", i, e);
			goto out;
		}
		if (!json_object_object_get_ex(t, "expected_output", NULL)) {
			rc = bad(ex, "test_cases[%zu].expected_output is required", i);
			goto out;
		}
		/* the samples are data/sample, whatever group a test names */
		if (sample)
			gname = "sample";
		else if (!gname || !strcmp(gname, "sample"))
			gname = "secret";
		et[i].t = t;
		et[i].g = exp_group(ex, gname);
		if (!et[i].g) {
			rc = nomem(ex);
			goto out;
		}
	}
	/* exp_group may have moved the array: find each test's group again */
	for (i = 0; i < nt; i++) {
		const char *gname = NULL;
		bool sample = false;
		size_t k;

		jsonh_bool(et[i].t, "is_sample", &sample, e, sizeof(e));
		jsonh_str(et[i].t, "group", 200, &gname, NULL, e, sizeof(e));
		if (sample)
			gname = "sample";
		else if (!gname || !strcmp(gname, "sample"))
			gname = "secret";
		for (k = 0; strcmp(ex->g[k].name, gname); k++)
			;
		et[i].g = &ex->g[k];
		json_object_array_add(et[i].g->tests, json_object_get(et[i].t));
	}
	for (i = 0; i < ex->ng; i++) {
		struct grp *g = &ex->g[i];

		if (g->sample)
			g->points = 0;
		if (g->points < 0) {	/* a group the document does not describe */
			size_t j;

			g->points = 0;
			for (j = 0; j < json_object_array_length(g->tests); j++)
				g->points += json_object_get_int64(json_object_object_get(
					json_object_array_get_idx(g->tests, j), "points"));
			if (g->points > MAX_GROUP_POINTS)
				g->points = MAX_GROUP_POINTS;
		}
	}
	if ((rc = group_dirs(ex)) != PKG_OK || (rc = test_bases(ex, et, nt)) != PKG_OK)
		goto out;
	for (i = 0; i < nt && rc == PKG_OK; i++) {
		static const char *const parts[][2] = { { "input", ".in" },
							 { "expected_output", ".ans" },
							 { "interaction", ".interaction" } };
		size_t k;

		for (k = 0; k < 3 && rc == PKG_OK; k++) {
			struct json_object *v = json_object_object_get(et[i].t, parts[k][0]);

			if (!v && k == 2)
				continue;
			strbuf_reset(&path);
			if (strbuf_addf(&path, "%s/%s%s", et[i].g->dir, et[i].base, parts[k][1]) <
			    0) {
				rc = nomem(ex);
				break;
			}
			rc = add_text(ex, path.buf, v ? json_object_get_string(v) : "",
				      v ? (size_t)json_object_get_string_len(v) : 0);
		}
	}
	if (rc == PKG_OK)
		rc = write_testdata(ex);
out:
	for (i = 0; i < nt; i++)
		free(et[i].base);
	free(et);
	strbuf_release(&path);
	return rc;
}

static const char *lang_ext(const char *lang)
{
	static const struct {
		const char *lang, *ext;
	} m[] = { { "python", ".py" }, { "java", ".java" }, { "cpp", ".cpp" },
		  { "c", ".c" }, { "javascript", ".js" }, { "csharp", ".cs" } };
	size_t i;

	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (!strcmp(m[i].lang, lang))
			return m[i].ext;
	return NULL;
}

static enum pkg_err export_references(struct exp *ex)
{
	struct json_object *arr = NULL;
	struct strbuf path = STRBUF_INIT;
	enum pkg_err rc = PKG_OK;
	char e[300];
	size_t i, k, n;

	if (jsonh_get(ex->doc, "references", json_type_array, &arr, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	n = arr ? json_object_array_length(arr) : 0;
	if (n > MAX_REFERENCES)
		return bad(ex, "at most %d references", MAX_REFERENCES);
	for (i = 0; i < n && rc == PKG_OK; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		const char *name = NULL, *lang = NULL, *code = NULL, *expected = NULL, *vd = NULL,
		           *ext;
		size_t clen = 0;
		int dup;

		if (!json_object_is_type(o, json_type_object))
			return bad(ex, "references[%zu] must be an object", i);
		if (dstr(o, "name", PKG_MAX_PATH, &name, e, sizeof(e)) < 0 ||
		    dstr(o, "language", 16, &lang, e, sizeof(e)) != 0 ||
		    jsonh_str(o, "code", JUDGE_MAX_CODE, &code, &clen, e, sizeof(e)) != 0 ||
		    dstr(o, "expected", 40, &expected, e, sizeof(e)) != 0)
			return bad(
			    ex, "references[%zu]: language, code and expected are required strings",
			    i);
		if (!(ext = lang_ext(lang)))
			return bad(ex, "references[%zu]: unknown language '%s'", i, lang);
		for (k = 0; k < sizeof(verdict_dirs) / sizeof(verdict_dirs[0]); k++)
			if (!strcmp(verdict_dirs[k].expected, expected))
				vd = verdict_dirs[k].dir;
		if (!vd)
			return bad(ex,
			           "references[%zu]: no submissions directory for expected '%s'", i,
			           expected);
		for (dup = 1;; dup++) {
			strbuf_reset(&path);
			if (dup == 1 && name && starts_with(name, vd) && name[strlen(vd)] == '/' &&
			    safe_path(name + strlen(vd) + 1, 2) && ref_lang(name) &&
			    !strcmp(ref_lang(name), lang)) {
				if (strbuf_addf(&path, "submissions/%s", name) < 0)
					goto oom;
			} else {
				const char *last = name ? strrchr(name, '/') : NULL, *dot;
				size_t ln;

				last = last ? last + 1 : name ? name : "";
				dot = strrchr(last, '.');
				ln = dot && dot != last ? (size_t)(dot - last) : strlen(last);
				if (strbuf_addf(&path, "submissions/%s/", vd) < 0 ||
				    sanitise(last, ln ? ln : 0, &path) < 0 ||
				    (dup > 1 && strbuf_addf(&path, "-%d", dup) < 0) ||
				    strbuf_addstr(&path, ext) < 0)
					goto oom;
			}
			if (!pkg_find(ex->out, path.buf))
				break;
		}
		rc = add_text(ex, path.buf, code, clen);
	}
	strbuf_release(&path);
	return rc;
oom:
	strbuf_release(&path);
	return nomem(ex);
}

/* The checker: the validator's file when custom; validation and flags for problem.yaml. */
static enum pkg_err export_checker(struct exp *ex, struct strbuf *validation, struct strbuf *flags)
{
	struct json_object *c = NULL;
	const char *type = NULL, *lang = NULL, *code = NULL, *fl = NULL, *pv = NULL, *ext;
	size_t clen = 0;
	char e[300], path[64];

	if (jsonh_get(ex->doc, "checker", json_type_object, &c, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	if (c && dstr(c, "type", 32, &type, e, sizeof(e)) != 0)
		return bad(ex, "checker.type must be a string");
	if (!c || (strcmp(type, "custom") && strcmp(type, "interactive"))) {
		if (c && kattis_flags_from_checker(c, flags, ex->err, ex->errlen) < 0)
			return PKG_INVALID;
		return strbuf_addstr(validation, "default") < 0 ? nomem(ex) : PKG_OK;
	}
	if (dstr(c, "language", 16, &lang, e, sizeof(e)) != 0 ||
	    jsonh_str(c, "code", JUDGE_MAX_CODE, &code, &clen, e, sizeof(e)) != 0 ||
	    dstr(c, "flags", 4096, &fl, e, sizeof(e)) < 0)
		return bad(ex, "checker: language and code are required strings, flags a string");
	if (!strcmp(lang, "cpp"))
		ext = "cpp";
	else if (!strcmp(lang, "c"))
		ext = "c";
	else if (!strcmp(lang, "python"))
		ext = "py";
	else
		return bad(ex, "checker.language must be cpp, c or python");
	snprintf(path, sizeof(path), "output_validators/validator/validator.%s", ext);
	if (add_text(ex, path, code, clen) != PKG_OK)
		return PKG_INVALID;
	dstr(ex->pk, "validation", 64, &pv, e, sizeof(e));
	if (strbuf_addf(validation, "custom%s%s",
	                !strcmp(type, "interactive") ? " interactive" : "",
	                pv && strstr(pv, "score") ? " score" : "") < 0 ||
	    (fl && strbuf_addstr(flags, fl) < 0))
		return nomem(ex);
	return PKG_OK;
}

static enum pkg_err export_problem_yaml(struct exp *ex, const char *validation, const char *flags)
{
	static const char *const keys[] = { "author", "source", "source_url", "license",
					    "rights_owner", "uuid", NULL };
	struct strbuf sb = STRBUF_INIT, lim = STRBUF_INIT;
	struct json_object *tags = NULL, *tf = NULL;
	const char *title = NULL, *s = NULL, *diff = NULL;
	const char *const *k;
	long long v;
	double d;
	char e[300], num[40];
	enum pkg_err rc;
	size_t i, n;
	bool spaced = false;

	if (dstr(ex->doc, "title", 1000, &title, e, sizeof(e)) != 0 || !*title)
		return bad(ex, "title must be a non-empty string");
	if (strbuf_addstr(&sb, "name: ") < 0 || yaml_quote(&sb, title) < 0 ||
	    strbuf_addstr(&sb, "\n") < 0 ||
	    (ex->scoring && strbuf_addstr(&sb, "type: scoring\n") < 0))
		goto oom;
	for (k = keys; *k; k++) {
		if (dstr(ex->pk, *k, 4096, &s, e, sizeof(e)) < 0)
			return bad(ex, "package.%s must be a string", *k);
		if (s && (strbuf_addf(&sb, "%s: ", *k) < 0 || yaml_quote(&sb, s) < 0 ||
			  strbuf_addstr(&sb, "\n") < 0))
			goto oom;
	}
	if (jsonh_get(ex->doc, "tags", json_type_array, &tags, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	n = tags ? json_object_array_length(tags) : 0;
	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(tags, i);
		const char *ts = json_object_get_string(t);

		if (!json_object_is_type(t, json_type_string) || !*ts)
			return bad(ex, "tags must be non-empty strings");
		for (; *ts; ts++)
			if (isspace((unsigned char)*ts))
				spaced = true;
	}
	if (n) {
		/* the legacy format's keywords are one space-separated string; a list when a tag
		 * has a space */
		for (i = 0; i < n; i++) {
			const char *ts = json_object_get_string(json_object_array_get_idx(tags, i));

			if (spaced ? (strbuf_addstr(&lim, i ? ", " : "") < 0 ||
			              yaml_quote(&lim, ts) < 0)
			           : (strbuf_addstr(&lim, i ? " " : "") < 0 ||
			              strbuf_addstr(&lim, ts) < 0))
				goto oom;
		}
		if (spaced ? strbuf_addf(&sb, "keywords: [%s]\n", lim.buf) < 0
		           : (strbuf_addstr(&sb, "keywords: ") < 0 ||
		              yaml_quote(&sb, lim.buf) < 0 || strbuf_addstr(&sb, "\n") < 0))
			goto oom;
		strbuf_reset(&lim);
	}
	if (dstr(ex->doc, "difficulty", 16, &diff, e, sizeof(e)) < 0 ||
	    (diff && strcmp(diff, "easy") && strcmp(diff, "medium") && strcmp(diff, "hard")))
		return bad(ex, "difficulty must be easy, medium or hard");
	if (diff && strcmp(diff, "medium") && strbuf_addf(&sb, "difficulty: %s\n", diff) < 0)
		goto oom;

	if (ynum(ex->pk, "time_multiplier", &d) == 0 && d > 0) {
		fmt_num(d, num, sizeof(num));
		if (strbuf_addf(&lim, "  time_multiplier: %s\n", num) < 0)
			goto oom;
	}
	if (ynum(ex->pk, "time_safety_margin", &d) == 0 && d > 0) {
		fmt_num(d, num, sizeof(num));
		if (strbuf_addf(&lim, "  time_safety_margin: %s\n", num) < 0)
			goto oom;
	}
	if (ynum(ex->pk, "time_resolution", &d) == 0 && d > 0) {
		fmt_num(d, num, sizeof(num));
		if (strbuf_addf(&lim, "  time_resolution: %s\n", num) < 0)
			goto oom;
	}
	tf = yget(ex->pk, "timelimit_file");
	if (jsonh_int(ex->doc, "time_limit_ms", 100, 30000, &v, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	if (yget(ex->doc, "time_limit_ms")) {
		fmt_num((double)v / 1000, num, sizeof(num));
		if (tf) {
			char line[48];

			snprintf(line, sizeof(line), "%s\n", num);
			if ((rc = add_text(ex, ".timelimit", line, strlen(line))) != PKG_OK)
				goto fail;
		} else if (strbuf_addf(&lim, "  time_limit: %s\n", num) < 0) {
			goto oom;
		}
	}
	if (jsonh_int(ex->doc, "memory_limit_mb", 32, JUDGE_MAX_MEMORY_MB, &v, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	if (yget(ex->doc, "memory_limit_mb") && strbuf_addf(&lim, "  memory: %lld\n", v) < 0)
		goto oom;
	if (jsonh_int(ex->doc, "output_limit_kb", 1, JUDGE_MAX_OUTPUT_KB, &v, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	if (yget(ex->doc, "output_limit_kb") &&
	    strbuf_addf(&lim, "  output: %lld\n", (v + 1023) / 1024) < 0)
		goto oom;
	if (lim.len &&
	    (strbuf_addstr(&sb, "limits:\n") < 0 || strbuf_add(&sb, lim.buf, lim.len) < 0))
		goto oom;
	if (strbuf_addf(&sb, "validation: %s\n", validation) < 0 ||
	    (*flags && (strbuf_addstr(&sb, "validator_flags: ") < 0 || yaml_quote(&sb, flags) < 0 ||
			strbuf_addstr(&sb, "\n") < 0)))
		goto oom;
	rc = add_text(ex, "problem.yaml", sb.buf, sb.len);
fail:
	strbuf_release(&sb);
	strbuf_release(&lim);
	return rc;
oom:
	strbuf_release(&sb);
	strbuf_release(&lim);
	return nomem(ex);
}

static enum pkg_err export_statement(struct exp *ex)
{
	const char *q = NULL, *pdf = NULL;
	size_t qlen = 0, plen = 0;
	struct strbuf bin = STRBUF_INIT;
	enum pkg_err rc = PKG_OK;
	char e[300];

	if (jsonh_str(ex->doc, "question", KATTIS_MAX_STATEMENT, &q, &qlen, e, sizeof(e)) < 0 ||
	    jsonh_str(ex->doc, "statement_pdf", KATTIS_MAX_PDF * 2, &pdf, &plen, e, sizeof(e)) < 0)
		return bad(ex, "%s", e);
	if (pdf) {
		if (judge0_b64_decode(pdf, plen, &bin) < 0)
			return nomem(ex);
		rc = add_text(ex, "problem_statement/problem.en.pdf", bin.buf, bin.len);
		strbuf_release(&bin);
	}
	if (rc == PKG_OK && (!pdf || (q && strcmp(q, KATTIS_PDF_QUESTION))))
		rc = add_text(ex, "problem_statement/problem.en.md", q ? q : "", q ? qlen : 0);
	return rc;
}

static enum pkg_err export_interactions(struct exp *ex)
{
	struct json_object *arr = yget(ex->pk, "interactions");
	struct strbuf path = STRBUF_INIT;
	enum pkg_err rc = PKG_OK;
	size_t i, n;

	n = arr && json_object_is_type(arr, json_type_array) ? json_object_array_length(arr) : 0;
	for (i = 0; i < n && rc == PKG_OK; i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		const char *name = ytext(o, "name"), *text = ytext(o, "text");

		if (!name || !text || !starts_with(name, "sample/") || !safe_path(name + 7, 4))
			return bad(
			    ex, "package.interactions[%zu] needs a name under sample/ and a text",
			    i);
		strbuf_reset(&path);
		if (strbuf_addf(&path, "data/%s.interaction", name) < 0) {
			rc = nomem(ex);
			break;
		}
		rc = add_text(ex, path.buf, text, strlen(text));
	}
	strbuf_release(&path);
	return rc;
}

static enum pkg_err export_signature(struct exp *ex)
{
	struct json_object *o = yget(ex->doc, "signature");
	struct strbuf text = STRBUF_INIT;
	struct signature sig;
	enum pkg_err rc;
	char e[256];

	if (!o || json_object_is_type(o, json_type_null))
		return PKG_OK;
	if (sig_from_json(o, &sig, e, sizeof(e)) < 0)
		return bad(ex, "signature: %s", e);
	if (sig_to_text(&sig, &text) < 0)
		return nomem(ex);
	rc = add_text(ex, "signature.txt", text.buf, text.len);
	strbuf_release(&text);
	return rc;
}

enum pkg_err kattis_export(struct json_object *doc, struct pkg *out, char *err, size_t errlen)
{
	struct exp ex = { .doc = doc, .out = out, .err = err, .errlen = errlen };
	struct strbuf validation = STRBUF_INIT, flags = STRBUF_INIT;
	const char *sn = NULL;
	enum pkg_err rc;
	char e[300];

	if (!doc || !json_object_is_type(doc, json_type_object))
		return bad(&ex, "the document must be an object");
	if (jsonh_get(doc, "package", json_type_object, &ex.pk, e, sizeof(e)) < 0 ||
	    jsonh_bool(ex.pk, "scoring", &ex.scoring, e, sizeof(e)) < 0)
		return bad(&ex, "package: %s", e);
	if (dstr(ex.pk, "short_name", 255, &sn, e, sizeof(e)) == 0 && safe_name(sn, strlen(sn)) &&
	    pkg_set_name(out, sn) != PKG_OK)
		return nomem(&ex);
	rc = export_checker(&ex, &validation, &flags);
	if (rc == PKG_OK)
		rc = export_problem_yaml(&ex, validation.buf, flags.buf);
	if (rc == PKG_OK)
		rc = export_statement(&ex);
	if (rc == PKG_OK)
		rc = export_references(&ex);
	if (rc == PKG_OK)
		rc = export_interactions(&ex);
	if (rc == PKG_OK)
		rc = export_tests(&ex);
	if (rc == PKG_OK)
		rc = export_signature(&ex);
	grp_release(ex.g, ex.ng);
	strbuf_release(&validation);
	strbuf_release(&flags);
	return rc;
}
