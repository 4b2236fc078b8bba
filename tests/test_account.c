/* test_account.c - roles and ratings (account.c), and the accounts' statements behind them */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audit.h"
#include "auth.h"
#include "fcgi_fake.h"
#include "harness.h"
#include "pg.h"
#include "store_account.h"

static void test_role_names(void)
{
	CU_ASSERT_STRING_EQUAL(account_role_name(ROLE_OWNER), "owner");
	CU_ASSERT_STRING_EQUAL(account_role_name(ROLE_RECRUITER), "recruiter");
	CU_ASSERT_STRING_EQUAL(account_role_name(ROLE_REVIEWER), "reviewer");
	CU_ASSERT_STRING_EQUAL(account_role_name(ROLE_NONE), "");
	CU_ASSERT_STRING_EQUAL(account_role_name(ROLE__MAX), "");
	CU_ASSERT_STRING_EQUAL(account_role_name((enum admin_role)-1), "");
	CU_ASSERT_EQUAL(account_role_parse("owner"), ROLE_OWNER);
	CU_ASSERT_EQUAL(account_role_parse("recruiter"), ROLE_RECRUITER);
	CU_ASSERT_EQUAL(account_role_parse("reviewer"), ROLE_REVIEWER);
	CU_ASSERT_EQUAL(account_role_parse("Owner"), ROLE_NONE);
	CU_ASSERT_EQUAL(account_role_parse("owner "), ROLE_NONE);
	CU_ASSERT_EQUAL(account_role_parse(""), ROLE_NONE);
	CU_ASSERT_EQUAL(account_role_parse(NULL), ROLE_NONE);
}

/* Each role has the rights of those below it: the order is what auth_admin_role compares. */
static void test_role_order(void)
{
	CU_ASSERT_TRUE(ROLE_NONE < ROLE_REVIEWER);
	CU_ASSERT_TRUE(ROLE_REVIEWER < ROLE_RECRUITER);
	CU_ASSERT_TRUE(ROLE_RECRUITER < ROLE_OWNER);
}

static void test_rating_names(void)
{
	static const char *const names[] = { "strong_no", "no", "mixed", "yes", "strong_yes" };
	size_t i;

	for (i = 0; i < 5; i++) {
		CU_ASSERT_EQUAL(account_rating_parse(names[i]), (enum note_rating)(RATING_STRONG_NO + i));
		CU_ASSERT_STRING_EQUAL(account_rating_name((enum note_rating)(RATING_STRONG_NO + i)),
				       names[i]);
	}
	CU_ASSERT_TRUE(RATING_STRONG_NO < RATING_STRONG_YES);
	CU_ASSERT_EQUAL(account_rating_parse("maybe"), RATING_NONE);
	CU_ASSERT_EQUAL(account_rating_parse("strong yes"), RATING_NONE);
	CU_ASSERT_EQUAL(account_rating_parse(NULL), RATING_NONE);
	CU_ASSERT_STRING_EQUAL(account_rating_name(RATING_NONE), "");
	CU_ASSERT_STRING_EQUAL(account_rating_name(RATING__MAX), "");
}

/* auth_try_admin on a request with this bearer token: the admin id, r's role into *role. */
static int try_token(const char *token, int *role)
{
	struct fcgi_fake_params env;
	struct fcgi_fake f;
	struct http_req *r;
	char h[128];
	int a;

	snprintf(h, sizeof(h), "Bearer %s", token);
	fcgi_fake_params_reset(&env);
	fcgi_fake_param(&env, "REQUEST_METHOD=%s", "GET");
	fcgi_fake_param(&env, "HTTP_AUTHORIZATION=%s", h);
	r = fcgi_fake_start(&f, env.v, "", 0, 0);
	a = auth_try_admin(r);
	*role = r->admin_role;
	fcgi_fake_finish(&f);
	return a;
}

/* The first admin is an owner; an invited account sets its password once through its link. */
static void test_invite_and_roles(void)
{
	char hash[256], id[16], link[TOKEN_HEX_LEN + 1], old[TOKEN_HEX_LEN + 1], tok[TOKEN_HEX_LEN + 1],
		user[128];
	struct store_account_change off = { .disabled = "true" }, demote = { .role = "reviewer" };
	int aid = 0, role = 0, owner;

	CU_ASSERT_EQUAL_FATAL(auth_hash_password("first pw", hash, sizeof(hash)), 0);
	CU_ASSERT_EQUAL(auth_create_admin("admin", hash), DB_OK);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT role FROM recruiter_admin WHERE username = $1", "admin"),
			       "owner");
	CU_ASSERT_EQUAL_FATAL(auth_new_token(tok), 0);
	CU_ASSERT_EQUAL(auth_login("admin", "first pw", tok, 1), 1);
	owner = try_token(tok, &role);
	CU_ASSERT_TRUE(owner > 0);
	CU_ASSERT_EQUAL(role, ROLE_OWNER);

	CU_ASSERT_EQUAL_FATAL(store_account_insert("rita", "Rita", "", "reviewer", id), DB_OK);
	CU_ASSERT_EQUAL(store_account_insert("rita", "", "", "reviewer", user), DB_ECONFLICT);
	/* no password yet: no login, whatever is typed */
	CU_ASSERT_EQUAL(auth_login("rita", "", tok, 1), 0);
	CU_ASSERT_EQUAL_FATAL(auth_new_token(old), 0);
	CU_ASSERT_EQUAL_FATAL(auth_new_token(link), 0);
	CU_ASSERT_EQUAL(store_account_set_link(id, old, "invite", owner), 1);
	CU_ASSERT_EQUAL(store_account_set_link(id, link, "reset", owner), 1);
	CU_ASSERT_EQUAL(store_account_set_link("999999", link, "reset", owner), 0);
	CU_ASSERT_EQUAL_FATAL(auth_hash_password("rita pw", hash, sizeof(hash)), 0);
	/* a newer link replaces the older one */
	CU_ASSERT_EQUAL(store_account_use_link(old, hash, &aid, user), 0);
	CU_ASSERT_EQUAL(store_account_use_link(link, hash, &aid, user), 1);
	CU_ASSERT_STRING_EQUAL(user, "rita");
	CU_ASSERT_EQUAL(store_account_use_link(link, hash, &aid, user), 0);
	CU_ASSERT_EQUAL_FATAL(auth_new_token(tok), 0);
	CU_ASSERT_EQUAL(auth_login("rita", "rita pw", tok, 1), 1);
	CU_ASSERT_TRUE(try_token(tok, &role) > 0);
	CU_ASSERT_EQUAL(role, ROLE_REVIEWER);

	/* disabled: the live token fails at once, and so does a login */
	CU_ASSERT_EQUAL(store_account_update(id, &off), 1);
	CU_ASSERT_EQUAL(try_token(tok, &role), 0);
	CU_ASSERT_EQUAL(auth_login("rita", "rita pw", tok, 1), 0);

	/* the only enabled owner cannot step down */
	snprintf(id, sizeof(id), "%d", owner);
	CU_ASSERT_EQUAL(store_account_update(id, &demote), -2);
	CU_ASSERT_EQUAL(store_account_update(id, &off), -2);
	CU_ASSERT_STRING_EQUAL(pg_value("SELECT role || disabled FROM recruiter_admin WHERE id = $1::int",
					id),
			       "ownerfalse");
}

/* The trail: newest first, in pages, with the username of the moment. */
static void test_audit_pages(void)
{
	struct json_object *page, *e, *next;
	char before[24];
	int dberr, i;

	for (i = 0; i < 5; i++)
		audit_as(1, "question.create", "question", "7", json_object_new_object());
	audit_as(1, "account.update", "account", "2", NULL);
	page = audit_list_json(4, 0, &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	e = json_object_object_get(page, "entries");
	CU_ASSERT_EQUAL(json_object_array_length(e), 4);
	CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(
				       json_object_array_get_idx(e, 0), "action")),
			       "account.update");
	CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(
				       json_object_array_get_idx(e, 0), "username")),
			       "admin");
	next = json_object_object_get(page, "next_before");
	CU_ASSERT_PTR_NOT_NULL_FATAL(next);
	snprintf(before, sizeof(before), "%s", json_object_get_string(next));
	json_object_put(page);
	page = audit_list_json(4, strtoll(before, NULL, 10), &dberr);
	CU_ASSERT_PTR_NOT_NULL_FATAL(page);
	CU_ASSERT_EQUAL(json_object_array_length(json_object_object_get(page, "entries")), 2);
	CU_ASSERT_PTR_NULL(json_object_object_get(page, "next_before"));
	json_object_put(page);
}

static CU_TestInfo tests[] = {
	{ "role names", test_role_names },
	{ "role order", test_role_order },
	{ "rating names", test_rating_names },
	{ "invitation link, roles, disabling, the last owner", test_invite_and_roles },
	{ "audit trail pages", test_audit_pages },
	CU_TEST_INFO_NULL,
};

static int suite_init(void)
{
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

int main(void)
{
	return test_main("account", tests, suite_init, pg_suite_cleanup);
}
