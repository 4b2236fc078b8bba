/*
 * api_metrics.h - GET /metrics: the job queue, the judge hosts, the verdicts and the
 * webhook deliveries in the Prometheus text exposition format (version 0.0.4)
 *
 * Every value is read from PostgreSQL at each scrape, in one read-only snapshot,
 * so that every app node answers the same; nothing is kept in a worker.
 */
#ifndef CE_API_METRICS_H
#define CE_API_METRICS_H

#include "db.h"
#include "http.h"
#include "strbuf.h"

#define METRICS_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

/*
 * Append every metric family (HELP, TYPE and samples) to out.  On a database
 * error out holds a partial text that must not be sent.
 */
enum db_err metrics_render(struct strbuf *out);
/* Append v as a label value of the text format: backslash, double quote and newline escaped. */
void metrics_add_label_value(struct strbuf *out, const char *v);

/* GET /metrics: the API key of /execute (api_key_ok), then metrics_render's text. */
int h_metrics(struct http_req *r);

#endif
