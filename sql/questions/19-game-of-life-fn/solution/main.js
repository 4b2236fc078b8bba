/**
 * @param {boolean[][]} board
 * @param {boolean} wrap
 * @return {boolean[][]}
 */
function nextGeneration(board, wrap) {
    const rows = board.length, cols = board[0].length;
    const next = [];
    for (let r = 0; r < rows; r++) {
        const row = [];
        for (let c = 0; c < cols; c++) {
            let alive = 0;
            for (let dr = -1; dr <= 1; dr++) {
                for (let dc = -1; dc <= 1; dc++) {
                    if (!dr && !dc) continue;
                    let rr = r + dr, cc = c + dc;
                    if (wrap) {
                        rr = (rr + rows) % rows;
                        cc = (cc + cols) % cols;
                    } else if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) {
                        continue;
                    }
                    if (board[rr][cc]) alive++;
                }
            }
            row.push(alive === 3 || (board[r][c] && alive === 2));
        }
        next.push(row);
    }
    return next;
}
