class Solution {
public:
    long long typoCost(string typed, string meant, long long insertCost, long long deleteCost, long long replaceCost) {
        size_t n = typed.size(), m = meant.size();
        vector<long long> prev(m + 1), cur(m + 1);
        for (size_t j = 0; j <= m; j++) prev[j] = (long long)j * insertCost;
        for (size_t i = 1; i <= n; i++) {
            cur[0] = (long long)i * deleteCost;
            for (size_t j = 1; j <= m; j++) {
                long long v = prev[j - 1] + (typed[i - 1] == meant[j - 1] ? 0 : replaceCost);
                v = min(v, prev[j] + deleteCost);
                v = min(v, cur[j - 1] + insertCost);
                cur[j] = v;
            }
            swap(prev, cur);
        }
        return prev[m];
    }
};
