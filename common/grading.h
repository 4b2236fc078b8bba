/*
 * grading.h - how a question judges outputs and scores tests: its checker and its test groups
 *
 * The judge reads these from an execution request and the app from a
 * question before it stores one: one parser for both, so a question that
 * saves is a question the judge takes.  JSON:
 *
 *   "checker": {"type": "lines" | "exact" | "tokens" | "tokens_ci" | "float", ...}
 *              (compare.h), or {"type": "custom" | "interactive",
 *              "language": "c" | "cpp" | "python", "code": "...", "flags": "..."}
 *   "groups":  [{"name": "g1", "points": 30, "rule": "sum" | "all" | "min",
 *                "depends_on": ["g0"], "stop_on_failure": false}, ...]
 */
#ifndef CE_GRADING_H
#define CE_GRADING_H

#include <stdbool.h>
#include <stddef.h>

#include "compare.h"
#include "lang.h"

struct json_object;

/* How a test group's score is made from its tests' scores (each 0..1). */
enum group_rule {
	GROUP_SUM,		/* each test's points times its score */
	GROUP_ALL,		/* the group's points when every test is accepted with full score */
	GROUP_MIN,		/* the group's points times the lowest test score */
	GROUP__MAX
};

struct judge_group {
	char *name;
	double points;		/* GROUP_ALL, GROUP_MIN; GROUP_SUM: its tests' points */
	enum group_rule rule;
	size_t *deps;		/* groups that must pass first (earlier in the list) */
	size_t ndeps;
	bool stop_on_failure;	/* after a failing test, the group's other tests are skipped */
};

/*
 * How outputs are judged: a built-in comparison, or a program the question
 * supplies (C, C++ or Python, the Kattis output validator interface) that
 * reads the output (CHECK_CUSTOM) or talks to the submission (CHECK_INTERACTIVE).
 */
enum check_kind { CHECK_BUILTIN, CHECK_CUSTOM, CHECK_INTERACTIVE };

struct judge_checker {
	enum check_kind kind;
	struct cmp_rule rule;		/* CHECK_BUILTIN */
	const struct lang *lang;	/* the program's language */
	char *code;
	size_t code_len;
	char *flags;			/* extra arguments, split on spaces ("" when none) */
};

/* A group rule's name ("sum", "all", "min"). */
const char *judge_group_rule_name(enum group_rule r);

void grading_checker_init(struct judge_checker *c);
void grading_checker_release(struct judge_checker *c);
/*
 * Read a checker object into c (initialised); NULL or JSON null is the
 * default (lines).  0, or -1 with a message naming the member in err.
 */
int grading_checker_parse(struct json_object *o, struct judge_checker *c, char *err, size_t errlen);
/*
 * Read a groups array into *groups (calloc'd; free with grading_groups_free)
 * and *n; NULL or JSON null is no groups.  A group depends only on groups
 * before it, so their order is an order to run them in.  0, or -1 with err.
 */
int grading_groups_parse(struct json_object *arr, struct judge_group **groups, size_t *n, char *err,
			 size_t errlen);
void grading_groups_free(struct judge_group *groups, size_t n);
/* The index of the group with this name, n when there is none. */
size_t grading_group_find(const struct judge_group *groups, size_t n, const char *name);

#endif
