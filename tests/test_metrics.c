/*
 * test_metrics.c - tests of api_metrics.c: the Prometheus text read from jobs, hosts and
 * webhook deliveries stored in a real PostgreSQL (tests/pg.h), and the API key of GET /metrics
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_metrics.h"
#include "db.h"
#include "fcgi_fake.h"
#include "harness.h"
#include "pg.h"
#include "strbuf.h"

static int suite_init(void)
{
	return pg_suite_init() < 0 || pg_migrate() < 0 ? -1 : 0;
}

/* The text of a scrape now, in a static buffer. */
static const char *scrape(void)
{
	static struct strbuf text = STRBUF_INIT;

	strbuf_reset(&text);
	CU_ASSERT_EQUAL(metrics_render(&text), DB_OK);
	return text.buf;
}

/* Does the scrape hold this whole line? */
static int has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p = text;

	while ((p = strstr(p, line))) {
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return 1;
		p += n;
	}
	fprintf(stderr, "\n    no line \"%s\" in:\n%s", line, text);
	return 0;
}

static void sql(const char *statement)
{
	CU_ASSERT_EQUAL(db_run(statement, 0, NULL), DB_OK);
}

static void test_label_values_escaped(void)
{
	struct strbuf sb = STRBUF_INIT;

	metrics_add_label_value(&sb, "plain-1");
	CU_ASSERT_STRING_EQUAL(sb.buf, "plain-1");
	strbuf_reset(&sb);
	metrics_add_label_value(&sb, "a\"b\\c\nd");
	CU_ASSERT_STRING_EQUAL(sb.buf, "a\\\"b\\\\c\\nd");
	strbuf_reset(&sb);
	metrics_add_label_value(&sb, "");
	CU_ASSERT_STRING_EQUAL(sb.buf, "");
	strbuf_release(&sb);
}

/* Nothing stored: every gauge is there, at 0, and each family has its HELP and TYPE. */
static void test_empty(void)
{
	static const char *const families[][2] = {
		{ "ce_jobs", "gauge" },
		{ "ce_queue_oldest_age_seconds", "gauge" },
		{ "ce_verdicts_total", "counter" },
		{ "ce_job_queue_wait_seconds", "histogram" },
		{ "ce_job_run_seconds", "histogram" },
		{ "ce_hosts_live", "gauge" },
		{ "ce_host_slots", "gauge" },
		{ "ce_host_slots_busy", "gauge" },
		{ "ce_webhook_deliveries_total", "counter" },
		{ "ce_webhook_deliveries_pending", "gauge" },
		{ "ce_webhook_attempts_total", "counter" },
	};
	const char *text = scrape();
	char line[128];
	size_t i;

	for (i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		snprintf(line, sizeof(line), "# TYPE %s %s", families[i][0], families[i][1]);
		CU_ASSERT_TRUE(has_line(text, line));
		snprintf(line, sizeof(line), "# HELP %s ", families[i][0]);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, line));
	}
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"queued\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"running\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"done\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"failed\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"cancelled\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_queue_oldest_age_seconds 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_hosts_live 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_deliveries_total{state=\"delivered\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_deliveries_total{state=\"failed\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_deliveries_pending 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_attempts_total 0"));
	CU_ASSERT_PTR_NULL(strstr(text, "_bucket{"));
	CU_ASSERT_PTR_NULL(strstr(text, "ce_verdicts_total{"));
	/* every line ends, the last too */
	CU_ASSERT_EQUAL(text[strlen(text) - 1], '\n');
}

/*
 * Jobs with known times: a python job that waited 0.2 s and ran exactly 1 s
 * (a bound: in le="1"), one that waited 700 s (only +Inf) and ran 0.004 s;
 * a job in a language no one knows counts as "other".
 */
static void test_jobs_and_histograms(void)
{
	const char *text;

	sql("INSERT INTO judge_host (id, name, slots) VALUES (7, 'box\"1', 4), (8, 'gone', 2)");
	sql("UPDATE judge_host SET heartbeat_at = now() - interval '1 minute' WHERE id = 8");
	sql("INSERT INTO job (kind, owner, priority, request, state, host_id, slot, result, invalid,"
	    "  created_at, started_at, finished_at) VALUES"
	    " ('execute', 'client:a', 3, '{\"language\":\"python\"}', 'done', 7, 0,"
	    "  '{\"status\":\"accepted\"}', false,"
	    "  '2024-01-01 00:00:00+00', '2024-01-01 00:00:00.2+00', '2024-01-01 00:00:01.2+00'),"
	    " ('execute', 'client:a', 3, '{\"language\":\"python\"}', 'done', 7, 0,"
	    "  '{\"status\":\"wrong_answer\"}', false,"
	    "  '2024-01-01 00:00:00+00', '2024-01-01 00:11:40+00', '2024-01-01 00:11:40.004+00'),"
	    " ('execute', 'client:a', 3, '{\"language\":\"cobol\\\\n\"}', 'done', 7, 1,"
	    "  '{\"success\":false}', true,"
	    "  '2024-01-01 00:00:00+00', '2024-01-01 00:00:00.001+00', '2024-01-01 00:00:00.002+00'),"
	    " ('execute', 'client:b', 3, '{\"language\":\"java\"}', 'running', 7, 2, NULL, false,"
	    "  now() - interval '3 seconds', now() - interval '1 second', NULL),"
	    " ('execute', 'client:b', 3, '{\"language\":\"c\"}', 'queued', NULL, NULL, NULL, false,"
	    "  now() - interval '42 seconds', NULL, NULL)");
	/* a job's end as a host stores it: the verdict is read then */
	sql("INSERT INTO job (kind, owner, priority, request, state, host_id, slot, created_at, started_at)"
	    " VALUES ('run', 'session:x', 1, 'not json at all', 'running', 7, 3,"
	    "  now() - interval '2 seconds', now() - interval '1 second')");
	sql("UPDATE job SET state = 'done', result = '{\"status\":\"time_limit_exceeded\"}',"
	    " finished_at = now() WHERE request = 'not json at all'");
	text = scrape();

	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"queued\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"running\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"done\"} 4"));
	CU_ASSERT_TRUE(has_line(text, "ce_jobs{state=\"cancelled\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_verdicts_total{verdict=\"accepted\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_verdicts_total{verdict=\"wrong_answer\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_verdicts_total{verdict=\"invalid_request\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_verdicts_total{verdict=\"time_limit_exceeded\"} 1"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "ce_queue_oldest_age_seconds 4"));

	/* python's wait: 0.2 s and 700 s */
	CU_ASSERT_TRUE(has_line(text, "ce_job_queue_wait_seconds_bucket{language=\"python\",le=\"0.1\"} 0"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_queue_wait_seconds_bucket{language=\"python\",le=\"0.25\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_queue_wait_seconds_bucket{language=\"python\",le=\"600\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_queue_wait_seconds_bucket{language=\"python\",le=\"+Inf\"} 2"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_queue_wait_seconds_sum{language=\"python\"} 700.2"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_queue_wait_seconds_count{language=\"python\"} 2"));
	/* python's run: 1 s (on the bound) and 0.004 s */
	CU_ASSERT_TRUE(has_line(text, "ce_job_run_seconds_bucket{language=\"python\",le=\"0.005\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_run_seconds_bucket{language=\"python\",le=\"0.5\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_run_seconds_bucket{language=\"python\",le=\"1\"} 2"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_run_seconds_bucket{language=\"python\",le=\"+Inf\"} 2"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_run_seconds_sum{language=\"python\"} 1.004"));
	CU_ASSERT_TRUE(has_line(text, "ce_job_run_seconds_count{language=\"python\"} 2"));
	/* the running java job waited, has not ended */
	CU_ASSERT_TRUE(has_line(text, "ce_job_queue_wait_seconds_count{language=\"java\"} 1"));
	CU_ASSERT_PTR_NULL(strstr(text, "ce_job_run_seconds_count{language=\"java\"}"));
	/* an unknown language and a request that is no JSON are "other"; the queued c job has no wait */
	CU_ASSERT_TRUE(has_line(text, "ce_job_run_seconds_count{language=\"other\"} 2"));
	CU_ASSERT_PTR_NULL(strstr(text, "cobol"));
	CU_ASSERT_PTR_NULL(strstr(text, "language=\"c\""));

	/* the live host only, its name escaped; the one without a heartbeat is not */
	CU_ASSERT_TRUE(has_line(text, "ce_hosts_live 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_host_slots{host=\"box\\\"1-7\"} 4"));
	CU_ASSERT_TRUE(has_line(text, "ce_host_slots_busy{host=\"box\\\"1-7\"} 1"));
	CU_ASSERT_PTR_NULL(strstr(text, "gone-8"));
	sql("UPDATE judge_host SET draining = true WHERE id = 7");
	CU_ASSERT_TRUE(has_line(scrape(), "ce_hosts_live 0"));
}

static void test_webhooks(void)
{
	const char *text;

	sql("INSERT INTO webhook_delivery (job_id, url, body, state, attempts)"
	    " SELECT id, 'http://h/', '{}', s, a FROM (SELECT min(id) AS id FROM job) j,"
	    " (VALUES ('delivered', 1), ('delivered', 2), ('failed', 5), ('pending', 1)) v(s, a)");
	text = scrape();
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_deliveries_total{state=\"delivered\"} 2"));
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_deliveries_total{state=\"failed\"} 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_deliveries_pending 1"));
	CU_ASSERT_TRUE(has_line(text, "ce_webhook_attempts_total 9"));
}

/* GET /metrics through the handler: the key of /execute, then the text with its media type. */
static void test_handler_and_key(void)
{
	static const char *const env[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/metrics", NULL };
	static const char *const env_key[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/metrics",
					       "HTTP_X_API_KEY=metrics-key", NULL };
	struct fcgi_fake f;
	const char *sent;

	cfg.api_key = "metrics-key";
	fcgi_fake_start(&f, env, "", 0, 0);
	CU_ASSERT_EQUAL(h_metrics(&f.r), 401);
	ASSERT_API_ERROR(&f.r, 401, "unauthorized");
	fcgi_fake_finish(&f);

	fcgi_fake_start(&f, env_key, "", 0, 0);
	CU_ASSERT_EQUAL(h_metrics(&f.r), 200);
	sent = fcgi_fake_sent(&f);
	CU_ASSERT_PTR_NOT_NULL(strstr(sent, "Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(sent, "\r\n\r\n# HELP ce_jobs "));
	fcgi_fake_finish(&f);
	cfg.api_key = NULL;
}

static CU_TestInfo tests[] = {
	{ "label values escaped", test_label_values_escaped },
	{ "empty", test_empty },
	{ "jobs and histograms", test_jobs_and_histograms },
	{ "webhooks", test_webhooks },
	{ "handler and key", test_handler_and_key },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("metrics", tests, suite_init, pg_suite_cleanup);
}
