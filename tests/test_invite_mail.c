/* test_invite_mail.c - invite_mail.c and its handlers with mail off (no SMTP_URL) */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_admin.h"
#include "auth.h"
#include "fcgi_fake.h"
#include "harness.h"
#include "invite_mail.h"
#include "pg.h"
#include "store_candidate.h"

static char token[TOKEN_HEX_LEN + 1];

/* Call handler as the owner with a JSON body on path (the uuid is its :id); the answer, *status. */
static struct json_object *call(int (*handler)(struct http_req *), const char *path, const char *id,
				const char *body, int *status)
{
	struct fcgi_fake_params env;
	struct json_object *o;
	struct fcgi_fake f;
	struct http_req *r;
	char h[128], len[16];

	snprintf(h, sizeof(h), "Bearer %s", token);
	snprintf(len, sizeof(len), "%zu", strlen(body));
	fcgi_fake_params_reset(&env);
	fcgi_fake_param(&env, "REQUEST_METHOD=%s", "POST");
	fcgi_fake_param(&env, "REQUEST_URI=%s", path);
	fcgi_fake_param(&env, "CONTENT_TYPE=%s", "application/json");
	fcgi_fake_param(&env, "CONTENT_LENGTH=%s", len);
	fcgi_fake_param(&env, "HTTP_AUTHORIZATION=%s", h);
	r = fcgi_fake_start(&f, env.v, body, strlen(body), 0);
	snprintf(r->m.params[0], sizeof(r->m.params[0]), "%s", id);
	r->m.nparams = 1;
	handler(r);
	if (!r->sent)
		http_send_error(r);
	o = fcgi_fake_json(&f, status);
	fcgi_fake_finish(&f);
	return o;
}

static const char *str(struct json_object *o, const char *a, const char *b)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, a, &v) || (b && !json_object_object_get_ex(v, b, &v)))
		return "(none)";
	return v ? json_object_get_string(v) : "(null)";
}

static void test_check(void)
{
	char err[256];

	CU_ASSERT_EQUAL(invite_mail_check("Zoë", "zoe@example.org", err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(invite_mail_check("Zoë\r\nBcc: x@example.org", "zoe@example.org", err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "control character"));
	CU_ASSERT_EQUAL(invite_mail_check("Zoë", "zoe@localhost", err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "zoe@localhost"));
}

/* Without SMTP_URL: the invitation still works and says mail is disabled; a resend is 409. */
static void test_disabled(void)
{
	char hash[256], cid[40], link[TOKEN_HEX_LEN + 1], path[128];
	struct json_object *o;
	struct invite_mail im;
	struct http_req r = { 0 };
	int status = 0;

	CU_ASSERT_FALSE_FATAL(mail_enabled());
	invite_mail_init(&im);
	o = invite_mail_send(&im, &r, "00000000-0000-0000-0000-000000000000", "http://x/test/?invite=1");
	CU_ASSERT_STRING_EQUAL(str(o, "status", NULL), "disabled");
	json_object_put(o);
	invite_mail_release(&im);

	CU_ASSERT_EQUAL_FATAL(auth_hash_password("pw", hash, sizeof(hash)), 0);
	CU_ASSERT_EQUAL_FATAL(auth_create_admin("admin", hash), DB_OK);
	CU_ASSERT_EQUAL_FATAL(auth_new_token(token), 0);
	CU_ASSERT_EQUAL_FATAL(auth_login("admin", "pw", token, 1), 1);
	CU_ASSERT_EQUAL_FATAL(auth_new_token(link), 0);
	CU_ASSERT_EQUAL_FATAL(store_candidate_insert(&(struct store_candidate){ "Ann", "ann@example.org", "", "30",
										 link, 1, NULL }, cid), DB_OK);
	snprintf(path, sizeof(path), "/api/admin/candidates/%s/invite", cid);
	o = call(h_admin_candidate_invite, path, cid, "{\"send_email\": true}", &status);
	CU_ASSERT_EQUAL(status, 200);
	if (status != 200 || strcmp(str(o, "mail", "status"), "disabled"))
		fprintf(stderr, "\n  %s\n", json_object_to_json_string(o));
	CU_ASSERT_STRING_EQUAL(str(o, "mail", "status"), "disabled");
	CU_ASSERT_STRING_EQUAL(str(o, "candidate", "mail"), "(null)");
	CU_ASSERT_EQUAL(strlen(str(o, "invite_token", NULL)), TOKEN_HEX_LEN);
	json_object_put(o);
	snprintf(path, sizeof(path), "/api/admin/candidates/%s/mail", cid);
	o = call(h_admin_candidate_mail, path, cid, "", &status);
	CU_ASSERT_EQUAL(status, 409);
	CU_ASSERT_STRING_EQUAL(str(o, "error", "code"), "mail_disabled");
	json_object_put(o);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT count(*) FROM invitation_mail WHERE candidate_id::text <> $1", ""),
			       "0");
}

static CU_TestInfo tests[] = {
	{ "names and addresses that cannot be mailed", test_check },
	{ "mail off: invitations say so, a resend is 409 mail_disabled", test_disabled },
	CU_TEST_INFO_NULL,
};

static int suite_init(void)
{
	unsetenv("SMTP_URL");
	mail_init();
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

int main(void)
{
	return test_main("invite_mail", tests, suite_init, pg_suite_cleanup);
}
