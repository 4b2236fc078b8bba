/* router.c - method + path matching with ":param" segments */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "router.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int url_decode(const char *in, size_t len, char *out, size_t outlen, int plus)
{
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < len; i++) {
		char c = in[i];

		if (c == '%') {
			if (i + 2 >= len)
				return -1;
			hi = hexval((unsigned char)in[i + 1]);
			lo = hexval((unsigned char)in[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus) {
			c = ' ';
		}
		if (c == '\0' || o + 1 >= outlen)
			return -1;
		out[o++] = c;
	}
	out[o] = '\0';
	return 0;
}

/*
 * Is path in the one spelling nginx's locations see?  nginx matches its
 * locations (and so its rate limits and allowlists) on the normalised URI:
 * slashes merged, "." and ".." resolved, but a trailing slash kept.  A path
 * the router would read the same as another, it refuses.
 */
static bool canonical(const char *path)
{
	const char *seg;

	if (path[0] != '/')
		return false;
	if (!path[1])
		return true;
	for (seg = path + 1;; seg++) {
		size_t n = strcspn(seg, "/");

		/* empty (a doubled or trailing slash), "." or ".." */
		if (n == 0 || (seg[0] == '.' && (n == 1 || (n == 2 && seg[1] == '.'))))
			return false;
		seg += n;
		if (!*seg)
			return true;
	}
}

static bool dot_segment(const char *s)
{
	return s[0] == '.' && (!s[1] || (s[1] == '.' && !s[2]));
}

/* Match one pattern; fill params. */
static int match(const char *pat, const char *path, struct route_match *m)
{
	size_t np = 0;

	while (*pat && *path) {
		const char *pe, *se;
		size_t pl, sl;

		if (*pat != '/' || *path != '/')
			return 0;
		pat++;
		path++;
		pe = strchr(pat, '/');
		se = strchr(path, '/');
		pl = pe ? (size_t)(pe - pat) : strlen(pat);
		sl = se ? (size_t)(se - path) : strlen(path);
		if (pat[0] == ':') {
			if (!sl || np >= ROUTE_MAX_PARAMS)
				return 0;
			if (url_decode(path, sl, m->params[np], ROUTE_PARAM_MAX, 0) < 0 ||
			    strchr(m->params[np], '/') || dot_segment(m->params[np]))
				return 0;
			np++;
		} else if (pl != sl || memcmp(pat, path, pl)) {
			return 0;
		}
		pat += pl;
		path += sl;
	}
	if (*pat || *path)
		return 0;
	m->nparams = np;
	return 1;
}

int router_match(const struct route *table, size_t n, const char *method, const char *path,
		 struct route_match *m)
{
	int found_path = 0;
	size_t i;

	memset(m, 0, sizeof(*m));
	if (!canonical(path))
		return ROUTE_NOT_FOUND;
	for (i = 0; i < n; i++) {
		if (!match(table[i].pattern, path, m))
			continue;
		if (!strcmp(table[i].method, method)) {
			m->route = &table[i];
			return ROUTE_FOUND;
		}
		found_path = 1;
	}
	memset(m, 0, sizeof(*m));
	return found_path ? ROUTE_BAD_METHOD : ROUTE_NOT_FOUND;
}
