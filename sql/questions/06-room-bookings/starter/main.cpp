#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// b: the bookings as half-open (start, end) ranges.
// Return the busy blocks in time order and store the peak in `peak`.
vector<pair<long long, long long>> report(vector<pair<long long, long long>> b, int& peak) {
    peak = 0;
    return {};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<long long, long long>> b(n);
    for (auto& p : b) cin >> p.first >> p.second;
    int peak;
    auto blocks = report(b, peak);
    string out = to_string(blocks.size()) + " " + to_string(peak) + "\n";
    for (auto& p : blocks) out += to_string(p.first) + " " + to_string(p.second) + "\n";
    cout << out;
    return 0;
}
