/*
 * similarity.h - how much of two programs is the same code: winnowed token fingerprints
 * (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
 * fingerprinting", the method of MOSS)
 *
 * A program is read as tokens of its language: comments and whitespace dropped, every
 * identifier that is not a keyword read as one token "name", every number as "number",
 * every string or character literal as "string"; keywords and each punctuation character
 * stay themselves.  Renaming variables or changing constants therefore changes nothing.
 * Every run of SIM_K tokens is hashed, and of every SIM_W consecutive hashes the smallest
 * is kept (winnowing): a copied run of at least SIM_K + SIM_W - 1 tokens always shares a
 * fingerprint, and shorter matches (the common idioms) mostly do not.
 *
 * Fingerprints of the code every candidate starts from (the starter code) and of the
 * question's reference solutions are left out: sim_exclude() records every k-gram of such
 * a text, and a document built with that set drops them.
 *
 * The score of a pair is the share of the smaller document's fingerprints that the other
 * has too (0 to 1): a copy padded with extra code still scores high.  The matching
 * regions are line ranges in both programs.
 */
#ifndef CE_SIMILARITY_H
#define CE_SIMILARITY_H

#include <stddef.h>
#include <stdint.h>

#define SIM_K 12	/* tokens per hashed run */
#define SIM_W 8		/* runs per winnowing window */

struct sim_print {
	uint64_t hash;
	int from, to;		/* the lines (1-based) of the run's first and last token */
};

/* A program's fingerprints, sorted by hash, each hash once (its first place). */
struct sim_doc {
	struct sim_print *p;
	size_t n;
};

/* The k-gram hashes to leave out, sorted. */
struct sim_exclusion {
	uint64_t *h;
	size_t n, alloc;
};

/* A region found in both: lines a_from..a_to of the first, b_from..b_to of the second. */
struct sim_match {
	int a_from, a_to, b_from, b_to;
};

/*
 * Add every k-gram of src (a program in language lang, a common/lang.c id) to ex.
 * 0, or -1 when out of memory.
 */
int sim_exclude(struct sim_exclusion *ex, const char *lang, const char *src, size_t len);
void sim_exclusion_free(struct sim_exclusion *ex);

/* The fingerprints of src without those of ex (which may be NULL).  0, or -1 (out of memory). */
int sim_doc_build(struct sim_doc *d, const char *lang, const char *src, size_t len,
		  const struct sim_exclusion *ex);
void sim_doc_free(struct sim_doc *d);

/*
 * Compare a and b: the score (0 when either has no fingerprint), the number of shared
 * fingerprints into *shared, and when m is not NULL the matching regions (merged, ordered
 * by their lines in a) into a new array *m of *nm (the caller frees it; NULL when none or
 * out of memory).
 */
double sim_compare(const struct sim_doc *a, const struct sim_doc *b, size_t *shared,
		   struct sim_match **m, size_t *nm);

#endif
