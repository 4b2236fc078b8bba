/*
 * extern.h - private interfaces of the judge library (the unprivileged side), grouped by file
 */
#ifndef CE_SANDBOX_EXTERN_H
#define CE_SANDBOX_EXTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "sandbox.h"
#include "strbuf.h"
#include "util.h"

/* judge.c */

#define JUDGE_MAX_ARGS	32
#define JUDGE_BASE_ENV	5
#define JUDGE_WORK_MB	256	/* a submission's /box */

/* An argv or envp built from a language's templates: the strings and the vector. */
struct argv_buf {
	struct strbuf s[JUDGE_MAX_ARGS];
	const char *v[JUDGE_MAX_ARGS + 1];
	size_t n;
};

/* Every box's environment before the language's own. */
extern const char *const judge_base_env[JUDGE_BASE_ENV];

/*
 * pre as it is, then tmpl with {class}, {main}, {src} and {heap} filled in
 * (an argument naming {main} is dropped when e has no main class); -1 when
 * out of memory.
 */
int argv_build(struct argv_buf *a, const char *const *pre, size_t npre, const char *const *tmpl,
	       const struct judge_entry *e, const char *src, unsigned heap);
/* One more string at the end; -1 when there is no room or memory. */
int argv_add(struct argv_buf *a, const char *s);
void argv_release(struct argv_buf *a);
/*
 * Compile src in box b with l's compile command: res gets compiled,
 * compile_ok, the compiler's output (box paths removed), compile_ms and
 * box_bytes.  Not SBX_OK only when the sandbox failed.
 */
enum sbx_err judge_compile(struct sbx *b, const struct lang *l, struct argv_buf *env,
			   const struct judge_entry *e, const char *src, struct judge_result *res,
			   char *err, size_t errlen);
/* A test's limits of req, its memory less what the compiled program takes in /box. */
void judge_run_limits(const struct judge_request *req, uint64_t mem_limit, struct sbx_limits *lim);
/*
 * How the run o of test t ended, into r: accepted here means it ran cleanly
 * (the output is judged after); otherwise the limit or fault, with a reason.
 */
void judge_classify(const struct judge_request *req, const struct sbx_outcome *o,
		    uint64_t mem_limit, struct judge_test_result *r);

/* checker.c - a question's checker or interactor, in a box of its own */

struct checker {
	const struct judge_checker *c;
	struct sbx b;
	struct argv_buf argv, env;
	bool ready;
};

/*
 * Open the checker's box and put the program in it: compiled once per
 * version of its code and kept in $CE_CHECKER_CACHE when that is set.  When
 * it does not compile, *broken gets the compiler's output (and the result
 * is SBX_OK).  Release with checker_close() in every case.
 */
enum sbx_err checker_open(struct checker *k, const struct judge_checker *c, struct strbuf *broken,
			  char *err, size_t errlen);
/*
 * Judge the output of a clean run of test t with the checker (CHECK_CUSTOM):
 * r's verdict, score and feedback.  Not SBX_OK only when the sandbox failed.
 */
enum sbx_err checker_judge(struct checker *k, const struct judge_test *t, const char *out,
			   size_t outlen, struct judge_test_result *r, char *err, size_t errlen);
/*
 * Run the submission (cmd, in box b: its stdin and stdout are set here) and
 * the interactor together, each one's stdout the other's stdin; r gets the
 * verdict: the submission's own fault first, else the interactor's.
 */
enum sbx_err checker_interact(struct checker *k, const struct judge_request *req,
			      const struct judge_test *t, struct sbx *b, struct sbx_cmd *cmd,
			      uint64_t mem_limit, struct judge_test_result *r, char *err,
			      size_t errlen);
void checker_close(struct checker *k);

/* lanes.c - the cores a judge may borrow for tests side by side (see there) */

#define LANES_MAX_TOKENS	256
#define LANES_FREE		(-2)	/* a lane taken without a token: no host to share with */

struct lanes {
	unsigned cap;		/* tests of one job at once, 1 to SBX_MAX_JOBS */
	unsigned ntokens;	/* 0: not on a judge host */
	int own;		/* this job's slot, whose token it holds throughout; -1 */
	int fd[LANES_MAX_TOKENS];
	bool held[LANES_MAX_TOKENS];
};

/* The cap and the host's tokens from the environment; waits for this slot's own token. */
void lanes_open(struct lanes *ln);
/* A token for one more test at once: its number, LANES_FREE, or -1 when every core is busy. */
int lanes_borrow(struct lanes *ln);
void lanes_return(struct lanes *ln, int token);
void lanes_close(struct lanes *ln);

/* client.c */

/* The control groups the launcher reported, e.g. "v1 memory+pids+cpuacct". */
const char *sbx_cgroups(void);

#endif
