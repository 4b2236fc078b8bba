#include <bits/stdc++.h>
using namespace std;

struct Gig { long long s, e, p; };

// ===== YOUR SOLUTION HERE =====
// gigs: the offers [s, e) paying p.
// Return {max total pay, min number of gigs achieving it}.
pair<long long, long long> bestPlan(vector<Gig> gigs) {
    return {0, 0};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<Gig> gigs(n);
    for (auto& g : gigs) cin >> g.s >> g.e >> g.p;
    auto [pay, cnt] = bestPlan(gigs);
    cout << pay << " " << cnt << "\n";
    return 0;
}
