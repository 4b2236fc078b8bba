/* test_webhook.c - unit tests of fcgi-app/webhook.c and webhook_send.c: addresses, CE_WEBHOOK_ALLOW, URLs, the signature */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"
#include "webhook.h"

/* An address as a socket address (v4 or v6 by its text). */
static const struct sockaddr *sa_of(const char *text)
{
	static struct sockaddr_storage ss;
	struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
	} else {
		CU_ASSERT_EQUAL_FATAL(inet_pton(AF_INET6, text, &v6->sin6_addr), 1);
		v6->sin6_family = AF_INET6;
	}
	return (const struct sockaddr *)&ss;
}

static void expect_class(const char *addr, const char *want)
{
	const char *got = webhook_addr_class(sa_of(addr));

	if (want ? !got || strcmp(got, want) : got != NULL)
		fprintf(stderr, "\n    %s: class %s, want %s\n", addr, got ? got : "public",
			want ? want : "public");
	CU_ASSERT(want ? got && !strcmp(got, want) : got == NULL);
}

static void test_ipv4_ranges(void)
{
	static const char *const cases[][2] = {
		{ "10.0.0.1", "private" },	   { "10.255.255.255", "private" },
		{ "172.16.0.1", "private" },	   { "172.31.255.254", "private" },
		{ "192.168.1.1", "private" },	   { "100.64.0.1", "shared" },
		{ "100.127.255.255", "shared" },   { "127.0.0.1", "loopback" },
		{ "127.255.0.9", "loopback" },	   { "169.254.169.254", "link-local" },
		{ "0.0.0.0", "unspecified" },	   { "0.1.2.3", "reserved" },
		{ "224.0.0.1", "multicast" },	   { "239.255.255.250", "multicast" },
		{ "255.255.255.255", "reserved" }, { "198.18.0.1", "reserved" },
	};
	static const char *const public[] = { "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1",
					      "100.63.255.255", "100.128.0.0", "192.169.0.1",
					      "169.253.255.255", "11.0.0.1", "223.255.255.255" };
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect_class(cases[i][0], cases[i][1]);
	for (i = 0; i < sizeof(public) / sizeof(public[0]); i++)
		expect_class(public[i], NULL);
}

static void test_ipv6_ranges(void)
{
	expect_class("::", "unspecified");
	expect_class("::1", "loopback");
	expect_class("fe80::1", "link-local");
	expect_class("febf:ffff::1", "link-local");
	expect_class("fc00::1", "unique-local");
	expect_class("fd12:3456::1", "unique-local");
	expect_class("ff02::1", "multicast");
	expect_class("2001:db8::1", "reserved");
	expect_class("2606:4700:4700::1111", NULL);
	expect_class("2a00:1450:4001::1", NULL);
}

/* An IPv4 address inside IPv6 is judged as itself. */
static void test_mapped(void)
{
	expect_class("::ffff:127.0.0.1", "loopback");
	expect_class("::ffff:10.1.2.3", "private");
	expect_class("::ffff:169.254.169.254", "link-local");
	expect_class("::ffff:0.0.0.0", "unspecified");
	expect_class("64:ff9b::a9fe:a9fe", "link-local");
	expect_class("::ffff:8.8.8.8", NULL);
	expect_class("::127.0.0.1", "reserved");
}

static void test_allow(void)
{
	struct webhook_allow a;
	char err[160], why[160];

	CU_ASSERT_EQUAL(webhook_allow_parse(NULL, &a, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(a.n, 0);
	CU_ASSERT_EQUAL(webhook_allow_parse("", &a, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(a.n, 0);
	/* nothing allowed: every private address is refused, with what it is */
	CU_ASSERT_FALSE(webhook_addr_ok(&a, sa_of("127.0.0.1"), why, sizeof(why)));
	CU_ASSERT_STRING_EQUAL(why, "127.0.0.1 is loopback");
	CU_ASSERT_FALSE(webhook_addr_ok(&a, sa_of("169.254.169.254"), why, sizeof(why)));
	CU_ASSERT_STRING_EQUAL(why, "169.254.169.254 is link-local");
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("8.8.8.8"), why, sizeof(why)));

	CU_ASSERT_EQUAL(webhook_allow_parse(" 127.0.0.0/8 ,::1, 10.1.0.0/16,", &a, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(a.n, 3);
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("127.0.0.1"), why, sizeof(why)));
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("127.9.9.9"), why, sizeof(why)));
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("::ffff:127.0.0.1"), why, sizeof(why)));
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("::1"), why, sizeof(why)));
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("10.1.200.3"), why, sizeof(why)));
	CU_ASSERT_FALSE(webhook_addr_ok(&a, sa_of("10.2.0.1"), why, sizeof(why)));
	CU_ASSERT_FALSE(webhook_addr_ok(&a, sa_of("169.254.169.254"), why, sizeof(why)));
	CU_ASSERT_FALSE(webhook_addr_ok(&a, sa_of("::2"), why, sizeof(why)));
	/* a prefix that is not on a byte boundary */
	CU_ASSERT_EQUAL(webhook_allow_parse("172.16.0.0/13", &a, err, sizeof(err)), 0);
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("172.23.255.255"), why, sizeof(why)));
	CU_ASSERT_FALSE(webhook_addr_ok(&a, sa_of("172.24.0.1"), why, sizeof(why)));
	CU_ASSERT_EQUAL(webhook_allow_parse("fd00::/8", &a, err, sizeof(err)), 0);
	CU_ASSERT_TRUE(webhook_addr_ok(&a, sa_of("fd12::1"), why, sizeof(why)));
	CU_ASSERT_FALSE(webhook_addr_ok(&a, sa_of("fc00::1"), why, sizeof(why)));

	/* what is not a CIDR is refused whole */
	CU_ASSERT_EQUAL(webhook_allow_parse("127.0.0.0/8,localhost", &a, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(a.n, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "localhost"));
	CU_ASSERT_EQUAL(webhook_allow_parse("10.0.0.0/33", &a, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(webhook_allow_parse("::1/129", &a, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(webhook_allow_parse("10.0.0.0/", &a, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(webhook_allow_parse("10.0.0.0/8x", &a, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(webhook_allow_parse("10.0.0.0/-1", &a, err, sizeof(err)), -1);
}

static void test_urls(void)
{
	static const char *const bad[] = {
		"file:///etc/passwd", "ftp://example.org/", "gopher://example.org:70/", "example.org",
		"http://", "http:///path", "http://:80/", "http://example.org:0/", "http://example.org:65536/",
		"http://example.org:/", "http://example.org:8x/", "http://exa mple.org/", "http://exa\tmple.org/",
		"http://[::1/", "http://[::1]x/", "http://[nope]/", "http://ex%41mple.org/",
		"http://example.org/\xc3\xa9", "javascript:alert(1)", "dict://127.0.0.1:11211/",
	};
	struct webhook_url u;
	char err[160], longurl[WEBHOOK_MAX_URL + 2];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (webhook_url_parse(bad[i], &u, err, sizeof(err)) != -1)
			fprintf(stderr, "\n    accepted %s\n", bad[i]);
		CU_ASSERT_EQUAL(webhook_url_parse(bad[i], &u, err, sizeof(err)), -1);
		CU_ASSERT_PTR_NOT_NULL(strstr(err, "callback_url"));
	}
	CU_ASSERT_EQUAL(webhook_url_parse("http://example.org/hook?a=1#x", &u, err, sizeof(err)), 0);
	CU_ASSERT_FALSE(u.https);
	CU_ASSERT_STRING_EQUAL(u.host, "example.org");
	CU_ASSERT_EQUAL(u.port, 80);
	CU_ASSERT_EQUAL(webhook_url_parse("HTTPS://Hooks.Example.org", &u, err, sizeof(err)), 0);
	CU_ASSERT_TRUE(u.https);
	CU_ASSERT_EQUAL(u.port, 443);
	CU_ASSERT_EQUAL(webhook_url_parse("http://user:pw@127.0.0.1:8080/x", &u, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(u.host, "127.0.0.1");
	CU_ASSERT_EQUAL(u.port, 8080);
	CU_ASSERT_EQUAL(webhook_url_parse("https://[2001:db8::1]:8443/x", &u, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(u.host, "2001:db8::1");
	CU_ASSERT_EQUAL(u.port, 8443);
	CU_ASSERT_EQUAL(webhook_url_parse("http://a@b@evil.example:81", &u, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(u.host, "evil.example");
	/* at most WEBHOOK_MAX_URL bytes */
	memset(longurl, 'a', sizeof(longurl));
	memcpy(longurl, "http://x.org/", 13);
	longurl[WEBHOOK_MAX_URL] = '\0';
	CU_ASSERT_EQUAL(webhook_url_parse(longurl, NULL, err, sizeof(err)), 0);
	longurl[WEBHOOK_MAX_URL] = 'a';
	longurl[WEBHOOK_MAX_URL + 1] = '\0';
	CU_ASSERT_EQUAL(webhook_url_parse(longurl, NULL, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "2048"));
}

/* RFC 4231, test case 2; and an empty body */
static void test_hmac(void)
{
	static const char data[] = "what do ya want for nothing?";
	char hex[65];

	webhook_sign("Jefe", data, strlen(data), hex);
	CU_ASSERT_STRING_EQUAL(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	webhook_sign("key", "", 0, hex);
	CU_ASSERT_STRING_EQUAL(hex, "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0");
}

/*
 * By default a callback to this machine is refused before any connection:
 * a listening socket on 127.0.0.1 has nothing to accept afterwards.
 */
static void test_loopback_refused(void)
{
	struct webhook_allow none = { .n = 0 };
	struct sockaddr_in sin = { .sin_family = AF_INET };
	socklen_t len = sizeof(sin);
	char url[64], err[256];
	int fd, status = -1, c;
	struct webhook_call call = { .method = "POST", .body = "{}", .len = 2,
				     .delivery = "00000000-0000-4000-8000-000000000000",
				     .secret = "s", .allow = &none };

	fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CU_ASSERT_FATAL(fd >= 0);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CU_ASSERT_FATAL(bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0);
	CU_ASSERT_FATAL(listen(fd, 4) == 0);
	getsockname(fd, (struct sockaddr *)&sin, &len);

	snprintf(url, sizeof(url), "http://127.0.0.1:%d/hook", ntohs(sin.sin_port));
	call.url = url;
	CU_ASSERT_EQUAL(webhook_send(&call, &status, err, sizeof(err)), WEBHOOK_FAILED);
	CU_ASSERT_EQUAL(status, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "127.0.0.1 is loopback"));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "no connection"));
	/* a name that resolves to it, and the same address as IPv4-mapped IPv6 */
	snprintf(url, sizeof(url), "http://localhost:%d/hook", ntohs(sin.sin_port));
	CU_ASSERT_EQUAL(webhook_send(&call, &status, err, sizeof(err)), WEBHOOK_FAILED);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "loopback"));
	snprintf(url, sizeof(url), "http://[::ffff:127.0.0.1]:%d/hook", ntohs(sin.sin_port));
	CU_ASSERT_EQUAL(webhook_send(&call, &status, err, sizeof(err)), WEBHOOK_FAILED);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "loopback"));
	snprintf(url, sizeof(url), "http://2130706433:%d/hook", ntohs(sin.sin_port));
	CU_ASSERT_EQUAL(webhook_send(&call, &status, err, sizeof(err)), WEBHOOK_FAILED);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "loopback"));
	c = accept(fd, NULL, NULL);
	CU_ASSERT_EQUAL(c, -1);
	CU_ASSERT(errno == EAGAIN || errno == EWOULDBLOCK);
	/* metadata services too, without trying them */
	call.url = "http://169.254.169.254/latest/meta-data/";
	CU_ASSERT_EQUAL(webhook_send(&call, &status, err, sizeof(err)), WEBHOOK_FAILED);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "169.254.169.254 is link-local"));
	close(fd);
}

static CU_TestInfo tests[] = {
	{ "IPv4 ranges that are not public", test_ipv4_ranges },
	{ "IPv6 ranges that are not public", test_ipv6_ranges },
	{ "IPv4-mapped and NAT64 addresses are judged as IPv4", test_mapped },
	{ "CE_WEBHOOK_ALLOW: parsing and matching", test_allow },
	{ "callback_url: http(s), a host, a port, 2048 bytes", test_urls },
	{ "HMAC-SHA256: RFC 4231 test case 2", test_hmac },
	{ "a loopback callback is refused with no connection", test_loopback_refused },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("webhook", tests)
