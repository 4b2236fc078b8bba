#include <bits/stdc++.h>
using namespace std;

string solve(const vector<long long>& a) {
    long long n = a.size();
    long long mn = LLONG_MAX, mx = LLONG_MIN, sum = 0;
    for (long long x : a) { mn = min(mn, x); mx = max(mx, x); sum += x; }
    long long above = 0;
    for (long long x : a) if (x * n > sum) above++;
    return to_string(mn) + " " + to_string(mx) + " " + to_string(sum) + " " + to_string(above);
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
