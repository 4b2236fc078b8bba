/* package.c - a problem package as a tree of files: safe readers (directory, zip) and writers */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "package.h"
#include "utf8.h"
#include "util.h"

/* zip entries carry a fixed time so that one package always gives the same archive */
#define PKG_ZIP_MTIME 1577836800	/* 2020-01-01 */

static const char *const err_names[PKG_ERR__MAX] = {
	[PKG_OK] = "ok",
	[PKG_INVALID] = "invalid package",
	[PKG_TOO_LARGE] = "package too large",
	[PKG_IO] = "input/output error",
	[PKG_NOMEM] = "out of memory",
};

const char *pkg_strerror(enum pkg_err e)
{
	return (unsigned)e < PKG_ERR__MAX ? err_names[e] : "unknown error";
}

/* A name as a message may show it: control bytes become '?', long names are cut. */
static const char *shown(const char *s, char *buf, size_t size)
{
	size_t i;

	for (i = 0; s[i] && i + 4 < size; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	if (s[i]) {
		memcpy(buf + i, "...", 3);
		i += 3;
	}
	buf[i] = '\0';
	return buf;
}

static enum pkg_err perr(enum pkg_err e, char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static enum pkg_err perr(enum pkg_err e, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return e;
}

/* Is path (n bytes, no trailing '/') a name this module accepts? */
static enum pkg_err path_check(const char *path, size_t n, char *err, size_t errlen)
{
	char b[240];
	size_t i, start = 0, depth = 0;

	if (n == 0)
		return perr(PKG_INVALID, err, errlen, "an entry with an empty name");
	if (n > PKG_MAX_PATH)
		return perr(PKG_TOO_LARGE, err, errlen, "'%s': a path longer than %d bytes",
			    shown(path, b, sizeof(b)), PKG_MAX_PATH);
	if (path[0] == '/')
		return perr(PKG_INVALID, err, errlen, "'%s': an absolute path",
			    shown(path, b, sizeof(b)));
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];

		if (c == '\\')
			return perr(PKG_INVALID, err, errlen, "'%s': a backslash in a path",
				    shown(path, b, sizeof(b)));
		if (c < 0x20 || c == 0x7f)
			return perr(PKG_INVALID, err, errlen, "'%s': a control character in a path",
				    shown(path, b, sizeof(b)));
	}
	if (!utf8_valid(path, n))
		return perr(PKG_INVALID, err, errlen, "'%s': a path that is not UTF-8",
			    shown(path, b, sizeof(b)));
	for (i = 0; i <= n; i++) {
		size_t clen;

		if (i < n && path[i] != '/')
			continue;
		clen = i - start;
		if (clen == 0)
			return perr(PKG_INVALID, err, errlen, "'%s': an empty path component",
				    shown(path, b, sizeof(b)));
		if ((clen == 1 && path[start] == '.') ||
		    (clen == 2 && path[start] == '.' && path[start + 1] == '.'))
			return perr(
			    PKG_INVALID, err, errlen,
			    "'%s': a '.' or '..' component (paths must stay inside the package)",
			    shown(path, b, sizeof(b)));
		if (clen > 255)
			return perr(PKG_TOO_LARGE, err, errlen,
			            "'%s': a name longer than 255 bytes",
			            shown(path, b, sizeof(b)));
		if (++depth > PKG_MAX_DEPTH)
			return perr(PKG_TOO_LARGE, err, errlen,
			            "'%s': nested deeper than %d levels", shown(path, b, sizeof(b)),
			            PKG_MAX_DEPTH);
		start = i + 1;
	}
	return PKG_OK;
}

/* ---- the tree ---- */

void pkg_init(struct pkg *p)
{
	memset(p, 0, sizeof(*p));
}

void pkg_release(struct pkg *p)
{
	size_t i;

	for (i = 0; i < p->nfiles; i++) {
		free(p->files[i].path);
		free(p->files[i].data);
	}
	free(p->files);
	free(p->name);
	pkg_init(p);
}

size_t pkg_lower(const struct pkg *p, const char *prefix)
{
	size_t lo = 0, hi = p->nfiles;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(p->files[mid].path, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct pkg_file *pkg_find(const struct pkg *p, const char *path)
{
	size_t i = pkg_lower(p, path);

	return i < p->nfiles && !strcmp(p->files[i].path, path) ? &p->files[i] : NULL;
}

/* Is there a file under dir ("a/b" -> some "a/b/...")? */
static bool has_under(const struct pkg *p, const char *dir, size_t dlen)
{
	char key[PKG_MAX_PATH + 2];
	size_t i;

	if (dlen + 2 > sizeof(key))
		return false;
	memcpy(key, dir, dlen);
	key[dlen] = '/';
	key[dlen + 1] = '\0';
	i = pkg_lower(p, key);
	return i < p->nfiles && !strncmp(p->files[i].path, key, dlen + 1);
}

/* Insert path -> data (both malloc'd; taken in every case) at its sorted place. */
static enum pkg_err insert(struct pkg *p, char *path, char *data, size_t len, char *err,
			   size_t errlen)
{
	enum pkg_err rc = PKG_OK;
	char b[240];
	size_t i, n = strlen(path);

	if (p->nfiles >= PKG_MAX_ENTRIES)
		rc = perr(PKG_TOO_LARGE, err, errlen, "more than %d files", PKG_MAX_ENTRIES);
	else if (len > PKG_MAX_FILE)
		rc = perr(PKG_TOO_LARGE, err, errlen, "'%s': larger than %u MiB",
			  shown(path, b, sizeof(b)), PKG_MAX_FILE >> 20);
	else if (p->total + len > PKG_MAX_TOTAL)
		rc = perr(PKG_TOO_LARGE, err, errlen,
			  "more than %u MiB in all (at '%s'; copies made for links count)",
			  PKG_MAX_TOTAL >> 20, shown(path, b, sizeof(b)));
	if (rc != PKG_OK)
		goto out;
	/* a file may not also be a directory, nor sit below another file */
	for (i = 0; i < n; i++) {
		if (path[i] != '/')
			continue;
		path[i] = '\0';
		if (pkg_find(p, path))
			rc = perr(PKG_INVALID, err, errlen, "'%s' is both a file and a directory",
				  shown(path, b, sizeof(b)));
		path[i] = '/';
		if (rc != PKG_OK)
			goto out;
	}
	if (pkg_find(p, path) || has_under(p, path, n)) {
		rc = perr(PKG_INVALID, err, errlen, "'%s' appears twice in the package",
			  shown(path, b, sizeof(b)));
		goto out;
	}
	if (p->nfiles == p->alloc) {
		size_t na = p->alloc ? p->alloc * 2 : 64;
		struct pkg_file *nf = realloc(p->files, na * sizeof(*nf));

		if (!nf) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			goto out;
		}
		p->files = nf;
		p->alloc = na;
	}
	i = pkg_lower(p, path);
	memmove(&p->files[i + 1], &p->files[i], (p->nfiles - i) * sizeof(p->files[0]));
	p->files[i] = (struct pkg_file){ path, data, len };
	p->nfiles++;
	p->total += len;
	return PKG_OK;
out:
	free(path);
	free(data);
	return rc;
}

/* A malloc'd copy of len bytes with a NUL after them. */
static char *copy_bytes(const void *data, size_t len)
{
	char *d = malloc(len + 1);

	if (!d)
		return NULL;
	if (len)
		memcpy(d, data, len);
	d[len] = '\0';
	return d;
}

enum pkg_err pkg_add(struct pkg *p, const char *path, const void *data, size_t len, char *err,
		     size_t errlen)
{
	enum pkg_err rc = path_check(path, strlen(path), err, errlen);
	char *pc, *dc;

	if (rc != PKG_OK)
		return rc;
	if (len > PKG_MAX_FILE)
		return perr(PKG_TOO_LARGE, err, errlen, "'%s': larger than %u MiB", path,
			    PKG_MAX_FILE >> 20);
	pc = strdup(path);
	dc = copy_bytes(data, len);
	if (!pc || !dc) {
		free(pc);
		free(dc);
		return perr(PKG_NOMEM, err, errlen, "out of memory");
	}
	return insert(p, pc, dc, len, err, errlen);
}

enum pkg_err pkg_set_name(struct pkg *p, const char *name)
{
	char *n = NULL;

	if (name && !(n = strdup(name)))
		return PKG_NOMEM;
	free(p->name);
	p->name = n;
	return PKG_OK;
}

/* ---- what a reader collects before links are resolved ---- */

enum raw_kind { RAW_FILE, RAW_DIR, RAW_LINK };

struct raw {
	char *path;
	char *data;	/* a file's bytes or a link's target (NUL-terminated) */
	size_t len;
	enum raw_kind kind;
};

struct rawset {
	struct raw *v;
	size_t n, alloc;
	size_t total;
};

static void raw_release(struct rawset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].path);
		free(rs->v[i].data);
	}
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

/* Append an entry; path and data are taken in every case. */
static enum pkg_err raw_add(struct rawset *rs, char *path, char *data, size_t len,
			    enum raw_kind kind, char *err, size_t errlen)
{
	enum pkg_err rc = PKG_OK;

	if (!path)
		rc = perr(PKG_NOMEM, err, errlen, "out of memory");
	else if (rs->n >= PKG_MAX_ENTRIES)
		rc = perr(PKG_TOO_LARGE, err, errlen, "more than %d entries", PKG_MAX_ENTRIES);
	else if (kind == RAW_FILE && rs->total + len > PKG_MAX_TOTAL)
		rc = perr(PKG_TOO_LARGE, err, errlen, "more than %u MiB in all",
			  PKG_MAX_TOTAL >> 20);
	else if (rs->n == rs->alloc) {
		size_t na = rs->alloc ? rs->alloc * 2 : 64;
		struct raw *nv = realloc(rs->v, na * sizeof(*nv));

		if (!nv)
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
		else {
			rs->v = nv;
			rs->alloc = na;
		}
	}
	if (rc != PKG_OK) {
		free(path);
		free(data);
		return rc;
	}
	rs->v[rs->n++] = (struct raw){ path, data, len, kind };
	if (kind == RAW_FILE)
		rs->total += len;
	return PKG_OK;
}

static int raw_cmp(const void *a, const void *b)
{
	return strcmp(((const struct raw *)a)->path, ((const struct raw *)b)->path);
}

static size_t raw_lower(const struct rawset *rs, const char *key)
{
	size_t lo = 0, hi = rs->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(rs->v[mid].path, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct raw *raw_find(const struct rawset *rs, const char *path)
{
	size_t i = raw_lower(rs, path);

	return i < rs->n && !strcmp(rs->v[i].path, path) ? &rs->v[i] : NULL;
}

/* The index of the first entry under dir ("" is the root), into *first; false when none. */
static bool raw_under(const struct rawset *rs, const char *dir, size_t *first)
{
	char key[PKG_MAX_PATH + 2];
	size_t dlen = strlen(dir), i;

	if (!dlen) {
		*first = 0;
		return rs->n > 0;
	}
	if (dlen + 2 > sizeof(key))
		return false;
	memcpy(key, dir, dlen);
	memcpy(key + dlen, "/", 2);
	i = raw_lower(rs, key);
	*first = i;
	return i < rs->n && !strncmp(rs->v[i].path, key, dlen + 1);
}

static bool raw_is_dir(const struct rawset *rs, const char *path)
{
	const struct raw *r = raw_find(rs, path);
	size_t i;

	return !*path || (r && r->kind == RAW_DIR) || (!r && raw_under(rs, path, &i));
}

/*
 * Resolve path through the links of rs, by name, into out: a path with no link
 * left in it.  Refused: an absolute link, a climb above the root, a loop.
 */
static enum pkg_err resolve(const struct rawset *rs, const char *path, struct strbuf *out,
			    char *err, size_t errlen)
{
	struct strbuf rest = STRBUF_INIT, next = STRBUF_INIT;
	enum pkg_err rc = PKG_OK;
	char b1[240], b2[240];
	int hops = 0;

	strbuf_reset(out);
	if (strbuf_addstr(&rest, path) < 0)
		return perr(PKG_NOMEM, err, errlen, "out of memory");
	while (rest.len && rc == PKG_OK) {
		const char *slash = memchr(rest.buf, '/', rest.len);
		size_t clen = slash ? (size_t)(slash - rest.buf) : rest.len;
		size_t skip = slash ? clen + 1 : clen;
		const struct raw *r;
		char comp[256];

		if (clen >= sizeof(comp)) {
			rc = perr(PKG_TOO_LARGE, err, errlen,
			          "a link target with a name over 255 bytes");
			break;
		}
		memcpy(comp, rest.buf, clen);
		comp[clen] = '\0';
		memmove(rest.buf, rest.buf + skip, rest.len - skip + 1);
		rest.len -= skip;
		if (clen == 0 || !strcmp(comp, "."))
			continue;
		if (!strcmp(comp, "..")) {
			char *s;

			if (!out->len) {
				rc = perr(PKG_INVALID, err, errlen,
					  "symlink '%s' leads out of the package",
					  shown(path, b1, sizeof(b1)));
				break;
			}
			s = strrchr(out->buf, '/');
			strbuf_setlen(out, s ? (size_t)(s - out->buf) : 0);
			continue;
		}
		if ((out->len && strbuf_addstr(out, "/") < 0) || strbuf_addstr(out, comp) < 0) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			break;
		}
		if (out->len > PKG_MAX_PATH) {
			rc = perr(PKG_TOO_LARGE, err, errlen,
			          "symlink '%s' resolves to a path over %d bytes",
			          shown(path, b1, sizeof(b1)), PKG_MAX_PATH);
			break;
		}
		r = raw_find(rs, out->buf);
		if (!r || r->kind != RAW_LINK)
			continue;
		if (++hops > PKG_MAX_LINKS) {
			rc = perr(PKG_INVALID, err, errlen,
				  "symlink loop: '%s' goes through more than %d links",
				  shown(path, b1, sizeof(b1)), PKG_MAX_LINKS);
			break;
		}
		if (r->data[0] == '/') {
			rc = perr(
			    PKG_INVALID, err, errlen,
			    "symlink '%s' -> '%s' is absolute (links must stay inside the package)",
			    shown(r->path, b1, sizeof(b1)), shown(r->data, b2, sizeof(b2)));
			break;
		}
		/* go on from the link's directory with its target, then what was left */
		strbuf_reset(&next);
		if (strbuf_addstr(&next, r->data) < 0 ||
		    (rest.len && (strbuf_addstr(&next, "/") < 0 ||
				  strbuf_add(&next, rest.buf, rest.len) < 0))) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			break;
		}
		strbuf_reset(&rest);
		if (strbuf_add(&rest, next.buf, next.len) < 0) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			break;
		}
		{
			char *s = strrchr(out->buf, '/');

			strbuf_setlen(out, s ? (size_t)(s - out->buf) : 0);
		}
	}
	strbuf_release(&rest);
	strbuf_release(&next);
	return rc;
}

struct finish {
	const struct rawset *rs;
	struct pkg *p;
	size_t strip;	/* bytes of "top/" to cut from every path, or 0 */
	char top[256];	/* a zip's top directory when strip */
	size_t work;	/* entries visited while copying for links */
};

/* links that copy directories into themselves branch: the visits they may make in all */
#define PKG_MAX_LINK_WORK (8u * PKG_MAX_ENTRIES)

static enum pkg_err add_copy(struct finish *f, const char *path, const struct raw *src, char *err,
			     size_t errlen)
{
	const char *out = path + f->strip;
	enum pkg_err rc = path_check(out, strlen(out), err, errlen);
	char *pc, *dc;

	if (rc != PKG_OK)
		return rc;
	pc = strdup(out);
	dc = copy_bytes(src->data, src->len);
	if (!pc || !dc) {
		free(pc);
		free(dc);
		return perr(PKG_NOMEM, err, errlen, "out of memory");
	}
	return insert(f->p, pc, dc, src->len, err, errlen);
}

static enum pkg_err copy_target(struct finish *f, const char *at, const char *link, int depth,
				char *err, size_t errlen);

/* Copy every file under dir (resolved, no link in it) to the same place under at. */
static enum pkg_err copy_dir(struct finish *f, const char *at, const char *dir, int depth,
			     char *err, size_t errlen)
{
	const struct rawset *rs = f->rs;
	struct strbuf np = STRBUF_INIT;
	size_t dlen = strlen(dir), i;
	enum pkg_err rc = PKG_OK;

	if (depth > PKG_MAX_LINKS)
		return perr(PKG_INVALID, err, errlen,
		            "symlink loop: directory links nest more than %d deep", PKG_MAX_LINKS);
	rc = path_check(at + f->strip, strlen(at + f->strip), err, errlen);
	if (rc != PKG_OK)
		return rc;
	if (!raw_under(rs, dir, &i))
		return PKG_OK;
	for (; i < rs->n && rc == PKG_OK; i++) {
		const struct raw *e = &rs->v[i];
		const char *suffix = dlen ? e->path + dlen + 1 : e->path;

		if (dlen && (strncmp(e->path, dir, dlen) || e->path[dlen] != '/'))
			break;
		if (++f->work > PKG_MAX_LINK_WORK) {
			rc = perr(PKG_TOO_LARGE, err, errlen,
				  "directory links expand to more than %u entries (at '%s')",
				  PKG_MAX_LINK_WORK, at);
			break;
		}
		if (e->kind == RAW_DIR)
			continue;
		strbuf_reset(&np);
		if (strbuf_addf(&np, "%s/%s", at, suffix) < 0) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			break;
		}
		if (np.len > PKG_MAX_PATH) {
			rc = perr(PKG_TOO_LARGE, err, errlen,
			          "links copy '%s' to a path deeper than the package allows",
			          e->path);
			break;
		}
		if (e->kind == RAW_FILE)
			rc = add_copy(f, np.buf, e, err, errlen);
		else
			rc = copy_target(f, np.buf, e->path, depth + 1, err, errlen);
	}
	strbuf_release(&np);
	return rc;
}

/* Put at `at` what the link at path `link` names: a file, or a directory's files. */
static enum pkg_err copy_target(struct finish *f, const char *at, const char *link, int depth,
				char *err, size_t errlen)
{
	struct strbuf t = STRBUF_INIT;
	const struct raw *r, *l = raw_find(f->rs, link);
	enum pkg_err rc;
	char b1[240], b2[240];

	rc = resolve(f->rs, link, &t, err, errlen);
	if (rc != PKG_OK)
		goto out;
	/* the package root is above a zip's top directory: going there is leaving */
	if (f->strip && (strncmp(t.buf, f->top, f->strip - 1) ||
			 (t.buf[f->strip - 1] != '/' && t.buf[f->strip - 1] != '\0'))) {
		rc = perr(PKG_INVALID, err, errlen, "symlink '%s' leads out of the package",
			  shown(link, b1, sizeof(b1)));
		goto out;
	}
	r = raw_find(f->rs, t.buf);
	if (r && r->kind == RAW_FILE)
		rc = add_copy(f, at, r, err, errlen);
	else if (raw_is_dir(f->rs, t.buf))
		rc = copy_dir(f, at, t.buf, depth, err, errlen);
	else
		rc = perr(PKG_INVALID, err, errlen,
		          "symlink '%s' -> '%s' names nothing in the package",
		          shown(link, b1, sizeof(b1)), shown(l ? l->data : "?", b2, sizeof(b2)));
out:
	strbuf_release(&t);
	return rc;
}

/*
 * The collected entries into p: sorted, checked for duplicates and for names
 * that are both files and directories, a zip's top directory cut off when
 * strip_top, links resolved into copies, files moved.
 */
static enum pkg_err finish(struct rawset *rs, struct pkg *p, bool strip_top, char *err,
			   size_t errlen)
{
	struct finish f = { .rs = rs, .p = p };
	enum pkg_err rc = PKG_OK;
	char b[240];
	size_t i, j;

	if (rs->n)
		qsort(rs->v, rs->n, sizeof(rs->v[0]), raw_cmp);
	for (i = 0; i < rs->n; i++) {
		const struct raw *e = &rs->v[i];

		if (i + 1 < rs->n && !strcmp(e->path, rs->v[i + 1].path) &&
		    (e->kind != RAW_DIR || rs->v[i + 1].kind != RAW_DIR))
			return perr(PKG_INVALID, err, errlen, "'%s' appears twice in the package",
				    shown(e->path, b, sizeof(b)));
		if (e->kind != RAW_DIR && raw_under(rs, e->path, &j))
			return perr(PKG_INVALID, err, errlen, "'%s' is both a %s and a directory",
				    shown(e->path, b, sizeof(b)),
				    e->kind == RAW_LINK ? "symlink" : "file");
	}
	if (strip_top && rs->n && !raw_find(rs, "problem.yaml")) {
		const char *top = rs->v[0].path;
		size_t tlen = strcspn(top, "/");
		const struct raw *t;

		for (i = 0; i < rs->n; i++)
			if (strncmp(rs->v[i].path, top, tlen) ||
			    (rs->v[i].path[tlen] != '/' && rs->v[i].path[tlen] != '\0'))
				break;
		if (i == rs->n && tlen < sizeof(f.top)) {
			memcpy(f.top, top, tlen);
			f.top[tlen] = '\0';
			t = raw_find(rs, f.top);
			/* the top itself, when listed, is a directory with something in it */
			if ((!t || t->kind == RAW_DIR) && raw_under(rs, f.top, &j)) {
				f.strip = tlen + 1;
				if (pkg_set_name(p, f.top) != PKG_OK)
					return perr(PKG_NOMEM, err, errlen, "out of memory");
			}
		}
	}
	/* links first: they copy from files that are moved afterwards */
	for (i = 0; i < rs->n && rc == PKG_OK; i++)
		if (rs->v[i].kind == RAW_LINK)
			rc = copy_target(&f, rs->v[i].path, rs->v[i].path, 0, err, errlen);
	for (i = 0; i < rs->n && rc == PKG_OK; i++) {
		struct raw *e = &rs->v[i];
		char *pc;

		if (e->kind != RAW_FILE)
			continue;
		pc = strdup(e->path + f.strip);
		if (!pc)
			return perr(PKG_NOMEM, err, errlen, "out of memory");
		rc = insert(p, pc, e->data, e->len, err, errlen);
		e->data = NULL;
	}
	return rc;
}

/* ---- reading a directory ---- */

static bool skipped_name(const char *name)
{
	return !strcmp(name, ".") || !strcmp(name, "..") || !strcmp(name, ".git") ||
	       !strcmp(name, "__MACOSX");
}

static enum pkg_err read_regular(struct rawset *rs, int dfd, const char *name, const char *rel,
				 char *err, size_t errlen)
{
	struct strbuf sb = STRBUF_INIT;
	enum pkg_err rc;
	struct stat st;
	char b[240];
	int fd;

	/* O_NONBLOCK: a FIFO swapped in after the fstatat must not hang the open */
	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return perr(PKG_IO, err, errlen, "cannot open '%s': %s", shown(rel, b, sizeof(b)),
			    strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return perr(PKG_INVALID, err, errlen, "'%s' changed while it was read",
			    shown(rel, b, sizeof(b)));
	}
	if ((unsigned long long)st.st_size > PKG_MAX_FILE) {
		close(fd);
		return perr(PKG_TOO_LARGE, err, errlen, "'%s': larger than %u MiB",
			    shown(rel, b, sizeof(b)), PKG_MAX_FILE >> 20);
	}
	if (rs->total + (size_t)st.st_size > PKG_MAX_TOTAL) {
		close(fd);
		return perr(PKG_TOO_LARGE, err, errlen, "more than %u MiB in all (at '%s')",
			    PKG_MAX_TOTAL >> 20, shown(rel, b, sizeof(b)));
	}
	if (strbuf_read_fd(&sb, fd, PKG_MAX_FILE) < 0) {
		rc = perr(PKG_IO, err, errlen, "cannot read '%s': %s", shown(rel, b, sizeof(b)),
			  strerror(errno));
		close(fd);
		strbuf_release(&sb);
		return rc;
	}
	close(fd);
	if (sb.len > PKG_MAX_FILE) {
		strbuf_release(&sb);
		return perr(PKG_TOO_LARGE, err, errlen, "'%s': larger than %u MiB",
			    shown(rel, b, sizeof(b)), PKG_MAX_FILE >> 20);
	}
	{
		size_t len;
		char *data = strbuf_detach(&sb, &len);

		if (!data)
			return perr(PKG_NOMEM, err, errlen, "out of memory");
		return raw_add(rs, strdup(rel), data, len, RAW_FILE, err, errlen);
	}
}

/* Walk the directory open at fd (taken) whose path in the package is rel. */
static enum pkg_err walk(struct rawset *rs, int fd, struct strbuf *rel, char *err, size_t errlen)
{
	size_t base = rel->len;
	enum pkg_err rc = PKG_OK;
	struct dirent *de;
	char b[240];
	DIR *d;

	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return perr(PKG_IO, err, errlen, "cannot read the directory '%s': %s",
			    base ? rel->buf : ".", strerror(errno));
	}
	while (rc == PKG_OK) {
		struct stat st;

		errno = 0;
		de = readdir(d);
		if (!de) {
			if (errno)
				rc = perr(PKG_IO, err, errlen, "cannot read the directory '%s': %s",
					  base ? rel->buf : ".", strerror(errno));
			break;
		}
		if (skipped_name(de->d_name))
			continue;
		strbuf_setlen(rel, base);
		if ((base && strbuf_addstr(rel, "/") < 0) || strbuf_addstr(rel, de->d_name) < 0) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			break;
		}
		rc = path_check(rel->buf, rel->len, err, errlen);
		if (rc != PKG_OK)
			break;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			rc = perr(PKG_IO, err, errlen, "cannot stat '%s': %s",
				  shown(rel->buf, b, sizeof(b)), strerror(errno));
			break;
		}
		switch (st.st_mode & S_IFMT) {
		case S_IFDIR: {
			int cfd;

			rc = raw_add(rs, strdup(rel->buf), NULL, 0, RAW_DIR, err, errlen);
			if (rc != PKG_OK)
				break;
			cfd = openat(dirfd(d), de->d_name,
				     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (cfd < 0) {
				rc = perr(PKG_IO, err, errlen, "cannot open '%s': %s",
					  shown(rel->buf, b, sizeof(b)), strerror(errno));
				break;
			}
			rc = walk(rs, cfd, rel, err, errlen);
			break;
		}
		case S_IFREG:
			rc = read_regular(rs, dirfd(d), de->d_name, rel->buf, err, errlen);
			break;
		case S_IFLNK: {
			char target[PKG_MAX_PATH + 1];
			ssize_t n = readlinkat(dirfd(d), de->d_name, target, sizeof(target));

			if (n < 0) {
				rc = perr(PKG_IO, err, errlen, "cannot read the link '%s': %s",
					  shown(rel->buf, b, sizeof(b)), strerror(errno));
				break;
			}
			if ((size_t)n >= sizeof(target)) {
				rc = perr(PKG_TOO_LARGE, err, errlen,
				          "symlink '%s': a target over %d bytes",
				          shown(rel->buf, b, sizeof(b)), PKG_MAX_PATH);
				break;
			}
			rc = raw_add(rs, strdup(rel->buf), copy_bytes(target, (size_t)n), (size_t)n,
				     RAW_LINK, err, errlen);
			break;
		}
		default:
			rc = perr(PKG_INVALID, err, errlen, "'%s' is a device file, FIFO or socket",
			          shown(rel->buf, b, sizeof(b)));
			break;
		}
	}
	closedir(d);
	strbuf_setlen(rel, base);
	return rc;
}

enum pkg_err pkg_read_dir(const char *path, struct pkg *p, char *err, size_t errlen)
{
	struct rawset rs = { 0 };
	struct strbuf rel = STRBUF_INIT;
	enum pkg_err rc;
	char *real;
	int fd;

	pkg_init(p);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return perr(PKG_IO, err, errlen, "cannot open the directory '%s': %s", path,
			    strerror(errno));
	rc = walk(&rs, fd, &rel, err, errlen);
	if (rc == PKG_OK)
		rc = finish(&rs, p, false, err, errlen);
	if (rc == PKG_OK && (real = realpath(path, NULL))) {
		const char *base = strrchr(real, '/');

		base = base ? base + 1 : real;
		if (*base && pkg_set_name(p, base) != PKG_OK)
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
		free(real);
	}
	raw_release(&rs);
	strbuf_release(&rel);
	if (rc != PKG_OK)
		pkg_release(p);
	return rc;
}

/* ---- reading a zip ---- */

/* What the first pass learnt of an entry. */
struct zent {
	zip_uint64_t index;
	zip_uint64_t size;
	enum raw_kind kind;
	char *path;
};

/* Inflate entry e, counting: never more than its declared size plus one byte. */
static enum pkg_err zip_inflate(zip_t *za, const struct zent *e, char **out, char *err,
				size_t errlen)
{
	zip_uint64_t got = 0, cap = e->size + 1;
	enum pkg_err rc = PKG_OK;
	char b[240], *buf;
	zip_file_t *zf;

	*out = NULL;
	buf = malloc(cap + 1);
	if (!buf)
		return perr(PKG_NOMEM, err, errlen, "out of memory");
	zf = zip_fopen_index(za, e->index, 0);
	if (!zf) {
		free(buf);
		return perr(PKG_INVALID, err, errlen, "cannot open '%s' in the zip: %s",
			    shown(e->path, b, sizeof(b)), zip_strerror(za));
	}
	while (got < cap) {
		zip_int64_t n = zip_fread(zf, buf + got, cap - got);

		if (n < 0) {
			rc = perr(PKG_INVALID, err, errlen, "cannot inflate '%s': %s",
				  shown(e->path, b, sizeof(b)), zip_file_strerror(zf));
			break;
		}
		if (n == 0)
			break;
		got += (zip_uint64_t)n;
	}
	zip_fclose(zf);
	if (rc == PKG_OK && got > e->size)
		rc = perr(PKG_TOO_LARGE, err, errlen,
			  "'%s' inflates past the %llu bytes it declares (a zip bomb?)",
			  shown(e->path, b, sizeof(b)), (unsigned long long)e->size);
	else if (rc == PKG_OK && got < e->size)
		rc = perr(PKG_INVALID, err, errlen,
		          "'%s' is shorter than the %llu bytes it declares",
		          shown(e->path, b, sizeof(b)), (unsigned long long)e->size);
	if (rc != PKG_OK) {
		free(buf);
		return rc;
	}
	buf[got] = '\0';
	*out = buf;
	return PKG_OK;
}

/* First pass over one entry: its name, type and declared size, nothing inflated. */
static enum pkg_err zip_entry(zip_t *za, zip_uint64_t i, struct zent *e, zip_uint64_t *declared,
			      char *err, size_t errlen)
{
	zip_uint8_t opsys = 0;
	zip_uint32_t attr = 0;
	enum pkg_err rc;
	zip_stat_t st;
	size_t n;
	char b[240];

	memset(e, 0, sizeof(*e));
	e->index = i;
	zip_stat_init(&st);
	if (zip_stat_index(za, i, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME) ||
	    !(st.valid & ZIP_STAT_SIZE))
		return perr(PKG_INVALID, err, errlen, "entry %llu of the zip cannot be read: %s",
			    (unsigned long long)i, zip_strerror(za));
	n = strlen(st.name);
	if (!strncmp(st.name, "__MACOSX/", 9) || !strcmp(st.name, "__MACOSX"))
		return PKG_OK;	/* e->path stays NULL: skipped */
	e->kind = n && st.name[n - 1] == '/' ? RAW_DIR : RAW_FILE;
	if (zip_file_get_external_attributes(za, i, 0, &opsys, &attr) == 0 &&
	    opsys == ZIP_OPSYS_UNIX) {
		unsigned type = (attr >> 16) & S_IFMT;

		if (type == S_IFLNK)
			e->kind = RAW_LINK;
		else if (type == S_IFDIR)
			e->kind = RAW_DIR;
		else if (type && type != S_IFREG)
			return perr(PKG_INVALID, err, errlen,
			            "'%s' is a device file, FIFO or socket",
			            shown(st.name, b, sizeof(b)));
	}
	while (n && st.name[n - 1] == '/' && e->kind == RAW_DIR)
		n--;
	rc = path_check(st.name, n, err, errlen);
	if (rc != PKG_OK)
		return rc;
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return perr(PKG_INVALID, err, errlen, "'%s' is encrypted",
		            shown(st.name, b, sizeof(b)));
	e->size = e->kind == RAW_DIR ? 0 : st.size;
	if (e->kind == RAW_LINK && e->size > PKG_MAX_PATH)
		return perr(PKG_TOO_LARGE, err, errlen, "symlink '%s': a target over %d bytes",
			    shown(st.name, b, sizeof(b)), PKG_MAX_PATH);
	if (e->kind == RAW_FILE && e->size > PKG_MAX_FILE)
		return perr(PKG_TOO_LARGE, err, errlen,
			    "'%s' declares %llu bytes, more than %u MiB for one file (a zip bomb?)",
			    shown(st.name, b, sizeof(b)), (unsigned long long)e->size,
			    PKG_MAX_FILE >> 20);
	*declared += e->size;
	if (*declared > PKG_MAX_TOTAL)
		return perr(PKG_TOO_LARGE, err, errlen,
			    "the zip declares more than %u MiB in all (at '%s'; a zip bomb?)",
			    PKG_MAX_TOTAL >> 20, shown(st.name, b, sizeof(b)));
	e->path = strndup(st.name, n);
	if (!e->path)
		return perr(PKG_NOMEM, err, errlen, "out of memory");
	return PKG_OK;
}

enum pkg_err pkg_read_zip(const void *data, size_t len, struct pkg *p, char *err, size_t errlen)
{
	struct rawset rs = { 0 };
	struct zent *ents = NULL;
	zip_uint64_t declared = 0, i, n = 0;
	enum pkg_err rc = PKG_OK;
	zip_source_t *src;
	zip_error_t ze;
	zip_int64_t count;
	zip_t *za;

	pkg_init(p);
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return perr(PKG_NOMEM, err, errlen, "out of memory");
	}
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!za) {
		rc = perr(PKG_INVALID, err, errlen, "not a valid zip archive: %s",
			  zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	count = zip_get_num_entries(za, 0);
	if (count < 0) {
		rc = perr(PKG_INVALID, err, errlen, "not a valid zip archive");
		goto out;
	}
	if (count > PKG_MAX_ENTRIES) {
		rc = perr(PKG_TOO_LARGE, err, errlen,
		          "the zip has %lld entries; at most %d are allowed", (long long)count,
		          PKG_MAX_ENTRIES);
		goto out;
	}
	ents = calloc((size_t)count + 1, sizeof(*ents));
	if (!ents) {
		rc = perr(PKG_NOMEM, err, errlen, "out of memory");
		goto out;
	}
	/* every name, type and declared size is checked before a byte is inflated */
	for (i = 0; i < (zip_uint64_t)count && rc == PKG_OK; i++) {
		rc = zip_entry(za, i, &ents[n], &declared, err, errlen);
		if (rc == PKG_OK && ents[n].path)
			n++;
	}
	for (i = 0; i < n && rc == PKG_OK; i++) {
		char *buf = NULL;

		if (ents[i].kind != RAW_DIR) {
			rc = zip_inflate(za, &ents[i], &buf, err, errlen);
			if (rc != PKG_OK)
				break;
			if (ents[i].kind == RAW_LINK && memchr(buf, '\0', ents[i].size)) {
				free(buf);
				rc = perr(PKG_INVALID, err, errlen,
				          "symlink '%s': a NUL in its target", ents[i].path);
				break;
			}
		}
		rc = raw_add(&rs, ents[i].path, buf, ents[i].size, ents[i].kind, err, errlen);
		ents[i].path = NULL;
	}
	if (rc == PKG_OK)
		rc = finish(&rs, p, true, err, errlen);
out:
	if (ents) {
		for (i = 0; i < (zip_uint64_t)count; i++)
			free(ents[i].path);
		free(ents);
	}
	zip_discard(za);
	raw_release(&rs);
	if (rc != PKG_OK)
		pkg_release(p);
	return rc;
}

/* ---- writing ---- */

enum pkg_err pkg_write_zip(const struct pkg *p, struct strbuf *out, char *err, size_t errlen)
{
	struct strbuf name = STRBUF_INIT;
	enum pkg_err rc = PKG_OK;
	zip_source_t *src, *fs;
	zip_stat_t st;
	zip_error_t ze;
	zip_t *za;
	size_t i;

	if (p->name && (strchr(p->name, '/') || path_check(p->name, strlen(p->name), err, errlen)))
		return perr(PKG_INVALID, err, errlen,
		            "the package name '%s' is not a safe directory name", p->name);
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return perr(PKG_NOMEM, err, errlen, "out of memory");
	}
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		rc = perr(PKG_IO, err, errlen, "cannot make a zip: %s", zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	/* the archive's bytes stay readable after zip_close */
	zip_source_keep(src);
	for (i = 0; i < p->nfiles && rc == PKG_OK; i++) {
		const struct pkg_file *f = &p->files[i];
		zip_int64_t idx;

		strbuf_reset(&name);
		if ((p->name && strbuf_addf(&name, "%s/", p->name) < 0) ||
		    strbuf_addstr(&name, f->path) < 0) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			break;
		}
		fs = zip_source_buffer(za, f->data, f->len, 0);
		if (!fs) {
			rc = perr(PKG_NOMEM, err, errlen, "out of memory");
			break;
		}
		idx = zip_file_add(za, name.buf, fs, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(fs);
			rc = perr(PKG_IO, err, errlen, "cannot add '%s' to the zip: %s", f->path,
				  zip_strerror(za));
			break;
		}
		if (zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
						     (zip_uint32_t)(S_IFREG | 0644) << 16) < 0 ||
		    zip_file_set_mtime(za, (zip_uint64_t)idx, PKG_ZIP_MTIME, 0) < 0)
			rc = perr(PKG_IO, err, errlen, "cannot set the attributes of '%s': %s",
			          f->path, zip_strerror(za));
	}
	strbuf_release(&name);
	if (rc != PKG_OK) {
		zip_discard(za);
		zip_source_free(src);
		return rc;
	}
	if (zip_close(za) < 0) {
		rc = perr(PKG_IO, err, errlen, "cannot write the zip: %s", zip_strerror(za));
		zip_discard(za);
		zip_source_free(src);
		return rc;
	}
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0) {
		zip_source_free(src);
		return perr(PKG_IO, err, errlen, "cannot read the zip back");
	}
	if (strbuf_grow(out, (size_t)st.size) < 0) {
		rc = perr(PKG_NOMEM, err, errlen, "out of memory");
	} else {
		zip_int64_t n;

		while ((n = zip_source_read(src, out->buf + out->len, out->alloc - out->len - 1)) >
		       0) {
			out->len += (size_t)n;
			out->buf[out->len] = '\0';
			if (out->len + 1 == out->alloc && strbuf_grow(out, 1 << 16) < 0) {
				n = -1;
				break;
			}
		}
		if (n < 0)
			rc = perr(PKG_IO, err, errlen, "cannot read the zip back");
	}
	zip_source_close(src);
	zip_source_free(src);
	return rc;
}

/* Is the directory at fd empty? */
static int dir_empty(int fd)
{
	struct dirent *de;
	int dfd = dup(fd), empty = 1;
	DIR *d;

	if (dfd < 0)
		return -1;
	d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return -1;
	}
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(d);
	return empty;
}

/* Create the file at path under the directory root: directories made and entered without following
 * links. */
static enum pkg_err write_one(int root, const struct pkg_file *f, char *err, size_t errlen)
{
	char path[PKG_MAX_PATH + 1], *comp = path, *slash;
	enum pkg_err rc = PKG_OK;
	int cur = root, fd;

	snprintf(path, sizeof(path), "%s", f->path);
	while ((slash = strchr(comp, '/'))) {
		int next;

		*slash = '\0';
		if (mkdirat(cur, comp, 0755) < 0 && errno != EEXIST) {
			rc = perr(PKG_IO, err, errlen, "cannot make the directory for '%s': %s",
			          f->path, strerror(errno));
			break;
		}
		next = openat(cur, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0) {
			rc = perr(PKG_IO, err, errlen, "cannot enter the directory for '%s': %s",
				  f->path, strerror(errno));
			break;
		}
		if (cur != root)
			close(cur);
		cur = next;
		comp = slash + 1;
	}
	if (rc == PKG_OK) {
		fd = openat(cur, comp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0)
			rc = perr(PKG_IO, err, errlen, "cannot create '%s': %s", f->path,
				  strerror(errno));
		else {
			if (write_all(fd, f->data, f->len) < 0)
				rc = perr(PKG_IO, err, errlen, "cannot write '%s': %s", f->path,
					  strerror(errno));
			if (close(fd) < 0 && rc == PKG_OK)
				rc = perr(PKG_IO, err, errlen, "cannot write '%s': %s", f->path,
					  strerror(errno));
		}
	}
	if (cur != root)
		close(cur);
	return rc;
}

enum pkg_err pkg_write_dir(const struct pkg *p, const char *dir, char *err, size_t errlen)
{
	enum pkg_err rc = PKG_OK;
	size_t i;
	int fd, e;

	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return perr(PKG_IO, err, errlen, "cannot make the directory '%s': %s", dir,
			    strerror(errno));
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return perr(errno == ELOOP || errno == ENOTDIR ? PKG_INVALID : PKG_IO, err, errlen,
			    "cannot open the directory '%s': %s", dir, strerror(errno));
	e = dir_empty(fd);
	if (e != 1) {
		close(fd);
		return e < 0 ? perr(PKG_IO, err, errlen, "cannot read the directory '%s': %s", dir,
		                    strerror(errno))
		             : perr(PKG_INVALID, err, errlen,
		                    "'%s' is not empty: packages go into new or empty directories",
		                    dir);
	}
	for (i = 0; i < p->nfiles && rc == PKG_OK; i++)
		rc = write_one(fd, &p->files[i], err, errlen);
	close(fd);
	return rc;
}
