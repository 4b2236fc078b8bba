/*
 * api_session.h - handlers of the candidate's test session: invitation, start, heartbeat,
 * activity, progress, end (SPEC section 5); each answers one route of routes.c
 */
#ifndef CE_API_SESSION_H
#define CE_API_SESSION_H

#include "http.h"

int h_session_start(struct http_req *r);
int h_invitation(struct http_req *r);
int h_session_get(struct http_req *r);
int h_session_heartbeat(struct http_req *r);
int h_session_activity(struct http_req *r);
int h_session_progress(struct http_req *r);
int h_session_complete(struct http_req *r);
int h_session_abandon(struct http_req *r);

#endif
