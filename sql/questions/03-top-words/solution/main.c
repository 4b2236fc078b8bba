#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { const char *word; int count; } Entry;

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_entry(const void *a, const void *b) {
    const Entry *x = a, *y = b;
    if (x->count != y->count) return y->count - x->count;
    return strcmp(x->word, y->word);
}

/* Words are found in text (modified in place), grouped by sorting, ranked. */
static int top_words(int k, char *text, size_t n, Entry **result) {
    char **words = malloc(sizeof(char *) * (n / 2 + 2));
    size_t nw = 0;
    for (size_t i = 0; i < n; ) {
        if (!isalpha((unsigned char)text[i])) { text[i++] = '\0'; continue; }
        words[nw++] = text + i;
        while (i < n && isalpha((unsigned char)text[i])) { text[i] = (char)tolower((unsigned char)text[i]); i++; }
    }
    qsort(words, nw, sizeof(char *), cmp_str);
    Entry *e = malloc(sizeof(Entry) * (nw + 1));
    int ne = 0;
    for (size_t i = 0; i < nw; ) {
        size_t j = i;
        while (j < nw && strcmp(words[j], words[i]) == 0) j++;
        e[ne].word = words[i];
        e[ne].count = (int)(j - i);
        ne++;
        i = j;
    }
    qsort(e, ne, sizeof(Entry), cmp_entry);
    free(words);
    *result = e;
    return ne < k ? ne : k;
}

int main(void) {
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap + 1);
    while ((r = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += r;
        if (n == cap) { cap *= 2; buf = realloc(buf, cap + 1); }
    }
    buf[n] = '\0'; /* terminator: ends the last word */
    int k = atoi(buf);
    char *nl = memchr(buf, '\n', n);
    size_t start = nl ? (size_t)(nl - buf) + 1 : n;
    Entry *e;
    int m = top_words(k, buf + start, n - start, &e);
    for (int i = 0; i < m; i++) printf("%s %d\n", e[i].word, e[i].count);
    free(e);
    free(buf);
    return 0;
}
