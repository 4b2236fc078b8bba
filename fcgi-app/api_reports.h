/*
 * api_reports.h - handlers of the recruiter's question check, score export and report (SPEC
 * section 5); each answers one route of routes.c
 */
#ifndef CE_API_REPORTS_H
#define CE_API_REPORTS_H

#include "http.h"

int h_admin_check(struct http_req *r);
int h_admin_question_check(struct http_req *r);
int h_admin_export_scores(struct http_req *r);
int h_admin_job_export(struct http_req *r);
int h_admin_candidate_report(struct http_req *r);
int h_admin_candidate_playback(struct http_req *r);

#endif
