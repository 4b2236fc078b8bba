class Solution {
public:
    bool canCarry(vector<long long>& weights, long long capacity, long long rafts) {
        vector<long long> w = weights;
        sort(w.begin(), w.end());
        long long i = 0, j = (long long)w.size() - 1, needed = 0;
        while (i <= j) {
            if (i < j && w[i] + w[j] <= capacity) i++;
            j--;
            needed++;
        }
        return needed <= rafts;
    }
};
