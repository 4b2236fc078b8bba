#include <stdio.h>
#include <stdlib.h>

static int tallest_tower(const int *w, int n) {
    int *tails = malloc(sizeof(int) * n);
    int len = 0;
    for (int i = 0; i < n; i++) {
        int v = -w[i], lo = 0, hi = len;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (tails[mid] < v) lo = mid + 1; else hi = mid;
        }
        tails[lo] = v;
        if (lo == len) len++;
    }
    free(tails);
    return len;
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
