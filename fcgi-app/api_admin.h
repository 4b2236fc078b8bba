/*
 * api_admin.h - handlers of the recruiter's login, questions, candidates and invitations (SPEC
 * section 5); each answers one route of routes.c
 */
#ifndef CE_API_ADMIN_H
#define CE_API_ADMIN_H

#include "http.h"

int h_admin_login(struct http_req *r);
int h_admin_logout(struct http_req *r);
int h_admin_questions_list(struct http_req *r);
int h_admin_question_get(struct http_req *r);
int h_admin_signature(struct http_req *r);
int h_admin_question_create(struct http_req *r);
int h_admin_question_update(struct http_req *r);
int h_admin_question_delete(struct http_req *r);
int h_admin_candidates_list(struct http_req *r);
int h_admin_candidate_create(struct http_req *r);
int h_admin_candidate_get(struct http_req *r);
int h_admin_candidate_update(struct http_req *r);
int h_admin_candidate_delete(struct http_req *r);
int h_admin_candidate_invite(struct http_req *r);
/* POST /api/admin/candidates/:id/mail: the invitation again by e-mail, with a new link. */
int h_admin_candidate_mail(struct http_req *r);
int h_admin_candidate_link(struct http_req *r);

/* The candidate's link for an invitation token: CE_PUBLIC_URL or the request's own origin. */
void admin_invite_url(const struct http_req *r, const char *token, char *out, size_t len);

#endif
