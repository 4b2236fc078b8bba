struct word_count {
    char *word;
    int count;
};

static int alphabetically(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_count(const void *a, const void *b)
{
    const struct word_count *x = a, *y = b;
    if (x->count != y->count)
        return y->count - x->count;
    return strcmp(x->word, y->word);
}

/**
 * Return an array of *returnSize elements.
 * Note: the returned array and each string in it must be malloc'd; the caller frees them.
 */
char** topWords(char* document, long long k, int* returnSize) {
    size_t n = strlen(document);
    char **words = malloc((n / 2 + 1) * sizeof(char *));
    int nwords = 0, ndistinct = 0;

    for (size_t i = 0; i < n;) {
        size_t j = i;
        if (!isalpha((unsigned char)document[i])) {
            i++;
            continue;
        }
        while (j < n && isalpha((unsigned char)document[j]))
            j++;
        char *w = malloc(j - i + 1);
        for (size_t t = i; t < j; t++)
            w[t - i] = (char)tolower((unsigned char)document[t]);
        w[j - i] = '\0';
        words[nwords++] = w;
        i = j;
    }
    qsort(words, nwords, sizeof(char *), alphabetically);
    struct word_count *counts = malloc((nwords + 1) * sizeof(struct word_count));
    for (int i = 0; i < nwords; i++) {
        if (ndistinct && !strcmp(counts[ndistinct - 1].word, words[i])) {
            counts[ndistinct - 1].count++;
            free(words[i]);
        } else {
            counts[ndistinct].word = words[i];
            counts[ndistinct++].count = 1;
        }
    }
    qsort(counts, ndistinct, sizeof(struct word_count), by_count);
    int m = ndistinct < k ? ndistinct : (int)k;
    char **top = malloc((m + 1) * sizeof(char *));
    for (int i = 0; i < ndistinct; i++) {
        if (i < m)
            top[i] = counts[i].word;
        else
            free(counts[i].word);
    }
    free(words);
    free(counts);
    *returnSize = m;
    return top;
}
