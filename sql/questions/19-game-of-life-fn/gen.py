#!/usr/bin/python3
"""Deterministic test generator for 19-game-of-life-fn (writes tests/*.in and tests/*.out)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def next_generation(board, wrap):
    rows, cols = len(board), len(board[0])
    out = []
    for r in range(rows):
        row = []
        for c in range(cols):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr == 0 and dc == 0:
                        continue
                    rr, cc = r + dr, c + dc
                    if wrap:
                        rr, cc = rr % rows, cc % cols
                    elif not (0 <= rr < rows and 0 <= cc < cols):
                        continue
                    n += board[rr][cc]
            row.append(n == 3 or (board[r][c] and n == 2))
        out.append(row)
    return out


def grid(text):
    return [[ch == "#" for ch in line] for line in text.split()]


def write(name, board, wrap):
    assert 1 <= len(board) <= 200 and all(1 <= len(r) == len(board[0]) <= 200 for r in board)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write(json.dumps({"board": board, "wrap": wrap}) + "\n")
    with open(os.path.join(HERE, "tests", name + ".out"), "w") as f:
        f.write(json.dumps(next_generation(board, wrap)) + "\n")


def main():
    rng = random.Random(2024_19)
    write("01", grid(".... .##. .#.. ...."), False)             # a block, one cell short
    write("02", grid("..... ..#.. ..#.. ..#.. ....."), False)   # a blinker
    write("03", grid("#..# .... .... #..#"), True)              # corners meet when wrapped
    write("04", grid("#..# .... .... #..#"), False)             # and die when not
    write("05", [[True]], True)                                 # one cell is its own neighbour 8 times
    write("06", grid("##.## #...# .#.#."), True)                # small: every cell sees across the edges
    write("07", [[rng.random() < 0.35 for _ in range(100)] for _ in range(100)], False)
    write("08", [[rng.random() < 0.5 for _ in range(77)] for _ in range(45)], True)
    write("09", [[rng.random() < 0.3 for _ in range(200)]], True)  # one row, wrapped
    write("10", [[rng.random() < 0.4] for _ in range(150)], False)  # one column


if __name__ == "__main__":
    main()
