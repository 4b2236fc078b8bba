#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 200005

static char buf[MAXLEN];

/* ===== YOUR SOLUTION HERE =====
 * s: one harness string of length n.
 * Return 0 if it is sound, otherwise the 1-based error position. */
static int inspect(const char *s, int n) {
    (void)s; (void)n;
    return 0;
}

int main(void) {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    for (int i = 0; i < t; i++) {
        if (scanf("%200004s", buf) != 1) break;
        int r = inspect(buf, (int)strlen(buf));
        if (r == 0) puts("OK");
        else printf("ERROR %d\n", r);
    }
    return 0;
}
