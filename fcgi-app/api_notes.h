/*
 * api_notes.h - handlers of the notes and ratings on a candidate; each answers one route of
 * routes.c
 */
#ifndef CE_API_NOTES_H
#define CE_API_NOTES_H

#include "http.h"

int h_admin_notes_list(struct http_req *r);
int h_admin_note_create(struct http_req *r);

#endif
