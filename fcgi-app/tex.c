/* tex.c - a LaTeX problem statement as Markdown (the subset tex.h lists) */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tex.h"

#define TEX_MAX_DEPTH 32	/* nested arguments converted; deeper ones are copied */
#define TEX_MAX_LISTS 8

struct tex {
	struct strbuf *out;
	struct strbuf dropped;	/* ", "-separated names of what was not converted */
	char *title;
	char lists[TEX_MAX_LISTS];	/* 'i' itemize, 'e' enumerate */
	int nlists;
	int depth;
	bool bol;		/* at the start of a source line: its indentation is skipped */
	bool code;		/* inside `...`, where Markdown escapes are not read */
	bool oom;
};

enum kind {
	K_SECTION,	/* arg: heading of level `level` */
	K_TITLE,	/* \problemname */
	K_BEGIN,
	K_END,
	K_ITEM,
	K_WRAP,		/* arg between `text` marks */
	K_URL,
	K_HREF,
	K_STR,		/* emit `text` */
	K_SILENT,	/* dropped, its arguments too */
	K_KEEP,		/* dropped silently, its arguments' text kept */
	K_LOSSY,	/* listed as not converted, arguments' text kept */
	K_GONE,		/* listed as not converted, arguments dropped */
	K_ILLUSTRATION,
};

struct cmd {
	const char *name;
	enum kind kind;
	const char *text;
	int level;
};

static const struct cmd cmds[] = {
	{ "section", K_SECTION, NULL, 2 },
	{ "subsection", K_SECTION, NULL, 3 },
	{ "subsubsection", K_SECTION, NULL, 4 },
	{ "problemname", K_TITLE, NULL, 0 },
	{ "begin", K_BEGIN, NULL, 0 },
	{ "end", K_END, NULL, 0 },
	{ "item", K_ITEM, NULL, 0 },
	{ "textbf", K_WRAP, "**", 0 },
	{ "bf", K_WRAP, "**", 0 },
	{ "emph", K_WRAP, "*", 0 },
	{ "textit", K_WRAP, "*", 0 },
	{ "it", K_WRAP, "*", 0 },
	{ "texttt", K_WRAP, "`", 0 },
	{ "tt", K_WRAP, "`", 0 },
	{ "url", K_URL, NULL, 0 },
	{ "href", K_HREF, NULL, 0 },
	{ "ldots", K_STR, "\xe2\x80\xa6", 0 },
	{ "dots", K_STR, "\xe2\x80\xa6", 0 },
	{ "textellipsis", K_STR, "\xe2\x80\xa6", 0 },
	{ "LaTeX", K_STR, "LaTeX", 0 },
	{ "TeX", K_STR, "TeX", 0 },
	{ "newline", K_STR, "  \n", 0 },
	{ "linebreak", K_STR, "  \n", 0 },
	{ "par", K_STR, "\n\n", 0 },
	{ "noindent", K_SILENT, NULL, 0 },
	{ "centering", K_SILENT, NULL, 0 },
	{ "smallskip", K_SILENT, NULL, 0 },
	{ "medskip", K_SILENT, NULL, 0 },
	{ "bigskip", K_SILENT, NULL, 0 },
	{ "vspace", K_SILENT, NULL, 0 },
	{ "hspace", K_SILENT, NULL, 0 },
	{ "vfill", K_SILENT, NULL, 0 },
	{ "hfill", K_SILENT, NULL, 0 },
	{ "clearpage", K_SILENT, NULL, 0 },
	{ "newpage", K_SILENT, NULL, 0 },
	{ "label", K_SILENT, NULL, 0 },
	{ "nextsample", K_SILENT, NULL, 0 },
	{ "remainingsamples", K_SILENT, NULL, 0 },
	{ "documentclass", K_SILENT, NULL, 0 },
	{ "usepackage", K_SILENT, NULL, 0 },
	{ "tiny", K_SILENT, NULL, 0 },
	{ "scriptsize", K_SILENT, NULL, 0 },
	{ "footnotesize", K_SILENT, NULL, 0 },
	{ "small", K_SILENT, NULL, 0 },
	{ "normalsize", K_SILENT, NULL, 0 },
	{ "large", K_SILENT, NULL, 0 },
	{ "Large", K_SILENT, NULL, 0 },
	{ "LARGE", K_SILENT, NULL, 0 },
	{ "huge", K_SILENT, NULL, 0 },
	{ "Huge", K_SILENT, NULL, 0 },
	{ "mbox", K_KEEP, NULL, 0 },
	{ "text", K_KEEP, NULL, 0 },
	{ "textrm", K_KEEP, NULL, 0 },
	{ "textnormal", K_KEEP, NULL, 0 },
	{ "underline", K_LOSSY, NULL, 0 },
	{ "sout", K_LOSSY, NULL, 0 },
	{ "textsc", K_LOSSY, NULL, 0 },
	{ "footnote", K_LOSSY, NULL, 0 },
	{ "includegraphics", K_GONE, NULL, 0 },
	{ "illustration", K_ILLUSTRATION, NULL, 0 },
};

/* Environments kept as their content, silently. */
static const char *const plain_envs[] = { "center", "document", "flushleft", NULL };
/* Math environments: their content goes between $$ as it is. */
static const char *const math_envs[] = { "equation", "equation*", "displaymath", "align",
					 "align*", NULL };

static bool in_list(const char *const *l, const char *s)
{
	for (; *l; l++)
		if (!strcmp(*l, s))
			return true;
	return false;
}

static void put(struct tex *t, const char *s, size_t n)
{
	if (!t->oom && strbuf_add(t->out, s, n) < 0)
		t->oom = true;
}

static void puts_(struct tex *t, const char *s)
{
	put(t, s, strlen(s));
}

/* End the current output line, unless it is ended already. */
static void endline(struct tex *t)
{
	if (t->out->len && t->out->buf[t->out->len - 1] != '\n')
		puts_(t, "\n");
}

/* Record name as not converted (once). */
static void drop(struct tex *t, const char *prefix, const char *name)
{
	struct strbuf item = STRBUF_INIT;
	const char *p;
	size_t n;

	if (strbuf_addf(&item, "%s%s", prefix, name) < 0) {
		t->oom = true;
		return;
	}
	for (p = t->dropped.buf; (p = strstr(p, item.buf)); p += item.len) {
		n = item.len;
		if ((p == t->dropped.buf || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0')) {
			strbuf_release(&item);
			return;
		}
	}
	if ((t->dropped.len && strbuf_addstr(&t->dropped, ", ") < 0) ||
	    strbuf_add(&t->dropped, item.buf, item.len) < 0)
		t->oom = true;
	strbuf_release(&item);
}

/* The brace group at *pos (after optional blanks): its content in [*start, *start + *len). */
static bool group(const char *s, size_t n, size_t *pos, size_t *start, size_t *len)
{
	size_t i = *pos, d = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '\n')
		i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || s[i] != '{')
		return false;
	*start = i + 1;
	for (; i < n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == '{')
			d++;
		else if (s[i] == '}' && --d == 0)
			break;
	}
	*len = (i < n ? i : n) - *start;
	*pos = i < n ? i + 1 : n;
	return true;
}

/* Skip an optional [...] argument right at *pos. */
static void optional(const char *s, size_t n, size_t *pos)
{
	size_t i = *pos, d = 0;

	if (i >= n || s[i] != '[')
		return;
	for (; i < n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == '[' || s[i] == '{')
			d++;
		else if ((s[i] == ']' || s[i] == '}') && --d == 0)
			break;
	}
	*pos = i < n ? i + 1 : n;
}

static void conv(struct tex *t, const char *s, size_t n);

/* Convert a brace group's content in place of the command. */
static void conv_group(struct tex *t, const char *s, size_t n, size_t *pos)
{
	size_t st, len;

	if (group(s, n, pos, &st, &len))
		conv(t, s + st, len);
}

/* Every brace group that follows right away, converted (or dropped when keep is false). */
static void args(struct tex *t, const char *s, size_t n, size_t *pos, bool keep)
{
	size_t st, len;

	for (;;) {
		optional(s, n, pos);
		if (*pos >= n || s[*pos] != '{')
			return;
		group(s, n, pos, &st, &len);
		if (keep)
			conv(t, s + st, len);
	}
}

/* Copy until the first `end` at or after *pos, raw; *pos goes past it. */
static void raw_until(struct tex *t, const char *s, size_t n, size_t *pos, const char *end)
{
	size_t el = strlen(end), i;

	for (i = *pos; i + el <= n; i++)
		if (!memcmp(s + i, end, el))
			break;
	if (i + el > n)
		i = n;
	put(t, s + *pos, i - *pos);
	*pos = i + el <= n ? i + el : n;
}

static void begin_env(struct tex *t, const char *s, size_t n, size_t *pos, const char *env)
{
	struct strbuf end = STRBUF_INIT;

	if (!strcmp(env, "Input") || !strcmp(env, "Output") || !strcmp(env, "Interaction")) {
		puts_(t, "\n\n## ");
		puts_(t, env);
		puts_(t, "\n\n");
		t->bol = true;
	} else if (!strcmp(env, "itemize") || !strcmp(env, "enumerate")) {
		if (t->nlists < TEX_MAX_LISTS)
			t->lists[t->nlists] = env[0];
		if (!t->nlists++)
			puts_(t, "\n");
		endline(t);
	} else if (!strcmp(env, "verbatim") || !strcmp(env, "lstlisting")) {
		optional(s, n, pos);
		if (*pos < n && s[*pos] == '\n')
			(*pos)++;
		puts_(t, "\n\n```\n");
		if (strbuf_addf(&end, "\\end{%s}", env) < 0)
			t->oom = true;
		else
			raw_until(t, s, n, pos, end.buf);
		puts_(t, "\n```\n\n");
		t->bol = true;
	} else if (in_list(math_envs, env)) {
		bool align = !strncmp(env, "align", 5);

		puts_(t, align ? "\n$$\\begin{aligned}" : "\n$$");
		if (strbuf_addf(&end, "\\end{%s}", env) < 0)
			t->oom = true;
		else
			raw_until(t, s, n, pos, end.buf);
		puts_(t, align ? "\\end{aligned}$$\n" : "$$\n");
	} else if (!in_list(plain_envs, env)) {
		/* the content stays; the environment's own arguments are not text */
		drop(t, "", env);
		optional(s, n, pos);
		if (!strcmp(env, "tabular") || !strcmp(env, "array") || !strcmp(env, "minipage") ||
		    !strcmp(env, "wrapfigure") || !strcmp(env, "tabularx")) {
			size_t st, len;

			group(s, n, pos, &st, &len);
			optional(s, n, pos);
			if (!strcmp(env, "wrapfigure") || !strcmp(env, "tabularx"))
				group(s, n, pos, &st, &len);
		}
		puts_(t, "\n");
	}
	strbuf_release(&end);
}

static void end_env(struct tex *t, const char *env)
{
	if (!strcmp(env, "itemize") || !strcmp(env, "enumerate")) {
		if (t->nlists)
			t->nlists--;
		puts_(t, t->nlists ? "\n" : "\n\n");
		if (t->nlists)
			endline(t);
	} else {
		puts_(t, "\n");
	}
	t->bol = true;
}

/* A control sequence at s[i] == '\\': what it stands for; the position after it. */
static size_t command(struct tex *t, const char *s, size_t n, size_t i)
{
	const struct cmd *c = NULL;
	char name[40], env[64];
	size_t j = i + 1, k, st, len;

	if (j >= n)
		return n;
	if (!isalpha((unsigned char)s[j])) {
		switch (s[j]) {
		case '\\':
			puts_(t, "  \n");
			t->bol = true;
			j++;
			optional(s, n, &j);
			return j;
		case '%': case '&': case '{': case '}':
			put(t, s + j, 1);
			break;
		case '_': case '#': case '$': case '*':
			if (!t->code)
				put(t, "\\", 1);
			put(t, s + j, 1);
			break;
		case '(':
			puts_(t, "$");
			j++;
			raw_until(t, s, n, &j, "\\)");
			puts_(t, "$");
			return j;
		case '[':
			puts_(t, "$$");
			j++;
			raw_until(t, s, n, &j, "\\]");
			puts_(t, "$$");
			return j;
		case ' ': case ',': case ';': case ':':
			puts_(t, " ");
			break;
		default:
			/* accents and the like: the letter they decorate stays */
			break;
		}
		return j + 1;
	}
	for (k = 0; j < n && isalpha((unsigned char)s[j]); j++)
		if (k + 1 < sizeof(name))
			name[k++] = s[j];
	name[k] = '\0';
	if (j < n && s[j] == '*')
		j++;
	for (k = 0; k < sizeof(cmds) / sizeof(cmds[0]); k++)
		if (!strcmp(cmds[k].name, name)) {
			c = &cmds[k];
			break;
		}
	if (!c) {
		/* unknown: the command goes, the text of its arguments stays */
		drop(t, "\\", name);
		args(t, s, n, &j, true);
		return j;
	}
	switch (c->kind) {
	case K_SECTION:
		optional(s, n, &j);
		puts_(t, "\n\n");
		puts_(t, c->level == 2 ? "## " : c->level == 3 ? "### " : "#### ");
		conv_group(t, s, n, &j);
		puts_(t, "\n\n");
		t->bol = true;
		break;
	case K_TITLE:
		if (group(s, n, &j, &st, &len)) {
			struct strbuf title = STRBUF_INIT, *saved = t->out;
			size_t a = 0, b;

			t->out = &title;
			conv(t, s + st, len);
			t->out = saved;
			b = title.len;
			while (a < b && isspace((unsigned char)title.buf[a]))
				a++;
			while (b > a && isspace((unsigned char)title.buf[b - 1]))
				b--;
			free(t->title);
			t->title = strndup(title.buf + a, b - a);
			if (!t->title)
				t->oom = true;
			strbuf_release(&title);
		}
		break;
	case K_BEGIN:
	case K_END:
		if (!group(s, n, &j, &st, &len))
			break;
		snprintf(env, sizeof(env), "%.*s", (int)(len < sizeof(env) ? len : sizeof(env) - 1),
			 s + st);
		if (c->kind == K_BEGIN)
			begin_env(t, s, n, &j, env);
		else
			end_env(t, env);
		break;
	case K_ITEM: {
		int d = t->nlists ? t->nlists - 1 : 0, m;
		char kind = t->nlists ? t->lists[d < TEX_MAX_LISTS ? d : TEX_MAX_LISTS - 1] : 'i';

		endline(t);
		for (m = 0; m < d; m++)
			puts_(t, "   ");
		puts_(t, kind == 'e' ? "1. " : "- ");
		if (j < n && s[j] == '[') {
			size_t o = j;

			optional(s, n, &j);
			puts_(t, "**");
			conv(t, s + o + 1, j - o >= 2 ? j - o - 2 : 0);
			puts_(t, "** ");
		}
		while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n'))
			j++;
		break;
	}
	case K_WRAP:
		if (group(s, n, &j, &st, &len)) {
			bool was = t->code;

			puts_(t, c->text);
			t->code = was || c->text[0] == '`';
			conv(t, s + st, len);
			t->code = was;
			puts_(t, c->text);
		}
		break;
	case K_URL:
		if (group(s, n, &j, &st, &len)) {
			puts_(t, "<");
			put(t, s + st, len);
			puts_(t, ">");
		}
		break;
	case K_HREF: {
		size_t ust, ulen;

		if (group(s, n, &j, &ust, &ulen) && group(s, n, &j, &st, &len)) {
			puts_(t, "[");
			conv(t, s + st, len);
			puts_(t, "](");
			put(t, s + ust, ulen);
			puts_(t, ")");
		}
		break;
	}
	case K_STR:
		puts_(t, c->text);
		if (c->text[strlen(c->text) - 1] == '\n')
			t->bol = true;
		break;
	case K_SILENT:
		args(t, s, n, &j, false);
		break;
	case K_KEEP:
		args(t, s, n, &j, true);
		break;
	case K_LOSSY:
		drop(t, "\\", name);
		args(t, s, n, &j, true);
		break;
	case K_GONE:
		drop(t, "\\", name);
		args(t, s, n, &j, false);
		break;
	case K_ILLUSTRATION:
		drop(t, "\\", name);
		optional(s, n, &j);
		group(s, n, &j, &st, &len);
		group(s, n, &j, &st, &len);
		conv_group(t, s, n, &j);
		break;
	}
	/* TeX eats the blanks after a control word that took no argument */
	if (c->kind == K_STR || c->kind == K_SILENT)
		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
	return j;
}

/* Math as it is, from s[i] == '$' to the closing $ or $$. */
static size_t math(struct tex *t, const char *s, size_t n, size_t i)
{
	bool display = i + 1 < n && s[i + 1] == '$';
	size_t j = i + (display ? 2 : 1);

	for (; j < n; j++) {
		if (s[j] == '\\') {
			j++;
			continue;
		}
		if (s[j] == '$' && (!display || (j + 1 < n && s[j + 1] == '$')))
			break;
	}
	if (j >= n)
		j = n;
	else
		j += display ? 2 : 1;
	put(t, s + i, j - i);
	return j;
}

static void conv(struct tex *t, const char *s, size_t n)
{
	size_t i = 0;

	if (++t->depth > TEX_MAX_DEPTH) {
		put(t, s, n);
		t->depth--;
		return;
	}
	while (i < n && !t->oom) {
		char c = s[i];

		if (t->bol && (c == ' ' || c == '\t')) {
			i++;
			continue;
		}
		t->bol = false;
		switch (c) {
		case '%':
			while (i < n && s[i] != '\n')
				i++;
			i++;
			t->bol = true;
			break;
		case '\\':
			i = command(t, s, n, i);
			break;
		case '$':
			i = math(t, s, n, i);
			break;
		case '{':
		case '}':
			i++;
			break;
		case '~':
			puts_(t, " ");
			i++;
			break;
		case '`':
			if (i + 1 < n && s[i + 1] == '`') {
				puts_(t, "\"");
				i += 2;
			} else {
				puts_(t, "'");
				i++;
			}
			break;
		case '\'':
			if (i + 1 < n && s[i + 1] == '\'') {
				puts_(t, "\"");
				i += 2;
			} else {
				puts_(t, "'");
				i++;
			}
			break;
		case '-':
			if (i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-') {
				puts_(t, "\xe2\x80\x94");
				i += 3;
			} else if (i + 1 < n && s[i + 1] == '-') {
				puts_(t, "\xe2\x80\x93");
				i += 2;
			} else {
				puts_(t, "-");
				i++;
			}
			break;
		case '*':
			puts_(t, t->code ? "*" : "\\*");
			i++;
			break;
		case '\n':
			/* a list stays tight: no empty line between its items */
			if (t->nlists)
				endline(t);
			else
				puts_(t, "\n");
			t->bol = true;
			i++;
			break;
		default:
			put(t, s + i, 1);
			i++;
			break;
		}
	}
	t->depth--;
}

/* Trim the result: no leading blank lines, at most one empty line in a row, one final newline. */
static int tidy(struct strbuf *out, size_t from)
{
	struct strbuf t = STRBUF_INIT;
	const char *s = out->buf + from;
	size_t n = out->len - from, i, nl = 0;
	bool started = false;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			nl++;
			continue;
		}
		if (!started && (s[i] == ' ' || s[i] == '\t'))
			continue;
		if (started && nl && strbuf_addstr(&t, nl > 1 ? "\n\n" : "\n") < 0)
			goto oom;
		nl = 0;
		started = true;
		if (strbuf_add(&t, s + i, 1) < 0)
			goto oom;
	}
	if (started && strbuf_addstr(&t, "\n") < 0)
		goto oom;
	strbuf_setlen(out, from);
	if (strbuf_add(out, t.buf, t.len) < 0)
		goto oom;
	strbuf_release(&t);
	return 0;
oom:
	strbuf_release(&t);
	return -1;
}

int tex_to_markdown(const char *src, size_t len, struct strbuf *out, char **title)
{
	struct tex t = { .out = out, .bol = true };
	size_t from = out->len;
	int rc = 0;

	strbuf_init(&t.dropped);
	*title = NULL;
	conv(&t, src, len);
	if (!t.oom && tidy(out, from) < 0)
		t.oom = true;
	if (!t.oom && t.dropped.len &&
	    strbuf_addf(out, "%s(not converted: %s)\n", out->len > from ? "\n" : "",
	                t.dropped.buf) < 0)
		t.oom = true;
	if (t.oom) {
		free(t.title);
		strbuf_setlen(out, from);
		rc = -1;
	} else {
		*title = t.title;
	}
	strbuf_release(&t.dropped);
	return rc;
}
