/* audit.c - the audit trail: who did what to which question, candidate or account */
#include <stdio.h>

#include <json-c/json.h>

#include "api_common.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "jsonh.h"

void audit_as(int admin_id, const char *action, const char *kind, const char *id,
	      struct json_object *detail)
{
	char who[16];
	size_t n;
	const char *p[5] = { who, action, kind, id ? id : "", NULL };

	if (!detail)
		detail = json_object_new_object();
	snprintf(who, sizeof(who), "%d", admin_id);
	p[4] = jsonh_db_text(detail, &n);
	/* the username as it is now: the trail must read the same after a rename */
	if (db_run("INSERT INTO audit_log (admin_id, username, action, object_kind, object_id, detail)"
		   " SELECT a.id, a.username, $2, $3, $4, $5::jsonb FROM recruiter_admin a"
		   " WHERE a.id = $1::int",
		   5, p) != DB_OK)
		fprintf(stderr, "ce-fcgi: audit: %s %s %s not recorded: %s\n", action, kind,
			id ? id : "", db_last_error());
	json_object_put(detail);
}

void audit(struct http_req *r, const char *action, const char *kind, const char *id,
	   struct json_object *detail)
{
	audit_as(r->admin_id, action, kind, id, detail);
}

struct json_object *audit_field(struct json_object *from, const char *key)
{
	struct json_object *v, *o;

	if (!from || !json_object_object_get_ex(from, key, &v))
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, key, json_object_get(v));
	return o;
}

struct json_object *audit_list_json(int limit, long long before, int *dberr)
{
	char lim[16], bef[24];
	const char *p[2] = { lim, bef };

	snprintf(lim, sizeof(lim), "%d", limit);
	snprintf(bef, sizeof(bef), "%lld", before);
	return api_query_json(
		"SELECT json_build_object('entries', COALESCE(json_agg(json_build_object('id', e.id,"
		" 'admin_id', e.admin_id, 'username', e.username, 'action', e.action,"
		" 'object_kind', e.object_kind, 'object_id', e.object_id, 'at', e.at, 'detail', e.detail)"
		" ORDER BY e.id DESC), '[]'),"
		/* another page when this one is full and older entries exist */
		" 'next_before', CASE WHEN count(*) = $1::int AND EXISTS (SELECT 1 FROM audit_log o"
		"   WHERE o.id < min(e.id)) THEN min(e.id) END)"
		" FROM (SELECT * FROM audit_log WHERE $2::bigint = 0 OR id < $2::bigint"
		"   ORDER BY id DESC LIMIT $1::int) e",
		2, p, dberr);
}
