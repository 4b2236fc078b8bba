/*
 * api_jobs.h - handlers of jobs, their tests and versions, invitations to a test, a job's
 * candidate pipeline, and a question's usage; each answers one route of routes.c
 */
#ifndef CE_API_JOBS_H
#define CE_API_JOBS_H

#include "account.h"
#include "http.h"

/* Most rows one bulk invitation takes. */
#define JOBS_MAX_INVITES 1000

/*
 * The account has role and may read job (a :id), and the job exists: 0, or -1 after
 * recording 401/403, 404 or 503.  A reviewer reads the jobs they are assigned to only.
 */
int api_job_found(struct http_req *r, const char *job, enum admin_role role);

int h_admin_jobs_list(struct http_req *r);
int h_admin_job_create(struct http_req *r);
int h_admin_job_get(struct http_req *r);
int h_admin_job_update(struct http_req *r);
int h_admin_job_delete(struct http_req *r);
int h_admin_job_tests(struct http_req *r);
int h_admin_job_candidates(struct http_req *r);
int h_admin_test_create(struct http_req *r);
int h_admin_test_get(struct http_req *r);
int h_admin_test_update(struct http_req *r);
int h_admin_test_invite(struct http_req *r);
int h_admin_question_usage(struct http_req *r);

#endif
