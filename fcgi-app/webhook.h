/*
 * webhook.h - calls to a job's callback_url when it ends
 *
 * POST /execute may name a callback_url (webhook_url_check at request
 * time).  When such a job ends, done or failed, a webhook_delivery row is
 * stored in the same statement as the job's end (queue.c), with an empty
 * body, and NOTIFY ce_hooks wakes the deliverers: one process per judge
 * host (ce-worker-hooks, kept alive by the host like its slots).  A
 * deliverer claims a due delivery (FOR UPDATE SKIP LOCKED, pushing next_at
 * past its own send so that no other host sends it meanwhile), builds the
 * body from the job row on the first attempt and stores it, so every retry
 * sends the same bytes under the same X-CE-Delivery, then makes one attempt
 * and records it.
 *
 * An attempt: the URL's host is resolved and refused, with no connection,
 * when any of its addresses is not public (webhook_addr_class) and
 * CE_WEBHOOK_ALLOW does not list it; the connection goes to the address that
 * was checked and nowhere else (the socket is checked again as it is
 * opened), redirects are not followed, http and https only, 10 s in all.
 * A 2xx is delivered; a connection failure, a timeout, a 5xx or a 429 is
 * tried again after CE_WEBHOOK_BACKOFF_MS (2000) x 2^(attempt-1), at most an
 * hour, up to CE_WEBHOOK_MAX_ATTEMPTS (6) attempts in all; anything else (a
 * refused address, a 3xx, another 4xx) fails at once.
 *
 * The body is signed: X-CE-Signature: sha256=<hex HMAC-SHA256 of the body>,
 * keyed with CE_API_KEY, else CE_WEBHOOK_SECRET; with neither the header is
 * left out.
 *
 * Prototypes by file: webhook.c (the policy: libc only, linked by the front
 * too) and webhook_send.c (the attempt and the deliverer: libcurl and
 * libcrypto, linked into bin/ce-worker only).
 */
#ifndef CE_WEBHOOK_H
#define CE_WEBHOOK_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#define WEBHOOK_MAX_URL 2048
#define WEBHOOK_MAX_ALLOW 32
#define WEBHOOK_TIMEOUT_S 10

/* ---- webhook.c: the policy ---- */

/* A URL's parts, as webhook_url_parse found them. */
struct webhook_url {
	bool https;
	char host[256];		/* a name, or an address (an IPv6 one without its brackets) */
	int port;		/* 80 or 443 when the URL names none */
};

/*
 * Is url one a callback may name: http:// or https://, at most
 * WEBHOOK_MAX_URL bytes, printable ASCII, with a host and a valid port?
 * 0 with its parts in *u (may be NULL), or -1 with a client-facing message
 * in err.
 */
int webhook_url_parse(const char *url, struct webhook_url *u, char *err, size_t errlen);

/* Networks a callback may reach although they are not public (CE_WEBHOOK_ALLOW). */
struct webhook_allow {
	struct {
		int family;		/* AF_INET or AF_INET6 */
		unsigned char addr[16];
		int bits;
	} net[WEBHOOK_MAX_ALLOW];
	size_t n;
};

/*
 * Parse a comma-separated list of CIDRs ("127.0.0.0/8, ::1/128"; an address
 * without a length is a single host) into *a.  NULL or "" is the empty list.
 * 0, or -1 with the entry at fault in err (*a is then empty).
 */
int webhook_allow_parse(const char *spec, struct webhook_allow *a, char *err, size_t errlen);

/*
 * Why an address is not public: "loopback", "private", "shared" (100.64/10),
 * "link-local", "unspecified", "multicast", "unique-local", "reserved", or
 * NULL when it is public.  An IPv4-mapped (::ffff:0:0/96) or NAT64
 * (64:ff9b::/96) IPv6 address is judged as the IPv4 address inside it.
 */
const char *webhook_addr_class(const struct sockaddr *sa);

/*
 * May a callback connect to sa?  Public addresses and those in *a: true.
 * Otherwise false, with "<address> is <class>" in why.
 */
bool webhook_addr_ok(const struct webhook_allow *a, const struct sockaddr *sa, char *why,
		     size_t whylen);

/* ---- webhook_send.c: the attempt and the deliverer (bin/ce-worker) ---- */

/* The hex HMAC-SHA256 of body keyed with secret, into hex[65]. */
void webhook_sign(const char *secret, const char *body, size_t len, char hex[65]);

/* What one attempt came to. */
enum webhook_outcome {
	WEBHOOK_DELIVERED,	/* a 2xx */
	WEBHOOK_RETRY,		/* no answer, a 5xx or a 429: try again later */
	WEBHOOK_FAILED,		/* refused here, or an answer that another try would not change */
};

/* One call. */
struct webhook_call {
	const char *url, *method;	/* method: POST or PUT */
	const char *body;
	size_t len;
	const char *delivery;		/* X-CE-Delivery */
	const char *secret;		/* NULL or "": not signed */
	const struct webhook_allow *allow;
};

/*
 * Make one attempt: the outcome, the HTTP status in *status (0 when there
 * was no answer) and, unless delivered, why not in err (no secret in it).
 */
enum webhook_outcome webhook_send(const struct webhook_call *c, int *status, char *err,
				  size_t errlen);

/*
 * The deliverer of a judge host: claims due deliveries and sends them until
 * *stop is set; woken by NOTIFY ce_hooks, else polls.  Reads
 * CE_WEBHOOK_ALLOW, CE_WEBHOOK_MAX_ATTEMPTS, CE_WEBHOOK_BACKOFF_MS, and the
 * secret, once.  Uses the process's database connection.
 */
void webhook_deliver_loop(const volatile sig_atomic_t *stop);

#endif
