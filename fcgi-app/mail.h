/*
 * mail.h - e-mail through an SMTP server: the settings, addresses, composing and sending a message
 *
 * Settings (environment, read once by mail_init): SMTP_URL (smtp://host:587, STARTTLS when
 * the server offers it, or smtps://host:465, TLS from the start; unset: mail is off),
 * SMTP_USER and SMTP_PASSWORD (AUTH), MAIL_FROM (the sender's address), SMTP_REQUIRE_TLS=1
 * (an smtp:// server must do STARTTLS), SMTP_TIMEOUT (seconds for one message, 10).  The
 * password goes to the server and nowhere else: not in a log, an answer or an error text.
 *
 * Messages go out through libcurl's SMTP client, one connection per mailer, reused by the
 * messages of a batch.
 */
#ifndef CE_MAIL_H
#define CE_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Read the settings from the environment; logs why mail stays off when they are wrong. */
void mail_init(void);
/* Is mail configured (SMTP_URL and MAIL_FROM, both valid)? */
bool mail_enabled(void);

/*
 * Is addr an address a message can go to: local@domain, at most 254 bytes, a dot-atom
 * local part (letters, digits, !#$%&'*+/=?^_`{|}~- and inner dots), a domain of at
 * least two labels of letters, digits and inner hyphens?
 */
bool mail_addr_ok(const char *addr);
/* Can s go into a header (a name, a subject): no control characters (below 0x20, 0x7f)? */
bool mail_text_ok(const char *s);

/* A message with a plain-text and an HTML alternative (UTF-8). */
struct mail_msg {
	const char *to_name;	/* the display name; "" for none */
	const char *to_addr;
	const char *subject;
	const char *text, *html;
};

/*
 * Compose m (headers From, To, Subject, Date, Message-ID, MIME-Version; a
 * multipart/alternative body, each part base64) into out, and its Message-ID
 * (without the <>) into msgid.  Names and subjects outside printable ASCII
 * are RFC 2047 encoded words.  0, or -1 with err set (an address that cannot
 * receive mail, a control character in a name or the subject, no memory).
 */
int mail_compose(const struct mail_msg *m, struct strbuf *out, char *msgid, size_t idlen, char *err,
		 size_t errlen);

/* A connection to the SMTP server, kept open between the messages of a batch. */
struct mailer {
	void *curl;		/* CURL *, NULL until the first message */
};

void mailer_init(struct mailer *mr);
/*
 * Send msg (mail_compose's) to addr, within SMTP_TIMEOUT.  0 once the server
 * accepted it, or -1 with err set to what failed (libcurl's and the server's
 * words: never the credentials).
 */
int mailer_send(struct mailer *mr, const char *addr, const struct strbuf *msg, char *err, size_t errlen);
/* Close the connection. */
void mailer_release(struct mailer *mr);

#endif
