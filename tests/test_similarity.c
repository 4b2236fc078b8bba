/* test_similarity.c - unit tests of fcgi-app/similarity.c: copies found, independent work not */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "similarity.h"

/* "the k most frequent words", three ways in Python and two in C */
static const char py_original[] =
	"import sys\n"
	"\n"
	"def main():\n"
	"    data = sys.stdin.read().split()\n"
	"    k = int(data[0])\n"
	"    counts = {}\n"
	"    for word in data[1:]:\n"
	"        word = word.lower().strip('.,;:!?')\n"
	"        if not word:\n"
	"            continue\n"
	"        counts[word] = counts.get(word, 0) + 1\n"
	"    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))\n"
	"    for word, count in ranked[:k]:\n"
	"        print(word, count)\n"
	"\n"
	"if __name__ == '__main__':\n"
	"    main()\n";

/* the same with every name changed, other constants, comments and blank lines */
static const char py_renamed[] =
	"# my solution\n"
	"import sys\n"
	"\n"
	"\n"
	"def solve():\n"
	"    tokens = sys.stdin.read().split()   # all of the input\n"
	"    top = int(tokens[0])\n"
	"    freq = {}\n"
	"    for w in tokens[1:]:\n"
	"        w = w.lower().strip(\".,;:!?-\")\n"
	"        if not w:\n"
	"            continue\n"
	"        freq[w] = freq.get(w, 0) + 1\n"
	"\n"
	"    order = sorted(freq.items(), key=lambda p: (-p[1], p[0]))\n"
	"    for w, c in order[:top]:\n"
	"        print(w, c)\n"
	"\n"
	"if __name__ == \"__main__\":\n"
	"    solve()\n";

static const char py_independent[] =
	"from collections import Counter\n"
	"import re\n"
	"\n"
	"first, *rest = open(0).read().split('\\n', 1)\n"
	"n = int(first)\n"
	"text = rest[0] if rest else ''\n"
	"c = Counter(re.findall(r\"[a-z']+\", text.lower()))\n"
	"best = sorted(c, key=lambda w: (-c[w], w))\n"
	"print('\\n'.join('%s %d' % (w, c[w]) for w in best[:n]))\n";

static const char c_original[] =
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"#include <string.h>\n"
	"\n"
	"struct entry { char word[64]; int count; };\n"
	"static struct entry table[100000];\n"
	"static int used;\n"
	"\n"
	"static int by_count(const void *a, const void *b)\n"
	"{\n"
	"\tconst struct entry *x = a, *y = b;\n"
	"\tif (x->count != y->count)\n"
	"\t\treturn y->count - x->count;\n"
	"\treturn strcmp(x->word, y->word);\n"
	"}\n"
	"\n"
	"int main(void)\n"
	"{\n"
	"\tchar buf[64];\n"
	"\tint k, i;\n"
	"\tif (scanf(\"%d\", &k) != 1)\n"
	"\t\treturn 1;\n"
	"\twhile (scanf(\"%63s\", buf) == 1) {\n"
	"\t\tfor (i = 0; i < used; i++)\n"
	"\t\t\tif (!strcmp(table[i].word, buf))\n"
	"\t\t\t\tbreak;\n"
	"\t\tif (i == used)\n"
	"\t\t\tstrcpy(table[used++].word, buf);\n"
	"\t\ttable[i].count++;\n"
	"\t}\n"
	"\tqsort(table, used, sizeof(table[0]), by_count);\n"
	"\tfor (i = 0; i < k && i < used; i++)\n"
	"\t\tprintf(\"%s %d\\n\", table[i].word, table[i].count);\n"
	"\treturn 0;\n"
	"}\n";

/* renamed, reformatted onto other lines, a block comment in the middle */
static const char c_renamed[] =
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"#include <string.h>\n"
	"struct item { char s[80]; int n; };\n"
	"static struct item all[50000];\n"
	"static int cnt;\n"
	"static int cmp(const void *p, const void *q) {\n"
	"    const struct item *u = p, *v = q;\n"
	"    if (u->n != v->n) return v->n - u->n;\n"
	"    return strcmp(u->s, v->s);\n"
	"}\n"
	"/* read the words, count them, sort */\n"
	"int main(void) {\n"
	"    char w[80]; int top, j;\n"
	"    if (scanf(\"%d\", &top) != 1) return 1;\n"
	"    while (scanf(\"%79s\", w) == 1) {\n"
	"        for (j = 0; j < cnt; j++) if (!strcmp(all[j].s, w)) break;\n"
	"        if (j == cnt) strcpy(all[cnt++].s, w);\n"
	"        all[j].n++;\n"
	"    }\n"
	"    qsort(all, cnt, sizeof(all[0]), cmp);\n"
	"    for (j = 0; j < top && j < cnt; j++) printf(\"%s %d\\n\", all[j].s, all[j].n);\n"
	"    return 0;\n"
	"}\n";

static const char c_independent[] =
	"#include <stdio.h>\n"
	"#include <string.h>\n"
	"\n"
	"#define MAXW 20000\n"
	"char words[MAXW][48];\n"
	"int freq[MAXW], n;\n"
	"\n"
	"int find(const char *w)\n"
	"{\n"
	"\tint lo = 0, hi = n;\n"
	"\twhile (lo < hi) {\n"
	"\t\tint mid = (lo + hi) / 2;\n"
	"\t\tint c = strcmp(words[mid], w);\n"
	"\t\tif (c == 0) return mid;\n"
	"\t\tif (c < 0) lo = mid + 1; else hi = mid;\n"
	"\t}\n"
	"\tmemmove(words[lo + 1], words[lo], (size_t)(n - lo) * sizeof(words[0]));\n"
	"\tmemmove(&freq[lo + 1], &freq[lo], (size_t)(n - lo) * sizeof(int));\n"
	"\tstrcpy(words[lo], w);\n"
	"\tfreq[lo] = 0;\n"
	"\tn++;\n"
	"\treturn lo;\n"
	"}\n"
	"\n"
	"int main(void)\n"
	"{\n"
	"\tint k; char w[48];\n"
	"\tscanf(\"%d\", &k);\n"
	"\twhile (scanf(\"%47s\", w) > 0) freq[find(w)]++;\n"
	"\twhile (k-- > 0) {\n"
	"\t\tint b = -1;\n"
	"\t\tfor (int i = 0; i < n; i++) if (freq[i] > 0 && (b < 0 || freq[i] > freq[b])) b = i;\n"
	"\t\tif (b < 0) break;\n"
	"\t\tprintf(\"%s %d\\n\", words[b], freq[b]);\n"
	"\t\tfreq[b] = 0;\n"
	"\t}\n"
	"}\n";

static double score(const char *lang, const char *a, const char *b, const struct sim_exclusion *ex)
{
	struct sim_doc da, db;
	size_t shared;
	double s;

	CU_ASSERT_EQUAL_FATAL(sim_doc_build(&da, lang, a, strlen(a), ex), 0);
	CU_ASSERT_EQUAL_FATAL(sim_doc_build(&db, lang, b, strlen(b), ex), 0);
	s = sim_compare(&da, &db, &shared, NULL, NULL);
	CU_ASSERT(s >= 0 && s <= 1);
	/* the score does not depend on the order */
	CU_ASSERT_DOUBLE_EQUAL(sim_compare(&db, &da, &shared, NULL, NULL), s, 1e-12);
	sim_doc_free(&da);
	sim_doc_free(&db);
	return s;
}

static void test_copies_and_independent_work(void)
{
	double py_copy = score("python", py_original, py_renamed, NULL);
	double py_other = score("python", py_original, py_independent, NULL);
	double c_copy = score("c", c_original, c_renamed, NULL);
	double c_other = score("c", c_original, c_independent, NULL);
	double c_other2 = score("c", c_renamed, c_independent, NULL);

	printf("\n  similarity: python renamed copy %.2f, independent %.2f;"
	       " c renamed copy %.2f, independent %.2f and %.2f\n", py_copy, py_other, c_copy, c_other,
	       c_other2);
	CU_ASSERT(py_copy >= 0.9);
	CU_ASSERT(c_copy >= 0.9);
	CU_ASSERT(py_other <= 0.2);
	CU_ASSERT(c_other <= 0.2);
	CU_ASSERT(c_other2 <= 0.2);
	CU_ASSERT_DOUBLE_EQUAL(score("python", py_original, py_original, NULL), 1.0, 1e-12);
}

/*
 * Two candidates who each add a line to the same starter code share little once it is removed
 * (what is left is where their lines meet it).
 */
static void test_starter_removed(void)
{
	static const char starter[] =
		"import sys\n\ndef main():\n    data = sys.stdin.read().split()\n"
		"    k = int(data[0])\n    # write your code here\n\nif __name__ == '__main__':\n    main()\n";
	static const char a[] =
		"import sys\n\ndef main():\n    data = sys.stdin.read().split()\n"
		"    k = int(data[0])\n    seen = {}\n    for w in data[1:]:\n        seen[w] = seen.get(w, 0) + 1\n"
		"    best = sorted(seen, key=lambda w: (-seen[w], w))\n    for w in best[:k]:\n"
		"        print(w, seen[w])\n\nif __name__ == '__main__':\n    main()\n";
	static const char b[] =
		"import sys\n\ndef main():\n    data = sys.stdin.read().split()\n"
		"    k = int(data[0])\n    from collections import Counter\n"
		"    top = Counter(data[1:]).most_common()\n    top.sort(key=lambda p: (-p[1], p[0]))\n"
		"    print('\\n'.join(f'{w} {n}' for w, n in top[:k]))\n\nif __name__ == '__main__':\n    main()\n";
	struct sim_exclusion ex = { 0 };

	double with = score("python", a, b, NULL), without;

	CU_ASSERT_EQUAL_FATAL(sim_exclude(&ex, "python", starter, strlen(starter)), 0);
	CU_ASSERT(ex.n > 0);
	without = score("python", a, b, &ex);
	printf("\n  similarity: two edits of the starter %.2f, %.2f with the starter removed\n", with, without);
	CU_ASSERT(with > 0.1);
	CU_ASSERT(without < 0.05);
	/* a reference solution removed too: a candidate who hands it in shares nothing with another */
	CU_ASSERT_EQUAL_FATAL(sim_exclude(&ex, "python", py_original, strlen(py_original)), 0);
	CU_ASSERT_EQUAL(score("python", py_original, py_renamed, &ex), 0);
	sim_exclusion_free(&ex);
}

/* The matching regions point at the copied lines in both programs. */
static void test_regions(void)
{
	static const char pad[] = "x = 1\ny = 2\nz = x + y\nprint(z)\nprint(z * 2)\n";
	char *padded = malloc(sizeof(pad) + sizeof(py_renamed));
	struct sim_doc a, b;
	struct sim_match *m;
	size_t shared, nm, i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(padded);
	snprintf(padded, sizeof(pad) + sizeof(py_renamed), "%s%s", pad, py_renamed);
	CU_ASSERT_EQUAL_FATAL(sim_doc_build(&a, "python", py_original, strlen(py_original), NULL), 0);
	CU_ASSERT_EQUAL_FATAL(sim_doc_build(&b, "python", padded, strlen(padded), NULL), 0);
	CU_ASSERT(sim_compare(&a, &b, &shared, &m, &nm) >= 0.9);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT(nm >= 1 && nm <= 3);
	for (i = 0; i < nm; i++) {
		/* the original's lines 1-17; the copy's are those of py_renamed (1-20) after the 5 padding lines */
		CU_ASSERT(m[i].a_from >= 1 && m[i].a_to <= 17 && m[i].a_from <= m[i].a_to);
		CU_ASSERT(m[i].b_from >= 6 && m[i].b_to <= 25 && m[i].b_from <= m[i].b_to);
	}
	CU_ASSERT(m[0].a_from <= 4 && m[nm - 1].a_to >= 14);
	free(m);
	free(padded);
	sim_doc_free(&a);
	sim_doc_free(&b);
}

/* Short, empty, unterminated and binary input: no crash, no fingerprint where there is no run. */
static void test_odd_input(void)
{
	static const char *const odd[] = { "", "x", "'unterminated\n", "/* open comment", "\"\"\"never closed",
					    "`template ${x}`", "\xff\xfe\x00\x01" };
	struct sim_doc d;
	size_t i;

	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		CU_ASSERT_EQUAL(sim_doc_build(&d, "javascript", odd[i], strlen(odd[i]), NULL), 0);
		CU_ASSERT_EQUAL(d.n, 0);
		sim_doc_free(&d);
	}
	CU_ASSERT_EQUAL(score("c", "", c_original, NULL), 0);
}

static CU_TestInfo tests[] = {
	{ "renamed copies score high, independent work low", test_copies_and_independent_work },
	{ "starter code and reference solutions removed", test_starter_removed },
	{ "matching regions", test_regions },
	{ "odd input", test_odd_input },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("similarity", tests)
