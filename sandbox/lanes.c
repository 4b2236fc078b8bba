/*
 * lanes.c - how many of a submission's tests may run at once: the cores a judge may borrow
 *
 * A judge host's slots each run one job on one core.  A job may borrow the
 * core of a slot that is idle for one test at a time: each slot owns a
 * token, an empty file CE_CORES/<slot> held with flock() while it is in use.
 * A judge holds its own slot's token (CE_CORE) for the whole job, and a
 * borrowed one only while one test runs, so a slot that claims a new job
 * waits for at most one test of its neighbour before it has its core back.
 * Under a full queue every token is held by its owner and nothing is
 * borrowed: a job then runs one test at a time, as before.
 *
 * Without CE_CORES (bin/judge run by hand, the benchmarks) a judge may use
 * every online core.  CE_JUDGE_LANES caps the tests one job runs at once
 * (default 4, 1 to SBX_MAX_JOBS); 1 turns the borrowing off.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "extern.h"

#define LANES_DEFAULT 4

void lanes_open(struct lanes *ln)
{
	const char *dir = getenv("CE_CORES");
	/* a bad CE_CORE is no token at all, never token 0 */
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int own = env_int_exact("CE_CORE", -1, 0, LANES_MAX_TOKENS - 1);
	char path[512];
	int fd;

	memset(ln, 0, sizeof(*ln));
	ln->own = -1;
	ln->cap = (unsigned)env_int_exact("CE_JUDGE_LANES", LANES_DEFAULT, 1, SBX_MAX_JOBS);
	if (!dir || dir[0] != '/') {
		/* no host to share with: the machine's cores */
		if (cores >= 1 && (unsigned long)cores < ln->cap)
			ln->cap = (unsigned)cores;
		return;
	}
	for (ln->ntokens = 0; ln->ntokens < LANES_MAX_TOKENS; ln->ntokens++) {
		snprintf(path, sizeof(path), "%s/%u", dir, ln->ntokens);
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			break;
		ln->fd[ln->ntokens] = fd;
	}
	if (own >= 0 && (unsigned)own < ln->ntokens) {
		ln->own = own;
		/* ours for the whole job; a neighbour that borrowed it gives it back after one test */
		while (flock(ln->fd[own], LOCK_EX) < 0 && errno == EINTR)
			;
	}
	if (ln->ntokens < ln->cap)
		ln->cap = ln->ntokens ? ln->ntokens : 1;
}

int lanes_borrow(struct lanes *ln)
{
	unsigned i;

	if (!ln->ntokens)
		return LANES_FREE;
	for (i = 0; i < ln->ntokens; i++)
		if ((int)i != ln->own && !ln->held[i] && flock(ln->fd[i], LOCK_EX | LOCK_NB) == 0) {
			ln->held[i] = true;
			return (int)i;
		}
	return -1;
}

void lanes_return(struct lanes *ln, int token)
{
	if (token >= 0 && (unsigned)token < ln->ntokens && ln->held[token]) {
		flock(ln->fd[token], LOCK_UN);
		ln->held[token] = false;
	}
}

void lanes_close(struct lanes *ln)
{
	unsigned i;

	/* closing drops every lock this judge holds */
	for (i = 0; i < ln->ntokens; i++)
		close(ln->fd[i]);
	ln->ntokens = 0;
}
