#include <stdio.h>
#include <stdlib.h>

typedef struct { long long s, e, p; } Gig;

/* ===== YOUR SOLUTION HERE =====
 * g: the n offers [s, e) paying p (you may reorder them).
 * Store the max total pay in *best_pay and the min number of gigs in *best_cnt. */
static void best_plan(Gig *g, int n, long long *best_pay, long long *best_cnt) {
    (void)g; (void)n;
    *best_pay = 0;
    *best_cnt = 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    Gig *g = malloc(sizeof(Gig) * n);
    for (int i = 0; i < n; i++) scanf("%lld %lld %lld", &g[i].s, &g[i].e, &g[i].p);
    long long pay, cnt;
    best_plan(g, n, &pay, &cnt);
    printf("%lld %lld\n", pay, cnt);
    free(g);
    return 0;
}
