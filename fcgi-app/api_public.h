/*
 * api_public.h - handlers of /health, /api/languages and /execute (SPEC section 5); each answers
 * one route of routes.c
 */
#ifndef CE_API_PUBLIC_H
#define CE_API_PUBLIC_H

#include "http.h"

int h_health(struct http_req *r);
int h_languages(struct http_req *r);
int h_execute(struct http_req *r);

#endif
