class Solution {
public:
    vector<vector<bool>> nextGeneration(vector<vector<bool>>& board, bool wrap) {
        int rows = board.size(), cols = board[0].size();
        vector<vector<bool>> next(rows, vector<bool>(cols));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int alive = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if (!dr && !dc) continue;
                        int rr = r + dr, cc = c + dc;
                        if (wrap) {
                            rr = (rr + rows) % rows;
                            cc = (cc + cols) % cols;
                        } else if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) {
                            continue;
                        }
                        alive += board[rr][cc];
                    }
                }
                next[r][c] = alive == 3 || (board[r][c] && alive == 2);
            }
        }
        return next;
    }
};
