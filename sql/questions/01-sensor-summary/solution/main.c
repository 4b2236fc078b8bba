#include <stdio.h>
#include <stdlib.h>

static void solve(const long long *a, int n, long long out[4]) {
    long long mn = a[0], mx = a[0], sum = 0, above = 0;
    for (int i = 0; i < n; i++) {
        if (a[i] < mn) mn = a[i];
        if (a[i] > mx) mx = a[i];
        sum += a[i];
    }
    for (int i = 0; i < n; i++)
        if (a[i] * (long long)n > sum) above++;
    out[0] = mn; out[1] = mx; out[2] = sum; out[3] = above;
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
