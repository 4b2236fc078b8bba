#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 500

static char g[MAXN][MAXN + 2];

static int escape_time(int r, int c) {
    int n = r * c;
    int *dist = malloc(sizeof(int) * n);
    int *q = malloc(sizeof(int) * n);
    int head = 0, tail = 0, ans = -1;
    for (int i = 0; i < n; i++) dist[i] = -1;
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++)
            if (g[i][j] == 'S') { dist[i * c + j] = 0; q[tail++] = i * c + j; }
    static const int dy[] = {-1, 1, 0, 0}, dx[] = {0, 0, -1, 1};
    while (head < tail) {
        int cur = q[head++], y = cur / c, x = cur % c;
        if (g[y][x] == 'E') { ans = dist[cur]; break; }
        for (int k = 0; k < 4; k++) {
            int ny = y + dy[k], nx = x + dx[k];
            if (ny < 0 || ny >= r || nx < 0 || nx >= c || g[ny][nx] == '#') continue;
            int nxt = ny * c + nx;
            if (dist[nxt] >= 0) continue;
            dist[nxt] = dist[cur] + 1;
            q[tail++] = nxt;
        }
    }
    free(dist);
    free(q);
    return ans;
}

int main(void) {
    int r, c;
    if (scanf("%d %d", &r, &c) != 2) return 0;
    for (int i = 0; i < r; i++) scanf("%501s", g[i]);
    printf("%d\n", escape_time(r, c));
    return 0;
}
