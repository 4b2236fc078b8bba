/*
 * test_hostile.c - hostile submissions against the sandbox (SPEC section 4)
 *
 * Every test runs a real attack program through judge_execute() and asserts
 * both that the attack failed (its verdict and/or its own report) and that
 * the host is clean afterwards: no process of a box uid, no leftover cgroup,
 * and whatever host artefact the attack aimed at unchanged.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <json-c/json.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"
#include "harness.h"

#define FIRST_BOX_UID 60000u
#define BOX_UIDS 64u
#define TWIN_UIDS (BOX_UIDS * 8u)	/* a box's twins run tests side by side as 60064 + ... */

/* ---- the programs' common prelude: C sources below are stringified bodies ---- */

#define HDR                                                                                      \
	"#define _GNU_SOURCE\n"                                                                  \
	"#include <dirent.h>\n#include <errno.h>\n#include <fcntl.h>\n#include <pthread.h>\n"    \
	"#include <sched.h>\n#include <signal.h>\n#include <stdint.h>\n#include <stdio.h>\n"      \
	"#include <stdlib.h>\n#include <string.h>\n#include <time.h>\n#include <unistd.h>\n"      \
	"#include <arpa/inet.h>\n#include <netinet/in.h>\n#include <sys/ipc.h>\n"               \
	"#include <sys/mman.h>\n#include <sys/mount.h>\n#include <sys/personality.h>\n"          \
	"#include <sys/shm.h>\n#include <sys/socket.h>\n#include <sys/stat.h>\n"                 \
	"#include <sys/syscall.h>\n#include <sys/types.h>\n#include <sys/uio.h>\n"               \
	"#include <sys/un.h>\n#include <sys/wait.h>\n#include <linux/perf_event.h>\n"            \
	"#include <linux/netlink.h>\n#include <stddef.h>\n#include <sys/time.h>\n"              \
	"#include <sys/resource.h>\n#include <sys/statvfs.h>\n#include <sys/prctl.h>\n"        \
	"#include <net/if.h>\n#include <sys/ioctl.h>\n"
/* The body is stringified: no preprocessor directives and no macros inside. */
#define CPROG(...) HDR #__VA_ARGS__ "\n"

/* ---- host-side state of the suite ---- */

static char g_tag[48];		/* ce-hostile-<pid>, unique names on the host */
static char g_secret[48];	/* content of the host secret files and the env variable */
static char g_secret_etc[128];	/* /etc/ce-secret-<pid> */
static char g_secret_root[128]; /* /root/ce-secret-<pid> */
static char g_shadow_line[256]; /* first line of the host's /etc/shadow, if any */
static bool g_ready;
static bool g_files_ok;		/* the secret files exist on the host */

static void remove_files(void)
{
	if (g_secret_etc[0])
		unlink(g_secret_etc);
	if (g_secret_root[0])
		unlink(g_secret_root);
}

static int write_host_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
	size_t len = strlen(text);

	if (fd < 0)
		return -1;
	if (write(fd, text, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	fchmod(fd, mode);
	return close(fd);
}

/* Read a small host file into buf (NUL-terminated); -1 when it cannot be read. */
static ssize_t read_host_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

static void setup_once(void)
{
	unsigned char rnd[8];
	char text[128];
	size_t i;
	FILE *f;

	if (g_ready)
		return;
	g_ready = true;
	snprintf(g_tag, sizeof(g_tag), "ce-hostile-%d", (int)getpid());
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		for (i = 0; i < sizeof(rnd); i++)
			rnd[i] = (unsigned char)(rand() ^ getpid());
	snprintf(g_secret, sizeof(g_secret), "CEsecret");
	for (i = 0; i < sizeof(rnd); i++)
		snprintf(g_secret + strlen(g_secret), sizeof(g_secret) - strlen(g_secret), "%02x",
			 rnd[i]);
	snprintf(g_secret_etc, sizeof(g_secret_etc), "/etc/ce-secret-%d", (int)getpid());
	snprintf(g_secret_root, sizeof(g_secret_root), "/root/ce-secret-%d", (int)getpid());
	/* a line a compiler would echo in its error message if it could read the file */
	snprintf(text, sizeof(text), "%s leaked here;\n", g_secret);
	g_files_ok = write_host_file(g_secret_etc, text, 0644) == 0 &&
		     write_host_file(g_secret_root, text, 0644) == 0;
	if (!g_files_ok)
		fprintf(stderr, "cannot create the host secret files: %s\n", strerror(errno));
	atexit(remove_files);
	f = fopen("/etc/shadow", "re");
	if (f) {
		if (fgets(g_shadow_line, sizeof(g_shadow_line), f))
			g_shadow_line[strcspn(g_shadow_line, "\n")] = '\0';
		fclose(f);
	}
	/* a line too short to be distinctive is no use as a needle */
	if (strlen(g_shadow_line) < 8)
		g_shadow_line[0] = '\0';
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- host checks ---- */

/* Processes on the host owned by `uid`. */
static int host_uid_processes(unsigned uid)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	struct stat st;
	char path[300];
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s", e->d_name);
		if (stat(path, &st) == 0 && st.st_uid == uid)
			n++;
	}
	closedir(d);
	return n;
}

/* What the host says about one process; false when it is gone. */
struct pinfo {
	pid_t ppid;
	unsigned uid;
	bool ns_init;		/* pid 1 of a nested pid namespace: a box's init */
	char ns[64];		/* its pid namespace, "pid:[inode]" */
};

static bool read_pinfo(pid_t pid, struct pinfo *pi)
{
	char path[64], line[256], *p, *last;
	FILE *f;
	ssize_t n;
	int fields;

	memset(pi, 0, sizeof(*pi));
	pi->ppid = -1;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "PPid:", 5))
			pi->ppid = (pid_t)strtol(line + 5, NULL, 10);
		else if (!strncmp(line, "Uid:", 4))
			pi->uid = (unsigned)strtoul(line + 4, NULL, 10);
		else if (!strncmp(line, "NSpid:", 6)) {
			fields = 0;
			last = NULL;
			for (p = strtok(line + 6, " \t\n"); p; p = strtok(NULL, " \t\n")) {
				fields++;
				last = p;
			}
			pi->ns_init = fields >= 2 && last && !strcmp(last, "1");
		}
	}
	fclose(f);
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)pid);
	n = readlink(path, pi->ns, sizeof(pi->ns) - 1);
	pi->ns[n > 0 ? n : 0] = '\0';
	return pi->ppid >= 0;
}

/* pid is this process or one of its descendants. */
static bool ours(pid_t pid)
{
	struct pinfo pi;
	int depth;

	for (depth = 0; pid > 1 && depth < 64; depth++) {
		if (pid == getpid())
			return true;
		if (!read_pinfo(pid, &pi))
			return false;
		pid = pi.ppid;
	}
	return false;
}

/*
 * Box processes that are not another suite's: a process of a box uid counts
 * unless the init of its pid namespace is alive and was started by some other
 * judge on this machine.  One whose namespace has no init any more (a leak, or
 * one still being torn down) counts.
 */
static int own_box_processes(void)
{
	DIR *d = opendir("/proc"), *d2;
	struct dirent *e, *e2;
	struct pinfo pi, ii;
	bool foreign;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		if (!read_pinfo((pid_t)atoi(e->d_name), &pi) || pi.uid < FIRST_BOX_UID ||
		    pi.uid >= FIRST_BOX_UID + TWIN_UIDS)
			continue;
		foreign = false;
		d2 = opendir("/proc");
		while (d2 && (e2 = readdir(d2))) {
			if (e2->d_name[0] < '0' || e2->d_name[0] > '9')
				continue;
			if (read_pinfo((pid_t)atoi(e2->d_name), &ii) && ii.ns_init && ii.uid == 0 &&
			    pi.ns[0] && !strcmp(ii.ns, pi.ns) && !ours(ii.ppid))
				foreign = true;
		}
		if (d2)
			closedir(d2);
		if (!foreign)
			n++;
	}
	closedir(d);
	return n;
}

static time_t started;

__attribute__((constructor)) static void note_start(void)
{
	started = time(NULL);
}

/* Does a live judge hold the box slot's lock (the launcher's flock, sandbox/box.c)? */
static bool slot_held_by_other(int slot)
{
	char path[64];
	bool held;
	int fd;

	snprintf(path, sizeof(path), "/run/coding-engine/slots/%d", slot);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	held = flock(fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK;
	close(fd);
	return held;
}

/*
 * Cgroups b<slot>-<tag>-<n> left behind by this process: those of a live
 * judge of another suite are told apart by the slot lock it holds, and
 * those made before this program started (a judge host killed with kill -9
 * leaves its box's groups until its slot is taken again) are not ours.
 */
static int own_leftover_cgroups(void)
{
	static const char *const roots[] = {
		"/sys/fs/cgroup/memory/coding-engine", "/sys/fs/cgroup/pids/coding-engine",
		"/sys/fs/cgroup/cpuacct/coding-engine", "/sys/fs/cgroup/coding-engine",
		"/sys/fs/cgroup/unified/coding-engine",
	};
	char path[512];
	struct dirent *e;
	struct stat st;
	size_t i;
	int n = 0, slot;
	DIR *d;

	for (i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		d = opendir(roots[i]);
		while (d && (e = readdir(d))) {
			if (e->d_type != DT_DIR || e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", roots[i], e->d_name);
			if (stat(path, &st) == 0 && st.st_mtime < started)
				continue; /* older than this suite */
			if (sscanf(e->d_name, "b%d-", &slot) == 1 && slot_held_by_other(slot))
				continue; /* a live judge that is not us */
			n++;
		}
		if (d)
			closedir(d);
	}
	return n;
}

/*
 * No box process and no leftover cgroup on the host: host_box_processes()
 * and host_leftover_cgroups() are 0.  Other suites may be judging on this
 * machine at the same time; when the global counts stay above 0, the boxes
 * and cgroups of other live judges are told apart and only ours must be 0.
 * The tests that know their box uid also check that uid at once.
 */
static bool host_clean(void)
{
	int procs = 0, cgs = 0, i;

	for (i = 0; i < 20; i++) {
		procs = host_box_processes();
		cgs = host_leftover_cgroups();
		if (procs == 0 && cgs == 0)
			return true;
		usleep(50000);
	}
	for (i = 0; i < 20; i++) {
		procs = own_box_processes();
		cgs = own_leftover_cgroups();
		if (procs == 0 && cgs == 0) {
			fprintf(stderr, "[other judges busy] ");
			return true;
		}
		usleep(100000);
	}
	fprintf(stderr, "\nhost not clean: %d box processes, %d leftover cgroups of ours\n", procs,
		cgs);
	return false;
}

#define ASSERT_HOST_CLEAN() CU_ASSERT_TRUE(host_clean())

/* ---- looking into a run ---- */

static const char *out0(const struct run *r)
{
	return r && r->res.ntests ? r->res.tests[0].output.buf : "";
}

static const char *outi(const struct run *r, size_t i)
{
	return r && r->res.ntests > i ? r->res.tests[i].output.buf : "";
}

/* The program ran to a normal end (exit 0): accepted or wrong_answer. */
static bool ran_ok(const struct run *r)
{
	bool ok = r && r->rc == SBX_OK && r->res.ntests > 0 && r->res.tests[0].exit_code == 0 &&
		  (r->res.tests[0].verdict == V_ACCEPTED ||
		   r->res.tests[0].verdict == V_WRONG_ANSWER);

	if (!ok)
		run_dump(r);
	return ok;
}

/* Does `needle` appear in any field of the response (the JSON and the raw buffers)? */
static bool response_contains(const struct run *r, const char *needle)
{
	struct json_object *j;
	const char *s;
	bool found = false;
	size_t i;

	if (!needle || !*needle)
		return false;
	j = judge_result_json(&r->req, &r->res);
	if (j) {
		s = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN);
		found = s && strstr(s, needle);
		json_object_put(j);
	}
	if (memmem(r->res.compile_output.buf, r->res.compile_output.len, needle, strlen(needle)))
		found = true;
	for (i = 0; i < r->res.ntests; i++) {
		const struct judge_test_result *t = &r->res.tests[i];

		if (memmem(t->output.buf, t->output.len, needle, strlen(needle)) ||
		    memmem(t->error.buf, t->error.len, needle, strlen(needle)))
			found = true;
	}
	if (found)
		fprintf(stderr, "\nLEAK: '%s' appears in the response\n", needle);
	return found;
}

/* The number after "key" at the start of a line of s; -1 when absent. */
static long long line_num(const char *s, const char *key)
{
	size_t klen = strlen(key);
	const char *p = s;

	while (p && *p) {
		if (!strncmp(p, key, klen))
			return strtoll(p + klen, NULL, 0);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

static bool has_line(const char *s, const char *line)
{
	size_t n = strlen(line);
	const char *p = s;

	while ((p = strstr(p, line))) {
		if ((p == s || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return true;
		p += n;
	}
	return false;
}

/* ---- host processes the attacks aim at ---- */

/* A sleeping host process named `name`, running as `uid` (0: stays root). */
static pid_t spawn_victim(const char *name, unsigned uid)
{
	int p[2];
	char c;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		prctl(PR_SET_NAME, name);
		if (uid && (setgroups(0, NULL) < 0 || setresgid(uid, uid, uid) < 0 ||
			    setresuid(uid, uid, uid) < 0))
			_exit(1);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		close(p[1]);
		for (;;)
			pause();
	}
	close(p[1]);
	if (pid > 0 && read(p[0], &c, 1) != 1) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	close(p[0]);
	return pid;
}

static bool victim_alive(pid_t pid)
{
	int st;

	return pid > 0 && waitpid(pid, &st, WNOHANG) == 0 && kill(pid, 0) == 0;
}

static void victim_end(pid_t pid)
{
	if (pid <= 0)
		return;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* ======================================================================= */
/* identity                                                                 */
/* ======================================================================= */

static const char prog_identity[] = CPROG(
int main(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");
	int r, e;

	if (!f) {
		printf("nostatus %d\n", errno);
		return 1;
	}
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "Uid:", 4) || !strncmp(line, "Gid:", 4) ||
		    !strncmp(line, "Groups:", 7) || !strncmp(line, "Cap", 3) ||
		    !strncmp(line, "NoNewPrivs:", 11) || !strncmp(line, "Seccomp:", 8))
			fputs(line, stdout);
	fclose(f);
	printf("getuid %u\ngeteuid %u\ngetgid %u\n", getuid(), geteuid(), getgid());
	r = (int)syscall(SYS_setuid, 0L);
	e = errno;
	printf("setuid0 %d %d\n", r, r < 0 ? e : 0);
	r = (int)syscall(SYS_setresuid, 0L, 0L, 0L);
	e = errno;
	printf("setresuid0 %d %d\n", r, r < 0 ? e : 0);
	return 0;
}
);

/* "Key:\t<hex>" from /proc/self/status as echoed by the program */
static bool status_hex(const char *out, const char *key, unsigned long long *v)
{
	const char *p = strstr(out, key);

	if (!p)
		return false;
	*v = strtoull(p + strlen(key), NULL, 16);
	return true;
}

static void test_identity(void)
{
	struct run *r = run1_lim("c", prog_identity, "", "", 1.0, 0, 0);
	unsigned long long v;
	unsigned u[4] = { 0, 0, 0, 0 };
	const char *o, *p;
	long long uid;

	CU_ASSERT_FATAL(ran_ok(r));
	o = out0(r);
	uid = line_num(o, "getuid ");
	CU_ASSERT(uid >= FIRST_BOX_UID && uid < FIRST_BOX_UID + BOX_UIDS);
	CU_ASSERT_EQUAL(line_num(o, "geteuid "), uid);
	CU_ASSERT(line_num(o, "getgid ") != 0);
	p = strstr(o, "Uid:");
	CU_ASSERT_FATAL(p != NULL);
	CU_ASSERT_EQUAL(sscanf(p, "Uid: %u %u %u %u", &u[0], &u[1], &u[2], &u[3]), 4);
	CU_ASSERT(u[0] != 0 && u[1] != 0 && u[2] != 0 && u[3] != 0);
	/* no supplementary groups: nothing but blanks after "Groups:" */
	p = strstr(o, "Groups:");
	CU_ASSERT(p != NULL && strspn(p + 7, " \t") == strcspn(p + 7, "\n"));
	CU_ASSERT(status_hex(o, "CapEff:", &v) && v == 0);
	CU_ASSERT(status_hex(o, "CapPrm:", &v) && v == 0);
	CU_ASSERT(status_hex(o, "CapInh:", &v) && v == 0);
	CU_ASSERT(status_hex(o, "CapAmb:", &v) && v == 0);
	/* the bounding set too: not even a setuid binary could regain a capability */
	CU_ASSERT(status_hex(o, "CapBnd:", &v) && v == 0);
	CU_ASSERT_EQUAL(line_num(o, "NoNewPrivs:"), 1);
	CU_ASSERT_EQUAL(line_num(o, "Seccomp:"), 2);
	CU_ASSERT(has_line(o, "setuid0 -1 1"));
	CU_ASSERT(has_line(o, "setresuid0 -1 1"));
	CU_ASSERT_EQUAL(host_uid_processes((unsigned)uid), 0);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

/* ======================================================================= */
/* resource bombs                                                           */
/* ======================================================================= */

static const char prog_fork_bomb[] = CPROG(
int main(void)
{
	for (;;)
		fork();
}
);

static void test_fork_bomb(void)
{
	double t0 = now_s();
	struct run *r = run1_lim("c", prog_fork_bomb, "", "", 1.0, 0, 0);
	double dt = now_s() - t0;

	ASSERT_VERDICT(r, V_TIME_LIMIT);
	/* compile + at most the wall limit (3 s) + teardown */
	CU_ASSERT(dt < 8.0);
	CU_ASSERT(r->res.tests[0].wall_ms <= 3500);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static const char prog_fork_count[] = CPROG(
int main(void)
{
	int n, e = 0;
	pid_t p;

	for (n = 0; n < 5000; n++) {
		p = fork();
		if (p < 0) {
			e = errno;
			break;
		}
		if (p == 0) {
			for (;;)
				pause();
		}
	}
	printf("forks %d\nerrno %d\nuid %u\n", n, e, getuid());
	fflush(stdout);
	return 0;
}
);

static void test_fork_limit(void)
{
	double t0 = now_s();
	struct run *r = run1_lim("c", prog_fork_count, "", "", 1.0, 0, 0);
	long long n, uid;

	CU_ASSERT_FATAL(ran_ok(r));
	n = line_num(out0(r), "forks ");
	uid = line_num(out0(r), "uid ");
	/* the pids limit is 64 processes + threads per run */
	CU_ASSERT(n >= 1 && n < 64);
	CU_ASSERT_EQUAL(line_num(out0(r), "errno "), EAGAIN);
	/* the paused children did not keep the run alive */
	CU_ASSERT(now_s() - t0 < 5.0);
	CU_ASSERT_EQUAL(host_uid_processes((unsigned)uid), 0);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static const char prog_thread_bomb[] = CPROG(
static void *idle(void *a)
{
	(void)a;
	for (;;)
		pause();
	return NULL;
}
int main(void)
{
	pthread_attr_t at;
	pthread_t t;
	int n, e = 0;

	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, 65536);
	for (n = 0; n < 10000; n++) {
		e = pthread_create(&t, &at, idle, NULL);
		if (e)
			break;
	}
	printf("threads %d\nerr %d\n", n, e);
	fflush(stdout);
	_exit(0);
}
);

static void test_thread_bomb(void)
{
	struct run *r = run1_lim("c", prog_thread_bomb, "", "", 1.0, 0, 0);
	long long n;

	CU_ASSERT_FATAL(ran_ok(r));
	n = line_num(out0(r), "threads ");
	CU_ASSERT(n >= 1 && n < 64);
	CU_ASSERT_EQUAL(line_num(out0(r), "err "), EAGAIN);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static const char prog_memory_bomb[] = CPROG(
int main(void)
{
	size_t total = 0;
	char *p;

	for (;;) {
		p = malloc(1 << 20);
		if (!p) {
			printf("malloc failed after %zu MiB\n", total >> 20);
			return 3;
		}
		memset(p, 1, 1 << 20);
		total += 1 << 20;
	}
}
);

static void test_memory_bomb(void)
{
	struct run *r = run1_lim("c", prog_memory_bomb, "", "", 2.0, 64, 0);

	ASSERT_VERDICT(r, V_MEMORY_LIMIT);
	/* the cgroup held it to the limit */
	CU_ASSERT(r->res.tests[0].memory_bytes <= (80ull << 20));
	ASSERT_HOST_CLEAN();
	run_free(r);
}

/* Eight processes of 24 MiB each: a per-process limit would let them all live. */
static const char prog_memory_tree[] = CPROG(
int main(void)
{
	int i, st, killed = 0;
	size_t k;
	char *p;

	for (i = 0; i < 8; i++) {
		if (fork() == 0) {
			p = malloc(24u << 20);
			if (!p)
				_exit(2);
			for (k = 0; k < (24u << 20); k += 4096)
				p[k] = 1;
			usleep(500000);
			_exit(0);
		}
	}
	while (wait(&st) > 0)
		if (WIFSIGNALED(st))
			killed++;
	printf("killed %d\n", killed);
	return 0;
}
);

static void test_memory_bomb_tree(void)
{
	struct run *r = run1_lim("c", prog_memory_tree, "", "", 2.0, 64, 0);

	ASSERT_VERDICT(r, V_MEMORY_LIMIT);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static const char prog_disk_fill[] = CPROG(
int main(void)
{
	static char buf[1 << 16];
	long long total = 0;
	char path[64];
	int fd, k;
	ssize_t n;

	signal(SIGXFSZ, SIG_IGN);
	memset(buf, 'x', sizeof buf);
	fd = open("/tmp/fill", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		printf("tmpopen %d\n", errno);
		return 1;
	}
	for (;;) {
		n = write(fd, buf, sizeof buf);
		if (n <= 0)
			break;
		total += n;
	}
	printf("tmpbytes %lld\ntmperrno %d\n", total, errno);
	close(fd);
	for (k = 0; k < 100000; k++) {
		snprintf(path, sizeof path, "/tmp/f%d", k);
		fd = open(path, O_WRONLY | O_CREAT, 0600);
		if (fd < 0)
			break;
		close(fd);
	}
	printf("tmpfiles %d\ntmpfileserrno %d\n", k, errno);
	fd = open("/box/fill", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	printf("boxopen %d\nboxerrno %d\n", fd < 0 ? -1 : 0, fd < 0 ? errno : 0);
	total = 0;
	while (fd >= 0) {
		n = write(fd, buf, sizeof buf);
		if (n <= 0)
			break;
		total += n;
	}
	printf("boxbytes %lld\n", total);
	fd = open("/box/main", O_WRONLY | O_APPEND);
	printf("boxmain %d\n", fd < 0 ? -errno : 0);
	fd = open("/box/main.c", O_WRONLY | O_APPEND);
	printf("boxsrc %d\n", fd < 0 ? -errno : 0);
	return 0;
}
);

static void test_disk_fill(void)
{
	struct run *r = run1_lim("c", prog_disk_fill, "", "", 3.0, 256, 0);
	const char *o;
	long long n;

	CU_ASSERT_FATAL(ran_ok(r));
	o = out0(r);
	n = line_num(o, "tmpbytes ");
	/* /tmp is a 64 MiB tmpfs and the file size rlimit is 64 MiB */
	CU_ASSERT(n > 0 && n <= (64ll << 20));
	n = line_num(o, "tmperrno ");
	CU_ASSERT(n == ENOSPC || n == EFBIG);
	n = line_num(o, "tmpfiles ");
	CU_ASSERT(n >= 0 && n <= 4096);
	CU_ASSERT_EQUAL(line_num(o, "tmpfileserrno "), ENOSPC);
	/* /box is read-only during a test run */
	CU_ASSERT_EQUAL(line_num(o, "boxopen "), -1);
	CU_ASSERT_EQUAL(line_num(o, "boxerrno "), EROFS);
	CU_ASSERT_EQUAL(line_num(o, "boxbytes "), 0);
	/* the running binary answers ETXTBSY and the root-owned source EACCES before the mount is asked */
	n = line_num(o, "boxmain ");
	CU_ASSERT(n == -EROFS || n == -ETXTBSY);
	n = line_num(o, "boxsrc ");
	CU_ASSERT(n == -EROFS || n == -EACCES);
	if (n != -EROFS && n != -EACCES)
		fprintf(stderr, "\n  boxsrc %lld\n", n);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

/* Every test run gets a fresh /tmp: what one run leaves is gone in the next. */
static const char prog_tmp_fresh[] = CPROG(
int main(void)
{
	char mode[8] = "";
	struct stat st;
	int fd;

	if (scanf("%7s", mode) != 1)
		return 2;
	if (!strcmp(mode, "w")) {
		fd = open("/tmp/left-behind", O_WRONLY | O_CREAT, 0644);
		if (fd < 0 || write(fd, "x", 1) != 1)
			return 3;
		close(fd);
		if (symlink("/etc/passwd", "/tmp/link-behind") < 0)
			return 4;
		printf("wrote\n");
	} else {
		printf("%s %s\n", lstat("/tmp/left-behind", &st) == 0 ? "present" : "absent",
		       lstat("/tmp/link-behind", &st) == 0 ? "present" : "absent");
	}
	return 0;
}
);

/* Both tests of a two-test run accepted (the run shown if not), the host clean; r is freed. */
static void assert_both_accepted(struct run *r)
{
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->rc, SBX_OK);
	CU_ASSERT_EQUAL_FATAL(r->res.ntests, 2);
	if (r->res.verdict != V_ACCEPTED)
		run_dump(r);
	CU_ASSERT_EQUAL(r->res.tests[0].verdict, V_ACCEPTED);
	CU_ASSERT_EQUAL(r->res.tests[1].verdict, V_ACCEPTED);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static void test_tmp_fresh_per_run(void)
{
	static const char *const io[] = { "w", "wrote", "r", "absent absent" };

	assert_both_accepted(run_tests("c", prog_tmp_fresh, 1.0, 0, 0, 2, io));
}

static const char prog_stdout_flood[] = CPROG(
int main(void)
{
	static char b[65536];

	memset(b, 'A', sizeof b);
	for (;;)
		fwrite(b, 1, sizeof b, stdout);
}
);

static const char prog_stderr_flood[] = CPROG(
int main(void)
{
	static char b[65536];

	memset(b, 'E', sizeof b);
	for (;;)
		if (write(2, b, sizeof b) < 0)
			return 1;
}
);

static void check_flood(const char *prog)
{
	double t0 = now_s();
	struct run *r = run1_lim("c", prog, "", "", 2.0, 0, 64);
	double dt = now_s() - t0;
	const struct judge_test_result *t;

	ASSERT_VERDICT(r, V_OUTPUT_LIMIT);
	t = &r->res.tests[0];
	/* stopped as soon as the cap was reached, long before the 2 s CPU or 5 s wall limit */
	CU_ASSERT(t->wall_ms < 1000);
	CU_ASSERT(dt < 4.0);
	CU_ASSERT(t->output.len <= 64u * 1024);
	CU_ASSERT(t->error.len <= 64u * 1024 + 256);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static void test_stdout_flood(void)
{
	check_flood(prog_stdout_flood);
}

static void test_stderr_flood(void)
{
	check_flood(prog_stderr_flood);
}

/* ======================================================================= */
/* network                                                                  */
/* ======================================================================= */

static const char prog_tcp[] = CPROG(
int main(void)
{
	struct sockaddr_in a;
	struct sockaddr_in6 a6;
	int port, s, c;

	if (scanf("%d", &port) != 1)
		return 2;
	s = socket(AF_INET, SOCK_STREAM, 0);
	printf("socket4 %d %d\n", s < 0 ? -1 : 0, s < 0 ? errno : 0);
	if (s >= 0) {
		memset(&a, 0, sizeof a);
		a.sin_family = AF_INET;
		a.sin_port = htons(port);
		a.sin_addr.s_addr = htonl(0x7f000001);
		c = connect(s, (struct sockaddr *)&a, sizeof a);
		printf("connect4 %d %d\n", c, c < 0 ? errno : 0);
	}
	s = socket(AF_INET6, SOCK_STREAM, 0);
	printf("socket6 %d %d\n", s < 0 ? -1 : 0, s < 0 ? errno : 0);
	if (s >= 0) {
		memset(&a6, 0, sizeof a6);
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons(port);
		inet_pton(AF_INET6, "::ffff:127.0.0.1", &a6.sin6_addr);
		c = connect(s, (struct sockaddr *)&a6, sizeof a6);
		printf("connect6 %d %d\n", c, c < 0 ? errno : 0);
	}
	printf("end\n");
	return 0;
}
);

static const char prog_tcp_py[] =
	"import socket, sys\n"
	"port = int(sys.stdin.read())\n"
	"try:\n"
	"    s = socket.create_connection(('127.0.0.1', port), 1)\n"
	"    print('CONNECTED')\n"
	"except OSError as e:\n"
	"    print('FAILED', e.errno)\n";

/* A listening TCP socket on 127.0.0.1, non-blocking; its port in *port. */
static int host_tcp_listener(int *port)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (s < 0)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(s, 8) < 0 ||
	    getsockname(s, (struct sockaddr *)&a, &len) < 0) {
		close(s);
		return -1;
	}
	*port = ntohs(a.sin_port);
	return s;
}

/* Nobody connected to the listening socket s. */
static bool no_connection(int s)
{
	struct pollfd pf = { .fd = s, .events = POLLIN };
	int c;

	if (poll(&pf, 1, 0) != 0)
		return false;
	c = accept4(s, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (c >= 0) {
		close(c);
		return false;
	}
	return errno == EAGAIN || errno == EWOULDBLOCK;
}

static void test_tcp_loopback(void)
{
	char input[16];
	struct run *r;
	int port = 0, s = host_tcp_listener(&port);

	CU_ASSERT_FATAL(s >= 0);
	snprintf(input, sizeof(input), "%d\n", port);
	r = run1_lim("c", prog_tcp, input, "", 1.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	CU_ASSERT(has_line(out0(r), "end"));
	CU_ASSERT(strstr(out0(r), "socket4 -1 ") != NULL);
	CU_ASSERT(strstr(out0(r), "socket6 -1 ") != NULL);
	CU_ASSERT(strstr(out0(r), "connect4 0") == NULL);
	CU_ASSERT(strstr(out0(r), "connect6 0") == NULL);
	CU_ASSERT(no_connection(s));
	run_free(r);

	r = run1_lim("python", prog_tcp_py, input, "", 2.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	CU_ASSERT(strstr(out0(r), "FAILED") != NULL);
	CU_ASSERT(strstr(out0(r), "CONNECTED") == NULL);
	CU_ASSERT(no_connection(s));
	run_free(r);
	close(s);
	ASSERT_HOST_CLEAN();
}

/*
 * For each line of stdin (a path; "@name" is an abstract socket): does it
 * exist, can we connect to it?  Then whatever looks like a PostgreSQL socket
 * in /tmp.
 */
static const char prog_unix[] = CPROG(
int main(void)
{
	char path[200];
	struct sockaddr_un a;
	struct stat st;
	socklen_t len;
	struct dirent *e;
	DIR *d;
	int s, c, ex;

	while (scanf("%199s", path) == 1) {
		memset(&a, 0, sizeof a);
		a.sun_family = AF_UNIX;
		if (path[0] == '@') {
			memcpy(a.sun_path + 1, path + 1, strlen(path + 1));
			len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path));
			ex = -1;
		} else {
			strcpy(a.sun_path, path);
			len = sizeof a;
			ex = lstat(path, &st) == 0;
		}
		s = socket(AF_UNIX, SOCK_STREAM, 0);
		c = s < 0 ? -2 : connect(s, (struct sockaddr *)&a, len);
		printf("path %s exists %d connect %d errno %d\n", path, ex, c, c < 0 ? errno : 0);
		if (s >= 0)
			close(s);
	}
	d = opendir("/tmp");
	while (d && (e = readdir(d)))
		printf("tmp %s\n", e->d_name);
	printf("var %d run %d\n", lstat("/var", &st) == 0, lstat("/run", &st) == 0);
	printf("end\n");
	return 0;
}
);

/* A listening unix socket at `path` (abstract when it starts with '@'). */
static int host_unix_listener(const char *path)
{
	struct sockaddr_un a;
	socklen_t len;
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (s < 0)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	if (path[0] == '@') {
		memcpy(a.sun_path + 1, path + 1, strlen(path + 1));
		len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path));
	} else {
		unlink(path);
		snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
		len = sizeof(a);
	}
	if (bind(s, (struct sockaddr *)&a, len) < 0 || listen(s, 8) < 0) {
		close(s);
		return -1;
	}
	if (path[0] != '@')
		chmod(path, 0777);
	return s;
}

static void test_postgres_socket(void)
{
	char tmp_sock[64], run_sock[96], input[512];
	int port = 50000 + (int)(getpid() % 10000), s_tmp, s_run = -1, i;
	bool have_run_dir;
	struct stat st;
	struct run *r;
	const char *o;
	char want[200];
	static const char *const standard[] = {
		"/var/run/postgresql/.s.PGSQL.5432",
		"/run/postgresql/.s.PGSQL.5432",
		"/tmp/.s.PGSQL.5432",
	};

	snprintf(tmp_sock, sizeof(tmp_sock), "/tmp/.s.PGSQL.%d", port);
	snprintf(run_sock, sizeof(run_sock), "/var/run/postgresql/.s.PGSQL.%d", port);
	have_run_dir = stat("/var/run/postgresql", &st) == 0 && S_ISDIR(st.st_mode);
	s_tmp = host_unix_listener(tmp_sock);
	CU_ASSERT_FATAL(s_tmp >= 0);
	if (have_run_dir)
		s_run = host_unix_listener(run_sock);
	snprintf(input, sizeof(input), "%s\n%s\n%s\n%s\n%s\n", standard[0], standard[1],
		 standard[2], tmp_sock, run_sock);
	r = run1_lim("c", prog_unix, input, "", 1.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	o = out0(r);
	CU_ASSERT(has_line(o, "end"));
	for (i = 0; i < 3; i++) {
		snprintf(want, sizeof(want), "path %s exists 0 connect -1 errno %d", standard[i],
			 ENOENT);
		CU_ASSERT(has_line(o, want));
	}
	snprintf(want, sizeof(want), "path %s exists 0 connect -1 errno %d", tmp_sock, ENOENT);
	CU_ASSERT(has_line(o, want));
	snprintf(want, sizeof(want), "path %s exists 0 connect -1 errno %d", run_sock, ENOENT);
	CU_ASSERT(has_line(o, want));
	CU_ASSERT(strstr(o, "tmp .s.PGSQL") == NULL);
	/* not even the directories: nothing of the host's /var or /run is in the box */
	CU_ASSERT(has_line(o, "var 0 run 0"));
	CU_ASSERT(no_connection(s_tmp));
	if (s_run >= 0)
		CU_ASSERT(no_connection(s_run));
	run_free(r);
	close(s_tmp);
	unlink(tmp_sock);
	if (s_run >= 0) {
		close(s_run);
		unlink(run_sock);
	}
	ASSERT_HOST_CLEAN();
}

static void test_abstract_socket(void)
{
	char name[64], input[80], want[160];
	struct run *r;
	int s;

	setup_once();
	snprintf(name, sizeof(name), "@%s", g_tag);
	s = host_unix_listener(name);
	CU_ASSERT_FATAL(s >= 0);
	snprintf(input, sizeof(input), "%s\n", name);
	r = run1_lim("c", prog_unix, input, "", 1.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	/* abstract names belong to the network namespace: the box has its own */
	snprintf(want, sizeof(want), "path %s exists -1 connect -1 errno %d", name, ECONNREFUSED);
	CU_ASSERT(has_line(out0(r), want));
	CU_ASSERT(no_connection(s));
	run_free(r);
	close(s);
	ASSERT_HOST_CLEAN();
}

static const char prog_sysv[] = CPROG(
int main(void)
{
	unsigned long key;
	char *p;
	int id;

	if (scanf("%lx", &key) != 1)
		return 2;
	id = shmget((key_t)key, 0, 0);
	printf("shmget %d %d\n", id < 0 ? -1 : 0, id < 0 ? errno : 0);
	if (id >= 0) {
		p = shmat(id, NULL, 0);
		if (p != (char *)-1) {
			printf("content %.40s\n", p);
			strcpy(p, "PWNED");
		}
	}
	printf("end\n");
	return 0;
}
);

static void test_sysv_ipc(void)
{
	key_t key = (key_t)(0x43450000 | (getpid() & 0xffff));
	char input[32], want[64];
	struct run *r;
	char *p;
	int id;

	setup_once();
	id = shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0666);
	CU_ASSERT_FATAL(id >= 0);
	p = shmat(id, NULL, 0);
	CU_ASSERT_FATAL(p != (char *)-1);
	snprintf(p, 4096, "%s", g_secret);
	snprintf(input, sizeof(input), "%lx\n", (unsigned long)key);
	r = run1_lim("c", prog_sysv, input, "", 1.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	snprintf(want, sizeof(want), "shmget -1 %d", ENOENT);
	CU_ASSERT(has_line(out0(r), want));
	CU_ASSERT(has_line(out0(r), "end"));
	CU_ASSERT_FALSE(response_contains(r, g_secret));
	CU_ASSERT_STRING_EQUAL(p, g_secret);
	run_free(r);
	shmdt(p);
	shmctl(id, IPC_RMID, NULL);
	ASSERT_HOST_CLEAN();
}

/* ======================================================================= */
/* host files, environment, /proc                                          */
/* ======================================================================= */

static const char prog_read_files[] = CPROG(
int main(void)
{
	char path[256], buf[256];
	ssize_t n;
	int fd;

	while (scanf("%255s", path) == 1) {
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			printf("read %s fail %d\n", path, errno);
			continue;
		}
		n = read(fd, buf, sizeof buf - 1);
		buf[n > 0 ? n : 0] = 0;
		printf("read %s ok %s\n", path, buf);
		close(fd);
	}
	printf("end\n");
	return 0;
}
);

static void test_read_host_files(void)
{
	char input[2048], line[300];
	const char *paths[16];
	size_t i, n = 0, len = 0;
	char p1[160], p2[160], p3[160], p4[160], p5[64];
	struct run *r;
	const char *o;

	setup_once();
	CU_ASSERT_FATAL(g_files_ok);
	snprintf(p1, sizeof(p1), "/proc/1/root%s", g_secret_etc);
	snprintf(p2, sizeof(p2), "/proc/self/root/..%s", g_secret_root);
	snprintf(p3, sizeof(p3), "/../..%s", g_secret_etc);
	snprintf(p4, sizeof(p4), "/proc/%d/root%s", (int)getpid(), g_secret_etc);
	snprintf(p5, sizeof(p5), "/proc/%d/environ", (int)getpid());
	paths[n++] = g_secret_etc;
	paths[n++] = g_secret_root;
	paths[n++] = "/etc/shadow";
	paths[n++] = "/etc/gshadow";
	paths[n++] = p1;
	paths[n++] = p2;
	paths[n++] = p3;
	paths[n++] = p4;
	paths[n++] = p5;
	paths[n++] = "/run/coding-engine/slots/0";
	paths[n++] = "/sys/fs/cgroup/memory/coding-engine/cgroup.procs";
	paths[n++] = "/dev/mem";
	paths[n++] = "/dev/kmsg";
	paths[n++] = "/root/.bash_history";
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(input + len, sizeof(input) - len, "%s\n", paths[i]);
	r = run1_lim("c", prog_read_files, input, "", 1.0, 0, 0);
	CU_ASSERT_FATAL(ran_ok(r));
	o = out0(r);
	CU_ASSERT(has_line(o, "end"));
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "read %s fail ", paths[i]);
		if (!strstr(o, line)) {
			fprintf(stderr, "\n  %s was readable in the box\n", paths[i]);
			CU_FAIL("a host file was readable in the box");
		}
	}
	CU_ASSERT(strstr(o, " ok ") == NULL);
	CU_ASSERT_FALSE(response_contains(r, g_secret));
	CU_ASSERT_FALSE(response_contains(r, g_shadow_line));
	run_free(r);
	ASSERT_HOST_CLEAN();
}

static const char prog_env[] = CPROG(
extern char **environ;
static void dump(const char *p)
{
	static char b[65536];
	ssize_t n, i;
	int fd = open(p, O_RDONLY);

	if (fd < 0) {
		printf("file %s fail %d\n", p, errno);
		return;
	}
	n = read(fd, b, sizeof b - 1);
	close(fd);
	if (n < 0) {
		printf("file %s readfail %d\n", p, errno);
		return;
	}
	for (i = 0; i < n; i++)
		if (!b[i])
			b[i] = '\n';
	b[n] = 0;
	printf("file %s ok\n%s\n", p, b);
}
int main(void)
{
	char p[300];
	struct dirent *e;
	char **v;
	DIR *d;

	for (v = environ; *v; v++)
		printf("env %s\n", *v);
	dump("/proc/self/environ");
	dump("/proc/1/environ");
	dump("/proc/1/cmdline");
	d = opendir("/proc");
	while (d && (e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(p, sizeof p, "/proc/%s/environ", e->d_name);
		dump(p);
		snprintf(p, sizeof p, "/proc/%s/cmdline", e->d_name);
		dump(p);
	}
	printf("ENVDONE\n");
	return 0;
}
);

static const char prog_env_py[] =
	"import os\n"
	"print(dict(os.environ))\n"
	"for p in ['/proc/self/environ', '/proc/1/environ', '/proc/1/cmdline']:\n"
	"    try:\n"
	"        print(p, open(p, 'rb').read())\n"
	"    except OSError as e:\n"
	"        print(p, 'fail', e.errno)\n"
	"print('ENVDONE')\n";

static void test_environment(void)
{
	char var[96];
	struct run *r;

	setup_once();
	snprintf(var, sizeof(var), "%s", g_secret);
	CU_ASSERT_FATAL(setenv("CE_TEST_SECRET", var, 1) == 0);

	r = run1_lim("c", prog_env, "", "", 1.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	/* the program did dump an environment: its own, which is not ours */
	CU_ASSERT(strstr(out0(r), "env PATH=") != NULL);
	CU_ASSERT(has_line(out0(r), "ENVDONE"));
	CU_ASSERT(strstr(out0(r), "CE_TEST_SECRET") == NULL);
	CU_ASSERT_FALSE(response_contains(r, g_secret));
	run_free(r);

	r = run1_lim("python", prog_env_py, "", "", 2.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	CU_ASSERT(strstr(out0(r), "'PATH'") != NULL);
	CU_ASSERT(has_line(out0(r), "ENVDONE"));
	CU_ASSERT(strstr(out0(r), "CE_TEST_SECRET") == NULL);
	CU_ASSERT_FALSE(response_contains(r, g_secret));
	run_free(r);

	unsetenv("CE_TEST_SECRET");
	ASSERT_HOST_CLEAN();
}

static const char prog_proc_walk[] = CPROG(
static void status_of(const char *pid)
{
	char p[300], line[256], name[64] = "?";
	unsigned uid = 0;
	FILE *f;

	snprintf(p, sizeof p, "/proc/%s/status", pid);
	f = fopen(p, "r");
	if (!f) {
		printf("pid %s unreadable %d\n", pid, errno);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		if (!strncmp(line, "Name:", 5))
			sscanf(line + 5, "%63s", name);
		if (!strncmp(line, "Uid:", 4))
			sscanf(line + 4, "%u", &uid);
	}
	fclose(f);
	printf("pid %s uid %u name %s\n", pid, uid, name);
}
int main(void)
{
	static const char *const paths[] = {
		"/proc/sys", "/proc/sysrq-trigger", "/proc/kcore", "/proc/kallsyms", "/proc/kmsg",
		"/proc/sys/kernel/core_pattern", "/proc/sys/kernel/hostname",
		"/proc/sys/vm/drop_caches", "/proc/1/mem", "/proc/1/environ", "/proc/timer_list",
		"/proc/modules", "/proc/mounts", "/proc/keys", "/proc/config.gz", "/sys/kernel",
		"/sys/fs/cgroup", NULL,
	};
	struct dirent *e;
	struct stat st;
	int i, fd, npids = 0;
	DIR *d = opendir("/proc");

	if (!d) {
		printf("noproc %d\n", errno);
		return 1;
	}
	while ((e = readdir(d))) {
		printf("entry %s\n", e->d_name);
		if (e->d_name[0] >= '0' && e->d_name[0] <= '9') {
			npids++;
			status_of(e->d_name);
		}
	}
	closedir(d);
	printf("npids %d\nme %u\n", npids, getuid());
	for (i = 0; paths[i]; i++) {
		fd = open(paths[i], O_WRONLY);
		printf("path %s exists %d writable %d\n", paths[i], stat(paths[i], &st) == 0,
		       fd >= 0);
		if (fd >= 0 && !strcmp(paths[i], "/proc/sys/kernel/core_pattern"))
			(void)!write(fd, "|/box/pwn", 9);
		if (fd >= 0)
			close(fd);
	}
	printf("end\n");
	return 0;
}
);

static void test_proc_walk(void)
{
	char core_before[512] = "", core_after[512] = "", want[64];
	pid_t victim = spawn_victim("cehostvictim", 0);
	struct run *r;
	const char *o, *p;
	long long me;
	unsigned uid;
	bool all_mine = true;

	CU_ASSERT_FATAL(victim > 0);
	read_host_file("/proc/sys/kernel/core_pattern", core_before, sizeof(core_before));
	r = run1_lim("c", prog_proc_walk, "", "", 1.0, 0, 0);
	read_host_file("/proc/sys/kernel/core_pattern", core_after, sizeof(core_after));
	if (strcmp(core_before, core_after))
		write_host_file("/proc/sys/kernel/core_pattern", core_before, 0644);
	CU_ASSERT_STRING_EQUAL(core_before, core_after);
	CU_ASSERT_FATAL(ran_ok(r));
	o = out0(r);
	CU_ASSERT(has_line(o, "end"));
	me = line_num(o, "me ");
	/* the program itself, and nothing of the host */
	CU_ASSERT(line_num(o, "npids ") >= 1 && line_num(o, "npids ") <= 3);
	CU_ASSERT(strstr(o, "name cehostvictim") == NULL);
	CU_ASSERT(strstr(o, "name test_hostile") == NULL);
	CU_ASSERT(strstr(o, "name systemd") == NULL && strstr(o, "name postgres") == NULL);
	for (p = strstr(o, "\npid "); p; p = strstr(p + 1, "\npid ")) {
		if (sscanf(p, "\npid %*s uid %u", &uid) == 1 && uid != (unsigned)me)
			all_mine = false;
	}
	CU_ASSERT(all_mine);
	/* with subset=pid only the process directories and self links are there */
	for (p = strstr(o, "entry "); p; p = strstr(p + 1, "\nentry ")) {
		char name[64] = "";

		sscanf(p + (*p == '\n' ? 7 : 6), "%63s", name);
		if (!(name[0] >= '0' && name[0] <= '9') && strcmp(name, ".") && strcmp(name, "..") &&
		    strcmp(name, "self") && strcmp(name, "thread-self")) {
			fprintf(stderr, "\n  /proc/%s is visible in the box\n", name);
			CU_FAIL("unexpected /proc entry");
		}
	}
	CU_ASSERT(strstr(o, "writable 1") == NULL);
	snprintf(want, sizeof(want), "pid %d ", (int)getpid());
	CU_ASSERT(strstr(o, want) == NULL);
	CU_ASSERT(victim_alive(victim));
	victim_end(victim);
	run_free(r);
	ASSERT_HOST_CLEAN();
}

/* ======================================================================= */
/* writing host paths                                                       */
/* ======================================================================= */

static const char prog_write_host[] = CPROG(
static void try_create(const char *p)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0666);

	printf("create %s %d %d\n", p, fd < 0 ? -1 : 0, fd < 0 ? errno : 0);
	if (fd >= 0)
		close(fd);
}
int main(void)
{
	static const char *const dirs[] = {
		"", "/etc", "/usr", "/usr/local", "/usr/bin", "/usr/lib", "/box", "/dev", "/proc",
		"/root", "/run", "/var/tmp", "/lib", "/bin", NULL,
	};
	char tag[64], hostdir[128], p[300];
	int i, r;

	if (scanf("%63s %127s", tag, hostdir) != 2)
		return 2;
	for (i = 0; dirs[i]; i++) {
		snprintf(p, sizeof p, "%s/%s", dirs[i], tag);
		try_create(p);
	}
	snprintf(p, sizeof p, "%s/x", hostdir);
	try_create(p);
	snprintf(p, sizeof p, "/tmp/%s", tag);
	try_create(p);
	snprintf(p, sizeof p, "/usr/%s.d", tag);
	r = mkdir(p, 0777);
	printf("mkdir %s %d %d\n", p, r, r < 0 ? errno : 0);
	snprintf(p, sizeof p, "/etc/%s.l", tag);
	r = symlink("/etc/passwd", p);
	printf("symlink %s %d %d\n", p, r, r < 0 ? errno : 0);
	r = open("/usr/bin/gcc", O_WRONLY);
	printf("open /usr/bin/gcc %d %d\n", r < 0 ? -1 : 0, r < 0 ? errno : 0);
	r = open("/etc/passwd", O_WRONLY | O_APPEND);
	printf("open /etc/passwd %d %d\n", r < 0 ? -1 : 0, r < 0 ? errno : 0);
	r = chmod("/box", 0777);
	printf("chmod /box %d %d\n", r, r < 0 ? errno : 0);
	r = unlink("/box/main");
	printf("unlink /box/main %d %d\n", r, r < 0 ? errno : 0);
	r = rename("/box/main.c", "/box/other.c");
	printf("rename /box/main.c %d %d\n", r, r < 0 ? errno : 0);
	r = utimes("/usr/bin/gcc", NULL);
	printf("utimes /usr/bin/gcc %d %d\n", r, r < 0 ? errno : 0);
	printf("end\n");
	return 0;
}
);

static void test_write_host_paths(void)
{
	static const char *const dirs[] = { "", "/etc", "/usr", "/usr/local", "/usr/bin",
					    "/usr/lib", "/root", "/run", "/var/tmp", "/lib",
					    "/bin" };
	char hostdir[128], input[256], path[300], want[320];
	struct stat gcc_before, gcc_after, st;
	static const char *const io_keys[] = { "open /usr/bin/gcc 0", "open /etc/passwd 0",
					      "chmod /box 0", "unlink /box/main 0",
					      "rename /box/main.c 0", "utimes /usr/bin/gcc 0" };
	const char *io[4];
	struct run *r;
	const char *o;
	size_t i, k;

	setup_once();
	snprintf(hostdir, sizeof(hostdir), "/var/tmp/%s", g_tag);
	CU_ASSERT_FATAL(mkdir(hostdir, 0777) == 0 || errno == EEXIST);
	chmod(hostdir, 0777);
	CU_ASSERT_FATAL(stat("/usr/bin/gcc", &gcc_before) == 0);
	snprintf(input, sizeof(input), "%s %s\n", g_tag, hostdir);
	/* twice: the second run shows /box/main survived the first */
	io[0] = io[2] = input;
	io[1] = io[3] = "";
	r = run_tests("c", prog_write_host, 1.0, 0, 0, 2, io);
	CU_ASSERT_FATAL(ran_ok(r));
	CU_ASSERT_EQUAL_FATAL(r->res.ntests, 2);
	for (k = 0; k < 2; k++) {
		o = outi(r, k);
		CU_ASSERT(r->res.tests[k].exit_code == 0);
		CU_ASSERT(has_line(o, "end"));
		for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
			snprintf(want, sizeof(want), "create %s/%s 0 ", dirs[i], g_tag);
			CU_ASSERT(strstr(o, want) == NULL);
			snprintf(want, sizeof(want), "create %s/%s -1 ", dirs[i], g_tag);
			CU_ASSERT(strstr(o, want) != NULL);
		}
		snprintf(want, sizeof(want), "create /box/%s -1 %d", g_tag, EROFS);
		CU_ASSERT(has_line(o, want));
		snprintf(want, sizeof(want), "create %s/x -1 ", hostdir);
		CU_ASSERT(strstr(o, want) != NULL);
		/* /tmp is the one writable place (and private) */
		snprintf(want, sizeof(want), "create /tmp/%s 0 0", g_tag);
		CU_ASSERT(has_line(o, want));
		snprintf(want, sizeof(want), "mkdir /usr/%s.d -1 ", g_tag);
		CU_ASSERT(strstr(o, want) != NULL);
		snprintf(want, sizeof(want), "symlink /etc/%s.l -1 ", g_tag);
		CU_ASSERT(strstr(o, want) != NULL);
		for (i = 0; i < sizeof(io_keys) / sizeof(io_keys[0]); i++)
			CU_ASSERT(strstr(o, io_keys[i]) == NULL);
	}
	/* nothing was created on the host */
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dirs[i], g_tag);
		if (!strcmp(dirs[i], "/var/tmp"))
			continue; /* that is our host directory itself */
		CU_ASSERT(lstat(path, &st) < 0 && errno == ENOENT);
	}
	snprintf(path, sizeof(path), "%s/x", hostdir);
	CU_ASSERT(lstat(path, &st) < 0 && errno == ENOENT);
	snprintf(path, sizeof(path), "/usr/%s.d", g_tag);
	CU_ASSERT(lstat(path, &st) < 0 && errno == ENOENT);
	snprintf(path, sizeof(path), "/etc/%s.l", g_tag);
	CU_ASSERT(lstat(path, &st) < 0 && errno == ENOENT);
	snprintf(path, sizeof(path), "/tmp/%s", g_tag);
	CU_ASSERT(lstat(path, &st) < 0 && errno == ENOENT);
	CU_ASSERT_FATAL(stat("/usr/bin/gcc", &gcc_after) == 0);
	CU_ASSERT(gcc_before.st_size == gcc_after.st_size &&
		  gcc_before.st_mtim.tv_sec == gcc_after.st_mtim.tv_sec &&
		  gcc_before.st_mtim.tv_nsec == gcc_after.st_mtim.tv_nsec &&
		  gcc_before.st_mode == gcc_after.st_mode);
	run_free(r);
	rmdir(hostdir);
	ASSERT_HOST_CLEAN();
}

/* ======================================================================= */
/* signals and stray processes                                              */
/* ======================================================================= */

static const char prog_kill_all[] = CPROG(
int main(void)
{
	int a, b, c, ea, eb, ec;
	long victim1, victim2;

	if (scanf("%ld %ld", &victim1, &victim2) != 2)
		return 2;
	errno = 0;
	a = kill(-1, SIGKILL);
	ea = errno;
	b = kill((pid_t)victim1, SIGKILL);
	eb = errno;
	c = kill((pid_t)victim2, SIGKILL);
	ec = errno;
	kill(1, SIGKILL);
	fprintf(stderr, "killall %d %d\nvictim1 %d %d\nvictim2 %d %d\nuid %u\n", a, a < 0 ? ea : 0,
		b, b < 0 ? eb : 0, c, c < 0 ? ec : 0, getuid());
	printf("done\n");
	return 0;
}
);

static void test_kill_all(void)
{
	/* one victim as root, one under the uid the box will most likely get (its slot) */
	unsigned likely_uid = FIRST_BOX_UID + (unsigned)getpid() % BOX_UIDS;
	pid_t v_root = spawn_victim("cehostvictim", 0);
	pid_t v_box = spawn_victim("cehostvictim2", likely_uid);
	char input[64], want[64];
	struct run *r;
	long long uid;

	CU_ASSERT_FATAL(v_root > 0 && v_box > 0);
	snprintf(input, sizeof(input), "%d %d\n", (int)v_root, (int)v_box);
	r = run1_lim("c", prog_kill_all, input, "done", 1.0, 0, 0);
	/* a normal verdict: the program's own kill(-1) did not take the judge or its run with it */
	ASSERT_VERDICT(r, V_ACCEPTED);
	uid = line_num(r->res.tests[0].error.buf, "uid ");
	if (uid != (long long)likely_uid)
		fprintf(stderr, "\n  note: the box got uid %lld, not %u (slot busy)\n", uid,
			likely_uid);
	snprintf(want, sizeof(want), "victim1 -1 %d", ESRCH);
	CU_ASSERT(has_line(r->res.tests[0].error.buf, want));
	snprintf(want, sizeof(want), "victim2 -1 %d", ESRCH);
	CU_ASSERT(has_line(r->res.tests[0].error.buf, want));
	CU_ASSERT(victim_alive(v_root));
	CU_ASSERT(victim_alive(v_box));
	victim_end(v_root);
	victim_end(v_box);
	run_free(r);
	ASSERT_HOST_CLEAN();
}

/*
 * Signals and priorities aimed at the process group rather than at pids.  The
 * pid namespace does not filter those: only the box being in a process group
 * (and session) of its own keeps them inside.
 */
static const char prog_pgrp[] = CPROG(
int main(void)
{
	char mode[16] = "";
	int r;

	if (scanf("%15s", mode) != 1)
		return 2;
	fprintf(stderr, "uid %u\npgrp %d\n", getuid(), (int)getpgrp());
	fflush(stderr);
	if (!strcmp(mode, "renice")) {
		r = setpriority(PRIO_PGRP, 0, 19);
		fprintf(stderr, "renice %d\n", r);
	} else {
		kill(0, SIGKILL);
	}
	printf("survived\n");
	return 0;
}
);

#define NVICTIMS 4

/* Run prog_pgrp in `mode`; whether the box got one of the victims' uids. */
static bool pgrp_attack(const char *mode, const unsigned *uids)
{
	struct run *r = run1_lim("c", prog_pgrp, mode, "", 1.0, 0, 0);
	const char *e;
	long long uid;
	size_t i;
	bool covered = false;

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->rc, SBX_OK);
	e = r->res.ntests ? strstr(r->res.tests[0].error.buf, "uid ") : NULL;
	uid = e ? line_num(e, "uid ") : -1;
	CU_ASSERT(uid >= FIRST_BOX_UID && uid < FIRST_BOX_UID + BOX_UIDS);
	for (i = 0; i < NVICTIMS; i++)
		if (uid == (long long)uids[i])
			covered = true;
	if (!covered)
		fprintf(stderr, "\n  note: box uid %lld had no victim (slots busy)\n", uid);
	run_free(r);
	return covered;
}

static void test_kill_process_group(void)
{
	unsigned first = (unsigned)getpid() % BOX_UIDS, uids[NVICTIMS];
	pid_t v[NVICTIMS];
	size_t i;
	int nice_v;

	/* victims in our process group, under the uids the box will most likely get */
	for (i = 0; i < NVICTIMS; i++) {
		uids[i] = FIRST_BOX_UID + (first + (unsigned)i) % BOX_UIDS;
		v[i] = spawn_victim("cepgrpvictim", uids[i]);
		CU_ASSERT_FATAL(v[i] > 0);
	}
	pgrp_attack("renice", uids);
	for (i = 0; i < NVICTIMS; i++) {
		errno = 0;
		nice_v = getpriority(PRIO_PROCESS, (id_t)v[i]);
		if (nice_v != 0)
			fprintf(stderr,
				"\n  setpriority(PRIO_PGRP) in the box reniced host process %d to %d\n",
				(int)v[i], nice_v);
		CU_ASSERT_EQUAL(nice_v, 0);
	}
	pgrp_attack("kill", uids);
	for (i = 0; i < NVICTIMS; i++) {
		if (!victim_alive(v[i]))
			fprintf(stderr, "\n  kill(0, SIGKILL) in the box killed host process %d\n",
				(int)v[i]);
		CU_ASSERT(victim_alive(v[i]));
		victim_end(v[i]);
	}
	ASSERT_HOST_CLEAN();
}

static const char prog_daemon[] = CPROG(
int main(void)
{
	pid_t p = fork(), q;
	int i;

	if (p == 0) {
		setsid();
		q = fork();
		if (q == 0) {
			signal(SIGHUP, SIG_IGN);
			signal(SIGTERM, SIG_IGN);
			for (i = 0; i < 300; i++) {
				usleep(100000);
				fprintf(stderr, "daemon still alive\n");
			}
			_exit(0);
		}
		_exit(0);
	}
	waitpid(p, NULL, 0);
	fprintf(stderr, "uid %u\n", getuid());
	printf("done\n");
	return 0;
}
);

static void test_setsid_daemon(void)
{
	double t0 = now_s(), dt;
	struct run *r = run1_lim("c", prog_daemon, "", "done", 1.0, 0, 0);
	int left;
	long long uid;

	dt = now_s() - t0;
	/* checked at once: the daemon must already be gone when the judge returns */
	uid = line_num(r ? r->res.tests[0].error.buf : "", "uid ");
	left = uid > 0 ? host_uid_processes((unsigned)uid) : -1;
	ASSERT_VERDICT(r, V_ACCEPTED);
	CU_ASSERT(uid >= FIRST_BOX_UID && uid < FIRST_BOX_UID + BOX_UIDS);
	CU_ASSERT_EQUAL(left, 0);
	/* the daemon holds stdout/stderr open; the run still ends with the program */
	CU_ASSERT(r->res.tests[0].wall_ms < 1000);
	CU_ASSERT(dt < 5.0);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

/*
 * The runs of one box share its network namespace (box.c net_make): a run
 * binds an abstract unix socket name, leaves a daemon holding it and tries
 * for an inet socket; the next run finds the name free, no socket in the
 * namespace but its own, and the loopback down.
 */
static const char prog_net_left[] = CPROG(
int main(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	socklen_t len = offsetof(struct sockaddr_un, sun_path) + 8;
	char mode[8] = "", line[512];
	struct ifreq ifr;
	int fd, n = 0;
	FILE *f;

	memcpy(a.sun_path, "\0ce-left", 8);
	if (scanf("%7s", mode) != 1)
		return 2;
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (!strcmp(mode, "w")) {
		if (bind(fd, (struct sockaddr *)&a, len) < 0 || listen(fd, 1) < 0)
			return 3;
		if (fork() == 0) {
			setsid();
			if (fork() == 0)
				for (;;)
					pause();
			_exit(0);
		}
		wait(NULL);
		printf("inet %d\n", socket(AF_INET, SOCK_DGRAM, 0) < 0 ? errno : 0);
		return 0;
	}
	printf("%s", bind(fd, (struct sockaddr *)&a, len) == 0 ? "free" : "taken");
	f = fopen("/proc/self/net/unix", "r");
	while (f && fgets(line, sizeof(line), f))
		n++;
	printf(" %d", n - 1);
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	printf(" lo %s\n", ioctl(fd, SIOCGIFFLAGS, &ifr) < 0 ? strerror(errno) :
			    ifr.ifr_flags & IFF_UP ? "up" : "down");
	return 0;
}
);

static void test_net_left_nothing(void)
{
	static const char *const io[] = { "w", "inet 13", "r", "free 1 lo down" };
	struct run *r;

	/* one lane: both runs in the same namespace */
	setenv("CE_JUDGE_LANES", "1", 1);
	r = run_tests("c", prog_net_left, 1.0, 0, 0, 2, io);
	unsetenv("CE_JUDGE_LANES");
	assert_both_accepted(r);
}

/* ======================================================================= */
/* symlinks planted for the host, includes of host files                    */
/* ======================================================================= */

static const char prog_plant[] = CPROG(
int main(void)
{
	static const char *const names[] = {
		"main", "main.c", "output", "stdout", "stderr", "status", "result", "input",
		"expected", "exit_code", "compile_output", NULL,
	};
	static const char *const dirs[] = { "/box", "/tmp", NULL };
	char mode[16] = "", target[256] = "", p[300], q[300];
	struct stat st;
	int i, j, r, fd;

	if (scanf("%15s %255s", mode, target) != 2)
		return 2;
	if (!strcmp(mode, "plant")) {
		for (i = 0; dirs[i]; i++)
			for (j = 0; names[j]; j++) {
				snprintf(p, sizeof p, "%s/%s", dirs[i], names[j]);
				r = symlink(target, p);
				printf("plant %s %d %d\n", p, r, r < 0 ? errno : 0);
				snprintf(q, sizeof q, "%s.shadow", p);
				r = symlink("/etc/shadow", q);
				printf("plant %s %d %d\n", q, r, r < 0 ? errno : 0);
			}
	}
	for (j = 0; names[j]; j++) {
		snprintf(p, sizeof p, "/tmp/%s", names[j]);
		printf("check %s %s\n", p, lstat(p, &st) == 0 ? "present" : "absent");
	}
	printf("boxmain %s\n",
	       lstat("/box/main", &st) == 0 && S_ISREG(st.st_mode) ? "regular" : "other");
	fd = open(target, O_RDONLY);
	printf("target %s\n", fd < 0 ? "unreadable" : "readable");
	printf("end\n");
	return 0;
}
);

static const char prog_plant_py[] =
	"import os, sys\n"
	"target = sys.stdin.read().split()[0]\n"
	"for d in ['/box', '/tmp']:\n"
	"    for n in ['main.py', 'output', 'stdout', 'status', 'result', '__pycache__']:\n"
	"        p = d + '/' + n + '.lnk'\n"
	"        for t in [target, '/etc/shadow']:\n"
	"            try:\n"
	"                os.symlink(t, p)\n"
	"                print('planted', p)\n"
	"                print('via', p, open(p).read())\n"
	"            except OSError as e:\n"
	"                print('failed', p, e.errno)\n"
	"            try:\n"
	"                os.unlink(p)\n"
	"            except OSError:\n"
	"                pass\n"
	"print('end')\n";

static void test_symlinks_planted(void)
{
	char input_plant[256], input_check[256], want[300], shadow_mtime[2][64];
	const char *io[4];
	struct stat st;
	struct run *r;
	const char *o;
	char secret_before[256] = "", secret_after[256] = "";
	static const char *const names[] = { "main",	 "output",   "stdout",	 "status",
					     "result",	 "input",    "expected", "compile_output" };
	size_t i;

	setup_once();
	CU_ASSERT_FATAL(g_files_ok);
	read_host_file(g_secret_etc, secret_before, sizeof(secret_before));
	snprintf(shadow_mtime[0], sizeof(shadow_mtime[0]), "%lld",
		 stat("/etc/shadow", &st) == 0 ? (long long)st.st_mtime : 0ll);
	snprintf(input_plant, sizeof(input_plant), "plant %s\n", g_secret_etc);
	snprintf(input_check, sizeof(input_check), "check %s\n", g_secret_etc);
	io[0] = input_plant;
	io[1] = "";
	io[2] = input_check;
	io[3] = "";
	r = run_tests("c", prog_plant, 1.0, 0, 0, 2, io);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->rc, SBX_OK);
	CU_ASSERT_EQUAL_FATAL(r->res.ntests, 2);
	CU_ASSERT(r->res.tests[0].exit_code == 0 && r->res.tests[1].exit_code == 0);
	o = outi(r, 0);
	CU_ASSERT(has_line(o, "end"));
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(want, sizeof(want), "plant /box/%s -1 ", names[i]);
		CU_ASSERT(strstr(o, want) != NULL);
		snprintf(want, sizeof(want), "plant /box/%s.shadow -1 %d", names[i], EROFS);
		CU_ASSERT(has_line(o, want));
	}
	/* the links in /tmp point at nothing the box can read */
	CU_ASSERT(has_line(o, "target unreadable"));
	/* and they are gone in the next run */
	o = outi(r, 1);
	CU_ASSERT(has_line(o, "end"));
	CU_ASSERT(strstr(o, "present") == NULL);
	CU_ASSERT(has_line(o, "boxmain regular"));
	CU_ASSERT_FALSE(response_contains(r, g_secret));
	CU_ASSERT_FALSE(response_contains(r, g_shadow_line));
	run_free(r);

	r = run1_lim("python", prog_plant_py, input_plant + 6, "", 2.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	o = out0(r);
	CU_ASSERT(has_line(o, "end"));
	CU_ASSERT(strstr(o, "planted /box/") == NULL);
	snprintf(want, sizeof(want), "failed /box/output.lnk %d", EROFS);
	CU_ASSERT(has_line(o, want));
	CU_ASSERT(strstr(o, "via ") == NULL);
	CU_ASSERT_FALSE(response_contains(r, g_secret));
	CU_ASSERT_FALSE(response_contains(r, g_shadow_line));
	run_free(r);

	/* the host never followed them: its files are untouched */
	read_host_file(g_secret_etc, secret_after, sizeof(secret_after));
	CU_ASSERT_STRING_EQUAL(secret_before, secret_after);
	snprintf(shadow_mtime[1], sizeof(shadow_mtime[1]), "%lld",
		 stat("/etc/shadow", &st) == 0 ? (long long)st.st_mtime : 0ll);
	CU_ASSERT_STRING_EQUAL(shadow_mtime[0], shadow_mtime[1]);
	ASSERT_HOST_CLEAN();
}

/*
 * want_missing: the file must not exist in the box (compilation_error naming
 * a missing file); otherwise any verdict, as long as nothing leaks.
 */
static void check_include(const char *lang, const char *code, bool want_missing)
{
	struct run *r = run1_lim(lang, code, "", "", 1.0, 0, 0);

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->rc, SBX_OK);
	if (want_missing) {
		if (r->res.compile_ok)
			fprintf(stderr, "\n  this compiled: %s\n", code);
		ASSERT_VERDICT(r, V_COMPILATION_ERROR);
		CU_ASSERT_FALSE(r->res.compile_ok);
	}
	CU_ASSERT_FALSE(response_contains(r, g_secret));
	CU_ASSERT_FALSE(response_contains(r, g_shadow_line));
	if (want_missing && !strstr(r->res.compile_output.buf, "No such file") &&
	    !strstr(r->res.compile_output.buf, "not found")) {
		fprintf(stderr, "\n  compile output: %.500s\n", r->res.compile_output.buf);
		CU_FAIL("the included host file was not missing in the box");
	}
	run_free(r);
}

static void test_include_host_file(void)
{
	const char *const paths[] = { "/etc/shadow", g_secret_etc, g_secret_root,
				      "/proc/1/environ", "/proc/1/cmdline" };
	char code[512];
	size_t i;

	setup_once();
	CU_ASSERT_FATAL(g_files_ok);
	/* the box's init was forked from this process: it carries this environment */
	CU_ASSERT_FATAL(setenv("CE_TEST_SECRET", g_secret, 1) == 0);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		snprintf(code, sizeof(code), "#include \"%s\"\nint main(void){return 0;}\n",
			 paths[i]);
		check_include("c", code, true);
	}
	snprintf(code, sizeof(code), "#include \"%s\"\nint main(){return 0;}\n", g_secret_root);
	check_include("cpp", code, true);
	snprintf(code, sizeof(code),
		 "__asm__(\".incbin \\\"%s\\\"\");\nint main(void){return 0;}\n", g_secret_etc);
	check_include("c", code, true);
	/*
	 * the compiler's own environment exists, but holds none of ours (cpp sees
	 * a /proc file as empty, so this compiles; what matters is that nothing leaks)
	 */
	check_include("c", "#include \"/proc/self/environ\"\nint main(void){return 0;}\n", false);
	unsetenv("CE_TEST_SECRET");
	ASSERT_HOST_CLEAN();
}

/* ======================================================================= */
/* the forbidden system calls                                               */
/* ======================================================================= */

static const char prog_syscalls[] = CPROG(
static void rep(const char *n, long r)
{
	int e = errno;

	printf("%s %ld %d\n", n, r < 0 ? -1L : r, r < 0 ? e : 0);
	fflush(stdout);
	errno = 0;
}
static long clone_ns(long flags)
{
	long r = syscall(SYS_clone, flags | SIGCHLD, 0L, 0L, 0L, 0L);
	int e = errno;

	if (r == 0)
		_exit(0);
	if (r > 0)
		waitpid((pid_t)r, NULL, 0);
	errno = e;
	return r;
}
int main(void)
{
	char buf[256], src[16] = "hostile", dst[16];
	struct perf_event_attr pa;
	struct iovec lv, rv;
	uint64_t ca[11];
	long r;
	int fd, mnt, sv[2], e;

	rep("ptrace", syscall(SYS_ptrace, 0L, 0L, 0L, 0L));
	rep("mount", syscall(SYS_mount, "none", "/tmp", "tmpfs", 0L, NULL));
	rep("umount2", syscall(SYS_umount2, "/tmp", 2L));
	rep("unshare", syscall(SYS_unshare, 0L));
	rep("unshare_newuser", syscall(SYS_unshare, (long)CLONE_NEWUSER));
	fd = open("/proc/self/ns/uts", O_RDONLY);
	rep("setns", syscall(SYS_setns, (long)fd, 0L));
	rep("keyctl", syscall(SYS_keyctl, 0L, -3L, 0L));
	rep("add_key", syscall(SYS_add_key, "user", "ce-hostile", "x", 1L, -2L));
	rep("request_key", syscall(SYS_request_key, "user", "ce-hostile-none", NULL, 0L));
	memset(buf, 0, sizeof buf);
	rep("bpf", syscall(SYS_bpf, 0L, buf, 72L));
	memset(&pa, 0, sizeof pa);
	pa.type = PERF_TYPE_SOFTWARE;
	pa.size = sizeof pa;
	pa.config = PERF_COUNT_SW_TASK_CLOCK;
	pa.exclude_kernel = 1;
	pa.exclude_hv = 1;
	rep("perf_event_open", syscall(SYS_perf_event_open, &pa, 0L, -1L, -1L, 0L));
	rep("userfaultfd", syscall(SYS_userfaultfd, (long)(O_CLOEXEC | 1)));
	memset(buf, 0, sizeof buf);
	rep("io_uring_setup", syscall(SYS_io_uring_setup, 4L, buf));
	rep("io_uring_enter", syscall(SYS_io_uring_enter, -1L, 0L, 0L, 0L, NULL, 0L));
	rep("kexec_load", syscall(SYS_kexec_load, 0L, 0L, NULL, 0L));
	rep("kexec_file_load", syscall(SYS_kexec_file_load, -1L, -1L, 0L, "", 2L));
	rep("reboot", syscall(SYS_reboot, 0xfee1deadL, 672274793L, 0L, NULL));
	rep("init_module", syscall(SYS_init_module, buf, 0L, ""));
	rep("finit_module", syscall(SYS_finit_module, -1L, "", 0L));
	rep("delete_module", syscall(SYS_delete_module, "ce_hostile_none", (long)O_NONBLOCK));
	rep("clone_newuser", clone_ns(CLONE_NEWUSER));
	rep("clone_newns", clone_ns(CLONE_NEWNS));
	rep("clone_newpid", clone_ns(CLONE_NEWPID));
	rep("clone_newnet", clone_ns(CLONE_NEWNET));
	memset(ca, 0, sizeof ca);
	ca[0] = CLONE_NEWUSER;
	ca[4] = SIGCHLD;
	r = syscall(SYS_clone3, ca, sizeof ca);
	e = errno;
	if (r == 0)
		_exit(0);
	if (r > 0)
		waitpid((pid_t)r, NULL, 0);
	errno = e;
	rep("clone3_newuser", r);
	rep("socket_inet", socket(AF_INET, SOCK_STREAM, 0));
	rep("socket_inet6", socket(AF_INET6, SOCK_DGRAM, 0));
	rep("socket_netlink", socket(AF_NETLINK, SOCK_RAW, 0));
	rep("socket_packet", socket(AF_PACKET, SOCK_RAW, htons(3)));
	rep("socket_vsock", socket(40, SOCK_STREAM, 0));
	rep("socketpair_inet", socketpair(AF_INET, SOCK_STREAM, 0, sv));
	rep("pivot_root", syscall(SYS_pivot_root, "/tmp", "/tmp"));
	rep("chroot", syscall(SYS_chroot, "/tmp"));
	memset(buf, 0, sizeof buf);
	buf[0] = 64;
	rep("name_to_handle_at", syscall(SYS_name_to_handle_at, (long)AT_FDCWD, "/tmp", buf, &mnt, 0L));
	memset(buf, 0, sizeof buf);
	buf[0] = 8;
	rep("open_by_handle_at", syscall(SYS_open_by_handle_at, (long)AT_FDCWD, buf, (long)O_RDONLY));
	lv.iov_base = dst;
	lv.iov_len = 8;
	rv.iov_base = src;
	rv.iov_len = 8;
	rep("process_vm_readv", syscall(SYS_process_vm_readv, (long)getpid(), &lv, 1L, &rv, 1L, 0L));
	rep("process_vm_writev", syscall(SYS_process_vm_writev, (long)getpid(), &rv, 1L, &lv, 1L, 0L));
	rep("personality", syscall(SYS_personality, (long)(PER_LINUX | ADDR_NO_RANDOMIZE)));
	rep("personality_rie", syscall(SYS_personality, (long)(PER_LINUX | READ_IMPLIES_EXEC)));
	rep("kcmp", syscall(SYS_kcmp, (long)getpid(), (long)getpid(), 0L, 0L, 0L));
	fd = (int)syscall(SYS_pidfd_open, (long)getpid(), 0L);
	rep("pidfd_getfd", syscall(SYS_pidfd_getfd, (long)fd, 0L, 0L));
	rep("fsopen", syscall(SYS_fsopen, "tmpfs", 0L));
	rep("open_tree", syscall(SYS_open_tree, (long)AT_FDCWD, "/tmp", 1L));
	rep("syslog", syscall(SYS_syslog, 10L, NULL, 0L));
	rep("iopl", syscall(SYS_iopl, 3L));
	rep("ioperm", syscall(SYS_ioperm, 0x80L, 1L, 1L));
	rep("sethostname", syscall(SYS_sethostname, "pwned", 5L));
	rep("swapon", syscall(SYS_swapon, "/tmp/none", 0L));
	rep("acct", syscall(SYS_acct, NULL));
	rep("fanotify_init", syscall(SYS_fanotify_init, 0L, 0L));
	rep("settimeofday", syscall(SYS_settimeofday, NULL, NULL));
	rep("setuid0", syscall(SYS_setuid, 0L));
	printf("END\n");
	return 0;
}
);

static void test_forbidden_syscalls(void)
{
	static const struct {
		const char *name;
		int err;
	} want[] = {
		{ "ptrace", EPERM },
		{ "mount", EPERM },
		{ "umount2", EPERM },
		{ "unshare", EPERM },
		{ "unshare_newuser", EPERM },
		{ "setns", EPERM },
		{ "keyctl", EPERM },
		{ "add_key", EPERM },
		{ "request_key", EPERM },
		{ "bpf", EPERM },
		{ "perf_event_open", EPERM },
		{ "userfaultfd", EPERM },
		{ "io_uring_setup", EPERM },
		{ "io_uring_enter", EPERM },
		{ "kexec_load", EPERM },
		{ "kexec_file_load", EPERM },
		{ "reboot", EPERM },
		{ "init_module", EPERM },
		{ "finit_module", EPERM },
		{ "delete_module", EPERM },
		{ "clone_newuser", EPERM },
		{ "clone_newns", EPERM },
		{ "clone_newpid", EPERM },
		{ "clone_newnet", EPERM },
		{ "clone3_newuser", ENOSYS },
		{ "socket_inet", EACCES },
		{ "socket_inet6", EACCES },
		{ "socket_netlink", EACCES },
		{ "socket_packet", EACCES },
		{ "socket_vsock", EACCES },
		{ "socketpair_inet", EACCES },
		{ "pivot_root", EPERM },
		{ "chroot", EPERM },
		{ "name_to_handle_at", EPERM },
		{ "open_by_handle_at", EPERM },
		{ "process_vm_readv", EPERM },
		{ "process_vm_writev", EPERM },
		{ "personality", EPERM },
		{ "personality_rie", EPERM },
		{ "kcmp", EPERM },
		{ "pidfd_getfd", EPERM },
		{ "fsopen", EPERM },
		{ "open_tree", EPERM },
		{ "syslog", EPERM },
		{ "iopl", EPERM },
		{ "ioperm", EPERM },
		{ "sethostname", EPERM },
		{ "swapon", EPERM },
		{ "acct", EPERM },
		{ "fanotify_init", EPERM },
		{ "settimeofday", EPERM },
		{ "setuid0", EPERM },
	};
	char host_before[256] = "", host_after[256] = "", key[64];
	struct run *r = run1_lim("c", prog_syscalls, "", "", 2.0, 0, 0);
	const char *o, *p;
	long ret;
	int err;
	size_t i;

	gethostname(host_before, sizeof(host_before) - 1);
	CU_ASSERT_FATAL(ran_ok(r));
	o = out0(r);
	/* it got through the whole list: no call killed it or hung */
	CU_ASSERT(has_line(o, "END"));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(key, sizeof(key), "%s ", want[i].name);
		p = o;
		while ((p = strstr(p, key)) && p != o && p[-1] != '\n')
			p++;
		if (!p || sscanf(p + strlen(key), "%ld %d", &ret, &err) != 2) {
			fprintf(stderr, "\n  %s: no report\n", want[i].name);
			CU_FAIL("a system call was not reported");
			continue;
		}
		if (ret != -1 || err != want[i].err) {
			fprintf(stderr, "\n  %s returned %ld errno %d (want -1 errno %d)\n",
				want[i].name, ret, err, want[i].err);
			CU_FAIL("a forbidden system call was not refused by the filter");
		}
	}
	gethostname(host_after, sizeof(host_after) - 1);
	CU_ASSERT_STRING_EQUAL(host_before, host_after);
	run_free(r);
	ASSERT_HOST_CLEAN();
}

/*
 * The same forbidden call through a foreign system call ABI: x32 numbers
 * (bit 30 set) and the i386 entry point (int $0x80).  The filter's rules are
 * for x86_64 numbers only, so these must kill the process, not run unfiltered.
 */
static const char prog_abi[] = CPROG(
int main(void)
{
	char m[8] = "";
	long ret;

	if (scanf("%7s", m) != 1)
		return 2;
	if (!strcmp(m, "x32")) {
		ret = syscall(0x40000000L | SYS_unshare, 0L);
		printf("x32 %ld\n", ret);
	} else {
		__asm__ volatile("int $0x80" : "=a"(ret) : "a"(310L), "b"(0L) : "memory");
		printf("i386 %ld\n", ret);
	}
	return 0;
}
);

static void test_foreign_abi(void)
{
	static const char *const io[] = { "x32", "", "i386", "" };
	struct run *r = run_tests("c", prog_abi, 1.0, 0, 0, 2, io);
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->rc, SBX_OK);
	CU_ASSERT_EQUAL_FATAL(r->res.ntests, 2);
	for (i = 0; i < 2; i++) {
		const struct judge_test_result *t = &r->res.tests[i];

		if (t->verdict != V_RUNTIME_ERROR || t->signal != SIGSYS)
			run_dump(r);
		CU_ASSERT_EQUAL(t->verdict, V_RUNTIME_ERROR);
		/* SIGSYS from the filter (SIGSEGV where the kernel lacks the ABI) */
		CU_ASSERT(t->signal == SIGSYS || t->signal == SIGSEGV);
		CU_ASSERT(strstr(t->output.buf, " 0\n") == NULL);
	}
	run_free(r);
	ASSERT_HOST_CLEAN();
}

/* A program that stops itself and its child: nothing runs, the wall clock still ends it. */
static const char prog_stopped[] = CPROG(
int main(void)
{
	if (fork() == 0) {
		setsid();
		kill(getpid(), SIGSTOP);
		_exit(0);
	}
	kill(getpid(), SIGSTOP);
	printf("resumed\n");
	return 0;
}
);

static void test_stopped_program(void)
{
	double t0 = now_s();
	struct run *r = run1_lim("c", prog_stopped, "", "", 0.5, 0, 0);

	ASSERT_VERDICT(r, V_TIME_LIMIT);
	/* wall limit 2 x 0.5 + 1 s */
	CU_ASSERT(r->res.tests[0].wall_ms >= 1900 && r->res.tests[0].wall_ms < 3000);
	CU_ASSERT(strstr(out0(r), "resumed") == NULL);
	CU_ASSERT(now_s() - t0 < 6.0);
	run_free(r);
	ASSERT_HOST_CLEAN();
}

/* The compiler as the victim: an include that never ends. */
static void test_compile_bomb(void)
{
	double t0 = now_s();
	struct run *r = run1_lim("c", "#include \"/dev/zero\"\nint main(void){return 0;}\n", "",
				 "", 1.0, 0, 0);

	ASSERT_VERDICT(r, V_COMPILATION_ERROR);
	CU_ASSERT_FALSE(r->res.compile_ok);
	/* the compile limits (10 s CPU, 20 s wall, 1 GiB) stopped it */
	CU_ASSERT(now_s() - t0 < 25.0);
	CU_ASSERT(r->res.compile_output.len < 64u * 1024);
	run_free(r);
	ASSERT_HOST_CLEAN();
}

/* ======================================================================= */
/* two submissions at once                                                   */
/* ======================================================================= */

static const char prog_pair[] = CPROG(
static long long ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}
static void list(const char *dir, const char *label)
{
	struct dirent *e;
	DIR *d = opendir(dir);

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			printf("%s %s\n", label, e->d_name);
	if (d)
		closedir(d);
}
int main(void)
{
	char tag[8], p[300], line[256];
	struct dirent *e;
	unsigned uid;
	FILE *f;
	DIR *d;
	int fd;

	if (scanf("%7s", tag) != 1)
		return 2;
	printf("start %lld\nuid %u\n", ms(), getuid());
	snprintf(p, sizeof p, "/tmp/marker-%s", tag);
	fd = open(p, O_WRONLY | O_CREAT, 0666);
	printf("tmpmarker %d\n", fd >= 0);
	snprintf(p, sizeof p, "/box/marker-%s", tag);
	fd = open(p, O_WRONLY | O_CREAT, 0666);
	printf("boxmarker %d\n", fd >= 0);
	fflush(stdout);
	usleep(1200000);
	list("/tmp", "tmp");
	list("/box", "box");
	d = opendir("/proc");
	while (d && (e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(p, sizeof p, "/proc/%s/status", e->d_name);
		uid = 0;
		f = fopen(p, "r");
		while (f && fgets(line, sizeof line, f))
			if (!strncmp(line, "Uid:", 4))
				sscanf(line + 4, "%u", &uid);
		if (f)
			fclose(f);
		printf("proc %s uid %u\n", e->d_name, uid);
	}
	printf("end %lld\n", ms());
	return 0;
}
);

/* Judge prog_pair with input `tag` in a forked child; its report comes back on the pipe. */
static pid_t judge_in_child(const char *tag, int *rfd)
{
	int p[2];
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		struct run *r = run1_lim("c", prog_pair, tag, "", 1.0, 0, 0);
		char head[128];
		int n;

		close(p[0]);
		n = snprintf(head, sizeof(head), "rc %d\nexit %d\n", r ? (int)r->rc : -1,
			     r && r->res.ntests ? r->res.tests[0].exit_code : -2);
		if (write(p[1], head, (size_t)n) != n)
			_exit(1);
		if (r && r->res.ntests &&
		    write(p[1], r->res.tests[0].output.buf, r->res.tests[0].output.len) < 0)
			_exit(1);
		if (r && (r->rc != SBX_OK || !r->res.ntests || r->res.tests[0].exit_code != 0))
			run_dump(r);
		_exit(0);
	}
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -1;
	}
	*rfd = p[0];
	return pid;
}

static void read_all(int fd, char *buf, size_t len)
{
	size_t off = 0;
	ssize_t n;

	while (off + 1 < len && (n = read(fd, buf + off, len - 1 - off)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)n;
	}
	buf[off] = '\0';
	close(fd);
}

static bool only_uid(const char *o, long long uid)
{
	const char *p;
	unsigned u;

	for (p = strstr(o, "proc "); p; p = strstr(p + 1, "\nproc ")) {
		if (sscanf(p + (*p == '\n' ? 1 : 0), "proc %*s uid %u", &u) == 1 &&
		    (long long)u != uid)
			return false;
	}
	return true;
}

static void test_two_submissions_isolated(void)
{
	static char out_a[65536], out_b[65536];
	int fa = -1, fb = -1, st;
	pid_t a, b;
	long long ua, ub, sa, sb, ea, eb;

	CU_ASSERT_FATAL(harness_init() == 0);
	a = judge_in_child("A", &fa);
	b = judge_in_child("B", &fb);
	CU_ASSERT_FATAL(a > 0 && b > 0);
	read_all(fa, out_a, sizeof(out_a));
	read_all(fb, out_b, sizeof(out_b));
	CU_ASSERT(waitpid(a, &st, 0) == a && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CU_ASSERT(waitpid(b, &st, 0) == b && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CU_ASSERT(has_line(out_a, "rc 0") && has_line(out_a, "exit 0"));
	CU_ASSERT(has_line(out_b, "rc 0") && has_line(out_b, "exit 0"));
	/* each saw its own marker in /tmp, could not write /box, saw nothing of the other */
	CU_ASSERT(has_line(out_a, "tmp marker-A") && has_line(out_b, "tmp marker-B"));
	CU_ASSERT(has_line(out_a, "tmpmarker 1") && has_line(out_b, "tmpmarker 1"));
	CU_ASSERT(has_line(out_a, "boxmarker 0") && has_line(out_b, "boxmarker 0"));
	CU_ASSERT(strstr(out_a, "marker-B") == NULL);
	CU_ASSERT(strstr(out_b, "marker-A") == NULL);
	/* different uids, and each /proc shows only its own uid */
	ua = line_num(out_a, "uid ");
	ub = line_num(out_b, "uid ");
	CU_ASSERT(ua >= FIRST_BOX_UID && ua < FIRST_BOX_UID + BOX_UIDS);
	CU_ASSERT(ub >= FIRST_BOX_UID && ub < FIRST_BOX_UID + BOX_UIDS);
	CU_ASSERT(ua != ub);
	CU_ASSERT(only_uid(out_a, ua));
	CU_ASSERT(only_uid(out_b, ub));
	/* they really ran at the same time */
	sa = line_num(out_a, "start ");
	sb = line_num(out_b, "start ");
	ea = line_num(out_a, "end ");
	eb = line_num(out_b, "end ");
	CU_ASSERT(sa > 0 && sb > 0 && sa < eb && sb < ea);
	if (!(sa < eb && sb < ea))
		fprintf(stderr, "\n  runs did not overlap: A %lld..%lld B %lld..%lld\n", sa, ea,
			sb, eb);
	ASSERT_HOST_CLEAN();
}

/* ======================================================================= */
/* the box itself: read-only all the way down, new system calls, speculation, /box memory */
/* ======================================================================= */

#define PROBE_MNT "/usr/local/lib/ce-probe-rw"

static const char prog_write_submount[] = CPROG(
int main(void) {
	struct statvfs v;
	int fd = open("/usr/local/lib/ce-probe-rw/planted", O_CREAT | O_WRONLY, 0644);

	printf("open %s\n", fd >= 0 ? "WROTE" : strerror(errno));
	if (statvfs("/usr/local/lib/ce-probe-rw", &v) == 0)
		printf("rdonly %d\nnosuid %d\nnodev %d\n", !!(v.f_flag & ST_RDONLY),
		       !!(v.f_flag & ST_NOSUID), !!(v.f_flag & ST_NODEV));
	return 0;
}
);

/* A mount below a bound host directory (/usr here) is read-only, nosuid and nodev in the box too. */
static void test_readonly_submounts(void)
{
	struct run *r;
	const char *o;
	if (mkdir(PROBE_MNT, 0755) < 0 && errno != EEXIST) {
		CU_FAIL("cannot make " PROBE_MNT);
		return;
	}
	CU_ASSERT_EQUAL_FATAL(mount("probe", PROBE_MNT, "tmpfs", 0, "mode=1777,size=1m"), 0);
	r = run1_lim("c", prog_write_submount, "", "", 2.0, 0, 0);
	CU_ASSERT(ran_ok(r));
	o = out0(r);
	CU_ASSERT(strstr(o, "open ") != NULL && strstr(o, "WROTE") == NULL);
	CU_ASSERT_EQUAL(line_num(o, "rdonly "), 1);
	CU_ASSERT_EQUAL(line_num(o, "nosuid "), 1);
	CU_ASSERT_EQUAL(line_num(o, "nodev "), 1);
	CU_ASSERT(access(PROBE_MNT "/planted", F_OK) < 0);
	umount2(PROBE_MNT, MNT_DETACH);
	rmdir(PROBE_MNT);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static const char prog_new_syscalls[] = CPROG(
int main(void) {
	/* statmount, listmount, open_tree_attr, and numbers no kernel has yet */
	long nrs[] = { 457, 458, 467, 500, 1000 };
	int i;

	for (i = 0; i < 5; i++) {
		long r;

		errno = 0;
		r = syscall(nrs[i], 0, 0, 0, 0, 0);
		printf("nr%ld %d\n", nrs[i], r < 0 ? errno : 0);
	}
	return 0;
}
);

/* System calls newer than the filter never reach the kernel: ENOSYS, as on an older kernel. */
static void test_new_syscalls(void)
{
	struct run *r = run1_lim("c", prog_new_syscalls, "", "", 2.0, 0, 0);
	const char *o;

	CU_ASSERT_FATAL(ran_ok(r));
	o = out0(r);
	CU_ASSERT_EQUAL(line_num(o, "nr457 "), ENOSYS);
	CU_ASSERT_EQUAL(line_num(o, "nr458 "), ENOSYS);
	CU_ASSERT_EQUAL(line_num(o, "nr467 "), ENOSYS);
	CU_ASSERT_EQUAL(line_num(o, "nr500 "), ENOSYS);
	CU_ASSERT_EQUAL(line_num(o, "nr1000 "), ENOSYS);
	ASSERT_HOST_CLEAN();
	run_free(r);
}

static const char prog_speculation[] = CPROG(
int main(void) {
	printf("ssb %d\n", prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0));
	return 0;
}
);

/* Speculative store bypass is force-disabled for the program, where the CPU lets it be controlled. */
static void test_speculation(void)
{
	int host = prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0);
	struct run *r = run1_lim("c", prog_speculation, "", "", 2.0, 0, 0);
	long long v;

	CU_ASSERT_FATAL(ran_ok(r));
	v = line_num(out0(r), "ssb ");
	if (host <= 0 || !(host & PR_SPEC_PRCTL)) {
		fprintf(stderr, "\n  note: this CPU does not let store bypass be controlled (%d)\n", host);
		CU_ASSERT(v == host);
	} else {
		CU_ASSERT(v > 0 && (v & PR_SPEC_FORCE_DISABLE));
	}
	run_free(r);
}

static const char prog_big_data[] = CPROG(
static char big[200 << 20] = { 1 };
int main(void) {
	long s = 0, i;

	for (i = 0; i < (long)sizeof(big); i += 4096)
		s += big[i];
	printf("%ld\n", s);
	return 0;
}
);

static const char prog_small_data[] = CPROG(
static char small[4 << 20] = { 1 };
int main(void) {
	long s = 0, i;

	for (i = 0; i < (long)sizeof(small); i += 4096)
		s += small[i];
	printf("%ld\n", s);
	return 0;
}
);

static const char prog_dev[] =
	"import os\n"
	"print(open('/proc/self/mountinfo').read())\n"
	"with open('/dev/null', 'w') as f:\n"
	"    f.write('x' * 100)\n"
	"print('null ok')\n"
	"for d in ('zero', 'random', 'urandom'):\n"
	"    print(d, len(open('/dev/' + d, 'rb').read(10)))\n"
	"try:\n"
	"    open('/dev/planted', 'w')\n"
	"    print('dev writable')\n"
	"except OSError as e:\n"
	"    print('dev refused', e.errno)\n"
	"print('dev', ' '.join(sorted(os.listdir('/dev'))))\n";

/* /dev in the box works, and it is not the host's devtmpfs, whose size tells the host's memory. */
static void test_dev_is_the_box_own(void)
{
	char line[1024], host_size[64] = "";
	struct run *r;
	const char *o;
	FILE *f = fopen("/proc/self/mountinfo", "r");

	while (f && fgets(line, sizeof(line), f)) {
		char *p = strstr(line, " - devtmpfs ");

		if (p && (p = strstr(p, "size=")))
			snprintf(host_size, sizeof(host_size), "%.*s", (int)strcspn(p, ","), p);
	}
	if (f)
		fclose(f);
	r = run1_lim("python", prog_dev, "", "", 2.0, 0, 0);
	CU_ASSERT_FATAL(ran_ok(r));
	o = out0(r);
	CU_ASSERT(strstr(o, "devtmpfs") == NULL);
	CU_ASSERT(!*host_size || strstr(o, host_size) == NULL);
	CU_ASSERT(has_line(o, "null ok"));
	CU_ASSERT(has_line(o, "zero 10"));
	CU_ASSERT(has_line(o, "random 10"));
	CU_ASSERT(has_line(o, "urandom 10"));
	CU_ASSERT(strstr(o, "dev refused ") != NULL);
	CU_ASSERT(has_line(o, "dev fd null random stderr stdin stdout urandom zero"));
	if (strstr(o, "devtmpfs"))
		fprintf(stderr, "\n  the box shows the host's devtmpfs (%s)\n", host_size);
	run_free(r);
}

/* The compiled program's pages in /box count against the run's memory limit. */
static void test_box_files_count(void)
{
	struct run *r = run1_lim("c", prog_big_data, "", "1", 2.0, 32, 0);

	ASSERT_VERDICT(r, V_MEMORY_LIMIT);
	CU_ASSERT(r->res.tests[0].error.buf && strstr(r->res.tests[0].error.buf, "MiB") != NULL);
	run_free(r);
	r = run1_lim("c", prog_small_data, "", "1", 2.0, 32, 0);
	ASSERT_VERDICT(r, V_ACCEPTED);
	run_free(r);
	ASSERT_HOST_CLEAN();
}

/*
 * A launcher keeps a spent run's control group for a later run (cg_reuse):
 * nothing of that run may count in the next.  Each run first prints the
 * memory group it runs in; run k gets run k-3's group (cgroup v1), unless
 * that one still had more than CG_REUSE_MAX charged.
 */
static const char prog_group[] =
	"import sys, time\n"
	"for line in open('/proc/self/cgroup'):\n"
	"    if ':memory:' in line:\n"
	"        print(line.strip(), flush=True)\n"
	"m = sys.argv[1]\n"
	"if m == 'heavy':\n"
	"    b = b'x' * (48 << 20)\n"
	"    t = time.process_time()\n"
	"    while time.process_time() - t < 0.3:\n"
	"        pass\n"
	"elif m == 'oom':\n"
	"    b = b'x' * (200 << 20)\n"
	"elif m == 'big':\n"
	"    b = b'x' * (100 << 20)\n";

static int group_run(struct sbx *b, const char *mode, unsigned mem_mb, struct sbx_outcome *o)
{
	const char *argv[] = { "/usr/bin/python3", "-S", "-c", prog_group, mode, NULL };
	const char *envp[JUDGE_BASE_ENV + 1];
	struct sbx_cmd cmd = {
		.argv = argv,
		.envp = envp,
		.lim = { .cpu_ms = 5000, .wall_ms = 20000, .mem_bytes = (uint64_t)mem_mb << 20,
			 .output_bytes = 1u << 20, .fsize_bytes = 1u << 20, .stack_bytes = 8u << 20,
			 .pids = 16, .nofile = 64, .tmp_mb = 4 },
	};
	char err[512] = "";

	memcpy(envp, judge_base_env, sizeof(judge_base_env));
	envp[JUDGE_BASE_ENV] = NULL;
	sbx_outcome_init(o);
	if (sbx_run(b, &cmd, o, err, sizeof(err)) < 0) {
		fprintf(stderr, "\n  run %s: %s\n", mode, err);
		return -1;
	}
	return 0;
}

static void test_group_reuse(void)
{
	static const struct {
		const char *mode;
		unsigned mem_mb;
	} runs[] = {
		{ "heavy", 128 }, { "heavy", 128 }, { "heavy", 128 },	/* 1-3 */
		{ "light", 128 }, { "light", 128 }, { "light", 128 },	/* 4-6: their groups */
		{ "oom", 64 }, { "light", 64 }, { "light", 64 },	/* 7-9 */
		{ "light", 64 },	/* 10: 7's group had the OOM killer in it: a new one */
		{ "big", 256 },		/* 11: 8's group, limited to 64 MiB before */
		{ "light", 32 },	/* 12: 9's, limited to 64 MiB before */
		{ "big", 256 },		/* 13: 10's, limited to 64 MiB before */
		{ "light", 32 },	/* 14: 11's, limited to 256 MiB before */
	};
	enum { N = sizeof(runs) / sizeof(runs[0]) };
	char group[N][160], err[512] = "";
	struct sbx b = { .sock = -1, .pid = -1 };
	struct sbx_outcome o;
	bool v1;
	size_t i;
	int reused = 0, raised = 0, lowered = 0;

	CU_ASSERT_FATAL(sbx_init(NULL, err, sizeof(err)) == SBX_OK);
	CU_ASSERT_FATAL(sbx_open(&b, 16, err, sizeof(err)) == 0);
	v1 = !strncmp(sbx_cgroups(), "v1 ", 3);
	for (i = 0; i < N; i++) {
		bool oom = !strcmp(runs[i].mode, "oom");

		CU_ASSERT_FATAL(group_run(&b, runs[i].mode, runs[i].mem_mb, &o) == 0);
		snprintf(group[i], sizeof(group[i]), "%.*s", (int)strcspn(o.out.buf, "\n"),
			 o.out.buf);
		if (oom) {
			CU_ASSERT(o.oom);
		} else if (o.status != SBX_EXITED || o.exit_code != 0 || o.oom || !*group[i]) {
			fprintf(stderr, "\n  run %zu (%s): status %d exit %d oom %d: %.500s\n", i + 1,
				runs[i].mode, o.status, o.exit_code, o.oom, o.err.buf);
			CU_FAIL("run did not end cleanly");
		}
		if (!strcmp(runs[i].mode, "heavy")) {
			CU_ASSERT(o.cpu_us >= 250000);
			CU_ASSERT(o.mem_peak >= (48ull << 20));
		} else if (!strcmp(runs[i].mode, "light")) {
			/* neither the last run's 300 ms of CPU nor its 48 MiB */
			CU_ASSERT(o.cpu_us < 200000);
			CU_ASSERT(o.mem_peak < (40ull << 20));
			if (o.cpu_us >= 200000 || o.mem_peak >= (40ull << 20))
				fprintf(stderr, "\n  run %zu: cpu %llu us, peak %llu bytes\n", i + 1,
					(unsigned long long)o.cpu_us,
					(unsigned long long)o.mem_peak);
		}
		sbx_outcome_release(&o);
	}
	sbx_close(&b);
	if (v1) {
		/* groups were reused (else the checks above prove nothing), never 7's */
		for (i = 3; i < 6; i++)
			reused += !strcmp(group[i], group[i - 3]);
		raised = !strcmp(group[10], group[7]) + !strcmp(group[12], group[9]);
		lowered = !strcmp(group[11], group[8]) + !strcmp(group[13], group[10]);
		CU_ASSERT(reused > 0);
		CU_ASSERT(raised > 0);
		CU_ASSERT(lowered > 0);
		CU_ASSERT(*group[6] && strcmp(group[9], group[6]) != 0);
		if (!reused || !raised || !lowered)
			for (i = 0; i < N; i++)
				fprintf(stderr, "\n  run %zu: %s", i + 1, group[i]);
	} else {
		fprintf(stderr, "\n  %s: a new group for every run, nothing reused\n", sbx_cgroups());
	}
	ASSERT_HOST_CLEAN();
}

/* ======================================================================= */

static CU_TestInfo tests[] = {
	{ "identity: non-root uid, no capabilities, no_new_privs, seccomp", test_identity },
	{ "fork bomb", test_fork_bomb },
	{ "fork limit", test_fork_limit },
	{ "thread bomb", test_thread_bomb },
	{ "memory bomb", test_memory_bomb },
	{ "memory bomb across processes", test_memory_bomb_tree },
	{ "disk fill: /tmp and /box", test_disk_fill },
	{ "fresh /tmp per run", test_tmp_fresh_per_run },
	{ "nothing left in the network namespace for the next run", test_net_left_nothing },
	{ "stdout flood", test_stdout_flood },
	{ "stderr flood", test_stderr_flood },
	{ "tcp to a host loopback port", test_tcp_loopback },
	{ "postgresql unix socket", test_postgres_socket },
	{ "abstract unix socket of the host", test_abstract_socket },
	{ "sysv shared memory of the host", test_sysv_ipc },
	{ "read host files", test_read_host_files },
	{ "environment of the host", test_environment },
	{ "walk /proc", test_proc_walk },
	{ "write host paths", test_write_host_paths },
	{ "kill(-1, SIGKILL)", test_kill_all },
	{ "kill(0) and setpriority(PRIO_PGRP): the process group", test_kill_process_group },
	{ "setsid double-forked daemon", test_setsid_daemon },
	{ "symlinks planted for the host", test_symlinks_planted },
	{ "#include of host files", test_include_host_file },
	{ "forbidden system calls", test_forbidden_syscalls },
	{ "foreign system call ABIs (x32, i386)", test_foreign_abi },
	{ "stopped program", test_stopped_program },
	{ "compiler bomb: #include /dev/zero", test_compile_bomb },
	{ "two submissions at once", test_two_submissions_isolated },
	{ "read-only all the way down: a mount under /usr", test_readonly_submounts },
	{ "system calls newer than the filter: ENOSYS", test_new_syscalls },
	{ "speculative store bypass disabled", test_speculation },
	{ "files in /box count against the memory limit", test_box_files_count },
	{ "/dev is the box's own, not the host's devtmpfs", test_dev_is_the_box_own },
	{ "a control group reused: nothing of the last run counts", test_group_reuse },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("hostile", tests)
