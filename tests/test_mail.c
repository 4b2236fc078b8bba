/* test_mail.c - unit tests of mail.c: addresses, header safety, the composed message */
#define _GNU_SOURCE
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "mail.h"
#include "utf8.h"

static char err[256];

/* Mail configured once, to a port nothing listens on (the suites' range). */
static void configure(void)
{
	static int done;

	if (done++)
		return;
	setenv("SMTP_URL", "smtp://127.0.0.1:18689", 1);
	setenv("MAIL_FROM", "tests@engine.example", 1);
	setenv("SMTP_TIMEOUT", "2", 1);
	mail_init();
}

/* The decoded text of base64 (no line breaks) into out; its length, or -1. */
static int b64(const char *s, size_t n, char *out)
{
	int k = EVP_DecodeBlock((unsigned char *)out, (const unsigned char *)s, (int)n);

	if (k < 0)
		return -1;
	while (n && s[n - 1] == '=') {
		n--;
		k--;
	}
	out[k] = '\0';
	return k;
}

/* The header block of msg (up to the blank line), with folded lines joined. */
static char *headers(const char *msg)
{
	const char *end = strstr(msg, "\r\n\r\n");
	char *h = strndup(msg, (size_t)(end - msg)), *p;

	while ((p = strstr(h, "\r\n ")))
		memmove(p, p + 2, strlen(p + 2) + 1);
	return h;
}

/* Decode every =?UTF-8?B?...?= word in s (joined by spaces) into out. */
static void decode_words(const char *s, char *out)
{
	const char *p = s, *q;

	*out = '\0';
	while ((p = strstr(p, "=?UTF-8?B?"))) {
		p += 10;
		q = strstr(p, "?=");
		CU_ASSERT_PTR_NOT_NULL_FATAL(q);
		CU_ASSERT(q - p <= 75 - 12);
		/* every word on its own is whole characters */
		CU_ASSERT(b64(p, (size_t)(q - p), out + strlen(out)) > 0);
		CU_ASSERT(utf8_valid(out, strlen(out)));
		p = q + 2;
	}
}

static void test_addresses(void)
{
	static const char *const good[] = {
		"a@example.org", "first.last+tag@mail.example.co.uk", "x_y-z@a-b.example", "o'neil@example.org",
		"1@2.io", NULL,
	};
	static const char *const bad[] = {
		"", "a", "@example.org", "a@", "a@b", "a@localhost", "a@@example.org", "a@b@example.org",
		"two words@example.org", "a@exa mple.org", ".a@example.org", "a.@example.org", "a..b@example.org",
		"a@-example.org", "a@example-.org", "a@example..org", "a@example.org.", "<a@example.org>",
		"a@example.org\r\nBcc: x@example.org", "a\n@example.org", "ä@example.org", "a@exämple.org",
		"a,b@example.org", "a\"b@example.org", "a@[127.0.0.1]", NULL,
	};
	char big[400];
	size_t i;

	for (i = 0; good[i]; i++)
		CU_ASSERT_TRUE_FATAL(mail_addr_ok(good[i]) || (fprintf(stderr, "\n  good: %s\n", good[i]), 0));
	for (i = 0; bad[i]; i++)
		CU_ASSERT_FALSE_FATAL(mail_addr_ok(bad[i]) && (fprintf(stderr, "\n  bad: %s\n", bad[i]), 1));
	/* 64 bytes of local part at most, 254 in all */
	memset(big, 'a', 65);
	strcpy(big + 65, "@example.org");
	CU_ASSERT_FALSE(mail_addr_ok(big));
	strcpy(big + 64, "@example.org");
	CU_ASSERT_TRUE(mail_addr_ok(big));
	memset(big, 'a', 10);
	big[10] = '@';
	for (i = 11; i < 11 + 60 * 5; i += 60) {
		memset(big + i, 'b', 59);
		big[i + 59] = '.';
	}
	strcpy(big + i, "org");
	CU_ASSERT_FALSE(mail_addr_ok(big));
}

static void test_text(void)
{
	CU_ASSERT_TRUE(mail_text_ok("Zoë O'Neil \"the\" <best>"));
	CU_ASSERT_FALSE(mail_text_ok("Eve\r\nBcc: x@example.org"));
	CU_ASSERT_FALSE(mail_text_ok("tab\there"));
	CU_ASSERT_FALSE(mail_text_ok("del\x7f"));
	CU_ASSERT_FALSE(mail_text_ok("bell\a"));
}

static void test_off(void)
{
	struct mailer m;
	struct strbuf msg = STRBUF_INIT;

	CU_ASSERT_FALSE(mail_enabled());
	mailer_init(&m);
	CU_ASSERT_EQUAL(mailer_send(&m, "a@example.org", &msg, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "not configured"));
	mailer_release(&m);
}

static void test_compose(void)
{
	struct strbuf msg = STRBUF_INIT;
	char id[160], *h, text[256];
	const char *p, *q;

	configure();
	CU_ASSERT_TRUE_FATAL(mail_enabled());
	CU_ASSERT_EQUAL_FATAL(mail_compose(&(struct mail_msg){ "Ann \"A\" O'Neil", "ann@example.org", "Your test",
							       "Hello Ann\n", "<p>Hello</p>" },
					   &msg, id, sizeof(id), err, sizeof(err)), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(id, "@engine.example"));
	h = headers(msg.buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "From: <tests@engine.example>\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "To: \"Ann \\\"A\\\" O'Neil\" <ann@example.org>\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "Subject: Your test\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "\r\nDate: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "\r\nMIME-Version: 1.0\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(h, "\r\nContent-Type: multipart/alternative; boundary="));
	p = strstr(h, "Message-ID: <");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(strncmp(p + 13, id, strlen(id)), 0);
	free(h);
	/* both parts, base64 of the texts given */
	p = strstr(msg.buf, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	p = strstr(p, "\r\n\r\n") + 4;
	q = strstr(p, "\r\n");
	CU_ASSERT(b64(p, (size_t)(q - p), text) > 0);
	CU_ASSERT_STRING_EQUAL(text, "Hello Ann\n");
	p = strstr(msg.buf, "Content-Type: text/html; charset=utf-8");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	p = strstr(p, "\r\n\r\n") + 4;
	q = strstr(p, "\r\n");
	CU_ASSERT(b64(p, (size_t)(q - p), text) > 0);
	CU_ASSERT_STRING_EQUAL(text, "<p>Hello</p>");
	CU_ASSERT_PTR_NOT_NULL(strstr(msg.buf, "--\r\n"));
	strbuf_release(&msg);
}

static void test_encoded_words(void)
{
	static const char name[] = "Zoë Łukasiewicz-Ñúñez 王小明";
	struct strbuf msg = STRBUF_INIT, subject = STRBUF_INIT;
	char id[160], words[1024], *h, *line, *save = NULL;
	int i;

	configure();
	/* a long subject of two-, three- and four-byte characters: folded, never cut inside one */
	for (i = 0; i < 12; i++)
		strbuf_addstr(&subject, "Prüfung – 测试 🧪 ");
	CU_ASSERT_EQUAL_FATAL(mail_compose(&(struct mail_msg){ name, "zoe@example.org", subject.buf, "t", "h" },
					   &msg, id, sizeof(id), err, sizeof(err)), 0);
	/* no header line past 78 characters, nothing but ASCII */
	h = strndup(msg.buf, (size_t)(strstr(msg.buf, "\r\n\r\n") - msg.buf));
	for (line = strtok_r(h, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
		CU_ASSERT(strlen(line) <= 78 || (fprintf(stderr, "\n  long: %s\n", line), 0));
		for (i = 0; line[i]; i++)
			CU_ASSERT((unsigned char)line[i] >= 0x20 && (unsigned char)line[i] < 0x7f);
	}
	free(h);
	h = headers(msg.buf);
	line = strstr(h, "To: ");
	*strstr(line, "\r\n") = '\0';
	CU_ASSERT_PTR_NOT_NULL(strstr(line, "<zoe@example.org>"));
	decode_words(line, words);
	CU_ASSERT_STRING_EQUAL(words, name);
	free(h);
	h = headers(msg.buf);
	line = strstr(h, "Subject: ");
	*strstr(line, "\r\n") = '\0';
	decode_words(line, words);
	CU_ASSERT_STRING_EQUAL(words, subject.buf);
	free(h);
	strbuf_release(&subject);
	strbuf_release(&msg);
}

static void test_injection_refused(void)
{
	struct strbuf msg = STRBUF_INIT;
	char id[160];

	configure();
	CU_ASSERT_EQUAL(mail_compose(&(struct mail_msg){ "Eve\r\nBcc: all@example.org", "eve@example.org", "s", "t", "h" },
				     &msg, id, sizeof(id), err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(mail_compose(&(struct mail_msg){ "Eve", "eve@example.org\r\nBcc: all@example.org", "s", "t", "h" },
				     &msg, id, sizeof(id), err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(mail_compose(&(struct mail_msg){ "Eve", "eve@example.org", "s\nBcc: all@example.org", "t", "h" },
				     &msg, id, sizeof(id), err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(mail_compose(&(struct mail_msg){ "Eve", "not an address", "s", "t", "h" },
				     &msg, id, sizeof(id), err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(msg.len, 0);
	strbuf_release(&msg);
}

static void test_server_down(void)
{
	struct strbuf msg = STRBUF_INIT;
	struct mailer m;
	char id[160];

	configure();
	CU_ASSERT_EQUAL_FATAL(mail_compose(&(struct mail_msg){ "", "a@example.org", "s", "t", "h" }, &msg, id,
					   sizeof(id), err, sizeof(err)), 0);
	mailer_init(&m);
	CU_ASSERT_EQUAL(mailer_send(&m, "a@example.org", &msg, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "SMTP: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "connect"));
	mailer_release(&m);
	strbuf_release(&msg);
}

static CU_TestInfo tests[] = {
	{ "addresses a message can go to, and the ones it cannot", test_addresses },
	{ "text for headers: no control characters", test_text },
	{ "without SMTP_URL nothing is sent", test_off },
	{ "the message: headers, both parts in base64", test_compose },
	{ "names and subjects outside ASCII are RFC 2047 words, folded, whole characters", test_encoded_words },
	{ "CR/LF in a name, an address or a subject is refused", test_injection_refused },
	{ "a server that is down is an error with libcurl's words", test_server_down },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("mail", tests)
