/*
 * audit.h - the audit trail: who did what to which question, candidate or account
 *
 * A handler calls audit() once its change is done (committed); the trail
 * keeps the account's id and its username at that moment.  A failure to
 * record is logged and does not undo the change.
 */
#ifndef CE_AUDIT_H
#define CE_AUDIT_H

struct http_req;
struct json_object;

/*
 * Record that the caller (r->admin_id) did action ("question.create") on
 * the object kind ("question") with id (text; NULL for none).  detail is a
 * JSON object or NULL; audit takes the reference.
 */
void audit(struct http_req *r, const char *action, const char *kind, const char *id,
	   struct json_object *detail);
/* audit() for an account that has no token yet (it acts through a link). */
void audit_as(int admin_id, const char *action, const char *kind, const char *id,
	      struct json_object *detail);
/* {key: from[key]} (a new object), or NULL when from has no such member: a detail for audit(). */
struct json_object *audit_field(struct json_object *from, const char *key);

/*
 * At most limit entries (1 to 200), newest first, with ids below before (0:
 * from the newest), as {"entries": [...], "next_before": id or null}; NULL
 * with *dberr set when the database failed.
 */
struct json_object *audit_list_json(int limit, long long before, int *dberr);

#endif
