#include <stdio.h>
#include <stdlib.h>

typedef struct { long long s, e; } Range;

/* ===== YOUR SOLUTION HERE =====
 * b: the n bookings as half-open ranges (you may reorder them).
 * Write the busy blocks in time order into `blocks` (room for n entries),
 * return how many there are, and store the peak in *peak. */
static int report(Range *b, int n, Range *blocks, int *peak) {
    (void)b; (void)n; (void)blocks;
    *peak = 0;
    return 0;
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
