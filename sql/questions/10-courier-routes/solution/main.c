#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

#define MOD 1000000007LL

typedef struct { long long d; int v; } Item;

static Item *heap;
static int heap_size;

static void heap_push(long long d, int v) {
    int i = heap_size++;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (heap[p].d <= d) break;
        heap[i] = heap[p];
        i = p;
    }
    heap[i].d = d;
    heap[i].v = v;
}

static Item heap_pop(void) {
    Item top = heap[0], last = heap[--heap_size];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= heap_size) break;
        if (c + 1 < heap_size && heap[c + 1].d < heap[c].d) c++;
        if (heap[c].d >= last.d) break;
        heap[i] = heap[c];
        i = c;
    }
    if (heap_size > 0) heap[i] = last;
    return top;
}

/* Returns 0 if N is unreachable, otherwise 1 and fills *D and *routes. */
static int fastest_routes(int n, int m, const int *eu, const int *ev, const long long *ew,
                          long long *D, long long *routes) {
    int *head = malloc(sizeof(int) * (n + 1)), *next = malloc(sizeof(int) * 2 * m), *to = malloc(sizeof(int) * 2 * m);
    long long *wt = malloc(sizeof(long long) * 2 * m);
    for (int i = 0; i <= n; i++) head[i] = -1;
    for (int j = 0; j < m; j++) {
        to[2 * j] = ev[j]; wt[2 * j] = ew[j]; next[2 * j] = head[eu[j]]; head[eu[j]] = 2 * j;
        to[2 * j + 1] = eu[j]; wt[2 * j + 1] = ew[j]; next[2 * j + 1] = head[ev[j]]; head[ev[j]] = 2 * j + 1;
    }
    long long *dist = malloc(sizeof(long long) * (n + 1)), *ways = calloc(n + 1, sizeof(long long));
    for (int i = 0; i <= n; i++) dist[i] = LLONG_MAX;
    heap = malloc(sizeof(Item) * (2 * m + 2));
    heap_size = 0;
    dist[1] = 0;
    ways[1] = 1;
    heap_push(0, 1);
    while (heap_size > 0) {
        Item it = heap_pop();
        int u = it.v;
        if (it.d > dist[u]) continue;
        for (int e = head[u]; e != -1; e = next[e]) {
            int v = to[e];
            long long nd = it.d + wt[e];
            if (nd < dist[v]) {
                dist[v] = nd;
                ways[v] = ways[u];
                heap_push(nd, v);
            } else if (nd == dist[v]) {
                ways[v] = (ways[v] + ways[u]) % MOD;
            }
        }
    }
    int ok = dist[n] != LLONG_MAX;
    if (ok) { *D = dist[n]; *routes = ways[n]; }
    free(head); free(next); free(to); free(wt); free(dist); free(ways); free(heap);
    return ok;
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
