#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// s: one harness string. Return "OK" or "ERROR p".
string inspect(const string& s) {
    return "OK";
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string s, out;
    for (int i = 0; i < t; i++) {
        cin >> s;
        out += inspect(s);
        out += '\n';
    }
    cout << out;
    return 0;
}
