#include <stdio.h>
#include <stdlib.h>

static int r, c, *h, *dist, *q;

/* Fewest steps from the top-left to the bottom-right cell using only moves
 * whose height difference is at most limit; -1 if impossible. */
static int bfs_steps(int limit) {
    int n = r * c, head = 0, tail = 0;
    for (int i = 0; i < n; i++) dist[i] = -1;
    dist[0] = 0;
    q[tail++] = 0;
    while (head < tail) {
        int cur = q[head++];
        if (cur == n - 1) return dist[cur];
        int x = cur % c;
        int cand[4] = {cur - c, cur + c, x > 0 ? cur - 1 : -1, x < c - 1 ? cur + 1 : -1};
        for (int k = 0; k < 4; k++) {
            int nxt = cand[k];
            if (nxt < 0 || nxt >= n || dist[nxt] >= 0 || abs(h[nxt] - h[cur]) > limit) continue;
            dist[nxt] = dist[cur] + 1;
            q[tail++] = nxt;
        }
    }
    return -1;
}

static void ridge_trail(int *e, int *s) {
    int mn = h[0], mx = h[0];
    for (int i = 0; i < r * c; i++) {
        if (h[i] < mn) mn = h[i];
        if (h[i] > mx) mx = h[i];
    }
    int lo = 0, hi = mx - mn;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (bfs_steps(mid) >= 0) hi = mid; else lo = mid + 1;
    }
    *e = lo;
    *s = bfs_steps(lo);
}

int main(void) {
    if (scanf("%d %d", &r, &c) != 2) return 0;
    h = malloc(sizeof(int) * r * c);
    dist = malloc(sizeof(int) * r * c);
    q = malloc(sizeof(int) * r * c);
    for (int i = 0; i < r * c; i++) scanf("%d", &h[i]);
    int e, s;
    ridge_trail(&e, &s);
    printf("%d %d\n", e, s);
    free(h); free(dist); free(q);
    return 0;
}
