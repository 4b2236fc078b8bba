#include <stdio.h>
#include <stdlib.h>

typedef struct { long long s, e; } Range;

static int cmp_range(const void *a, const void *b) {
    const Range *x = a, *y = b;
    if (x->s != y->s) return (x->s > y->s) - (x->s < y->s);
    return (x->e > y->e) - (x->e < y->e);
}

static int cmp_ll(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

/* Merges b (n ranges) into blocks (returns their count) and computes the peak. */
static int report(Range *b, int n, Range *blocks, int *peak) {
    long long *starts = malloc(sizeof(long long) * n), *ends = malloc(sizeof(long long) * n);
    for (int i = 0; i < n; i++) { starts[i] = b[i].s; ends[i] = b[i].e; }
    qsort(b, n, sizeof(Range), cmp_range);
    int nb = 0;
    for (int i = 0; i < n; i++) {
        if (nb > 0 && b[i].s <= blocks[nb - 1].e) {
            if (b[i].e > blocks[nb - 1].e) blocks[nb - 1].e = b[i].e;
        } else {
            blocks[nb++] = b[i];
        }
    }
    qsort(starts, n, sizeof(long long), cmp_ll);
    qsort(ends, n, sizeof(long long), cmp_ll);
    int cur = 0, j = 0;
    *peak = 0;
    for (int i = 0; i < n; i++) {
        while (ends[j] <= starts[i]) { j++; cur--; }
        cur++;
        if (cur > *peak) *peak = cur;
    }
    free(starts);
    free(ends);
    return nb;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    Range *b = malloc(sizeof(Range) * n), *blocks = malloc(sizeof(Range) * n);
    for (int i = 0; i < n; i++) scanf("%lld %lld", &b[i].s, &b[i].e);
    int peak;
    int nb = report(b, n, blocks, &peak);
    printf("%d %d\n", nb, peak);
    for (int i = 0; i < nb; i++) printf("%lld %lld\n", blocks[i].s, blocks[i].e);
    free(b);
    free(blocks);
    return 0;
}
