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
		char buf[CMSG_SPACE(sizeof(int) * (3 + PROTO_MAX_EXTRA_FDS))];
		struct cmsghdr align;
	} ctrl;
	struct iovec iov = { .iov_base = (void *)m, .iov_len = len };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *c;

	if (nfds < 0 || nfds > 3 + PROTO_MAX_EXTRA_FDS)
		return -1;
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

void sbx_close_send(struct sbx *b)
{
	/* end of file: the launcher unmounts the box, frees its slot and exits */
	if (b->sock >= 0)
		close(b->sock);
	b->sock = -1;
}

void sbx_close(struct sbx *b)
{
	int st;

	sbx_close_send(b);
	if (b->pid > 0)
		while (waitpid(b->pid, &st, 0) < 0 && errno == EINTR)
			;
	b->pid = -1;
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

int sbx_open_send(struct sbx *b, unsigned work_mb, char *err, size_t errlen)
{
	char m[32];

	if (start(b, err, errlen) < 0)
		return -1;
	snprintf(m, sizeof(m), "open %u", work_mb);
	if (send_msg(b, m, strlen(m), NULL, 0) < 0) {
		fail_errno(err, errlen, "cannot talk to the launcher");
		sbx_close(b);
		return -1;
	}
	return 0;
}

int sbx_open_reply(struct sbx *b, char *err, size_t errlen)
{
	char rep[512];

	if (recv_reply(b, rep, sizeof(rep), err, errlen) < 0) {
		sbx_close(b);
		return -1;
	}
	snprintf(cgroups, sizeof(cgroups), "%s", rep + 3);
	return 0;
}

int sbx_open(struct sbx *b, unsigned work_mb, char *err, size_t errlen)
{
	if (sbx_open_send(b, work_mb, err, errlen) < 0)
		return -1;
	return sbx_open_reply(b, err, errlen);
}

int sbx_twin(struct sbx *b, struct sbx *twin, char *err, size_t errlen)
{
	char rep[256];
	int sv[2];

	twin->sock = twin->pid = -1;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return fail_errno(err, errlen, "socketpair");
	if (request(b, "fork", &sv[1], 1, rep, sizeof(rep), err, errlen) < 0) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	/* the twin is the launcher's grandchild, not ours: closing the socket ends it */
	close(sv[1]);
	twin->sock = sv[0];
	return 0;
}

int sbx_memfd(const char *data, size_t len, char *err, size_t errlen)
{
	int fd = memfd_create("box-file", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	if (fd < 0 || write_all(fd, data, len) < 0 ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) < 0) {
		fail_errno(err, errlen, "cannot prepare a file for the box");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int sbx_write_file(struct sbx *b, const char *name, const char *data, size_t len, bool exec,
		   char *err, size_t errlen)
{
	char m[PROTO_MAX_NAME + 16], rep[256];
	unsigned long long bytes = 0;
	int fd, r;

	if (len > PROTO_MAX_FILE || strlen(name) > PROTO_MAX_NAME)
		return fail(err, errlen, "%s is too large for the box", name);
	/* sealed: the launcher copies bytes that can no longer change */
	fd = sbx_memfd(data, len, err, errlen);
	if (fd < 0)
		return -1;
	snprintf(m, sizeof(m), "file %s%s", name, exec ? " x" : "");
	r = request(b, m, &fd, 1, rep, sizeof(rep), err, errlen);
	close(fd);
	if (r == 0 && sscanf(rep, "ok %llu", &bytes) != 1)
		return fail(err, errlen, "the launcher gave an unexpected answer: %.80s", rep);
	b->box_bytes = bytes;
	return r;
}

void sbx_outcome_init(struct sbx_outcome *o)
{
	unsigned i;

	memset(o, 0, sizeof(*o));
	strbuf_init(&o->out);
	strbuf_init(&o->err);
	for (i = 0; i < SBX_MAX_COLLECT; i++)
		strbuf_init(&o->more[i]);
}

void sbx_outcome_release(struct sbx_outcome *o)
{
	unsigned i;

	strbuf_release(&o->out);
	strbuf_release(&o->err);
	for (i = 0; i < SBX_MAX_COLLECT; i++)
		strbuf_release(&o->more[i]);
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

/* One run of a set: our ends of its pipes and where its reply stands. */
struct run {
	struct sbx *b;
	const struct sbx_cmd *cmd;
	struct sbx_outcome *o;
	int in, out, err;		/* our ends; -1 once closed (or never ours) */
	int more[SBX_MAX_COLLECT];
	size_t in_off;
	bool active;			/* started, not yet handed back by sbx_runs_wait() */
	bool over;			/* more output than the cap: the run was stopped */
	bool answered;
	unsigned order;			/* when the launcher answered: 1 first, 2 second... */
	char rep[512];
};

struct sbx_runs {
	struct run r[SBX_MAX_JOBS];
	unsigned answered;
};

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static void feed(struct run *r)
{
	size_t chunk;
	ssize_t n;

	while (r->in >= 0 && r->in_off < r->cmd->stdin_len) {
		chunk = r->cmd->stdin_len - r->in_off;
		if (chunk > 1u << 20)
			chunk = 1u << 20;
		n = write(r->in, r->cmd->stdin_data + r->in_off, chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return;
			break; /* EPIPE: the program closed its stdin, which is its right */
		}
		r->in_off += (size_t)n;
	}
	close_fd(&r->in);
}

static size_t collected(const struct run *r)
{
	size_t n = r->o->out.len + r->o->err.len;
	unsigned i;

	for (i = 0; i < r->cmd->ncollect; i++)
		n += r->o->more[i].len;
	return n;
}

static void drain(struct run *r, int *fd, struct strbuf *sb)
{
	const uint64_t cap = r->cmd->lim.output_bytes;
	char buf[65536];
	size_t have;
	ssize_t n;

	for (;;) {
		n = read(*fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0)
			break;
		have = collected(r);
		if (have + (size_t)n > cap) {
			/* keep what fits, stop the run, read no further */
			strbuf_add(sb, buf, cap > have ? cap - have : 0);
			if (!r->over)
				send_msg(r->b, "kill", 4, NULL, 0);
			r->over = true;
			break;
		}
		strbuf_add(sb, buf, (size_t)n);
	}
	close_fd(fd);
}

/* Send r's run request with the program's descriptors; ours stay in r. */
static int start_run(struct run *r, char *err, size_t errlen)
{
	const struct sbx_cmd *cmd = r->cmd;
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, er[2] = { -1, -1 };
	int more[SBX_MAX_COLLECT][2], theirs[3 + PROTO_MAX_EXTRA_FDS], nt = 0, rc = -1;
	struct strbuf m = STRBUF_INIT;
	unsigned i;

	for (i = 0; i < SBX_MAX_COLLECT; i++)
		more[i][0] = more[i][1] = -1;
	if (cmd->nfds + cmd->ncollect > PROTO_MAX_EXTRA_FDS || cmd->ncollect > SBX_MAX_COLLECT) {
		fail(err, errlen, "too many descriptors for a run");
		goto out;
	}
	if (run_request(&m, cmd) < 0) {
		fail(err, errlen, "command too long for the launcher");
		goto out;
	}
	if ((!cmd->joined && (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0)) ||
	    pipe2(er, O_CLOEXEC) < 0) {
		fail_errno(err, errlen, "pipe");
		goto out;
	}
	for (i = 0; i < cmd->ncollect; i++)
		if (pipe2(more[i], O_CLOEXEC) < 0) {
			fail_errno(err, errlen, "pipe");
			goto out;
		}
	if (!cmd->joined) {
		/* fewer wake-ups for large inputs and outputs */
		fcntl(out[1], F_SETPIPE_SZ, 1 << 20);
		if (cmd->stdin_len > 65536)
			fcntl(in[1], F_SETPIPE_SZ, 1 << 20);
	}
	theirs[nt++] = cmd->joined ? cmd->join_in : in[0];
	theirs[nt++] = cmd->joined ? cmd->join_out : out[1];
	theirs[nt++] = er[1];
	for (i = 0; i < cmd->nfds; i++)
		theirs[nt++] = cmd->fds[i];
	for (i = 0; i < cmd->ncollect; i++)
		theirs[nt++] = more[i][1];
	if (send_msg(r->b, m.buf, m.len, theirs, nt) < 0) {
		fail_errno(err, errlen, "cannot talk to the launcher");
		goto out;
	}
	/* only the box may hold the program's ends now, or its output would never end */
	r->in = in[1];
	r->out = out[0];
	r->err = er[0];
	in[1] = out[0] = er[0] = -1;
	fcntl(r->err, F_SETFL, O_NONBLOCK);
	if (!cmd->joined) {
		fcntl(r->in, F_SETFL, O_NONBLOCK);
		fcntl(r->out, F_SETFL, O_NONBLOCK);
		if (cmd->stdin_len == 0)
			close_fd(&r->in);
	}
	for (i = 0; i < cmd->ncollect; i++) {
		r->more[i] = more[i][0];
		more[i][0] = -1;
		fcntl(r->more[i], F_SETFL, O_NONBLOCK);
	}
	rc = 0;
out:
	for (i = 0; i < 2; i++) {
		close_fd(&in[i]);
		close_fd(&out[i]);
		close_fd(&er[i]);
	}
	for (i = 0; i < SBX_MAX_COLLECT; i++) {
		close_fd(&more[i][0]);
		close_fd(&more[i][1]);
	}
	strbuf_release(&m);
	return rc;
}

/* The launcher's "done" reply into r's outcome. */
static int finish_run(struct run *r, char *err, size_t errlen)
{
	struct sbx_outcome *o = r->o;
	unsigned long long v[5];
	int status, oom;

	if (sscanf(r->rep, "done %d %d %d %d %llu %llu %llu %llu %llu", &status, &o->exit_code,
		   &o->signal, &oom, &v[0], &v[1], &v[2], &v[3], &v[4]) != 9 || status < 0 ||
	    status >= PROTO__MAX)
		return fail(err, errlen, "the launcher gave an unexpected answer: %.80s", r->rep);
	o->oom = oom != 0;
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
	if (r->over && (o->status == SBX_EXITED || o->status == SBX_SIGNALED)) {
		o->status = SBX_OUTPUT_LIMIT;
		o->exit_code = -1;
		o->signal = SIGKILL;
	}
	return 0;
}

static bool run_busy(const struct run *r)
{
	unsigned i;

	if (!r->answered || r->out >= 0 || r->err >= 0)
		return true;
	for (i = 0; i < r->cmd->ncollect; i++)
		if (r->more[i] >= 0)
			return true;
	return false;
}

/* Poll for fd on behalf of run k. */
static void watch(struct pollfd *pfd, size_t *owner, size_t *n, int fd, short ev, size_t k)
{
	if (fd < 0)
		return;
	pfd[*n] = (struct pollfd){ .fd = fd, .events = ev };
	owner[(*n)++] = k;
}

struct sbx_runs *sbx_runs_new(void)
{
	struct sbx_runs *rs = calloc(1, sizeof(*rs));
	size_t k;
	unsigned c;

	for (k = 0; rs && k < SBX_MAX_JOBS; k++) {
		rs->r[k].in = rs->r[k].out = rs->r[k].err = -1;
		for (c = 0; c < SBX_MAX_COLLECT; c++)
			rs->r[k].more[c] = -1;
	}
	return rs;
}

int sbx_runs_start(struct sbx_runs *rs, struct sbx *b, const struct sbx_cmd *cmd,
		   struct sbx_outcome *o, char *err, size_t errlen)
{
	struct run *r = NULL;
	size_t k;
	unsigned c;

	for (k = 0; k < SBX_MAX_JOBS && !r; k++)
		if (!rs->r[k].active)
			r = &rs->r[k];
	if (!r)
		return fail(err, errlen, "too many runs at once");
	*r = (struct run){ .b = b, .cmd = cmd, .o = o, .in = -1, .out = -1, .err = -1,
			   .active = true };
	for (c = 0; c < SBX_MAX_COLLECT; c++)
		r->more[c] = -1;
	if (start_run(r, err, errlen) < 0) {
		r->active = false;
		return -1;
	}
	return (int)(r - rs->r);
}

/* One round of waiting: the launchers' answers, the programs' output and input. */
static int step(struct sbx_runs *rs, char *err, size_t errlen)
{
	enum { PER_RUN = 4 + SBX_MAX_COLLECT };
	struct pollfd pfd[SBX_MAX_JOBS * PER_RUN];
	size_t owner[SBX_MAX_JOBS * PER_RUN], n = 0, k;
	bool lingering = false;
	unsigned c;
	int i;

	for (k = 0; k < SBX_MAX_JOBS; k++) {
		struct run *r = &rs->r[k];

		if (!r->active)
			continue;
		/* once its launcher has answered, the box is gone and the pipes end at once */
		lingering |= r->answered;
		if (!r->answered)
			watch(pfd, owner, &n, r->b->sock, POLLIN, k);
		watch(pfd, owner, &n, r->out, POLLIN, k);
		watch(pfd, owner, &n, r->err, POLLIN, k);
		for (c = 0; c < r->cmd->ncollect; c++)
			watch(pfd, owner, &n, r->more[c], POLLIN, k);
		watch(pfd, owner, &n, r->in, POLLOUT, k);
	}
	do
		i = poll(pfd, (nfds_t)n, lingering ? 5000 : -1);
	while (i < 0 && errno == EINTR);
	if (i < 0)
		return fail_errno(err, errlen, "poll");
	if (i == 0)
		return fail(err, errlen, "the program's output did not end with its box");
	for (i = 0; i < (int)n; i++) {
		struct run *r = &rs->r[owner[i]];

		if (!pfd[i].revents)
			continue;
		if (pfd[i].fd == r->b->sock && !r->answered) {
			r->answered = true;
			r->order = ++rs->answered;
			if (recv_reply(r->b, r->rep, sizeof(r->rep), err, errlen) < 0)
				return -1;
		} else if (pfd[i].fd == r->out) {
			drain(r, &r->out, &r->o->out);
		} else if (pfd[i].fd == r->err) {
			drain(r, &r->err, &r->o->err);
		} else if (pfd[i].fd == r->in) {
			feed(r);
		} else {
			for (c = 0; c < r->cmd->ncollect; c++)
				if (pfd[i].fd == r->more[c])
					drain(r, &r->more[c], &r->o->more[c]);
		}
	}
	return 0;
}

int sbx_runs_wait(struct sbx_runs *rs, char *err, size_t errlen)
{
	size_t k;
	bool any;

	for (;;) {
		any = false;
		for (k = 0; k < SBX_MAX_JOBS; k++) {
			struct run *r = &rs->r[k];

			if (!r->active)
				continue;
			any = true;
			if (run_busy(r))
				continue;
			r->active = false;
			return finish_run(r, err, errlen) < 0 ? -1 : (int)k;
		}
		if (!any)
			return fail(err, errlen, "no run is going");
		if (step(rs, err, errlen) < 0)
			return -1;
	}
}

/* When run k's launcher answered among the set's: 1 first, 2 second... */
static unsigned sbx_runs_order(const struct sbx_runs *rs, int k)
{
	return k >= 0 && k < SBX_MAX_JOBS ? rs->r[k].order : 0;
}

void sbx_runs_free(struct sbx_runs *rs)
{
	size_t k;
	unsigned c;

	if (!rs)
		return;
	for (k = 0; k < SBX_MAX_JOBS; k++) {
		struct run *r = &rs->r[k];

		/* a run still going when the set is dropped is stopped: a failure midway */
		if (r->active && !r->answered)
			send_msg(r->b, "kill", 4, NULL, 0);
		close_fd(&r->in);
		close_fd(&r->out);
		close_fd(&r->err);
		for (c = 0; c < SBX_MAX_COLLECT; c++)
			close_fd(&r->more[c]);
	}
	free(rs);
}

int sbx_run_many(struct sbx_job *jobs, size_t njobs, char *err, size_t errlen)
{
	struct sbx_runs *rs;
	int slot[SBX_MAX_JOBS], k;
	size_t i, j, started = 0, ended = 0;

	if (njobs == 0 || njobs > SBX_MAX_JOBS)
		return fail(err, errlen, "bad number of runs");
	rs = sbx_runs_new();
	if (!rs)
		return fail(err, errlen, "out of memory");
	for (i = 0; i < njobs; i++, started++) {
		jobs[i].order = 0;
		if ((slot[i] = sbx_runs_start(rs, jobs[i].b, jobs[i].cmd, jobs[i].o, err, errlen)) < 0)
			break;
	}
	/* the launchers hold joined ends now: ours would keep the other side from seeing an end */
	for (i = 0; i < njobs; i++)
		if (jobs[i].cmd->joined) {
			close(jobs[i].cmd->join_in);
			close(jobs[i].cmd->join_out);
		}
	while (started == njobs && ended < njobs && (k = sbx_runs_wait(rs, err, errlen)) >= 0) {
		for (j = 0; j < njobs; j++)
			if (slot[j] == k)
				jobs[j].order = sbx_runs_order(rs, k);
		ended++;
	}
	sbx_runs_free(rs);
	return ended == njobs ? 0 : -1;
}

int sbx_run(struct sbx *b, const struct sbx_cmd *cmd, struct sbx_outcome *o, char *err,
	    size_t errlen)
{
	struct sbx_job job = { .b = b, .cmd = cmd, .o = o };

	return sbx_run_many(&job, 1, err, errlen);
}
