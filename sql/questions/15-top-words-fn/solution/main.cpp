class Solution {
public:
    vector<string> topWords(string document, long long k) {
        unordered_map<string, int> counts;
        string word;
        for (size_t i = 0; i <= document.size(); i++) {
            char c = i < document.size() ? document[i] : ' ';
            if (isalpha((unsigned char)c)) {
                word += (char)tolower((unsigned char)c);
            } else if (!word.empty()) {
                counts[word]++;
                word.clear();
            }
        }
        vector<pair<int, string>> ranked;
        for (auto &wc : counts) ranked.push_back({-wc.second, wc.first});
        sort(ranked.begin(), ranked.end());
        vector<string> top;
        for (size_t i = 0; i < ranked.size() && (long long)i < k; i++) top.push_back(ranked[i].second);
        return top;
    }
};
