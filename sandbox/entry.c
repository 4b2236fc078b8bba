/*
 * entry.c - the classes of a Java or C# source that name its file and its entry point
 *
 * A lexer that knows comments, strings, text blocks, verbatim and
 * interpolated strings and char literals, and a walk over its tokens that
 * follows braces: enough to tell a top-level class from a nested or a local
 * one, and the declaration of a static main from a call, without parsing
 * the language.  Nothing here allocates.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "sandbox.h"

enum syntax { SYN_JAVA, SYN_CSHARP };

enum tok_kind { T_END, T_WORD, T_PUNCT, T_LITERAL };

struct tok {
	enum tok_kind kind;
	const char *s;
	size_t n;
};

struct lexer {
	enum syntax syn;
	const char *src;
	size_t len;
	size_t pos;
	bool line_start;	/* nothing but blanks since the last newline (C# directives) */
};

/* Interpolated strings nest; past this depth a hole is skipped to its first '}'. */
#define MAX_HOLE_DEPTH 16

static bool word_char(enum syntax syn, unsigned char c)
{
	/* bytes of UTF-8 sequences are letters: both languages allow them in names */
	return isalnum(c) || c == '_' || c >= 0x80 || (c == '$' && syn == SYN_JAVA);
}

static bool at(const struct lexer *lx, size_t off, char c)
{
	return lx->pos + off < lx->len && lx->src[lx->pos + off] == c;
}

static struct tok lex(struct lexer *lx, unsigned hole_depth);

/* C#: the hole of an interpolated string, up to its closing brace. */
static void skip_hole(struct lexer *lx, unsigned hole_depth)
{
	unsigned braces = 0;
	struct tok t;

	if (hole_depth >= MAX_HOLE_DEPTH) {
		while (lx->pos < lx->len && lx->src[lx->pos] != '}')
			lx->pos++;
		lx->pos++;
		return;
	}
	while ((t = lex(lx, hole_depth + 1)).kind != T_END) {
		if (t.kind != T_PUNCT)
			continue;
		if (*t.s == '{')
			braces++;
		else if (*t.s == '}' && !braces--)
			return;
	}
}

/*
 * The rest of a literal whose opening quote(s) were read: escapes with a
 * backslash or by doubling the quote, ending at a newline or not, with
 * holes or not.
 */
static void skip_literal(struct lexer *lx, char quote, bool backslash, bool doubled,
			 bool one_line, bool holes, bool triple, unsigned hole_depth)
{
	while (lx->pos < lx->len) {
		char c = lx->src[lx->pos];

		if (c == '\\' && backslash) {
			lx->pos += 2;
		} else if (triple && c == quote && at(lx, 1, quote) && at(lx, 2, quote)) {
			lx->pos += 3;
			return;
		} else if (c == quote && !triple) {
			lx->pos++;
			if (!doubled || !at(lx, 0, quote))
				return;
			lx->pos++;
		} else if (c == '\n' && one_line) {
			return;
		} else if (c == '{' && holes) {
			lx->pos++;
			if (at(lx, 0, '{'))
				lx->pos++;
			else
				skip_hole(lx, hole_depth);
		} else {
			lx->pos++;
		}
	}
	if (lx->pos > lx->len)
		lx->pos = lx->len;
}

/* The next token; comments, blanks and C# directives are skipped, literals are one token. */
static struct tok lex(struct lexer *lx, unsigned hole_depth)
{
	const bool cs = lx->syn == SYN_CSHARP;
	struct tok t = { T_END, NULL, 0 };
	size_t start;
	char c;

	for (;;) {
		if (lx->pos >= lx->len)
			return t;
		c = lx->src[lx->pos];
		if (c == '\n') {
			lx->line_start = true;
			lx->pos++;
		} else if (isspace((unsigned char)c)) {
			lx->pos++;
		} else if (c == '/' && at(lx, 1, '/')) {
			while (lx->pos < lx->len && lx->src[lx->pos] != '\n')
				lx->pos++;
		} else if (c == '/' && at(lx, 1, '*')) {
			lx->pos += 2;
			while (lx->pos < lx->len && !(lx->src[lx->pos] == '*' && at(lx, 1, '/')))
				lx->pos++;
			lx->pos = lx->pos + 2 < lx->len ? lx->pos + 2 : lx->len;
		} else if (c == '#' && cs && lx->line_start) {
			/* #if, #region, #pragma: a directive is a line of its own */
			while (lx->pos < lx->len && lx->src[lx->pos] != '\n')
				lx->pos++;
		} else {
			break;
		}
	}
	lx->line_start = false;
	start = lx->pos;
	t.s = lx->src + start;
	t.kind = T_LITERAL;
	if (c == '"' && !cs && at(lx, 1, '"') && at(lx, 2, '"')) {
		/* a text block */
		lx->pos += 3;
		skip_literal(lx, '"', true, false, false, false, true, hole_depth);
	} else if (c == '"' || c == '\'') {
		lx->pos++;
		skip_literal(lx, c, true, false, true, false, false, hole_depth);
	} else if (cs && c == '@' && at(lx, 1, '"')) {
		lx->pos += 2;
		skip_literal(lx, '"', false, true, false, false, false, hole_depth);
	} else if (cs && c == '$' && at(lx, 1, '"')) {
		lx->pos += 2;
		skip_literal(lx, '"', true, false, true, true, false, hole_depth);
	} else if (cs && ((c == '$' && at(lx, 1, '@')) || (c == '@' && at(lx, 1, '$'))) &&
		   at(lx, 2, '"')) {
		lx->pos += 3;
		skip_literal(lx, '"', false, true, false, true, false, hole_depth);
	} else if (word_char(lx->syn, (unsigned char)c) ||
		   (cs && c == '@' && lx->pos + 1 < lx->len &&
		    word_char(lx->syn, (unsigned char)lx->src[lx->pos + 1]))) {
		/* C#'s @class is a name, not the keyword: the '@' stays in the word */
		t.kind = T_WORD;
		lx->pos++;
		while (lx->pos < lx->len && word_char(lx->syn, (unsigned char)lx->src[lx->pos]))
			lx->pos++;
	} else {
		t.kind = T_PUNCT;
		lx->pos++;
	}
	t.n = lx->pos - start;
	return t;
}

/*
 * A lexer for looking ahead from lx, blind past PEEK_MAX bytes: what it
 * looks for is short, and a source of many unclosed "main(@A(" must not
 * cost a scan to its end for each.
 */
#define PEEK_MAX 256

static struct lexer peek_from(const struct lexer *lx)
{
	struct lexer p = *lx;

	if (p.len - p.pos > PEEK_MAX)
		p.len = p.pos + PEEK_MAX;
	return p;
}

static bool is_word(const struct tok *t, const char *w)
{
	return t->kind == T_WORD && t->n == strlen(w) && !memcmp(t->s, w, t->n);
}

static bool is_punct(const struct tok *t, char c)
{
	return t->kind == T_PUNCT && *t->s == c;
}

/* ---- the walk ---- */

enum scope_kind { SC_TOP, SC_BLOCK, SC_TYPE, SC_NAMESPACE };

enum stmt_head { HEAD_NONE, HEAD_PACKAGE, HEAD_NAMESPACE, HEAD_OTHER };

/* What the declaration or statement being read has said so far. */
struct stmt {
	enum stmt_head head;
	bool is_static;
	bool is_public;
	bool is_async;
	unsigned parens;
	struct tok type;	/* a type whose body the next '{' opens (kind T_END: none) */
	bool type_public;
	bool type_generic;
};

struct scope {
	enum scope_kind kind;
	bool named;		/* types in it have a name the runtime can load */
	bool top;		/* SC_TYPE: a top-level type (outside any other type) */
	bool generic;		/* SC_TYPE: a generic type or one inside a generic type */
	size_t path_len;	/* the path before this scope extended it */
	bool in_parens;		/* opened inside parentheses: the statement goes on after it */
	struct stmt outer;
};

/* Braces deeper than this are counted, not followed: nothing there names a class to run. */
#define MAX_SCOPES 64

struct walk {
	enum syntax syn;
	struct stmt st;
	struct scope sc[MAX_SCOPES];
	size_t depth;			/* open braces */
	char path[JUDGE_CLASS_MAX];	/* name of the innermost type or namespace */
	size_t path_len;
	char name[JUDGE_CLASS_MAX];	/* the package or namespace being declared */
	size_t name_len;
	bool name_long;
	char pkg[JUDGE_CLASS_MAX];

	char first_top[JUDGE_CLASS_MAX];	/* first top-level type */
	char first_public[JUDGE_CLASS_MAX];	/* first public top-level type */
	bool main_type;				/* a top-level type named Main */
	char top_main_named[JUDGE_CLASS_MAX];	/* top-level "Main" that declares main */
	char top_main_last[JUDGE_CLASS_MAX];
	char nested_main_named[JUDGE_CLASS_MAX];
	char nested_main_last[JUDGE_CLASS_MAX];
	unsigned nmain;				/* C#: types with a Main, counted by name */
	char last_main[JUDGE_CLASS_MAX];	/* C#: the last of them */
	char last_entry[JUDGE_CLASS_MAX];	/* C#: the last not generic */
};

static const struct scope *cur(const struct walk *w)
{
	static const struct scope top = { .kind = SC_TOP, .named = true };
	static const struct scope deep = { .kind = SC_BLOCK };

	if (!w->depth)
		return &top;
	return w->depth <= MAX_SCOPES ? &w->sc[w->depth - 1] : &deep;
}

static void copy(char *dst, const char *src)
{
	snprintf(dst, JUDGE_CLASS_MAX, "%s", src);
}

/* The simple name of a path: what follows its last separator. */
static const char *simple_name(const char *path)
{
	const char *p = path + strlen(path);

	while (p > path && !strchr(".$+", p[-1]))
		p--;
	return p;
}

static void stmt_reset(struct walk *w)
{
	memset(&w->st, 0, sizeof(w->st));
	w->name_len = 0;
	w->name_long = false;
}

static bool path_push(struct walk *w, const char *sep, const char *s, size_t n)
{
	size_t sl = w->path_len ? strlen(sep) : 0;

	if (w->path_len + sl + n >= sizeof(w->path))
		return false;
	memcpy(w->path + w->path_len, sep, sl);
	memcpy(w->path + w->path_len + sl, s, n);
	w->path_len += sl + n;
	w->path[w->path_len] = '\0';
	return true;
}

/* A name without C#'s '@' (@class is a class named class). */
static void unescaped(const struct tok *t, const char **s, size_t *n)
{
	*s = t->s;
	*n = t->n;
	if (*n > 1 && **s == '@')
		(*s)++, (*n)--;
}

static void open_brace(struct walk *w)
{
	const struct scope *up = cur(w);
	struct scope s = { .kind = SC_BLOCK, .path_len = w->path_len };
	const char *name;
	size_t n;

	if (w->depth >= MAX_SCOPES) {
		w->depth++;
		stmt_reset(w);
		return;
	}
	if (w->st.type.kind == T_WORD) {
		s.kind = SC_TYPE;
		s.top = up->kind == SC_TOP || up->kind == SC_NAMESPACE;
		s.generic = up->generic || w->st.type_generic;
		unescaped(&w->st.type, &name, &n);
		/* a local or anonymous class has a name of the compiler's making */
		s.named = up->named && up->kind != SC_BLOCK &&
			  path_push(w, up->kind == SC_TYPE ? (w->syn == SYN_JAVA ? "$" : "+") : ".",
				    name, n);
		if (s.named && s.top) {
			if (!w->first_top[0])
				copy(w->first_top, w->path);
			if (w->st.type_public && !w->first_public[0])
				copy(w->first_public, w->path);
			if (!strcmp(simple_name(w->path), "Main"))
				w->main_type = true;
		}
	} else if (w->st.head == HEAD_NAMESPACE) {
		s.kind = SC_NAMESPACE;
		s.named = up->named && !w->name_long && path_push(w, ".", w->name, w->name_len);
	}
	s.in_parens = w->st.parens > 0;
	s.outer = w->st;
	w->sc[w->depth++] = s;
	stmt_reset(w);
}

static void close_brace(struct walk *w)
{
	const struct scope *s;

	if (!w->depth)
		return;
	s = cur(w);
	w->depth--;
	if (w->depth >= MAX_SCOPES) {
		stmt_reset(w);
		return;
	}
	w->path_len = s->path_len;
	w->path[w->path_len] = '\0';
	/* a lambda or an array in an annotation's arguments: the declaration goes on */
	if (s->in_parens)
		w->st = s->outer;
	else
		stmt_reset(w);
}

static void end_statement(struct walk *w)
{
	if (cur(w)->kind == SC_TOP && !w->name_long && w->name_len) {
		w->name[w->name_len] = '\0';
		if (w->st.head == HEAD_PACKAGE)
			copy(w->pkg, w->name);
		/* C# 10's file-scoped namespace (mcs refuses it, but the name is still right) */
		else if (w->st.head == HEAD_NAMESPACE && !w->path_len)
			path_push(w, ".", w->name, w->name_len);
	}
	stmt_reset(w);
}

static bool type_keyword(const struct walk *w, const struct tok *t)
{
	if (w->syn == SYN_JAVA)
		return is_word(t, "class") || is_word(t, "interface") || is_word(t, "enum") ||
		       is_word(t, "record");
	return is_word(t, "class") || is_word(t, "struct") || is_word(t, "interface");
}

/* Java: an annotation from its '@' (read); false when it does not look like one. */
static bool skip_annotation(struct lexer *lx)
{
	struct lexer save;
	struct tok t = lex(lx, 0);
	unsigned depth = 0;

	if (t.kind != T_WORD)
		return false;
	for (;;) {
		save = *lx;
		t = lex(lx, 0);
		if (is_punct(&t, '.') && (t = lex(lx, 0)).kind == T_WORD)
			continue;
		break;
	}
	if (!is_punct(&t, '(')) {
		*lx = save;
		return true;
	}
	while ((t = lex(lx, 0)).kind != T_END) {
		if (is_punct(&t, '('))
			depth++;
		else if (is_punct(&t, ')') && !depth--)
			return true;
	}
	return false;
}

static bool next_punct(struct lexer *lx, char c)
{
	struct tok t = lex(lx, 0);

	return is_punct(&t, c);
}

static bool next_word(struct lexer *lx, const char *w)
{
	struct tok t = lex(lx, 0);

	return w ? is_word(&t, w) : t.kind == T_WORD;
}

/*
 * Does a parameter list (after its '(') declare what an entry point takes?
 * Java: one String[], String... or String x[], maybe final or annotated.
 * C#: nothing, or one string[] (maybe params, maybe with attributes).
 */
static bool entry_params(enum syntax syn, struct lexer lx)
{
	const bool java = syn == SYN_JAVA;
	struct tok t = lex(&lx, 0);

	if (!java && is_punct(&t, ')'))
		return true;
	for (;; t = lex(&lx, 0)) {
		if (java && is_punct(&t, '@')) {
			if (!skip_annotation(&lx))
				return false;
		} else if (!java && is_punct(&t, '[')) {
			while ((t = lex(&lx, 0)).kind != T_END && !is_punct(&t, ']'))
				;
		} else if (!is_word(&t, java ? "final" : "params")) {
			break;
		}
	}
	/* the type, maybe qualified */
	if (is_word(&t, java ? "java" : "System")) {
		if (java && !(next_punct(&lx, '.') && next_word(&lx, "lang")))
			return false;
		if (!next_punct(&lx, '.') || !next_word(&lx, "String"))
			return false;
	} else if (!is_word(&t, "String") && !(!java && is_word(&t, "string"))) {
		return false;
	}
	/* then String[] x, String... x or String x[] */
	t = lex(&lx, 0);
	if (is_punct(&t, '[')) {
		if (!next_punct(&lx, ']') || !next_word(&lx, NULL))
			return false;
	} else if (java && is_punct(&t, '.')) {
		if (!next_punct(&lx, '.') || !next_punct(&lx, '.') || !next_word(&lx, NULL))
			return false;
	} else if (java && t.kind == T_WORD) {
		if (!next_punct(&lx, '[') || !next_punct(&lx, ']'))
			return false;
	} else {
		return false;
	}
	return next_punct(&lx, ')');
}

/* Is the word t (whose predecessor was prev) the name of an entry point being declared? */
static bool entry_decl(const struct walk *w, const struct lexer *lx, const struct tok *t,
		       const struct tok *prev)
{
	struct lexer peek = peek_from(lx);
	struct tok next;

	if (cur(w)->kind != SC_TYPE || !cur(w)->named || !w->st.is_static)
		return false;
	if (w->syn == SYN_JAVA) {
		if (!is_word(t, "main") || !is_word(prev, "void"))
			return false;
	} else {
		/* async Task Main is C# 7.1; mcs does not take it as an entry point */
		if (!is_word(t, "Main") || w->st.is_async ||
		    !(is_word(prev, "void") || is_word(prev, "int") || is_word(prev, "Int32")))
			return false;
	}
	next = lex(&peek, 0);
	return is_punct(&next, '(') && entry_params(w->syn, peek);
}

static void found_entry(struct walk *w)
{
	if (w->syn == SYN_CSHARP) {
		/* the parts of a partial class are one type */
		if (strcmp(w->last_main, w->path)) {
			w->nmain++;
			copy(w->last_main, w->path);
		}
		/* mcs counts a generic type's Main, but -main: cannot name it */
		if (!cur(w)->generic)
			copy(w->last_entry, w->path);
		return;
	}
	if (cur(w)->top) {
		if (!strcmp(w->path, "Main"))
			copy(w->top_main_named, w->path);
		copy(w->top_main_last, w->path);
	} else {
		if (!strcmp(simple_name(w->path), "Main") && !w->nested_main_named[0])
			copy(w->nested_main_named, w->path);
		copy(w->nested_main_last, w->path);
	}
}

static void on_word(struct walk *w, const struct lexer *lx, const struct tok *t,
		    const struct tok *prev)
{
	struct stmt *st = &w->st;
	const char *name;
	size_t n;

	if (st->head == HEAD_NONE)
		st->head = w->syn == SYN_JAVA && is_word(t, "package")	    ? HEAD_PACKAGE
			   : w->syn == SYN_CSHARP && is_word(t, "namespace") ? HEAD_NAMESPACE
									     : HEAD_OTHER;
	else if ((st->head == HEAD_PACKAGE || st->head == HEAD_NAMESPACE) && !st->parens)
		goto name;
	if (is_word(t, "static"))
		st->is_static = true;
	else if (is_word(t, "public"))
		st->is_public = true;
	else if (is_word(t, "async"))
		st->is_async = true;
	if (st->type.kind == T_END && type_keyword(w, t) && !is_punct(prev, '.')) {
		/* the first type keyword of a declaration: C#'s "where T : class" follows it */
		struct lexer peek = peek_from(lx);
		struct tok decl = lex(&peek, 0), after = lex(&peek, 0);

		if (decl.kind == T_WORD && !isdigit((unsigned char)*decl.s) &&
		    (!is_word(t, "record") || is_punct(&after, '(') || is_punct(&after, '<'))) {
			st->type = decl;
			st->type_public = st->is_public;
			st->type_generic = is_punct(&after, '<');
		}
	}
	if (entry_decl(w, lx, t, prev))
		found_entry(w);
	return;
name:
	unescaped(t, &name, &n);
	if (w->name_len + n >= sizeof(w->name)) {
		w->name_long = true;
	} else {
		memcpy(w->name + w->name_len, name, n);
		w->name_len += n;
	}
}

static void walk(struct walk *w, const char *src, size_t len)
{
	struct lexer lx = { .syn = w->syn, .src = src, .len = len, .line_start = true };
	struct tok t, prev = { T_END, NULL, 0 };

	stmt_reset(w);
	while ((t = lex(&lx, 0)).kind != T_END) {
		if (t.kind == T_WORD) {
			on_word(w, &lx, &t, &prev);
		} else if (is_punct(&t, '{')) {
			open_brace(w);
		} else if (is_punct(&t, '}')) {
			close_brace(w);
		} else if (is_punct(&t, ';') && !w->st.parens) {
			end_statement(w);
		} else {
			if (w->st.head == HEAD_NONE)
				w->st.head = HEAD_OTHER;
			if (is_punct(&t, '('))
				w->st.parens++;
			else if (is_punct(&t, ')') && w->st.parens)
				w->st.parens--;
			else if (is_punct(&t, '.') && !w->st.parens &&
				 (w->st.head == HEAD_PACKAGE || w->st.head == HEAD_NAMESPACE)) {
				if (w->name_len + 1 >= sizeof(w->name))
					w->name_long = true;
				else
					w->name[w->name_len++] = '.';
			}
		}
		prev = t;
	}
}

void judge_java_class(const char *src, size_t len, struct judge_entry *e)
{
	struct walk w = { .syn = SYN_JAVA };
	const char *run;
	int n;

	walk(&w, src, len);
	copy(e->file_class, w.first_public[0] ? w.first_public : "Main");
	run = w.top_main_named[0]	   ? w.top_main_named
	      : w.top_main_last[0]	   ? w.top_main_last
	      : w.nested_main_named[0] ? w.nested_main_named
	      : w.nested_main_last[0]  ? w.nested_main_last
	      : w.first_public[0]	   ? w.first_public
	      : w.main_type		   ? "Main"
	      : w.first_top[0]	   ? w.first_top
					   : "Main";
	n = snprintf(e->main_class, sizeof(e->main_class), "%s%s%s", w.pkg, w.pkg[0] ? "." : "",
		     run);
	if (n < 0 || (size_t)n >= sizeof(e->main_class))
		copy(e->main_class, "Main");
}

void judge_csharp_class(const char *src, size_t len, struct judge_entry *e)
{
	struct walk w = { .syn = SYN_CSHARP };

	walk(&w, src, len);
	copy(e->file_class, "Main");
	copy(e->main_class, w.nmain >= 2 ? w.last_entry : "");
}
