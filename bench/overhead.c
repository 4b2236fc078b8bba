/*
 * overhead.c - per-run cost of the sandbox: the same compiled program run
 * bare (fork, exec, pipes, wait) and in a box, alternating, in one process.
 * Prints median and p90 milliseconds and the median added by the box.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox.h"
#include "util.h"

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static double pct(uint64_t *v, size_t n, double p)
{
	qsort(v, n, sizeof(*v), cmp_u64);
	return (double)v[(size_t)(p * (double)(n - 1))] / 1000.0;
}

/* Bare: fork + exec with stdin/stdout/stderr pipes, read until EOF, wait. */
static uint64_t run_bare(const char *path, const char *input)
{
	int in[2], out[2];
	char buf[4096];
	uint64_t t0 = mono_us();
	pid_t pid;
	int st;

	if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0)
		exit(1);
	pid = fork();
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		execl(path, path, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	if (write_all(in[1], input, strlen(input)) < 0 && errno != EPIPE)
		exit(1);
	close(in[1]);
	while (read(out[0], buf, sizeof(buf)) > 0)
		;
	close(out[0]);
	waitpid(pid, &st, 0);
	return mono_us() - t0;
}

static uint64_t run_boxed(struct sbx *b, const char *path, const char *input)
{
	const char *argv[] = { path, NULL };
	const char *envp[] = { "PATH=/usr/bin:/bin", NULL };
	struct sbx_cmd cmd = {
		.argv = argv,
		.envp = envp,
		.stdin_data = input,
		.stdin_len = strlen(input),
		.lim = { .cpu_ms = 5000, .wall_ms = 11000, .mem_bytes = 256u << 20,
			 .output_bytes = 16u << 20, .fsize_bytes = 64u << 20,
			 .stack_bytes = 256u << 20, .pids = 64, .nofile = 256, .tmp_mb = 64 },
	};
	struct sbx_outcome o;
	char err[256];
	uint64_t t0 = mono_us(), t;

	sbx_outcome_init(&o);
	if (sbx_run(b, &cmd, &o, err, sizeof(err)) < 0 || o.status != SBX_EXITED ||
	    o.exit_code != 0) {
		fprintf(stderr, "boxed run failed: %s (status %d exit %d)\n", err, o.status,
			o.exit_code);
		exit(1);
	}
	t = mono_us() - t0;
	sbx_outcome_release(&o);
	return t;
}

static const char prog[] = "#include <stdio.h>\n"
			   "int main(void){long a=0,x;while(scanf(\"%ld\",&x)==1)a+=x;"
			   "printf(\"%ld\\n\",a);return 0;}\n";

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 300;
	const char *input = "5\n1 2 3 4 5\n";
	char err[512], dir[] = "/tmp/ce-bench-XXXXXX", src[64], bin[64], cc[256];
	uint64_t *bare, *boxed, *tb, *tx;
	struct sbx b;
	int i;

	if (n < 10)
		n = 10;
	if (sbx_init(NULL, err, sizeof(err)) != SBX_OK || sbx_check(err, sizeof(err)) != SBX_OK) {
		fprintf(stderr, "sandbox: %s\n", err);
		return 1;
	}
	/* the same program: compiled on the host for the bare runs, in the box for the boxed ones */
	if (!mkdtemp(dir))
		return 1;
	snprintf(src, sizeof(src), "%s/main.c", dir);
	snprintf(bin, sizeof(bin), "%s/main", dir);
	FILE *f = fopen(src, "w");
	if (!f)
		return 1;
	fputs(prog, f);
	fclose(f);
	snprintf(cc, sizeof(cc), "gcc -std=gnu17 -O2 -o %s %s", bin, src);
	if (system(cc) != 0)
		return 1;

	if (sbx_open(&b, 64, err, sizeof(err)) < 0 ||
	    sbx_write_file(&b, "main.c", prog, strlen(prog), false, err, sizeof(err)) < 0) {
		fprintf(stderr, "box: %s\n", err);
		return 1;
	}
	{
		const char *cargv[] = { "/usr/bin/gcc", "-std=gnu17", "-O2", "-o", "main", "main.c",
					NULL };
		const char *envp[] = { "PATH=/usr/bin:/bin", NULL };
		struct sbx_cmd cmd = {
			.argv = cargv, .envp = envp, .writable = true,
			.lim = { .cpu_ms = 10000, .wall_ms = 20000, .mem_bytes = 1u << 30,
				 .output_bytes = 1u << 20, .fsize_bytes = 64u << 20,
				 .stack_bytes = 64u << 20, .pids = 128, .nofile = 256, .tmp_mb = 256 },
		};
		struct sbx_outcome o;

		sbx_outcome_init(&o);
		if (sbx_run(&b, &cmd, &o, err, sizeof(err)) < 0 || o.exit_code != 0) {
			fprintf(stderr, "compile in box failed: %s %s\n", err, o.err.buf);
			return 1;
		}
		sbx_outcome_release(&o);
	}

	bare = calloc((size_t)n, sizeof(*bare));
	boxed = calloc((size_t)n, sizeof(*boxed));
	tb = calloc((size_t)n, sizeof(*tb));
	tx = calloc((size_t)n, sizeof(*tx));
	if (!bare || !boxed || !tb || !tx)
		return 1;
	/* warm up both paths, then alternate so machine noise hits both alike */
	for (i = 0; i < 10; i++) {
		run_bare(bin, input);
		run_boxed(&b, "/box/main", input);
	}
	for (i = 0; i < n; i++) {
		bare[i] = run_bare(bin, input);
		boxed[i] = run_boxed(&b, "/box/main", input);
		tb[i] = run_bare("/usr/bin/true", "");
		tx[i] = run_boxed(&b, "/usr/bin/true", "");
	}
	sbx_close(&b);
	unlink(bin);
	unlink(src);
	rmdir(dir);

	double mb = pct(bare, (size_t)n, 0.5), pb = pct(bare, (size_t)n, 0.9);
	double mx = pct(boxed, (size_t)n, 0.5), px = pct(boxed, (size_t)n, 0.9);
	double mtb = pct(tb, (size_t)n, 0.5), ptb = pct(tb, (size_t)n, 0.9);
	double mtx = pct(tx, (size_t)n, 0.5), ptx = pct(tx, (size_t)n, 0.9);

	printf("per-run sandbox overhead (%d runs each, alternating; ms)\n", n);
	printf("%-26s %10s %10s %10s %10s %12s\n", "program", "bare p50", "bare p90", "box p50",
	       "box p90", "added p50");
	printf("%-26s %10.3f %10.3f %10.3f %10.3f %12.3f\n", "sum.c (stdin 5 numbers)", mb, pb, mx,
	       px, mx - mb);
	printf("%-26s %10.3f %10.3f %10.3f %10.3f %12.3f\n", "/usr/bin/true", mtb, ptb, mtx, ptx,
	       mtx - mtb);
	printf("target: at most 1.5 ms added; reference: ioi/isolate 1.10 added ~2.9 ms for "
	       "/bin/true on this machine type\n");
	free(bare);
	free(boxed);
	free(tb);
	free(tx);
	return 0;
}
