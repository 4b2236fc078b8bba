/* rules.c - load the seccomp filter that rules_gen built at build time */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

#include "launcher.h"

/* the generated filter (build/.../gen/rules_filter.c) */
extern const struct sock_filter rules_filter[];
extern const unsigned short rules_filter_len;

int rules_init(char *err, size_t errlen)
{
	if (prctl(PR_GET_SECCOMP) < 0 && errno == EINVAL)
		return fail(err, errlen, "seccomp: the kernel lacks CONFIG_SECCOMP; refusing to run");
	return 0;
}

int rules_apply(void)
{
	struct sock_fprog prog = { .len = rules_filter_len, .filter = (struct sock_filter *)rules_filter };

	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}
