#include <bits/stdc++.h>
using namespace std;

const long long MOD = 1000000007LL;

// ===== YOUR SOLUTION HERE =====
// edges[j] = {u, v, w}: a two-way street taking w seconds.
// Return false if N is unreachable; otherwise set D and routes (mod MOD).
bool fastestRoutes(int n, const vector<array<long long, 3>>& edges, long long& D, long long& routes) {
    return false;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<array<long long, 3>> edges(m);
    for (auto& e : edges) cin >> e[0] >> e[1] >> e[2];
    long long D, routes;
    if (fastestRoutes(n, edges, D, routes)) cout << D << " " << routes << "\n";
    else cout << -1 << "\n";
    return 0;
}
