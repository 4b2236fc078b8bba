#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 2000

static char s[MAXLEN + 2], t[MAXLEN + 2];

/* ===== YOUR SOLUTION HERE =====
 * ins, del, rep: costs of insert, delete and replace.
 * Return the minimum cost of turning s into t. */
static long long typo_cost(long long ins, long long del, long long rep, const char *s, const char *t) {
    (void)ins; (void)del; (void)rep; (void)s; (void)t;
    return 0;
}

int main(void) {
    long long ins, del, rep;
    if (scanf("%lld %lld %lld", &ins, &del, &rep) != 3) return 0;
    if (scanf("%2001s %2001s", s, t) != 2) return 0;
    printf("%lld\n", typo_cost(ins, del, rep, s, t));
    return 0;
}
