/* similarity.c - winnowed token fingerprints of programs, and how much two of them share */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "similarity.h"

struct token {
	uint64_t h;
	int line;
};

struct tokens {
	struct token *t;
	size_t n, alloc;
};

/* every identifier, number and literal reads as one of these */
#define H_NAME 0x9e3779b97f4a7c15ull
#define H_NUMBER 0xc2b2ae3d27d4eb4full
#define H_STRING 0x165667b19e3779f9ull

static const char *const py_keywords[] = {
	"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
	"continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
	"if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
	"try", "while", "with", "yield", NULL
};

/* C, C++, Java, JavaScript and C# together: a word that is a keyword in one is structure in all */
static const char *const c_keywords[] = {
	"abstract", "auto", "bool", "boolean", "break", "byte", "case", "catch", "char", "class",
	"const", "constexpr", "continue", "decimal", "default", "delete", "do", "double", "else",
	"enum", "extends", "extern", "false", "final", "finally", "float", "for", "foreach",
	"function", "goto", "if", "implements", "import", "in", "include", "inline", "instanceof",
	"int", "interface", "let", "long", "namespace", "new", "null", "nullptr", "out", "override",
	"package", "private", "protected", "public", "readonly", "ref", "register", "return",
	"sbyte", "short", "signed", "sizeof", "static", "string", "struct", "switch", "template",
	"this", "throw", "throws", "true", "try", "typedef", "typename", "typeof", "uint", "ulong",
	"union", "unsigned", "using", "var", "virtual", "void", "volatile", "while", "yield", NULL
};

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static bool is_keyword(const char *const *words, const char *s, size_t n)
{
	for (; *words; words++)
		if (strlen(*words) == n && !memcmp(*words, s, n))
			return true;
	return false;
}

static int push(struct tokens *ts, uint64_t h, int line)
{
	if (ts->n == ts->alloc) {
		size_t alloc = ts->alloc ? ts->alloc * 2 : 256;
		struct token *t = realloc(ts->t, alloc * sizeof(*t));

		if (!t)
			return -1;
		ts->t = t;
		ts->alloc = alloc;
	}
	ts->t[ts->n].h = h;
	ts->t[ts->n++].line = line;
	return 0;
}

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '$' || (unsigned char)c >= 0x80;
}

/* The end of the string literal opened by quote q (of length ql, 1 or 3) at s + i; lines counted. */
static size_t skip_string(const char *s, size_t len, size_t i, char q, size_t ql, int *line)
{
	for (i += ql; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			if (s[++i] == '\n')
				(*line)++;
			continue;
		}
		if (s[i] == '\n') {
			(*line)++;
			/* an unterminated one-line literal ends at its line */
			if (ql == 1 && q != '`')
				return i;
		}
		if (s[i] == q && (ql == 1 || (i + 2 < len && s[i + 1] == q && s[i + 2] == q)))
			return i + ql;
	}
	return len;
}

static int tokenize(const char *lang, const char *s, size_t len, struct tokens *ts)
{
	bool py = !strcmp(lang, "python");
	const char *const *words = py ? py_keywords : c_keywords;
	int line = 1;
	size_t i = 0;

	while (i < len) {
		char c = s[i];
		size_t j;

		if (c == '\n') {
			line++;
			i++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			i++;
		} else if ((py && c == '#') || (!py && c == '/' && i + 1 < len && s[i + 1] == '/')) {
			while (i < len && s[i] != '\n')
				i++;
		} else if (!py && c == '/' && i + 1 < len && s[i + 1] == '*') {
			for (i += 2; i < len && !(s[i] == '*' && i + 1 < len && s[i + 1] == '/'); i++)
				if (s[i] == '\n')
					line++;
			i = i < len ? i + 2 : len;
		} else if (c == '"' || c == '\'' || (c == '`' && !py)) {
			size_t ql = py && i + 2 < len && s[i + 1] == c && s[i + 2] == c ? 3 : 1;
			int at = line;

			i = skip_string(s, len, i, c, ql, &line);
			if (push(ts, H_STRING, at) < 0)
				return -1;
		} else if (c >= '0' && c <= '9') {
			for (j = i; j < len && (word_char(s[j]) || s[j] == '.'); j++)
				;
			i = j;
			if (push(ts, H_NUMBER, line) < 0)
				return -1;
		} else if (word_char(c)) {
			for (j = i; j < len && word_char(s[j]); j++)
				;
			if (push(ts, is_keyword(words, s + i, j - i) ? fnv(s + i, j - i) : H_NAME, line) < 0)
				return -1;
			i = j;
		} else {
			if (push(ts, fnv(s + i, 1), line) < 0)
				return -1;
			i++;
		}
	}
	return 0;
}

/* The hash of the k tokens from t. */
static uint64_t kgram(const struct token *t)
{
	uint64_t h = 0;
	int i;

	for (i = 0; i < SIM_K; i++)
		h = h * 0x100000001b3ull + t[i].h;
	/* mixed, so that the smallest of a window is not biased by the last token */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int sim_exclude(struct sim_exclusion *ex, const char *lang, const char *src, size_t len)
{
	struct tokens ts = { 0 };
	size_t i, n, u;

	if (tokenize(lang, src, len, &ts) < 0)
		goto oom;
	n = ts.n >= SIM_K ? ts.n - SIM_K + 1 : 0;
	if (ex->n + n > ex->alloc) {
		uint64_t *h = realloc(ex->h, (ex->n + n) * sizeof(*h));

		if (!h)
			goto oom;
		ex->h = h;
		ex->alloc = ex->n + n;
	}
	for (i = 0; i < n; i++)
		ex->h[ex->n++] = kgram(ts.t + i);
	free(ts.t);
	if (ex->n)
		qsort(ex->h, ex->n, sizeof(*ex->h), cmp_u64);
	for (i = u = 0; i < ex->n; i++)
		if (!u || ex->h[u - 1] != ex->h[i])
			ex->h[u++] = ex->h[i];
	ex->n = u;
	return 0;
oom:
	free(ts.t);
	return -1;
}

void sim_exclusion_free(struct sim_exclusion *ex)
{
	free(ex->h);
	memset(ex, 0, sizeof(*ex));
}

static bool excluded(const struct sim_exclusion *ex, uint64_t h)
{
	return ex && ex->n && bsearch(&h, ex->h, ex->n, sizeof(*ex->h), cmp_u64);
}

static int cmp_print(const void *a, const void *b)
{
	const struct sim_print *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->from - y->from;
}

int sim_doc_build(struct sim_doc *d, const char *lang, const char *src, size_t len,
		  const struct sim_exclusion *ex)
{
	struct tokens ts = { 0 };
	uint64_t *h = NULL;
	size_t n, i, w, u, last = (size_t)-1;

	memset(d, 0, sizeof(*d));
	if (tokenize(lang, src, len, &ts) < 0)
		goto oom;
	n = ts.n >= SIM_K ? ts.n - SIM_K + 1 : 0;
	if (!n) {
		free(ts.t);
		return 0;
	}
	h = malloc(n * sizeof(*h));
	d->p = malloc(n * sizeof(*d->p));
	if (!h || !d->p)
		goto oom;
	for (i = 0; i < n; i++)
		h[i] = kgram(ts.t + i);
	/* each window's smallest hash, the rightmost of equals, once per position */
	w = n < SIM_W ? n : SIM_W;
	for (i = 0; i + w <= n; i++) {
		size_t k, min = i;

		for (k = i + 1; k < i + w; k++)
			if (h[k] <= h[min])
				min = k;
		if (min == last)
			continue;
		last = min;
		if (excluded(ex, h[min]))
			continue;
		d->p[d->n].hash = h[min];
		d->p[d->n].from = ts.t[min].line;
		d->p[d->n++].to = ts.t[min + SIM_K - 1].line;
	}
	free(h);
	free(ts.t);
	if (d->n)
		qsort(d->p, d->n, sizeof(*d->p), cmp_print);
	for (i = u = 0; i < d->n; i++)
		if (!u || d->p[u - 1].hash != d->p[i].hash)
			d->p[u++] = d->p[i];
	d->n = u;
	return 0;
oom:
	free(h);
	free(ts.t);
	sim_doc_free(d);
	return -1;
}

void sim_doc_free(struct sim_doc *d)
{
	free(d->p);
	d->p = NULL;
	d->n = 0;
}

static int cmp_match(const void *a, const void *b)
{
	const struct sim_match *x = a, *y = b;

	if (x->a_from != y->a_from)
		return x->a_from - y->a_from;
	return x->b_from - y->b_from;
}

/* Merge regions that touch in both programs; n of them sorted, the count kept. */
static size_t merge_regions(struct sim_match *m, size_t n)
{
	size_t i, u = 0;

	qsort(m, n, sizeof(*m), cmp_match);
	for (i = 0; i < n; i++) {
		struct sim_match *c = u ? &m[u - 1] : NULL;

		if (c && m[i].a_from <= c->a_to + 1 && m[i].b_from <= c->b_to + 1 && m[i].b_to >= c->b_from - 1) {
			if (m[i].a_to > c->a_to)
				c->a_to = m[i].a_to;
			if (m[i].b_from < c->b_from)
				c->b_from = m[i].b_from;
			if (m[i].b_to > c->b_to)
				c->b_to = m[i].b_to;
		} else {
			m[u++] = m[i];
		}
	}
	return u;
}

double sim_compare(const struct sim_doc *a, const struct sim_doc *b, size_t *shared,
		   struct sim_match **m, size_t *nm)
{
	size_t i = 0, j = 0, n = 0, least = a->n < b->n ? a->n : b->n;
	struct sim_match *out = NULL;

	if (m) {
		*m = NULL;
		*nm = 0;
		out = least ? malloc(least * sizeof(*out)) : NULL;
	}
	while (i < a->n && j < b->n) {
		if (a->p[i].hash < b->p[j].hash) {
			i++;
		} else if (a->p[i].hash > b->p[j].hash) {
			j++;
		} else {
			if (out) {
				out[n].a_from = a->p[i].from;
				out[n].a_to = a->p[i].to;
				out[n].b_from = b->p[j].from;
				out[n].b_to = b->p[j].to;
			}
			n++;
			i++;
			j++;
		}
	}
	*shared = n;
	if (out && n) {
		*nm = merge_regions(out, n);
		*m = out;
	} else {
		free(out);
	}
	return least ? (double)n / (double)least : 0;
}
