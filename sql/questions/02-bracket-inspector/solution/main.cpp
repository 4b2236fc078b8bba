#include <bits/stdc++.h>
using namespace std;

string inspect(const string& s) {
    static const string OPEN = "([{<", CLOSE = ")]}>";
    vector<int> st;
    for (int i = 0; i < (int)s.size(); i++) {
        size_t k = OPEN.find(s[i]);
        if (k != string::npos) {
            st.push_back(i);
        } else {
            size_t want = CLOSE.find(s[i]);
            if (st.empty() || OPEN.find(s[st.back()]) != want) return "ERROR " + to_string(i + 1);
            st.pop_back();
        }
    }
    if (!st.empty()) return "ERROR " + to_string(st[0] + 1);
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
