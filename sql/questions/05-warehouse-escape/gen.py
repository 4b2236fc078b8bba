#!/usr/bin/python3
"""Deterministic test generator for 05-warehouse-escape (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, rows):
    r, c = len(rows), len(rows[0])
    assert 1 <= r <= 500 and 1 <= c <= 500 and r * c >= 2
    assert all(len(x) == c for x in rows)
    assert sum(x.count("S") for x in rows) == 1 and sum(x.count("E") for x in rows) >= 1
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d %d\n%s\n" % (r, c, "\n".join(rows)))


def put(grid, r, c, ch):
    grid[r][c] = ch


def main():
    rng = random.Random(2024_05)
    write("01", ["S..#.", ".#...", ".#.#E", "...#."])
    write("02", ["S#E", "##.", "..."])
    write("03", ["SE"])                                   # minimum grid
    # S boxed in by shelves, exits everywhere else
    g = [["E"] * 7 for _ in range(7)]
    for r in range(2, 5):
        for c in range(2, 5):
            g[r][c] = "#"
    g[3][3] = "S"
    write("04", ["".join(x) for x in g])
    # open floor, exit in the opposite corner
    g = [["."] * 500 for _ in range(200)]
    g[0][0] = "S"
    g[199][499] = "E"
    write("05", ["".join(x) for x in g])
    # serpentine maze: very long single path
    g = [["."] * 500 for _ in range(500)]
    for r in range(1, 500, 2):
        for c in range(500):
            g[r][c] = "#"
        g[r][499 if (r // 2) % 2 == 0 else 0] = "."
    g[0][0] = "S"
    g[499][0] = "E"  # row 499 is a shelf row whose gap is at column 0
    write("06", ["".join(x) for x in g])
    # random shelves, a few exits; nearest exit is not the first one found row-wise
    g = [["#" if rng.random() < 0.3 else "." for _ in range(500)] for _ in range(300)]
    g[150][250] = "S"
    for _ in range(6):
        g[rng.randrange(300)][rng.randrange(500)] = "E"
    write("07", ["".join(x) for x in g])
    # single row corridor
    row = ["."] * 500
    row[137] = "S"
    row[0] = "E"
    row[499] = "E"
    write("08", ["".join(row)])
    # single column, exit cut off by a shelf
    col = ["."] * 500
    col[0] = "S"
    col[300] = "#"
    col[499] = "E"
    write("09", col)


if __name__ == "__main__":
    main()
