/*
 * proto.h - the wire protocol between the unprivileged judge and bin/ce-box
 *
 * One AF_UNIX SOCK_SEQPACKET socket, the launcher's fd 0.  Every message is
 * one datagram of at most PROTO_MAX_MSG bytes: a line of ASCII words
 * separated by single spaces, numbers in plain decimal.  Requests:
 *
 *   check                  can this machine build a box?     -> ok <cgroups> | err <why>
 *   open <work_mb>         build the box (/box is work_mb)   -> ok <cgroups> | err <why>
 *   file <name>            + 1 fd: a sealed memfd, copied into /box/<name>
 *                          -> ok <box_bytes> | err <why>  (what /box takes now)
 *   run <writable> <cpu_ms> <wall_ms> <mem_kb> <fsize_mb> <stack_mb> <pids> <nofile>
 *       <tmp_mb> <argc> <envc>\n  then argc + envc NUL-terminated strings
 *                          + 3 fds: the program's stdin (a pipe's read end),
 *                          stdout and stderr (pipes' write ends)
 *                          -> done <status> <exit_code> <signal> <oom> <cpu_us>
 *                             <wall_us> <mem_peak> <maxrss> <box_bytes> | err <why>
 *   kill                   while a run is going: stop it (status PROTO_KILLED);
 *                          ignored otherwise
 *   fork                   + 1 fd: a unix seqpacket socket.  A twin of this launcher
 *                          serves that socket on the same box, so that runs go side
 *                          by side: it takes only read-only runs and kills (no open,
 *                          file, writable run or fork), under a uid of its own.  At
 *                          most PROTO_MAX_TWINS per box; only the box's own launcher
 *                          forks.           -> ok | err <why>
 *
 * Any message that arrives during a run stops the run, and is handled (a
 * kill: ignored) after the run's reply.  End of file on the socket (or an
 * empty message, which reads the same) closes the box and ends the
 * launcher; during a run it kills the run first.  The caller feeds stdin and
 * reads stdout and stderr itself: the launcher never touches the program's data.
 */
#ifndef CE_PROTO_H
#define CE_PROTO_H

#define PROTO_MAX_MSG		65536
#define PROTO_MAX_STRINGS	32		/* argv entries, and env entries */
#define PROTO_MAX_FILE		(1u << 20)	/* bytes of one file copied into /box */
#define PROTO_MAX_NAME		64
#define PROTO_MAX_EXTRA_FDS	4		/* descriptors a run gets after stdio */
#define PROTO_MAX_TWINS		7		/* forks of one box's launcher */

/* Field ranges the launcher accepts; anything else is refused. */
#define PROTO_MAX_WORK_MB	1024
#define PROTO_MAX_CPU_MS	60000
#define PROTO_MAX_WALL_MS	130000
#define PROTO_MIN_MEM_KB	1024
#define PROTO_MAX_MEM_KB	(4u << 20)
#define PROTO_MAX_FSIZE_MB	1024
#define PROTO_MAX_STACK_MB	4096
#define PROTO_MAX_PIDS		512
#define PROTO_MAX_NOFILE	4096
#define PROTO_MAX_TMP_MB	1024

/* <status> of a done reply */
enum proto_status {
	PROTO_EXITED,	/* exited by itself */
	PROTO_SIGNALED,	/* killed by a signal the launcher did not send */
	PROTO_CPU,	/* stopped: CPU time */
	PROTO_WALL,	/* stopped: wall time */
	PROTO_KILLED,	/* stopped: the caller asked */
	PROTO__MAX
};

#endif
