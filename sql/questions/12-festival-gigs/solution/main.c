#include <stdio.h>
#include <stdlib.h>

typedef struct { long long s, e, p; } Gig;

static int cmp_end(const void *a, const void *b) {
    long long x = ((const Gig *)a)->e, y = ((const Gig *)b)->e;
    return (x > y) - (x < y);
}

/* Stores the max total pay in *best_pay and the min number of gigs in *best_cnt. */
static void best_plan(Gig *g, int n, long long *best_pay, long long *best_cnt) {
    qsort(g, n, sizeof(Gig), cmp_end);
    long long *pay = calloc(n + 1, sizeof(long long)), *cnt = calloc(n + 1, sizeof(long long));
    for (int i = 0; i < n; i++) {
        int lo = 0, hi = i;  /* number of the first i gigs ending at or before g[i].s */
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (g[mid].e <= g[i].s) lo = mid + 1; else hi = mid;
        }
        long long tp = pay[lo] + g[i].p, tc = cnt[lo] + 1;
        if (tp > pay[i] || (tp == pay[i] && tc < cnt[i])) { pay[i + 1] = tp; cnt[i + 1] = tc; }
        else { pay[i + 1] = pay[i]; cnt[i + 1] = cnt[i]; }
    }
    *best_pay = pay[n];
    *best_cnt = cnt[n];
    free(pay);
    free(cnt);
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
