#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// h: the r*c elevations in row-major order (cell (i, j) is h[i * c + j]).
// Return {E, S}.
pair<int, int> ridgeTrail(int r, int c, const vector<int>& h) {
    return {0, 0};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<int> h(r * c);
    for (auto& x : h) cin >> x;
    auto [e, s] = ridgeTrail(r, c, h);
    cout << e << " " << s << "\n";
    return 0;
}
