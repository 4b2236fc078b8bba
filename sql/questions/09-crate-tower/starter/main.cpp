#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// w: the N crate weights in conveyor order.
// Return the maximum number of crates in a stable tower.
int tallestTower(const vector<int>& w) {
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> w(n);
    for (auto& x : w) cin >> x;
    cout << tallestTower(w) << "\n";
    return 0;
}
