/* test_languages.c - end-to-end verdicts of SPEC section 3 for every language of lang.c */
#define _GNU_SOURCE
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* "any value" for an expected exit code or signal */
#define ANY INT_MIN

struct prog {
	const char *lang;
	const char *code;
};

/* A program that must fail at run time, with what the result must say. */
struct crash {
	const char *lang;
	const char *code;
	int exit_code;		/* expected exit_code, or ANY */
	int signal;		/* expected signal, or ANY */
	const char *err_has;	/* text the error must contain, or NULL */
};

static void check_at(bool ok, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A CUnit assertion whose message says which language and case failed. */
static void check_at(bool ok, unsigned line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, msg, __FILE__, "", CU_FALSE);
}
#define CHECK(ok, ...) check_at((ok), __LINE__, __VA_ARGS__)

static const char *lang_of(const struct run *r)
{
	return r && r->req.lang ? r->req.lang->id : "?";
}

static bool verdict_at(const struct run *r, size_t i, enum verdict v, const char *what,
		       unsigned line)
{
	bool ok = r && r->rc == SBX_OK && i < r->res.ntests && r->res.tests[i].verdict == v;

	if (!ok)
		run_dump(r);
	check_at(ok, line, "%s %s: test %zu is %s, want %s (%s)", lang_of(r), what, i + 1,
		 run_verdict(r, i), verdict_name(v), r ? r->err : "no run");
	return ok;
}
/* The verdict of test i (0-based) of a run, naming the language and case on failure. */
#define VERDICT(r, i, v, what) verdict_at((r), (i), (v), (what), __LINE__)

/* The overall verdict: accepted, else the first failing test's. */
#define OVERALL(r, v, what)                                                                      \
	CHECK((r) && (r)->res.verdict == (v), "%s %s: overall verdict %s, want %s", lang_of(r),  \
	      (what), (r) ? verdict_name((r)->res.verdict) : "(none)", verdict_name(v))

static const struct judge_test_result *test_of(const struct run *r, size_t i)
{
	return r && i < r->res.ntests ? &r->res.tests[i] : NULL;
}

/* A runtime_error says why: a signal (exit_code -1) or a non-zero exit (signal 0). */
static void check_crash(const struct run *r, const struct crash *c, const char *what)
{
	const struct judge_test_result *t = test_of(r, 0);

	if (!VERDICT(r, 0, V_RUNTIME_ERROR, what) || !t)
		return;
	CHECK(t->signal ? t->exit_code == -1 : t->exit_code > 0,
	      "%s %s: inconsistent exit_code %d / signal %d", c->lang, what, t->exit_code,
	      t->signal);
	if (c->exit_code != ANY)
		CHECK(t->exit_code == c->exit_code, "%s %s: exit_code %d, want %d", c->lang, what,
		      t->exit_code, c->exit_code);
	if (c->signal != ANY)
		CHECK(t->signal == c->signal, "%s %s: signal %d, want %d", c->lang, what, t->signal,
		      c->signal);
	if (c->err_has)
		CHECK(strstr(t->error.buf, c->err_has) != NULL, "%s %s: error lacks \"%s\": %.300s",
		      c->lang, what, c->err_has, t->error.buf);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- accepted and wrong_answer ---- */

static const struct prog sum_progs[] = {
	{ "python", "import sys\n"
		    "d = sys.stdin.read().split()\n"
		    "n = int(d[0])\n"
		    "print(sum(int(x) for x in d[1:1 + n]))\n" },
	{ "java", "import java.util.*;\n"
		  "public class Main {\n"
		  "    public static void main(String[] args) {\n"
		  "        Scanner in = new Scanner(System.in);\n"
		  "        int n = in.nextInt();\n"
		  "        long s = 0;\n"
		  "        for (int i = 0; i < n; i++) s += in.nextLong();\n"
		  "        System.out.println(s);\n"
		  "    }\n"
		  "}\n" },
	{ "cpp", "#include <iostream>\n"
		 "int main() {\n"
		 "    int n; long long s = 0, x;\n"
		 "    std::cin >> n;\n"
		 "    for (int i = 0; i < n && std::cin >> x; i++) s += x;\n"
		 "    std::cout << s << std::endl;\n"
		 "}\n" },
	{ "c", "#include <stdio.h>\n"
	       "int main(void) {\n"
	       "    int n; long long s = 0, x;\n"
	       "    if (scanf(\"%d\", &n) != 1) return 1;\n"
	       "    for (int i = 0; i < n && scanf(\"%lld\", &x) == 1; i++) s += x;\n"
	       "    printf(\"%lld\\n\", s);\n"
	       "    return 0;\n"
	       "}\n" },
	{ "javascript", "const d = require('fs').readFileSync(0, 'utf8').split(/\\s+/)"
			".filter(Boolean).map(Number);\n"
			"let s = 0;\n"
			"for (let i = 1; i <= d[0]; i++) s += d[i];\n"
			"console.log(s);\n" },
	{ "csharp", "using System;\n"
		    "class Program {\n"
		    "    static void Main() {\n"
		    "        var d = Console.In.ReadToEnd().Split(new[] { ' ', '\\n', '\\r', '\\t' },\n"
		    "            StringSplitOptions.RemoveEmptyEntries);\n"
		    "        int n = int.Parse(d[0]);\n"
		    "        long s = 0;\n"
		    "        for (int i = 1; i <= n; i++) s += long.Parse(d[i]);\n"
		    "        Console.WriteLine(s);\n"
		    "    }\n"
		    "}\n" },
};

static void test_accepted_and_wrong_answer(void)
{
	static const char *const io[] = {
		"3\n1 2 3\n", "6",				/* accepted */
		"3\n1 2 3\n", "7",				/* wrong_answer */
		"2\n4000000000 5000000000\n", "9000000000\n",	/* 64-bit sums */
		"5\n-1 -2 -3 -4 -5", "-15",			/* no final newline in the input */
	};
	size_t i;

	for (i = 0; i < N(sum_progs); i++) {
		struct run *r = run_tests(sum_progs[i].lang, sum_progs[i].code, 0, 0, 0, 4, io);
		const struct judge_test_result *t = test_of(r, 0);

		VERDICT(r, 0, V_ACCEPTED, "sum");
		VERDICT(r, 1, V_WRONG_ANSWER, "sum, wrong expected output");
		VERDICT(r, 2, V_ACCEPTED, "sum of 64-bit numbers");
		VERDICT(r, 3, V_ACCEPTED, "sum of negatives");
		OVERALL(r, V_WRONG_ANSWER, "sum");
		CHECK(r && r->res.compiled && r->res.compile_ok, "%s sum: compile step not ok",
		      sum_progs[i].lang);
		if (t) {
			CHECK(t->exit_code == 0 && t->signal == 0, "%s sum: exit %d signal %d",
			      sum_progs[i].lang, t->exit_code, t->signal);
			CHECK(!strcmp(t->output.buf, "6\n"), "%s sum: output \"%s\"", sum_progs[i].lang,
			      t->output.buf);
		}
		run_free(r);
	}
}

/* ---- time_limit_exceeded ---- */

static const struct prog busy_progs[] = {
	{ "python", "while True:\n    pass\n" },
	{ "java", "public class Main {\n"
		  "    static volatile long x;\n"
		  "    public static void main(String[] a) {\n"
		  "        while (true) x++;\n"
		  "    }\n"
		  "}\n" },
	{ "cpp", "int main() {\n    volatile unsigned long x = 0;\n    for (;;) x++;\n}\n" },
	{ "c", "int main(void) {\n    volatile unsigned long x = 0;\n    for (;;) x++;\n}\n" },
	{ "javascript", "let x = 0;\nfor (;;) x++;\n" },
	{ "csharp", "class P {\n"
		    "    static volatile int x;\n"
		    "    static void Main() {\n"
		    "        while (true) x++;\n"
		    "    }\n"
		    "}\n" },
};

static void test_tle_busy_loop(void)
{
	size_t i;

	for (i = 0; i < N(busy_progs); i++) {
		struct run *r = run1_lim(busy_progs[i].lang, busy_progs[i].code, "", "1", 0.5, 0, 0);
		const struct judge_test_result *t = test_of(r, 0);

		if (VERDICT(r, 0, V_TIME_LIMIT, "busy loop") && t) {
			/* killed for its CPU time, soon after the 0.5 s limit */
			CHECK(t->cpu_ms >= 400, "%s busy loop: cpu_ms %llu", busy_progs[i].lang,
			      (unsigned long long)t->cpu_ms);
			CHECK(t->wall_ms < 2500, "%s busy loop: wall_ms %llu", busy_progs[i].lang,
			      (unsigned long long)t->wall_ms);
		}
		run_free(r);
	}
}

static const struct prog sleep_progs[] = {
	{ "python", "import time\ntime.sleep(60)\nprint('late')\n" },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] a) throws Exception {\n"
		  "        Thread.sleep(60000);\n"
		  "    }\n"
		  "}\n" },
	{ "cpp", "#include <unistd.h>\nint main() {\n    sleep(60);\n}\n" },
	{ "c", "#include <unistd.h>\nint main(void) {\n    sleep(60);\n    return 0;\n}\n" },
	{ "javascript", "setTimeout(() => console.log('late'), 60000);\n" },
	{ "csharp", "class P {\n"
		    "    static void Main() {\n"
		    "        System.Threading.Thread.Sleep(60000);\n"
		    "    }\n"
		    "}\n" },
};

static void test_tle_sleeping(void)
{
	size_t i;

	for (i = 0; i < N(sleep_progs); i++) {
		struct run *r =
			run1_lim(sleep_progs[i].lang, sleep_progs[i].code, "", "late", 0.5, 0, 0);
		const struct judge_test_result *t = test_of(r, 0);

		if (VERDICT(r, 0, V_TIME_LIMIT, "sleeping") && t) {
			/* the wall limit (2 x 0.5 + 1 = 2 s) stopped it, not the CPU limit */
			CHECK(t->wall_ms >= 1900 && t->wall_ms < 4000, "%s sleeping: wall_ms %llu",
			      sleep_progs[i].lang, (unsigned long long)t->wall_ms);
			CHECK(t->cpu_ms < 500, "%s sleeping: cpu_ms %llu", sleep_progs[i].lang,
			      (unsigned long long)t->cpu_ms);
		}
		run_free(r);
	}
}

/* ---- memory_limit_exceeded, and a 50 MB solution that fits ---- */

static const struct prog oom_progs[] = {
	{ "python", "a = []\n"
		    "for i in range(1024):\n"
		    "    a.append(bytearray(b'x' * (1 << 20)))\n"
		    "print(len(a))\n" },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] args) {\n"
		  "        byte[][] a = new byte[1024][];\n"
		  "        for (int i = 0; i < a.length; i++) {\n"
		  "            a[i] = new byte[1 << 20];\n"
		  "            java.util.Arrays.fill(a[i], (byte) i);\n"
		  "        }\n"
		  "        System.out.println(a.length);\n"
		  "    }\n"
		  "}\n" },
	{ "cpp", "#include <iostream>\n"
		 "#include <vector>\n"
		 "int main() {\n"
		 "    std::vector<std::vector<char>> v;\n"
		 "    for (int i = 0; i < 1024; i++) v.emplace_back(1 << 20, (char)i);\n"
		 "    long s = 0;\n"
		 "    for (auto &b : v) s += b[12345];\n"
		 "    std::cout << v.size() << ' ' << s << std::endl;\n"
		 "}\n" },
	{ "c", "#include <stdio.h>\n"
	       "#include <stdlib.h>\n"
	       "int main(void) {\n"
	       "    static char *p[1024];\n"
	       "    for (int i = 0; i < 1024; i++) {\n"
	       "        volatile char *q = p[i] = malloc(1 << 20);\n"
	       "        for (int j = 0; j < 1 << 20; j += 4096) q[j] = (char)i;\n"
	       "    }\n"
	       "    printf(\"%d\\n\", p[1023][4096]);\n"
	       "    return 0;\n"
	       "}\n" },
	{ "javascript", "const a = [];\n"
			"for (let i = 0; i < 128; i++) a.push(new Array(1 << 20).fill(i + 0.5));\n"
			"console.log(a.length);\n" },
	{ "csharp", "using System;\n"
		    "using System.Collections.Generic;\n"
		    "class P {\n"
		    "    static void Main() {\n"
		    "        var l = new List<byte[]>();\n"
		    "        for (int i = 0; i < 1024; i++) {\n"
		    "            var b = new byte[1 << 20];\n"
		    "            for (int j = 0; j < b.Length; j += 4096) b[j] = (byte)i;\n"
		    "            l.Add(b);\n"
		    "        }\n"
		    "        Console.WriteLine(l.Count);\n"
		    "    }\n"
		    "}\n" },
};

static void test_mle_one_gib(void)
{
	size_t i;

	for (i = 0; i < N(oom_progs); i++) {
		struct run *r = run1(oom_progs[i].lang, oom_progs[i].code, "", "1024");
		const struct judge_test_result *t = test_of(r, 0);

		if (VERDICT(r, 0, V_MEMORY_LIMIT, "1 GiB at 256 MiB") && t)
			CHECK(t->memory_bytes >= (64u << 20), "%s 1 GiB: memory_bytes %llu",
			      oom_progs[i].lang, (unsigned long long)t->memory_bytes);
		run_free(r);
	}
}

/* About 52 MB of live data: n ints (Java, C#) or n small integers in a JS array. */
static const struct {
	const char *lang;
	long long n;
	const char *code;
} fit_progs[] = {
	{ "java", 13000000,
	  "public class Main {\n"
	  "    public static void main(String[] args) {\n"
	  "        int n = 13000000;\n"
	  "        int[] a = new int[n];\n"
	  "        for (int i = 0; i < n; i++) a[i] = i;\n"
	  "        long s = 0;\n"
	  "        for (int i = 0; i < n; i++) s += a[i];\n"
	  "        System.out.println(a[n - 1] + \" \" + s);\n"
	  "    }\n"
	  "}\n" },
	{ "javascript", 6500000,
	  "const n = 6500000;\n"
	  "const a = [];\n"
	  "for (let i = 0; i < n; i++) a.push(i);\n"
	  "let s = 0;\n"
	  "for (let i = 0; i < n; i++) s += a[i];\n"
	  "console.log(a[n - 1] + ' ' + s);\n" },
	{ "csharp", 13000000,
	  "using System;\n"
	  "class P {\n"
	  "    static void Main() {\n"
	  "        int n = 13000000;\n"
	  "        var a = new int[n];\n"
	  "        for (int i = 0; i < n; i++) a[i] = i;\n"
	  "        long s = 0;\n"
	  "        for (int i = 0; i < n; i++) s += a[i];\n"
	  "        Console.WriteLine(a[n - 1] + \" \" + s);\n"
	  "    }\n"
	  "}\n" },
};

static void test_managed_50mb_fits(void)
{
	char want[64];
	size_t i;

	for (i = 0; i < N(fit_progs); i++) {
		long long n = fit_progs[i].n;
		struct run *r;
		const struct judge_test_result *t;

		snprintf(want, sizeof(want), "%lld %lld", n - 1, n * (n - 1) / 2);
		r = run1(fit_progs[i].lang, fit_progs[i].code, "", want);
		t = test_of(r, 0);
		if (VERDICT(r, 0, V_ACCEPTED, "50 MB at 256 MiB") && t)
			CHECK(t->memory_bytes >= (40u << 20) && t->memory_bytes <= (256u << 20),
			      "%s 50 MB: memory_bytes %llu", fit_progs[i].lang,
			      (unsigned long long)t->memory_bytes);
		run_free(r);
	}
}

/* ---- runtime_error ---- */

static const struct crash exception_progs[] = {
	{ "python", "raise ValueError('boom')\n", 1, 0, "ValueError" },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] a) {\n"
		  "        throw new IllegalStateException(\"boom\");\n"
		  "    }\n"
		  "}\n",
	  1, 0, "IllegalStateException" },
	/* std::terminate aborts */
	{ "cpp", "#include <stdexcept>\n"
		 "int main() {\n"
		 "    throw std::runtime_error(\"boom\");\n"
		 "}\n",
	  -1, 6, "boom" },
	/* C has no exceptions: a failed assert() is its uncaught error, and it aborts */
	{ "c", "#include <assert.h>\n"
	       "int main(void) {\n"
	       "    int boom = 0;\n"
	       "    assert(boom);\n"
	       "    return 0;\n"
	       "}\n",
	  -1, 6, "boom" },
	{ "javascript", "throw new Error('boom');\n", 1, 0, "boom" },
	{ "csharp", "using System;\n"
		    "class P {\n"
		    "    static void Main() {\n"
		    "        throw new InvalidOperationException(\"boom\");\n"
		    "    }\n"
		    "}\n",
	  1, 0, "InvalidOperationException" },
};

static void test_re_uncaught_exception(void)
{
	size_t i;

	for (i = 0; i < N(exception_progs); i++) {
		struct run *r = run1(exception_progs[i].lang, exception_progs[i].code, "", "");

		check_crash(r, &exception_progs[i], "uncaught exception");
		run_free(r);
	}
}

static const struct crash segv_progs[] = {
	{ "python", "import ctypes\nctypes.string_at(0)\n", -1, 11, NULL },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] a) {\n"
		  "        String s = a.length > 5 ? \"x\" : null;\n"
		  "        System.out.println(s.length());\n"
		  "    }\n"
		  "}\n",
	  1, 0, "NullPointerException" },
	/* volatile pointer and target: GCC may neither trap early nor drop the dead store */
	{ "cpp", "int main() {\n    volatile int *volatile p = nullptr;\n    *p = 1;\n}\n", -1, 11,
	  NULL },
	{ "c", "int main(void) {\n    volatile int *volatile p = 0;\n    *p = 1;\n    return 0;\n}\n",
	  -1, 11, NULL },
	{ "javascript", "const o = process.argv.length > 99 ? {} : null;\nconsole.log(o.x);\n", 1, 0,
	  "TypeError" },
	/* Mono turns the SIGSEGV of a null access into a NullReferenceException */
	{ "csharp", "using System;\n"
		    "class P {\n"
		    "    static void Main(string[] a) {\n"
		    "        string s = a.Length > 5 ? \"x\" : null;\n"
		    "        Console.WriteLine(s.Length);\n"
		    "    }\n"
		    "}\n",
	  1, 0, "NullReferenceException" },
};

static void test_re_segfault_or_null(void)
{
	size_t i;

	for (i = 0; i < N(segv_progs); i++) {
		struct run *r = run1(segv_progs[i].lang, segv_progs[i].code, "", "");

		check_crash(r, &segv_progs[i], "segfault / null dereference");
		run_free(r);
	}
}

/* A real invalid memory access inside the managed runtimes: the VM crashes. */
static const struct crash native_crash_progs[] = {
	{ "java", "import java.lang.reflect.Field;\n"
		  "public class Main {\n"
		  "    public static void main(String[] a) throws Exception {\n"
		  "        Field f = sun.misc.Unsafe.class.getDeclaredField(\"theUnsafe\");\n"
		  "        f.setAccessible(true);\n"
		  "        sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);\n"
		  "        u.putAddress(0, 0);\n"
		  "        System.out.println(\"survived\");\n"
		  "    }\n"
		  "}\n",
	  ANY, ANY, NULL },
	{ "csharp", "using System;\n"
		    "using System.Runtime.InteropServices;\n"
		    "class P {\n"
		    "    static void Main() {\n"
		    "        Marshal.WriteInt32(IntPtr.Zero, 42);\n"
		    "        Console.WriteLine(\"survived\");\n"
		    "    }\n"
		    "}\n",
	  ANY, ANY, NULL },
};

static void test_re_managed_native_crash(void)
{
	size_t i;

	for (i = 0; i < N(native_crash_progs); i++) {
		struct run *r = run1(native_crash_progs[i].lang, native_crash_progs[i].code, "", "");
		const struct judge_test_result *t = test_of(r, 0);

		check_crash(r, &native_crash_progs[i], "native crash");
		CHECK(t && !strstr(t->output.buf, "survived"), "%s native crash: it survived",
		      native_crash_progs[i].lang);
		run_free(r);
	}
}

/* The right answer followed by a non-zero exit is still a runtime error. */
static const struct crash exit3_progs[] = {
	{ "python", "import sys\nprint(6)\nsys.exit(3)\n", 3, 0, NULL },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] a) {\n"
		  "        System.out.println(6);\n"
		  "        System.exit(3);\n"
		  "    }\n"
		  "}\n",
	  3, 0, NULL },
	{ "cpp", "#include <cstdio>\nint main() {\n    std::puts(\"6\");\n    return 3;\n}\n", 3, 0,
	  NULL },
	{ "c", "#include <stdio.h>\n"
	       "#include <stdlib.h>\n"
	       "int main(void) {\n"
	       "    puts(\"6\");\n"
	       "    exit(3);\n"
	       "}\n",
	  3, 0, NULL },
	{ "javascript", "console.log(6);\nprocess.exit(3);\n", 3, 0, NULL },
	{ "csharp", "using System;\n"
		    "class P {\n"
		    "    static int Main() {\n"
		    "        Console.WriteLine(6);\n"
		    "        return 3;\n"
		    "    }\n"
		    "}\n",
	  3, 0, NULL },
};

static void test_re_nonzero_exit(void)
{
	size_t i;

	for (i = 0; i < N(exit3_progs); i++) {
		struct run *r = run1(exit3_progs[i].lang, exit3_progs[i].code, "", "6");
		const struct judge_test_result *t = test_of(r, 0);

		check_crash(r, &exit3_progs[i], "exit(3)");
		CHECK(t && !strcmp(t->output.buf, "6\n"), "%s exit(3): output \"%s\"",
		      exit3_progs[i].lang, t ? t->output.buf : "");
		run_free(r);
	}
}

/* ---- output_limit_exceeded ---- */

static const struct prog stdout_flood_progs[] = {
	{ "python", "import sys\ns = 'x' * 4096\nwhile True:\n    sys.stdout.write(s)\n" },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] a) {\n"
		  "        String s = \"x\".repeat(4096);\n"
		  "        while (true) System.out.print(s);\n"
		  "    }\n"
		  "}\n" },
	{ "cpp", "#include <iostream>\n"
		 "#include <string>\n"
		 "int main() {\n"
		 "    std::string s(4096, 'x');\n"
		 "    for (;;) std::cout << s;\n"
		 "}\n" },
	{ "c", "#include <stdio.h>\n"
	       "#include <string.h>\n"
	       "int main(void) {\n"
	       "    static char s[4097];\n"
	       "    memset(s, 'x', 4096);\n"
	       "    for (;;) fputs(s, stdout);\n"
	       "}\n" },
	{ "javascript", "const s = 'x'.repeat(4096);\nfor (;;) process.stdout.write(s);\n" },
	{ "javascript", "const s = 'x'.repeat(4096);\nfor (;;) console.log(s);\n" },
	{ "csharp", "using System;\n"
		    "class P {\n"
		    "    static void Main() {\n"
		    "        var s = new string('x', 4096);\n"
		    "        while (true) Console.Write(s);\n"
		    "    }\n"
		    "}\n" },
};

static const struct prog stderr_flood_progs[] = {
	{ "python", "import sys\ns = 'x' * 4096\nwhile True:\n    sys.stderr.write(s)\n" },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] a) {\n"
		  "        String s = \"x\".repeat(4096);\n"
		  "        while (true) System.err.print(s);\n"
		  "    }\n"
		  "}\n" },
	{ "cpp", "#include <iostream>\n"
		 "#include <string>\n"
		 "int main() {\n"
		 "    std::string s(4096, 'x');\n"
		 "    for (;;) std::cerr << s;\n"
		 "}\n" },
	{ "c", "#include <stdio.h>\n"
	       "#include <string.h>\n"
	       "int main(void) {\n"
	       "    static char s[4097];\n"
	       "    memset(s, 'x', 4096);\n"
	       "    for (;;) fputs(s, stderr);\n"
	       "}\n" },
	{ "javascript", "const s = 'x'.repeat(4096);\nfor (;;) process.stderr.write(s);\n" },
	{ "javascript", "const s = 'x'.repeat(4096);\nfor (;;) console.error(s);\n" },
	{ "csharp", "using System;\n"
		    "class P {\n"
		    "    static void Main() {\n"
		    "        var s = new string('x', 4096);\n"
		    "        while (true) Console.Error.Write(s);\n"
		    "    }\n"
		    "}\n" },
};

/* A 2 s CPU limit so that a missed cap shows as a fast failure; out_kb 0 = the default cap. */
static void flood(const struct prog *progs, size_t n, bool to_stderr, unsigned out_kb)
{
	const char *what = to_stderr ? "stderr flood" : out_kb ? "stdout flood" :
			   "stdout flood, default 16 MiB cap";
	size_t i;

	for (i = 0; i < n; i++) {
		struct run *r = run1_lim(progs[i].lang, progs[i].code, "", "x", 2, 0, out_kb);
		const struct judge_test_result *t = test_of(r, 0);

		if (!VERDICT(r, 0, V_OUTPUT_LIMIT, what) || !t) {
			run_free(r);
			continue;
		}
		CHECK(t->output.len <= JUDGE_SHOWN_MAX && t->error.len <= JUDGE_SHOWN_MAX,
		      "%s %s: shown output %zu / error %zu bytes", progs[i].lang, what,
		      t->output.len, t->error.len);
		if (to_stderr)
			CHECK(t->error_truncated && strstr(t->error.buf, "xxxx"),
			      "%s %s: the error does not show the (truncated) stderr", progs[i].lang,
			      what);
		else
			CHECK(t->output_truncated, "%s %s: output not marked truncated", progs[i].lang,
			      what);
		run_free(r);
	}
}

static void test_ole_stdout_flood(void)
{
	size_t i;

	flood(stdout_flood_progs, N(stdout_flood_progs), false, 1024);
	/*
	 * Node writes to a full pipe asynchronously and queues the rest in its heap, which a
	 * loop that never yields grows without end: a 1 MiB cap passes only while the stdout
	 * pipe holds 1 MiB.  The same flood must still be output_limit_exceeded at the default cap.
	 */
	for (i = 0; i < N(stdout_flood_progs); i++)
		if (!strcmp(stdout_flood_progs[i].lang, "javascript"))
			flood(&stdout_flood_progs[i], 1, false, 0);
}

static void test_ole_stderr_flood(void)
{
	flood(stderr_flood_progs, N(stderr_flood_progs), true, 1024);
}

/* ---- compilation_error ---- */

static const struct prog syntax_error_progs[] = {
	{ "python", "def f(:\n    pass\n" },
	{ "java", "public class Main {\n"
		  "    public static void main(String[] a) {\n"
		  "        int x = \n"
		  "    }\n"
		  "}\n" },
	{ "cpp", "int main() {\n    return\n}\n" },
	{ "c", "int main(void) {\n    return\n}\n" },
	{ "javascript", "function f( {\n" },
	{ "csharp", "class P {\n"
		    "    static void Main() {\n"
		    "        int x = \n"
		    "    }\n"
		    "}\n" },
};

static void test_compilation_error(void)
{
	static const char *const io[] = { "1\n", "1", "2\n", "2" };
	size_t i;

	for (i = 0; i < N(syntax_error_progs); i++) {
		const char *lang = syntax_error_progs[i].lang;
		struct run *r = run_tests(lang, syntax_error_progs[i].code, 0, 0, 0, 2, io);

		VERDICT(r, 0, V_COMPILATION_ERROR, "syntax error");
		VERDICT(r, 1, V_COMPILATION_ERROR, "syntax error");
		OVERALL(r, V_COMPILATION_ERROR, "syntax error");
		if (!r)
			continue;
		CHECK(r->res.compiled && !r->res.compile_ok, "%s syntax error: compiled %d ok %d",
		      lang, r->res.compiled, r->res.compile_ok);
		CHECK(r->res.compile_output.len > 0, "%s syntax error: empty compile output", lang);
		CHECK(!strstr(r->res.compile_output.buf, "/box/"),
		      "%s syntax error: compile output shows a sandbox path: %.300s", lang,
		      r->res.compile_output.buf);
		run_free(r);
	}
}

/*
 * Python's and JavaScript's syntax check runs only once a test does not
 * pass: a program that passes every test runs none, and a program that
 * raises SyntaxError itself is a runtime error, since the check says it
 * compiles.  Only the check decides, never what a test printed.
 */
static const struct prog late_check_progs[] = {
	{ "python", "import sys\n"
		    "n = int(sys.stdin.read())\n"
		    "if n == 2:\n"
		    "    compile('def f(:', 'x.py', 'exec')\n"
		    "print(n)\n" },
	{ "javascript", "const n = Number(require('fs').readFileSync(0, 'utf8'));\n"
			"if (n === 2) new Function('function f( {');\n"
			"console.log(n);\n" },
};

static void test_syntax_check_late(void)
{
	static const char *const pass[] = { "1\n", "1", "3\n", "3", "1\n", "1" };
	static const char *const raise[] = { "1\n", "1", "2\n", "2", "3\n", "3" };
	size_t i;

	for (i = 0; i < N(late_check_progs); i++) {
		const char *lang = late_check_progs[i].lang;
		struct run *r = run_tests(lang, late_check_progs[i].code, 0, 0, 0, 3, pass);

		OVERALL(r, V_ACCEPTED, "passing program");
		CHECK(r && r->res.compiled && r->res.compile_ok && r->res.compile_ms == 0 &&
			      !r->res.compile_output.len,
		      "%s passing program: a check ran (%llu ms)", lang,
		      r ? (unsigned long long)r->res.compile_ms : 0ull);
		run_free(r);

		r = run_tests(lang, late_check_progs[i].code, 0, 0, 0, 3, raise);
		VERDICT(r, 0, V_ACCEPTED, "SyntaxError raised at run time");
		VERDICT(r, 1, V_RUNTIME_ERROR, "SyntaxError raised at run time");
		VERDICT(r, 2, V_ACCEPTED, "SyntaxError raised at run time");
		OVERALL(r, V_RUNTIME_ERROR, "SyntaxError raised at run time");
		CHECK(r && r->res.compiled && r->res.compile_ok && r->res.compile_ms > 0,
		      "%s: the check did not run after a failing test", lang);
		run_free(r);
	}
}

/* ---- language specifics ---- */

static void test_java_public_class_not_main(void)
{
	struct run *r = run1("java",
			     "import java.util.*;\n"
			     "class Helper {\n"
			     "    static long twice(long x) { return 2 * x; }\n"
			     "}\n"
			     "public class Solution {\n"
			     "    public static void main(String[] args) {\n"
			     "        Scanner in = new Scanner(System.in);\n"
			     "        System.out.println(Helper.twice(in.nextLong()));\n"
			     "    }\n"
			     "}\n",
			     "21\n", "42");

	ASSERT_VERDICT(r, V_ACCEPTED);
	run_free(r);
}

/* A program and the output it must print for input "21". */
struct shape {
	const char *what;
	const char *code;
	const char *expected;
};

static void run_shapes(const char *lang, const struct shape *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct run *r = run1(lang, s[i].code, "21\n", s[i].expected);

		VERDICT(r, 0, V_ACCEPTED, s[i].what);
		run_free(r);
	}
}

/* The class that declares main runs, whatever its package, place or visibility. */
static void test_java_entry_points(void)
{
	static const struct shape shapes[] = {
		{ "package line", "package bin;\n"
				  "import java.util.*;\n"
				  "class Main {\n"
				  "    public static void main(String[] a) {\n"
				  "        System.out.println(new Scanner(System.in).nextInt() * 2);\n"
				  "    }\n"
				  "}\n",
		  "42" },
		{ "package line, public class", "package com.example.app;\n"
						"public class Solution {\n"
						"    public static void main(String... args) {\n"
						"        System.out.println(Solution.class.getName());\n"
						"    }\n"
						"}\n",
		  "com.example.app.Solution" },
		{ "main in a non-public class after another", "class Helper {\n"
							      "    static int twice(int x) { return 2 * x; }\n"
							      "}\n"
							      "class Solution {\n"
							      "    public static void main(String[] a) {\n"
							      "        java.util.Scanner in = new java.util.Scanner(System.in);\n"
							      "        System.out.println(Helper.twice(in.nextInt()));\n"
							      "    }\n"
							      "}\n",
		  "42" },
		{ "public class first, Main after", "public class Util {\n"
						    "    static String name() { return \"util\"; }\n"
						    "}\n"
						    "class Main {\n"
						    "    public static void main(String[] a) {\n"
						    "        System.out.println(Util.name() + \" main\");\n"
						    "    }\n"
						    "}\n",
		  "util main" },
		{ "public Solution and a harness class", "import java.util.*;\n"
							 "public class Solution {\n"
							 "    public int twice(int x) { return 2 * x; }\n"
							 "    public static void main(String[] a) {\n"
							 "        System.out.println(\"candidate's own main\");\n"
							 "    }\n"
							 "}\n"
							 "class CeMain {\n"
							 "    public static void main(String[] a) {\n"
							 "        Scanner in = new Scanner(System.in);\n"
							 "        System.out.println(new Solution().twice(in.nextInt()));\n"
							 "    }\n"
							 "}\n",
		  "42" },
		{ "harness class, no public class", "class Solution {\n"
						    "    int twice(int x) { return 2 * x; }\n"
						    "}\n"
						    "class CeMain {\n"
						    "    public static void main(String[] a) {\n"
						    "        java.util.Scanner in = new java.util.Scanner(System.in);\n"
						    "        System.out.println(new Solution().twice(in.nextInt()));\n"
						    "    }\n"
						    "}\n",
		  "42" },
		{ "main in a nested class, in a package", "package p;\n"
							  "public class Outer {\n"
							  "    static class Runner {\n"
							  "        public static void main(String[] a) {\n"
							  "            System.out.println(\"nested\");\n"
							  "        }\n"
							  "    }\n"
							  "}\n",
		  "nested" },
	};

	run_shapes("java", shapes, N(shapes));
}

/* mcs finds a lone static Main in any type; with several, the last runs. */
static void test_csharp_entry_points(void)
{
	static const struct shape shapes[] = {
		{ "class Solution", "using System;\n"
				    "class Solution {\n"
				    "    static void Main() {\n"
				    "        Console.WriteLine(int.Parse(Console.ReadLine()) * 2);\n"
				    "    }\n"
				    "}\n",
		  "42" },
		{ "Main in a namespace", "using System;\n"
					 "namespace Contest.Round1 {\n"
					 "    class Program {\n"
					 "        static void Main(string[] args) {\n"
					 "            Console.WriteLine(typeof(Program).FullName);\n"
					 "        }\n"
					 "    }\n"
					 "}\n",
		  "Contest.Round1.Program" },
		{ "static class, static int Main", "using System;\n"
						   "static class P {\n"
						   "    static int Main() {\n"
						   "        Console.WriteLine(\"int\");\n"
						   "        return 0;\n"
						   "    }\n"
						   "}\n",
		  "int" },
		{ "public Main in a non-first class", "using System;\n"
						      "class Helper { public static int Twice(int x) { return 2 * x; } }\n"
						      "public class Solution {\n"
						      "    public static void Main(string[] args) {\n"
						      "        Console.WriteLine(Helper.Twice(int.Parse(Console.ReadLine())));\n"
						      "    }\n"
						      "}\n",
		  "42" },
		{ "two classes with Main, in namespaces", "using System;\n"
							  "namespace N {\n"
							  "    public class Solution {\n"
							  "        public int Twice(int x) { return 2 * x; }\n"
							  "        public static void Main() { Console.WriteLine(\"own\"); }\n"
							  "    }\n"
							  "}\n"
							  "class CeMain {\n"
							  "    static void Main() {\n"
							  "        int x = int.Parse(Console.ReadLine());\n"
							  "        Console.WriteLine(new N.Solution().Twice(x));\n"
							  "    }\n"
							  "}\n",
		  "42" },
		{ "Main in a nested struct, another in a class", "using System;\n"
								 "class A { static void Main() { Console.WriteLine(\"A\"); } }\n"
								 "namespace N {\n"
								 "    class Outer {\n"
								 "        struct Entry {\n"
								 "            static void Main() { Console.WriteLine(\"nested\"); }\n"
								 "        }\n"
								 "    }\n"
								 "}\n",
		  "nested" },
	};
	struct run *r;

	run_shapes("csharp", shapes, N(shapes));
	/* mcs predates C# 7.1: async Task Main is no entry point (CS5001) */
	r = run1("csharp",
		 "using System;\nusing System.Threading.Tasks;\n"
		 "class P {\n"
		 "    static async Task Main() { await Task.Yield(); Console.WriteLine(1); }\n"
		 "}\n",
		 "", "1");
	VERDICT(r, 0, V_COMPILATION_ERROR, "async Task Main");
	CHECK(r && strstr(r->res.compile_output.buf, "CS5001"), "csharp async Main: %.300s",
	      r ? r->res.compile_output.buf : "");
	run_free(r);
}

static void test_cpp_bits_stdcpp(void)
{
	static const char *const io[] = { "5\n3 1 4 1 5\n", "1 1 3 4 5\n14",
					  "3\n9 8 7\n", "7 8 9\n24" };
	struct run *r = run_tests("cpp",
				  "#include <bits/stdc++.h>\n"
				  "using namespace std;\n"
				  "int main() {\n"
				  "    ios::sync_with_stdio(false);\n"
				  "    int n; cin >> n;\n"
				  "    vector<long long> v(n);\n"
				  "    for (auto &x : v) cin >> x;\n"
				  "    sort(v.begin(), v.end());\n"
				  "    for (size_t i = 0; i < v.size(); i++)\n"
				  "        cout << v[i] << (i + 1 < v.size() ? ' ' : '\\n');\n"
				  "    cout << accumulate(v.begin(), v.end(), 0LL) << '\\n';\n"
				  "}\n",
				  0, 0, 0, 2, io);

	VERDICT(r, 0, V_ACCEPTED, "bits/stdc++.h");
	VERDICT(r, 1, V_ACCEPTED, "bits/stdc++.h");
	run_free(r);
}

/* ---- output comparison through a real run ---- */

static const char cat_c[] = "#include <stdio.h>\n"
			    "int main(void) {\n"
			    "    int c;\n"
			    "    while ((c = getchar()) != EOF)\n"
			    "        putchar(c);\n"
			    "    return 0;\n"
			    "}\n";

static void test_whitespace_rules(void)
{
	/* the program echoes its input: each pair is (output, expected output) */
	static const struct {
		const char *out, *want;
		enum verdict v;
	} cases[] = {
		{ "a\r\nb\r\n", "a\nb", V_ACCEPTED },		/* CRLF in the output */
		{ "a\nb", "a\r\nb\r\n", V_ACCEPTED },		/* CRLF in the expected output */
		{ "a  \nb\t \n", "a\nb", V_ACCEPTED },		/* trailing spaces and tabs */
		{ "a\nb", "a \nb  ", V_ACCEPTED },		/* ... on the expected side too */
		{ "a\nb\n\n\n", "a\nb", V_ACCEPTED },		/* trailing blank lines */
		{ "a\nb", "a\nb\n\n \n", V_ACCEPTED },		/* ... on the expected side too */
		{ "\n\n", "", V_ACCEPTED },
		{ "a\n", "a\nb", V_WRONG_ANSWER },		/* a missing line */
		{ "a\nb\nc\n", "a\nb", V_WRONG_ANSWER },	/* an extra line */
		{ "a\nc\n", "a\nb", V_WRONG_ANSWER },		/* an inner difference */
		{ " a\nb", "a\nb", V_WRONG_ANSWER },		/* leading whitespace matters */
		{ "a\nb", "a\n\tb", V_WRONG_ANSWER },
		{ "a b\n", "a  b\n", V_WRONG_ANSWER },		/* inner whitespace matters */
		{ "a\n\nb\n", "a\nb\n", V_WRONG_ANSWER },	/* an inner blank line matters */
		{ "", "x", V_WRONG_ANSWER },
	};
	const char *io[2 * N(cases)];
	struct run *r;
	size_t i;

	for (i = 0; i < N(cases); i++) {
		io[2 * i] = cases[i].out;
		io[2 * i + 1] = cases[i].want;
	}
	r = run_tests("c", cat_c, 0, 0, 0, N(cases), io);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	for (i = 0; i < N(cases); i++)
		VERDICT(r, i, cases[i].v, "whitespace");
	OVERALL(r, V_WRONG_ANSWER, "whitespace");
	run_free(r);
}

static void test_multi_test_first_failure(void)
{
	/* n -> 2n, except 3 exits with 4 and 5 crashes */
	static const char prog[] = "#include <stdio.h>\n"
				   "#include <stdlib.h>\n"
				   "int main(void) {\n"
				   "    int n;\n"
				   "    volatile int *volatile p = 0;\n"
				   "    if (scanf(\"%d\", &n) != 1) return 2;\n"
				   "    if (n == 3) exit(4);\n"
				   "    if (n == 5) *p = 1;\n"
				   "    printf(\"%d\\n\", 2 * n);\n"
				   "    return 0;\n"
				   "}\n";
	static const char *const wa_first[] = { "1", "2", "2", "5", "3", "6", "4", "8" };
	static const char *const re_first[] = { "1", "2", "5", "10", "2", "5", "4", "8" };
	static const char *const all_ok[] = { "1", "2", "4", "8", "6", "12" };
	const struct judge_test_result *t;
	struct run *r;

	r = run_tests("c", prog, 0, 0, 0, 4, wa_first);
	VERDICT(r, 0, V_ACCEPTED, "multi-test");
	VERDICT(r, 1, V_WRONG_ANSWER, "multi-test");
	VERDICT(r, 2, V_RUNTIME_ERROR, "multi-test");
	VERDICT(r, 3, V_ACCEPTED, "multi-test, after failures");
	OVERALL(r, V_WRONG_ANSWER, "multi-test, test 2 wrong");
	t = test_of(r, 2);
	CHECK(t && t->exit_code == 4 && t->signal == 0, "multi-test: test 3 exit_code %d, want 4",
	      t ? t->exit_code : -99);
	run_free(r);

	r = run_tests("c", prog, 0, 0, 0, 4, re_first);
	VERDICT(r, 0, V_ACCEPTED, "multi-test");
	VERDICT(r, 1, V_RUNTIME_ERROR, "multi-test");
	VERDICT(r, 2, V_WRONG_ANSWER, "multi-test");
	VERDICT(r, 3, V_ACCEPTED, "multi-test");
	OVERALL(r, V_RUNTIME_ERROR, "multi-test, test 2 crashes");
	t = test_of(r, 1);
	CHECK(t && t->signal == 11 && t->exit_code == -1, "multi-test: test 2 signal %d, want 11",
	      t ? t->signal : -99);
	run_free(r);

	r = run_tests("c", prog, 0, 0, 0, 3, all_ok);
	VERDICT(r, 2, V_ACCEPTED, "multi-test, all pass");
	OVERALL(r, V_ACCEPTED, "multi-test, all pass");
	run_free(r);
}

/* ---- unicode ---- */

#define UNI_IN "héllo 世界 😀"
#define UNI_LIT "π≈3.14 ✓ 日本語 🎉"

/* Echo the first line, count its code points (10), print a literal from the source. */
static const struct prog unicode_progs[] = {
	{ "python", "import sys\n"
		    "s = sys.stdin.readline().rstrip('\\n')\n"
		    "print(s)\n"
		    "print(len(s))\n"
		    "print('" UNI_LIT "')\n" },
	{ "java", "import java.io.*;\n"
		  "public class Main {\n"
		  "    public static void main(String[] a) throws IOException {\n"
		  "        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n"
		  "        String s = in.readLine();\n"
		  "        System.out.println(s);\n"
		  "        System.out.println(s.codePointCount(0, s.length()));\n"
		  "        System.out.println(\"" UNI_LIT "\");\n"
		  "    }\n"
		  "}\n" },
	{ "javascript", "const s = require('fs').readFileSync(0, 'utf8').split('\\n')[0];\n"
			"console.log(s);\n"
			"console.log([...s].length);\n"
			"console.log('" UNI_LIT "');\n" },
	{ "csharp", "using System;\n"
		    "class P {\n"
		    "    static void Main() {\n"
		    "        string s = Console.ReadLine();\n"
		    "        int n = 0;\n"
		    "        foreach (char c in s) if (!char.IsLowSurrogate(c)) n++;\n"
		    "        Console.WriteLine(s);\n"
		    "        Console.WriteLine(n);\n"
		    "        Console.WriteLine(\"" UNI_LIT "\");\n"
		    "    }\n"
		    "}\n" },
};

static void test_unicode_io(void)
{
	static const char want[] = UNI_IN "\n10\n" UNI_LIT "\n";
	size_t i;

	for (i = 0; i < N(unicode_progs); i++) {
		struct run *r = run1(unicode_progs[i].lang, unicode_progs[i].code, UNI_IN "\n", want);
		const struct judge_test_result *t = test_of(r, 0);

		if (VERDICT(r, 0, V_ACCEPTED, "unicode echo") && t)
			CHECK(!strcmp(t->output.buf, want), "%s unicode: output \"%s\"",
			      unicode_progs[i].lang, t->output.buf);
		run_free(r);
	}
}

/* ---- large input and output ---- */

static char *big_lines(size_t bytes, size_t *len)
{
	struct strbuf b = STRBUF_INIT;
	size_t i;

	for (i = 0; b.len < bytes; i++)
		strbuf_addf(&b, "line %zu: the quick brown fox jumps over the lazy dog\n", i);
	*len = b.len;
	return strbuf_detach(&b, NULL);
}

static void test_large_input_echoed(void)
{
	size_t len;
	char *in = big_lines(5u << 20, &len);
	char *wrong = strdup(in);
	const char *io[4];
	struct run *r;
	const struct judge_test_result *t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(wrong);
	wrong[len - 2] = '#';	/* the last line differs, far past what a result shows */
	io[0] = in;
	io[1] = in;
	io[2] = in;
	io[3] = wrong;
	r = run_tests("python", "import sys\nsys.stdout.write(sys.stdin.read())\n", 0, 0, 0, 2, io);
	VERDICT(r, 0, V_ACCEPTED, "5 MB echo");
	VERDICT(r, 1, V_WRONG_ANSWER, "5 MB echo, last line differs");
	t = test_of(r, 0);
	if (t) {
		CHECK(t->output_truncated && t->output.len > 0 && t->output.len <= JUDGE_SHOWN_MAX,
		      "5 MB echo: shown %zu bytes, truncated %d", t->output.len, t->output_truncated);
		CHECK(!memcmp(t->output.buf, in, t->output.len), "5 MB echo: shown output differs");
	}
	run_free(r);
	free(wrong);
	free(in);
}

static void test_large_output(void)
{
	/* 524288 lines of 8 bytes: 4 MiB */
	static const char prog[] = "#include <stdio.h>\n"
				   "int main(void) {\n"
				   "    for (int i = 0; i < 524288; i++) printf(\"%07d\\n\", i);\n"
				   "    return 0;\n"
				   "}\n";
	struct strbuf b = STRBUF_INIT;
	char *want, *inner, *half;
	const char *io[6];
	struct run *r;
	int i;

	for (i = 0; i < 524288; i++)
		strbuf_addf(&b, "%07d\n", i);
	CU_ASSERT_EQUAL_FATAL(b.len, 4u << 20);
	want = strbuf_detach(&b, NULL);
	inner = strdup(want);
	half = strndup(want, 2u << 20);
	CU_ASSERT_FATAL(inner && half);
	inner[(2u << 20) + 3] = '9';	/* one digit in the middle */
	io[0] = "";
	io[1] = want;
	io[2] = "";
	io[3] = inner;
	io[4] = "";
	io[5] = half;
	r = run_tests("c", prog, 0, 0, 0, 3, io);
	VERDICT(r, 0, V_ACCEPTED, "4 MiB output");
	VERDICT(r, 1, V_WRONG_ANSWER, "4 MiB output, a middle digit differs");
	VERDICT(r, 2, V_WRONG_ANSWER, "4 MiB output against its first half");
	run_free(r);
	free(half);
	free(inner);
	free(want);
}

/* ---- javascript reading stdin ---- */

static void test_js_readfilesync_stdin(void)
{
	static const char prog[] = "const data = require('fs').readFileSync(0, 'utf8');\n"
				   "const lines = data.split('\\n').filter(l => l.length > 0);\n"
				   "let s = 0;\n"
				   "for (const l of lines) s += Number(l);\n"
				   "console.log(lines.length + ' ' + s);\n";
	struct strbuf in = STRBUF_INIT;
	char want[64];
	const char *io[6];
	struct run *r;
	long long i, n = 300000;

	/* about 2 MB: many pipe buffers, so a non-blocking or partial read would show */
	for (i = 0; i < n; i++)
		strbuf_addf(&in, "%lld\n", i);
	snprintf(want, sizeof(want), "%lld %lld", n, n * (n - 1) / 2);
	io[0] = in.buf;
	io[1] = want;
	io[2] = "";
	io[3] = "0 0";
	io[4] = "1\n2\n3";
	io[5] = "3 6";
	r = run_tests("javascript", prog, 0, 0, 0, 3, io);
	VERDICT(r, 0, V_ACCEPTED, "readFileSync(0), 2 MB");
	VERDICT(r, 1, V_ACCEPTED, "readFileSync(0), empty stdin");
	VERDICT(r, 2, V_ACCEPTED, "readFileSync(0), no final newline");
	run_free(r);
	strbuf_release(&in);
}

/*
 * Node's console writes straight to the pipes until the program takes
 * process.stdout or process.stderr (lang.c, JS_STDIO): the same bytes in the
 * same order as node's own console, without loading node's stream modules
 * for it; a worker's console still goes to its parent.
 */
static void test_js_console(void)
{
	static const char prog[] =
		"const loaded = (m) => process.moduleLoadList.includes('NativeModule ' + m);\n"
		"console.log(1, 'x', { a: [2, 'b'] }, null, 3n);\n"
		"console.log('%d-%s %o', 5, 'y', 'z');\n"
		"console.group('g');\n"
		"console.log('in\\nner');\n"
		"console.groupEnd();\n"
		"console.table([{ k: 1 }]);\n"
		"console.error('to stderr');\n"
		"console.warn('warned');\n"
		"console.log('\\u00e9\\ud83d\\ude00 \\ud800');\n"
		"console.log(loaded('net'), loaded('stream'), loaded('internal/util/colors'));\n"
		"process.stdout.write('b\\n');\n"
		"console.log('c', loaded('net'), console._stdout === process.stdout);\n"
		"console.log('x'.repeat(3 << 20).length);\n";
	static const char want[] =
		"1 x { a: [ 2, 'b' ] } null 3n\n"
		"5-y 'z'\n"
		"g\n"
		"  in\n"
		"  ner\n"
		"┌─────────┬───┐\n"
		"│ (index) │ k │\n"
		"├─────────┼───┤\n"
		"│ 0       │ 1 │\n"
		"└─────────┴───┘\n"
		"\xc3\xa9\xf0\x9f\x98\x80 \xef\xbf\xbd\n"
		"false false false\n"
		"b\n"
		"c true true\n"
		"3145728";
	static const char worker[] =
		"const { Worker } = require('worker_threads');\n"
		"const w = new Worker('console.log(\"from the worker\")', { eval: true, stdout: true });\n"
		"let got = '';\n"
		"w.stdout.on('data', (d) => { got += d; });\n"
		"w.on('exit', () => console.log('parent read ' + JSON.stringify(got)));\n";
	const char *io[2] = { "", want };
	const struct judge_test_result *t;
	struct run *r;

	r = run_tests("javascript", prog, 0, 0, 0, 1, io);
	VERDICT(r, 0, V_ACCEPTED, "console before and after process.stdout");
	t = test_of(r, 0);
	CHECK(t && t->error.len && strstr(t->error.buf, "to stderr\nwarned\n"),
	      "javascript console.error and console.warn: stderr is '%s'", t ? t->error.buf : "");
	run_free(r);

	r = run1("javascript", worker, "", "parent read \"from the worker\\n\"");
	VERDICT(r, 0, V_ACCEPTED, "a worker's console read by its parent");
	run_free(r);
}

static CU_TestInfo tests[] = {
	{ "accepted and wrong_answer, all languages", test_accepted_and_wrong_answer },
	{ "time_limit_exceeded: busy loop", test_tle_busy_loop },
	{ "time_limit_exceeded: sleeping", test_tle_sleeping },
	{ "memory_limit_exceeded: 1 GiB at 256 MiB", test_mle_one_gib },
	{ "managed runtimes: 50 MB fits in 256 MiB", test_managed_50mb_fits },
	{ "runtime_error: uncaught exception", test_re_uncaught_exception },
	{ "runtime_error: segfault / null dereference", test_re_segfault_or_null },
	{ "runtime_error: native crash in the JVM and Mono", test_re_managed_native_crash },
	{ "runtime_error: non-zero exit code", test_re_nonzero_exit },
	{ "output_limit_exceeded: stdout flood", test_ole_stdout_flood },
	{ "output_limit_exceeded: stderr flood", test_ole_stderr_flood },
	{ "compilation_error: syntax errors", test_compilation_error },
	{ "syntax check: only once a test does not pass", test_syntax_check_late },
	{ "java: public class other than Main", test_java_public_class_not_main },
	{ "java: entry points (package, class with main, harness)", test_java_entry_points },
	{ "csharp: entry points (any class, namespace, several Mains)", test_csharp_entry_points },
	{ "cpp: bits/stdc++.h", test_cpp_bits_stdcpp },
	{ "comparison: whitespace rules", test_whitespace_rules },
	{ "multi-test: first failing test decides", test_multi_test_first_failure },
	{ "unicode input and output", test_unicode_io },
	{ "5 MB input echoed", test_large_input_echoed },
	{ "4 MiB output compared", test_large_output },
	{ "javascript: fs.readFileSync(0)", test_js_readfilesync_stdin },
	{ "javascript: console without node's streams, then with them", test_js_console },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("languages", tests)
