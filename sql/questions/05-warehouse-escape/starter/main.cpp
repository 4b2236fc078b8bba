#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// g: R rows of C characters. Return the minimum number of moves to an exit, or -1.
int escapeTime(int r, int c, const vector<string>& g) {
    return -1;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<string> g(r);
    for (auto& row : g) cin >> row;
    cout << escapeTime(r, c, g) << "\n";
    return 0;
}
