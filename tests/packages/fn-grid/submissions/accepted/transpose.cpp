class Solution {
public:
    vector<vector<long long>> transpose(vector<vector<long long>>& grid) {
        vector<vector<long long>> t(grid[0].size(), vector<long long>(grid.size()));
        for (size_t i = 0; i < grid.size(); i++)
            for (size_t j = 0; j < grid[0].size(); j++)
                t[j][i] = grid[i][j];
        return t;
    }
};
