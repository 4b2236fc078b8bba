#!/usr/bin/python3
"""Deterministic test generator for 21-polygon-area-fn (writes tests/*.in and tests/*.out)."""
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def area(points):
    n = len(points)
    return abs(math.fsum(points[i][0] * points[(i + 1) % n][1] - points[(i + 1) % n][0] * points[i][1]
                         for i in range(n))) / 2


def write(name, points):
    assert 3 <= len(points) <= 10**4 and all(len(p) == 2 for p in points)
    assert all(abs(v) <= 10**4 for p in points for v in p)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write(json.dumps({"points": points}) + "\n")
    with open(os.path.join(HERE, "tests", name + ".out"), "w") as f:
        f.write(json.dumps(area(points)) + "\n")


def star(rng, n, cx, cy, rmin, rmax):
    """A simple polygon: vertices by increasing angle around (cx, cy)."""
    angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(n))
    return [[round(cx + r * math.cos(a), 3), round(cy + r * math.sin(a), 3)]
            for a, r in ((a, rng.uniform(rmin, rmax)) for a in angles)]


def main():
    rng = random.Random(2024_21)
    write("01", [[0, 0], [4, 0], [4, 3], [0, 3]])
    write("02", [[0, 0], [2, 4], [4, 0], [2, 1]])          # an arrowhead, not convex
    write("03", [[0, 0], [1, 0], [0, 1]])                  # the smallest: a triangle
    write("04", [[1.5, 1.5], [1.5, -0.5], [-2.25, -0.5]])  # clockwise
    write("05", [[-10000, -10000], [10000, -10000], [10000, 10000], [-10000, 10000]])
    write("06", [[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3]])  # a C
    write("07", star(rng, 1000, 12.5, -40.25, 10, 500))
    write("08", star(rng, 3000, 0, 0, 9000, 9999)[::-1])   # clockwise, many vertices
    write("09", [[0.001, 0.001], [0.002, 0.001], [0.002, 0.003]])  # tiny


if __name__ == "__main__":
    main()
