#include <bits/stdc++.h>
using namespace std;

struct Alliances {
    vector<int> parent, sz;
    int count;
    explicit Alliances(int n) : parent(n + 1), sz(n + 1, 1), count(n) {
        iota(parent.begin(), parent.end(), 0);
    }
    int find(int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }
        return root;
    }
    void join(int a, int b) {
        a = find(a); b = find(b);
        if (a == b) return;
        if (sz[a] < sz[b]) swap(a, b);
        parent[b] = a;
        sz[a] += sz[b];
        count--;
    }
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
        else if (op == 'Q') { cin >> a >> b; out += al.find(a) == al.find(b) ? "YES\n" : "NO\n"; }
        else if (op == 'S') { cin >> a; out += to_string(al.sz[al.find(a)]) + "\n"; }
        else out += to_string(al.count) + "\n";
    }
    cout << out;
    return 0;
}
