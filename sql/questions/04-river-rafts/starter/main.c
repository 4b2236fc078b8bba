#include <stdio.h>
#include <stdlib.h>

/* ===== YOUR SOLUTION HERE =====
 * c: raft capacity; w: the n tourist weights. Return the minimum number of rafts. */
static int min_rafts(long long c, long long *w, int n) {
    (void)c; (void)w; (void)n;
    return 0;
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
