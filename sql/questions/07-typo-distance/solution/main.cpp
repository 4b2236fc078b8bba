#include <bits/stdc++.h>
using namespace std;

long long typoCost(long long ins, long long del, long long rep, const string& s, const string& t) {
    int n = s.size(), m = t.size();
    vector<long long> prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; j++) prev[j] = j * ins;
    for (int i = 1; i <= n; i++) {
        cur[0] = i * del;
        for (int j = 1; j <= m; j++) {
            long long v = prev[j - 1] + (s[i - 1] == t[j - 1] ? 0 : rep);
            v = min(v, prev[j] + del);
            v = min(v, cur[j - 1] + ins);
            cur[j] = v;
        }
        swap(prev, cur);
    }
    return prev[m];
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
