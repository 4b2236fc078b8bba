def nextGeneration(board: list[list[bool]], wrap: bool) -> list[list[bool]]:
    rows, cols = len(board), len(board[0])
    result = []
    for r in range(rows):
        row = []
        for c in range(cols):
            alive = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr or dc:
                        rr, cc = r + dr, c + dc
                        if wrap:
                            alive += board[rr % rows][cc % cols]
                        elif 0 <= rr < rows and 0 <= cc < cols:
                            alive += board[rr][cc]
            row.append(alive == 3 or (board[r][c] and alive == 2))
        result.append(row)
    return result
