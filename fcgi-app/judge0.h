/*
 * judge0.h - Judge0 CE 1.13 in our terms: its language and status ids, its
 * base64, and a Judge0 submission made from a job of the queue
 *
 * Nothing here speaks HTTP, so the judge hosts (ce-worker) link it too: the
 * webhook deliverer builds the body of a Judge0 callback with
 * judge0_submission(v, true, NULL), as Judge0 sends its callbacks (PUT,
 * base64-encoded, the default fields).  The HTTP side is api_judge0.h.
 *
 * A Judge0 job's context (struct job_view.context) is
 * {"judge0": {"language_id", "expected_output": bool, "cpu_time_limit",
 * "wall_time_limit", "memory_limit", "source_code", "callback_url"}}: what the
 * submission shows that the judge's request and response do not.  The
 * worker leaves such a context alone (grade_complete: no "submission").
 */
#ifndef CE_JUDGE0_H
#define CE_JUDGE0_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>

#include "lang.h"
#include "queue.h"
#include "strbuf.h"

/* Judge0's status ids (app/enumerations/status.rb). */
enum judge0_status {
	JUDGE0_IN_QUEUE = 1,
	JUDGE0_PROCESSING,
	JUDGE0_ACCEPTED,
	JUDGE0_WRONG_ANSWER,
	JUDGE0_TIME_LIMIT,
	JUDGE0_COMPILATION_ERROR,
	JUDGE0_SIGSEGV,
	JUDGE0_SIGXFSZ,
	JUDGE0_SIGFPE,
	JUDGE0_SIGABRT,
	JUDGE0_NZEC,
	JUDGE0_OTHER,
	JUDGE0_INTERNAL_ERROR,
	JUDGE0_EXEC_FORMAT_ERROR,
	JUDGE0_STATUS__MAX
};

/* Limits as Judge0 states them (config_info), in its units: seconds and KB. */
#define JUDGE0_CPU_TIME_LIMIT 5.0
#define JUDGE0_MAX_CPU_TIME_LIMIT 15.0
#define JUDGE0_WALL_TIME_LIMIT 10.0
#define JUDGE0_MAX_WALL_TIME_LIMIT 20.0
#define JUDGE0_MEMORY_LIMIT 262144		/* our judge's default, 256 MiB */
#define JUDGE0_MIN_MEMORY_LIMIT 2048
#define JUDGE0_MAX_MEMORY_LIMIT (JUDGE_MAX_MEMORY_MB * 1024)
#define JUDGE0_MAX_BATCH 20
#define JUDGE0_VERSION "1.13.1"

/* One of Judge0 CE 1.13.1's language ids that we serve, and how Judge0 describes it. */
struct judge0_lang {
	int id;
	const char *lang;		/* our language id (lang.c) */
	const char *source_file;
	const char *compile_cmd;	/* NULL: none, as Judge0 says of interpreted languages */
	const char *run_cmd;
};
extern const struct judge0_lang judge0_langs[];
extern const size_t judge0_nlangs;

/* The language with Judge0's id, or NULL when we serve none by that id. */
const struct judge0_lang *judge0_lang_find(long id);
/* Our language's name ("Python 3"), as Judge0's name of the id. */
const char *judge0_lang_name(const struct judge0_lang *l);
/* Judge0's description of a status id, or NULL when out of range. */
const char *judge0_status_name(int id);

/*
 * The status of a finished execution from the judge's response (SPEC
 * section 3): expected says whether the submission had an expected_output;
 * without one a clean run is Accepted whatever it printed.
 */
int judge0_status_of(struct json_object *judged, bool expected);

/*
 * Check fields= (NULL or "": Judge0's default set, "*": every field, else
 * names separated by commas): 0 when every name is one of a submission's,
 * else -1 with the unknown ones as Judge0 lists them ("foo, bar") in bad.
 */
int judge0_fields_check(const char *fields, char *bad, size_t badlen);

/*
 * The Judge0 submission of a job with the fields asked for (checked with
 * judge0_fields_check; unknown names are left out).  Text fields are base64
 * (RFC 4648, no line breaks) when base64 is set.  NULL when, without base64,
 * a text field asked for is not valid UTF-8: Judge0's cue for
 * "use base64_encoded=true".
 */
struct json_object *judge0_submission(const struct job_view *v, bool base64, const char *fields);

/* Append the base64 of s (n bytes) to out; -1 when memory ran out. */
int judge0_b64_encode(const char *s, size_t n, struct strbuf *out);
/*
 * Append the bytes s (n chars of base64) stands for to out.  As Ruby's
 * Base64.decode64, which Judge0 uses: characters outside the alphabet (line
 * breaks) are skipped and missing padding is no error.  -1 when memory ran out.
 */
int judge0_b64_decode(const char *s, size_t n, struct strbuf *out);

#endif
