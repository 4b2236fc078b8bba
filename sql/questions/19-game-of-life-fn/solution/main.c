/**
 * Return an array of *returnSize rows; set *returnColumnSizes to an array
 * with the length of each row.
 * Note: the returned array, each row and *returnColumnSizes must be malloc'd;
 * the caller frees them.
 */
bool** nextGeneration(bool** board, int boardSize, int* boardColSize, bool wrap, int* returnSize, int** returnColumnSizes) {
    int rows = boardSize, cols = boardColSize[0];
    bool **next = malloc(rows * sizeof(bool *));

    *returnColumnSizes = malloc(rows * sizeof(int));
    for (int r = 0; r < rows; r++) {
        next[r] = malloc(cols * sizeof(bool));
        (*returnColumnSizes)[r] = cols;
        for (int c = 0; c < cols; c++) {
            int alive = 0;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int rr = r + dr, cc = c + dc;
                    if (!dr && !dc)
                        continue;
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
    *returnSize = rows;
    return next;
}
