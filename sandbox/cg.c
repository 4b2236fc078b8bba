/* cg.c - a control group per run: memory (swap off), pids and CPU accounting */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "launcher.h"

#define CG_PARENT "coding-engine"

enum { CG_MEM, CG_PIDS, CG_CPU };

static struct {
	int version;		/* 1 or 2; 0 before cg_init() */
	char root[3][256];	/* v1: one mount per controller; v2: root[0] */
	bool memsw;		/* v1: memory.memsw.* present */
	char desc[96];
} cg;

/* Find the mount points of the cgroup hierarchies in /proc/self/mountinfo. */
static void cg_scan_mounts(char v1[3][256], char *v2, size_t v2len)
{
	static const char *const want[3] = { "memory", "pids", "cpuacct" };
	char line[4096], *fields[11], *save, *opts, *tok, *p;
	FILE *f;
	int i, n;

	f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		/* id parent maj:min root mountpoint opts [optional...] - fstype source superopts */
		n = 0;
		for (p = strtok_r(line, " \n", &save); p && n < 11; p = strtok_r(NULL, " \n", &save)) {
			if (!strcmp(p, "-")) {
				fields[5] = strtok_r(NULL, " \n", &save); /* fstype */
				fields[6] = strtok_r(NULL, " \n", &save); /* source */
				fields[7] = strtok_r(NULL, " \n", &save); /* super options */
				n = 8;
				break;
			}
			if (n < 5)
				fields[n] = p;
			n++;
		}
		if (n != 8 || !fields[5] || !fields[7])
			continue;
		if (!strcmp(fields[5], "cgroup2")) {
			if (!*v2)
				snprintf(v2, v2len, "%s", fields[4]);
			continue;
		}
		if (strcmp(fields[5], "cgroup"))
			continue;
		opts = fields[7];
		for (tok = strtok_r(opts, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			for (i = 0; i < 3; i++)
				if (!strcmp(tok, want[i]) && !v1[i][0])
					snprintf(v1[i], 256, "%s", fields[4]);
	}
	fclose(f);
}

static bool swap_active(void)
{
	char line[256];
	bool any = false;
	FILE *f = fopen("/proc/swaps", "re");

	if (!f)
		return false;
	/* the first line is a header; any further line is an active swap area */
	if (fgets(line, sizeof(line), f) && fgets(line, sizeof(line), f))
		any = true;
	fclose(f);
	return any;
}

/* Three quarters of physical memory, as text for a cgroup knob. */
static const char *total_cap(void)
{
	static char buf[32];
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	uint64_t total = pages > 0 && psz > 0 ? (uint64_t)pages * (uint64_t)psz : 4ull << 30;

	snprintf(buf, sizeof(buf), "%" PRIu64, total / 4 * 3);
	return buf;
}

static bool v2_has(const char *root, const char *ctrl)
{
	char path[512], buf[512], *tok, *save;
	int fd;
	bool found = false;

	snprintf(path, sizeof(path), "%s/cgroup.controllers", root);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	if (read_small(fd, buf, sizeof(buf)) > 0)
		for (tok = strtok_r(buf, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save))
			if (!strcmp(tok, ctrl))
				found = true;
	close(fd);
	return found;
}

static int cg_init_v2(const char *root, char *err, size_t errlen)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/cgroup.subtree_control", root);
	if (write_file(path, "+memory +pids") < 0)
		return fail_errno(err, errlen, "cgroup v2: cannot enable memory and pids in %s", path);
	snprintf(path, sizeof(path), "%s/" CG_PARENT, root);
	if (mkdir(path, 0755) < 0 && errno != EEXIST)
		return fail_errno(err, errlen, "cgroup v2: cannot create %s", path);
	snprintf(path, sizeof(path), "%s/" CG_PARENT "/cgroup.subtree_control", root);
	if (write_file(path, "+memory +pids") < 0)
		return fail_errno(err, errlen, "cgroup v2: cannot enable controllers in %s", path);
	snprintf(path, sizeof(path), "%s/" CG_PARENT "/memory.max", root);
	if (write_file(path, total_cap()) < 0)
		return fail_errno(err, errlen, "cgroup v2: cannot cap %s", path);
	snprintf(cg.root[0], sizeof(cg.root[0]), "%s", root);
	cg.version = 2;
	snprintf(cg.desc, sizeof(cg.desc), "v2 memory+pids+cpu.stat");
	return 0;
}

static int cg_init_v1(char v1[3][256], char *err, size_t errlen)
{
	static const char *const names[3] = { "memory", "pids", "cpuacct" };
	char path[512];
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
	if (!cg.memsw && swap_active())
		return fail(err, errlen,
			    "cgroup v1: swap is active but memory.memsw is missing (boot with "
			    "swapaccount=1 or turn swap off); refusing to run");
	/* all boxes together may use at most 3/4 of the machine, whatever each one asked for */
	snprintf(path, sizeof(path), "%s/" CG_PARENT "/memory.limit_in_bytes", v1[CG_MEM]);
	if (write_file(path, total_cap()) < 0)
		return fail_errno(err, errlen, "cgroup v1: cannot cap %s", path);
	cg.version = 1;
	snprintf(cg.desc, sizeof(cg.desc), "v1 memory%s+pids+cpuacct", cg.memsw ? "(+memsw)" : "");
	return 0;
}

int cg_init(char *err, size_t errlen)
{
	char v1[3][256] = { "", "", "" }, v2[256] = "";

	if (cg.version)
		return 0;
	cg_scan_mounts(v1, v2, sizeof(v2));
	/* prefer v2 when it can do the job; many hosts mount both */
	if (v2[0] && v2_has(v2, "memory") && v2_has(v2, "pids"))
		return cg_init_v2(v2, err, errlen);
	return cg_init_v1(v1, err, errlen);
}

const char *cg_describe(void)
{
	return cg.desc;
}

static int cg_mkdir(const char *path)
{
	if (mkdir(path, 0700) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	/* left behind by a run that died; it holds no process, so it can go */
	if (rmdir(path) < 0)
		return -1;
	return mkdir(path, 0700);
}

static int cg_set(const char *dir, const char *knob, uint64_t v)
{
	char path[512], num[32];

	snprintf(path, sizeof(path), "%s/%s", dir, knob);
	snprintf(num, sizeof(num), "%" PRIu64, v);
	return write_file(path, num);
}

static int cg_open(const char *dir, const char *knob, int flags)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, knob);
	return open(path, flags | O_CLOEXEC);
}

int cg_create(struct cg_run *run, const char *name, uint64_t mem_bytes, unsigned pids, char *err,
	      size_t errlen)
{
	int i;

	memset(run, 0, sizeof(*run));
	for (i = 0; i < 3; i++)
		run->procs_fd[i] = -1;
	run->cpu_fd = -1;
	if (!cg.version)
		return fail(err, errlen, "cgroup: not initialised");

	if (cg.version == 2) {
		run->ndirs = 1;
		snprintf(run->dir[0], sizeof(run->dir[0]), "%s/" CG_PARENT "/%s", cg.root[0], name);
		if (cg_mkdir(run->dir[0]) < 0)
			return fail_errno(err, errlen, "cgroup: mkdir %s", run->dir[0]);
		if (cg_set(run->dir[0], "memory.max", mem_bytes) < 0 ||
		    cg_set(run->dir[0], "memory.swap.max", 0) < 0 ||
		    cg_set(run->dir[0], "pids.max", pids) < 0)
			goto fail;
		run->procs_fd[0] = cg_open(run->dir[0], "cgroup.procs", O_WRONLY);
		run->cpu_fd = cg_open(run->dir[0], "cpu.stat", O_RDONLY);
		if (run->procs_fd[0] < 0 || run->cpu_fd < 0)
			goto fail;
		return 0;
	}

	for (i = 0; i < 3; i++) {
		snprintf(run->dir[i], sizeof(run->dir[i]), "%s/" CG_PARENT "/%s", cg.root[i], name);
		if (cg_mkdir(run->dir[i]) < 0)
			goto fail;
		run->ndirs = i + 1;
		run->procs_fd[i] = cg_open(run->dir[i], "cgroup.procs", O_WRONLY);
		if (run->procs_fd[i] < 0)
			goto fail;
	}
	if (cg_set(run->dir[CG_MEM], "memory.limit_in_bytes", mem_bytes) < 0)
		goto fail;
	/* memory+swap equal to memory: the box can never swap */
	if (cg.memsw && cg_set(run->dir[CG_MEM], "memory.memsw.limit_in_bytes", mem_bytes) < 0)
		goto fail;
	if (cg_set(run->dir[CG_PIDS], "pids.max", pids) < 0)
		goto fail;
	run->cpu_fd = cg_open(run->dir[CG_CPU], "cpuacct.usage", O_RDONLY);
	if (run->cpu_fd < 0)
		goto fail;
	return 0;
fail:
	fail_errno(err, errlen, "cgroup: cannot set up %s", name);
	cg_destroy(run);
	return -1;
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

static int cg_read_key(const char *dir, const char *file, const char *key, uint64_t *v)
{
	char buf[2048], *p;
	size_t klen = strlen(key);
	int fd = cg_open(dir, file, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read_small(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0)
		return -1;
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (!strncmp(p, key, klen) && p[klen] == ' ') {
			*v = strtoull(p + klen + 1, NULL, 10);
			return 0;
		}
	}
	return -1;
}

int cg_cpu_ns(const struct cg_run *run, uint64_t *ns)
{
	char buf[1024], *p;

	if (run->cpu_fd < 0 || read_small(run->cpu_fd, buf, sizeof(buf)) < 0)
		return -1;
	if (cg.version == 1) {
		*ns = strtoull(buf, NULL, 10);
		return 0;
	}
	p = strstr(buf, "usage_usec ");
	if (!p)
		return -1;
	*ns = strtoull(p + 11, NULL, 10) * 1000u;
	return 0;
}

int cg_mem_stats(const struct cg_run *run, uint64_t *peak, bool *oom)
{
	uint64_t kills = 0;
	char buf[64];
	int fd;

	*peak = 0;
	*oom = false;
	if (cg.version == 2) {
		fd = cg_open(run->dir[0], "memory.peak", O_RDONLY);
		if (fd >= 0) {
			if (read_small(fd, buf, sizeof(buf)) > 0)
				*peak = strtoull(buf, NULL, 10);
			close(fd);
		}
		if (cg_read_key(run->dir[0], "memory.events", "oom_kill", &kills) == 0)
			*oom = kills > 0;
		return 0;
	}
	fd = cg_open(run->dir[CG_MEM], "memory.max_usage_in_bytes", O_RDONLY);
	if (fd >= 0) {
		if (read_small(fd, buf, sizeof(buf)) > 0)
			*peak = strtoull(buf, NULL, 10);
		close(fd);
	}
	if (cg_read_key(run->dir[CG_MEM], "memory.oom_control", "oom_kill", &kills) == 0)
		*oom = kills > 0;
	return 0;
}

void cg_destroy(struct cg_run *run)
{
	struct timespec ts = { 0, 200000 };
	int i, tries;

	for (i = 0; i < 3; i++) {
		if (run->procs_fd[i] >= 0)
			close(run->procs_fd[i]);
		run->procs_fd[i] = -1;
	}
	if (run->cpu_fd >= 0)
		close(run->cpu_fd);
	run->cpu_fd = -1;
	for (i = 0; i < run->ndirs; i++) {
		/* the last task may still be leaving the group for a moment */
		for (tries = 0; rmdir(run->dir[i]) < 0 && errno == EBUSY && tries < 500; tries++)
			nanosleep(&ts, NULL);
	}
	run->ndirs = 0;
}
