/* routes.c - the route table of SPEC section 5: method, path pattern, handler */
#include "api.h"
#include "api_accounts.h"
#include "api_admin.h"
#include "api_executions.h"
#include "api_jobs.h"
#include "api_metrics.h"
#include "api_notes.h"
#include "api_packages.h"
#include "api_judge0.h"
#include "api_piston.h"
#include "api_public.h"
#include "api_questions.h"
#include "api_reports.h"
#include "api_session.h"
#include "api_similarity.h"

const struct route app_routes[] = {
	{ "GET", "/health", h_health, 0 },
	{ "GET", "/api/health", h_health, 0 },
	{ "GET", "/api/languages", h_languages, 0 },
	{ "POST", "/execute", h_execute, 0 },
	{ "POST", "/proxy/execute", h_proxy_execute, 0 },
	{ "GET", "/api/executions/:id", h_execution_get, 0 },
	/* Prometheus text, for the operator: restricted as /execute is */
	{ "GET", "/metrics", h_metrics, 0 },
	/* the Piston v2 compatible API (api_piston.h) */
	{ "GET", "/piston/api/v2/runtimes", h_piston_runtimes, 0 },
	{ "POST", "/piston/api/v2/execute", h_piston_execute, 0 },
	/* the Judge0 CE 1.13 compatible API (api_judge0.h); batch and all before the :params */
	{ "POST", "/judge0/submissions", h_judge0_create, 0 },
	{ "POST", "/judge0/submissions/batch", h_judge0_batch_create, 0 },
	{ "GET", "/judge0/submissions/batch", h_judge0_batch_get, 0 },
	{ "GET", "/judge0/submissions/:token", h_judge0_get, 0 },
	{ "GET", "/judge0/languages", h_judge0_languages, 0 },
	{ "GET", "/judge0/languages/all", h_judge0_languages_all, 0 },
	{ "GET", "/judge0/languages/:id", h_judge0_language, 0 },
	{ "GET", "/judge0/statuses", h_judge0_statuses, 0 },
	{ "GET", "/judge0/about", h_judge0_about, 0 },
	{ "GET", "/judge0/config_info", h_judge0_config_info, 0 },
	{ "GET", "/api/questions", h_questions_list, 0 },
	{ "GET", "/api/questions/:id", h_question_get, 0 },
	{ "GET", "/api/questions/:id/statement.pdf", h_question_pdf, 0 },
	{ "POST", "/api/invitation", h_invitation, 0 },
	{ "POST", "/api/test-session", h_session_start, API_CLOCK },
	{ "GET", "/api/test-session/:id", h_session_get, API_CLOCK },
	{ "PUT", "/api/test-session/:id/heartbeat", h_session_heartbeat, 0 },
	{ "PUT", "/api/test-session/:id/activity", h_session_activity, 0 },
	{ "PUT", "/api/test-session/:id/progress", h_session_progress, 0 },
	{ "PUT", "/api/test-session/:id/complete", h_session_complete, 0 },
	{ "PUT", "/api/test-session/:id/abandon", h_session_abandon, 0 },
	/* navigator.sendBeacon can only POST */
	{ "POST", "/api/test-session/:id/abandon", h_session_abandon, 0 },
	{ "POST", "/api/admin/login", h_admin_login, 0 },
	{ "POST", "/api/admin/logout", h_admin_logout, 0 },
	{ "GET", "/api/admin/questions", h_admin_questions_list, 0 },
	{ "POST", "/api/admin/questions", h_admin_question_create, 0 },
	{ "POST", "/api/admin/questions/check", h_admin_check, 0 },
	{ "POST", "/api/admin/signature", h_admin_signature, 0 },
	{ "POST", "/api/admin/questions/import", h_admin_question_import, 0 },
	{ "GET", "/api/admin/questions/:id", h_admin_question_get, 0 },
	{ "PUT", "/api/admin/questions/:id", h_admin_question_update, 0 },
	{ "DELETE", "/api/admin/questions/:id", h_admin_question_delete, 0 },
	{ "POST", "/api/admin/questions/:id/check", h_admin_question_check, 0 },
	{ "GET", "/api/admin/questions/:id/export", h_admin_question_export, 0 },
	{ "GET", "/api/admin/questions/:id/usage", h_admin_question_usage, 0 },
	{ "GET", "/api/admin/questions/:id/similarity", h_admin_question_similarity, 0 },
	{ "GET", "/api/admin/candidates", h_admin_candidates_list, API_CLOCK },
	{ "POST", "/api/admin/candidates", h_admin_candidate_create, 0 },
	{ "GET", "/api/admin/candidates/:id", h_admin_candidate_get, API_CLOCK },
	{ "PUT", "/api/admin/candidates/:id", h_admin_candidate_update, 0 },
	{ "DELETE", "/api/admin/candidates/:id", h_admin_candidate_delete, 0 },
	{ "POST", "/api/admin/candidates/:id/invite", h_admin_candidate_invite, 0 },
	{ "POST", "/api/admin/candidates/:id/mail", h_admin_candidate_mail, 0 },
	{ "GET", "/api/admin/candidates/:id/link", h_admin_candidate_link, 0 },
	{ "GET", "/api/admin/candidates/:id/report", h_admin_candidate_report, API_CLOCK },
	{ "GET", "/api/admin/candidates/:id/playback", h_admin_candidate_playback, 0 },
	{ "GET", "/api/admin/export/scores.csv", h_admin_export_scores, API_CLOCK },
	/* accounts, the audit trail and notes (README "Accounts and roles") */
	{ "GET", "/api/admin/candidates/:id/notes", h_admin_notes_list, 0 },
	{ "POST", "/api/admin/candidates/:id/notes", h_admin_note_create, 0 },
	{ "GET", "/api/admin/me", h_admin_me, 0 },
	{ "GET", "/api/admin/accounts", h_admin_accounts_list, 0 },
	{ "POST", "/api/admin/accounts", h_admin_account_create, 0 },
	{ "GET", "/api/admin/team", h_admin_team, 0 },
	/* no login: the invitation or reset link's token is the right */
	{ "POST", "/api/admin/accounts/password", h_admin_account_password, 0 },
	{ "PUT", "/api/admin/accounts/:id", h_admin_account_update, 0 },
	{ "POST", "/api/admin/accounts/:id/reset", h_admin_account_reset, 0 },
	{ "GET", "/api/admin/audit", h_admin_audit, 0 },
	/* jobs, their tests (with versions) and the invitations to a test (api_jobs.h) */
	{ "GET", "/api/admin/jobs", h_admin_jobs_list, 0 },
	{ "POST", "/api/admin/jobs", h_admin_job_create, 0 },
	{ "GET", "/api/admin/jobs/:id", h_admin_job_get, 0 },
	{ "PUT", "/api/admin/jobs/:id", h_admin_job_update, 0 },
	{ "DELETE", "/api/admin/jobs/:id", h_admin_job_delete, 0 },
	{ "GET", "/api/admin/jobs/:id/tests", h_admin_job_tests, 0 },
	{ "POST", "/api/admin/jobs/:id/tests", h_admin_test_create, 0 },
	{ "GET", "/api/admin/jobs/:id/candidates", h_admin_job_candidates, API_CLOCK },
	{ "GET", "/api/admin/jobs/:id/export.csv", h_admin_job_export, API_CLOCK },
	{ "GET", "/api/admin/tests/:id", h_admin_test_get, 0 },
	{ "PUT", "/api/admin/tests/:id", h_admin_test_update, 0 },
	{ "POST", "/api/admin/tests/:id/invitations", h_admin_test_invite, 0 },
};

const size_t app_nroutes = sizeof(app_routes) / sizeof(app_routes[0]);
