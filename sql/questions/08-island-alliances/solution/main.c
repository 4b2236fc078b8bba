#include <stdio.h>
#include <stdlib.h>

static int *parent, *sz, count;

static int find(int x) {
    int root = x;
    while (parent[root] != root) root = parent[root];
    while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }
    return root;
}

static void join(int a, int b) {
    a = find(a); b = find(b);
    if (a == b) return;
    if (sz[a] < sz[b]) { int t = a; a = b; b = t; }
    parent[b] = a;
    sz[a] += sz[b];
    count--;
}

int main(void) {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    parent = malloc(sizeof(int) * (n + 1));
    sz = malloc(sizeof(int) * (n + 1));
    for (int i = 0; i <= n; i++) { parent[i] = i; sz[i] = 1; }
    count = n;
    for (int i = 0; i < q; i++) {
        char op[4];
        int a, b;
        scanf("%3s", op);
        if (op[0] == 'J') { scanf("%d %d", &a, &b); join(a, b); }
        else if (op[0] == 'Q') { scanf("%d %d", &a, &b); puts(find(a) == find(b) ? "YES" : "NO"); }
        else if (op[0] == 'S') { scanf("%d", &a); printf("%d\n", sz[find(a)]); }
        else printf("%d\n", count);
    }
    free(parent);
    free(sz);
    return 0;
}
