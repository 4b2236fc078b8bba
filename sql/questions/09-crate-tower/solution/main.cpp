#include <bits/stdc++.h>
using namespace std;

int tallestTower(const vector<int>& w) {
    vector<int> tails;
    for (int x : w) {
        auto it = lower_bound(tails.begin(), tails.end(), -x);
        if (it == tails.end()) tails.push_back(-x);
        else *it = -x;
    }
    return tails.size();
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
