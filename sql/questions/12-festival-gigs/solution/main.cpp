#include <bits/stdc++.h>
using namespace std;

struct Gig { long long s, e, p; };

// Returns {max total pay, min number of gigs achieving it}.
pair<long long, long long> bestPlan(vector<Gig> gigs) {
    sort(gigs.begin(), gigs.end(), [](const Gig& a, const Gig& b) { return a.e < b.e; });
    int n = gigs.size();
    vector<long long> ends(n), pay(n + 1, 0), cnt(n + 1, 0);
    for (int i = 0; i < n; i++) ends[i] = gigs[i].e;
    for (int i = 0; i < n; i++) {
        int j = upper_bound(ends.begin(), ends.begin() + i, gigs[i].s) - ends.begin();
        long long tp = pay[j] + gigs[i].p, tc = cnt[j] + 1;
        if (tp > pay[i] || (tp == pay[i] && tc < cnt[i])) { pay[i + 1] = tp; cnt[i + 1] = tc; }
        else { pay[i + 1] = pay[i]; cnt[i + 1] = cnt[i]; }
    }
    return {pay[n], cnt[n]};
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
