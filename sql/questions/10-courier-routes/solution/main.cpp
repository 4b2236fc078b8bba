#include <bits/stdc++.h>
using namespace std;

const long long MOD = 1000000007LL;

// Returns false if N is unreachable; otherwise fills dist and routes.
bool fastestRoutes(int n, const vector<array<long long, 3>>& edges, long long& D, long long& routes) {
    vector<vector<pair<int, long long>>> adj(n + 1);
    for (auto& e : edges) {
        adj[e[0]].push_back({(int)e[1], e[2]});
        adj[e[1]].push_back({(int)e[0], e[2]});
    }
    const long long INF = LLONG_MAX;
    vector<long long> dist(n + 1, INF), ways(n + 1, 0);
    dist[1] = 0;
    ways[1] = 1;
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> pq;
    pq.push({0, 1});
    while (!pq.empty()) {
        auto [d, u] = pq.top();
        pq.pop();
        if (d > dist[u]) continue;
        for (auto [v, w] : adj[u]) {
            long long nd = d + w;
            if (nd < dist[v]) {
                dist[v] = nd;
                ways[v] = ways[u];
                pq.push({nd, v});
            } else if (nd == dist[v]) {
                ways[v] = (ways[v] + ways[u]) % MOD;
            }
        }
    }
    if (dist[n] == INF) return false;
    D = dist[n];
    routes = ways[n];
    return true;
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
