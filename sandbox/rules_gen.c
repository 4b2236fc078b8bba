/*
 * rules_gen.c - build the seccomp filter every boxed process runs under
 *
 * Run at build time, unprivileged: libseccomp compiles the rules below to
 * BPF once, and this prints it as C for the launcher (rules.c) to load.
 * The launcher itself never links libseccomp.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdio.h>

/*
 * Denied outright (EPERM).  The filter allows by default and names what a
 * contestant's program never needs but an attacker would: the list is
 * easier to audit than an allow-list that every runtime release would break.
 */
static const char *const denied[] = {
	/* reading or steering another process's memory and registers */
	"ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
	/* changing the filesystem layout the box was built with */
	"mount", "umount2", "pivot_root", "chroot", "open_tree", "move_mount", "fsopen",
	"fsconfig", "fsmount", "fspick", "mount_setattr",
	/* leaving or creating namespaces (clone's flags are checked below) */
	"unshare", "setns",
	/* the kernel keyring is not namespaced: keys outlive the box and leak between users */
	"keyctl", "add_key", "request_key",
	/* large kernel attack surface, source of many privilege escalations */
	"bpf", "perf_event_open",
	/* lets a program stall kernel page faults at will, the classic way to win kernel races */
	"userfaultfd",
	/* io_uring performs I/O that seccomp never sees, and has had many kernel bugs */
	"io_uring_setup", "io_uring_enter", "io_uring_register",
	/* whole-machine operations */
	"kexec_load", "kexec_file_load", "reboot", "init_module", "finit_module",
	"delete_module", "swapon", "swapoff", "acct", "syslog", "vhangup", "quotactl",
	"quotactl_fd", "nfsservctl", "lookup_dcookie", "settimeofday", "clock_settime",
	"clock_adjtime", "adjtimex", "sethostname", "setdomainname", "iopl", "ioperm",
	/* open a file by handle, bypassing the mount tree (the "shocker" container escape) */
	"name_to_handle_at", "open_by_handle_at",
	/* watch the whole filesystem */
	"fanotify_init",
	/* obsolete interfaces nobody needs and few audit */
	"uselib", "ustat", "sysfs", "_sysctl",
};

static int deny(scmp_filter_ctx ctx, const char *name, uint32_t action)
{
	int nr = seccomp_syscall_resolve_name(name);

	/* a name this architecture lacks needs no rule */
	if (nr == __NR_SCMP_ERROR || nr < 0)
		return 0;
	return seccomp_rule_add(ctx, action, nr, 0);
}

static int add_rules(scmp_filter_ctx ctx)
{
	const uint32_t eperm = SCMP_ACT_ERRNO(EPERM);
	const uint64_t newns = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC |
			       CLONE_NEWUTS | CLONE_NEWUSER | CLONE_NEWCGROUP | CLONE_NEWTIME;
	size_t i;

	for (i = 0; i < sizeof(denied) / sizeof(denied[0]); i++)
		if (deny(ctx, denied[i], eperm) < 0)
			return -1;
	/* clone with a namespace flag would give the program a fresh, unconfined view */
	for (i = 0; i < 64; i++) {
		if (!(newns & (1ull << i)))
			continue;
		if (seccomp_rule_add(ctx, eperm, SCMP_SYS(clone), 1,
				     SCMP_A0(SCMP_CMP_MASKED_EQ, 1ull << i, 1ull << i)) < 0)
			return -1;
	}
	/* clone3 passes its flags in memory seccomp cannot read; ENOSYS makes libc fall back to clone */
	if (deny(ctx, "clone3", SCMP_ACT_ERRNO(ENOSYS)) < 0)
		return -1;
	/* no network at all: only local socket pairs and unix sockets inside the box */
	if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socket), 1,
			     SCMP_A0(SCMP_CMP_NE, AF_UNIX)) < 0 ||
	    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(socketpair), 1,
			     SCMP_A0(SCMP_CMP_NE, AF_UNIX)) < 0)
		return -1;
	/* only plain Linux: personality flags such as ADDR_NO_RANDOMIZE or READ_IMPLIES_EXEC weaken exploit defences */
	if (seccomp_rule_add(ctx, eperm, SCMP_SYS(personality), 1, SCMP_A0(SCMP_CMP_NE, PER_LINUX)) <
	    0)
		return -1;
	return 0;
}

/* The highest system call number this libseccomp knows on this architecture. */
static unsigned highest_known(void)
{
	unsigned nr;
	char *name;

	for (nr = 1023; nr > 0; nr--) {
		name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, (int)nr);
		if (name) {
			free(name);
			return nr;
		}
	}
	return 0;
}

/*
 * A deny list passes what it has never heard of: a system call newer than
 * the library (listmount, open_tree_attr, ...) would reach the kernel
 * unchecked.  These instructions, run before libseccomp's program, answer
 * ENOSYS to every native number above the highest it knows, so runtimes
 * fall back as on an older kernel.  Foreign ABIs go on to libseccomp's own
 * architecture check, which kills.
 */
static unsigned short prefix(struct sock_filter *f, unsigned highest)
{
	const struct sock_filter p[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, seccomp_arch_native(), 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, highest, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA)),
	};

	memcpy(f, p, sizeof(p));
	return (unsigned short)(sizeof(p) / sizeof(p[0]));
}

/* The filter as C: 4 instructions a line. */
static void print_filter(const struct sock_filter *f, size_t n, unsigned highest)
{
	size_t i;

	printf("/* generated by rules_gen (sandbox/rules_gen.c): do not edit */\n"
	       "#include <linux/filter.h>\n\n"
	       "/* %zu instructions; ENOSYS for native system calls above %u */\n"
	       "const struct sock_filter rules_filter[] = {\n",
	       n, highest);
	for (i = 0; i < n; i++)
		printf("%s{ 0x%02x, %u, %u, 0x%08x },%s", i % 4 ? " " : "\t", f[i].code, f[i].jt,
		       f[i].jf, f[i].k, i % 4 == 3 || i + 1 == n ? "\n" : "");
	printf("};\nconst unsigned short rules_filter_len = %zu;\n", n);
}

int main(void)
{
	struct sock_filter *filter = NULL;
	scmp_filter_ctx ctx;
	unsigned short pre;
	unsigned highest = highest_known();
	int fd = -1, r = 1;
	off_t size;

	/*
	 * a system call from a foreign ABI (i386, x32) kills the process: no rules cover them;
	 * the rules as a binary tree: the kernel runs the filter for every system call number
	 * when it loads it (its cache of those always allowed), which then takes half as long
	 */
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx || seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS) < 0 ||
	    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2) < 0 || add_rules(ctx) < 0) {
		fprintf(stderr, "rules_gen: cannot build the filter\n");
		goto out;
	}
	fd = memfd_create("seccomp-bpf", MFD_CLOEXEC);
	if (fd < 0 || seccomp_export_bpf(ctx, fd) < 0) {
		fprintf(stderr, "rules_gen: cannot export the filter\n");
		goto out;
	}
	size = lseek(fd, 0, SEEK_END);
	if (size <= 0 || size % (off_t)sizeof(struct sock_filter) ||
	    size / (off_t)sizeof(struct sock_filter) > BPF_MAXINSNS - 16 || !highest) {
		fprintf(stderr, "rules_gen: the exported filter has a bad size\n");
		goto out;
	}
	filter = malloc((size_t)size + 16 * sizeof(struct sock_filter));
	if (!filter)
		goto out;
	pre = prefix(filter, highest);
	if (pread(fd, filter + pre, (size_t)size, 0) != size) {
		fprintf(stderr, "rules_gen: cannot read back the filter\n");
		goto out;
	}
	print_filter(filter, pre + (size_t)size / sizeof(struct sock_filter), highest);
	r = fflush(stdout) == 0 ? 0 : 1;
out:
	free(filter);
	if (fd >= 0)
		close(fd);
	if (ctx)
		seccomp_release(ctx);
	return r;
}
