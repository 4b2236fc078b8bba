/*
 * lang.h - the language table and the limits of an execution (SPEC sections 2 and 3)
 */
#ifndef CE_LANG_H
#define CE_LANG_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Which classes of the source the judge reads to fill "{class}" and "{main}"
 * (sandbox/entry.c says how).
 */
enum lang_entry {
	LANG_ENTRY_NONE = 0,	/* none: "{class}" is "Main", "{main}" is empty */
	LANG_ENTRY_JAVA,	/* the public class and the class with main, package-qualified */
	LANG_ENTRY_CSHARP,	/* the type mcs -main: must name when several have a Main */
	LANG_ENTRY__MAX
};

/*
 * Languages are data: one entry in lang.c describes file names, commands and
 * how memory is handed to the runtime.  In argv and env templates:
 *   "{src}"    the source file;
 *   "{class}"  the class the source file is named after (Java: its public class);
 *   "{main}"   the class to run (Java: "pkg.Main"); an argument that holds
 *              "{main}" is left out when the source names none (C#: mcs finds it);
 *   "{heap}"   the runtime heap in MiB (the memory limit less heap_reserve_mb,
 *              at least half the limit).
 * GET /api/languages shows the templates as they are written here.
 */
struct lang {
	const char *id;
	const char *name;
	const char *src;		/* source file name in /box ("{class}.java" allowed) */
	enum lang_entry entry;		/* what fills "{class}" and "{main}" */
	const char *const *compile;	/* NULL: nothing to compile */
	bool syntax_check;		/* compile only checks the source and writes nothing */
	const char *const *run;
	const char *const *env;		/* extra environment, templated like argv */
	const char *const *version;	/* command that prints the toolchain version */
	const char *oom_marker;		/* stderr text that means the runtime ran out of heap */
	const char *support_name;	/* a file the runtime needs in /box, written before compiling */
	const char *support_text;
	unsigned heap_reserve_mb;	/* memory kept back for the runtime outside the heap */
	unsigned run_pids;		/* processes + threads a run may have */
	bool checker;			/* a question's checker may be written in it */
};

extern const struct lang langs[];
extern const size_t nlangs;

/* The language with this id, or NULL; the entry is static and lives for the process. */
const struct lang *lang_find(const char *id);
/* The toolchain version line (cached after the first call; "" when unknown). */
const char *lang_version(const struct lang *l);

/* Limits of SPEC section 3. */
#define JUDGE_MAX_TESTS		200
#define JUDGE_MAX_CODE		(256u * 1024)
#define JUDGE_MAX_IO		(16u * 1024 * 1024)
#define JUDGE_MAX_BODY		(64u * 1024 * 1024)
#define JUDGE_MAX_TIMEOUT	30.0
#define JUDGE_MAX_MEMORY_MB	2048
#define JUDGE_MAX_OUTPUT_KB	(64u * 1024)
#define JUDGE_SHOWN_MAX		(64u * 1024)	/* output/error bytes shown per test */
#define JUDGE_MAX_GROUPS	100
#define JUDGE_MAX_NAME		64		/* a group's name */
#define JUDGE_MAX_POINTS	1000000.0
#define JUDGE_MAX_CHECKER_ARGS	8

#endif
