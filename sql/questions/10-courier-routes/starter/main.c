#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

#define MOD 1000000007LL

/* ===== YOUR SOLUTION HERE =====
 * Street j joins eu[j] and ev[j] and takes ew[j] seconds.
 * Return 0 if N is unreachable, otherwise 1 and set *D and *routes (mod MOD). */
static int fastest_routes(int n, int m, const int *eu, const int *ev, const long long *ew,
                          long long *D, long long *routes) {
    (void)n; (void)m; (void)eu; (void)ev; (void)ew; (void)D; (void)routes;
    return 0;
}

int main(void) {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    int *eu = malloc(sizeof(int) * m), *ev = malloc(sizeof(int) * m);
    long long *ew = malloc(sizeof(long long) * m);
    for (int j = 0; j < m; j++) scanf("%d %d %lld", &eu[j], &ev[j], &ew[j]);
    long long D, routes;
    if (fastest_routes(n, m, eu, ev, ew, &D, &routes)) printf("%lld %lld\n", D, routes);
    else printf("-1\n");
    free(eu); free(ev); free(ew);
    return 0;
}
