#!/usr/bin/python3
"""Deterministic test generator for 06-room-bookings (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXT = 10**9


def write(name, iv):
    assert 1 <= len(iv) <= 20000 and all(0 <= s < e <= MAXT for s, e in iv)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d\n" % len(iv))
        f.write("".join("%d %d\n" % p for p in iv))


def main():
    rng = random.Random(2024_06)
    write("01", [(1, 3), (2, 6), (8, 10), (10, 12), (15, 18)])
    write("02", [(5, 9), (1, 10), (3, 4), (3, 7)])
    write("03", [(0, MAXT)])                               # minimum, extreme values
    write("04", [(7, 9)] * 5 + [(9, 11)])                  # identical bookings + touching
    iv = []
    for _ in range(300):                                   # small random, lots of coincidences
        s = rng.randint(0, 500)
        iv.append((s, s + rng.randint(1, 8)))
    write("05", iv)
    iv = []
    for _ in range(20000):                                 # large random
        s = rng.randint(0, MAXT - 1)
        iv.append((s, min(MAXT, s + rng.randint(1, 200000))))
    write("06", iv)
    iv = [(i, 10000 - i) for i in range(5000)]            # fully nested: peak N
    rng.shuffle(iv)
    write("07", iv)
    iv = [(i * 3, i * 3 + 3) for i in range(5000)]   # touching chain: 1 block, peak 1
    rng.shuffle(iv)
    write("08", iv)
    write("09", [(999999999, MAXT), (0, 1), (1, 2), (0, MAXT), (500, 600), (600, 601)])


if __name__ == "__main__":
    main()
