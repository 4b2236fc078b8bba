/*
 * api_packages.h - questions as Kattis problem packages: imported into the bank (with their
 * reference solutions judged) and exported back
 *
 * The same import serves POST /api/admin/questions/import (a zip) and
 * `ce-ctl import PATH` (a directory or a zip), the same export
 * GET /api/admin/questions/:id/export and `ce-ctl export ID DIR`.
 */
#ifndef CE_API_PACKAGES_H
#define CE_API_PACKAGES_H

#include "http.h"
#include "package.h"

/*
 * Import p as a new question, judging its references through the queue as
 * owner.  When the package sets no time limit, it is derived the way
 * problemtools does: the slowest accepted reference's slowest test, times
 * the time multiplier, rounded up.  Then every reference runs against the
 * stored question and the report says which did not get its expected
 * verdict.  0 with *report ({question, warnings, time_limit_ms,
 * time_limit_derived, references: [{name, language, expected, status,
 * ok}], references_ok}), or -1 with e (nothing stored).
 */
int packages_import(const struct pkg *p, const char *owner, struct json_object **report,
		    struct api_err *e);
/* The stored question qid as a package into out (empty); 0, or -1 with e. */
int packages_export(const char *qid, struct pkg *out, struct api_err *e);

/* POST /api/admin/questions/import (Content-Type: application/zip): 201 with the report. */
int h_admin_question_import(struct http_req *r);
/* GET /api/admin/questions/:id/export: the package as a zip. */
int h_admin_question_export(struct http_req *r);

#endif
