/*
 * extern.h - private interfaces of the sandbox library, grouped by file
 */
#ifndef CE_SANDBOX_EXTERN_H
#define CE_SANDBOX_EXTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "sandbox.h"
#include "strbuf.h"

/* util.c */

/* Format into err (may be NULL) and return -1, so callers can `return fail(...)`. */
int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* As fail(), with ": strerror(errno)" appended. */
int fail_errno(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
uint64_t mono_us(void);
/* Write the whole buffer, retrying on EINTR and short writes. */
int write_all(int fd, const void *buf, size_t len);
/* Write a short string to a file that already exists (cgroup and /proc knobs). */
int write_file(const char *path, const char *text);
int write_fileat(int dirfd, const char *name, const char *text);
/* Read at most len-1 bytes of a small file at offset 0; NUL-terminates. */
ssize_t read_small(int fd, char *buf, size_t len);
int mkdir_p(const char *path, mode_t mode);

/* cg.c - one control group per run (cgroup v1 or v2, detected) */

struct cg_run {
	char dir[3][256];	/* controller dirs in use (v2: only [0]) */
	int ndirs;
	int procs_fd[3];	/* cgroup.procs, kept open for the child to join */
	int cpu_fd;		/* cpuacct.usage (v1) or cpu.stat (v2) */
	uint64_t mem_limit;
};

int cg_init(char *err, size_t errlen);
/* Human-readable description of the detected hierarchy, e.g. "v1 memory+pids+cpuacct". */
const char *cg_describe(void);
int cg_create(struct cg_run *cg, const char *name, uint64_t mem_bytes, unsigned pids, char *err,
	      size_t errlen);
/* Remove the empty groups whose names start with prefix (left by a judge that died). */
void cg_sweep(const char *prefix);
/* Called in the child: move the calling process into the group. Async-signal-safe. */
int cg_join(const struct cg_run *cg);
/* CPU time used so far, in nanoseconds, summed over every thread that ran in the group. */
int cg_cpu_ns(const struct cg_run *cg, uint64_t *ns);
/* Peak memory (bytes) and whether the kernel's OOM killer acted in the group. */
int cg_mem_stats(const struct cg_run *cg, uint64_t *peak, bool *oom);
/* Close the files and remove the group; the group must have no live process. */
void cg_destroy(struct cg_run *cg);

/* rules.c - the seccomp filter */

int rules_init(char *err, size_t errlen);
/* Install the prepared filter on the calling thread. Async-signal-safe. */
int rules_apply(void);

/* box.c - building a box and running one process in it */

struct box {
	int slot;
	uid_t uid;
	int lock_fd;
	int mnt_fd;	/* the box's mount namespace, with its minimal root */
	int dir_fd;	/* the box's working directory, /box inside */
	unsigned runs;
	unsigned tag;	/* random part of this box's cgroup names */
};

struct box_limits {
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

struct box_cmd {
	const char *const *argv;
	const char *const *envp;
	bool writable;		/* /box writable (compile) or read-only (tests) */
	const char *stdin_data;
	size_t stdin_len;
	struct box_limits lim;
};

enum box_status {
	BOX_EXITED,		/* exited by itself, see exit_code */
	BOX_SIGNALED,		/* killed by a signal it did not get from us */
	BOX_CPU_LIMIT,		/* we stopped it: CPU time */
	BOX_WALL_LIMIT,		/* we stopped it: wall time */
	BOX_OUTPUT_LIMIT,	/* we stopped it: too much output */
};

struct box_outcome {
	enum box_status status;
	int exit_code;
	int signal;
	bool oom;
	uint64_t cpu_us;
	uint64_t wall_us;
	uint64_t mem_peak;	/* cgroup peak, bytes */
	uint64_t maxrss;	/* largest resident set of the program tree, bytes */
	struct strbuf out;
	struct strbuf err;
};

int box_global_init(const struct sbx_config *cfg, char *err, size_t errlen);
int box_open(struct box *b, unsigned work_mb, char *err, size_t errlen);
/* Create a new file in the box's working directory (never follows a link). */
int box_write_file(struct box *b, const char *name, const char *data, size_t len, char *err,
		   size_t errlen);
void box_outcome_init(struct box_outcome *o);
void box_outcome_release(struct box_outcome *o);
/* Run one command in a fresh process tree inside the box. Returns -1 only
 * when the sandbox itself failed (err says why); the program's own failures
 * are in the outcome. */
int box_run(struct box *b, const struct box_cmd *cmd, struct box_outcome *o, char *err,
	    size_t errlen);
void box_close(struct box *b);

/* judge.c helpers exposed for unit tests */

/* Compare outputs under the rules of SPEC section 3. */
bool judge_output_matches(const char *got, size_t gotlen, const char *want, size_t wantlen);
/* Find the name of the public class in Java source; falls back to "Main". */
void judge_java_class(const char *src, size_t len, char *out, size_t outlen);

#endif
