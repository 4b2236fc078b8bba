#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// c: raft capacity; w: the N tourist weights. Return the minimum number of rafts.
int minRafts(long long c, vector<long long> w) {
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long c;
    cin >> n >> c;
    vector<long long> w(n);
    for (auto& x : w) cin >> x;
    cout << minRafts(c, w) << "\n";
    return 0;
}
