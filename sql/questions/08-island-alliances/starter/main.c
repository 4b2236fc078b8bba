#include <stdio.h>
#include <stdlib.h>

/* ===== YOUR SOLUTION HERE =====
 * Implement the four operations for islands numbered 1..n. */
static int n_islands;

static void init(int n) { n_islands = n; }
static void join(int a, int b) { (void)a; (void)b; }
static int same(int a, int b) { (void)a; (void)b; return 0; }
static int size_of(int a) { (void)a; return 1; }
static int count(void) { return n_islands; }

int main(void) {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    init(n);
    for (int i = 0; i < q; i++) {
        char op[4];
        int a, b;
        scanf("%3s", op);
        if (op[0] == 'J') { scanf("%d %d", &a, &b); join(a, b); }
        else if (op[0] == 'Q') { scanf("%d %d", &a, &b); puts(same(a, b) ? "YES" : "NO"); }
        else if (op[0] == 'S') { scanf("%d", &a); printf("%d\n", size_of(a)); }
        else printf("%d\n", count());
    }
    return 0;
}
