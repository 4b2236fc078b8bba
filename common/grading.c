/* grading.c - a question's checker and test groups, read from JSON the same way everywhere */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grading.h"
#include "jsonh.h"
#include "util.h"

static const char *const group_rules[GROUP__MAX] = {
	[GROUP_SUM] = "sum", [GROUP_ALL] = "all", [GROUP_MIN] = "min",
};

const char *judge_group_rule_name(enum group_rule r)
{
	return (unsigned)r < GROUP__MAX ? group_rules[r] : "sum";
}

void grading_checker_init(struct judge_checker *c)
{
	memset(c, 0, sizeof(*c));
	cmp_rule_init(&c->rule);
}

void grading_checker_release(struct judge_checker *c)
{
	free(c->code);
	free(c->flags);
	grading_checker_init(c);
}

/* Flags for a checker program: printable words, a few of them. */
static bool flags_ok(const char *f)
{
	size_t words = 0;
	bool in = false;

	for (; *f; f++) {
		if (*f == ' ') {
			in = false;
		} else if ((unsigned char)*f < 0x21 || (unsigned char)*f > 0x7e) {
			return false;
		} else if (!in) {
			in = true;
			words++;
		}
	}
	return words <= JUDGE_MAX_CHECKER_ARGS;
}

/* A copy of a text member: 0, 1 when absent, -1 with err. */
static int dup_text(struct json_object *o, const char *key, size_t max, char **out, size_t *len,
		    const char *where, char *err, size_t errlen)
{
	const char *s;
	char msg[200];
	size_t n;
	int r = jsonh_str(o, key, max, &s, &n, msg, sizeof(msg));

	if (r < 0)
		return fail(err, errlen, "%s: %s", where, msg);
	if (r == 1)
		return 1;
	*out = strndup(s, n);
	if (!*out)
		return fail(err, errlen, "%s: out of memory", where);
	if (len)
		*len = n;
	return 0;
}

int grading_checker_parse(struct json_object *o, struct judge_checker *c, char *err, size_t errlen)
{
	static const char *const names[] = { "type", "language", "code", "flags", NULL };
	struct json_object *type;
	char msg[200], *lang = NULL;
	int r;

	grading_checker_init(c);
	if (!o || json_object_is_type(o, json_type_null))
		return 0;
	if (!json_object_is_type(o, json_type_object))
		return fail(err, errlen, "'checker' must be an object");
	r = cmp_rule_from_json(o, &c->rule, msg, sizeof(msg));
	if (r < 0)
		return fail(err, errlen, "checker: %s", msg);
	if (r != CMP_NOT_BUILTIN)
		return 0;
	json_object_object_get_ex(o, "type", &type);
	c->kind = !strcmp(json_object_get_string(type), "interactive") ? CHECK_INTERACTIVE
								       : CHECK_CUSTOM;
	if (jsonh_only(o, names, msg, sizeof(msg)) < 0)
		return fail(err, errlen, "checker: %s", msg);
	r = dup_text(o, "language", 32, &lang, NULL, "checker", err, errlen);
	if (r != 0)
		return r < 0 ? -1 : fail(err, errlen, "checker: 'language' is required");
	c->lang = lang_find(lang);
	if (!c->lang || !c->lang->checker) {
		fail(err, errlen, "checker: a checker is written in c, cpp or python, not '%.32s'", lang);
		free(lang);
		return -1;
	}
	free(lang);
	r = dup_text(o, "code", JUDGE_MAX_CODE, &c->code, &c->code_len, "checker", err, errlen);
	if (r != 0)
		return r < 0 ? -1 : fail(err, errlen, "checker: 'code' is required");
	if (!c->code_len)
		return fail(err, errlen, "checker: 'code' is empty");
	r = dup_text(o, "flags", 256, &c->flags, NULL, "checker", err, errlen);
	if (r < 0)
		return -1;
	if (r == 1 && !(c->flags = strdup("")))
		return fail(err, errlen, "checker: out of memory");
	if (!flags_ok(c->flags))
		return fail(err, errlen, "checker: 'flags' must be at most %d printable words",
			    JUDGE_MAX_CHECKER_ARGS);
	return 0;
}

size_t grading_group_find(const struct judge_group *groups, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n && strcmp(groups[i].name, name); i++)
		;
	return i;
}

static int parse_group(struct json_object *o, size_t i, struct judge_group *groups, char *err,
		       size_t errlen)
{
	static const char *const names[] = { "name", "points", "rule", "depends_on",
					     "stop_on_failure", NULL };
	struct judge_group *g = &groups[i];
	struct json_object *deps, *d;
	char msg[200], where[32];
	const char *rule;
	size_t k, n;
	int r;

	snprintf(where, sizeof(where), "groups[%zu]", i);
	if (!json_object_is_type(o, json_type_object))
		return fail(err, errlen, "%s must be an object", where);
	if (jsonh_only(o, names, msg, sizeof(msg)) < 0)
		return fail(err, errlen, "%s: %s", where, msg);
	r = dup_text(o, "name", JUDGE_MAX_NAME, &g->name, NULL, where, err, errlen);
	if (r != 0)
		return r < 0 ? -1 : fail(err, errlen, "%s: 'name' is required", where);
	if (!*g->name)
		return fail(err, errlen, "%s: 'name' is empty", where);
	if (grading_group_find(groups, i, g->name) < i)
		return fail(err, errlen, "%s: a second group named '%.64s'", where, g->name);
	if (jsonh_number(o, "points", 0, JUDGE_MAX_POINTS, false, &g->points, msg, sizeof(msg)) < 0)
		return fail(err, errlen, "%s: %s", where, msg);
	r = jsonh_str(o, "rule", 16, &rule, NULL, msg, sizeof(msg));
	if (r < 0)
		return fail(err, errlen, "%s: %s", where, msg);
	g->rule = GROUP_SUM;
	if (r == 0) {
		for (k = 0; k < GROUP__MAX && strcmp(group_rules[k], rule); k++)
			;
		if (k == GROUP__MAX)
			return fail(err, errlen, "%s: 'rule' must be sum, all or min", where);
		g->rule = (enum group_rule)k;
	}
	if (jsonh_bool(o, "stop_on_failure", &g->stop_on_failure, msg, sizeof(msg)) < 0)
		return fail(err, errlen, "%s: %s", where, msg);
	r = jsonh_get(o, "depends_on", json_type_array, &deps, msg, sizeof(msg));
	if (r < 0)
		return fail(err, errlen, "%s: %s", where, msg);
	n = r == 0 ? json_object_array_length(deps) : 0;
	if (n > i)
		return fail(err, errlen, "%s: depends on more groups than come before it", where);
	g->deps = calloc(n ? n : 1, sizeof(*g->deps));
	if (!g->deps)
		return fail(err, errlen, "%s: out of memory", where);
	for (k = 0; k < n; k++) {
		d = json_object_array_get_idx(deps, k);
		if (!json_object_is_type(d, json_type_string))
			return fail(err, errlen, "%s.depends_on[%zu] must be a name", where, k);
		/* only earlier groups: their order is the order of running */
		g->deps[g->ndeps] = grading_group_find(groups, i, json_object_get_string(d));
		if (g->deps[g->ndeps] == i)
			return fail(err, errlen, "%s.depends_on[%zu]: no earlier group named '%.64s'",
				    where, k, json_object_get_string(d));
		g->ndeps++;
	}
	return 0;
}

int grading_groups_parse(struct json_object *arr, struct judge_group **groups, size_t *n, char *err,
			 size_t errlen)
{
	size_t i, len;

	*groups = NULL;
	*n = 0;
	if (!arr || json_object_is_type(arr, json_type_null))
		return 0;
	if (!json_object_is_type(arr, json_type_array))
		return fail(err, errlen, "'groups' must be an array");
	len = json_object_array_length(arr);
	if (len > JUDGE_MAX_GROUPS)
		return fail(err, errlen, "'groups' has more than %d entries", JUDGE_MAX_GROUPS);
	*groups = calloc(len ? len : 1, sizeof(**groups));
	if (!*groups)
		return fail(err, errlen, "out of memory");
	for (i = 0; i < len; i++) {
		*n = i + 1;
		if (parse_group(json_object_array_get_idx(arr, i), i, *groups, err, errlen) < 0)
			return -1;
	}
	return 0;
}

void grading_groups_free(struct judge_group *groups, size_t n)
{
	size_t i;

	for (i = 0; groups && i < n; i++) {
		free(groups[i].name);
		free(groups[i].deps);
	}
	free(groups);
}
