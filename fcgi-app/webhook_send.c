/*
 * webhook_send.c - a webhook's call (libcurl, signed with HMAC-SHA256)
 * and the judge host's deliverer that claims, sends and records them
 *
 * The body is built by the deliverer, not by the statement that ended the
 * job: that statement stores the delivery with body '' and the first
 * attempt fills it from the job row (hook_body: one switch on the
 * callback's format), then stores it before it sends, so each retry sends
 * the same bytes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "db.h"
#include "execution.h"
#include "jsonh.h"
#include "judge0.h"
#include "queue.h"
#include "sha256.h"
#include "strbuf.h"
#include "util.h"
#include "webhook.h"

#define WEBHOOK_LEASE_S 60		/* a claimed delivery is no other host's for this long */
#define WEBHOOK_MAX_BACKOFF_MS 3600000
#define WEBHOOK_IDLE_MS 5000		/* the poll under NOTIFY ce_hooks */

void webhook_sign(const char *secret, const char *body, size_t len, char hex[65])
{
	unsigned char mac[SHA256_LEN];

	hmac_sha256(secret, strlen(secret), body, len, mac);
	hex_encode(mac, sizeof(mac), hex);
}

/* The one address a call may connect to, and why a socket was refused. */
struct pin {
	const struct webhook_allow *allow;
	struct sockaddr_storage addr;
	char why[200];
	bool refused;
};

static bool same_addr(const struct sockaddr *a, const struct sockaddr_storage *b)
{
	if (a->sa_family != b->ss_family)
		return false;
	if (a->sa_family == AF_INET)
		return !memcmp(&((const struct sockaddr_in *)(const void *)a)->sin_addr,
			       &((const struct sockaddr_in *)(const void *)b)->sin_addr, 4);
	return a->sa_family == AF_INET6 &&
	       !memcmp(&((const struct sockaddr_in6 *)(const void *)a)->sin6_addr,
		       &((const struct sockaddr_in6 *)(const void *)b)->sin6_addr, 16);
}

/* libcurl's socket: opened only to the address that was checked, and checked again here. */
static curl_socket_t open_pinned(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct pin *pin = arg;

	if (purpose != CURLSOCKTYPE_IPCXN) {
		fail(pin->why, sizeof(pin->why), "refused: not a plain connection");
	} else if (!webhook_addr_ok(pin->allow, &a->addr, pin->why, sizeof(pin->why))) {
		;
	} else if (!same_addr(&a->addr, &pin->addr)) {
		fail(pin->why, sizeof(pin->why), "refused: not the address that was checked");
	} else {
		return socket(a->family, a->socktype, a->protocol);
	}
	pin->refused = true;
	return CURL_SOCKET_BAD;
}

static size_t discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/*
 * Resolve the URL's host and check every address it has: 0 with the first
 * in pin->addr, -1 refused (no retry), -2 not resolved (retry); why in err.
 */
static int resolve_checked(const struct webhook_url *u, struct pin *pin, char *err, size_t errlen)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM }, *res, *ai;
	char port[8], why[160];
	int rc;

	snprintf(port, sizeof(port), "%d", u->port);
	rc = getaddrinfo(u->host, port, &hints, &res);
	if (rc) {
		fail(err, errlen, "cannot resolve %s: %s", u->host, gai_strerror(rc));
		return -2;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		if (!webhook_addr_ok(pin->allow, ai->ai_addr, why, sizeof(why))) {
			/* "10.0.0.1 is private", after the name that resolved to it when there was one */
			bool literal = !strncmp(why, u->host, strlen(u->host)) && why[strlen(u->host)] == ' ';

			fail(err, errlen, "refused: %s%s%s and CE_WEBHOOK_ALLOW does not list it;"
			     " no connection was made", literal ? "" : u->host, literal ? "" : " resolves to ",
			     why);
			freeaddrinfo(res);
			return -1;
		}
	}
	memcpy(&pin->addr, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return 0;
}

enum webhook_outcome webhook_send(const struct webhook_call *c, int *status, char *err,
				  size_t errlen)
{
	struct pin pin = { .allow = c->allow };
	struct webhook_url u;
	struct curl_slist *h = NULL;
	char line[128], sig[65], text[INET6_ADDRSTRLEN], resolve[320], cerr[CURL_ERROR_SIZE] = "";
	struct curl_slist *pinned = NULL;
	enum webhook_outcome out = WEBHOOK_FAILED;
	struct in6_addr lit;
	long code = 0;
	CURL *curl = NULL;
	CURLcode rc;
	int r;

	*status = 0;
	if (webhook_url_parse(c->url, &u, err, errlen) < 0)
		return WEBHOOK_FAILED;
	r = resolve_checked(&u, &pin, err, errlen);
	if (r < 0)
		return r == -2 ? WEBHOOK_RETRY : WEBHOOK_FAILED;
	curl = curl_easy_init();
	if (!curl) {
		fail(err, errlen, "libcurl cannot start a call");
		return WEBHOOK_RETRY;
	}
	/* a name is pinned to the address checked above (a literal address is not resolved again) */
	if (inet_pton(AF_INET, u.host, &lit) != 1 && inet_pton(AF_INET6, u.host, &lit) != 1) {
		if (pin.addr.ss_family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&pin.addr)->sin6_addr, text, sizeof(text));
		else
			inet_ntop(AF_INET, &((struct sockaddr_in *)&pin.addr)->sin_addr, text, sizeof(text));
		snprintf(resolve, sizeof(resolve), pin.addr.ss_family == AF_INET6 ? "%s:%d:[%s]" : "%s:%d:%s",
			 u.host, u.port, text);
		pinned = curl_slist_append(NULL, resolve);
		curl_easy_setopt(curl, CURLOPT_RESOLVE, pinned);
	}
	h = curl_slist_append(h, "Content-Type: application/json");
	snprintf(line, sizeof(line), "X-CE-Delivery: %s", c->delivery);
	h = curl_slist_append(h, line);
	if (c->secret && *c->secret) {
		webhook_sign(c->secret, c->body, c->len, sig);
		snprintf(line, sizeof(line), "X-CE-Signature: sha256=%s", sig);
		h = curl_slist_append(h, line);
	}
	h = curl_slist_append(h, "Expect:");
	curl_easy_setopt(curl, CURLOPT_URL, c->url);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "coding-engine");
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, c->body);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)c->len);
	if (!strcmp(c->method, "PUT"))
		curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
	/* nothing but http(s) to the checked address: no redirects, no proxy, no other protocol */
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(curl, CURLOPT_PROXY, "");
	curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, open_pinned);
	curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &pin);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)WEBHOOK_TIMEOUT_S);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, cerr);
	rc = curl_easy_perform(curl);
	if (pin.refused) {
		fail(err, errlen, "%s; no connection was made", pin.why);
		goto out;
	}
	if (rc == CURLE_OPERATION_TIMEDOUT) {
		fail(err, errlen, "no answer in %d s", WEBHOOK_TIMEOUT_S);
		out = WEBHOOK_RETRY;
		goto out;
	}
	if (rc != CURLE_OK) {
		fail(err, errlen, "%s", *cerr ? cerr : curl_easy_strerror(rc));
		out = rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_URL_MALFORMAT ? WEBHOOK_FAILED
										     : WEBHOOK_RETRY;
		goto out;
	}
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
	*status = (int)code;
	if (code >= 200 && code < 300) {
		out = WEBHOOK_DELIVERED;
	} else if (code == 429 || code >= 500) {
		fail(err, errlen, "HTTP %ld", code);
		out = WEBHOOK_RETRY;
	} else if (code >= 300 && code < 400) {
		fail(err, errlen, "HTTP %ld: redirects are not followed", code);
	} else {
		fail(err, errlen, "HTTP %ld", code);
	}
out:
	curl_easy_cleanup(curl);
	curl_slist_free_all(h);
	curl_slist_free_all(pinned);
	return out;
}

/* ---- the deliverer ---- */

/* Settings, read once when the deliverer starts. */
static struct {
	struct webhook_allow allow;
	const char *secret;
	int max_attempts, backoff_ms;
} hooks;

/* What a callback's body is made as; the callback's "format". */
enum hook_format { HOOK_CE, HOOK_JUDGE0, HOOK__MAX };
static const char *const format_names[HOOK__MAX] = { "ce", "judge0" };

/* A delivery claimed for an attempt. */
struct hook {
	char id[24], job[24], delivery[40], token[40], method[8];
	const char *url, *callback;
	struct strbuf body;
	int attempts;
};

/*
 * The body of a delivery, from its job as it ended: 0, or -1 with why in
 * err (the delivery fails; another try would make the same).
 */
static int hook_body(const char *callback, const struct job_view *v, struct strbuf *out, char *err,
		     size_t errlen)
{
	struct json_object *cb = jsonh_parse(callback, strlen(callback), NULL, 0), *o = NULL;
	const char *name = "ce";
	int f, rc = -1;

	if (!cb)
		return fail(err, errlen, "the job's callback is not JSON");
	if (jsonh_str(cb, "format", 16, &name, NULL, NULL, 0) < 0)
		name = "(not a string)";
	for (f = 0; f < HOOK__MAX && strcmp(name, format_names[f]); f++)
		;
	switch ((enum hook_format)f) {
	case HOOK_CE:
		/* what GET /api/executions/:id answers for the job */
		o = execution_json(v);
		break;
	case HOOK_JUDGE0:
		/* Judge0's callback (sent with PUT): its submission, base64, Judge0's default fields */
		o = judge0_submission(v, true, NULL);
		break;
	case HOOK__MAX:
	default:
		fail(err, errlen, "unknown callback format '%.32s'", name);
		goto out;
	}
	strbuf_reset(out);
	strbuf_addstr(out, jsonh_text(o, NULL));
	rc = 0;
out:
	json_object_put(o);
	json_object_put(cb);
	return rc;
}

/* Claim the next due delivery: 1 (its lease pushed past this attempt), 0 none due, -1 database. */
static int hook_claim(struct hook *d, PGresult **res)
{
	char lease[16];
	const char *p[1] = { lease };
	int n;

	snprintf(lease, sizeof(lease), "%d", WEBHOOK_LEASE_S);
	if (db_exec(res,
		    "WITH due AS (SELECT id FROM webhook_delivery WHERE state = 'pending' AND next_at <= now()"
		    "  ORDER BY next_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)"
		    " UPDATE webhook_delivery w SET attempts = w.attempts + 1,"
		    "  next_at = now() + $1::int * interval '1 second'"
		    " FROM due, job j WHERE w.id = due.id AND j.id = w.job_id"
		    " RETURNING w.id, w.job_id, w.delivery, w.url, w.method, w.body, w.attempts, j.token,"
		    "  coalesce(j.callback, '{}') AS callback",
		    1, p) != DB_OK)
		return -1;
	n = PQntuples(*res);
	if (n != 1) {
		PQclear(*res);
		*res = NULL;
		return 0;
	}
	snprintf(d->id, sizeof(d->id), "%s", db_get(*res, 0, "id"));
	snprintf(d->job, sizeof(d->job), "%s", db_get(*res, 0, "job_id"));
	snprintf(d->delivery, sizeof(d->delivery), "%s", db_get(*res, 0, "delivery"));
	snprintf(d->token, sizeof(d->token), "%s", db_get(*res, 0, "token"));
	snprintf(d->method, sizeof(d->method), "%s", db_get(*res, 0, "method"));
	d->url = db_get(*res, 0, "url");
	d->callback = db_get(*res, 0, "callback");
	d->attempts = (int)db_getll(*res, 0, "attempts");
	strbuf_reset(&d->body);
	strbuf_addstr(&d->body, db_get(*res, 0, "body"));
	return 1;
}

/*
 * The first attempt's body, built and stored before it is sent: 0, -1 the
 * delivery cannot have one (why in err), -2 the database failed.
 */
static int hook_fill(struct hook *d, char *err, size_t errlen)
{
	const char *p[2] = { d->id, NULL };
	struct job_view v;
	int found;

	found = queue_view(d->token, 0, &v);
	if (found <= 0) {
		job_view_release(&v);
		return found < 0 ? -2 : fail(err, errlen, "the job is gone");
	}
	if (hook_body(d->callback, &v, &d->body, err, errlen) < 0) {
		job_view_release(&v);
		return -1;
	}
	job_view_release(&v);
	p[1] = d->body.buf;
	return db_run("UPDATE webhook_delivery SET body = $2 WHERE id = $1::bigint", 2, p) == DB_OK ? 0 : -2;
}

/* Record an attempt: delivered, failed, or pending again after its backoff. */
static void hook_record(const struct hook *d, enum webhook_outcome out, int status, const char *err)
{
	char st[16], delay[16], why[400];
	const char *state = out == WEBHOOK_DELIVERED ? "delivered" : out == WEBHOOK_FAILED ? "failed" : "pending";
	const char *p[5] = { d->id, state, status ? st : NULL, out == WEBHOOK_DELIVERED ? NULL : why, delay };
	long long ms = hooks.backoff_ms;
	int i;

	snprintf(st, sizeof(st), "%d", status);
	snprintf(why, sizeof(why), "%s", err);
	for (i = 1; i < d->attempts && ms < WEBHOOK_MAX_BACKOFF_MS; i++)
		ms *= 2;
	snprintf(delay, sizeof(delay), "%lld", ms < WEBHOOK_MAX_BACKOFF_MS ? ms : WEBHOOK_MAX_BACKOFF_MS);
	if (out == WEBHOOK_RETRY && d->attempts >= hooks.max_attempts) {
		state = p[1] = "failed";
		snprintf(why, sizeof(why), "given up after %d attempts: %s", d->attempts, err);
	}
	/* the job's id, not its token: the token is what lets a client read the job */
	fprintf(stderr, "ce-worker: webhook %s (job %s) attempt %d: %s%s%s\n", d->delivery, d->job,
		d->attempts, state, out == WEBHOOK_DELIVERED ? "" : ": ", out == WEBHOOK_DELIVERED ? "" : why);
	if (db_run("UPDATE webhook_delivery SET state = $2, last_status = $3::int, last_error = $4,"
		   " next_at = CASE WHEN $2 = 'pending' THEN now() + $5::int * interval '1 millisecond'"
		   "  ELSE next_at END,"
		   " delivered_at = CASE WHEN $2 = 'delivered' THEN now() END"
		   " WHERE id = $1::bigint",
		   5, p) != DB_OK)
		/* its lease runs out and it is sent again, under the same X-CE-Delivery */
		fprintf(stderr, "ce-worker: webhook %s: %s\n", d->delivery, db_last_error());
}

/* Claim one due delivery and make its attempt: 1 one was made, 0 none was due, -1 database. */
static int hook_once(struct hook *d)
{
	struct webhook_call c;
	PGresult *res = NULL;
	char err[512] = "";
	enum webhook_outcome out;
	int got, status = 0;

	got = hook_claim(d, &res);
	if (got <= 0)
		return got;
	got = d->body.len ? 0 : hook_fill(d, err, sizeof(err));
	if (got == -2) {
		PQclear(res);
		return -1;
	}
	if (got == 0) {
		c = (struct webhook_call){ .url = d->url, .method = d->method, .body = d->body.buf,
					   .len = d->body.len, .delivery = d->delivery,
					   .secret = hooks.secret, .allow = &hooks.allow };
		out = webhook_send(&c, &status, err, sizeof(err));
	} else {
		out = WEBHOOK_FAILED;
	}
	hook_record(d, out, status, err);
	PQclear(res);
	return 1;
}

/* Wait for a delivery: NOTIFY ce_hooks, the next retry that falls due, or the poll. */
static void hook_idle(void)
{
	PGresult *res;
	char heard[64];
	long long ms = WEBHOOK_IDLE_MS;

	if (db_exec(&res, "SELECT ceil(extract(epoch FROM min(next_at) - now()) * 1000)::bigint AS ms"
			  " FROM webhook_delivery WHERE state = 'pending'", 0, NULL) == DB_OK) {
		if (!db_isnull(res, 0, "ms"))
			ms = db_getll(res, 0, "ms");
		PQclear(res);
	}
	if (ms < 0)
		ms = 0;
	if (ms > WEBHOOK_IDLE_MS)
		ms = WEBHOOK_IDLE_MS;
	if (ms > 0)
		db_wait_notify((int)ms + 5, heard, sizeof(heard));
}

/* LISTEN ce_hooks (again after a reconnect), and drop what was heard before. */
static int hook_listen(void)
{
	char stale[64];

	if (db_run("LISTEN ce_hooks", 0, NULL) != DB_OK)
		return -1;
	while (db_wait_notify(0, stale, sizeof(stale)) == 1)
		;
	return 0;
}

void webhook_deliver_loop(const volatile sig_atomic_t *stop)
{
	const char *key = getenv("CE_API_KEY"), *alt = getenv("CE_WEBHOOK_SECRET");
	struct hook d = { .body = STRBUF_INIT };
	char err[256];
	int got;

	if (webhook_allow_parse(getenv("CE_WEBHOOK_ALLOW"), &hooks.allow, err, sizeof(err)) < 0)
		fprintf(stderr, "ce-worker: %s; no private address is allowed\n", err);
	hooks.secret = key && *key ? key : alt && *alt ? alt : NULL;
	hooks.max_attempts = env_int("CE_WEBHOOK_MAX_ATTEMPTS", 6, 1, 100);
	hooks.backoff_ms = env_int("CE_WEBHOOK_BACKOFF_MS", 2000, 1, WEBHOOK_MAX_BACKOFF_MS);
	if (!hooks.secret)
		fprintf(stderr, "ce-worker: neither CE_API_KEY nor CE_WEBHOOK_SECRET is set:"
			" webhooks are sent unsigned\n");
	curl_global_init(CURL_GLOBAL_DEFAULT);
	while (!*stop) {
		got = hook_listen() < 0 ? -1 : hook_once(&d);
		if (got < 0) {
			fprintf(stderr, "ce-worker: webhooks: %s\n", db_last_error());
			sleep(1);
		} else if (!got) {
			hook_idle();
		}
	}
	strbuf_release(&d.body);
	curl_global_cleanup();
}
