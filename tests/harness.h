/*
 * harness.h - helpers shared by the CUnit suites in tests/
 *
 * Each tests/test_<module>.c is one program with one suite: it lists its
 * tests in a CU_TestInfo array and ends with TEST_MAIN("<module>", tests).
 */
#ifndef CE_TEST_HARNESS_H
#define CE_TEST_HARNESS_H

#include <CUnit/Basic.h>
#include <stddef.h>

#include "sandbox.h"

/* One judged submission, owned by the caller: release with run_free(). */
struct run {
	struct judge_request req;
	struct judge_result res;
	enum sbx_err rc;
	char err[512];
};

/* Initialise the sandbox once; CU_FAIL_FATAL-style abort of the suite when it cannot. */
int harness_init(void);

/*
 * Judge `code` in `lang` against `ntests` (input, expected) pairs given as
 * alternating strings.  timeout in seconds, memory in MiB, output cap in KiB
 * (0 = the defaults of SPEC section 3).
 */
struct run *run_tests(const char *lang, const char *code, double timeout, unsigned mem_mb,
		      unsigned out_kb, size_t ntests, const char *const *io);
/* The common case: one test. */
struct run *run1(const char *lang, const char *code, const char *input, const char *expected);
/* Same, with explicit limits. */
struct run *run1_lim(const char *lang, const char *code, const char *input, const char *expected,
		     double timeout, unsigned mem_mb, unsigned out_kb);
void run_free(struct run *r);

/* Verdict of test i as its name, for readable assertion messages. */
const char *run_verdict(const struct run *r, size_t i);
/* Print the run (verdicts, errors) to stderr; use when an assertion is about to fail. */
void run_dump(const struct run *r);

/* Assert the verdict of test 0 and print the run when it differs. */
#define ASSERT_VERDICT(r, v)                                                                     \
	do {                                                                                     \
		CU_ASSERT_PTR_NOT_NULL_FATAL(r);                                                  \
		if ((r)->res.ntests == 0 || (r)->res.tests[0].verdict != (v))                     \
			run_dump(r);                                                              \
		CU_ASSERT_EQUAL((r)->rc, SBX_OK);                                                 \
		CU_ASSERT_TRUE((r)->res.ntests > 0 && (r)->res.tests[0].verdict == (v));          \
	} while (0)

/*
 * The API error recorded in a request (struct http_req of fcgi-app/http.h):
 * its status and code, and nothing sent yet.
 */
#define ASSERT_API_ERROR(r, st, cd)                                                              \
	do {                                                                                     \
		if ((r)->err.status != (st) || strcmp((r)->err.code, (cd)))                        \
			fprintf(stderr, "\n    recorded %d %s (%s), want %d %s\n", (r)->err.status,  \
				(r)->err.code, (r)->err.msg, (st), (cd));                           \
		CU_ASSERT_EQUAL((r)->err.status, (st));                                           \
		CU_ASSERT_EQUAL((r)->status, (st));                                               \
		CU_ASSERT_STRING_EQUAL((r)->err.code, (cd));                                      \
		CU_ASSERT_FALSE((r)->sent);                                                       \
	} while (0)

/* Number of processes on the host running as any box uid (60000..60000+slots). */
int host_box_processes(void);
/* Number of cgroups left under the coding-engine parents. */
int host_leftover_cgroups(void);

int test_main(const char *suite, CU_TestInfo *tests, int (*init)(void), int (*cleanup)(void));
#define TEST_MAIN(name, tests)                                                                   \
	int main(void)                                                                           \
	{                                                                                        \
		return test_main(name, tests, NULL, NULL);                                       \
	}

#endif
