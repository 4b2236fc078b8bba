/* webhook.c - what a callback may name and reach: its URL, its addresses, CE_WEBHOOK_ALLOW */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "webhook.h"

int webhook_url_parse(const char *url, struct webhook_url *u, char *err, size_t errlen)
{
	struct webhook_url tmp;
	const char *p, *auth, *end, *at, *host, *hend, *port = NULL;
	size_t len = strlen(url), i;
	struct in6_addr a6;
	long n = 0;

	if (!u)
		u = &tmp;
	memset(u, 0, sizeof(*u));
	if (len > WEBHOOK_MAX_URL)
		return fail(err, errlen, "'callback_url' must be at most %d bytes", WEBHOOK_MAX_URL);
	for (i = 0; i < len; i++)
		if (url[i] <= 0x20 || url[i] >= 0x7f)
			return fail(err, errlen, "'callback_url' must be printable ASCII (percent-encode the rest)");
	if (!strncasecmp(url, "http://", 7)) {
		auth = url + 7;
	} else if (!strncasecmp(url, "https://", 8)) {
		auth = url + 8;
		u->https = true;
	} else {
		return fail(err, errlen, "'callback_url' must be an http:// or https:// URL");
	}
	end = auth + strcspn(auth, "/?#");
	/* user:password@ goes to the receiver as Basic authentication; the host follows the last @ */
	for (host = auth, at = auth; at < end; at++)
		if (*at == '@')
			host = at + 1;
	if (*host == '[') {
		hend = memchr(host, ']', (size_t)(end - host));
		if (!hend)
			return fail(err, errlen, "'callback_url' has an unclosed IPv6 address");
		if (hend + 1 < end && hend[1] != ':')
			return fail(err, errlen, "'callback_url' has text after its IPv6 address");
		if (hend + 1 < end)
			port = hend + 2;
		snprintf(u->host, sizeof(u->host), "%.*s", (int)(hend - host - 1), host + 1);
		if (hend - host - 1 >= (long)sizeof(u->host) || inet_pton(AF_INET6, u->host, &a6) != 1)
			return fail(err, errlen, "'callback_url' has an invalid IPv6 address");
	} else {
		hend = memchr(host, ':', (size_t)(end - host));
		if (hend)
			port = hend + 1;
		else
			hend = end;
		if (hend == host)
			return fail(err, errlen, "'callback_url' must name a host");
		if (hend - host >= (long)sizeof(u->host))
			return fail(err, errlen, "'callback_url' has too long a host name");
		for (p = host; p < hend; p++)
			if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.' && *p != '_')
				return fail(err, errlen, "'callback_url' has an invalid host name");
		snprintf(u->host, sizeof(u->host), "%.*s", (int)(hend - host), host);
	}
	u->port = u->https ? 443 : 80;
	if (port) {
		if (port == end || end - port > 5)
			return fail(err, errlen, "'callback_url' has an invalid port");
		for (p = port; p < end; p++) {
			if (!isdigit((unsigned char)*p))
				return fail(err, errlen, "'callback_url' has an invalid port");
			n = n * 10 + (*p - '0');
		}
		if (n < 1 || n > 65535)
			return fail(err, errlen, "'callback_url' has an invalid port");
		u->port = (int)n;
	}
	return 0;
}

/*
 * The address as it will be judged: an IPv4 address inside an IPv4-mapped
 * or NAT64 IPv6 one is taken out, since a connection to it reaches that
 * IPv4 host.  AF_INET (4 bytes in a), AF_INET6 (16), or 0 for another family.
 */
static int addr_norm(const struct sockaddr *sa, unsigned char a[16])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b };
	const unsigned char *b;

	memset(a, 0, 16);
	if (sa->sa_family == AF_INET) {
		memcpy(a, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
		return AF_INET;
	}
	if (sa->sa_family != AF_INET6)
		return 0;
	b = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr;
	if (!memcmp(b, mapped, 12) || !memcmp(b, nat64, 12)) {
		memcpy(a, b + 12, 4);
		return AF_INET;
	}
	memcpy(a, b, 16);
	return AF_INET6;
}

static bool in_net(const unsigned char *a, const unsigned char *net, int bits)
{
	int whole = bits / 8, rest = bits % 8;

	if (memcmp(a, net, (size_t)whole))
		return false;
	return !rest || ((a[whole] ^ net[whole]) & (0xff00 >> rest)) == 0;
}

/* Networks that are not the public Internet, most specific first where they overlap. */
static const struct special {
	int family;
	unsigned char net[16];
	int bits;
	const char *what;
} specials[] = {
	{ AF_INET, { 0, 0, 0, 0 }, 32, "unspecified" },
	{ AF_INET, { 0 }, 8, "reserved" },
	{ AF_INET, { 10 }, 8, "private" },
	{ AF_INET, { 100, 64 }, 10, "shared" },
	{ AF_INET, { 127 }, 8, "loopback" },
	{ AF_INET, { 169, 254 }, 16, "link-local" },
	{ AF_INET, { 172, 16 }, 12, "private" },
	{ AF_INET, { 192, 0, 0 }, 24, "reserved" },
	{ AF_INET, { 192, 0, 2 }, 24, "reserved" },
	{ AF_INET, { 192, 168 }, 16, "private" },
	{ AF_INET, { 198, 18 }, 15, "reserved" },
	{ AF_INET, { 198, 51, 100 }, 24, "reserved" },
	{ AF_INET, { 203, 0, 113 }, 24, "reserved" },
	{ AF_INET, { 224 }, 4, "multicast" },
	{ AF_INET, { 240 }, 4, "reserved" },
	{ AF_INET6, { 0 }, 128, "unspecified" },
	{ AF_INET6, { [15] = 1 }, 128, "loopback" },
	{ AF_INET6, { 0 }, 96, "reserved" },		/* IPv4-compatible, deprecated */
	{ AF_INET6, { 0x01 }, 64, "reserved" },		/* 100::/64, discard */
	{ AF_INET6, { 0x20, 0x01, 0x0d, 0xb8 }, 32, "reserved" },
	{ AF_INET6, { 0xfc }, 7, "unique-local" },
	{ AF_INET6, { 0xfe, 0x80 }, 10, "link-local" },
	{ AF_INET6, { 0xfe, 0xc0 }, 10, "reserved" },	/* site-local, deprecated */
	{ AF_INET6, { 0xff }, 8, "multicast" },
};

const char *webhook_addr_class(const struct sockaddr *sa)
{
	unsigned char a[16];
	int family = addr_norm(sa, a);
	size_t i;

	if (!family)
		return "reserved";
	for (i = 0; i < sizeof(specials) / sizeof(specials[0]); i++)
		if (specials[i].family == family && in_net(a, specials[i].net, specials[i].bits))
			return specials[i].what;
	return NULL;
}

bool webhook_addr_ok(const struct webhook_allow *al, const struct sockaddr *sa, char *why,
		     size_t whylen)
{
	const char *what = webhook_addr_class(sa);
	char text[INET6_ADDRSTRLEN] = "?";
	unsigned char a[16];
	int family = addr_norm(sa, a);
	size_t i;

	if (!what)
		return true;
	for (i = 0; al && i < al->n; i++)
		if (al->net[i].family == family && in_net(a, al->net[i].addr, al->net[i].bits))
			return true;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, text,
			  sizeof(text));
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, text,
			  sizeof(text));
	fail(why, whylen, "%s is %s", text, what);
	return false;
}

/* One entry: "addr" or "addr/bits", trimmed. */
static int allow_one(const char *s, size_t len, struct webhook_allow *al, char *err, size_t errlen)
{
	char buf[64], *slash, *end;
	long bits;
	int family = AF_INET, max = 32;

	if (len >= sizeof(buf))
		return fail(err, errlen, "CE_WEBHOOK_ALLOW: '%.*s' is not a CIDR", (int)len, s);
	if (al->n == WEBHOOK_MAX_ALLOW)
		return fail(err, errlen, "CE_WEBHOOK_ALLOW: more than %d networks", WEBHOOK_MAX_ALLOW);
	memcpy(buf, s, len);
	buf[len] = '\0';
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	memset(al->net[al->n].addr, 0, 16);
	if (inet_pton(AF_INET, buf, al->net[al->n].addr) != 1) {
		family = AF_INET6;
		max = 128;
		if (inet_pton(AF_INET6, buf, al->net[al->n].addr) != 1)
			return fail(err, errlen, "CE_WEBHOOK_ALLOW: '%.*s' is not a CIDR", (int)len, s);
	}
	bits = max;
	if (slash) {
		bits = strtol(slash + 1, &end, 10);
		if (end == slash + 1 || *end || bits < 0 || bits > max)
			return fail(err, errlen, "CE_WEBHOOK_ALLOW: '%.*s' has an invalid prefix length",
				    (int)len, s);
	}
	al->net[al->n].family = family;
	al->net[al->n].bits = (int)bits;
	al->n++;
	return 0;
}

int webhook_allow_parse(const char *spec, struct webhook_allow *al, char *err, size_t errlen)
{
	const char *p = spec, *q;
	size_t len;

	memset(al, 0, sizeof(*al));
	while (p && *p) {
		q = p + strcspn(p, ",");
		while (p < q && isspace((unsigned char)*p))
			p++;
		for (len = (size_t)(q - p); len && isspace((unsigned char)p[len - 1]); len--)
			;
		if (len && allow_one(p, len, al, err, errlen) < 0) {
			memset(al, 0, sizeof(*al));
			return -1;
		}
		p = *q ? q + 1 : q;
	}
	return 0;
}
