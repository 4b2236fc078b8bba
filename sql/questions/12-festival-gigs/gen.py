#!/usr/bin/python3
"""Deterministic test generator for 12-festival-gigs (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXT = 10**6
MAXP = 10**6


def write(name, gigs):
    assert 1 <= len(gigs) <= 20000
    assert all(0 <= s < e <= MAXT and 1 <= p <= MAXP for s, e, p in gigs)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d\n" % len(gigs))
        f.write("".join("%d %d %d\n" % g for g in gigs))


def main():
    rng = random.Random(2024_12)
    write("01", [(1, 4, 5), (3, 6, 6), (4, 7, 5), (6, 9, 4), (1, 9, 10)])
    write("02", [(0, 10, 7), (10, 20, 7), (5, 15, 13)])
    write("03", [(0, MAXT, MAXP)])                                   # minimum
    write("04", [(500, 600, rng.randint(1, 1000)) for _ in range(50)])   # identical slots
    # back-to-back chain at max pay: 5000 * 10^6 overflows 32 bits
    gigs = [(i * 200, (i + 1) * 200, MAXP) for i in range(5000)]
    rng.shuffle(gigs)
    write("05", gigs)
    gigs = []
    for _ in range(20000):                                           # large random
        s = rng.randint(0, MAXT - 1)
        gigs.append((s, min(MAXT, s + rng.randint(1, 3000)), rng.randint(1, MAXP)))
    write("06", gigs)
    # pay proportional to length: huge number of equally paid plans, fewest gigs wins
    gigs = []
    for _ in range(5000):
        s = rng.randint(0, 20000)
        ln = rng.choice([1, 2, 3, 4, 6, 12])
        gigs.append((s, s + ln, 5 * ln))
    for s in range(0, 20012, 12):
        gigs.append((s, s + 12, 60))
    rng.shuffle(gigs)
    write("07", gigs)
    # one long gig versus many short ones with the same total
    gigs = [(0, 1000, 1000)] + [(i, i + 1, 1) for i in range(1000)]
    gigs += [(1000, 1500, 499), (1000, 1250, 250), (1250, 1500, 250), (1500, MAXT, 1)]
    rng.shuffle(gigs)
    write("08", gigs)
    gigs = []
    for _ in range(300):                                             # small random, small values
        s = rng.randint(0, 60)
        gigs.append((s, s + rng.randint(1, 10), rng.randint(1, 6)))
    write("09", gigs)


if __name__ == "__main__":
    main()
