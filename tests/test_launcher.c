/*
 * test_launcher.c - bin/ce-box, the privileged launcher, spoken to directly
 *
 * Every malformed or hostile request is refused with "err ...", changes
 * nothing and leaves the launcher serving; a well-formed sequence builds a
 * box, copies a file in, runs a program and stops one on request.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <limits.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "proto.h"

struct lc {
	int sock;
	pid_t pid;
};

static const char *launcher_path(void)
{
	const char *p = getenv("CE_BOX");

	return p && *p ? p : "bin/ce-box";
}

static void lc_start(struct lc *l)
{
	char *const argv[] = { (char *)launcher_path(), NULL };
	char *const envp[] = { NULL };
	posix_spawn_file_actions_t fa;
	int sv[2];

	CU_ASSERT_EQUAL_FATAL(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
	CU_ASSERT_EQUAL_FATAL(posix_spawn(&l->pid, argv[0], &fa, NULL, argv, envp), 0);
	posix_spawn_file_actions_destroy(&fa);
	close(sv[1]);
	l->sock = sv[0];
}

/* Close the socket; the launcher must end by itself, cleanly. */
static void lc_stop(struct lc *l)
{
	int st = -1;

	close(l->sock);
	CU_ASSERT_EQUAL(waitpid(l->pid, &st, 0), l->pid);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static void lc_send(struct lc *l, const void *m, size_t len, const int *fds, int nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 8)];
		struct cmsghdr align;
	} ctrl;
	struct iovec iov = { .iov_base = (void *)m, .iov_len = len };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *c;

	if (nfds) {
		memset(&ctrl, 0, sizeof(ctrl));
		mh.msg_control = ctrl.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)nfds);
	}
	CU_ASSERT_EQUAL(sendmsg(l->sock, &mh, MSG_NOSIGNAL), (ssize_t)len);
}

static const char *lc_reply(struct lc *l)
{
	static char buf[1024];
	ssize_t n = recv(l->sock, buf, sizeof(buf) - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* Send a request and expect a refusal. */
static void refused(struct lc *l, const void *m, size_t len, const int *fds, int nfds)
{
	const char *r;

	lc_send(l, m, len, fds, nfds);
	r = lc_reply(l);
	if (strncmp(r, "err ", 4))
		fprintf(stderr, "\n  accepted: %.*s -> %s\n", (int)(len > 80 ? 80 : len),
			(const char *)m, r);
	CU_ASSERT_EQUAL(strncmp(r, "err ", 4), 0);
}

#define REFUSED(l, s) refused(l, s, sizeof(s) - 1, NULL, 0)

static int sealed_memfd(const char *text, bool seal)
{
	int fd = memfd_create("t", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	if (seal)
		CU_ASSERT_FATAL(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE) == 0);
	return fd;
}

/* A run header with the given fields and argv = {"/usr/bin/true"}, no environment. */
static size_t run_msg(char *buf, size_t len, const char *fields)
{
	int n = snprintf(buf, len, "run %s\n/usr/bin/true", fields);

	return (size_t)n + 1;
}

static void test_refuses_malformed(void)
{
	static const char *const bad[] = {
		"open", "open 0", "open -1", "open 1025", "open 01", "open 1 2", "open +5",
		"open 99999999999999999999", "open 0x10", "open  5", "open 5 ", " open 5",
		"OPEN 5", "check now", "file", "file a b", "nonsense", "run", "run 1",
	};
	struct lc l;
	size_t i;

	lc_start(&l);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		refused(&l, bad[i], strlen(bad[i]), NULL, 0);
	/* a NUL inside a line request */
	refused(&l, "open 5\0x", 8, NULL, 0);
	/* longer than any request may be: truncated, refused, and the launcher goes on */
	{
		size_t big = PROTO_MAX_MSG + 100;
		char *m = malloc(big);

		CU_ASSERT_FATAL(m != NULL);
		memset(m, 'a', big);
		memcpy(m, "open ", 5);
		refused(&l, m, big, NULL, 0);
		free(m);
	}
	lc_send(&l, "check", 5, NULL, 0);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "ok ", 3), 0);
	lc_stop(&l);
	/* an empty message reads as the end: the launcher closes up and exits cleanly */
	lc_start(&l);
	lc_send(&l, "", 0, NULL, 0);
	CU_ASSERT_STRING_EQUAL(lc_reply(&l), "");
	lc_stop(&l);
}

static void test_refuses_bad_files(void)
{
	char path[] = "/tmp/ce-launcher-XXXXXX";
	int fds[2], p[2], plain, unsealed, good;
	struct lc l;

	lc_start(&l);
	/* no box yet */
	good = sealed_memfd("print(1)\n", true);
	refused(&l, "file main.py", 12, &good, 1);
	lc_send(&l, "open 16", 7, NULL, 0);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "ok ", 3), 0);
	REFUSED(&l, "open 16");	/* only one box per launcher */

	/* names that would leave /box or are not plain */
	refused(&l, "file ../x", 9, &good, 1);
	refused(&l, "file a/b", 8, &good, 1);
	refused(&l, "file ..", 7, &good, 1);
	refused(&l, "file .", 6, &good, 1);
	refused(&l, "file a$b", 8, &good, 1);
	/* a path-named file, a pipe, an unsealed memfd, no fd, two fds: only sealed memfds are copied */
	plain = mkstemp(path);
	CU_ASSERT_FATAL(plain >= 0);
	CU_ASSERT_EQUAL(write(plain, "secret\n", 7), 7);
	refused(&l, "file main.py", 12, &plain, 1);
	CU_ASSERT_EQUAL_FATAL(pipe(p), 0);
	refused(&l, "file main.py", 12, &p[0], 1);
	unsealed = sealed_memfd("x\n", false);
	refused(&l, "file main.py", 12, &unsealed, 1);
	refused(&l, "file main.py", 12, NULL, 0);
	fds[0] = good;
	fds[1] = good;
	refused(&l, "file main.py", 12, fds, 2);
	/* the good one goes in once; a second file of the same name is refused */
	lc_send(&l, "file main.py", 12, &good, 1);
	/* what /box takes now: the new file's page */
	CU_ASSERT_STRING_EQUAL(lc_reply(&l), "ok 4096");
	refused(&l, "file main.py", 12, &good, 1);
	close(good);
	close(plain);
	close(unsealed);
	close(p[0]);
	close(p[1]);
	unlink(path);
	lc_stop(&l);
}

static void test_refuses_bad_runs(void)
{
	static const char *const fields[] = {
		"0 1000 2000 65536 16 8 16 64 16 1",		/* too few */
		"0 1000 2000 65536 16 8 16 64 16 1 0 0",	/* too many */
		"2 1000 2000 65536 16 8 16 64 16 1 0",		/* writable is 0 or 1 */
		"0 0 2000 65536 16 8 16 64 16 1 0",		/* no CPU time */
		"0 60001 2000 65536 16 8 16 64 16 1 0",		/* past the CPU cap */
		"0 1000 130001 65536 16 8 16 64 16 1 0",	/* past the wall cap */
		"0 1000 2000 1023 16 8 16 64 16 1 0",		/* under 1 MiB */
		"0 1000 2000 4194305 16 8 16 64 16 1 0",	/* over 4 GiB */
		"0 1000 2000 65536 1025 8 16 64 16 1 0",	/* file size */
		"0 1000 2000 65536 16 4097 16 64 16 1 0",	/* stack */
		"0 1000 2000 65536 16 8 513 64 16 1 0",		/* pids */
		"0 1000 2000 65536 16 8 16 15 16 1 0",		/* nofile */
		"0 1000 2000 65536 16 8 16 64 1025 1 0",	/* tmp */
		"0 1000 2000 65536 16 8 16 64 16 0 0",		/* no argv */
		"0 1000 2000 65536 16 8 16 64 16 2 0",		/* says 2 strings, has 1 */
		"0 1000 2000 65536 16 8 16 64 16 1 1",		/* says an env string, has none */
		"0 1000 2000 -65536 16 8 16 64 16 1 0",		/* a sign */
		"0 1000 2000 18446744073709551617 16 8 16 64 16 1 0", /* overflow */
	};
	char m[512];
	int io[2], out[2], er[2], fds[3], tmp;
	char path[] = "/tmp/ce-launcher-XXXXXX";
	struct lc l;
	size_t i, n;

	CU_ASSERT_FATAL(pipe(io) == 0 && pipe(out) == 0 && pipe(er) == 0);
	fds[0] = io[0];
	fds[1] = out[1];
	fds[2] = er[1];
	lc_start(&l);
	n = run_msg(m, sizeof(m), "0 1000 2000 65536 16 8 16 64 16 1 0");
	refused(&l, m, n, fds, 3);	/* no box yet */
	lc_send(&l, "open 16", 7, NULL, 0);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "ok ", 3), 0);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		n = run_msg(m, sizeof(m), fields[i]);
		refused(&l, m, n, fds, 3);
	}
	/* a relative program, an environment string without '=', a missing header newline */
	n = (size_t)snprintf(m, sizeof(m), "run 0 1000 2000 65536 16 8 16 64 16 1 0\nbin/true") + 1;
	refused(&l, m, n, fds, 3);
	n = (size_t)snprintf(m, sizeof(m), "run 0 1000 2000 65536 16 8 16 64 16 1 1\n/usr/bin/true") + 1;
	memcpy(m + n, "NOEQUALS", 9);
	refused(&l, m, n + 9, fds, 3);
	refused(&l, "run 0 1000 2000 65536 16 8 16 64 16 1 0", 39, fds, 3);
	/* stdio that is not pipes the right way round: a file for stdout, stdin's write end, too few */
	n = run_msg(m, sizeof(m), "0 1000 2000 65536 16 8 16 64 16 1 0");
	tmp = mkstemp(path);
	CU_ASSERT_FATAL(tmp >= 0);
	fds[1] = tmp;
	refused(&l, m, n, fds, 3);
	fds[1] = out[1];
	fds[0] = io[1];
	refused(&l, m, n, fds, 3);
	fds[0] = io[0];
	refused(&l, m, n, fds, 2);
	refused(&l, m, n, NULL, 0);
	/* more descriptors are the program's fds 3...: only pipes and sealed memfds, a few */
	{
		int more[3 + PROTO_MAX_EXTRA_FDS + 1], dir = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		int unsealed = sealed_memfd("x", false), k;

		CU_ASSERT_FATAL(dir >= 0);
		memcpy(more, fds, sizeof(fds));
		more[3] = dir;		/* a directory: openat() from it would leave the box's root */
		refused(&l, m, n, more, 4);
		more[3] = tmp;		/* a file of the host */
		refused(&l, m, n, more, 4);
		more[3] = unsealed;	/* a memfd the program could write to */
		refused(&l, m, n, more, 4);
		for (k = 3; k < 3 + PROTO_MAX_EXTRA_FDS + 1; k++)
			more[k] = out[1];
		refused(&l, m, n, more, 3 + PROTO_MAX_EXTRA_FDS + 1);
		close(dir);
		close(unsealed);
	}
	/* the launcher still serves: the same request, well formed, runs */
	lc_send(&l, m, n, fds, 3);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "done 0 0 0 0 ", 13), 0);
	/* and nothing was written to the file offered as stdout */
	{
		struct stat st;

		CU_ASSERT(fstat(tmp, &st) == 0 && st.st_size == 0);
	}
	close(tmp);
	unlink(path);
	for (i = 0; i < 2; i++) {
		close(io[i]);
		close(out[i]);
		close(er[i]);
	}
	lc_stop(&l);
}

/* A pipe and a sealed memfd given after stdio are the program's fds 3 and 4. */
static void test_extra_fds(void)
{
	char m[256], buf[64] = "";
	int io[2], out[2], er[2], res[2], fds[5];
	static const char script[] = "#!/bin/sh\ncat /dev/fd/4 >&3; echo done >&3\n";
	int prog;
	struct lc l;
	size_t n;
	ssize_t got;

	CU_ASSERT_FATAL(pipe(io) == 0 && pipe(out) == 0 && pipe(er) == 0 && pipe(res) == 0);
	fds[0] = io[0];
	fds[1] = out[1];
	fds[2] = er[1];
	fds[3] = res[1];
	fds[4] = sealed_memfd("answer 42\n", true);
	lc_start(&l);
	lc_send(&l, "open 16", 7, NULL, 0);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "ok ", 3), 0);
	/* an executable file: "x" after the name */
	prog = sealed_memfd(script, true);
	lc_send(&l, "file prog x", 11, &prog, 1);
	CU_ASSERT_STRING_EQUAL(lc_reply(&l), "ok 4096");
	refused(&l, "file other y", 12, &prog, 1);
	refused(&l, "file other x x", 14, &prog, 1);
	n = (size_t)snprintf(m, sizeof(m), "run 0 2000 4000 65536 16 8 16 64 16 1 0\n/box/prog") + 1;
	lc_send(&l, m, n, fds, 5);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "done 0 0 0 ", 11), 0);
	close(res[1]);
	got = read(res[0], buf, sizeof(buf) - 1);
	buf[got > 0 ? got : 0] = '\0';
	CU_ASSERT_STRING_EQUAL(buf, "answer 42\ndone\n");
	close(fds[4]);
	close(prog);
	close(res[0]);
	close(io[0]);
	close(io[1]);
	close(out[0]);
	close(out[1]);
	close(er[0]);
	close(er[1]);
	lc_stop(&l);
}

/* A kill request stops a run at once; a kill with no run going is ignored. */
static void test_kill_and_eof(void)
{
	char m[256];
	int io[2], out[2], er[2], fds[3];
	struct lc l;
	size_t n;
	int st;

	CU_ASSERT_FATAL(pipe(io) == 0 && pipe(out) == 0 && pipe(er) == 0);
	fds[0] = io[0];
	fds[1] = out[1];
	fds[2] = er[1];
	lc_start(&l);
	lc_send(&l, "kill", 4, NULL, 0);
	lc_send(&l, "open 16", 7, NULL, 0);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "ok ", 3), 0);
	n = (size_t)snprintf(m, sizeof(m), "run 0 20000 30000 65536 16 8 16 64 16 2 0\n/usr/bin/sleep") + 1;
	memcpy(m + n, "20", 3);
	lc_send(&l, m, n + 3, fds, 3);
	usleep(200000);
	lc_send(&l, "kill", 4, NULL, 0);
	/* status PROTO_KILLED, signal 9 */
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "done 4 -1 9 ", 12), 0);
	/* the same again, and this time the caller just goes away: the launcher ends the run and itself */
	lc_send(&l, m, n + 3, fds, 3);
	usleep(200000);
	close(l.sock);
	CU_ASSERT_EQUAL(waitpid(l.pid, &st, 0), l.pid);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CU_ASSERT_EQUAL(host_box_processes(), 0);
	close(io[0]);
	close(io[1]);
	close(out[0]);
	close(out[1]);
	close(er[0]);
	close(er[1]);
}

/* Launchers of ours that are not our children: twins (the owner's children), or any left behind. */
static int twins_alive(void)
{
	char want[4096], path[64], exe[4096], stat[512];
	struct dirent *e;
	int n = 0, ppid;
	ssize_t k;
	DIR *d;
	FILE *f;

	if (!realpath(launcher_path(), want) || !(d = opendir("/proc")))
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/exe", e->d_name);
		k = readlink(path, exe, sizeof(exe) - 1);
		if (k <= 0)
			continue;
		exe[k] = '\0';
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		ppid = 0;
		if (fgets(stat, sizeof(stat), f) && strrchr(stat, ')'))
			sscanf(strrchr(stat, ')') + 2, "%*c %d", &ppid);
		fclose(f);
		n += !strcmp(exe, want) && ppid != getpid();
	}
	closedir(d);
	return n;
}

static void fork_twin(struct lc *owner, struct lc *twin)
{
	int sv[2];

	CU_ASSERT_EQUAL_FATAL(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	lc_send(owner, "fork", 4, &sv[1], 1);
	CU_ASSERT_STRING_EQUAL(lc_reply(owner), "ok");
	close(sv[1]);
	twin->sock = sv[0];
	twin->pid = -1;
}

/* The reply to a run whose fds are given; the caller closes nothing of them. */
static size_t prog_run(char *m, size_t len, const char *arg)
{
	size_t n = (size_t)snprintf(m, len, "run 0 4000 4000 65536 16 8 16 64 16 2 0\n/box/prog") + 1;

	memcpy(m + n, arg, strlen(arg) + 1);
	return n + strlen(arg) + 1;
}

/*
 * A twin serves another socket on the same box: its run and the owner's go
 * side by side (each waits for the other through pipes, so one at a time
 * would end at the wall limit), under a uid of its own, and it refuses to
 * write, to run anything writable and to fork.
 */
static void test_twins(void)
{
	static const char script[] =
		"#!/bin/sh\nif [ \"$1\" = a ]; then echo ping >&3; read x <&4; else read x <&3; "
		"echo pong >&4; fi\necho \"$x $(id -u) $(cat /box/prog | wc -l)\" >&5\n";
	char m[256], ra[64] = "", rb[64] = "", rep[2][256];
	int p1[2], p2[2], res_a[2], res_b[2], io[2], out[2], er[2], fa[6], fb[6], prog, sv[2];
	unsigned ua = 0, ub = 0;
	struct lc owner, twin, spare[PROTO_MAX_TWINS];
	size_t n;
	int i, wait_ms;

	CU_ASSERT_FATAL(pipe(p1) == 0 && pipe(p2) == 0 && pipe(res_a) == 0 && pipe(res_b) == 0 &&
			pipe(io) == 0 && pipe(out) == 0 && pipe(er) == 0);
	lc_start(&owner);
	CU_ASSERT_EQUAL_FATAL(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	/* no box yet; then no socket, a pipe in its place */
	refused(&owner, "fork", 4, &sv[1], 1);
	lc_send(&owner, "open 16", 7, NULL, 0);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&owner), "ok ", 3), 0);
	REFUSED(&owner, "fork");
	refused(&owner, "fork", 4, &p1[0], 1);
	refused(&owner, "fork x", 6, &sv[1], 1);
	close(sv[0]);
	close(sv[1]);
	prog = sealed_memfd(script, true);
	lc_send(&owner, "file prog x", 11, &prog, 1);
	CU_ASSERT_STRING_EQUAL(lc_reply(&owner), "ok 4096");
	fork_twin(&owner, &twin);

	/* what a twin may not do */
	refused(&twin, "file other", 10, &prog, 1);
	REFUSED(&twin, "open 16");
	CU_ASSERT_EQUAL_FATAL(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	refused(&twin, "fork", 4, &sv[1], 1);
	close(sv[0]);
	close(sv[1]);
	fa[0] = io[0], fa[1] = out[1], fa[2] = er[1];
	n = (size_t)snprintf(m, sizeof(m), "run 1 2000 4000 65536 16 8 16 64 16 1 0\n/usr/bin/true") + 1;
	refused(&twin, m, n, fa, 3);

	/* side by side */
	fa[3] = p1[1], fa[4] = p2[0], fa[5] = res_a[1];
	memcpy(fb, fa, sizeof(int) * 3);
	fb[3] = p1[0], fb[4] = p2[1], fb[5] = res_b[1];
	n = prog_run(m, sizeof(m), "a");
	lc_send(&owner, m, n, fa, 6);
	n = prog_run(m, sizeof(m), "b");
	lc_send(&twin, m, n, fb, 6);
	snprintf(rep[0], sizeof(rep[0]), "%s", lc_reply(&owner));
	snprintf(rep[1], sizeof(rep[1]), "%s", lc_reply(&twin));
	CU_ASSERT_EQUAL(strncmp(rep[0], "done 0 0 0 ", 11), 0);
	CU_ASSERT_EQUAL(strncmp(rep[1], "done 0 0 0 ", 11), 0);
	close(res_a[1]);
	close(res_b[1]);
	CU_ASSERT(read(res_a[0], ra, sizeof(ra) - 1) > 0);
	CU_ASSERT(read(res_b[0], rb, sizeof(rb) - 1) > 0);
	CU_ASSERT_EQUAL(sscanf(ra, "pong %u 3", &ua), 1);
	CU_ASSERT_EQUAL(sscanf(rb, "ping %u 3", &ub), 1);
	CU_ASSERT(ua >= 60000 && ua < 60064 && ub == ua + 64);

	/* at most PROTO_MAX_TWINS, counting the one above */
	for (i = 1; i < PROTO_MAX_TWINS; i++)
		fork_twin(&owner, &spare[i]);
	CU_ASSERT_EQUAL_FATAL(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	refused(&owner, "fork", 4, &sv[1], 1);
	close(sv[0]);
	close(sv[1]);
	for (i = 1; i < PROTO_MAX_TWINS; i++)
		close(spare[i].sock);

	/* every twin ends with its socket, as the owner does */
	close(twin.sock);
	lc_stop(&owner);
	for (wait_ms = 0; twins_alive() > 0 && wait_ms < 5000; wait_ms += 50)
		usleep(50000);
	CU_ASSERT_EQUAL(twins_alive(), 0);
	CU_ASSERT_EQUAL(host_box_processes(), 0);
	close(prog);
	for (i = 0; i < 2; i++) {
		close(p1[i]);
		close(p2[i]);
		close(io[i]);
		close(out[i]);
		close(er[i]);
	}
	close(res_a[0]);
	close(res_b[0]);
}

/* Whether any cgroup hierarchy visible here is mounted with "favordynmods". */
static bool favordynmods_mounted(void)
{
	char line[4096];
	FILE *f = fopen("/proc/self/mountinfo", "re");
	bool found = false;

	CU_ASSERT_FATAL(f != NULL);
	while (fgets(line, sizeof(line), f))
		if (strstr(line, " - cgroup") && strstr(line, "favordynmods"))
			found = true;
	fclose(f);
	return found;
}

/* Whether this kernel takes the option: a named hierarchy with it, in a mount namespace of its own. */
static bool favordynmods_known(void)
{
	pid_t pid = fork();
	int st = -1;

	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		char dir[] = "/tmp/ce-favor-XXXXXX";

		if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
		    !mkdtemp(dir))
			_exit(1);
		st = mount("cgroup", dir, "cgroup", MS_RDONLY, "none,name=ce-probe,favordynmods");
		if (st == 0)
			umount(dir);
		rmdir(dir);
		_exit(st == 0 ? 0 : 1);
	}
	CU_ASSERT_EQUAL(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/*
 * Every run joins a fresh cgroup.  Once the launcher has started, the
 * kernel's cgroup lock is kept in the mode made for such moves: a hierarchy
 * mounted with "favordynmods" stays in the launcher's mount namespace.
 */
static void test_cgroup_moves(void)
{
	struct lc l;

	if (!favordynmods_known()) {
		fprintf(stderr, "\n  note: this kernel has no favordynmods; nothing to check\n");
		return;
	}
	lc_start(&l);
	lc_send(&l, "open 16", 7, NULL, 0);
	CU_ASSERT_EQUAL(strncmp(lc_reply(&l), "ok ", 3), 0);
	CU_ASSERT(favordynmods_mounted());
	lc_stop(&l);
	/* and it stays for the next launcher: gone with this one, every start would wait for it again */
	CU_ASSERT(favordynmods_mounted());
}

/* fd 0 that is not a seqpacket socket: the launcher refuses to start. */
static void test_needs_socket(void)
{
	char cmd[512];
	int st;

	snprintf(cmd, sizeof(cmd), "%s </dev/null 2>/dev/null", launcher_path());
	st = system(cmd);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 2);
}

static CU_TestInfo tests[] = {
	{ "malformed requests refused", test_refuses_malformed },
	{ "files: only sealed memfds with plain names", test_refuses_bad_files },
	{ "runs: every field checked, stdio only pipes", test_refuses_bad_runs },
	{ "more fds: a pipe and a sealed memfd as fds 3 and 4", test_extra_fds },
	{ "kill request and end of file", test_kill_and_eof },
	{ "twins: side by side on one box, read-only, own uid", test_twins },
	{ "fd 0 must be the socket", test_needs_socket },
	{ "cgroup moves: favordynmods mounted and kept", test_cgroup_moves },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("launcher", tests)
