/* invite_mail.c - a candidate's invitation by e-mail: the message from templates/, sent at once, its outcome kept */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "api_common.h"
#include "audit.h"
#include "db.h"
#include "invite_mail.h"
#include "tmpl.h"
#include "util.h"

void invite_mail_init(struct invite_mail *im)
{
	mailer_init(&im->mailer);
	im->failed[0] = '\0';
}

void invite_mail_release(struct invite_mail *im)
{
	mailer_release(&im->mailer);
}

int invite_mail_check(const char *name, const char *email, char *err, size_t errlen)
{
	if (!mail_text_ok(name))
		return fail(err, errlen, "the name holds a control character: no e-mail can name it");
	if (!mail_addr_ok(email))
		return fail(err, errlen, "'%.200s' is not an e-mail address a message can go to", email);
	return 0;
}

static struct json_object *status_only(const char *status, const char *error)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "status", json_object_new_string(status));
	if (error)
		json_object_object_add(o, "error", json_object_new_string(error));
	return o;
}

/* Render templates/name into out (plain: no HTML escaping); -1 with err set. */
static int render(const char *name, struct json_object *data, bool plain, struct strbuf *out, char *err,
		  size_t errlen)
{
	struct strbuf tpl = STRBUF_INIT;
	char why[256];
	int rc;

	/* read on each message: a recruiter may reword it without a restart */
	if (api_read_template(name, &tpl) < 0) {
		rc = fail(err, errlen, "the template %s is missing", name);
		goto out;
	}
	rc = plain ? tmpl_render_text(tpl.buf, data, out, why, sizeof(why))
		   : tmpl_render(tpl.buf, data, out, why, sizeof(why));
	if (rc < 0)
		fail(err, errlen, "%s: %s", name, why);
out:
	strbuf_release(&tpl);
	return rc;
}

/* The subject on one line: line breaks and tabs become spaces, the ends trimmed. */
static void one_line(struct strbuf *s)
{
	size_t i, start = 0;

	for (i = 0; i < s->len; i++)
		if (s->buf[i] == '\r' || s->buf[i] == '\n' || s->buf[i] == '\t')
			s->buf[i] = ' ';
	while (s->len && s->buf[s->len - 1] == ' ')
		strbuf_setlen(s, s->len - 1);
	while (start < s->len && s->buf[start] == ' ')
		start++;
	memmove(s->buf, s->buf + start, s->len - start + 1);
	s->len -= start;
}

/* The template's data: {candidate: {name, email}, test: {title, job, duration_minutes}, link}. */
static struct json_object *mail_data(PGresult *res, const char *url)
{
	struct json_object *d = json_object_new_object(), *c = json_object_new_object(),
			   *t = json_object_new_object();

	json_object_object_add(c, "name", json_object_new_string(db_get(res, 0, "name")));
	json_object_object_add(c, "email", json_object_new_string(db_get(res, 0, "email")));
	json_object_object_add(t, "title", json_object_new_string(db_get(res, 0, "title")));
	json_object_object_add(t, "job", json_object_new_string(db_get(res, 0, "job")));
	json_object_object_add(t, "duration_minutes", json_object_new_int((int)db_getll(res, 0, "minutes")));
	json_object_object_add(d, "candidate", c);
	json_object_object_add(d, "test", t);
	json_object_object_add(d, "link", json_object_new_string(url));
	return d;
}

/* Compose and send the message to the candidate of res; -1 with err set. */
static int compose_send(struct invite_mail *im, PGresult *res, const char *url, char *msgid, size_t idlen,
			char *err, size_t errlen)
{
	struct strbuf subject = STRBUF_INIT, text = STRBUF_INIT, html = STRBUF_INIT, msg = STRBUF_INIT;
	struct json_object *data = mail_data(res, url);
	const char *name = db_get(res, 0, "name"), *email = db_get(res, 0, "email");
	int rc = -1;

	if (invite_mail_check(name, email, err, errlen) < 0 ||
	    render("invite_mail_subject.txt", data, true, &subject, err, errlen) < 0 ||
	    render("invite_mail.txt", data, true, &text, err, errlen) < 0 ||
	    render("invite_mail.html", data, false, &html, err, errlen) < 0)
		goto out;
	one_line(&subject);
	if (mail_compose(&(struct mail_msg){ name, email, subject.buf, text.buf, html.buf }, &msg, msgid, idlen,
			 err, errlen) < 0)
		goto out;
	/* the server is down or refuses: the rest of the batch is not tried, each can be resent */
	if (*im->failed) {
		fail(err, errlen, "not sent: an earlier message failed (%s)", im->failed);
		goto out;
	}
	if (mailer_send(&im->mailer, email, &msg, err, errlen) < 0) {
		snprintf(im->failed, sizeof(im->failed), "%s", err);
		goto out;
	}
	rc = 0;
out:
	json_object_put(data);
	strbuf_release(&msg);
	strbuf_release(&html);
	strbuf_release(&text);
	strbuf_release(&subject);
	return rc;
}

struct json_object *invite_mail_send(struct invite_mail *im, struct http_req *r, const char *candidate_id,
				     const char *url)
{
	char err[512] = "", msgid[160] = "", who[16];
	const char *p[6] = { candidate_id, NULL, NULL, err, msgid, who };
	struct json_object *o, *detail;
	PGresult *res = NULL;
	int sent;

	if (!mail_enabled())
		return status_only("disabled", NULL);
	/* a one-off test's title is the candidate's name: the message says "a coding test" */
	if (db_exec(&res,
		    "SELECT c.name, c.email, c.test_duration_minutes AS minutes,"
		    " CASE WHEN j.one_off THEN '' ELSE COALESCE(t.title, '') END AS title,"
		    " CASE WHEN j.one_off THEN '' ELSE COALESCE(j.title, '') END AS job"
		    " FROM candidate c LEFT JOIN test_version v ON v.id = c.test_version_id"
		    " LEFT JOIN test t ON t.id = v.test_id LEFT JOIN jobs j ON j.id = c.job_id"
		    " WHERE c.candidate_id = $1::uuid",
		    1, p) != DB_OK || PQntuples(res) != 1) {
		PQclear(res);
		return status_only("failed", "the candidate could not be read; retry");
	}
	sent = compose_send(im, res, url, msgid, sizeof(msgid), err, sizeof(err)) == 0;
	if (!sent)
		fprintf(stderr, "ce-fcgi: mail: the invitation of candidate %s was not sent: %s\n", candidate_id, err);
	p[1] = db_get(res, 0, "email");
	p[2] = sent ? "sent" : "failed";
	snprintf(who, sizeof(who), "%d", r->admin_id);
	o = api_query_json(
		"INSERT INTO invitation_mail AS m (candidate_id, to_addr, status, last_error, message_id, sent_at,"
		" sent_by) VALUES ($1::uuid, $2, $3, NULLIF($4, ''), NULLIF($5, ''),"
		" CASE WHEN $3 = 'sent' THEN now() END, NULLIF($6, '0')::int)"
		" ON CONFLICT (candidate_id) DO UPDATE SET to_addr = EXCLUDED.to_addr, status = EXCLUDED.status,"
		" attempts = m.attempts + 1, last_error = EXCLUDED.last_error, message_id = EXCLUDED.message_id,"
		" sent_at = EXCLUDED.sent_at, sent_by = EXCLUDED.sent_by, updated_at = now()"
		" RETURNING " INVITE_MAIL_JSON("m"),
		6, p, NULL);
	if (!o)
		o = status_only(p[2], sent ? NULL : err);
	detail = json_object_new_object();
	json_object_object_add(detail, "status", json_object_new_string(p[2]));
	json_object_object_add(detail, "to", json_object_new_string(p[1]));
	if (!sent)
		json_object_object_add(detail, "error", json_object_new_string(err));
	audit(r, "candidate.mail", "candidate", candidate_id, detail);
	PQclear(res);
	return o;
}
