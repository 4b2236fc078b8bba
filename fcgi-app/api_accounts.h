/*
 * api_accounts.h - handlers of the recruiters' accounts, their invitation and reset
 * links, the caller's own account and the audit trail; each answers one route of routes.c
 */
#ifndef CE_API_ACCOUNTS_H
#define CE_API_ACCOUNTS_H

#include "http.h"

int h_admin_me(struct http_req *r);
int h_admin_accounts_list(struct http_req *r);
int h_admin_team(struct http_req *r);
int h_admin_account_create(struct http_req *r);
int h_admin_account_password(struct http_req *r);
int h_admin_account_update(struct http_req *r);
int h_admin_account_reset(struct http_req *r);
int h_admin_audit(struct http_req *r);

#endif
