/* test_util.c - unit tests of common/util.c, the system helpers the launcher and the judge share */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "util.h"

static char dir[64];

static int suite_init(void)
{
	snprintf(dir, sizeof(dir), "/tmp/ce-test-util.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int suite_cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_fail(void)
{
	char err[16] = "untouched";

	CU_ASSERT_EQUAL(fail(err, sizeof(err), "code %d", 42), -1);
	CU_ASSERT_STRING_EQUAL(err, "code 42");
	/* bounded by errlen */
	CU_ASSERT_EQUAL(fail(err, sizeof(err), "%s", "a message longer than sixteen bytes"), -1);
	CU_ASSERT_EQUAL(strlen(err), sizeof(err) - 1);
	/* no buffer: still -1 */
	CU_ASSERT_EQUAL(fail(NULL, 0, "x"), -1);
	errno = ENOENT;
	CU_ASSERT_EQUAL(fail_errno(err, sizeof(err), "open"), -1);
	CU_ASSERT_STRING_EQUAL(err, "open: No such f");
	/* errno survives for the caller */
	CU_ASSERT_EQUAL(errno, ENOENT);
}

static void test_mono_us(void)
{
	uint64_t a = mono_us(), b;

	usleep(20000);
	b = mono_us();
	CU_ASSERT(b >= a + 19000);
	CU_ASSERT(b < a + 5000000);
}

static void test_write_all_pipe(void)
{
	static char big[300000], back[300000];
	int p[2];
	size_t got = 0;
	ssize_t n;
	pid_t pid;

	memset(big, 'q', sizeof(big));
	big[sizeof(big) - 1] = '!';
	CU_ASSERT_EQUAL_FATAL(pipe(p), 0);
	/* more than a pipe holds: the writer must go on after short writes */
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		_exit(write_all(p[1], big, sizeof(big)) == 0 ? 0 : 1);
	}
	close(p[1]);
	while ((n = read(p[0], back + got, sizeof(back) - got)) > 0)
		got += (size_t)n;
	close(p[0]);
	CU_ASSERT_EQUAL(got, sizeof(big));
	CU_ASSERT_EQUAL(memcmp(big, back, sizeof(big)), 0);
	CU_ASSERT_EQUAL(write_all(-1, "x", 1), -1);
}

static void test_write_file(void)
{
	char path[128], link[128], buf[64];
	int fd;

	snprintf(path, sizeof(path), "%s/knob", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	/* only a file that exists: nothing is created */
	CU_ASSERT_EQUAL(write_file(path, "1"), -1);
	CU_ASSERT_EQUAL(access(path, F_OK), -1);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(write(fd, "old contents", 12), 12);
	close(fd);
	CU_ASSERT_EQUAL(write_file(path, "12345"), 0);
	fd = open(path, O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	/* written at the start, not truncated (a cgroup knob takes the value as written) */
	CU_ASSERT_EQUAL(read_small(fd, buf, sizeof(buf)), 12);
	CU_ASSERT_STRING_EQUAL(buf, "12345ontents");
	close(fd);
	/* never through a link */
	CU_ASSERT_EQUAL_FATAL(symlink(path, link), 0);
	CU_ASSERT_EQUAL(write_file(link, "x"), -1);
	CU_ASSERT_EQUAL(errno, ELOOP);
}

static void test_read_small(void)
{
	char path[128], buf[8];
	int fd;

	snprintf(path, sizeof(path), "%s/small", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(write(fd, "0123456789", 10), 10);
	/* at most len - 1 bytes, NUL-terminated, always from offset 0 */
	CU_ASSERT_EQUAL(read_small(fd, buf, sizeof(buf)), 7);
	CU_ASSERT_STRING_EQUAL(buf, "0123456");
	CU_ASSERT_EQUAL(read_small(fd, buf, sizeof(buf)), 7);
	CU_ASSERT_STRING_EQUAL(buf, "0123456");
	close(fd);
	CU_ASSERT_EQUAL(read_small(fd, buf, sizeof(buf)), -1);
}

/* env_int clamps what it is given; env_int_exact takes the default for anything out of bounds */
static void test_env_int(void)
{
	static const struct {
		const char *v;
		int clamped, exact;
	} c[] = {
		{ NULL, 7, 7 }, { "", 7, 7 }, { "3", 3, 3 }, { "0", 1, 7 }, { "99", 10, 7 },
		{ "-2", 1, 7 }, { "4x", 4, 7 }, { "x", 1, 7 }, { "99999999999999999999", 10, 7 },
	};
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		if (c[i].v)
			setenv("CE_TEST_ENV_INT", c[i].v, 1);
		else
			unsetenv("CE_TEST_ENV_INT");
		CU_ASSERT_EQUAL(env_int("CE_TEST_ENV_INT", 7, 1, 10), c[i].clamped);
		CU_ASSERT_EQUAL(env_int_exact("CE_TEST_ENV_INT", 7, 1, 10), c[i].exact);
	}
	unsetenv("CE_TEST_ENV_INT");
}

static CU_TestInfo tests[] = {
	{ "fail and fail_errno format, bound and keep errno", test_fail },
	{ "mono_us is monotonic microseconds", test_mono_us },
	{ "write_all writes everything through short writes", test_write_all_pipe },
	{ "write_file: existing files only, never a link", test_write_file },
	{ "read_small: bounded, NUL-terminated, from offset 0", test_read_small },
	{ "env_int clamps, env_int_exact falls back", test_env_int },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("util", tests, suite_init, suite_cleanup);
}
