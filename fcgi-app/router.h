/*
 * router.h - match a method and path against a table of routes
 *
 * Patterns are literal segments and ":name" segments that capture one
 * non-empty path segment, e.g. "/api/test-session/:id/heartbeat".
 */
#ifndef CE_ROUTER_H
#define CE_ROUTER_H

#include <stddef.h>

#define ROUTE_MAX_PARAMS 4
#define ROUTE_PARAM_MAX 128

struct http_req;

struct route {
	const char *method;
	const char *pattern;
	int (*handler)(struct http_req *req);
	unsigned flags;		/* the application's, for its request loop */
};

struct route_match {
	const struct route *route;
	size_t nparams;
	char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
};

enum { ROUTE_FOUND = 0, ROUTE_NOT_FOUND = -1, ROUTE_BAD_METHOD = -2 };

/*
 * Find the route for method + path (path without query string).
 * ROUTE_BAD_METHOD when some route has the path but not the method;
 * captured segments are URL-decoded and must not contain '/' or NUL, nor
 * be "." or "..".  A path that is not canonical (a trailing or doubled
 * slash, a "." or ".." segment) is ROUTE_NOT_FOUND: nginx picks its
 * location, rate limit included, by the normalised path.
 */
int router_match(const struct route *table, size_t n, const char *method, const char *path,
		 struct route_match *m);

/* Decode %XX and '+' (when plus is set) into out; -1 on malformed input or overflow. */
int url_decode(const char *in, size_t len, char *out, size_t outlen, int plus);

#endif
