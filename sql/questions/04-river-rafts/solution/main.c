#include <stdio.h>
#include <stdlib.h>

static int cmp_ll(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static int min_rafts(long long c, long long *w, int n) {
    qsort(w, n, sizeof(long long), cmp_ll);
    int i = 0, j = n - 1, rafts = 0;
    while (i <= j) {
        if (i < j && w[i] + w[j] <= c) i++;
        j--;
        rafts++;
    }
    return rafts;
}

int main(void) {
    int n;
    long long c;
    if (scanf("%d %lld", &n, &c) != 2) return 0;
    long long *w = malloc(sizeof(long long) * n);
    for (int i = 0; i < n; i++) scanf("%lld", &w[i]);
    printf("%d\n", min_rafts(c, w, n));
    free(w);
    return 0;
}
