/*
 * sandbox.h - compile and run untrusted code in a Linux sandbox and judge it
 *
 * The one public header of libsandbox, the unprivileged side: it parses,
 * compiles and runs through the launcher (bin/ce-box, the only part that
 * runs as root), compares and renders.  A caller runs sbx_init() once per
 * process, then judge_execute() for each submission.  Requests and results convert to and
 * from the JSON of SPEC section 3 with judge_request_parse() and
 * judge_result_json().
 */
#ifndef CE_SANDBOX_H
#define CE_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grading.h"
#include "jsonh.h"
#include "lang.h"
#include "signature.h"
#include "strbuf.h"

struct json_object;

/* Errors of the sandbox layer.  0 = OK. */
enum sbx_err {
	SBX_OK = 0,
	SBX_ENOMEM,	/* out of memory */
	SBX_EPRIV,	/* the process lacks the privileges to build a sandbox */
	SBX_EKERNEL,	/* the kernel lacks a feature the sandbox needs */
	SBX_ESYSTEM,	/* a system call failed while building or running a box */
	SBX_EINIT,	/* sbx_init() was not called or failed */
	SBX__MAX
};

/* A short English name of e, a static string. */
const char *sbx_strerror(enum sbx_err e);

struct sbx_config {
	const char *launcher;	/* bin/ce-box; default $CE_BOX, else ce-box beside this program */
};

/*
 * Find the launcher (bin/ce-box, the setuid root part that builds boxes).
 * cfg may be NULL for defaults.  Sets SIGPIPE to ignored: the judge writes
 * to pipes whose readers may die.  On failure returns an sbx_err and writes
 * a message into err.
 */
enum sbx_err sbx_init(const struct sbx_config *cfg, char *err, size_t errlen);
/* Ask the launcher whether this machine can build a box (namespaces, cgroups, seccomp). */
enum sbx_err sbx_check(char *err, size_t errlen);
/* What confinement a box gets, as a JSON object (caller owns the reference). */
struct json_object *sbx_confinement_json(void);

/*
 * A box, through the launcher (client.c): open it, write files into /box,
 * run commands in it one after another, close it.  Each run is a fresh
 * process tree in fresh namespaces and its own cgroup; the caller feeds its
 * stdin and collects its stdout and stderr here, unprivileged.
 */
struct sbx {
	int sock;		/* the launcher's socket */
	int pid;		/* the launcher */
	uint64_t box_bytes;	/* what /box takes after the last file written into it */
};

struct sbx_limits {
	uint64_t cpu_ms;
	uint64_t wall_ms;
	uint64_t mem_bytes;
	uint64_t output_bytes;	/* stdout + stderr */
	uint64_t fsize_bytes;
	uint64_t stack_bytes;
	unsigned pids;
	unsigned nofile;
	unsigned tmp_mb;
};

#define SBX_MAX_COLLECT	2	/* pipes a run may write to besides stdout and stderr */
#define SBX_MAX_JOBS	8	/* runs at once in a set (sbx_runs_start) or sbx_run_many */

struct sbx_cmd {
	const char *const *argv;
	const char *const *envp;
	bool writable;		/* /box writable (compile) or read-only (tests) */
	const char *stdin_data;
	size_t stdin_len;
	/*
	 * joined: stdin and stdout are these pipe ends (another program's, for an
	 * interactive run); stdin_data is not fed and stdout not collected.  Only
	 * with sbx_run_many(), which closes both ends once the run has started.
	 */
	bool joined;
	int join_in, join_out;
	/* the program's fds 3, 4, ...: fds[] as they are (pipes or sbx_memfd()s), then ncollect
	 * pipes whose output is collected into the outcome's more[] */
	const int *fds;
	unsigned nfds;
	unsigned ncollect;
	struct sbx_limits lim;	/* output_bytes: stdout + stderr + more[] */
};

enum sbx_status {
	SBX_EXITED,		/* exited by itself, see exit_code */
	SBX_SIGNALED,		/* killed by a signal it did not get from us */
	SBX_CPU_LIMIT,		/* stopped: CPU time */
	SBX_WALL_LIMIT,		/* stopped: wall time */
	SBX_OUTPUT_LIMIT,	/* stopped: too much output */
};

struct sbx_outcome {
	enum sbx_status status;
	int exit_code;
	int signal;
	bool oom;
	uint64_t cpu_us;
	uint64_t wall_us;
	uint64_t mem_peak;	/* cgroup peak, bytes */
	uint64_t maxrss;	/* largest resident set of the program tree, bytes */
	uint64_t box_bytes;	/* what the files in /box take after the run */
	struct strbuf out;
	struct strbuf err;
	struct strbuf more[SBX_MAX_COLLECT];
};

/*
 * Start a launcher and have it build one box whose /box holds work_mb; 0,
 * or -1 with err (the box is then closed).  Release with sbx_close().
 */
int sbx_open(struct sbx *b, unsigned work_mb, char *err, size_t errlen);
/* sbx_open() in two halves: the launcher builds the box while the caller goes on. */
int sbx_open_send(struct sbx *b, unsigned work_mb, char *err, size_t errlen);
int sbx_open_reply(struct sbx *b, char *err, size_t errlen);
/*
 * A twin of box b: the same /box, read-only, for runs side by side with b's
 * (each still a fresh process tree in fresh namespaces, with its own cgroup,
 * /tmp and uid).  It writes no file and runs nothing writable; open it once
 * b's files are final.  Release with sbx_close() before b: b's launcher
 * ends only after its twins.
 */
int sbx_twin(struct sbx *b, struct sbx *twin, char *err, size_t errlen);
/* Create a new file in /box, executable with exec; b->box_bytes is what /box takes then. */
int sbx_write_file(struct sbx *b, const char *name, const char *data, size_t len, bool exec,
		   char *err, size_t errlen);
/* A sealed memfd holding data (a program may read it, never change it); -1 with err. */
int sbx_memfd(const char *data, size_t len, char *err, size_t errlen);
void sbx_outcome_init(struct sbx_outcome *o);
void sbx_outcome_release(struct sbx_outcome *o);
/*
 * Run one command in a fresh process tree inside the box.  Returns -1 only
 * when the sandbox itself failed (err says why); the program's own failures
 * are in the outcome.
 */
int sbx_run(struct sbx *b, const struct sbx_cmd *cmd, struct sbx_outcome *o, char *err,
	    size_t errlen);
/*
 * Several runs at once, each in its own box (an interactive submission and
 * its interactor): returns when every one has ended, -1 when the sandbox
 * failed (then all are stopped).  order says which ended first (1), second...
 */
struct sbx_job {
	struct sbx *b;
	const struct sbx_cmd *cmd;
	struct sbx_outcome *o;
	unsigned order;
};
int sbx_run_many(struct sbx_job *jobs, size_t njobs, char *err, size_t errlen);
/*
 * A set of runs that go side by side, at most SBX_MAX_JOBS at once, each in
 * its own box (a box and its twins): start them one by one, and
 * sbx_runs_wait() gives back one that has ended (its index, from
 * sbx_runs_start()), its outcome complete; -1 when the sandbox failed.
 * sbx_runs_free() stops any run still going.
 */
struct sbx_runs;
struct sbx_runs *sbx_runs_new(void);
int sbx_runs_start(struct sbx_runs *rs, struct sbx *b, const struct sbx_cmd *cmd,
		   struct sbx_outcome *o, char *err, size_t errlen);
int sbx_runs_wait(struct sbx_runs *rs, char *err, size_t errlen);
void sbx_runs_free(struct sbx_runs *rs);
void sbx_close(struct sbx *b);
/* The first half of sbx_close(): the launcher is told to end; sbx_close() then waits for it. */
void sbx_close_send(struct sbx *b);

/* Verdicts, in the order of SPEC section 3. */
enum verdict {
	V_ACCEPTED,
	V_WRONG_ANSWER,
	V_TIME_LIMIT,
	V_MEMORY_LIMIT,
	V_RUNTIME_ERROR,
	V_OUTPUT_LIMIT,
	V_COMPILATION_ERROR,
	V_INTERNAL_ERROR,
	V_SKIPPED,		/* not run: its group stopped at a failure, or a group it needs failed */
	VERDICT__MAX
};

/* The verdict's name in responses ("accepted", "wrong_answer", ...), a static string. */
const char *verdict_name(enum verdict v);


struct judge_test {
	char *id;
	char *input;
	size_t input_len;
	char *expected;
	size_t expected_len;
	int group;		/* index into the request's groups; -1 when it has none */
	double points;		/* what the test is worth in a "sum" group (default 1) */
	bool unchecked;		/* a run of custom input: no answer to compare with */
};

struct judge_request {
	const struct lang *lang;
	char *code;
	size_t code_len;
	char *question_id;	/* NULL when absent */
	struct judge_test *tests;
	size_t ntests;
	double timeout_s;	/* CPU time per test */
	unsigned memory_mb;
	unsigned output_kb;
	struct judge_checker checker;
	struct judge_group *groups;	/* none: every test is on its own, worth its points */
	size_t ngroups;
	/*
	 * A function-signature question (signature.h): the code is the function,
	 * each test's input a JSON object of its params and its expected output a
	 * JSON value; NULL for input and output.
	 */
	struct signature *signature;
};

struct judge_test_result {
	enum verdict verdict;
	struct strbuf output;	/* at most JUDGE_SHOWN_MAX bytes */
	struct strbuf error;	/* stderr (capped) or a one-line reason */
	bool output_truncated;
	bool error_truncated;
	int exit_code;		/* -1 when killed by a signal or never ran */
	int signal;		/* 0 when none */
	uint64_t cpu_ms;
	uint64_t wall_ms;
	uint64_t memory_bytes;
	double score;		/* 0..1: 1 when accepted, a custom checker's score.txt, else 0 */
	struct strbuf feedback;	/* why the checker decided so, for the question's author only */
	struct strbuf printed;	/* a function question: what the function printed (output is its result) */
	bool printed_truncated;
};

struct judge_group_result {
	double score, max_score;
	enum verdict verdict;	/* accepted, the first failing test's verdict, or skipped */
};

struct judge_result {
	enum verdict verdict;
	bool compiled;		/* false when the language has no compile step */
	bool compile_ok;
	struct strbuf compile_output;
	uint64_t compile_ms;
	uint64_t box_bytes;	/* what the compiled program and its files take in /box */
	uint64_t total_ms;
	struct judge_test_result *tests;
	size_t ntests;
	struct judge_group_result *groups;	/* one per request group */
	double score, max_score;
	char execution_id[37];
};

/* Request error codes of SPEC section 5 ("invalid_json", "invalid_language", ...). */
struct judge_error {
	const char *code;
	char message[256];
};

/* A request and a result own their strings: init before use, release after (idempotent). */
void judge_request_init(struct judge_request *req);
void judge_request_release(struct judge_request *req);
/*
 * Parse and validate a request body.  Returns 0, or -1 with err filled in
 * (nothing is run for an invalid request).
 */
int judge_request_parse(const char *body, size_t len, struct judge_request *req,
			struct judge_error *err);

void judge_result_init(struct judge_result *res);
void judge_result_release(struct judge_result *res);
/*
 * Compile once, run every test in a fresh sandboxed process, fill res.
 * Returns SBX_OK when it judged (whatever the verdict); otherwise the sandbox
 * itself failed and err says why (res then holds internal_error verdicts).
 */
enum sbx_err judge_execute(const struct judge_request *req, struct judge_result *res, char *err,
			   size_t errlen);
/*
 * Have the box of the next judge_execute() built from now on, while the
 * caller reads and parses its request (after sbx_init()).  Best effort: a
 * box that cannot be started ahead is opened as usual.  One that will not
 * be used goes with judge_close_ahead(), which waits for its launcher.
 */
void judge_open_ahead(void);
void judge_close_ahead(void);
/*
 * Where judge_execute is, one line each on this descriptor ("compiling",
 * "test k/n") for whoever follows the execution; -1 (the default): not told.
 */
extern int judge_progress_fd;
/*
 * Set by bin/judge: judge_execute() leaves its box's launcher ending (the
 * box unmounted, its groups removed) while the caller makes the response,
 * and judge_end() waits for it.  Otherwise judge_execute() waits itself.
 */
extern bool judge_end_late;
void judge_end(void);
/* The response JSON of SPEC section 3 (caller owns the reference). */
struct json_object *judge_result_json(const struct judge_request *req,
				      const struct judge_result *res);
/* Room for a class name with its package or namespace, NUL included. */
#define JUDGE_CLASS_MAX 256

/*
 * The classes a source names for its file and its entry point: "{class}"
 * and "{main}" in the templates of lang.h.  Only the source is read (comments,
 * strings, text blocks and char literals skipped, braces followed), never
 * compiled; a name longer than JUDGE_CLASS_MAX is not taken.
 */
struct judge_entry {
	char file_class[JUDGE_CLASS_MAX];	/* "{class}" */
	char main_class[JUDGE_CLASS_MAX];	/* "{main}"; "" when the runtime finds it itself */
};
/*
 * Java.  file_class: the first public top-level class (or interface, enum,
 * record), after which javac wants the file named; else "Main".
 * main_class: the class to run, by its binary name after its package
 * ("bin.Main", "Outer$Inner"): the top-level class that declares
 * static void main(String[]) (or String..., any modifiers) -- the one named
 * Main when several do, else the last of them, so that a driver appended
 * after a solution runs -- else, when no top-level class declares it, a
 * nested class that does (Main first, else the last); else the public
 * class, a class named Main, the first class, "Main", in that order.
 */
void judge_java_class(const char *src, size_t len, struct judge_entry *e);
/*
 * C#.  file_class: "Main".  main_class: "", since mcs finds a lone entry
 * point itself, unless several types declare a static void or int Main:
 * then the last of them, by the name mcs -main: takes ("Ns.Outer+Inner").
 */
void judge_csharp_class(const char *src, size_t len, struct judge_entry *e);

/* The node name shown as container_id and replica: $CE_NODE_NAME, else "judge"; never the host name. */
const char *judge_node_name(void);
#endif
