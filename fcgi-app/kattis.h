/*
 * kattis.h - Kattis problem packages to and from the question document
 *
 * No database here: import reads a struct pkg (package.h) into the question
 * document (JSON); export writes a document into a struct pkg.  The legacy
 * format (problemtools) is read in full, the 2023-07 draft where it is cheap
 * (name maps, type lists, limits.time_limit and time_multipliers,
 * output_validator/, statement/, test_group.yaml, scoring maps, require_pass).
 * Export writes the legacy format.
 *
 * THE DOCUMENT
 *   title            problem.yaml name (a string, or a map: "en", else the first);
 *                    else the statement's \problemname; else the package name
 *   question         the statement as Markdown: problem_statement/ (or statement/)
 *                    problem.en.md, problem.md, any *.md; else problem.en.tex,
 *                    problem.tex, any *.tex converted (tex.h lists the subset);
 *                    else a PDF (problem.en.pdf, problem.pdf, any *.pdf): then
 *                    question is KATTIS_PDF_QUESTION and statement_pdf its base64
 *   difficulty       problem.yaml "difficulty" (ours: easy|medium|hard), else medium
 *   tags             keywords (a space-separated string or a list)
 *   time_limit_ms    DOMjudge's .timelimit file (seconds) or domjudge-problem.ini
 *                    timelimit; else limits.time_limit; else absent, to be derived
 *                    by kattis_time_limit_ms() below.  Clamped to 100..30000.
 *   memory_limit_mb  limits.memory (MiB), clamped to 32..2048; absent when not given
 *   output_limit_kb  limits.output (MiB) x 1024, at most 65536; absent when not given
 *   checker          see CHECKERS
 *   groups, test_cases   see TEST DATA
 *   references       submissions/<dir>/<file> in our six languages (by extension:
 *                    .py .java .cpp/.cc/.cxx/.c++ .c .js .cs); <dir> accepted,
 *                    wrong_answer, time_limit_exceeded, run_time_error
 *                    (expected "runtime_error"), memory_limit_exceeded,
 *                    output_limit_exceeded.  A submission directory holding one
 *                    source file counts as that file.  name is the path below
 *                    submissions/ ("accepted/sol.cpp").  The rest is skipped, with
 *                    a warning.
 *   package          short_name (the zip's top directory or the directory's name),
 *                    time_multiplier and time_safety_margin (legacy limits, default
 *                    5 and 2; 2023-07's ac_to_time_limit and time_limit_to_tle,
 *                    default 2 and 1.5), time_resolution (2023-07, when given),
 *                    timelimit_file (seconds from .timelimit/domjudge-problem.ini,
 *                    else null), validation ("default", "custom", "custom
 *                    interactive", with " score" when the validator scores),
 *                    scoring (bool), author, source, source_url, license,
 *                    rights_owner, uuid (strings, when given), interactions
 *                    ([{name, text}]: sample .interaction files without a test)
 *   signature        a function-signature question's signature (signature.h), from
 *                    signature.txt at the root, our extension: its text form; the
 *                    tests' .in are then JSON objects of the params, .ans JSON values
 *   warnings         what was skipped or approximated (import only; export ignores it)
 *
 * CHECKERS
 *   validation default: the default validator's validator_flags, read and
 *     written by the comparison rules' own mapping (cmp_rule_from_kattis and
 *     cmp_kattis_flags in common/compare.h): no flags is tokens_ci,
 *     case_sensitive tokens, space_change_sensitive exact, any float flag
 *     float; "lines" has no flags and exports as tokens (case_sensitive).
 *   validation custom: {"type":"custom","language","code","flags"}; custom
 *     interactive (or 2023-07 type interactive): {"type":"interactive",...}.
 *     The validator is output_validators/ (or output_validator/): one program,
 *     a file or a directory; its language from the extension (.cpp .cc .cxx
 *     .c++ -> cpp, .c -> c, .py -> python).  In a directory, headers
 *     (.h .hpp .hh .hxx) are inlined where the source #includes them "...";
 *     a second source file, build/run scripts or several validators are refused.
 *     flags: validator_flags, else output_validator_flags (or _args) of
 *     data/testdata.yaml or data/secret/testdata.yaml.
 *
 * TEST DATA
 *   Test cases are the .in/.ans pairs of data/sample and data/secret, in Kattis
 *   order (by name, a directory's test cases and subgroups interleaved); name is
 *   the path below data/ without ".in" ("secret/group1/01").  A sample with a
 *   .interaction file gets its text as "interaction".  Text must be UTF-8 without
 *   NUL bytes; at most JUDGE_MAX_TESTS tests of at most JUDGE_MAX_IO bytes each.
 *   Groups: "sample" (every test under data/sample: 0 points, rule all, is_sample),
 *   then one group per directory under data/secret that holds test cases, named by
 *   its path below data/ ("secret", "secret/group1", "secret/group1/easy"): the
 *   tree is flattened, a directory's own tests forming its group.  From the
 *   directory's testdata.yaml (or test_group.yaml; legacy inheritance: the nearest
 *   ancestor's file when it has none):
 *     rule     scoring.aggregation pass-fail|sum|min -> all|sum|min; else the last
 *              of all|sum|min|avg|max in grader_flags ("all" is ours; avg and max
 *              are read as sum, with a warning); else sum in a legacy scoring
 *              problem and in 2023-07's secret, all otherwise
 *     points   score (or scoring.score), not inherited; else, in a legacy scoring
 *              problem, from accept_score A (default 1): A per test in a sum group,
 *              A for the group otherwise; else an equal share of what is left of
 *              100 (so a pass-fail problem's only group "secret" has 100 points)
 *     stop_on_failure   on_reject: break (the default) -> true, continue -> false
 *     depends_on        require_pass (or scoring.require_pass): group names
 *   A test's points: A in such a sum group, else an equal share of its group's
 *   points (the first tests take the remainder).
 *
 * EXPORT writes problem.yaml (name, type, author, source, source_url, license,
 * rights_owner, uuid, keywords, difficulty when not medium, limits, validation,
 * validator_flags), problem_statement/problem.en.md (with a statement_pdf:
 * problem.en.pdf, and the .md only when question is not KATTIS_PDF_QUESTION),
 * .timelimit when package.timelimit_file is set (else limits.time_limit),
 * data/<group>/<test>.in, .ans and .interaction with a testdata.yaml per group
 * (on_reject, grader_flags, accept_score; score and require_pass where the
 * legacy keys cannot say it), output_validators/validator/validator.<ext> and
 * submissions/<dir>/<file>.  For every document import gives,
 * import(export(doc)) equals doc (warnings aside).  Documents made otherwise
 * are normalised: tests with is_sample form data/sample; a group not named
 * secret or secret/... goes under data/secret/; test files are named after the
 * test, numbered when their names would sort out of order within the group; a
 * group's tests get their points back as import derives them (equal shares);
 * groups come back in Kattis order; "lines" comes back as "exact".
 */
#ifndef CE_KATTIS_H
#define CE_KATTIS_H

#include <json-c/json.h>
#include <stddef.h>

#include "package.h"
#include "strbuf.h"

/* The question of a package whose only statement is a PDF. */
#define KATTIS_PDF_QUESTION "The statement of this problem is the attached PDF."
#define KATTIS_MAX_STATEMENT 200000		/* bytes of Markdown, as the question API takes */
#define KATTIS_MAX_PDF (8u * 1024 * 1024)	/* bytes of a PDF statement */

/*
 * The question document of the package p, with a "warnings" array (caller
 * puts it); NULL with the reason in err when p is not a problem this service
 * can hold (no problem.yaml, a broken YAML file, test data that is not UTF-8
 * text or holds a NUL, a missing .ans, too many tests, an unsupported
 * validator, ...) or memory ran out.
 */
struct json_object *kattis_import(const struct pkg *p, char *err, size_t errlen);

/*
 * The package of doc (a question document as above) added to out, which
 * should be empty; out->name is set from package.short_name.  PKG_OK, or
 * PKG_INVALID with the field in err when doc is malformed.
 */
enum pkg_err kattis_export(struct json_object *doc, struct pkg *out, char *err, size_t errlen);

/*
 * The checker object the default validator's flags stand for (see CHECKERS);
 * NULL with a message for an unknown flag or a tolerance that is not a
 * non-negative number.
 */
struct json_object *kattis_checker_from_flags(const char *flags, char *err, size_t errlen);
/*
 * The flags of a built-in checker (tokens_ci, tokens, exact, lines, float)
 * appended to out: the inverse of kattis_checker_from_flags.  0, or -1 with a
 * message for another type or a bad member.
 */
int kattis_flags_from_checker(struct json_object *checker, struct strbuf *out, char *err,
			      size_t errlen);

/*
 * The time limit of a document without one, from the slowest run of its
 * accepted references (seconds): slowest x package.time_multiplier, rounded up
 * to a multiple of package.time_resolution (default 1 s), at least one such
 * step (problemtools' rule for the 2023-07 format; the legacy problemtools
 * rounds to the nearest second instead), in ms clamped to 100..30000.
 */
int kattis_time_limit_ms(struct json_object *doc, double slowest_accepted_s);

#endif
