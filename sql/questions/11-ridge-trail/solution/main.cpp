#include <bits/stdc++.h>
using namespace std;

// Fewest steps from the top-left to the bottom-right cell using only moves
// whose height difference is at most limit; -1 if impossible.
int bfsSteps(int r, int c, const vector<int>& h, int limit) {
    int n = r * c;
    vector<int> dist(n, -1), q;
    q.reserve(n);
    dist[0] = 0;
    q.push_back(0);
    for (size_t head = 0; head < q.size(); head++) {
        int cur = q[head];
        if (cur == n - 1) return dist[cur];
        int x = cur % c;
        int cand[4] = {cur - c, cur + c, x > 0 ? cur - 1 : -1, x < c - 1 ? cur + 1 : -1};
        for (int nxt : cand) {
            if (nxt < 0 || nxt >= n || dist[nxt] >= 0 || abs(h[nxt] - h[cur]) > limit) continue;
            dist[nxt] = dist[cur] + 1;
            q.push_back(nxt);
        }
    }
    return -1;
}

pair<int, int> ridgeTrail(int r, int c, const vector<int>& h) {
    int lo = 0, hi = *max_element(h.begin(), h.end()) - *min_element(h.begin(), h.end());
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (bfsSteps(r, c, h, mid) >= 0) hi = mid; else lo = mid + 1;
    }
    return {lo, bfsSteps(r, c, h, lo)};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<int> h(r * c);
    for (auto& x : h) cin >> x;
    auto [e, s] = ridgeTrail(r, c, h);
    cout << e << " " << s << "\n";
    return 0;
}
