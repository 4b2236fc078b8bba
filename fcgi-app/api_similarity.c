/*
 * api_similarity.c - GET /api/admin/questions/:id/similarity: the pairs of candidates whose
 * last submissions to a question in the same language share code (similarity.h), the
 * question's starter code and reference solutions left out
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "api_common.h"
#include "api_questions.h"
#include "api_similarity.h"
#include "auth.h"
#include "jsonh.h"
#include "lang.h"
#include "similarity.h"
#include "store_question.h"

#define PAIRS_MAX 200			/* the best pairs answered */
#define CODE_MAX (256 * 1024)		/* bytes of a program read */

struct pair {
	int a, b;
	double score;
};

static int by_score(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->score != q->score)
		return p->score < q->score ? 1 : -1;
	return p->a != q->a ? p->a - q->a : p->b - q->b;
}

static size_t code_len(const char *code)
{
	size_t n = strlen(code);

	return n < CODE_MAX ? n : CODE_MAX;
}

/* The fingerprints to leave out, one set per language of lang.c: starters and references. */
static int exclusions(PGresult *giv, struct sim_exclusion *ex)
{
	struct json_object *bp = json_object_new_object(), *sig = NULL;
	char err[64];
	size_t i;
	int k, rc = 0;

	for (k = 0; k < PQntuples(giv); k++) {
		const char *kind = db_get(giv, k, "kind"), *code = db_get(giv, k, "code");
		const struct lang *l = lang_find(db_get(giv, k, "language"));

		if (!strcmp(kind, "signature"))
			sig = jsonh_parse(code, strlen(code), err, sizeof(err));
		else if (!strcmp(kind, "boiler") && l)
			json_object_object_add(bp, l->id, json_object_new_string(code));
		else if (l && sim_exclude(&ex[l - langs], l->id, code, code_len(code)) < 0)
			rc = -1;
	}
	api_fill_starters(bp, sig);
	for (i = 0; i < nlangs; i++) {
		const char *s = json_object_get_string(json_object_object_get(bp, langs[i].id));

		if (s && sim_exclude(&ex[i], langs[i].id, s, code_len(s)) < 0)
			rc = -1;
	}
	json_object_put(sig);
	json_object_put(bp);
	return rc;
}

static struct json_object *side(PGresult *fin, int i)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "candidate_id", json_object_new_string(db_get(fin, i, "candidate_id")));
	json_object_object_add(o, "name", json_object_new_string(db_get(fin, i, "name")));
	json_object_object_add(o, "submission_id", json_object_new_string(db_get(fin, i, "submission_id")));
	json_object_object_add(o, "submitted_at", json_object_new_string(db_get(fin, i, "created_at")));
	json_object_object_add(o, "code", json_object_new_string(db_get(fin, i, "code")));
	return o;
}

static struct json_object *pair_json(PGresult *fin, const struct sim_doc *docs, const struct pair *p)
{
	struct json_object *o = json_object_new_object(), *regions = json_object_new_array();
	struct sim_match *m = NULL;
	size_t shared, nm = 0, i;

	sim_compare(&docs[p->a], &docs[p->b], &shared, &m, &nm);
	for (i = 0; i < nm; i++) {
		struct json_object *x = json_object_new_object();

		json_object_object_add(x, "a_from", json_object_new_int(m[i].a_from));
		json_object_object_add(x, "a_to", json_object_new_int(m[i].a_to));
		json_object_object_add(x, "b_from", json_object_new_int(m[i].b_from));
		json_object_object_add(x, "b_to", json_object_new_int(m[i].b_to));
		json_object_array_add(regions, x);
	}
	free(m);
	json_object_object_add(o, "score", json_object_new_double((double)(long)(p->score * 1000 + 0.5) / 1000));
	json_object_object_add(o, "shared", json_object_new_int64((int64_t)shared));
	json_object_object_add(o, "language", json_object_new_string(db_get(fin, p->a, "language")));
	json_object_object_add(o, "a", side(fin, p->a));
	json_object_object_add(o, "b", side(fin, p->b));
	json_object_object_add(o, "matches", regions);
	return o;
}

int h_admin_question_similarity(struct http_req *r)
{
	struct sim_exclusion *ex = NULL;
	struct sim_doc *docs = NULL;
	struct pair *pairs = NULL;
	PGresult *giv = NULL, *fin = NULL;
	struct json_object *o, *list;
	char qid[16], t[32], *end;
	double threshold = 0.5;
	size_t npairs = 0, cap = 0, compared = 0, i;
	int n = 0, a, b, found, rc;

	if (auth_admin_role(r, ROLE_REVIEWER) < 0)
		return r->status;
	found = store_question_lookup(r->m.params[0], qid);
	if (found <= 0)
		return found < 0 ? api_db_error(r) : http_fail(r, 404, "not_found", "no such question");
	if (http_query(r, "min_score", t, sizeof(t))) {
		threshold = strtod(t, &end);
		if (!*t || *end || !(threshold >= 0 && threshold <= 1))
			return http_fail(r, 400, "invalid_field", "'min_score' is a number from 0 to 1");
	}
	if (store_question_givens(qid, &giv) != DB_OK ||
	    store_question_finals(qid, auth_reader(r), &fin) != DB_OK) {
		PQclear(giv);
		return api_db_error(r);
	}
	n = PQntuples(fin);
	ex = calloc(nlangs, sizeof(*ex));
	docs = calloc((size_t)n + 1, sizeof(*docs));
	if (!ex || !docs || exclusions(giv, ex) < 0)
		goto oom;
	for (a = 0; a < n; a++) {
		const struct lang *l = lang_find(db_get(fin, a, "language"));
		const char *code = db_get(fin, a, "code");

		if (l && sim_doc_build(&docs[a], l->id, code, code_len(code), &ex[l - langs]) < 0)
			goto oom;
	}
	for (a = 0; a < n; a++)
		for (b = a + 1; b < n; b++) {
			size_t shared;
			double s;

			if (strcmp(db_get(fin, a, "language"), db_get(fin, b, "language")))
				continue;
			compared++;
			s = sim_compare(&docs[a], &docs[b], &shared, NULL, NULL);
			if (!shared || s < threshold)
				continue;
			if (npairs == cap) {
				struct pair *grown = realloc(pairs, (cap = cap ? cap * 2 : 64) * sizeof(*pairs));

				if (!grown)
					goto oom;
				pairs = grown;
			}
			pairs[npairs].a = a;
			pairs[npairs].b = b;
			pairs[npairs++].score = s;
		}
	if (npairs)
		qsort(pairs, npairs, sizeof(*pairs), by_score);
	list = json_object_new_array();
	for (i = 0; i < npairs && i < PAIRS_MAX; i++)
		json_object_array_add(list, pair_json(fin, docs, &pairs[i]));
	o = http_ok();
	json_object_object_add(o, "min_score", json_object_new_double(threshold));
	json_object_object_add(o, "submissions", json_object_new_int(n));
	json_object_object_add(o, "compared", json_object_new_int64((int64_t)compared));
	json_object_object_add(o, "above", json_object_new_int64((int64_t)npairs));
	json_object_object_add(o, "pairs", list);
	rc = http_json(r, 200, o);
	goto out;
oom:
	rc = http_fail(r, 503, "unavailable", "out of memory comparing submissions; retry");
out:
	for (a = 0; docs && a < n; a++)
		sim_doc_free(&docs[a]);
	for (i = 0; ex && i < nlangs; i++)
		sim_exclusion_free(&ex[i]);
	free(docs);
	free(ex);
	free(pairs);
	PQclear(giv);
	PQclear(fin);
	return rc;
}
