/*
 * test_strbuf.c - the byte buffer of common/strbuf.c: its rules, and reading whole files
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "strbuf.h"

static void test_rules(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;
	size_t len;

	/* never NULL, always terminated, even before the first byte */
	CU_ASSERT_PTR_NOT_NULL(sb.buf);
	CU_ASSERT_EQUAL(sb.buf[0], '\0');
	CU_ASSERT_EQUAL(strbuf_add(&sb, "ab\0cd", 5), 0);
	CU_ASSERT_EQUAL(sb.len, 5);
	CU_ASSERT_EQUAL(memcmp(sb.buf, "ab\0cd", 6), 0);
	CU_ASSERT_EQUAL(strbuf_addf(&sb, "%d-%s", 42, "x"), 0);
	CU_ASSERT_EQUAL(sb.len, 9);
	CU_ASSERT_EQUAL(sb.buf[sb.len], '\0');
	strbuf_setlen(&sb, 2);
	CU_ASSERT_STRING_EQUAL(sb.buf, "ab");
	strbuf_setlen(&sb, 10);
	CU_ASSERT_EQUAL(sb.len, 2);
	CU_ASSERT_EQUAL(strbuf_addstr(&sb, "{x}{x}"), 0);
	CU_ASSERT_EQUAL(strbuf_replace_all(&sb, "{x}", "yy"), 0);
	CU_ASSERT_STRING_EQUAL(sb.buf, "abyyyy");
	/* detach hands the memory over and leaves an empty buffer */
	s = strbuf_detach(&sb, &len);
	CU_ASSERT_STRING_EQUAL(s, "abyyyy");
	CU_ASSERT_EQUAL(len, 6);
	CU_ASSERT_EQUAL(sb.len, 0);
	CU_ASSERT_PTR_NOT_NULL(sb.buf);
	free(s);
	strbuf_release(&sb);
}

static void write_tmp(char *path, size_t n)
{
	int fd = mkstemp(path);
	char *b = malloc(n);

	CU_ASSERT_FATAL(fd >= 0 && b != NULL);
	memset(b, 'z', n);
	CU_ASSERT_EQUAL(write(fd, b, n), (ssize_t)n);
	close(fd);
	free(b);
}

static void test_read_file(void)
{
	char path[] = "/tmp/ce-strbuf-XXXXXX";
	struct strbuf sb = STRBUF_INIT;

	write_tmp(path, 200000);
	/* appended after what is there, whole */
	strbuf_addstr(&sb, "head:");
	CU_ASSERT_EQUAL(strbuf_read_file(&sb, path, 200000), 0);
	CU_ASSERT_EQUAL(sb.len, 5 + 200000);
	CU_ASSERT_EQUAL(sb.buf[sb.len], '\0');
	CU_ASSERT_EQUAL(sb.buf[sb.len - 1], 'z');
	/* one byte over the bound: refused, and the buffer is as it was */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "kept");
	errno = 0;
	CU_ASSERT_EQUAL(strbuf_read_file(&sb, path, 199999), -1);
	CU_ASSERT_EQUAL(errno, EFBIG);
	CU_ASSERT_STRING_EQUAL(sb.buf, "kept");
	unlink(path);
	/* a file that is not there */
	CU_ASSERT_EQUAL(strbuf_read_file(&sb, path, 100), -1);
	CU_ASSERT_EQUAL(errno, ENOENT);
	CU_ASSERT_STRING_EQUAL(sb.buf, "kept");
	strbuf_release(&sb);
}

static void test_read_fd(void)
{
	struct strbuf sb = STRBUF_INIT;
	int p[2];

	CU_ASSERT_FATAL(pipe(p) == 0);
	CU_ASSERT_EQUAL(write(p[1], "0123456789", 10), 10);
	close(p[1]);
	/* stops once past the bound, so a caller can refuse without reading it all */
	CU_ASSERT_EQUAL(strbuf_read_fd(&sb, p[0], 4), 0);
	CU_ASSERT(sb.len > 4);
	close(p[0]);
	strbuf_reset(&sb);
	CU_ASSERT_FATAL(pipe(p) == 0);
	CU_ASSERT_EQUAL(write(p[1], "abc", 3), 3);
	close(p[1]);
	CU_ASSERT_EQUAL(strbuf_read_fd(&sb, p[0], 100), 0);
	CU_ASSERT_STRING_EQUAL(sb.buf, "abc");
	close(p[0]);
	/* a descriptor that cannot be read */
	CU_ASSERT_EQUAL(strbuf_read_fd(&sb, -1, 100), -1);
	strbuf_release(&sb);
}

static CU_TestInfo tests[] = {
	{ "rules: never NULL, terminated, detach", test_rules },
	{ "read a whole file within a bound", test_read_file },
	{ "read a descriptor, stop past the bound", test_read_fd },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("strbuf", tests)
