/* mail.c - e-mail through an SMTP server: the settings, addresses, composing and sending a message */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>
#include <openssl/evp.h>

#include "auth.h"
#include "mail.h"
#include "util.h"

/* the settings: read once, read-only afterwards */
static struct {
	const char *url, *user, *password, *from;
	bool enabled, require_tls;
	long timeout_ms;
} conf;

void mail_init(void)
{
	const char *url = getenv("SMTP_URL"), *from = getenv("MAIL_FROM"), *tls = getenv("SMTP_REQUIRE_TLS");
	const char *rest;

	if (!url || !*url)
		return;
	rest = !strncasecmp(url, "smtp://", 7) ? url + 7 : !strncasecmp(url, "smtps://", 8) ? url + 8 : NULL;
	if (!rest) {
		fprintf(stderr, "ce-fcgi: mail is off: SMTP_URL must start with smtp:// or smtps://\n");
		return;
	}
	/* credentials belong in SMTP_USER/SMTP_PASSWORD, never in a URL that could be shown */
	if (strcspn(rest, "/?#") > strcspn(rest, "@")) {
		fprintf(stderr, "ce-fcgi: mail is off: SMTP_URL must not hold credentials (use SMTP_USER, SMTP_PASSWORD)\n");
		return;
	}
	if (!from || !mail_addr_ok(from)) {
		fprintf(stderr, "ce-fcgi: mail is off: MAIL_FROM must be an e-mail address\n");
		return;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "ce-fcgi: mail is off: libcurl cannot start\n");
		return;
	}
	conf.url = url;
	conf.from = from;
	conf.user = getenv("SMTP_USER") && *getenv("SMTP_USER") ? getenv("SMTP_USER") : NULL;
	conf.password = getenv("SMTP_PASSWORD") ? getenv("SMTP_PASSWORD") : "";
	conf.require_tls = tls && !strcmp(tls, "1");
	conf.timeout_ms = 1000L * env_int("SMTP_TIMEOUT", 10, 1, 120);
	conf.enabled = true;
}

bool mail_enabled(void)
{
	return conf.enabled;
}

bool mail_addr_ok(const char *addr)
{
	static const char atext[] = "!#$%&'*+/=?^_`{|}~-";
	const char *at = strrchr(addr, '@'), *p, *label;
	size_t n = strlen(addr), labels = 0;

	if (!at || at == addr || at - addr > 64 || n > 254 || addr[0] == '.' || at[-1] == '.')
		return false;
	for (p = addr; p < at; p++)
		if (!(isascii((unsigned char)*p) && isalnum((unsigned char)*p)) && !strchr(atext, *p) &&
		    !(*p == '.' && p[1] != '.'))
			return false;
	for (label = p = at + 1;; p++) {
		if (*p == '.' || !*p) {
			if (p == label || p - label > 63 || *label == '-' || p[-1] == '-')
				return false;
			labels++;
			if (!*p)
				break;
			label = p + 1;
		} else if (!(isascii((unsigned char)*p) && isalnum((unsigned char)*p)) && *p != '-') {
			return false;
		}
	}
	return labels >= 2;
}

bool mail_text_ok(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* Append n bytes as base64, in lines of 76 characters (CRLF after each). */
static void add_base64(struct strbuf *out, const char *s, size_t n)
{
	unsigned char enc[80];
	size_t i, k;

	for (i = 0; i < n; i += 57) {
		k = n - i < 57 ? n - i : 57;
		EVP_EncodeBlock(enc, (const unsigned char *)s + i, (int)k);
		strbuf_addstr(out, (const char *)enc);
		strbuf_addstr(out, "\r\n");
	}
}

static bool printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/*
 * Append s as RFC 2047 encoded words (UTF-8, base64), at most 39 bytes of text each
 * (64 characters: with "Subject: " a line stays within RFC 2047's 76), split between
 * characters, folded onto lines of their own.
 */
static void add_encoded_words(struct strbuf *out, const char *s)
{
	unsigned char enc[64];
	size_t n = strlen(s), i = 0, k;

	while (i < n) {
		k = n - i < 39 ? n - i : 39;
		/* never cut a UTF-8 sequence: back up to the start of a character */
		while (i + k < n && k > 1 && ((unsigned char)s[i + k] & 0xc0) == 0x80)
			k--;
		EVP_EncodeBlock(enc, (const unsigned char *)s + i, (int)k);
		strbuf_addf(out, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", enc);
		i += k;
	}
}

/* A display name: a quoted string when it is printable ASCII, else encoded words. */
static void add_phrase(struct strbuf *out, const char *name)
{
	if (!printable_ascii(name)) {
		add_encoded_words(out, name);
		return;
	}
	strbuf_addstr(out, "\"");
	for (; *name; name++) {
		if (*name == '"' || *name == '\\')
			strbuf_addstr(out, "\\");
		strbuf_add(out, name, 1);
	}
	strbuf_addstr(out, "\"");
}

static void add_part(struct strbuf *out, const char *boundary, const char *type, const char *body)
{
	strbuf_addf(out, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
		    boundary, type);
	add_base64(out, body, strlen(body));
}

int mail_compose(const struct mail_msg *m, struct strbuf *out, char *msgid, size_t idlen, char *err,
		 size_t errlen)
{
	char rnd[TOKEN_HEX_LEN + 1], date[64], boundary[48];
	const char *domain = conf.from ? strrchr(conf.from, '@') + 1 : "localhost";
	time_t now = time(NULL);
	struct tm tm;

	if (!mail_addr_ok(m->to_addr))
		return fail(err, errlen, "the e-mail is not an address mail can go to");
	if (!mail_text_ok(m->to_name) || !mail_text_ok(m->subject))
		return fail(err, errlen, "the name or the subject holds a control character");
	if (auth_new_token(rnd) < 0)
		return fail(err, errlen, "no randomness available");
	snprintf(msgid, idlen, "%.32s@%s", rnd, domain);
	snprintf(boundary, sizeof(boundary), "=_ce_%.32s", rnd + 32);
	/* the C locale's day and month names are RFC 5322's */
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", gmtime_r(&now, &tm));

	strbuf_addf(out, "From: <%s>\r\nTo: ", conf.from ? conf.from : "");
	if (*m->to_name) {
		add_phrase(out, m->to_name);
		/* after encoded words the address goes on a line of its own: lines stay short */
		strbuf_addstr(out, printable_ascii(m->to_name) ? " " : "\r\n ");
	}
	strbuf_addf(out, "<%s>\r\nSubject: ", m->to_addr);
	if (printable_ascii(m->subject) && strlen(m->subject) < 900)
		strbuf_addstr(out, m->subject);
	else
		add_encoded_words(out, m->subject);
	strbuf_addf(out, "\r\nDate: %s\r\nMessage-ID: <%s>\r\nMIME-Version: 1.0\r\n"
		    "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n\r\n"
		    "This is a message in MIME format.\r\n\r\n", date, msgid, boundary);
	add_part(out, boundary, "text/plain", m->text);
	strbuf_addstr(out, "\r\n");
	add_part(out, boundary, "text/html", m->html);
	strbuf_addf(out, "\r\n--%s--\r\n", boundary);
	return 0;
}

/* libcurl reads the message from here */
struct upload {
	const char *p;
	size_t left;
};

static size_t read_upload(char *buf, size_t size, size_t nitems, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nitems < u->left ? size * nitems : u->left;

	memcpy(buf, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

void mailer_init(struct mailer *mr)
{
	mr->curl = NULL;
}

int mailer_send(struct mailer *mr, const char *addr, const struct strbuf *msg, char *err, size_t errlen)
{
	char why[CURL_ERROR_SIZE] = "";
	struct upload u = { msg->buf, msg->len };
	struct curl_slist *rcpt = NULL;
	CURL *h;
	CURLcode rc;

	if (!conf.enabled)
		return fail(err, errlen, "mail is not configured (SMTP_URL)");
	if (!mr->curl && !(mr->curl = curl_easy_init()))
		return fail(err, errlen, "libcurl cannot start");
	h = mr->curl;
	/* a reset keeps the open connection for the next message of the batch */
	curl_easy_reset(h);
	rcpt = curl_slist_append(NULL, addr);
	if (!rcpt)
		return fail(err, errlen, "out of memory");
	curl_easy_setopt(h, CURLOPT_URL, conf.url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, why);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, conf.timeout_ms / 2);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, conf.timeout_ms);
	/* smtp://: STARTTLS whenever the server offers it, and only then unless required */
	curl_easy_setopt(h, CURLOPT_USE_SSL, (long)(conf.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
	if (conf.user) {
		curl_easy_setopt(h, CURLOPT_USERNAME, conf.user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, conf.password);
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, conf.from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	rc = curl_easy_perform(h);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, NULL);
	curl_slist_free_all(rcpt);
	if (rc != CURLE_OK)
		return fail(err, errlen, "SMTP: %s%s%s", curl_easy_strerror(rc), *why ? ": " : "", why);
	return 0;
}

void mailer_release(struct mailer *mr)
{
	if (mr->curl)
		curl_easy_cleanup(mr->curl);
	mr->curl = NULL;
}
