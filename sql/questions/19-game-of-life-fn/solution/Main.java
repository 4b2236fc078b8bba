public class Solution {
    public boolean[][] nextGeneration(boolean[][] board, boolean wrap) {
        int rows = board.length, cols = board[0].length;
        boolean[][] next = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int alive = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if (dr == 0 && dc == 0) continue;
                        int rr = r + dr, cc = c + dc;
                        if (wrap) {
                            rr = (rr + rows) % rows;
                            cc = (cc + cols) % cols;
                        } else if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) {
                            continue;
                        }
                        if (board[rr][cc]) alive++;
                    }
                }
                next[r][c] = alive == 3 || (board[r][c] && alive == 2);
            }
        }
        return next;
    }
}
