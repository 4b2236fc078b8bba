/*
 * invite_mail.h - a candidate's invitation by e-mail: the message from templates/, sent at once, its outcome kept
 *
 * The message is made and sent during the request that makes the link
 * (README, "Invitations by e-mail"): the link holds the invitation token,
 * which the server keeps only hashed, so nothing could send it later.
 * What became of the last message (sent or failed, with the error, the
 * attempts and when) is kept in invitation_mail and shown as the
 * candidate's "mail".
 */
#ifndef CE_INVITE_MAIL_H
#define CE_INVITE_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "mail.h"

/* What the candidate JSON and the answers show of invitation_mail row m (SQL). */
#define INVITE_MAIL_JSON(m)                                                                   \
	"json_build_object('status', " m ".status, 'to', " m ".to_addr, 'attempts', " m ".attempts," \
	" 'error', " m ".last_error, 'sent_at', " m ".sent_at, 'updated_at', " m ".updated_at)"

struct http_req;
struct json_object;

/* The messages of one request: they share a connection, and after a failure the rest wait. */
struct invite_mail {
	struct mailer mailer;
	char failed[200];	/* the first failure of the batch; "" while none */
};

void invite_mail_init(struct invite_mail *im);
void invite_mail_release(struct invite_mail *im);

/*
 * Can name and email receive an invitation (mail_addr_ok, no control
 * characters in the name)?  0, or -1 with err set for a 400.
 */
int invite_mail_check(const char *name, const char *email, char *err, size_t errlen);

/*
 * Send candidate_id's invitation with the link url (holding the token in
 * clear: only the message has it), keep the outcome and audit it
 * (candidate.mail).  The answer's "mail": {"status": "sent" | "failed" |
 * "disabled", "to", "attempts", "error", "sent_at"}, a new object.
 */
struct json_object *invite_mail_send(struct invite_mail *im, struct http_req *r, const char *candidate_id,
				     const char *url);

#endif
