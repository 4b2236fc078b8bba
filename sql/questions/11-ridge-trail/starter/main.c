#include <stdio.h>
#include <stdlib.h>

/* ===== YOUR SOLUTION HERE =====
 * h: the r*c elevations in row-major order (cell (i, j) is h[i * c + j]).
 * Store the answer in *e and *s. */
static void ridge_trail(int r, int c, const int *h, int *e, int *s) {
    (void)r; (void)c; (void)h;
    *e = 0;
    *s = 0;
}

int main(void) {
    int r, c;
    if (scanf("%d %d", &r, &c) != 2) return 0;
    int *h = malloc(sizeof(int) * r * c);
    for (int i = 0; i < r * c; i++) scanf("%d", &h[i]);
    int e, s;
    ridge_trail(r, c, h, &e, &s);
    printf("%d %d\n", e, s);
    free(h);
    return 0;
}
