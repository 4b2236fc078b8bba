/*
 * question.h - a question as a document: what a recruiter saves, a package imports and an export writes
 *
 * One JSON shape for the admin API (POST and PUT /api/admin/questions),
 * ce-ctl's bank loader and the Kattis package import and export:
 *
 *   title, question (markdown), difficulty, tags, boiler_plate {language: code},
 *   time_limit_ms, memory_limit_mb, output_limit_kb,
 *   checker {...} and groups [...] (common/grading.h), signature {...} or null,
 *   test_cases [{input, expected_output, is_sample, points, group, name, interaction}],
 *   references [{name, language, code, expected}], statement_pdf (base64), package {...}
 *
 * question_check() refuses what the judge would refuse, with the status and
 * message a client gets; question_save() stores it in the caller's
 * transaction.  On an update, a member that is absent keeps what is stored;
 * test_cases and references, when given, replace the stored ones.
 */
#ifndef CE_QUESTION_H
#define CE_QUESTION_H

#include <stdbool.h>

#include "http.h"

struct json_object;

/* Is doc a question (create: a whole one, with defaults for what may be left out)?  0, or -1 with e. */
int question_check(struct json_object *doc, bool create, struct api_err *e);
/*
 * Store a checked document: a new question (qid NULL, its id into id[16]) or
 * qid's update.  0; -1 on a database error; -2 with e when the tests do not
 * fit the groups that result (the caller rolls back).
 */
int question_save(struct json_object *doc, const char *qid, char id[16], struct api_err *e);
/* The question qid as a whole document (references and the statement PDF included). */
struct json_object *question_document(const char *qid, int *dberr);

#endif
