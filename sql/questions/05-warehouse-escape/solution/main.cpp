#include <bits/stdc++.h>
using namespace std;

int escapeTime(int r, int c, const vector<string>& g) {
    vector<int> dist(r * c, -1);
    vector<int> q;
    q.reserve(r * c);
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++)
            if (g[i][j] == 'S') { dist[i * c + j] = 0; q.push_back(i * c + j); }
    const int dy[] = {-1, 1, 0, 0}, dx[] = {0, 0, -1, 1};
    for (size_t h = 0; h < q.size(); h++) {
        int cur = q[h], y = cur / c, x = cur % c;
        if (g[y][x] == 'E') return dist[cur];
        for (int k = 0; k < 4; k++) {
            int ny = y + dy[k], nx = x + dx[k];
            if (ny < 0 || ny >= r || nx < 0 || nx >= c || g[ny][nx] == '#') continue;
            int nxt = ny * c + nx;
            if (dist[nxt] >= 0) continue;
            dist[nxt] = dist[cur] + 1;
            q.push_back(nxt);
        }
    }
    return -1;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<string> g(r);
    for (auto& row : g) cin >> row;
    cout << escapeTime(r, c, g) << "\n";
    return 0;
}
