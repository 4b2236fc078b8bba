/* api_metrics.c - GET /metrics: the queue, the hosts, the verdicts and the webhooks for Prometheus */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_metrics.h"
#include "lang.h"

/*
 * The buckets of both duration histograms, in seconds: from a job taken at
 * once to one that waited or ran for ten minutes.  The text is the le label.
 */
static const char *const buckets[] = {
	"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1",
	"2.5", "5", "10", "30", "60", "120", "300", "600",
};
#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))

static const char *const job_states[] = { "queued", "running", "done", "failed", "cancelled" };

/*
 * A histogram by language over every stored job that has the duration.  $1
 * is the buckets' upper bounds, $2 the known languages (others count as
 * "other", so a client cannot add label values).  One row per language and
 * bucket index 0..n (n is +Inf) with the cumulative count, and the language's
 * sum on every row.  width_bucket over the bounds negated counts the bounds
 * >= s, so a duration equal to a bound is in that bound's bucket (le is <=).
 */
#define HISTOGRAM_SQL(seconds, where)                                                             \
	"WITH b AS (SELECT array_agg(-x ORDER BY x DESC) AS neg, count(*)::int AS n"              \
	"  FROM unnest($1::float8[]) x),"                                                         \
	" d AS (SELECT CASE WHEN language = ANY($2::text[]) THEN language ELSE 'other' END AS lang," \
	"  extract(epoch FROM " seconds ")::float8 AS s FROM job WHERE " where "),"               \
	" g AS (SELECT lang, b.n - width_bucket(-s, b.neg) AS i, count(*) AS c, sum(s) AS total"  \
	"  FROM d, b GROUP BY lang, i),"                                                          \
	" grid AS (SELECT l.lang, i FROM (SELECT DISTINCT lang FROM g) l, b, generate_series(0, b.n) i)" \
	" SELECT grid.lang, grid.i,"                                                              \
	"  sum(coalesce(g.c, 0)) OVER (PARTITION BY grid.lang ORDER BY grid.i) AS count,"          \
	"  sum(g.total) OVER (PARTITION BY grid.lang) AS sum"                                     \
	" FROM grid LEFT JOIN g USING (lang, i) ORDER BY grid.lang, grid.i"

/* A job's wait is from its creation to its (last) start, its run from that start to its end. */
static const char wait_sql[] = HISTOGRAM_SQL("started_at - created_at", "started_at IS NOT NULL");
static const char run_sql[] = HISTOGRAM_SQL("finished_at - started_at",
					    "started_at IS NOT NULL AND finished_at IS NOT NULL");

void metrics_add_label_value(struct strbuf *out, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\')
			strbuf_addstr(out, "\\\\");
		else if (*v == '"')
			strbuf_addstr(out, "\\\"");
		else if (*v == '\n')
			strbuf_addstr(out, "\\n");
		else
			strbuf_add(out, v, 1);
	}
}

static void family(struct strbuf *out, const char *name, const char *type, const char *help)
{
	strbuf_addf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* One sample: name{label="value",...} number; labels are name/value pairs ending in NULL. */
static void sample(struct strbuf *out, const char *name, const char *const *labels, const char *number)
{
	strbuf_addstr(out, name);
	if (labels && labels[0]) {
		strbuf_addstr(out, "{");
		for (; labels[0]; labels += 2) {
			strbuf_addf(out, "%s=\"", labels[0]);
			metrics_add_label_value(out, labels[1]);
			strbuf_addstr(out, labels[2] ? "\"," : "\"");
		}
		strbuf_addstr(out, "}");
	}
	strbuf_addf(out, " %s\n", *number ? number : "0");
}

static void sample1(struct strbuf *out, const char *name, const char *label, const char *value,
		    const char *number)
{
	const char *labels[3] = { label, value, NULL };

	sample(out, name, label ? labels : NULL, number);
}

/* {"a","b",...} of the given strings (identifiers: nothing to quote) */
static void text_array(struct strbuf *out, const char *const *v, size_t n)
{
	size_t i;

	strbuf_addstr(out, "{");
	for (i = 0; i < n; i++)
		strbuf_addf(out, "%s\"%s\"", i ? "," : "", v[i]);
	strbuf_addstr(out, "}");
}

static enum db_err jobs(struct strbuf *out)
{
	struct strbuf states = STRBUF_INIT;
	PGresult *res;
	enum db_err e;
	int i, n;

	/* every state, 0 when no job is in it */
	text_array(&states, job_states, sizeof(job_states) / sizeof(job_states[0]));
	e = db_exec(&res,
		    "SELECT s.state, coalesce(c.n, 0) AS n FROM unnest($1::text[]) WITH ORDINALITY AS s(state, k)"
		    " LEFT JOIN (SELECT state, count(*) AS n FROM job GROUP BY state) c USING (state)"
		    " ORDER BY s.k",
		    1, (const char *[]){ states.buf });
	strbuf_release(&states);
	if (e != DB_OK)
		return e;
	family(out, "ce_jobs", "gauge", "Jobs stored, by state.");
	n = PQntuples(res);
	for (i = 0; i < n; i++)
		sample1(out, "ce_jobs", "state", db_get(res, i, "state"), db_get(res, i, "n"));
	PQclear(res);

	e = db_exec(&res,
		    "SELECT coalesce(extract(epoch FROM now() - min(created_at))::float8, 0) AS age"
		    " FROM job WHERE state = 'queued'",
		    0, NULL);
	if (e != DB_OK)
		return e;
	family(out, "ce_queue_oldest_age_seconds", "gauge",
	       "Seconds the oldest queued job has waited; 0 when none waits.");
	sample(out, "ce_queue_oldest_age_seconds", NULL, db_get(res, 0, "age"));
	PQclear(res);

	e = db_exec(&res,
		    "SELECT verdict, count(*) AS n FROM job WHERE state = 'done' AND verdict IS NOT NULL"
		    " GROUP BY verdict ORDER BY verdict",
		    0, NULL);
	if (e != DB_OK)
		return e;
	family(out, "ce_verdicts_total", "counter",
	       "Jobs done, by the judge's overall verdict (invalid_request: the judge refused it).");
	n = PQntuples(res);
	for (i = 0; i < n; i++)
		sample1(out, "ce_verdicts_total", "verdict", db_get(res, i, "verdict"),
			db_get(res, i, "n"));
	PQclear(res);
	return DB_OK;
}

static enum db_err histogram(struct strbuf *out, const char *name, const char *sql, const char *help)
{
	struct strbuf bounds = STRBUF_INIT, known = STRBUF_INIT, metric = STRBUF_INIT;
	const char *langs_ids[32];
	const char *p[2];
	PGresult *res = NULL;
	enum db_err e;
	size_t nl = 0;
	int i, n;

	text_array(&bounds, buckets, NBUCKETS);
	for (nl = 0; nl < nlangs && nl < sizeof(langs_ids) / sizeof(langs_ids[0]); nl++)
		langs_ids[nl] = langs[nl].id;
	text_array(&known, langs_ids, nl);
	p[0] = bounds.buf;
	p[1] = known.buf;
	e = db_exec(&res, sql, 2, p);
	if (e != DB_OK)
		goto out;
	family(out, name, "histogram", help);
	n = PQntuples(res);
	for (i = 0; i < n; i++) {
		const char *lang = db_get(res, i, "lang"), *count = db_get(res, i, "count");
		long b = strtol(db_get(res, i, "i"), NULL, 10);
		const char *labels[5] = { "language", lang, "le",
					  b >= 0 && (size_t)b < NBUCKETS ? buckets[b] : "+Inf", NULL };

		strbuf_reset(&metric);
		strbuf_addf(&metric, "%s_bucket", name);
		sample(out, metric.buf, labels, count);
		if ((size_t)b < NBUCKETS)
			continue;
		/* the +Inf bucket is the language's last row: its count and sum follow it */
		strbuf_reset(&metric);
		strbuf_addf(&metric, "%s_sum", name);
		sample1(out, metric.buf, "language", lang, db_get(res, i, "sum"));
		strbuf_reset(&metric);
		strbuf_addf(&metric, "%s_count", name);
		sample1(out, metric.buf, "language", lang, count);
	}
out:
	PQclear(res);
	strbuf_release(&metric);
	strbuf_release(&known);
	strbuf_release(&bounds);
	return e;
}

/* The live hosts: a heartbeat within 15 s (they beat every 3 s), not draining. */
static enum db_err hosts(struct strbuf *out)
{
	PGresult *res;
	char live[16];
	enum db_err e;
	int i, n;

	e = db_exec(&res,
		    "SELECT h.name || '-' || h.id AS host, h.slots,"
		    "  (SELECT count(*) FROM job WHERE job.state = 'running' AND job.host_id = h.id) AS busy"
		    " FROM judge_host h WHERE NOT h.draining AND h.heartbeat_at > now() - interval '15 seconds'"
		    " ORDER BY h.id",
		    0, NULL);
	if (e != DB_OK)
		return e;
	n = PQntuples(res);
	snprintf(live, sizeof(live), "%d", n);
	family(out, "ce_hosts_live", "gauge",
	       "Judge hosts with a heartbeat in the last 15 s that are not draining.");
	sample(out, "ce_hosts_live", NULL, live);
	family(out, "ce_host_slots", "gauge", "Slots (jobs at once) of a live judge host.");
	for (i = 0; i < n; i++)
		sample1(out, "ce_host_slots", "host", db_get(res, i, "host"), db_get(res, i, "slots"));
	family(out, "ce_host_slots_busy", "gauge", "Jobs a live judge host is running.");
	for (i = 0; i < n; i++)
		sample1(out, "ce_host_slots_busy", "host", db_get(res, i, "host"), db_get(res, i, "busy"));
	PQclear(res);
	return DB_OK;
}

/*
 * Webhook deliveries: those that ended are counted (they only grow while
 * deliveries are kept); those still pending are a gauge, since they go down.
 */
static enum db_err webhooks(struct strbuf *out)
{
	long long attempts = 0;
	PGresult *res;
	enum db_err e;
	char num[32];
	int i, n;

	e = db_exec(&res,
		    "SELECT s.state, count(w.id) AS n, coalesce(sum(w.attempts), 0) AS attempts"
		    " FROM unnest('{delivered,failed,pending}'::text[]) AS s(state)"
		    " LEFT JOIN webhook_delivery w ON w.state = s.state GROUP BY s.state ORDER BY s.state",
		    0, NULL);
	if (e != DB_OK)
		return e;
	n = PQntuples(res);
	family(out, "ce_webhook_deliveries_total", "counter",
	       "Webhook deliveries that ended, by how: delivered, or failed after the last attempt.");
	for (i = 0; i < n; i++)
		if (strcmp(db_get(res, i, "state"), "pending"))
			sample1(out, "ce_webhook_deliveries_total", "state", db_get(res, i, "state"),
				db_get(res, i, "n"));
	family(out, "ce_webhook_deliveries_pending", "gauge",
	       "Webhook deliveries not yet delivered that will be tried again.");
	for (i = 0; i < n; i++)
		if (!strcmp(db_get(res, i, "state"), "pending"))
			sample(out, "ce_webhook_deliveries_pending", NULL, db_get(res, i, "n"));
	family(out, "ce_webhook_attempts_total", "counter",
	       "Webhook calls made, first tries and retries, whatever their outcome.");
	for (i = 0; i < n; i++)
		attempts += db_getll(res, i, "attempts");
	snprintf(num, sizeof(num), "%lld", attempts);
	sample(out, "ce_webhook_attempts_total", NULL, num);
	PQclear(res);
	return DB_OK;
}

enum db_err metrics_render(struct strbuf *out)
{
	enum db_err e;

	/* one snapshot: the states, verdicts and histograms of a scrape agree with each other */
	e = db_begin();
	if (e == DB_OK)
		e = db_run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", 0, NULL);
	if (e == DB_OK)
		e = jobs(out);
	if (e == DB_OK)
		e = histogram(out, "ce_job_queue_wait_seconds", wait_sql,
			      "Seconds from a job's creation to its start, by language.");
	if (e == DB_OK)
		e = histogram(out, "ce_job_run_seconds", run_sql,
			      "Seconds from a job's start to its end, done or failed, by language.");
	if (e == DB_OK)
		e = hosts(out);
	if (e == DB_OK)
		e = webhooks(out);
	if (e == DB_OK)
		return db_commit();
	db_rollback();
	return e;
}

int h_metrics(struct http_req *r)
{
	struct strbuf out = STRBUF_INIT;
	int rc;

	if (!api_key_ok(r))
		return http_fail(r, 401, "unauthorized", "a valid API key is required (X-API-Key)");
	if (metrics_render(&out) != DB_OK)
		rc = api_db_error(r);
	else
		rc = http_send(r, 200, METRICS_CONTENT_TYPE, NULL, out.buf, out.len);
	strbuf_release(&out);
	return rc;
}
