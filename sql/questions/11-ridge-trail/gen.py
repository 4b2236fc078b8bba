#!/usr/bin/python3
"""Deterministic test generator for 11-ridge-trail (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXH = 10**6


def write(name, grid):
    r, c = len(grid), len(grid[0])
    assert 1 <= r <= 200 and 1 <= c <= 200 and all(len(row) == c for row in grid)
    assert all(0 <= x <= MAXH for row in grid for x in row)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d %d\n" % (r, c))
        f.write("".join(" ".join(map(str, row)) + "\n" for row in grid))


def main():
    rng = random.Random(2024_11)
    write("01", [[10, 12, 30, 31], [14, 13, 29, 45], [40, 15, 17, 20]])
    write("02", [[1, 3, 3, 9, 2], [5, 5, 8, 3, 5], [3, 2, 1, 2, 5], [9, 9, 9, 8, 5]])
    write("03", [[MAXH]])                                            # 1 x 1: no moves at all
    write("04", [[rng.randint(0, MAXH) for _ in range(200)]])        # single row
    write("05", [[rng.randint(0, MAXH) for _ in range(120)] for _ in range(200)])   # large random
    # serpentine: noisy lowland split by huge ridges with alternating gaps; one
    # mountain pass in every ridge is a shortcut that needs a bit more effort
    g = [[rng.randint(0, 9) for _ in range(200)] for _ in range(200)]
    for r in range(2, 199, 4):
        for c in range(200):
            g[r][c] = rng.randint(MAXH - 1000, MAXH)
        g[r][199 if (r // 4) % 2 == 0 else 0] = rng.randint(0, 9)
        g[r][100] = 21
    write("06", g)
    write("07", [[7] * 200 for _ in range(150)])                     # flat: effort 0
    write("08", [[rng.randint(0, 3) for _ in range(200)] for _ in range(200)])      # many ties
    write("09", [[MAXH * ((r + c) % 2) for c in range(100)] for r in range(100)])   # checkerboard extremes
    write("10", [[rng.randint(MAXH - 50, MAXH)] for _ in range(200)])               # single column


if __name__ == "__main__":
    main()
