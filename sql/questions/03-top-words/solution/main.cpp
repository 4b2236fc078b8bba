#include <bits/stdc++.h>
using namespace std;

vector<pair<string, int>> topWords(int k, const string& text) {
    unordered_map<string, int> counts;
    size_t i = 0, n = text.size();
    while (i < n) {
        if (!isalpha((unsigned char)text[i])) { i++; continue; }
        size_t j = i;
        string w;
        while (j < n && isalpha((unsigned char)text[j])) w += (char)tolower((unsigned char)text[j++]);
        counts[w]++;
        i = j;
    }
    vector<pair<string, int>> v(counts.begin(), counts.end());
    sort(v.begin(), v.end(), [](const pair<string, int>& a, const pair<string, int>& b) {
        if (a.second != b.second) return a.second > b.second;
        return a.first < b.first;
    });
    if ((int)v.size() > k) v.resize(k);
    return v;
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
