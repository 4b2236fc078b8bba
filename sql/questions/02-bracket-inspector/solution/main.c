#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEN 200005

static char buf[MAXLEN];
static int stk[MAXLEN];

static int kind(char c) {
    switch (c) {
        case '(': case ')': return 0;
        case '[': case ']': return 1;
        case '{': case '}': return 2;
        default: return 3;
    }
}

/* returns 0 for OK, otherwise the 1-based error position */
static int inspect(const char *s, int n) {
    int top = 0;
    for (int i = 0; i < n; i++) {
        char c = s[i];
        if (c == '(' || c == '[' || c == '{' || c == '<') {
            stk[top++] = i;
        } else {
            if (top == 0 || kind(s[stk[top - 1]]) != kind(c)) return i + 1;
            top--;
        }
    }
    return top > 0 ? stk[0] + 1 : 0;
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
