#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// Implement the four operations for islands numbered 1..n.
struct Alliances {
    int n;
    explicit Alliances(int n) : n(n) {}
    void join(int a, int b) {}
    bool same(int a, int b) { return false; }
    int size(int a) { return 1; }
    int count() { return n; }
};

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    Alliances al(n);
    string out;
    for (int i = 0; i < q; i++) {
        char op;
        cin >> op;
        int a, b;
        if (op == 'J') { cin >> a >> b; al.join(a, b); }
        else if (op == 'Q') { cin >> a >> b; out += al.same(a, b) ? "YES\n" : "NO\n"; }
        else if (op == 'S') { cin >> a; out += to_string(al.size(a)) + "\n"; }
        else out += to_string(al.count()) + "\n";
    }
    cout << out;
    return 0;
}
