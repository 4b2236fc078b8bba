#include <stdio.h>
#include <stdlib.h>

/* ===== YOUR SOLUTION HERE =====
 * a: the n readings. Fill out[0..3] with min, max, sum, above. */
static void solve(const long long *a, int n, long long out[4]) {
    (void)a; (void)n;
    out[0] = out[1] = out[2] = out[3] = 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long *a = malloc(sizeof(long long) * n);
    for (int i = 0; i < n; i++) scanf("%lld", &a[i]);
    long long r[4];
    solve(a, n, r);
    printf("%lld %lld %lld %lld\n", r[0], r[1], r[2], r[3]);
    free(a);
    return 0;
}
