#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// ins, del, rep: costs of insert, delete and replace.
// Return the minimum cost of turning s into t.
long long typoCost(long long ins, long long del, long long rep, const string& s, const string& t) {
    return 0;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    long long ins, del, rep;
    string s, t;
    cin >> ins >> del >> rep >> s >> t;
    cout << typoCost(ins, del, rep, s, t) << "\n";
    return 0;
}
