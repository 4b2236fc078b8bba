/*
 * signature.h - "implement this function" questions: signatures, typed values, generated code
 *
 * A recruiter declares a function instead of an I/O format:
 *
 *     function: twoSum
 *     params: nums int[], target int
 *     returns: int[]
 *
 * Types are int (64-bit), double, bool and string, and arrays (T[]) and 2-D
 * arrays (T[][], rows may differ in length) of them.  A test is typed JSON:
 * the input an object of the params ({"nums": [2,7,11,15], "target": 9}),
 * the expected output a value of the return type ([0,1]).
 *
 * For each language the module writes the candidate's starter (sig_stub) and
 * the program that is really compiled (sig_program): the candidate's code
 * followed by a hidden harness that reads the params from stdin in the wire
 * format below, calls the function, and writes the return value to file
 * descriptor 3 (SIG_RESULT_FD) in the same format.  stdout and stderr stay
 * the candidate's own: printing inside the function never touches the
 * result.  The judge converts a test's JSON to wire before the run
 * (sig_input_wire) and the program's wire back to canonical JSON after it
 * (sig_result_json), then compares (sig_result_matches).
 *
 * Types per language (the stub declares exactly these):
 *
 *   declared  Python          Java      C#        C++                         JavaScript
 *   int       int             long      long      long long                   number
 *   double    float           double    double    double                      number
 *   bool      bool            boolean   bool      bool                        boolean
 *   string    str             String    string    string                      string
 *   T[]       list[T]         T[]       T[]       vector<T>& (param),         T[]
 *                                                 vector<T> (returned)
 *   T[][]     list[list[T]]   T[][]     T[][]     vector<vector<T>>& / ...    T[][]
 *                                       (jagged)
 *
 *   C, as LeetCode has it (bool from stdbool.h):
 *   int x        long long x         T[] x        T *x, int xSize
 *   string x     char *x             T[][] x      T **x, int xSize, int *xColSize
 *   returns T    T f(...)            returns T[]  T *f(..., int *returnSize)
 *   returns T[][]                    T **f(..., int *returnSize, int **returnColumnSizes)
 *
 * Python and JavaScript have a plain function (or a method of a class
 * Solution, if the code has no such function); Java, C++ and C# a method of
 * class Solution, called on a new instance; C a function.  In C the candidate mallocs what is returned
 * (array, rows, each string, *returnColumnSizes) and the harness frees it
 * after writing the result; C strings end at their first NUL.  JavaScript
 * numbers hold integers exactly up to 2^53 (a returned BigInt is accepted).
 * A returned null/None/NULL string or array reaches the judge as JSON null
 * (C: NULL with a size of 0 is an empty array).
 *
 * Wire format: one item per line, each line ended by "\n", values in the
 * order of the params (input) or the one return value (result):
 *
 *   int      decimal, "-42"
 *   double   decimal: the input "%.17g" ("0.10000000000000001"), or "Infinity"
 *            and "-Infinity" for a JSON number past the range of a double; a
 *            result as the language prints it ("1.0E-5", "0.1", "-nan",
 *            "Infinity", "inf": NaN and infinities in any case, with a sign)
 *   bool     "1" or "0"
 *   string   its length in bytes on one line, then the UTF-8 bytes, then "\n"
 *   T[]      the element count on one line, then each element
 *   T[][]    the row count on one line, then each row as a T[]
 *   null     "-1" where a result's string, array or row length would be
 *
 * The harness writes the result only after the function returned, in one go,
 * with write(2) on the inherited descriptor (Java sets it in a new
 * FileDescriptor, C# calls libc's write): fd 3 may be a pipe or a file, and
 * nothing needs /proc.  No result at all means the function never returned
 * (an exit, or a crash).
 *
 * Canonical JSON (results and canonical expected values) is compact, with
 * doubles in their shortest exact form with a fraction or exponent
 * ("1.0", "0.1", "1e+300") and non-finite doubles as the strings "NaN",
 * "Infinity" and "-Infinity" (which never match a JSON number).
 */
#ifndef CE_SIGNATURE_H
#define CE_SIGNATURE_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"
#include "strbuf.h"

struct json_object;

#define SIG_MAX_PARAMS	16
#define SIG_MAX_NAME	64	/* bytes of a function or param name */
#define SIG_MAX_TEXT	4096	/* bytes of a signature's text or JSON form */
#define SIG_RESULT_FD	3	/* where the program writes its return value */
#define SIG_TOLERANCE	1e-6	/* default absolute and relative tolerance on doubles */
/* The name compiler messages and traces give the harness's own lines. */
#define SIG_DRIVER	"driver"

enum sig_base {
	SIG_INT,	/* 64-bit signed */
	SIG_DOUBLE,
	SIG_BOOL,
	SIG_STRING,	/* UTF-8, no NUL */
	SIG_BASE__MAX
};

struct sig_type {
	enum sig_base base;
	unsigned dims;		/* 0 a scalar, 1 T[], 2 T[][] */
};

struct sig_param {
	char name[SIG_MAX_NAME + 1];
	struct sig_type type;
};

/* A parsed signature is plain data: no resources, copy it freely. */
struct signature {
	char function[SIG_MAX_NAME + 1];
	struct sig_param params[SIG_MAX_PARAMS];
	size_t nparams;
	struct sig_type ret;
};

/* ---- the signature ---- */

/*
 * Parse the text form: lines "function: NAME", "params: NAME TYPE, ..."
 * (may be empty or absent for no params) and "returns: TYPE", in any order;
 * blank lines and "#" comments are ignored.  Names are identifiers valid in
 * all six languages (ASCII letter first, then letters, digits and '_') and no
 * reserved word or library name of any of them.  0, or -1 with a message
 * naming the line in err.
 */
int sig_parse_text(const char *text, size_t len, struct signature *sig, char *err, size_t errlen);
/*
 * Parse the JSON form {"function": "twoSum", "params": [{"name": "nums",
 * "type": "int[]"}, ...], "returns": "int[]"} ("params" may be absent for
 * none); same rules as the text form.  sig_from_json() takes it parsed.
 */
int sig_parse_json(const char *json, size_t len, struct signature *sig, char *err, size_t errlen);
int sig_from_json(struct json_object *o, struct signature *sig, char *err, size_t errlen);
/* The text form (three lines) appended to out; 0, or -1 when out of memory. */
int sig_to_text(const struct signature *sig, struct strbuf *out);
/* The JSON form, compact, appended to out; 0, or -1 when out of memory. */
int sig_to_json(const struct signature *sig, struct strbuf *out);
/* The JSON form as an object (caller owns the reference; NULL when out of memory). */
struct json_object *sig_json(const struct signature *sig);
/* "int", "string[][]", ...: at most 16 bytes with the NUL, written to buf, which is returned. */
const char *sig_type_name(struct sig_type t, char *buf, size_t len);

/* ---- typed values ---- */

/*
 * A test's input: a JSON object with exactly the params, each of its type.
 * 0, or -1 with a message naming the param and the place, e.g.
 * "nums[2]: expected an int, got a string".
 */
int sig_check_input(const struct signature *sig, const char *json, size_t len, char *err,
		    size_t errlen);
/* A test's expected value: JSON of the return type ("result[1]: ..." on error). */
int sig_check_expected(const struct signature *sig, const char *json, size_t len, char *err,
		       size_t errlen);
/* sig_check_expected(), and the value's canonical JSON appended to out. */
int sig_expected_json(const struct signature *sig, const char *json, size_t len,
		      struct strbuf *out, char *err, size_t errlen);
/*
 * A test's input as the program's stdin: checked like sig_check_input(),
 * then every param in wire format, in the signature's order, appended to
 * out.  0, or -1 with err (out may then hold part of the wire).
 */
int sig_input_wire(const struct signature *sig, const char *json, size_t len, struct strbuf *out,
		   char *err, size_t errlen);
/*
 * What a program wrote to SIG_RESULT_FD, as the canonical JSON of the return
 * type appended to json_out.  The bytes are untrusted: anything but exactly
 * one value of the return type (no result, a malformed or truncated value,
 * data after it) is -1 with a short reason in err, never a crash.  Strings
 * are made valid UTF-8 (U+FFFD).  The JSON takes at most 6 * len + 64 bytes.
 */
int sig_result_json(const struct signature *sig, const char *wire, size_t len,
		    struct strbuf *json_out, char *err, size_t errlen);
/*
 * Does a result (got_json, as sig_result_json gave it) match the expected
 * value (want_json, any JSON of the return type)?  Values compare by the
 * return type: ints, bools and strings exactly, doubles within abs_tol or
 * within rel_tol times the expected value (a negative tolerance means
 * SIG_TOLERANCE), arrays element by element.  When they differ (or either is
 * not a value of the type) the first difference is appended to why (may be
 * NULL), e.g. "[2]: got 4, expected 5".
 */
bool sig_result_matches(const struct signature *sig, const char *got_json, const char *want_json,
			double abs_tol, double rel_tol, struct strbuf *why);

/* ---- generated code ---- */

/*
 * Where the candidate's code sits in a program, for sig_fix_output().
 * Initialise with sig_map_init(), release with sig_map_release().
 */
struct sig_map {
	unsigned first;		/* the program's line that holds the candidate's line 1 */
	unsigned lines;		/* the candidate's lines; later lines are the harness's */
	struct strbuf code;	/* a copy of the candidate's code (quoted in C/C++ messages) */
};

void sig_map_init(struct sig_map *map);
void sig_map_release(struct sig_map *map);

/* Lines of code: its newlines, plus one for a last line without one. */
size_t sig_candidate_lines(const char *code, size_t len);
/*
 * The starter the candidate sees: the declaration of the function in the
 * language's idiom, with an empty body.  0, or -1 for a language this
 * module does not know or out of memory.
 */
int sig_stub(const struct signature *sig, const struct lang *l, struct strbuf *out);
/*
 * The program to compile in place of the candidate's code: the code, then
 * the harness.  Python, JavaScript, Java and C# start with the code itself,
 * so its lines keep their numbers; C and C++ start with the #includes of the
 * stub's types (and "using namespace std;" in C++), and #line directives
 * give the code its own line numbers under the name main.c / main.cpp and
 * the harness the name SIG_DRIVER.  Java: the harness is the non-public
 * class CeMain with main(); C#: the class CeMain with Main().  Fills map
 * (may be NULL).  0, or -1 for an unknown language or out of memory.
 */
int sig_program(const struct signature *sig, const struct lang *l, const char *code, size_t len,
		struct strbuf *out, struct sig_map *map);
/*
 * Make compiler messages and run-time errors (Python tracebacks, Java and C#
 * stack traces, node's stack lines and source excerpts, gcc/g++ messages)
 * speak of the candidate's code only: frames and excerpts of the harness go,
 * a message located in the harness is located at SIG_DRIVER without a line,
 * and C/C++ excerpts quote the candidate's lines.  Paths and text other than
 * that are left as they are.
 */
void sig_fix_output(const struct lang *l, const struct sig_map *map, struct strbuf *text);

#endif
