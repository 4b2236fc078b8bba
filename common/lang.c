/* lang.c - the language table: one entry per language, nothing language-specific elsewhere */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "lang.h"
#include "strbuf.h"

#define ARGV(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* argv[1] compiled, not run; only the exception's own lines on failure */
#define PY_SYNTAX_CHECK                                                                          \
	"import sys\n"                                                                           \
	"try:\n"                                                                                 \
	"    compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')\n"                     \
	"except (SyntaxError, ValueError) as e:\n"                                               \
	"    import traceback\n"                                                                 \
	"    sys.stderr.write(''.join(traceback.format_exception_only(type(e), e)))\n"           \
	"    sys.exit(1)\n"

/* Java programs: C1 after ten times the JVM's default calls (why: java's entry below) */
#define JAVA_TIER3                                                                               \
	"-XX:Tier3InvocationThreshold=2000", "-XX:Tier3MinInvocationThreshold=1000",             \
	"-XX:Tier3CompileThreshold=20000"

/*
 * The class-data archive mapped where it was built to be, as before JDK 17's
 * updates: mapped anywhere else, every pointer in it is rewritten before
 * the JVM starts, some 1,200 pages copied and written per JVM.  Only the
 * JVM's own layout inside the box is more predictable; the box is the
 * boundary, not the JVM's address space.
 */
#define JAVA_CDS_AT_BASE "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"

/*
 * C and C++ link with gold, which reads only what it uses of the libraries
 * (the default linker takes three times as long for C++'s).  The program is
 * the same: the same objects and libraries, resolved by the same rules.
 */
#define GCC_LINK "-fuse-ld=gold", "-Wl,--no-map-whole-files"

/*
 * The console's own stream until the program makes process.stdout or
 * process.stderr, which are the console's from then on.  Every write is
 * synchronous either way, so the order of the bytes is the program's.  An
 * error on the pipe is dropped as node's console drops it; a pipe that the
 * program made non-blocking hands the rest to the real stream, which blocks.
 * Colours are for a terminal, which a box never has.  Workers keep node's own,
 * which their parent may be reading (a worker cannot change directory).
 */
#define JS_STDIO                                                                                 \
	"const worker = (() => {\n"                                                              \
	"\ttry {\n"                                                                              \
	"\t\tprocess.chdir('.');\n"                                                              \
	"\t\treturn false;\n"                                                                    \
	"\t} catch (e) {\n"                                                                      \
	"\t\treturn e.code === 'ERR_WORKER_UNSUPPORTED_OPERATION';\n"                            \
	"\t}\n"                                                                                  \
	"})();\n"                                                                                \
	"if (!worker) {\n"                                                                       \
	"\tconst fs = require('fs');\n"                                                          \
	"\tfor (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {\n"                         \
	"\t\tconst make = Object.getOwnPropertyDescriptor(process, name).get;\n"                 \
	"\t\tlet stream = null, own = null;\n"                                                   \
	"\t\tconst real = () => {\n"                                                             \
	"\t\t\tif (!stream) {\n"                                                                 \
	"\t\t\t\tstream = make.call(process);\n"                                                 \
	"\t\t\t\tif (stream._handle && stream._handle.setBlocking)\n"                            \
	"\t\t\t\t\tstream._handle.setBlocking(true);\n"                                          \
	"\t\t\t}\n"                                                                              \
	"\t\t\treturn stream;\n"                                                                 \
	"\t\t};\n"                                                                               \
	"\t\tconst direct = {\n"                                                                 \
	"\t\t\tisTTY: false,\n"                                                                  \
	"\t\t\twrite(s) {\n"                                                                     \
	"\t\t\t\tconst b = Buffer.from(String(s));\n"                                            \
	"\t\t\t\tlet off = 0;\n"                                                                 \
	"\t\t\t\ttry {\n"                                                                        \
	"\t\t\t\t\twhile (off < b.length)\n"                                                     \
	"\t\t\t\t\t\toff += fs.writeSync(fd, b, off, b.length - off);\n"                         \
	"\t\t\t\t} catch (e) {\n"                                                                \
	"\t\t\t\t\tif (e.code === 'EAGAIN')\n"                                                   \
	"\t\t\t\t\t\treal().write(b.subarray(off));\n"                                           \
	"\t\t\t\t}\n"                                                                            \
	"\t\t\t\treturn true;\n"                                                                 \
	"\t\t\t},\n"                                                                             \
	"\t\t\tlistenerCount: () => 1,\n"                                                        \
	"\t\t\tonce() { return this; },\n"                                                       \
	"\t\t\tremoveListener() { return this; },\n"                                             \
	"\t\t};\n"                                                                               \
	"\t\tObject.defineProperty(process, name,\n"                                             \
	"\t\t\t{ configurable: true, enumerable: true, get: real });\n"                          \
	"\t\tObject.defineProperty(console, '_' + name, {\n"                                     \
	"\t\t\tconfigurable: true, enumerable: false,\n"                                         \
	"\t\t\tget: () => own || stream || direct,\n"                                            \
	"\t\t\tset: (v) => { own = v; },\n"                                                      \
	"\t\t});\n"                                                                              \
	"\t}\n"                                                                                  \
	"\tconst mode = Object.getOwnPropertySymbols(console)\n"                                 \
	"\t\t.find((k) => k.description === 'kColorMode');\n"                                    \
	"\tif (mode && console[mode] === 'auto')\n"                                              \
	"\t\tconsole[mode] = false;\n"                                                           \
	"}\n"

const struct lang langs[] = {
	{
		.id = "python",
		.name = "Python 3",
		.src = "main.py",
		/*
		 * A syntax error is reported as a compilation error.  compile() in an
		 * isolated interpreter without site costs a third of "-m py_compile"
		 * (which imports its own machinery and writes a .pyc nobody reads).
		 * It runs only once a test does not pass (judge.c, check_later).
		 */
		.compile = ARGV("/usr/bin/python3", "-I", "-S", "-c", PY_SYNTAX_CHECK, "{src}"),
		.syntax_check = true,
		.run = ARGV("/usr/bin/python3", "-B", "{src}"),
		.env = ARGV("PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0"),
		.version = ARGV("/usr/bin/python3", "--version"),
		.oom_marker = "MemoryError",
		.run_pids = 64,
		.checker = true,
	},
	{
		.id = "java",
		.name = "Java (OpenJDK 17)",
		/* javac wants the public class's name; the class with main may be another */
		.src = "{class}.java",
		.entry = LANG_ENTRY_JAVA,
		/*
		 * The class-data archives of /cache (conf/box-cache.sh, built with these
		 * flags) cut the JVM's start; a missing or stale one is silently not used.
		 * C1 alone starts javac sooner, but would halve a program's speed in a
		 * hot loop, so programs keep the full JIT.  They compile a method with C1
		 * after ten times the calls of the JVM's default (JAVA_TIER3): at the
		 * start the JIT then compiles less of the JDK's own code, a sixth of a
		 * short run's CPU; a method called a few thousand times pays a ms.
		 */
		.compile = ARGV("/usr/bin/javac", "-J-Xmx512m", "-J-XX:+UseSerialGC",
				"-J-XX:TieredStopAtLevel=1", "-J-XX:-UsePerfData",
				"-J-XX:+UnlockDiagnosticVMOptions", "-J-XX:ArchiveRelocationMode=0",
				"-J-XX:SharedArchiveFile=/cache/java/javac.jsa", "-encoding",
				"UTF-8", "-nowarn", "-d", "/box", "{src}"),
		/* heap from the limit; the rest of the cgroup is for metaspace, code and stacks */
		.run = ARGV("/usr/bin/java", "-Xmx{heap}m", "-Xss64m", "-XX:+UseSerialGC",
			    "-XX:-UsePerfData", "-XX:ReservedCodeCacheSize=48m",
			    "-XX:MaxMetaspaceSize=64m", JAVA_TIER3, "-Dfile.encoding=UTF-8",
			    JAVA_CDS_AT_BASE, "-XX:SharedArchiveFile=/cache/java/run.jsa", "-cp", "/box",
			    "{main}"),
		.version = ARGV("/usr/bin/java", "-version"),
		.oom_marker = "java.lang.OutOfMemoryError",
		.heap_reserve_mb = 96,
		.run_pids = 64,
	},
	{
		.id = "cpp",
		.name = "C++17 (GCC 12)",
		.src = "main.cpp",
		/*
		 * -I/cache/cpp first: a source whose first include is <bits/stdc++.h> or
		 * <iostream> reads it precompiled (conf/box-cache.sh, with these flags);
		 * g++ passes over a precompiled header that does not match them.
		 */
		.compile = ARGV("/usr/bin/g++", "-std=gnu++17", "-O2", "-pipe", "-I/cache/cpp",
				GCC_LINK, "-o", "main", "{src}"),
		.run = ARGV("/box/main"),
		.version = ARGV("/usr/bin/g++", "--version"),
		.oom_marker = "std::bad_alloc",
		.run_pids = 64,
		.checker = true,
	},
	{
		.id = "c",
		.name = "C17 (GCC 12)",
		.src = "main.c",
		.compile = ARGV("/usr/bin/gcc", "-std=gnu17", "-O2", "-pipe", GCC_LINK, "-o", "main",
				"{src}", "-lm"),
		.run = ARGV("/box/main"),
		.version = ARGV("/usr/bin/gcc", "--version"),
		.run_pids = 64,
		.checker = true,
	},
	{
		.id = "javascript",
		.name = "JavaScript (Node.js 20)",
		.src = "main.js",
		.compile = ARGV("/usr/bin/node", "--check", "{src}"),
		.syntax_check = true,
		.run = ARGV("/usr/bin/node", "--max-old-space-size={heap}", "--stack-size=65500",
			    "--require", "/box/.stdio.js", "{src}"),
		/*
		 * Loaded before the program (JS_STDIO above).  Node leaves pipes
		 * non-blocking and queues what does not fit in memory, so a write loop
		 * would hit the memory limit before the output cap: process.stdout and
		 * process.stderr block instead.  And console writes straight to fds 1
		 * and 2 until the program takes one of those streams: making them loads
		 * some thirty of node's modules, compiled afresh under the flags above
		 * (node's compiled copies are for its default flags), a quarter of a
		 * short program's start.
		 */
		.support_name = ".stdio.js",
		.support_text = JS_STDIO,
		.version = ARGV("/usr/bin/node", "--version"),
		.oom_marker = "JavaScript heap out of memory",
		.heap_reserve_mb = 64,
		.run_pids = 64,
	},
	{
		.id = "csharp",
		.name = "C# (Mono)",
		.src = "Main.cs",
		/* mcs finds a lone static Main in any type; with several, -main: names one */
		.entry = LANG_ENTRY_CSHARP,
		.compile = ARGV("/usr/bin/mono", "/usr/lib/mono/4.5/mcs.exe", "-optimize+",
				"-out:main.exe", "-main:{main}", "{src}"),
		.run = ARGV("/usr/bin/mono", "main.exe"),
		/* the concurrent collector aborts on a full heap instead of throwing OutOfMemoryException */
		.env = ARGV("MONO_GC_PARAMS=max-heap-size={heap}m,major=marksweep"),
		.version = ARGV("/usr/bin/mono", "--version"),
		.oom_marker = "OutOfMemoryException",
		.heap_reserve_mb = 64,
		.run_pids = 64,
	},
};

const size_t nlangs = sizeof(langs) / sizeof(langs[0]);

const struct lang *lang_find(const char *id)
{
	size_t i;

	if (!id)
		return NULL;
	for (i = 0; i < nlangs; i++)
		if (!strcmp(langs[i].id, id))
			return &langs[i];
	return NULL;
}

const char *lang_version(const struct lang *l)
{
	static char cache[sizeof(langs) / sizeof(langs[0])][128];
	static bool done[sizeof(langs) / sizeof(langs[0])];
	size_t i = (size_t)(l - langs), n;
	struct strbuf cmd = STRBUF_INIT;
	const char *const *a;
	char line[256];
	FILE *p;

	if (i >= nlangs)
		return "";
	if (done[i])
		return cache[i];
	done[i] = true;
	/* trusted host toolchains, run once outside the box; stderr too (java -version) */
	for (a = l->version; *a; a++)
		strbuf_addf(&cmd, "%s'%s'", a == l->version ? "" : " ", *a);
	strbuf_addstr(&cmd, " 2>&1");
	p = popen(cmd.buf, "re");
	strbuf_release(&cmd);
	if (!p)
		return cache[i];
	if (fgets(line, sizeof(line), p)) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		snprintf(cache[i], sizeof(cache[i]), "%s", line);
	}
	while (fgets(line, sizeof(line), p))
		;
	pclose(p);
	return cache[i];
}
