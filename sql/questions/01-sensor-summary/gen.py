#!/usr/bin/python3
"""Deterministic test generator for 01-sensor-summary (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXV = 10**9


def write(name, values):
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d\n%s\n" % (len(values), " ".join(map(str, values))))


def main():
    rng = random.Random(2024_01)
    write("01", [3, -1, 4, 1, 5])
    write("02", [MAXV, -MAXV, MAXV, 0, 7, 7])
    write("03", [5])                                  # minimum size
    write("04", [-MAXV])                              # minimum size, extreme value
    write("05", [42] * 7)                             # all equal -> nobody above
    write("06", [rng.randint(-MAXV, MAXV) for _ in range(30000)])  # large random
    write("07", [MAXV] * 5000 + [MAXV - 1])          # huge sum, only the last is below
    vals = [rng.randint(-5, 5) for _ in range(999)]
    vals.append(-sum(vals))                           # integer average 0, many ties
    write("08", vals)
    write("09", [-MAXV, MAXV])                        # sum 0


if __name__ == "__main__":
    main()
