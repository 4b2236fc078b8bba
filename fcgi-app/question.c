/* question.c - a question as a document: checked, stored, and read back whole */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api_common.h"
#include "grading.h"
#include "jsonh.h"
#include "lang.h"
#include "question.h"
#include "signature.h"
#include "store_question.h"

#define MAX_REFERENCES	50
#define MAX_PDF_B64	(24u << 20)	/* 18 MiB of PDF */
#define MAX_PACKAGE	65536


static int check_tags(struct json_object *v, struct api_err *e)
{
	size_t i, n = json_object_array_length(v);

	if (n > 20)
		return api_err_set(e, 400, "invalid_field", "at most 20 tags");
	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(v, i);

		if (!json_object_is_type(t, json_type_string) || !json_object_get_string_len(t) ||
		    json_object_get_string_len(t) > 40)
			return api_err_set(e, 400, "invalid_field", "tags must be strings of 1 to 40 characters");
	}
	return 0;
}

static int check_boiler(struct json_object *v, struct api_err *e)
{
	json_object_object_foreach(v, key, val) {
		if (!lang_find(key))
			return api_err_set(e, 400, "invalid_language", "boiler_plate: unknown language '%.32s'",
				      key);
		if (!json_object_is_type(val, json_type_string) || json_object_get_string_len(val) > 32768)
			return api_err_set(e, 400, "invalid_field",
				      "boiler_plate.%s must be a string of at most 32 KiB", key);
	}
	return 0;
}

static int check_tests(struct json_object *tests, const struct judge_group *groups, size_t ng,
		       bool have_groups, struct api_err *e)
{
	size_t i, n = json_object_array_length(tests);
	char err[256];

	if (n > JUDGE_MAX_TESTS)
		return api_err_set(e, 400, "invalid_field", "at most %d test cases", JUDGE_MAX_TESTS);
	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(tests, i);
		const char *s, *group = NULL;
		long long pts;
		bool sample;
		int g;

		if (!json_object_is_type(t, json_type_object))
			return api_err_set(e, 400, "invalid_field", "test_cases[%zu] must be an object", i);
		if (jsonh_str(t, "input", JUDGE_MAX_IO, &s, NULL, err, sizeof(err)) < 0 ||
		    jsonh_bool(t, "is_sample", &sample, err, sizeof(err)) < 0 ||
		    jsonh_int(t, "points", 0, 1000, &pts, err, sizeof(err)) < 0 ||
		    jsonh_str(t, "name", 200, &s, NULL, err, sizeof(err)) < 0 ||
		    jsonh_str(t, "interaction", JUDGE_MAX_IO, &s, NULL, err, sizeof(err)) < 0 ||
		    (g = jsonh_str(t, "group", JUDGE_MAX_NAME, &group, NULL, err, sizeof(err))) < 0)
			return api_err_set(e, 400, "invalid_field", "test_cases[%zu]: %s", i, err);
		g = jsonh_str(t, "expected_output", JUDGE_MAX_IO, &s, NULL, err, sizeof(err));
		if (g < 0)
			return api_err_set(e, 400, "invalid_field", "test_cases[%zu]: %s", i, err);
		if (g == 1)
			return api_err_set(e, 400, "missing_field", "test_cases[%zu].expected_output is required",
				      i);
		/* against the document's groups; an update's stored ones are checked after saving */
		if (have_groups && ng && !group)
			return api_err_set(e, 400, "invalid_field",
				      "test_cases[%zu]: 'group' is required when the question has groups",
				      i);
		if (have_groups && group && grading_group_find(groups, ng, group) == ng)
			return api_err_set(e, 400, "invalid_field", "test_cases[%zu]: no group named '%.64s'",
				      i, group);
	}
	return 0;
}

static bool verdict_known(const char *v)
{
	static const char *const names[] = { "accepted", "wrong_answer", "time_limit_exceeded",
					     "memory_limit_exceeded", "runtime_error",
					     "output_limit_exceeded", "compilation_error" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(v, names[i]))
			return true;
	return false;
}

static int check_references(struct json_object *refs, struct api_err *e)
{
	size_t i, n = json_object_array_length(refs);
	char err[256];

	if (n > MAX_REFERENCES)
		return api_err_set(e, 400, "invalid_field", "at most %d reference solutions", MAX_REFERENCES);
	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(refs, i);
		const char *name, *lang, *code, *expected = "accepted";
		size_t len;

		if (!json_object_is_type(t, json_type_object))
			return api_err_set(e, 400, "invalid_field", "references[%zu] must be an object", i);
		if (jsonh_str(t, "name", 200, &name, NULL, err, sizeof(err)) != 0 ||
		    jsonh_str(t, "language", 32, &lang, NULL, err, sizeof(err)) != 0 ||
		    jsonh_str(t, "code", JUDGE_MAX_CODE, &code, &len, err, sizeof(err)) != 0 ||
		    jsonh_str(t, "expected", 32, &expected, NULL, err, sizeof(err)) < 0)
			return api_err_set(e, 400, "invalid_field", "references[%zu]: %s", i,
				      *err ? err : "'name', 'language' and 'code' are required");
		if (!lang_find(lang))
			return api_err_set(e, 400, "invalid_language", "references[%zu]: unknown language "
				      "'%.32s'", i, lang);
		if (!len)
			return api_err_set(e, 400, "invalid_field", "references[%zu]: 'code' is empty", i);
		if (!verdict_known(expected))
			return api_err_set(e, 400, "invalid_field", "references[%zu]: 'expected' is not a "
				      "verdict", i);
	}
	return 0;
}

/* Base64 as PostgreSQL's decode() takes it: the alphabet, padding, and line breaks. */
static bool base64_ok(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r')
			continue;
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=", s[i]))
			return false;
		chars++;
	}
	return chars % 4 == 0;
}

int question_check(struct json_object *b, bool create, struct api_err *e)
{
	struct json_object *v, *tests = NULL, *groups = NULL;
	struct judge_group *jg = NULL;
	struct judge_checker ck;
	const char *s;
	char err[256];
	long long num;
	size_t ng = 0, n;
	int g, rc = -1;

	if (!json_object_is_type(b, json_type_object))
		return api_err_set(e, 400, "invalid_request", "a question is a JSON object");
	if (jsonh_str(b, "slug", 100, &s, NULL, err, sizeof(err)) < 0)
		return api_err_set(e, 400, "invalid_field", "%s", err);
	if ((g = jsonh_str(b, "title", 200, &s, NULL, err, sizeof(err))) < 0 || (g == 1 && create))
		return api_err_set(e, 400, g < 0 ? "invalid_field" : "missing_field", "%s",
			      g < 0 ? err : "'title' is required");
	if (g == 0 && !*s)
		return api_err_set(e, 400, "invalid_field", "'title' is empty");
	if ((g = jsonh_str(b, "question", 200000, &s, NULL, err, sizeof(err))) < 0)
		return api_err_set(e, 400, "invalid_field", "%s", err);
	if (g == 1 && (g = jsonh_str(b, "description", 200000, &s, NULL, err, sizeof(err))) < 0)
		return api_err_set(e, 400, "invalid_field", "%s", err);
	if (g == 1 && create)
		return api_err_set(e, 400, "missing_field", "'question' (the statement) is required");
	if ((g = jsonh_str(b, "difficulty", 16, &s, NULL, err, sizeof(err))) < 0 || (g == 1 && create))
		return api_err_set(e, 400, g < 0 ? "invalid_field" : "missing_field", "%s",
			      g < 0 ? err : "'difficulty' is required");
	if (g == 0 && strcasecmp(s, "easy") && strcasecmp(s, "medium") && strcasecmp(s, "hard"))
		return api_err_set(e, 400, "invalid_field", "'difficulty' must be easy, medium or hard");
	if ((g = jsonh_get(b, "tags", json_type_array, &v, err, sizeof(err))) < 0)
		return api_err_set(e, 400, "invalid_field", "%s", err);
	if (g == 0 && check_tags(v, e) < 0)
		return -1;
	if ((g = jsonh_get(b, "boiler_plate", json_type_object, &v, err, sizeof(err))) < 0)
		return api_err_set(e, 400, "invalid_field", "%s", err);
	if (g == 0 && check_boiler(v, e) < 0)
		return -1;
	if (g == 0 && strlen(jsonh_db_text(v, NULL)) > (1u << 18))
		return api_err_set(e, 413, "payload_too_large", "boiler_plate is too large");
	if (jsonh_int(b, "time_limit_ms", 100, 30000, &num, err, sizeof(err)) < 0 ||
	    jsonh_int(b, "memory_limit_mb", 32, 2048, &num, err, sizeof(err)) < 0 ||
	    jsonh_int(b, "output_limit_kb", 1, JUDGE_MAX_OUTPUT_KB, &num, err, sizeof(err)) < 0)
		return api_err_set(e, 400, "invalid_field", "%s", err);

	/* how it judges: the judge's own reader, so what saves is what the judge takes */
	if (grading_checker_parse(json_object_object_get(b, "checker"), &ck, err, sizeof(err)) < 0) {
		grading_checker_release(&ck);
		return api_err_set(e, 400, "invalid_field", "%s", err);
	}
	grading_checker_release(&ck);
	json_object_object_get_ex(b, "groups", &groups);
	if (grading_groups_parse(groups, &jg, &ng, err, sizeof(err)) < 0) {
		api_err_set(e, 400, "invalid_field", "%s", err);
		goto out;
	}
	if ((g = jsonh_get(b, "test_cases", json_type_array, &tests, err, sizeof(err))) < 0) {
		api_err_set(e, 400, "invalid_field", "%s", err);
		goto out;
	}
	if (g == 0 && check_tests(tests, jg, ng, groups != NULL, e) < 0)
		goto out;
	if ((g = jsonh_get(b, "references", json_type_array, &v, err, sizeof(err))) < 0) {
		api_err_set(e, 400, "invalid_field", "%s", err);
		goto out;
	}
	if (g == 0 && check_references(v, e) < 0)
		goto out;
	if (json_object_object_get_ex(b, "signature", &v) && v) {
		struct signature sig;

		if (!json_object_is_type(v, json_type_object)) {
			api_err_set(e, 400, "invalid_field", "'signature' must be an object or null");
			goto out;
		}
		if (sig_from_json(v, &sig, err, sizeof(err)) < 0) {
			api_err_set(e, 400, "invalid_field", "signature: %s", err);
			goto out;
		}
	}
	if ((g = jsonh_str(b, "statement_pdf", MAX_PDF_B64, &s, &n, err, sizeof(err))) < 0 ||
	    (g == 0 && !base64_ok(s, n))) {
		api_err_set(e, g < 0 && strstr(err, "long") ? 413 : 400, "invalid_field", "%s",
		       g < 0 ? err : "'statement_pdf' must be base64");
		goto out;
	}
	if ((g = jsonh_get(b, "package", json_type_object, &v, err, sizeof(err))) < 0 ||
	    (g == 0 && strlen(jsonh_db_text(v, NULL)) > MAX_PACKAGE)) {
		api_err_set(e, 400, "invalid_field", "%s", g < 0 ? err : "'package' is too large");
		goto out;
	}
	rc = 0;
out:
	grading_groups_free(jg, ng);
	return rc;
}

/* A member's JSON text for a jsonb parameter, or NULL when absent. */
static const char *member_json(struct json_object *b, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(b, key, &v))
		return NULL;
	return v ? jsonh_db_text(v, NULL) : "null";
}

static const char *member_text(struct json_object *b, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(b, key, &v) && json_object_is_type(v, json_type_string)
		       ? json_object_get_string(v)
		       : NULL;
}

/* An integer member as text into buf, def when absent (NULL def: NULL). */
static const char *member_int(struct json_object *b, const char *key, const char *def, char *buf,
			      size_t len)
{
	struct json_object *v;

	if (!json_object_object_get_ex(b, key, &v) || !v)
		return def;
	snprintf(buf, len, "%d", json_object_get_int(v));
	return buf;
}

static int save_tests(const char *qid, struct json_object *tests)
{
	size_t i, n = json_object_array_length(tests);

	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(tests, i), *v;
		char pts[16];
		struct store_test row = {
			.input = member_text(t, "input"),
			.expected = member_text(t, "expected_output"),
			.points = member_int(t, "points", "1", pts, sizeof(pts)),
			.group = member_text(t, "group"),
			.name = member_text(t, "name"),
			.interaction = member_text(t, "interaction"),
			.sample = json_object_object_get_ex(t, "is_sample", &v) &&
				  json_object_get_boolean(v),
		};

		if (!row.input)
			row.input = "";
		if (store_test_insert(qid, &row, (int)i + 1) != DB_OK)
			return -1;
	}
	return 0;
}

static int save_references(const char *qid, struct json_object *refs)
{
	size_t i, n = json_object_array_length(refs);

	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(refs, i);
		const char *expected = member_text(t, "expected");

		if (store_reference_insert(qid, member_text(t, "name"), member_text(t, "language"),
					   member_text(t, "code"), expected ? expected : "accepted",
					   (int)i + 1) != DB_OK)
			return -1;
	}
	return 0;
}

/*
 * A function question's tests, as stored, are typed: each input has the
 * params, each answer the return type (unless a custom checker reads them).
 * 1, 0 with e, -1 on a database error.
 */
static int typed_tests_fit(const char *qid, struct api_err *e)
{
	struct signature sig;
	const char *text;
	PGresult *res;
	char err[256];
	bool custom;
	int i, fit = 1;

	if (store_question_tests(qid, false, &res) != DB_OK)
		return -1;
	text = PQntuples(res) ? db_get(res, 0, "signature") : "";
	if (!*text || sig_parse_json(text, strlen(text), &sig, err, sizeof(err)) < 0)
		goto out;
	custom = strstr(db_get(res, 0, "checker"), "\"custom\"") != NULL;
	for (i = 0; i < PQntuples(res) && fit; i++) {
		const char *in = db_get(res, i, "input_data"), *want = db_get(res, i, "expected_output");

		if (sig_check_input(&sig, in, strlen(in), err, sizeof(err)) < 0)
			fit = 0, api_err_set(e, 400, "invalid_field", "test %d input: %s", i + 1, err);
		else if (!custom && sig_check_expected(&sig, want, strlen(want), err, sizeof(err)) < 0)
			fit = 0, api_err_set(e, 400, "invalid_field", "test %d expected output: %s", i + 1,
					err);
	}
out:
	PQclear(res);
	return fit;
}

int question_save(struct json_object *b, const char *qid, char id[16], struct api_err *e)
{
	char tms[16], mmb[16], okb[16], group[65];
	const bool update = qid != NULL;
	const char *text = member_text(b, "question");
	struct json_object *tests, *refs;
	struct store_question row;
	int fit, bad = 0, rc = -1;

	if (!text)
		text = member_text(b, "description");
	row = (struct store_question){
		.slug = member_text(b, "slug"),
		.title = member_text(b, "title"),
		.question = text,
		.difficulty = member_text(b, "difficulty"),
		.tags_json = member_json(b, "tags"),
		.boiler_json = member_json(b, "boiler_plate"),
		.time_limit_ms = member_int(b, "time_limit_ms", qid ? NULL : "2000", tms, sizeof(tms)),
		.memory_limit_mb = member_int(b, "memory_limit_mb", qid ? NULL : "256", mmb, sizeof(mmb)),
		.output_limit_kb = member_int(b, "output_limit_kb", NULL, okb, sizeof(okb)),
		.checker_json = member_json(b, "checker"),
		.groups_json = member_json(b, "groups"),
		.signature_json = member_json(b, "signature"),
		.package_json = member_json(b, "package"),
		.statement_pdf = member_text(b, "statement_pdf"),
	};
	/* JSON null means "the default" for the columns that cannot be null */
	if (row.checker_json && !strcmp(row.checker_json, "null"))
		row.checker_json = "{\"type\": \"lines\"}";
	if (row.groups_json && !strcmp(row.groups_json, "null"))
		row.groups_json = "[]";
	if (!qid) {
		if (!row.tags_json)
			row.tags_json = "[]";
		if (!row.boiler_json)
			row.boiler_json = "{}";
		if (store_question_insert(&row, id) != DB_OK)
			goto out;
		qid = id;
	} else if (store_question_update(qid, &row) != DB_OK) {
		goto out;
	}
	if (json_object_object_get_ex(b, "test_cases", &tests) && tests &&
	    ((update && store_test_delete_all(qid) != DB_OK) || save_tests(qid, tests) < 0))
		goto out;
	if (json_object_object_get_ex(b, "references", &refs) && refs &&
	    ((update && store_reference_delete_all(qid) != DB_OK) ||
	     save_references(qid, refs) < 0))
		goto out;
	/* an update may change the groups or the tests alone: they must still fit together */
	fit = store_tests_fit_groups(qid, &bad, group);
	if (fit < 0)
		goto out;
	if (!fit) {
		rc = -2;
		api_err_set(e, 400, "invalid_field", "test %d %s", bad,
		       *group ? "names a group the question does not have"
			      : "has no group, and the question has groups");
		goto out;
	}
	/* and a signature and the tests, whichever of them changed */
	fit = typed_tests_fit(qid, e);
	if (fit <= 0) {
		rc = fit < 0 ? -1 : -2;
		goto out;
	}
	rc = 0;
out:
	return rc;
}

struct json_object *question_document(const char *qid, int *dberr)
{
	return store_question_document_json(qid, dberr);
}
