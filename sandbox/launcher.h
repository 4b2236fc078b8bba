/*
 * launcher.h - private interfaces of bin/ce-box, the privileged launcher, grouped by file
 *
 * Only the files declared here (launcher.c, box.c, cg.c, rules.c, and
 * common/util.c) run as root, with the seccomp filter rules_gen built.
 * What they trust: the kernel, the launcher binary itself, and the host's
 * /usr and the few /etc entries bound into a box (all root-owned).  What
 * they do not trust: the caller (the service user) and everything it sends
 * (each request field is checked against the ranges of proto.h, file
 * contents arrive only as sealed memfds and are copied, never opened by
 * name) and the boxed program, whose files are never followed, read or
 * parsed.  No environment variable, argument or file of the caller's
 * choosing steers the launcher.  It parses no JSON.
 */
#ifndef CE_LAUNCHER_H
#define CE_LAUNCHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "proto.h"
#include "util.h"

/* root's own directory for boxes, fixed at build time (box.c makes it and checks its owner) */
#define RUN_DIR		"/run/coding-engine"

/* cg.c - one control group per run (cgroup v1 or v2, detected) */

struct cg_run {
	char dir[3][256];	/* controller dirs in use (v2: only [0]) */
	int ndirs;
	int procs_fd[3];	/* cgroup.procs, kept open for the child to join */
	int cpu_fd;		/* cpuacct.usage (v1) or cpu.stat (v2) */
};

/* Detect the hierarchy and prepare the parent group (once); -1 with err when no box could be limited. */
int cg_init(char *err, size_t errlen);
/* Human-readable description of the detected hierarchy, e.g. "v1 memory+pids+cpuacct". */
const char *cg_describe(void);
/* No group: no directory, no file open (what cg_destroy() and cg_forget() may be given). */
void cg_clear(struct cg_run *cg);
/* A new group, not limited yet (no process of a box is in it before cg_limit). */
int cg_create(struct cg_run *cg, const char *name, char *err, size_t errlen);
/* Its memory (swap none) and process limits; once per run, after cg_create() or cg_reuse(). */
int cg_limit(const struct cg_run *cg, uint64_t mem_bytes, unsigned pids, char *err, size_t errlen);
/* Remove the empty groups whose names start with prefix (left by a launcher that died). */
void cg_sweep(const char *prefix);
/* Called in the child: move the calling process into the group. Async-signal-safe. */
int cg_join(const struct cg_run *cg);
/* CPU time used so far, in nanoseconds, summed over every thread that ran in the group. */
int cg_cpu_ns(const struct cg_run *cg, uint64_t *ns);
/* Peak memory (bytes) and whether the kernel's OOM killer acted in the group. */
int cg_mem_stats(const struct cg_run *cg, uint64_t *peak, bool *oom);
/* Close the files and remove the group; the group must have no live process. */
void cg_destroy(struct cg_run *cg);
/* Close the files and leave the group to whoever made it (a fork of its maker). */
void cg_forget(struct cg_run *cg);
/*
 * An emptied group made ready for the next run of the same launcher, as if
 * new; -1 when it cannot be (then it is destroyed and a new one made).
 */
int cg_reuse(struct cg_run *cg);
/* What a group may still have charged and be reused: the kernel's per-CPU charge batches */
#define CG_REUSE_MAX (1u << 20)

/* rules.c - the seccomp filter */

/* Check that the kernel can load the filter built at build time; -1 with err when not. */
int rules_init(char *err, size_t errlen);
/* Install the prepared filter on the calling thread. Async-signal-safe. */
int rules_apply(void);

/* box.c - building a box and running one process tree in it */

/*
 * The next run's init, made while the current run goes (box.c): in its own
 * fresh namespaces and cgroup already, it waits for the command on go.
 */
struct box_spare {
	long pid;	/* 0: none */
	int pidfd;
	int status_r;	/* its report (struct report in box.c) */
	int go;		/* the command and its fds go to it here */
	pid_t owner;	/* the launcher that made it; a fork of that one leaves it alone */
	struct cg_run cg;
};

struct box {
	int slot;
	uid_t uid;
	int lock_fd;
	int mnt_fd;	/* the box's mount namespace, with its minimal root */
	int dir_fd;	/* the box's working directory, /box inside */
	int net_fd;	/* the network namespace of this launcher's runs */
	unsigned runs;
	unsigned tag;	/* random part of this box's cgroup names */
	unsigned twin;	/* 0: the launcher that built the box; n: its n-th twin (proto.h's fork) */
	struct box_spare spare;
	struct box_spare spent;	/* the last run's init, maybe still ending, and its group (box_run) */
	/* a spent run's group of this launcher's, kept for a spare (cg_reuse); ndirs 0: none */
	struct cg_run idle;
};

struct box_limits {
	uint64_t cpu_ms;
	uint64_t wall_ms;
	uint64_t mem_bytes;
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
	int fd[3 + PROTO_MAX_EXTRA_FDS];	/* the program's stdin, stdout, stderr, then fds 3... */
	int nfd;
	struct box_limits lim;
};

struct box_outcome {
	enum proto_status status;
	int exit_code;
	int signal;
	bool oom;
	uint64_t cpu_us;
	uint64_t wall_us;
	uint64_t mem_peak;	/* cgroup peak, bytes */
	uint64_t maxrss;	/* largest resident set of the program tree, bytes */
	uint64_t box_bytes;	/* what the files in /box take after the run */
};

/* Prepare the run directory. */
int box_global_init(char *err, size_t errlen);
/* Empty the capability bounding set: the launcher, once, as it starts. */
int box_drop_bounding_set(void);
/* Can this kernel make each namespace a box needs?  err names the first it cannot. */
int box_probe(char *err, size_t errlen);
int box_open(struct box *b, unsigned work_mb, char *err, size_t errlen);
/*
 * Copy the first len bytes of fd into a new file of this mode in the box's
 * working directory (never follows a link); name is already checked by the launcher.
 */
int box_copy_file(struct box *b, const char *name, int fd, size_t len, mode_t mode, char *err,
		  size_t errlen);
/* What the files in the box's working directory take, in bytes of its tmpfs. */
uint64_t box_bytes(const struct box *b);
/*
 * Run one command in a fresh process tree inside the box.  ctl is the
 * caller's socket: a message or its end stops the run (the message is left
 * unread).  Returns -1 only when the sandbox itself failed (err says why).
 */
int box_run(struct box *b, const struct box_cmd *cmd, int ctl, struct box_outcome *o, char *err,
	    size_t errlen);
void box_close(struct box *b);
/*
 * In a twin (the launcher's n-th fork, serving another socket): its own uid
 * (60000 + slot + 64 n, named in the box's passwd), cgroup names and
 * network namespace, so that runs side by side share no per-user limit, no
 * group and no socket name.  -1 when it cannot have its own namespace.
 */
int box_become_twin(struct box *b, unsigned twin);
/*
 * Have the next run's init made now, unless this launcher has one (box_open
 * does; a fork of the launcher that will run commands calls it first thing,
 * so that its first run does not wait for a cgroup join).
 */
void box_prepare(struct box *b);
/* Every signal back to its default action, none blocked. */
void box_reset_signals(void);

#endif
