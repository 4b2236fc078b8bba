/*
 * compare.h - does a program's output match the expected answer under a question's rule
 *
 * A rule is a mode and a few options; the modes (the "type" of its JSON):
 *
 *   "lines"      the default (SPEC section 3): \r\n is \n, and trailing
 *                whitespace on each line and trailing blank lines do not count
 *   "exact"      byte for byte: a missing final newline is a difference
 *   "tokens"     both split on runs of whitespace (space, \t, \r, \n, \f, \v);
 *                the token sequences must be equal
 *   "tokens_ci"  tokens, ASCII letters compared case-insensitively (the
 *                Kattis default validator with no flags)
 *   "float"      tokens, where each token of the answer that reads as a
 *                number is compared numerically with the output's token
 *
 * In float mode a number is what strtod() reads over the whole token,
 * decimal only: an optional sign, digits with an optional '.', an optional
 * exponent, or nan, inf, infinity in any case.  Hex floats ("0x1p3") and
 * "nan(...)" are not numbers and compare as text.  The output's token must
 * be a number too ("1e-4" equals "0.0001"; "1.5abc" is not 1.5).  Tolerances
 * as in the Kattis default validator: accepted when |got - want| <= abs_tol
 * or |got - want| <= rel_tol * |want|, each test only when its tolerance is
 * set; equal values are always accepted.  A float rule with neither set uses
 * 1e-6 for both.  -0 equals 0; nan matches only nan (of either sign); inf
 * matches only inf of the same sign.  Numbers beyond the range of a double
 * (say 1e400, or 400 digits) are not infinity: they compare as if both were
 * scaled down by one power of ten, so in double precision and within the
 * relative tolerance; one too small for a double is what strtod() makes of
 * it, 0 or a subnormal.  A token of any length reads in time linear in its
 * length.  Where the answer's token is not a number, the output's must be
 * the same text, even if it is a number.
 *
 * case_insensitive applies to every mode (ASCII letters only): in float
 * mode to the tokens that are not numbers.  Comparing takes time linear in
 * the two outputs and copies neither.
 */
#ifndef CE_COMPARE_H
#define CE_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct json_object;

enum cmp_mode {
	CMP_LINES = 0,	/* the default */
	CMP_EXACT,
	CMP_TOKENS,
	CMP_FLOAT,
	CMP__MAX
};

/* The tolerance of a float rule that sets neither. */
#define CMP_DEFAULT_TOLERANCE 1e-6

struct cmp_rule {
	enum cmp_mode mode;
	bool case_insensitive;	/* ASCII letters; "tokens_ci" is CMP_TOKENS with this set */
	double abs_tol;		/* CMP_FLOAT only; negative (or NaN): unset */
	double rel_tol;		/* likewise */
};

#define CMP_RULE_INIT { CMP_LINES, false, -1, -1 }

/* The default rule: lines, case-sensitive, no tolerance. */
void cmp_rule_init(struct cmp_rule *r);

/*
 * Does got (the program's output) match want (the expected answer) under r?
 * Both are bytes (NUL bytes included), neither is changed nor needs a
 * terminator.  On a mismatch, when why is not NULL, its content is replaced
 * by one line for the question's author, such as "line 3: expected 'abc',
 * got 'abd'" or "output ends after 4 tokens; expected 5", with each quoted
 * piece of output cut to about 60 bytes and its control bytes and invalid
 * UTF-8 escaped; on a match why is left as it was.
 */
bool cmp_match(const struct cmp_rule *r, const char *got, size_t gotlen, const char *want,
	       size_t wantlen, struct strbuf *why);

/* Values of cmp_rule_from_json() besides 0 and -1. */
#define CMP_NOT_BUILTIN 1

/*
 * Read a question's checker, {"type": "float", "float_tolerance": 1e-4},
 * into r.  Members: "type" (one of the modes above; absent: "lines"),
 * "case_insensitive" (a boolean), and for "float" only the non-negative
 * numbers "float_tolerance" (both tolerances), "float_absolute_tolerance"
 * and "float_relative_tolerance" (either overrides float_tolerance).  A float
 * rule without tolerances gets CMP_DEFAULT_TOLERANCE for both, set in r.
 * checker NULL (absent, or JSON null) is the default rule.
 *
 * Returns 0 with r set; CMP_NOT_BUILTIN, r the default rule, for the types
 * "custom" and "interactive" (a program judges those, not this module; their
 * other members are not looked at); -1 with a message in err for anything
 * else: not an object, an unknown type or member, a tolerance that is not a
 * finite non-negative number.
 */
int cmp_rule_from_json(struct json_object *checker, struct cmp_rule *r, char *err, size_t errlen);

/*
 * r as the JSON that cmp_rule_from_json() reads back into the same rule: the
 * type's canonical name, "case_insensitive": true where the type's name does
 * not say it, and a float rule's tolerances ("float_tolerance" when both are
 * equal).  A new reference for the caller, or NULL when memory ran out.
 */
struct json_object *cmp_rule_json(const struct cmp_rule *r);

/*
 * Read the validator_flags of a Kattis problem.yaml for the default
 * validator: flags separated by whitespace, from case_sensitive,
 * space_change_sensitive, and float_tolerance, float_absolute_tolerance,
 * float_relative_tolerance each followed by a non-negative number (a later
 * flag overrides an earlier one).  NULL or no flags is Kattis's default:
 * case-insensitive tokens.  The closest rule:
 *
 *   any float flag              float, case-insensitive without case_sensitive;
 *                               space_change_sensitive is then dropped (no
 *                               mode keeps both whitespace and tolerances)
 *   space_change_sensitive      exact, case-insensitive without case_sensitive
 *                               (stricter than Kattis at the end of the output,
 *                               where a missing final newline now counts)
 *   case_sensitive alone        tokens
 *   nothing                     tokens_ci
 *
 * 0 with r set, or -1 with a message in err for an unknown flag or a missing
 * or invalid number.
 */
int cmp_rule_from_kattis(const char *validator_flags, struct cmp_rule *r, char *err,
			 size_t errlen);

/* Room for any flags cmp_kattis_flags() writes, with the terminator. */
#define CMP_KATTIS_FLAGS_MAX 128

/*
 * r as validator_flags for the default validator, written into buf: what
 * cmp_rule_from_kattis() reads back into the same rule ("" for the
 * default, tokens_ci).  One rule has no such flags: lines, which becomes
 * tokens (case_sensitive, or "" with case_insensitive), the rule closest to
 * it that accepts every output it accepts.  A float rule without tolerances
 * is written with CMP_DEFAULT_TOLERANCE.  Returns buf, or NULL when len is
 * below what is needed (CMP_KATTIS_FLAGS_MAX is always enough).
 */
const char *cmp_kattis_flags(const struct cmp_rule *r, char *buf, size_t len);

#endif
