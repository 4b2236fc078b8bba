#include <bits/stdc++.h>
using namespace std;

int minRafts(long long c, vector<long long> w) {
    sort(w.begin(), w.end());
    int i = 0, j = (int)w.size() - 1, rafts = 0;
    while (i <= j) {
        if (i < j && w[i] + w[j] <= c) i++;
        j--;
        rafts++;
    }
    return rafts;
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
