#!/usr/bin/python3
"""Deterministic test generator for 04-river-rafts (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXC = 2 * 10**9


def write(name, c, w):
    assert 1 <= len(w) <= 20000 and 1 <= c <= MAXC and all(1 <= x <= c for x in w)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d %d\n%s\n" % (len(w), c, " ".join(map(str, w))))


def main():
    rng = random.Random(2024_04)
    write("01", 100, [30, 70, 50, 60])
    write("02", 10, [10, 1, 9, 5, 5])
    write("03", 1, [1])                                     # minimum
    write("04", MAXC, [MAXC] * 9)                           # nobody can share
    write("05", MAXC, [1] * 19999)                          # odd count, everyone pairs
    write("06", MAXC, [rng.randint(1, MAXC) for _ in range(20000)])   # large random
    # 32-bit overflow trap: pairs of heavy tourists whose sum wraps negative
    heavy = [rng.randint(1_100_000_000, MAXC) for _ in range(500)]
    light = [rng.randint(1, 900_000_000) for _ in range(300)]
    w = heavy + light
    rng.shuffle(w)
    write("07", MAXC, w)
    # large, many weights around C/2 (exactly fitting and just-too-heavy pairs)
    c = 1_999_999_999
    w = [c // 2 + rng.choice([-1, 0, 1, 2]) for _ in range(5000)]
    w += [rng.randint(1, c) for _ in range(5000)]
    rng.shuffle(w)
    write("08", c, w)
    write("09", 50, [rng.randint(1, 50) for _ in range(300)])  # small random


if __name__ == "__main__":
    main()
