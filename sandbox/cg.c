/* cg.c - a control group per run: memory (swap off), pids and CPU accounting */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include "launcher.h"

#define CG_PARENT "coding-engine"
/* where the hierarchy that keeps moves cheap is mounted (cg_favor_moves) */
#define CG_FAVOR_DIR RUN_DIR "/cgroup"

enum { CG_MEM, CG_PIDS, CG_CPU };

static struct {
	int version;		/* 1 or 2; 0 before cg_init() */
	char root[3][256];	/* v1: one mount per controller; v2: root[0] */
	bool memsw;		/* v1: memory.memsw.* present */
	char desc[96];
} cg;

/*
 * Find the cgroup hierarchies in /proc/self/mountinfo, whose lines read
 * "id parent maj:min root mountpoint opts [optional...] - fstype source superopts",
 * and whether one of them is mounted with "favordynmods".
 */
static void cg_scan_mounts(char v1[3][256], char *v2, size_t v2len, bool *favored)
{
	static const char *const want[3] = { "memory", "pids", "cpuacct" };
	char line[4096], mnt[256], type[16], opts[1024], *tok, *save, *tail;
	FILE *f = fopen("/proc/self/mountinfo", "re");
	bool is_v1;
	int i;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		tail = strstr(line, " - ");
		if (!tail || sscanf(line, "%*s %*s %*s %*s %255s", mnt) != 1 ||
		    sscanf(tail, " - %15s %*s %1023s", type, opts) != 2)
			continue;
		if (!strcmp(type, "cgroup2") && !*v2)
			snprintf(v2, v2len, "%s", mnt);
		is_v1 = !strcmp(type, "cgroup");
		if (!is_v1 && strcmp(type, "cgroup2"))
			continue;
		for (tok = strtok_r(opts, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			if (!strcmp(tok, "favordynmods"))
				*favored = true;
			for (i = 0; i < 3 && is_v1; i++)
				if (!strcmp(tok, want[i]) && !v1[i][0])
					snprintf(v1[i], 256, "%s", mnt);
		}
	}
	fclose(f);
}

static int cg_write(const char *dir, const char *knob, const char *text)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, knob);
	return write_file(path, text);
}

static int cg_set(const char *dir, const char *knob, uint64_t v)
{
	char num[32];

	snprintf(num, sizeof(num), "%" PRIu64, v);
	return cg_write(dir, knob, num);
}

static int cg_open(const char *dir, const char *knob, int flags)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, knob);
	return open(path, flags | O_CLOEXEC);
}

/* The number after "key " in an open knob's text, or (key NULL) the number it starts with. */
static int cg_read_fd(int fd, const char *key, uint64_t *v)
{
	char buf[2048], *p = buf;
	size_t klen = key ? strlen(key) : 0;

	if (fd < 0 || read_small(fd, buf, sizeof(buf)) < 0)
		return -1;
	for (; key && p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, key, klen) && p[klen] == ' ')
			break;
	if (!p)
		return -1;
	*v = strtoull(p + klen, NULL, 10);
	return 0;
}

static int cg_read(const char *dir, const char *knob, const char *key, uint64_t *v)
{
	int fd = cg_open(dir, knob, O_RDONLY), r = cg_read_fd(fd, key, v);

	if (fd >= 0)
		close(fd);
	return r;
}

/* All boxes together may use at most 3/4 of the machine, whatever each one asked for. */
static uint64_t total_cap(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	uint64_t total = pages > 0 && psz > 0 ? (uint64_t)pages * (uint64_t)psz : 4ull << 30;

	return total / 4 * 3;
}

static int cg_init_v2(const char *root, char *err, size_t errlen)
{
	char parent[300];

	snprintf(parent, sizeof(parent), "%s/" CG_PARENT, root);
	if (cg_write(root, "cgroup.subtree_control", "+memory +pids") < 0 ||
	    (mkdir(parent, 0755) < 0 && errno != EEXIST) ||
	    cg_write(parent, "cgroup.subtree_control", "+memory +pids") < 0 ||
	    cg_set(parent, "memory.max", total_cap()) < 0)
		return fail_errno(err, errlen, "cgroup v2: cannot set up %s", parent);
	snprintf(cg.root[0], sizeof(cg.root[0]), "%s", root);
	cg.version = 2;
	snprintf(cg.desc, sizeof(cg.desc), "v2 memory+pids+cpu.stat");
	return 0;
}

static int cg_init_v1(char v1[3][256], char *err, size_t errlen)
{
	static const char *const names[3] = { "memory", "pids", "cpuacct" };
	char path[512];
	struct sysinfo si;
	int i;

	for (i = 0; i < 3; i++) {
		if (!v1[i][0])
			return fail(err, errlen,
				    "cgroup: the '%s' controller is not mounted (neither v1 nor v2 "
				    "offers memory, pids and CPU accounting); refusing to run",
				    names[i]);
		snprintf(path, sizeof(path), "%s/" CG_PARENT, v1[i]);
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			return fail_errno(err, errlen, "cgroup v1: cannot create %s", path);
		snprintf(cg.root[i], sizeof(cg.root[i]), "%s", v1[i]);
	}
	snprintf(path, sizeof(path), "%s/memory.memsw.limit_in_bytes", v1[CG_MEM]);
	cg.memsw = access(path, F_OK) == 0;
	if (!cg.memsw && (sysinfo(&si) < 0 || si.totalswap > 0))
		return fail(err, errlen,
			    "cgroup v1: swap is active but memory.memsw is missing (boot with "
			    "swapaccount=1 or turn swap off); refusing to run");
	snprintf(path, sizeof(path), "%s/" CG_PARENT, v1[CG_MEM]);
	if (cg_set(path, "memory.limit_in_bytes", total_cap()) < 0)
		return fail_errno(err, errlen, "cgroup v1: cannot cap %s", path);
	cg.version = 1;
	snprintf(cg.desc, sizeof(cg.desc), "v1 memory%s+pids+cpuacct", cg.memsw ? "(+memsw)" : "");
	return 0;
}

/*
 * Every run joins a group of its own, and a join (a write to cgroup.procs)
 * takes the kernel's cgroup threadgroup lock for writing.  By default that
 * lock lets forks and exits read it for free, and a writer first waits out
 * an RCU grace period whenever the lock has been quiet for one: 5 to 21 ms
 * a join here, in the middle of a submission, and every mkdir of a group
 * waits behind it.  The mount option "favordynmods" (Linux 6.0) keeps the
 * lock in the mode made for frequent moves, machine-wide, for as long as a
 * hierarchy with it is mounted; forks and exits pay a little more instead.
 * One named hierarchy with no controllers carries it, read-only, in root's
 * own directory, and stays for the launchers after this one.  Best effort:
 * on a kernel without the option, joins are only slower.
 */
static void cg_favor_moves(void)
{
	struct stat st;

	/*
	 * Made and checked here, not with box_global_init()'s directories: once
	 * mounted, the path shows the hierarchy's own root (0555), not this one.
	 */
	if (mkdir(CG_FAVOR_DIR, 0700) < 0 && errno != EEXIST)
		return;
	if (lstat(CG_FAVOR_DIR, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0 ||
	    (st.st_mode & 077))
		return;
	mount("cgroup", CG_FAVOR_DIR, "cgroup", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
	      "none,name=" CG_PARENT ",favordynmods");
}

int cg_init(char *err, size_t errlen)
{
	char v1[3][256] = { "", "", "" }, v2[256] = "", ctrl[512] = " ";
	bool favored = false;
	int fd;

	if (cg.version)
		return 0;
	cg_scan_mounts(v1, v2, sizeof(v2), &favored);
	if (!favored)
		cg_favor_moves();
	/* prefer v2 when it offers memory and pids; many hosts mount both */
	fd = v2[0] ? cg_open(v2, "cgroup.controllers", O_RDONLY) : -1;
	if (fd >= 0) {
		read_small(fd, ctrl + 1, sizeof(ctrl) - 2);
		close(fd);
		/* " memory pids ... ": each name between spaces */
		ctrl[strcspn(ctrl, "\n")] = ' ';
		if (strstr(ctrl, " memory ") && strstr(ctrl, " pids "))
			return cg_init_v2(v2, err, errlen);
	}
	return cg_init_v1(v1, err, errlen);
}

const char *cg_describe(void)
{
	return cg.desc;
}

void cg_clear(struct cg_run *run)
{
	memset(run, 0, sizeof(*run));
	for (int i = 0; i < 3; i++)
		run->procs_fd[i] = -1;
	run->cpu_fd = -1;
}

int cg_create(struct cg_run *run, const char *name, char *err, size_t errlen)
{
	int i;

	cg_clear(run);
	if (!cg.version)
		return fail(err, errlen, "cgroup: not initialised");

	if (cg.version == 2) {
		run->ndirs = 1;
		snprintf(run->dir[0], sizeof(run->dir[0]), "%s/" CG_PARENT "/%s", cg.root[0], name);
		if (mkdir(run->dir[0], 0700) < 0)
			return fail_errno(err, errlen, "cgroup: mkdir %s", run->dir[0]);
		if (cg_set(run->dir[0], "memory.swap.max", 0) < 0)
			goto fail;
		run->procs_fd[0] = cg_open(run->dir[0], "cgroup.procs", O_WRONLY);
		run->cpu_fd = cg_open(run->dir[0], "cpu.stat", O_RDONLY);
		if (run->procs_fd[0] < 0 || run->cpu_fd < 0)
			goto fail;
		return 0;
	}

	for (i = 0; i < 3; i++) {
		snprintf(run->dir[i], sizeof(run->dir[i]), "%s/" CG_PARENT "/%s", cg.root[i], name);
		if (mkdir(run->dir[i], 0700) < 0)
			goto fail;
		run->ndirs = i + 1;
		run->procs_fd[i] = cg_open(run->dir[i], "cgroup.procs", O_WRONLY);
		if (run->procs_fd[i] < 0)
			goto fail;
	}
	run->cpu_fd = cg_open(run->dir[CG_CPU], "cpuacct.usage", O_RDONLY);
	if (run->cpu_fd < 0)
		goto fail;
	return 0;
fail:
	fail_errno(err, errlen, "cgroup: cannot set up %s", name);
	cg_destroy(run);
	return -1;
}

int cg_limit(const struct cg_run *run, uint64_t mem_bytes, unsigned pids, char *err, size_t errlen)
{
	if (cg.version == 2) {
		if (cg_set(run->dir[0], "memory.max", mem_bytes) < 0 ||
		    cg_set(run->dir[0], "pids.max", pids) < 0)
			return fail_errno(err, errlen, "cgroup: cannot limit %s", run->dir[0]);
		return 0;
	}
	/*
	 * memory+swap is still unlimited (a new group, or one cg_reuse() made
	 * ready), so memory can go first; then memory+swap equal to memory: the
	 * box can never swap
	 */
	if (cg_set(run->dir[CG_MEM], "memory.limit_in_bytes", mem_bytes) < 0 ||
	    (cg.memsw && cg_set(run->dir[CG_MEM], "memory.memsw.limit_in_bytes", mem_bytes) < 0) ||
	    cg_set(run->dir[CG_PIDS], "pids.max", pids) < 0)
		return fail_errno(err, errlen, "cgroup: cannot limit %s", run->dir[CG_MEM]);
	return 0;
}

void cg_sweep(const char *prefix)
{
	char path[512];
	struct dirent *e;
	size_t plen = strlen(prefix);
	int i, n = cg.version == 2 ? 1 : 3;
	DIR *d;

	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/" CG_PARENT, cg.root[i]);
		d = opendir(path);
		if (!d)
			continue;
		while ((e = readdir(d))) {
			if (strncmp(e->d_name, prefix, plen))
				continue;
			snprintf(path, sizeof(path), "%s/" CG_PARENT "/%s", cg.root[i], e->d_name);
			rmdir(path);
		}
		closedir(d);
	}
}

int cg_join(const struct cg_run *run)
{
	int i;

	/* "0" names the writing process itself, whatever pid namespace it is in */
	for (i = 0; i < 3; i++)
		if (run->procs_fd[i] >= 0 && write(run->procs_fd[i], "0", 1) != 1)
			return -1;
	return 0;
}

int cg_cpu_ns(const struct cg_run *run, uint64_t *ns)
{
	if (cg.version == 1)
		return cg_read_fd(run->cpu_fd, NULL, ns);
	if (cg_read_fd(run->cpu_fd, "usage_usec", ns) < 0)
		return -1;
	*ns *= 1000u;
	return 0;
}

int cg_mem_stats(const struct cg_run *run, uint64_t *peak, bool *oom)
{
	const bool v2 = cg.version == 2;
	uint64_t kills = 0;

	/* the memory group is dir[0] in both versions */
	*peak = 0;
	cg_read(run->dir[CG_MEM], v2 ? "memory.peak" : "memory.max_usage_in_bytes", NULL, peak);
	cg_read(run->dir[CG_MEM], v2 ? "memory.events" : "memory.oom_control", "oom_kill", &kills);
	*oom = kills > 0;
	return 0;
}

/*
 * A group whose run is over, made ready for another instead of removed and
 * made anew (three directories of some thirty files, and the kernel's work
 * after each rmdir, cost a run about a quarter of a ms of CPU).  Only when
 * nothing of the last run can reach the next: no process is left in it,
 * the OOM killer never acted in it (its count cannot be reset), and what
 * it still has charged is below CG_REUSE_MAX, which the kernel reclaims
 * before it would fail a charge of the next run's.  The peak and the CPU
 * time start again from there; memory+swap is unlimited again, so that
 * cg_limit() can set either limit first.  cgroup v1 only: v2's
 * memory.peak cannot be reset before Linux 6.12.
 */
int cg_reuse(struct cg_run *run)
{
	uint64_t kills = 1, pids = 1, usage = UINT64_MAX;

	if (cg.version != 1 || run->ndirs != 3 ||
	    cg_read(run->dir[CG_MEM], "memory.oom_control", "oom_kill", &kills) < 0 || kills ||
	    cg_read(run->dir[CG_PIDS], "pids.current", NULL, &pids) < 0 || pids ||
	    cg_read(run->dir[CG_MEM], "memory.usage_in_bytes", NULL, &usage) < 0 ||
	    usage > CG_REUSE_MAX)
		return -1;
	if ((cg.memsw && cg_write(run->dir[CG_MEM], "memory.memsw.limit_in_bytes", "-1") < 0) ||
	    cg_write(run->dir[CG_MEM], "memory.max_usage_in_bytes", "0") < 0 ||
	    cg_write(run->dir[CG_CPU], "cpuacct.usage", "0") < 0)
		return -1;
	return 0;
}

void cg_forget(struct cg_run *run)
{
	int i;

	for (i = 0; i < 3; i++) {
		if (run->procs_fd[i] >= 0)
			close(run->procs_fd[i]);
		run->procs_fd[i] = -1;
	}
	if (run->cpu_fd >= 0)
		close(run->cpu_fd);
	run->cpu_fd = -1;
}

void cg_destroy(struct cg_run *run)
{
	struct timespec ts = { 0, 200000 };
	int i, tries;

	cg_forget(run);
	for (i = 0; i < run->ndirs; i++) {
		/* the last task may still be leaving the group for a moment */
		for (tries = 0; rmdir(run->dir[i]) < 0 && errno == EBUSY && tries < 500; tries++)
			nanosleep(&ts, NULL);
	}
	run->ndirs = 0;
}
