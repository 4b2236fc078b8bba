/* routes.c - the route table of SPEC section 5: method, path pattern, handler */
#include "api.h"

const struct route app_routes[] = {
	{ "GET", "/health", h_health },
	{ "GET", "/api/health", h_health },
	{ "GET", "/api/languages", h_languages },
	{ "POST", "/execute", h_execute },
	{ "POST", "/proxy/execute", h_proxy_execute },
	{ "GET", "/api/questions", h_questions_list },
	{ "GET", "/api/questions/:id", h_question_get },
	{ "POST", "/api/invitation", h_invitation },
	{ "POST", "/api/test-session", h_session_start },
	{ "GET", "/api/test-session/:id", h_session_get },
	{ "PUT", "/api/test-session/:id/heartbeat", h_session_heartbeat },
	{ "PUT", "/api/test-session/:id/activity", h_session_activity },
	{ "PUT", "/api/test-session/:id/progress", h_session_progress },
	{ "PUT", "/api/test-session/:id/complete", h_session_complete },
	{ "PUT", "/api/test-session/:id/abandon", h_session_abandon },
	/* navigator.sendBeacon can only POST */
	{ "POST", "/api/test-session/:id/abandon", h_session_abandon },
	{ "POST", "/api/admin/login", h_admin_login },
	{ "POST", "/api/admin/logout", h_admin_logout },
	{ "GET", "/api/admin/questions", h_admin_questions_list },
	{ "POST", "/api/admin/questions", h_admin_question_create },
	{ "POST", "/api/admin/questions/check", h_admin_check },
	{ "GET", "/api/admin/questions/:id", h_admin_question_get },
	{ "PUT", "/api/admin/questions/:id", h_admin_question_update },
	{ "DELETE", "/api/admin/questions/:id", h_admin_question_delete },
	{ "GET", "/api/admin/candidates", h_admin_candidates_list },
	{ "POST", "/api/admin/candidates", h_admin_candidate_create },
	{ "GET", "/api/admin/candidates/:id", h_admin_candidate_get },
	{ "PUT", "/api/admin/candidates/:id", h_admin_candidate_update },
	{ "DELETE", "/api/admin/candidates/:id", h_admin_candidate_delete },
	{ "POST", "/api/admin/candidates/:id/invite", h_admin_candidate_invite },
	{ "GET", "/api/admin/candidates/:id/report", h_admin_candidate_report },
	{ "GET", "/api/admin/export/scores.csv", h_admin_export_scores },
};

const size_t app_nroutes = sizeof(app_routes) / sizeof(app_routes[0]);
