#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 2000

static char s[MAXLEN + 2], t[MAXLEN + 2];

static long long typo_cost(long long ins, long long del, long long rep, const char *s, const char *t) {
    int n = (int)strlen(s), m = (int)strlen(t);
    long long *prev = malloc(sizeof(long long) * (m + 1));
    long long *cur = malloc(sizeof(long long) * (m + 1));
    for (int j = 0; j <= m; j++) prev[j] = j * ins;
    for (int i = 1; i <= n; i++) {
        cur[0] = i * del;
        for (int j = 1; j <= m; j++) {
            long long v = prev[j - 1] + (s[i - 1] == t[j - 1] ? 0 : rep);
            if (prev[j] + del < v) v = prev[j] + del;
            if (cur[j - 1] + ins < v) v = cur[j - 1] + ins;
            cur[j] = v;
        }
        long long *tmp = prev; prev = cur; cur = tmp;
    }
    long long ans = prev[m];
    free(prev);
    free(cur);
    return ans;
}

int main(void) {
    long long ins, del, rep;
    if (scanf("%lld %lld %lld", &ins, &del, &rep) != 3) return 0;
    if (scanf("%2001s %2001s", s, t) != 2) return 0;
    printf("%lld\n", typo_cost(ins, del, rep, s, t));
    return 0;
}
