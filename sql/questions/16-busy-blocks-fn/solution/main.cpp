class Solution {
public:
    vector<vector<long long>> busyBlocks(vector<vector<long long>>& bookings) {
        sort(bookings.begin(), bookings.end());
        vector<vector<long long>> blocks;
        for (auto &b : bookings) {
            if (!blocks.empty() && b[0] <= blocks.back()[1])
                blocks.back()[1] = max(blocks.back()[1], b[1]);
            else
                blocks.push_back({b[0], b[1]});
        }
        return blocks;
    }
};
