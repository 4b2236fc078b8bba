/*
 * package.h - a problem package as a tree of files in memory: read safely from a
 * directory or a zip, written to a zip or to a new directory
 *
 * A struct pkg holds regular files only, sorted by path.  A path is relative
 * and normalised: '/'-separated components, none empty, "." or "..", no
 * backslash or control character, at most PKG_MAX_DEPTH components and
 * PKG_MAX_PATH bytes.
 *
 * Reading never trusts the source:
 *  - a directory is walked with openat(O_NOFOLLOW) and fstatat(AT_SYMLINK_NOFOLLOW)
 *    from the root down, so no link is ever followed through the real file
 *    system; devices, FIFOs and sockets are refused;
 *  - a zip's entry names are checked before anything else (no "../x", no
 *    absolute path, no backslash, no duplicate, no name that is both a file
 *    and a directory), then its declared sizes against the bounds, then each
 *    entry is inflated with the bytes counted, stopping at the first byte past
 *    what it declared; encrypted entries are refused.  A unix symlink entry
 *    (S_IFLNK in the high 16 bits of the external attributes) holds its
 *    target as data;
 *  - symbolic links are resolved inside the package, by name, never through
 *    the file system: a link becomes a copy of the file it names, or of every
 *    file under the directory it names.  An absolute link, one whose
 *    resolution climbs out of the package root, one that names nothing and a
 *    loop (more than PKG_MAX_LINKS links on one path) are refused.
 * Bounds: PKG_MAX_ENTRIES entries (files, directories and links), PKG_MAX_FILE
 * bytes per file and PKG_MAX_TOTAL bytes in all, copies made for links
 * included.  A zip whose files all sit in one top directory without a
 * problem.yaml at the root (the usual "name/problem.yaml" layout) is read
 * from that directory, and its name kept in p->name; a directory's name is
 * its base name.  Directories named .git and __MACOSX are skipped.  A refused
 * package leaves *p empty, with a message in err naming the entry.
 */
#ifndef CE_PACKAGE_H
#define CE_PACKAGE_H

#include <stddef.h>

#include "strbuf.h"

#define PKG_MAX_ENTRIES 10000
#define PKG_MAX_FILE	(32u * 1024 * 1024)
#define PKG_MAX_TOTAL	(256u * 1024 * 1024)
#define PKG_MAX_DEPTH	16
#define PKG_MAX_PATH	1024
#define PKG_MAX_LINKS	32

/* Why a package call failed. */
enum pkg_err {
	PKG_OK = 0,
	PKG_INVALID,	/* not acceptable: an unsafe name or link, a special file, a broken zip */
	PKG_TOO_LARGE,	/* past a PKG_MAX_* bound (entries, sizes, depth) */
	PKG_IO,		/* the source could not be read or the target written (with errno) */
	PKG_NOMEM,
	PKG_ERR__MAX
};

/* A short English name of e ("invalid package", ...). */
const char *pkg_strerror(enum pkg_err e);

struct pkg_file {
	char *path;
	char *data;	/* len bytes, plus a NUL after them */
	size_t len;
};

struct pkg {
	struct pkg_file *files;	/* sorted by path (strcmp) */
	size_t nfiles, alloc;
	size_t total;		/* bytes of all files */
	char *name;		/* the package's short name, or NULL */
};

#define PKG_INIT { NULL, 0, 0, 0, NULL }

void pkg_init(struct pkg *p);
/* Free everything and leave an empty, usable package. */
void pkg_release(struct pkg *p);

/*
 * Add a copy of len bytes under path (checked as above, and against the
 * bounds); PKG_INVALID when the path is unsafe or already there.
 */
enum pkg_err pkg_add(struct pkg *p, const char *path, const void *data, size_t len, char *err,
		     size_t errlen);
/* Set p->name (a copy; NULL clears it). */
enum pkg_err pkg_set_name(struct pkg *p, const char *name);
/* The file at path, or NULL. */
const struct pkg_file *pkg_find(const struct pkg *p, const char *path);
/*
 * Index of the first file whose path is >= prefix: the files under a
 * directory "d" are those from pkg_lower(p, "d/") on that start with "d/".
 */
size_t pkg_lower(const struct pkg *p, const char *prefix);

/* The package in the directory path (followed if path itself is a link; nothing below it is). */
enum pkg_err pkg_read_dir(const char *path, struct pkg *p, char *err, size_t errlen);
/* The package in the zip archive held in data (len bytes). */
enum pkg_err pkg_read_zip(const void *data, size_t len, struct pkg *p, char *err, size_t errlen);

/*
 * The package as a zip archive appended to out: files under "<p->name>/"
 * when p has a name, regular files of mode 0644, a fixed timestamp (the same
 * package gives the same bytes).
 */
enum pkg_err pkg_write_zip(const struct pkg *p, struct strbuf *out, char *err, size_t errlen);
/*
 * The package written into the directory dir, which must not exist or be
 * empty (and not be a link).  Files are created with O_EXCL | O_NOFOLLOW,
 * sub-directories with mkdirat and entered with O_NOFOLLOW.  On failure what
 * was written stays, in the directory this call made or emptied.
 */
enum pkg_err pkg_write_dir(const struct pkg *p, const char *dir, char *err, size_t errlen);

#endif
