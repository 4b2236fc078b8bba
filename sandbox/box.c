/*
 * box.c - build a box (a private mount namespace with a minimal read-only
 * root) and run one process tree in it with fresh pid, mount, net, ipc and
 * uts namespaces, a cgroup, rlimits, a non-root uid and the seccomp filter.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif

/* Fixed at build time: nothing the caller sends or sets chooses where boxes live or who runs them. */
#define FIRST_UID	60000u
#define SLOTS		64u
/*
 * What every box shares read-only at /cache: the precompiled headers and the
 * JVM's class-data archives that conf/box-cache.sh builds as root from the
 * host's toolchains alone.  Bound only when root alone can change the path.
 */
#define CACHE_DIR	"/var/cache/coding-engine"

static struct {
	long ncpu;
	bool ready;
} cfg;

/* Host /etc entries the runtimes read; everything else of /etc stays outside. */
static const char *const etc_entries[] = {
	"ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "java-17-openjdk",
	"mono", "localtime", "nsswitch.conf",
};

/* Top-level names that are links into /usr on merged-/usr systems. */
static const char *const top_links[] = { "bin", "sbin", "lib", "lib32", "lib64", "libx32" };

/* The memory devices (major 1) a runtime may open. */
static const struct {
	const char *name;
	unsigned minor;
} dev_nodes[] = { { "null", 3 }, { "zero", 5 }, { "random", 8 }, { "urandom", 9 } };

static long sys_clone(unsigned long flags, int *pidfd)
{
	/* x86_64 and arm64 order: flags, stack, parent_tid, child_tid, tls */
	return syscall(SYS_clone, flags, NULL, pidfd, NULL, 0);
}

int box_probe(char *err, size_t errlen)
{
	static const struct {
		int flag;
		const char *name;
	} ns[] = {
		{ CLONE_NEWNS, "mount" }, { CLONE_NEWPID, "pid" }, { CLONE_NEWNET, "network" },
		{ CLONE_NEWIPC, "ipc" },  { CLONE_NEWUTS, "uts" },
	};
	size_t i;
	long pid;

	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		pid = sys_clone((unsigned long)ns[i].flag | SIGCHLD, NULL);
		if (pid < 0)
			return fail_errno(err, errlen,
					  "namespaces: cannot create a %s namespace (kernel or "
					  "container lacks it); refusing to run",
					  ns[i].name);
		if (pid == 0)
			_exit(0);
		waitpid((pid_t)pid, NULL, 0);
	}
	return 0;
}

int box_global_init(char *err, size_t errlen)
{
	size_t i;

	if (cfg.ready)
		return 0;
	cfg.ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (cfg.ncpu < 1)
		cfg.ncpu = 1;
	/* root's own directory: if anyone else made or owns it, refuse rather than use it */
	for (i = 0; i < 3; i++) {
		static const char *const dirs[] = { RUN_DIR, RUN_DIR "/root", RUN_DIR "/slots" };
		struct stat st;

		if (mkdir(dirs[i], i == 2 ? 0700 : 0755) < 0 && errno != EEXIST)
			return fail_errno(err, errlen, "cannot create %s", dirs[i]);
		if (lstat(dirs[i], &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0 ||
		    (st.st_mode & 022))
			return fail(err, errlen, "%s must be a directory owned by root and writable only by it",
				    dirs[i]);
	}
	cfg.ready = true;
	return 0;
}

/* ---- building the root, in a throwaway child that owns the new mount namespace ---- */

static int bind_ro(const char *src, const char *dst)
{
	struct mount_attr attr = {
		.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV,
	};

	if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
		return -1;
	/* every mount under the bind too: a remount would change only the top one */
	return mount_setattr(AT_FDCWD, dst, AT_RECURSIVE, &attr, sizeof(attr));
}

static int touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* Mirror a host path into the root: links stay links, directories and files are bound read-only. */
static int mirror(const char *host, const char *inside)
{
	char target[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (lstat(host, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (S_ISLNK(st.st_mode)) {
		n = readlink(host, target, sizeof(target) - 1);
		if (n < 0)
			return -1;
		target[n] = '\0';
		return symlink(target, inside);
	}
	if (S_ISDIR(st.st_mode)) {
		if (mkdir(inside, 0755) < 0)
			return -1;
	} else if (touch(inside) < 0) {
		return -1;
	}
	return bind_ro(host, inside);
}

static int setup_etc(uid_t uid)
{
	char host[64], inside[64], text[1024], group[512];
	size_t i, n, g;
	unsigned t;

	for (i = 0; i < sizeof(etc_entries) / sizeof(etc_entries[0]); i++) {
		snprintf(host, sizeof(host), "/etc/%s", etc_entries[i]);
		snprintf(inside, sizeof(inside), "etc/%s", etc_entries[i]);
		if (mirror(host, inside) < 0)
			return -1;
	}
	/*
	 * a passwd that names only the box user, under the uid of the box and of
	 * each of its twins: runtimes look up $HOME and the user name
	 */
	n = (size_t)snprintf(text, sizeof(text), "root:x:0:0:root:/:/usr/sbin/nologin\n");
	g = (size_t)snprintf(group, sizeof(group), "root:x:0:\n");
	for (t = 0; t <= PROTO_MAX_TWINS; t++) {
		unsigned u = (unsigned)uid + t * SLOTS;

		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "box:x:%u:%u:box:/tmp:/usr/sbin/nologin\n", u, u);
		g += (size_t)snprintf(group + g, sizeof(group) - g, "box:x:%u:\n", u);
	}
	if (n >= sizeof(text) || g >= sizeof(group) || touch("etc/passwd") < 0 ||
	    write_file("etc/passwd", text) < 0 || touch("etc/group") < 0 ||
	    write_file("etc/group", group) < 0)
		return -1;
	return 0;
}

/*
 * /dev is a tmpfs of its own (the root is nodev) with four fresh nodes, not
 * binds of the host's devtmpfs, whose mount line would tell the host's memory.
 */
static int setup_dev(void)
{
	char path[32];
	size_t i;

	if (mount("dev", "dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "size=4k,nr_inodes=16,mode=755") < 0)
		return -1;
	for (i = 0; i < sizeof(dev_nodes) / sizeof(dev_nodes[0]); i++) {
		snprintf(path, sizeof(path), "dev/%s", dev_nodes[i].name);
		if (mknod(path, S_IFCHR | 0666, makedev(1, dev_nodes[i].minor)) < 0 || chmod(path, 0666) < 0)
			return -1;
	}
	if (symlink("/proc/self/fd", "dev/fd") < 0 || symlink("/proc/self/fd/0", "dev/stdin") < 0 ||
	    symlink("/proc/self/fd/1", "dev/stdout") < 0 ||
	    symlink("/proc/self/fd/2", "dev/stderr") < 0)
		return -1;
	return mount(NULL, "dev", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NOEXEC, NULL);
}

/* Every directory on the way to CACHE_DIR is root's and writable by no one else. */
static bool cache_trusted(void)
{
	static const char *const path[] = { "/var", "/var/cache", CACHE_DIR };
	struct stat st;
	size_t i;

	for (i = 0; i < sizeof(path) / sizeof(path[0]); i++)
		if (lstat(path[i], &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0 ||
		    (st.st_mode & 022))
			return false;
	return true;
}

static int setup_root(uid_t uid, unsigned work_mb, const char **step)
{
	static const char *const dirs[] = { "usr", "etc", "dev", "proc", "tmp", "box", "cache" };
	char opts[128], host[32];
	size_t i;

	*step = "make mounts private";
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return -1;
	*step = "mount root tmpfs";
	if (mount("box", RUN_DIR "/root", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,nr_inodes=512,mode=755") <
		    0 ||
	    chdir(RUN_DIR "/root") < 0)
		return -1;
	*step = "populate root";
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (mkdir(dirs[i], 0755) < 0)
			return -1;
	for (i = 0; i < sizeof(top_links) / sizeof(top_links[0]); i++) {
		snprintf(host, sizeof(host), "/%s", top_links[i]);
		if (mirror(host, top_links[i]) < 0)
			return -1;
	}
	*step = "bind /usr";
	if (bind_ro("/usr", "usr") < 0)
		return -1;
	/* no cache (not built, or not root's alone): /cache stays empty and compiles take longer */
	*step = "bind /cache";
	if (cache_trusted() && bind_ro(CACHE_DIR, "cache") < 0)
		return -1;
	*step = "populate /etc";
	if (setup_etc(uid) < 0)
		return -1;
	*step = "populate /dev";
	if (setup_dev() < 0)
		return -1;
	*step = "mount /box";
	snprintf(opts, sizeof(opts), "size=%um,nr_inodes=4096,mode=755,uid=%u,gid=%u", work_mb,
		 (unsigned)uid, (unsigned)uid);
	if (mount("box", "box", "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
		return -1;
	*step = "make root read-only";
	if (mount(NULL, ".", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0)
		return -1;
	/* pivot onto itself, then drop the old root stacked underneath */
	*step = "pivot_root";
	if (syscall(SYS_pivot_root, ".", ".") < 0 || umount2(".", MNT_DETACH) < 0 || chdir("/") < 0)
		return -1;
	return 0;
}

static int slot_lock(struct box *b, char *err, size_t errlen)
{
	char path[400];
	unsigned i, s, start = (unsigned)getpid() % SLOTS;
	int fd;

	for (i = 0; i < SLOTS; i++) {
		s = (start + i) % SLOTS;
		snprintf(path, sizeof(path), RUN_DIR "/slots/%u", s);
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0)
			return fail_errno(err, errlen, "cannot open slot lock %s", path);
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			/* groups of this slot left by a judge that died are ours to remove now */
			snprintf(path, sizeof(path), "b%u-", s);
			cg_sweep(path);
			b->slot = (int)s;
			b->tag = (unsigned)(mono_us() * 2654435761u) ^ (unsigned)getpid() * 40503u;
			b->uid = (uid_t)(FIRST_UID + s);
			b->lock_fd = fd;
			return 0;
		}
		close(fd);
	}
	return fail(err, errlen, "all %u sandbox slots are busy", SLOTS);
}

static int spare_make(struct box *b, char *err, size_t errlen);
static void spare_drop(struct box *b, struct box_spare *s);

/*
 * A fresh network namespace, its fd; the launcher stays in its own.  Its
 * loopback is never brought up, and the filter lets a program make unix
 * sockets only: a run can leave nothing in it that outlives the run's
 * processes, so the runs of one launcher share it (box_init).
 */
static int net_make(void)
{
	int self, fd = -1;

	self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (self < 0)
		return -1;
	if (unshare(CLONE_NEWNET) == 0) {
		fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
		/* back where it was, or no more sockets of the launcher's in the box's namespace */
		if (setns(self, CLONE_NEWNET) < 0)
			_exit(1);
	}
	close(self);
	return fd;
}

void box_prepare(struct box *b)
{
	char err[160];

	if (b->spare.pid > 0 && b->spare.owner != getpid())
		spare_drop(b, &b->spare);
	/* if it cannot be made, the next run tries again and says why */
	if (b->spare.pid <= 0)
		spare_make(b, err, sizeof(err));
}

int box_open(struct box *b, unsigned work_mb, char *err, size_t errlen)
{
	char path[64], msg[160];
	const char *step = "";
	int ready[2], clone_err;
	ssize_t n;
	long pid;

	memset(b, 0, sizeof(*b));
	b->lock_fd = b->mnt_fd = b->dir_fd = b->net_fd = -1;
	cg_clear(&b->idle);
	if (!cfg.ready)
		return fail(err, errlen, "sandbox not initialised");
	if (slot_lock(b, err, errlen) < 0)
		return -1;
	if (pipe2(ready, O_CLOEXEC) < 0) {
		fail_errno(err, errlen, "pipe");
		box_close(b);
		return -1;
	}
	pid = sys_clone(CLONE_NEWNS | SIGCHLD, NULL);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		close(ready[0]);
		if (setup_root(b->uid, work_mb, &step) < 0) {
			snprintf(msg, sizeof(msg), "box root: %s: %s", step, strerror(errno));
			write_all(ready[1], msg, strlen(msg));
			_exit(1);
		}
		/* say so, then hold the namespace until the parent has opened it and kills us */
		write_all(ready[1], "", 1);
		for (;;)
			pause();
	}
	clone_err = errno;
	close(ready[1]);
	/* the network namespace while the child builds the root: each takes about half a ms */
	b->net_fd = net_make();
	if (pid < 0) {
		errno = clone_err;
		fail_errno(err, errlen, "cannot create the box's mount namespace");
	} else if (b->net_fd < 0)
		fail_errno(err, errlen, "cannot create the box's network namespace");
	n = pid < 0 || b->net_fd < 0 ? 0 : read(ready[0], msg, sizeof(msg) - 1);
	close(ready[0]);
	if (n == 1 && msg[0] == '\0') {
		snprintf(path, sizeof(path), "/proc/%ld/ns/mnt", pid);
		b->mnt_fd = open(path, O_RDONLY | O_CLOEXEC);
		snprintf(path, sizeof(path), "/proc/%ld/root/box", pid);
		b->dir_fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
		if (b->mnt_fd < 0 || b->dir_fd < 0)
			fail_errno(err, errlen, "cannot open the box namespace");
	} else if (pid > 0 && b->net_fd >= 0) {
		msg[n > 0 ? n : 0] = '\0';
		fail(err, errlen, "%s", n > 0 ? msg : "box root: builder died");
	}
	if (pid > 0) {
		kill((pid_t)pid, SIGKILL);
		waitpid((pid_t)pid, NULL, 0);
	}
	if (b->mnt_fd >= 0 && b->dir_fd >= 0) {
		/* the first run's init gets ready while the files come */
		box_prepare(b);
		return 0;
	}
	box_close(b);
	return -1;
}

int box_copy_file(struct box *b, const char *name, int src, size_t len, mode_t mode, char *err,
		  size_t errlen)
{
	off_t off = 0;
	ssize_t n = 1;
	int fd;

	fd = openat(b->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return fail_errno(err, errlen, "cannot create %s in the box", name);
	while ((size_t)off < len && n > 0) {
		n = sendfile(fd, src, &off, len - (size_t)off);
		if (n < 0 && errno == EINTR)
			n = 1;
	}
	if (close(fd) < 0 || (size_t)off != len)
		return fail_errno(err, errlen, "cannot write %s in the box", name);
	return 0;
}

uint64_t box_bytes(const struct box *b)
{
	struct statfs sf;

	if (fstatfs(b->dir_fd, &sf) < 0)
		return 0;
	return (uint64_t)(sf.f_blocks - sf.f_bfree) * (uint64_t)sf.f_bsize;
}

void box_close(struct box *b)
{
	spare_drop(b, &b->spare);
	spare_drop(b, &b->spent);
	cg_destroy(&b->idle);
	/* closing the last reference to the namespace unmounts everything in it */
	if (b->dir_fd >= 0)
		close(b->dir_fd);
	if (b->mnt_fd >= 0)
		close(b->mnt_fd);
	if (b->lock_fd >= 0)
		close(b->lock_fd);
	if (b->net_fd >= 0)
		close(b->net_fd);
	b->dir_fd = b->mnt_fd = b->lock_fd = b->net_fd = -1;
}

int box_become_twin(struct box *b, unsigned twin)
{
	b->twin = twin;
	b->uid = (uid_t)(FIRST_UID + b->slot + twin * SLOTS);
	b->runs = 0;
	/* the group its maker kept is the maker's: a twin keeps only its own */
	cg_forget(&b->idle);
	cg_clear(&b->idle);
	/* runs side by side share no network namespace: not even an abstract unix socket's name */
	close(b->net_fd);
	b->net_fd = net_make();
	if (b->net_fd < 0)
		return -1;
	/* the owner's waiting init stays the owner's; this one makes its own, under its uid */
	box_prepare(b);
	return 0;
}

/* ---- running one process tree ---- */

enum { REPORT_ENDED = 1, REPORT_FAILED };

struct report {
	int kind;
	int wstatus;
	int err;
	char step[40];
	struct rusage ru;
};

struct child {
	const struct box *box;
	const struct box_cmd *cmd;	/* NULL until the command came on go_r */
	const struct cg_run *cg;
	int status_w;
	int go_r;
	volatile int exec_err;
	volatile const char *exec_step;
};

/* The command as the launcher sends it to a waiting init: this, argc + envc strings, the fds. */
struct go_head {
	struct box_limits lim;
	int writable;
	int nfd;
	int argc;
	int envc;
};

static void report(const struct child *c, int kind, int wstatus, int e, const char *step,
		   const struct rusage *ru)
{
	struct report r;

	memset(&r, 0, sizeof(r));
	r.kind = kind;
	r.wstatus = wstatus;
	r.err = e;
	if (step)
		snprintf(r.step, sizeof(r.step), "%s", step);
	if (ru)
		r.ru = *ru;
	write_all(c->status_w, &r, sizeof(r));
}

/* The run's own mount namespace, a copy of the box's, with a /proc of its pid namespace. */
static int setup_mounts(const struct child *c)
{
	if (setns(c->box->mnt_fd, CLONE_NEWNS) < 0 || unshare(CLONE_NEWNS) < 0)
		return -1;
	/* only this box's processes appear in its /proc, and only those the viewer may inspect */
	return mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		     "hidepid=invisible,subset=pid");
}

/* What depends on the command: /tmp's size, and /box read-only but for a compile. */
static int setup_cmd_mounts(const struct box_cmd *cmd)
{
	char tmp_opts[96];

	snprintf(tmp_opts, sizeof(tmp_opts), "size=%um,nr_inodes=4096,mode=1777", cmd->lim.tmp_mb);
	if (mount("tmp", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, tmp_opts) < 0)
		return -1;
	if (!cmd->writable &&
	    mount(NULL, "/box", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV,
		  NULL) < 0)
		return -1;
	return 0;
}

static int set_rlimit(int res, uint64_t soft, uint64_t hard)
{
	struct rlimit rl = { (rlim_t)soft, (rlim_t)hard };

	return setrlimit(res, &rl);
}

static int setup_rlimits(const struct box_limits *l)
{
	uint64_t cpu_s = (l->cpu_ms + 999) / 1000 + 1;

	/* the cgroup is the real CPU limit; this is a backstop per process */
	if (set_rlimit(RLIMIT_CPU, cpu_s, cpu_s + 1) < 0 ||
	    set_rlimit(RLIMIT_FSIZE, l->fsize_bytes, l->fsize_bytes) < 0 ||
	    set_rlimit(RLIMIT_CORE, 0, 0) < 0 ||
	    set_rlimit(RLIMIT_STACK, l->stack_bytes, l->stack_bytes) < 0 ||
	    set_rlimit(RLIMIT_NOFILE, l->nofile, l->nofile) < 0 ||
	    set_rlimit(RLIMIT_NPROC, l->pids, l->pids) < 0 || set_rlimit(RLIMIT_MEMLOCK, 0, 0) < 0 ||
	    set_rlimit(RLIMIT_MSGQUEUE, 0, 0) < 0)
		return -1;
	return 0;
}

static int setup_credentials(uid_t uid)
{
	/* raw system calls: libc would try to broadcast to threads that do not exist here */
	if (syscall(SYS_setgroups, 0, NULL) < 0 || syscall(SYS_setresgid, uid, uid, uid) < 0 ||
	    syscall(SYS_setresuid, uid, uid, uid) < 0)
		return -1;
	return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

static int setup_fds(const struct child *c)
{
	int hi[3 + PROTO_MAX_EXTRA_FDS], i, n = c->cmd->nfd;

	/* out of the way first: a source may sit where an earlier one is going */
	for (i = 0; i < n; i++)
		if ((hi[i] = fcntl(c->cmd->fd[i], F_DUPFD_CLOEXEC, 3 + PROTO_MAX_EXTRA_FDS)) < 0)
			return -1;
	for (i = 0; i < n; i++)
		if (dup2(hi[i], i) < 0)
			return -1;
	return close_range((unsigned)n, ~0u, 0);
}

void box_reset_signals(void)
{
	sigset_t all;
	int s;

	for (s = 1; s < NSIG; s++)
		signal(s, SIG_DFL);
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
}

/*
 * Empty the bounding set, so not even a setuid binary could regain a
 * capability.  The launcher does it once, as it starts: it keeps the
 * capabilities it has, never executes a program itself, and every init and
 * program of its boxes inherits the empty set (each drop costs the kernel a
 * new set of credentials, some 70 us for the lot).
 */
int box_drop_bounding_set(void)
{
	int cap;

	for (cap = 0; cap <= 63; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			return -1;
	return 0;
}

/* The program: the vfork child of the box's init. */
static void exec_program(struct child *c)
{
	const char *step;

	/* init may be shielded from the OOM killer; the program must not be */
	write_file("/proc/self/oom_score_adj", "0");
	/* fds before rlimits: moving them aside may need more than the program's nofile */
	step = "fds";
	if (setup_fds(c) < 0)
		goto fail;
	step = "rlimits";
	if (setup_rlimits(&c->cmd->lim) < 0)
		goto fail;
	/* no speculative store bypass: a program cannot read across it (EINVAL/ENXIO: not this CPU) */
	step = "speculation control";
	if (prctl(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, PR_SPEC_FORCE_DISABLE, 0, 0) < 0 &&
	    errno != EINVAL && errno != ENXIO)
		goto fail;
	step = "credentials";
	if (setup_credentials(c->box->uid) < 0)
		goto fail;
	step = "seccomp";
	if (rules_apply() < 0)
		goto fail;
	step = "chdir";
	if (chdir("/box") < 0)
		goto fail;
	step = "execve";
	execve(c->cmd->argv[0], (char *const *)c->cmd->argv, (char *const *)c->cmd->envp);
fail:
	c->exec_err = errno;
	c->exec_step = step;
	_exit(127);
}

/*
 * Wait for the command on go_r: 0 with it in cmd (its strings and fds live
 * in this process's copy of the buffers), 1 when the launcher let us go
 * unused, -1 on a malformed message.
 */
static int receive_go(int go_r, struct box_cmd *cmd)
{
	static char buf[sizeof(struct go_head) + PROTO_MAX_MSG];
	static const char *strs[2 * (PROTO_MAX_STRINGS + 1)];
	union {
		char buf[CMSG_SPACE(sizeof(int) * (3 + PROTO_MAX_EXTRA_FDS))];
		struct cmsghdr align;
	} ctrl;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctrl.buf,
			     .msg_controllen = sizeof(ctrl.buf) };
	struct cmsghdr *cm;
	struct go_head h;
	const char *p, *end;
	ssize_t n;
	int i;

	while ((n = recvmsg(go_r, &mh, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
		;
	if (n == 0)
		return 1;
	if (n < (ssize_t)sizeof(h) || (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)))
		return -1;
	memcpy(&h, buf, sizeof(h));
	cm = CMSG_FIRSTHDR(&mh);
	if (h.nfd < 3 || h.nfd > 3 + PROTO_MAX_EXTRA_FDS || h.argc < 1 ||
	    h.argc > PROTO_MAX_STRINGS || h.envc < 0 || h.envc > PROTO_MAX_STRINGS || !cm ||
	    cm->cmsg_type != SCM_RIGHTS || cm->cmsg_len != CMSG_LEN(sizeof(int) * (size_t)h.nfd))
		return -1;
	memset(cmd, 0, sizeof(*cmd));
	memcpy(cmd->fd, CMSG_DATA(cm), sizeof(int) * (size_t)h.nfd);
	cmd->nfd = h.nfd;
	cmd->lim = h.lim;
	cmd->writable = h.writable;
	p = buf + sizeof(h);
	end = buf + n;
	for (i = 0; i < h.argc + h.envc; i++) {
		const char *z = memchr(p, '\0', (size_t)(end - p));

		if (!z)
			return -1;
		strs[i < h.argc ? i : i + 1] = p;
		p = z + 1;
	}
	strs[h.argc] = NULL;
	strs[h.argc + 1 + h.envc] = NULL;
	cmd->argv = strs;
	cmd->envp = strs + h.argc + 1;
	return 0;
}

/*
 * pid 1 of the box: set up what any run needs, wait for the command, set up
 * what it needs, start the program, reap, report.
 */
static void box_init(struct child *c)
{
	struct pollfd pf = { .fd = c->status_w, .events = POLLOUT };
	struct box_cmd cmd;
	struct rusage ru;
	const char *step;
	int wstatus = 0, r;
	pid_t pid, w;

	/* if the judge dies, init dies, and with it every process of the box */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (poll(&pf, 1, 0) == 1 && (pf.revents & POLLERR))
		_exit(1);
	/* root-owned and non-dumpable: the program cannot read init's memory or environment */
	prctl(PR_SET_DUMPABLE, 0);
	/* best effort (needs CAP_SYS_RESOURCE): if the OOM killer takes init, the run is still MLE */
	write_file("/proc/self/oom_score_adj", "-1000");
	step = "network namespace";
	if (setns(c->box->net_fd, CLONE_NEWNET) < 0)
		goto fail;
	step = "cgroup";
	if (cg_join(c->cg) < 0)
		goto fail;
	step = "mounts";
	if (setup_mounts(c) < 0)
		goto fail;
	step = "hostname";
	if (sethostname("box", 3) < 0)
		goto fail;
	box_reset_signals();
	/* a session of its own: kill(0) and PRIO_PGRP must not reach the judge's process group */
	step = "setsid";
	if (setsid() < 0)
		goto fail;
	step = "command";
	r = receive_go(c->go_r, &cmd);
	if (r == 1)
		_exit(0);
	if (r < 0) {
		errno = EPROTO;
		goto fail;
	}
	close(c->go_r);
	c->cmd = &cmd;
	step = "mounts";
	if (setup_cmd_mounts(&cmd) < 0)
		goto fail;
	c->exec_err = 0;
	pid = vfork();
	if (pid < 0) {
		step = "vfork";
		goto fail;
	}
	if (pid == 0)
		exec_program(c);
	for (int i = 0; i < c->cmd->nfd; i++)
		close(c->cmd->fd[i]);
	if (c->exec_err) {
		waitpid(pid, &wstatus, 0);
		report(c, REPORT_FAILED, 0, c->exec_err, (const char *)c->exec_step, NULL);
		_exit(0);
	}
	/* orphans of the box are re-parented to us: reap them until the program is gone */
	for (;;) {
		w = wait4(-1, &wstatus, 0, &ru);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			step = "wait";
			goto fail;
		}
	}
	/*
	 * then end what it left and reap that too, as the kernel would when init
	 * ends: the report says that the run is over, and the launcher does not
	 * wait for the rest of init's exit (its namespaces' teardown)
	 */
	kill(-1, SIGKILL);
	while (wait4(-1, NULL, 0, NULL) > 0 || errno == EINTR)
		;
	report(c, REPORT_ENDED, wstatus, 0, NULL, &ru);
	_exit(0);
fail:
	report(c, REPORT_FAILED, 0, errno, step, NULL);
	_exit(1);
}

struct monitor {
	int pidfd;
	long pid;
	enum proto_status killed_for;
	bool killed;
	bool exited;	/* init is gone */
	bool reported;	/* init's report came: the run is over (init is ending) */
};

static void kill_box(struct monitor *m, enum proto_status why)
{
	if (m->killed)
		return;
	m->killed = true;
	m->killed_for = why;
	/* init dies, and the kernel kills everything else in its pid namespace */
	kill((pid_t)m->pid, SIGKILL);
}

/* Until the process ends, without reaping it: its status in si. */
static void await_end(long pid, siginfo_t *si)
{
	memset(si, 0, sizeof(*si));
	while (waitid(P_PID, (id_t)pid, si, WEXITED | WNOWAIT) < 0 && errno == EINTR)
		;
}

/*
 * Watch the run that started at start (mono_us) until its init reports on
 * st, having reaped every process of the run, or is gone; a killed run
 * until its init is gone, the kernel having ended all the others.
 */
static int monitor_run(struct monitor *m, const struct box_cmd *cmd, const struct cg_run *cg,
		       int ctl, int st, uint64_t start, struct report *rep, struct box_outcome *o)
{
	const uint64_t wall_end = start + cmd->lim.wall_ms * 1000u;
	const uint64_t cpu_limit_ns = cmd->lim.cpu_ms * 1000000u;
	uint64_t now, next_cpu = start, cpu_ns, wait_us, until;
	struct pollfd pfd[3] = { { .fd = m->pidfd, .events = POLLIN },
				 { .fd = st, .events = POLLIN },
				 { .fd = ctl, .events = POLLIN } };
	ssize_t n;

	while (!m->exited && !(m->reported && !m->killed)) {
		now = mono_us();
		if (!m->killed && now >= wall_end)
			kill_box(m, PROTO_WALL);
		if (!m->killed && now >= next_cpu) {
			/* an unreadable counter is asked again soon; the wall limit still holds */
			if (cg_cpu_ns(cg, &cpu_ns) < 0)
				next_cpu = now + 10000u;
			else if (cpu_ns >= cpu_limit_ns)
				kill_box(m, PROTO_CPU);
			/* CPU time cannot grow faster than ncpu seconds per second */
			else
				next_cpu = now + (cpu_limit_ns - cpu_ns) / 1000u / (uint64_t)cfg.ncpu +
					   1000u;
		}
		until = next_cpu < wall_end ? next_cpu : wall_end;
		wait_us = m->killed ? 100000u : until > now ? until - now : 0;
		/*
		 * any message from the caller, or its end, stops the run; the message
		 * stays queued for the launcher, and the socket needs no more watching
		 */
		if (poll(pfd, m->killed ? 2 : 3, (int)((wait_us + 999) / 1000)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (pfd[0].revents)
			m->exited = true;
		if (pfd[1].revents) {
			/* a report, or the end of the pipe when init died without one */
			n = read(st, rep, sizeof(*rep));
			m->reported = n == (ssize_t)sizeof(*rep);
			pfd[1].fd = -1;
		}
		if (!m->killed && pfd[2].revents)
			kill_box(m, PROTO_KILLED);
	}
	o->wall_us = mono_us() - start;
	return 0;
}

/* Close every fd but those of keep (n of them, -1s allowed). */
static void close_all_but(const int *keep, int n)
{
	unsigned lo = 0, hi;
	int i, next;

	for (;;) {
		/* the lowest kept fd at or above lo */
		next = -1;
		for (i = 0; i < n; i++)
			if (keep[i] >= (int)lo && (next < 0 || keep[i] < next))
				next = keep[i];
		hi = next < 0 ? ~0u : (unsigned)next;
		if (hi > lo)
			close_range(lo, hi - 1, 0);
		if (next < 0)
			return;
		lo = (unsigned)next + 1;
	}
}

/* This launcher's kept group, ready for a new run, into cg; false when there is none to be had. */
static bool idle_take(struct box *b, struct cg_run *cg)
{
	if (!b->idle.ndirs)
		return false;
	*cg = b->idle;
	cg_clear(&b->idle);
	if (cg_reuse(cg) == 0)
		return true;
	cg_destroy(cg);
	return false;
}

/*
 * Make the next run's init: fresh pid, ipc and uts namespaces and a fresh
 * cgroup (or one an ended run of this launcher left, made ready as new:
 * idle_take), that it joins, its own mount namespace with its /proc, and the
 * box's network namespace (net_make).  Joining a cgroup waits for an RCU
 * grace period (several ms on cgroup v1 when none was joined for a while):
 * made while the run before goes, that is not in the next one's way.  It
 * holds nothing of a run until the command comes (spare_go).
 */
static int spare_make(struct box *b, char *err, size_t errlen)
{
	struct box_spare *s = &b->spare;
	int st[2] = { -1, -1 }, sv[2] = { -1, -1 }, pidfd = -1;
	struct child c;
	char name[48];
	long pid;

	memset(s, 0, sizeof(*s));
	s->pidfd = s->status_r = s->go = -1;
	/* no host pid in the name: the box can read its own cgroup path */
	snprintf(name, sizeof(name), "b%d-%08x-%u-%u", b->slot, b->tag, b->twin, b->runs++);
	if (!idle_take(b, &s->cg) && cg_create(&s->cg, name, err, errlen) < 0)
		return -1;
	if (pipe2(st, O_CLOEXEC) < 0 || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		fail_errno(err, errlen, "pipe");
		goto fail;
	}
	memset(&c, 0, sizeof(c));
	c.box = b;
	c.cg = &s->cg;
	c.status_w = st[1];
	c.go_r = sv[1];
	pid = sys_clone(CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_PIDFD | SIGCHLD, &pidfd);
	if (pid < 0) {
		fail_errno(err, errlen, "clone");
		goto fail;
	}
	if (pid == 0) {
		/* nothing of the run going on now: above all not its pipes, whose end its reader awaits */
		const int keep[] = { st[1], sv[1], b->mnt_fd, b->net_fd, s->cg.procs_fd[0],
				     s->cg.procs_fd[1], s->cg.procs_fd[2] };

		close_all_but(keep, (int)(sizeof(keep) / sizeof(keep[0])));
		box_init(&c);
	}
	close(st[1]);
	close(sv[1]);
	s->pid = pid;
	s->pidfd = pidfd;
	s->status_r = st[0];
	s->go = sv[0];
	s->owner = getpid();
	return 0;
fail:
	for (int i = 0; i < 2; i++) {
		if (st[i] >= 0)
			close(st[i]);
		if (sv[i] >= 0)
			close(sv[i]);
	}
	cg_destroy(&s->cg);
	s->pid = 0;
	return -1;
}

/*
 * Forget a spare or spent init; its maker also ends and reaps it, and
 * removes its group, or keeps a spent run's group for a later run (idle).
 */
static void spare_drop(struct box *b, struct box_spare *s)
{
	bool mine = s->pid > 0 && s->owner == getpid();

	if (s->pid <= 0)
		return;
	if (mine)
		kill((pid_t)s->pid, SIGKILL);
	close(s->pidfd);
	if (s->status_r >= 0)
		close(s->status_r);
	if (s->go >= 0)
		close(s->go);
	if (mine) {
		waitpid((pid_t)s->pid, NULL, 0);
		if (s == &b->spent && !b->idle.ndirs)
			b->idle = s->cg;
		else
			cg_destroy(&s->cg);
	} else {
		/* a fork of the launcher: the group and the process are its maker's */
		cg_forget(&s->cg);
	}
	s->pid = 0;
}

/* The command and its fds to the waiting init; -1 when it is gone. */
static int spare_go(const struct box_spare *s, const struct box_cmd *cmd)
{
	static char buf[sizeof(struct go_head) + PROTO_MAX_MSG];
	union {
		char buf[CMSG_SPACE(sizeof(int) * (3 + PROTO_MAX_EXTRA_FDS))];
		struct cmsghdr align;
	} ctrl;
	struct go_head h = { .lim = cmd->lim, .writable = cmd->writable, .nfd = cmd->nfd };
	struct iovec iov = { .iov_base = buf };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctrl.buf };
	struct cmsghdr *cm;
	size_t len = sizeof(h), k;
	const char *const *v;
	int pass;

	if (cmd->nfd < 3 || cmd->nfd > 3 + PROTO_MAX_EXTRA_FDS)
		return -1;
	for (pass = 0; pass < 2; pass++)
		for (v = pass ? cmd->envp : cmd->argv; *v; v++) {
			k = strlen(*v) + 1;
			if (len + k > sizeof(buf))
				return -1;
			memcpy(buf + len, *v, k);
			len += k;
			pass ? h.envc++ : h.argc++;
		}
	memcpy(buf, &h, sizeof(h));
	iov.iov_len = len;
	memset(&ctrl, 0, sizeof(ctrl));
	mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)cmd->nfd);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)cmd->nfd);
	memcpy(CMSG_DATA(cm), cmd->fd, sizeof(int) * (size_t)cmd->nfd);
	while (sendmsg(s->go, &mh, MSG_NOSIGNAL) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

int box_run(struct box *b, const struct box_cmd *cmd, int ctl, struct box_outcome *o, char *err,
	    size_t errlen)
{
	struct monitor m = { .pidfd = -1 };
	struct box_spare s;
	struct cg_run cg;
	struct report rep;
	siginfo_t si;
	int r = -1, st = -1, go = -1;
	uint64_t cpu_ns = 0, start;

	memset(o, 0, sizeof(*o));
	/* the init made while the last run went, or one made now (never one another launcher made) */
	if (b->spare.pid > 0 && b->spare.owner != getpid())
		spare_drop(b, &b->spare);
	if (b->spare.pid <= 0 && spare_make(b, err, errlen) < 0)
		return -1;
	s = b->spare;
	b->spare.pid = 0;
	cg = s.cg;
	m.pid = s.pid;
	m.pidfd = s.pidfd;
	st = s.status_r;
	go = s.go;
	if (cg_limit(&cg, cmd->lim.mem_bytes, cmd->lim.pids, err, errlen) < 0) {
		kill_box(&m, PROTO_KILLED);
		goto out;
	}
	memset(&rep, 0, sizeof(rep));
	start = mono_us();
	if (spare_go(&s, cmd) < 0) {
		/* it failed before it could take the command: its report says why */
		kill_box(&m, PROTO_KILLED);
		await_end(m.pid, &si);
		fcntl(st, F_SETFL, O_NONBLOCK);
		if (read(st, &rep, sizeof(rep)) == (ssize_t)sizeof(rep) && rep.kind == REPORT_FAILED)
			fail(err, errlen, "cannot start %s: %s: %s", cmd->argv[0], rep.step,
			     strerror(rep.err));
		else
			fail(err, errlen, "cannot start %s: the box's init is gone", cmd->argv[0]);
		goto out;
	}
	close(go);
	go = -1;
	/* the next run's, while this one goes; if it fails, the next run makes its own */
	spare_make(b, err, errlen);
	err[0] = '\0';
	/*
	 * and the last run's init, ended by now, reaped, with its group removed:
	 * its exit (its namespaces) and the removal of a memory group can take the
	 * kernel milliseconds, which no run's outcome waits for
	 */
	spare_drop(b, &b->spent);

	if (monitor_run(&m, cmd, &cg, ctl, st, start, &rep, o) < 0) {
		kill_box(&m, PROTO_WALL);
		fail_errno(err, errlen, "monitor");
		goto out;
	}

	cg_cpu_ns(&cg, &cpu_ns);
	o->cpu_us = cpu_ns / 1000u;
	cg_mem_stats(&cg, &o->mem_peak, &o->oom);
	o->box_bytes = box_bytes(b);

	if (m.reported && rep.kind == REPORT_FAILED) {
		fail(err, errlen, "cannot start %s: %s: %s", cmd->argv[0], rep.step, strerror(rep.err));
		goto out;
	}
	if (m.killed) {
		o->status = m.killed_for;
		o->exit_code = -1;
		o->signal = SIGKILL;
	} else if (m.reported && rep.kind == REPORT_ENDED) {
		o->maxrss = (uint64_t)rep.ru.ru_maxrss * 1024u;
		if (WIFEXITED(rep.wstatus)) {
			o->status = PROTO_EXITED;
			o->exit_code = WEXITSTATUS(rep.wstatus);
		} else {
			o->status = PROTO_SIGNALED;
			o->exit_code = -1;
			o->signal = WTERMSIG(rep.wstatus);
		}
	} else {
		/* init died without a word: only the kernel (OOM) or a signal from outside does that */
		await_end(m.pid, &si);
		o->status = PROTO_SIGNALED;
		o->exit_code = -1;
		o->signal = si.si_code == CLD_KILLED || si.si_code == CLD_DUMPED ? si.si_status : SIGKILL;
	}
	r = 0;
out:
	if (st >= 0)
		close(st);
	if (go >= 0)
		close(go);
	/* its init may still be ending: reaped, with its group removed, while the next run goes */
	spare_drop(b, &b->spent);
	b->spent = (struct box_spare){ .pid = m.pid, .pidfd = m.pidfd, .status_r = -1, .go = -1,
				       .owner = getpid(), .cg = cg };
	return r;
}
