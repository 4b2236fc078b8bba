/*
 * api.h - the route table of SPEC section 5 (routes.c); the handlers are
 * declared by their area's header, api_<area>.h
 */
#ifndef CE_API_H
#define CE_API_H

#include <stddef.h>

#include "router.h"

/* API_CLOCK: the request loop closes the sessions whose clock ran out before the handler reads them. */
#define API_CLOCK 1u
extern const struct route app_routes[];
extern const size_t app_nroutes;

#endif
