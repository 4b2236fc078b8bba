#include <bits/stdc++.h>
using namespace std;

// ===== YOUR SOLUTION HERE =====
// k: how many words to report; text: the whole document.
// Return (word, count) pairs in the required order.
vector<pair<string, int>> topWords(int k, const string& text) {
    return {{"todo", 0}};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string first;
    getline(cin, first);
    int k = stoi(first);
    stringstream ss;
    ss << cin.rdbuf();
    string text = ss.str();
    string out;
    for (auto& wc : topWords(k, text)) out += wc.first + " " + to_string(wc.second) + "\n";
    cout << out;
    return 0;
}
