/*
 * launcher.c - bin/ce-box: the only part of Coding Engine that runs as root
 *
 * Installed setuid root and executable only by the service's group.  It
 * builds one box, copies files into it and runs commands in it, on the
 * requests of proto.h read from its fd 0; launcher.h says what it trusts.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"

#define CTL 0		/* the caller's socket */
#define MAX_FDS (3 + PROTO_MAX_EXTRA_FDS)
#define MAX_WORDS 12

static char msg[PROTO_MAX_MSG + 1];
static struct box box = { .lock_fd = -1, .mnt_fd = -1, .dir_fd = -1 };
static bool box_is_open;
static unsigned twins;	/* forks made of this box */
static pid_t twin_pid[PROTO_MAX_TWINS];	/* those not yet reaped; 0 once reaped */

/* Reap the twins that ended (wait: all of them): by their pids, never a waiting init. */
static void reap_twins(bool wait)
{
	unsigned i;
	pid_t r;

	for (i = 0; i < twins; i++) {
		if (twin_pid[i] <= 0)
			continue;
		do
			r = waitpid(twin_pid[i], NULL, wait ? 0 : WNOHANG);
		while (r < 0 && errno == EINTR);
		/* reaped, or no longer a child to wait for */
		if (r != 0)
			twin_pid[i] = 0;
	}
}

static void reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void reply(const char *fmt, ...)
{
	char out[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, sizeof(out), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(out) - 1)
		n = (int)sizeof(out) - 1;
	while (send(CTL, out, (size_t)n, MSG_NOSIGNAL) < 0 && errno == EINTR)
		;
}

static void close_fds(int *fds, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(fds[i]);
}

/*
 * One request into msg (NUL-terminated), with the descriptors it carried.
 * Returns its length, 0 at end of file, -1 for a request to refuse: a
 * truncated one, or one with more than MAX_FDS descriptors (the kernel
 * closes those that do not fit, and this closes the rest).
 */
static ssize_t receive(int *fds, int *nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * MAX_FDS)];
		struct cmsghdr align;
	} ctrl;
	struct iovec iov = { .iov_base = msg, .iov_len = PROTO_MAX_MSG };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctrl.buf,
			     .msg_controllen = sizeof(ctrl.buf) };
	struct cmsghdr *c;
	ssize_t n;

	*nfds = 0;
	do
		n = recvmsg(CTL, &mh, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return 0;
	/* a unix socket delivers all of a message's descriptors in one SCM_RIGHTS */
	c = CMSG_FIRSTHDR(&mh);
	if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
		size_t got = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		size_t room = (sizeof(ctrl.buf) - CMSG_LEN(0)) / sizeof(int);

		/* the buffer's padding may hold one more than MAX_FDS: close what came, refuse */
		*nfds = (int)(got < room ? got : room);
		memcpy(fds, CMSG_DATA(c), (size_t)*nfds * sizeof(int));
		if (got > MAX_FDS)
			mh.msg_flags |= MSG_CTRUNC;
	}
	msg[n] = '\0';
	if (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
		close_fds(fds, *nfds);
		*nfds = 0;
		return -1;
	}
	return n;
}

/* Split a line at single spaces; -1 for an empty word or more than max words. */
static int split(char *line, char **w, int max)
{
	int n = 0;

	for (;;) {
		if (n == max || !*line || *line == ' ')
			return -1;
		w[n++] = line;
		line = strchr(line, ' ');
		if (!line)
			return n;
		*line++ = '\0';
	}
}

/* A plain decimal number in [lo, hi]: digits only, no sign, no leading zero. */
static bool num(const char *s, uint64_t lo, uint64_t hi, uint64_t *v)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 12 || (n > 1 && s[0] == '0'))
		return false;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		*v = *v * 10 + (uint64_t)(s[i] - '0');
	}
	return *v >= lo && *v <= hi;
}

/* A file name in /box: letters, digits, '.', '_', '-', not "." or "..". */
static bool file_name_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > PROTO_MAX_NAME || !strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-", s[i]))
			return false;
	return true;
}

/* A pipe end open for reading (want O_RDONLY) or writing (O_WRONLY). */
static bool pipe_ok(int fd, int want)
{
	struct stat st;
	int fl = fcntl(fd, F_GETFL);

	return fl >= 0 && (fl & O_ACCMODE) == want && fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode);
}

/* Bytes the program may read but never change: a memfd sealed against writing and resizing. */
static bool sealed_ok(int fd, uint64_t max)
{
	const int want = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE;
	int seals = fcntl(fd, F_GET_SEALS);
	struct stat st;

	return seals >= 0 && (seals & want) == want && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	       st.st_size >= 0 && (uint64_t)st.st_size <= max;
}

static bool init_all(char *err, size_t errlen)
{
	return box_global_init(err, errlen) == 0 && cg_init(err, errlen) == 0 &&
	       rules_init(err, errlen) == 0;
}

static void do_open(char **w, int n)
{
	char err[300] = "";
	uint64_t mb;

	if (n != 2 || !num(w[1], 1, PROTO_MAX_WORK_MB, &mb))
		return reply("err bad open request");
	if (box_is_open)
		return reply("err the box is already open");
	if (!init_all(err, sizeof(err)))
		return reply("err %s", err);
	/* the namespaces are probed only when a box cannot be built: the probe names what is missing */
	if (box_open(&box, (unsigned)mb, err, sizeof(err)) < 0) {
		box_probe(err, sizeof(err));
		return reply("err %s", err);
	}
	box_is_open = true;
	reply("ok %s", cg_describe());
}

static void do_file(char **w, int n, const int *fds, int nfds)
{
	char err[300] = "";
	struct stat st;

	if ((n != 2 && (n != 3 || strcmp(w[2], "x"))) || nfds != 1 || !file_name_ok(w[1]))
		return reply("err bad file request");
	if (!box_is_open)
		return reply("err no box is open");
	if (box.twin)
		return reply("err a twin writes no file");
	/* only a sealed memfd: its size and bytes cannot change, and reading it cannot block */
	if (!sealed_ok(fds[0], PROTO_MAX_FILE) || fstat(fds[0], &st) < 0)
		return reply("err a file must come as a sealed memfd of at most %u bytes",
			     PROTO_MAX_FILE);
	if (box_copy_file(&box, w[1], fds[0], (size_t)st.st_size, n == 3 ? 0755 : 0644, err,
			  sizeof(err)) < 0)
		return reply("err %s", err);
	reply("ok %llu", (unsigned long long)box_bytes(&box));
}

static void do_run(char *line, size_t len, int *fds, int *nfds)
{
	static const struct {
		uint64_t lo, hi;
	} range[MAX_WORDS] = {
		{ 0, 0 }, { 0, 1 }, { 1, PROTO_MAX_CPU_MS }, { 1, PROTO_MAX_WALL_MS },
		{ PROTO_MIN_MEM_KB, PROTO_MAX_MEM_KB }, { 1, PROTO_MAX_FSIZE_MB },
		{ 1, PROTO_MAX_STACK_MB }, { 1, PROTO_MAX_PIDS }, { 16, PROTO_MAX_NOFILE },
		{ 1, PROTO_MAX_TMP_MB }, { 1, PROTO_MAX_STRINGS }, { 0, PROTO_MAX_STRINGS },
	};
	const char *argv[PROTO_MAX_STRINGS + 1], *envp[PROTO_MAX_STRINGS + 1];
	char *w[MAX_WORDS], *nl = memchr(line, '\n', len), *s, *end = line + len, err[300] = "";
	uint64_t v[MAX_WORDS];
	struct box_outcome o;
	struct box_cmd cmd;
	int n, i;

	if (!nl || *nfds < 3 || *nfds > MAX_FDS)
		return reply("err bad run request");
	*nl = '\0';
	n = split(line, w, MAX_WORDS);
	if (n != MAX_WORDS)
		return reply("err bad run request");
	for (i = 1; i < n; i++)
		if (!num(w[i], range[i].lo, range[i].hi, &v[i]))
			return reply("err bad run request: field %d", i);
	/* argc, then envc NUL-terminated strings fill the rest exactly */
	s = nl + 1;
	for (i = 0; i < (int)(v[10] + v[11]); i++) {
		char *z = memchr(s, '\0', (size_t)(end - s));

		if (!z || z == s)
			return reply("err bad run request: strings");
		if (i < (int)v[10])
			argv[i] = s;
		else if (!strchr(s + 1, '=') || memchr(s, '\n', (size_t)(z - s)))
			return reply("err bad run request: environment");
		else
			envp[i - v[10]] = s;
		s = z + 1;
	}
	if (s != end || argv[0][0] != '/')
		return reply("err bad run request: strings");
	argv[v[10]] = NULL;
	envp[v[11]] = NULL;
	if (!pipe_ok(fds[0], O_RDONLY) || !pipe_ok(fds[1], O_WRONLY) || !pipe_ok(fds[2], O_WRONLY))
		return reply("err stdin, stdout and stderr must be pipes");
	/* never a directory or a file of the host: a pipe, or bytes the program cannot change */
	for (i = 3; i < *nfds; i++)
		if (!pipe_ok(fds[i], O_RDONLY) && !pipe_ok(fds[i], O_WRONLY) &&
		    !sealed_ok(fds[i], UINT64_MAX))
			return reply("err fd %d must be a pipe or a sealed memfd", i);
	if (!box_is_open)
		return reply("err no box is open");
	if (box.twin && v[1])
		return reply("err a twin runs read-only commands only");

	cmd = (struct box_cmd){
		.argv = argv, .envp = envp, .writable = v[1], .nfd = *nfds,
		.lim = { .cpu_ms = v[2], .wall_ms = v[3], .mem_bytes = v[4] << 10,
			 .fsize_bytes = v[5] << 20, .stack_bytes = v[6] << 20, .pids = (unsigned)v[7],
			 .nofile = (unsigned)v[8], .tmp_mb = (unsigned)v[9] },
	};
	memcpy(cmd.fd, fds, sizeof(int) * (size_t)*nfds);
	n = box_run(&box, &cmd, CTL, &o, err, sizeof(err));
	/* the box is gone: the caller sees the end of the program's output once these are closed */
	close_fds(fds, *nfds);
	*nfds = 0;
	if (n < 0)
		return reply("err %s", err);
	reply("done %d %d %d %d %llu %llu %llu %llu %llu", (int)o.status, o.exit_code, o.signal,
	      (int)o.oom, (unsigned long long)o.cpu_us, (unsigned long long)o.wall_us,
	      (unsigned long long)o.mem_peak, (unsigned long long)o.maxrss,
	      (unsigned long long)o.box_bytes);
}

/*
 * A twin serving the socket that came with the request, on this box (see
 * proto.h).  It is this launcher's child: it ends at the end of its socket
 * (or with this launcher), and this one reaps it, waiting for every twin
 * before it ends.  Returns in both: the twin then reads its own requests.
 */
static void do_fork(int n, int *fds, int *nfds)
{
	int type = 0, domain = 0;
	socklen_t sl = sizeof(type), dl = sizeof(domain);
	pid_t pid, owner = getpid();

	if (n != 1 || *nfds != 1)
		return reply("err bad fork request");
	if (!box_is_open)
		return reply("err no box is open");
	if (box.twin)
		return reply("err a twin cannot fork");
	if (twins >= PROTO_MAX_TWINS)
		return reply("err a box has at most %d twins", PROTO_MAX_TWINS);
	if (getsockopt(fds[0], SOL_SOCKET, SO_TYPE, &type, &sl) < 0 || type != SOCK_SEQPACKET ||
	    getsockopt(fds[0], SOL_SOCKET, SO_DOMAIN, &domain, &dl) < 0 || domain != AF_UNIX)
		return reply("err a twin needs a unix seqpacket socket");
	pid = fork();
	if (pid < 0)
		return reply("err cannot fork the launcher");
	twin_pid[twins++] = pid;
	if (pid == 0) {
		/* the owner's twins are not this one's children */
		memset(twin_pid, 0, sizeof(twin_pid));
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != owner || dup2(fds[0], CTL) < 0)
			_exit(1);
		close_fds(fds, *nfds);
		*nfds = 0;
		if (box_become_twin(&box, twins) < 0)
			_exit(1);
		return;
	}
	reply("ok");
}

/* Soft limit = min(want, hard): hard limits cannot be raised without CAP_SYS_RESOURCE. */
static void soft_limit(int res, rlim_t want)
{
	struct rlimit rl;

	if (getrlimit(res, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max < want ? rl.rlim_max : want;
		setrlimit(res, &rl);
	}
}

/*
 * Nothing inherited from the caller steers root: signals, mask, umask,
 * directory, environment; soft limits back to defaults.  Hard limits the
 * caller lowered stay lowered, and a box that then cannot get its own
 * limits fails: the caller can only hurt its own runs.
 */
static void reset_process(void)
{
	static const int unlimited[] = { RLIMIT_AS, RLIMIT_DATA, RLIMIT_FSIZE, RLIMIT_CPU,
					 RLIMIT_RSS, RLIMIT_MEMLOCK };
	size_t i;

	for (i = 0; i < sizeof(unlimited) / sizeof(unlimited[0]); i++)
		soft_limit(unlimited[i], RLIM_INFINITY);
	soft_limit(RLIMIT_STACK, 8u << 20);
	soft_limit(RLIMIT_NOFILE, 1024);
	soft_limit(RLIMIT_CORE, 0);
	box_reset_signals();
	signal(SIGPIPE, SIG_IGN);
	umask(022);
	clearenv();
	if (chdir("/") < 0)
		_exit(1);
	/* a core dump or ptrace of root's memory is never the caller's */
	prctl(PR_SET_DUMPABLE, 0);
}

int main(void)
{
	int type = 0, domain = 0, fds[MAX_FDS + 1], nfds;
	socklen_t sl = sizeof(type), dl = sizeof(domain);
	char err[300] = "", *w[MAX_WORDS];
	ssize_t len;
	int n;

	/* setuid: root all through, so the caller can no longer signal us, and no supplementary groups */
	if (geteuid() == 0 && getuid() != 0 &&
	    (setgroups(0, NULL) < 0 || setresgid(0, 0, 0) < 0 || setresuid(0, 0, 0) < 0))
		return 1;
	if (geteuid() == 0 && box_drop_bounding_set() < 0)
		return 1;
	reset_process();
	if (getsockopt(CTL, SOL_SOCKET, SO_TYPE, &type, &sl) < 0 || type != SOCK_SEQPACKET ||
	    getsockopt(CTL, SOL_SOCKET, SO_DOMAIN, &domain, &dl) < 0 || domain != AF_UNIX) {
		fprintf(stderr, "ce-box: fd 0 must be a unix seqpacket socket (see sandbox/proto.h)\n");
		return 2;
	}
	close_range(3, ~0u, 0);
	for (;;) {
		len = receive(fds, &nfds);
		if (len == 0)
			break;
		if (len < 0) {
			reply("err request too large");
			continue;
		}
		if (geteuid() != 0) {
			reply("err the launcher must be setuid root to build a box; "
			      "refusing to run untrusted code unconfined");
		} else if (!strncmp(msg, "run ", 4)) {
			do_run(msg, (size_t)len, fds, &nfds);
		} else if (strlen(msg) != (size_t)len || (n = split(msg, w, MAX_WORDS)) < 0) {
			reply("err bad request");
		} else if (!strcmp(w[0], "check") && n == 1 && nfds == 0) {
			if (init_all(err, sizeof(err)) && box_probe(err, sizeof(err)) == 0)
				reply("ok %s", cg_describe());
			else
				reply("err %s", err);
		} else if (!strcmp(w[0], "open") && nfds == 0) {
			do_open(w, n);
		} else if (!strcmp(w[0], "file")) {
			do_file(w, n, fds, nfds);
		} else if (!strcmp(w[0], "fork")) {
			do_fork(n, fds, &nfds);
		} else if (strcmp(w[0], "kill") || n != 1) {
			/* a kill that arrives after its run ended is expected, and ignored */
			reply("err unknown request");
		}
		close_fds(fds, nfds);
		reap_twins(false);
	}
	if (box_is_open)
		box_close(&box);
	/* the twins end with their sockets; this one ends after them */
	reap_twins(true);
	return 0;
}
