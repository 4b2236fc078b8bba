/*
 * client.c - the unprivileged side of a box: start bin/ce-box, speak proto.h
 * to it, feed the program's stdin and collect its stdout and stderr
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "extern.h"
#include "proto.h"

static char launcher[PATH_MAX];
static char cgroups[96] = "unknown";

enum sbx_err sbx_init(const struct sbx_config *cfg, char *err, size_t errlen)
{
	const char *p = cfg && cfg->launcher ? cfg->launcher : getenv("CE_BOX");
	char self[PATH_MAX];
	ssize_t n;

	signal(SIGPIPE, SIG_IGN);
	if (p && *p) {
		snprintf(launcher, sizeof(launcher), "%s", p);
	} else {
		n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		if (n < 0)
			return fail_errno(err, errlen, "cannot find this program"), SBX_EINIT;
		self[n] = '\0';
		*strrchr(self, '/') = '\0';
		snprintf(launcher, sizeof(launcher), "%s/ce-box", self);
	}
	if (access(launcher, X_OK) < 0) {
		fail_errno(err, errlen, "cannot run the launcher %s; refusing to run untrusted code "
			   "unconfined", launcher);
		return SBX_EPRIV;
	}
	return SBX_OK;
}

const char *sbx_cgroups(void)
{
	return cgroups;
}

static int send_msg(struct sbx *b, const char *m, size_t len, const int *fds, int nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 3)];
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
	while (sendmsg(b->sock, &mh, MSG_NOSIGNAL) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

/* The launcher's answer into buf; "err ..." becomes the error message. */
static int recv_reply(struct sbx *b, char *buf, size_t len, char *err, size_t errlen)
{
	ssize_t n;

	do
		n = recv(b->sock, buf, len - 1, 0);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return fail(err, errlen, "the launcher ended without an answer");
	buf[n] = '\0';
	if (!strncmp(buf, "err ", 4))
		return fail(err, errlen, "%s", buf + 4);
	return 0;
}

static int request(struct sbx *b, const char *m, const int *fds, int nfds, char *reply,
		   size_t rlen, char *err, size_t errlen)
{
	if (send_msg(b, m, strlen(m), fds, nfds) < 0)
		return fail_errno(err, errlen, "cannot talk to the launcher");
	return recv_reply(b, reply, rlen, err, errlen);
}

static int start(struct sbx *b, char *err, size_t errlen)
{
	static char *const envp[] = { NULL };
	char *const argv[] = { launcher, NULL };
	posix_spawn_file_actions_t fa;
	int sv[2], rc;
	pid_t pid;

	b->sock = -1;
	b->pid = -1;
	if (!launcher[0])
		return fail(err, errlen, "sandbox not initialised");
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return fail_errno(err, errlen, "socketpair");
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, launcher, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(sv[1]);
	if (rc != 0) {
		close(sv[0]);
		errno = rc;
		return fail_errno(err, errlen, "cannot run %s", launcher);
	}
	b->sock = sv[0];
	b->pid = pid;
	return 0;
}

void sbx_close(struct sbx *b)
{
	int st;

	/* end of file: the launcher unmounts the box, frees its slot and exits */
	if (b->sock >= 0)
		close(b->sock);
	if (b->pid > 0)
		while (waitpid(b->pid, &st, 0) < 0 && errno == EINTR)
			;
	b->sock = b->pid = -1;
}

enum sbx_err sbx_check(char *err, size_t errlen)
{
	struct sbx b;
	char rep[512];
	int r;

	if (start(&b, err, errlen) < 0)
		return SBX_EPRIV;
	r = request(&b, "check", NULL, 0, rep, sizeof(rep), err, errlen);
	sbx_close(&b);
	if (r == 0)
		snprintf(cgroups, sizeof(cgroups), "%s", rep + 3);
	return r == 0 ? SBX_OK : SBX_EKERNEL;
}

int sbx_open(struct sbx *b, unsigned work_mb, char *err, size_t errlen)
{
	char m[32], rep[512];

	if (start(b, err, errlen) < 0)
		return -1;
	snprintf(m, sizeof(m), "open %u", work_mb);
	if (request(b, m, NULL, 0, rep, sizeof(rep), err, errlen) < 0) {
		sbx_close(b);
		return -1;
	}
	snprintf(cgroups, sizeof(cgroups), "%s", rep + 3);
	return 0;
}

int sbx_write_file(struct sbx *b, const char *name, const char *data, size_t len, char *err,
		   size_t errlen)
{
	char m[PROTO_MAX_NAME + 8], rep[256];
	int fd, r;

	if (len > PROTO_MAX_FILE || strlen(name) > PROTO_MAX_NAME)
		return fail(err, errlen, "%s is too large for the box", name);
	/* sealed: the launcher copies bytes that can no longer change */
	fd = memfd_create("box-file", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0 || write_all(fd, data, len) < 0 ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) < 0) {
		fail_errno(err, errlen, "cannot prepare %s", name);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	snprintf(m, sizeof(m), "file %s", name);
	r = request(b, m, &fd, 1, rep, sizeof(rep), err, errlen);
	close(fd);
	return r;
}

void sbx_outcome_init(struct sbx_outcome *o)
{
	memset(o, 0, sizeof(*o));
	strbuf_init(&o->out);
	strbuf_init(&o->err);
}

void sbx_outcome_release(struct sbx_outcome *o)
{
	strbuf_release(&o->out);
	strbuf_release(&o->err);
}

/* The run request: a header line, then argv and envp as NUL-terminated strings. */
static int run_request(struct strbuf *m, const struct sbx_cmd *cmd)
{
	const struct sbx_limits *l = &cmd->lim;
	size_t argc = 0, envc = 0, i;

	while (cmd->argv[argc])
		argc++;
	while (cmd->envp[envc])
		envc++;
	strbuf_addf(m, "run %d %llu %llu %llu %llu %llu %u %u %u %zu %zu\n", cmd->writable ? 1 : 0,
		    (unsigned long long)l->cpu_ms, (unsigned long long)l->wall_ms,
		    (unsigned long long)(l->mem_bytes >> 10), (unsigned long long)(l->fsize_bytes >> 20),
		    (unsigned long long)(l->stack_bytes >> 20), l->pids, l->nofile, l->tmp_mb, argc,
		    envc);
	for (i = 0; i < argc; i++)
		strbuf_add(m, cmd->argv[i], strlen(cmd->argv[i]) + 1);
	for (i = 0; i < envc; i++)
		strbuf_add(m, cmd->envp[i], strlen(cmd->envp[i]) + 1);
	return m->len > PROTO_MAX_MSG ? -1 : 0;
}

struct io {
	int in, out, err;	/* our ends; -1 once closed */
	size_t in_off;
	bool over;		/* more output than the cap: the run was stopped */
};

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static void feed(struct io *io, const struct sbx_cmd *cmd)
{
	size_t chunk;
	ssize_t n;

	while (io->in >= 0 && io->in_off < cmd->stdin_len) {
		chunk = cmd->stdin_len - io->in_off;
		if (chunk > 1u << 20)
			chunk = 1u << 20;
		n = write(io->in, cmd->stdin_data + io->in_off, chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return;
			break; /* EPIPE: the program closed its stdin, which is its right */
		}
		io->in_off += (size_t)n;
	}
	close_fd(&io->in);
}

static void drain(struct sbx *b, struct io *io, int *fd, struct strbuf *sb, struct sbx_outcome *o,
		  uint64_t cap)
{
	char buf[65536];
	ssize_t n;

	for (;;) {
		n = read(*fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0)
			break;
		if (o->out.len + o->err.len + (size_t)n > cap) {
			/* keep what fits, stop the run, read no further */
			strbuf_add(sb, buf, cap - o->out.len - o->err.len);
			if (!io->over)
				send_msg(b, "kill", 4, NULL, 0);
			io->over = true;
			break;
		}
		strbuf_add(sb, buf, (size_t)n);
	}
	close_fd(fd);
}

int sbx_run(struct sbx *b, const struct sbx_cmd *cmd, struct sbx_outcome *o, char *err,
	    size_t errlen)
{
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, er[2] = { -1, -1 }, theirs[3], r = -1;
	struct strbuf m = STRBUF_INIT;
	struct io io = { .in = -1, .out = -1, .err = -1 };
	struct pollfd pfd[4];
	char rep[512] = "";
	bool answered = false;
	int status, n, i;
	unsigned long long v[6];

	if (run_request(&m, cmd) < 0) {
		fail(err, errlen, "command too long for the launcher");
		goto out;
	}
	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0 || pipe2(er, O_CLOEXEC) < 0) {
		fail_errno(err, errlen, "pipe");
		goto out;
	}
	/* fewer wake-ups for large inputs and outputs */
	fcntl(out[1], F_SETPIPE_SZ, 1 << 20);
	if (cmd->stdin_len > 65536)
		fcntl(in[1], F_SETPIPE_SZ, 1 << 20);
	theirs[0] = in[0];
	theirs[1] = out[1];
	theirs[2] = er[1];
	if (send_msg(b, m.buf, m.len, theirs, 3) < 0) {
		fail_errno(err, errlen, "cannot talk to the launcher");
		goto out;
	}
	/* only the box may hold the program's ends now, or its output would never end */
	close_fd(&in[0]);
	close_fd(&out[1]);
	close_fd(&er[1]);
	io.in = in[1];
	io.out = out[0];
	io.err = er[0];
	in[1] = out[0] = er[0] = -1;
	fcntl(io.in, F_SETFL, O_NONBLOCK);
	fcntl(io.out, F_SETFL, O_NONBLOCK);
	fcntl(io.err, F_SETFL, O_NONBLOCK);
	if (cmd->stdin_len == 0)
		close_fd(&io.in);

	while (!answered || io.out >= 0 || io.err >= 0) {
		n = 0;
		if (!answered)
			pfd[n++] = (struct pollfd){ .fd = b->sock, .events = POLLIN };
		if (io.out >= 0)
			pfd[n++] = (struct pollfd){ .fd = io.out, .events = POLLIN };
		if (io.err >= 0)
			pfd[n++] = (struct pollfd){ .fd = io.err, .events = POLLIN };
		if (io.in >= 0)
			pfd[n++] = (struct pollfd){ .fd = io.in, .events = POLLOUT };
		/* once the launcher has answered, the box is gone and the pipes end at once */
		i = poll(pfd, (nfds_t)n, answered ? 5000 : -1);
		if (i < 0 && errno == EINTR)
			continue;
		if (i < 0) {
			fail_errno(err, errlen, "poll");
			goto out;
		}
		if (i == 0) {
			fail(err, errlen, "the program's output did not end with its box");
			goto out;
		}
		for (i = 0; i < n; i++) {
			if (!pfd[i].revents)
				continue;
			if (pfd[i].fd == b->sock) {
				answered = true;
				if (recv_reply(b, rep, sizeof(rep), err, errlen) < 0)
					goto out;
			} else if (pfd[i].fd == io.out) {
				drain(b, &io, &io.out, &o->out, o, cmd->lim.output_bytes);
			} else if (pfd[i].fd == io.err) {
				drain(b, &io, &io.err, &o->err, o, cmd->lim.output_bytes);
			} else if (pfd[i].fd == io.in) {
				feed(&io, cmd);
			}
		}
	}
	if (sscanf(rep, "done %d %d %d %d %llu %llu %llu %llu %llu", &status, &o->exit_code,
		   &o->signal, &n, &v[0], &v[1], &v[2], &v[3], &v[4]) != 9 || status < 0 ||
	    status >= PROTO__MAX) {
		fail(err, errlen, "the launcher gave an unexpected answer");
		goto out;
	}
	o->oom = n != 0;
	o->cpu_us = v[0];
	o->wall_us = v[1];
	o->mem_peak = v[2];
	o->maxrss = v[3];
	o->box_bytes = v[4];
	/* the launcher stops a run only for us, and we ask only when the output is over its cap */
	o->status = status == PROTO_EXITED	  ? SBX_EXITED
		    : status == PROTO_SIGNALED ? SBX_SIGNALED
		    : status == PROTO_CPU	  ? SBX_CPU_LIMIT
		    : status == PROTO_WALL	  ? SBX_WALL_LIMIT
					  : SBX_OUTPUT_LIMIT;
	if (io.over && (o->status == SBX_EXITED || o->status == SBX_SIGNALED)) {
		o->status = SBX_OUTPUT_LIMIT;
		o->exit_code = -1;
		o->signal = SIGKILL;
	}
	r = 0;
out:
	close_fd(&io.in);
	close_fd(&io.out);
	close_fd(&io.err);
	for (i = 0; i < 2; i++) {
		close_fd(&in[i]);
		close_fd(&out[i]);
		close_fd(&er[i]);
	}
	strbuf_release(&m);
	return r;
}
