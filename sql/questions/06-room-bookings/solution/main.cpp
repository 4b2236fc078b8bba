#include <bits/stdc++.h>
using namespace std;

// Returns the merged blocks; stores the peak in `peak`.
vector<pair<long long, long long>> report(vector<pair<long long, long long>> b, int& peak) {
    int n = b.size();
    vector<long long> starts(n), ends(n);
    for (int i = 0; i < n; i++) { starts[i] = b[i].first; ends[i] = b[i].second; }
    sort(b.begin(), b.end());
    vector<pair<long long, long long>> blocks;
    for (auto& p : b) {
        if (!blocks.empty() && p.first <= blocks.back().second)
            blocks.back().second = max(blocks.back().second, p.second);
        else
            blocks.push_back(p);
    }
    sort(starts.begin(), starts.end());
    sort(ends.begin(), ends.end());
    int cur = 0, j = 0;
    peak = 0;
    for (int i = 0; i < n; i++) {
        while (ends[j] <= starts[i]) { j++; cur--; }
        cur++;
        peak = max(peak, cur);
    }
    return blocks;
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
