#!/usr/bin/python3
"""Deterministic test generator for 09-crate-tower (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXW = 10**6


def write(name, w):
    assert 1 <= len(w) <= 30000 and all(1 <= x <= MAXW for x in w)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d\n%s\n" % (len(w), " ".join(map(str, w))))


def main():
    rng = random.Random(2024_09)
    write("01", [5, 3, 4, 8, 6, 2, 1, 7])
    write("02", [4, 4, 4, 4, 4])
    write("03", [MAXW])                                          # minimum
    write("04", list(range(1, 5001)))                           # increasing: answer 1
    write("05", [MAXW - 3 * i for i in range(10000)])            # decreasing: answer N
    write("06", [rng.randint(1, MAXW) for _ in range(30000)])    # large random
    write("07", [rng.randint(1, 10) for _ in range(20000)])      # heavy duplicates
    # staircase: decreasing runs that each start a bit lower, with noise
    w = []
    for block in range(100):
        top = MAXW - block * 500
        w.extend(top - 10 * k - rng.randint(0, 9) for k in range(100))
    write("08", w)
    # many equal plateaus in a decreasing trend: strictness matters
    w = []
    v = MAXW
    while len(w) < 10000:
        w.extend([v] * rng.randint(1, 5))
        v -= rng.choice([0, 1, 1, 2, 50])
    write("09", w[:10000])


if __name__ == "__main__":
    main()
