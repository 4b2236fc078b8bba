#include <stdio.h>
#include <stdlib.h>

/* ===== YOUR SOLUTION HERE =====
 * w: the n crate weights in conveyor order.
 * Return the maximum number of crates in a stable tower. */
static int tallest_tower(const int *w, int n) {
    (void)w; (void)n;
    return 0;
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    int *w = malloc(sizeof(int) * n);
    for (int i = 0; i < n; i++) scanf("%d", &w[i]);
    printf("%d\n", tallest_tower(w, n));
    free(w);
    return 0;
}
