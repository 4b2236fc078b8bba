#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// a: the N readings. Return "min max sum above".
string solve(const vector<long long>& a) {
    return "0 0 0 0";
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto& x : a) cin >> x;
    cout << solve(a) << "\n";
    return 0;
}
