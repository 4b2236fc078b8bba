#!/usr/bin/python3
"""Deterministic test generator for 08-island-alliances (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, n, ops):
    assert 1 <= n <= 10**5 and 1 <= len(ops) <= 2 * 10**4
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d %d\n" % (n, len(ops)))
        f.write("".join(" ".join(map(str, op)) + "\n" for op in ops))


def random_ops(rng, n, q, pj=0.5, pq=0.25, ps=0.2):
    ops = []
    for _ in range(q):
        r = rng.random()
        if r < pj:
            ops.append(("J", rng.randint(1, n), rng.randint(1, n)))
        elif r < pj + pq:
            ops.append(("Q", rng.randint(1, n), rng.randint(1, n)))
        elif r < pj + pq + ps:
            ops.append(("S", rng.randint(1, n)))
        else:
            ops.append(("C",))
    return ops


def main():
    rng = random.Random(2024_08)
    write("01", 5, [("Q", 1, 2), ("J", 1, 2), ("Q", 1, 2), ("J", 3, 4), ("S", 4), ("J", 2, 3), ("C",)])
    write("02", 3, [("C",), ("J", 1, 1), ("S", 1), ("J", 1, 3), ("S", 3)])
    write("03", 1, [("C",), ("S", 1), ("Q", 1, 1), ("J", 1, 1), ("C",)])   # minimum
    # long chain built so that naive linking makes deep trees, then many queries at the far end
    n = 10**5
    ops = [("J", i, i + 1) for i in range(1, 5001)]
    ops += [rng.choice([("S", 1), ("Q", 1, 5001), ("Q", 5001, 5002), ("C",), ("S", 5001)]) for _ in range(5000 - 1)]
    ops.append(("S", 1))
    write("04", n, ops)
    write("05", n, random_ops(rng, n, 20000))                               # large random
    write("06", 10, random_ops(rng, 10, 2000, 0.2, 0.4, 0.3))               # small, everything merges
    # many redundant treaties inside a few groups
    ops = []
    for _ in range(6000):
        g = rng.randrange(3)
        r = rng.random()
        a, b = 3 * rng.randrange(30000) + g + 1, 3 * rng.randrange(30000) + g + 1
        ops.append(("J", a, b) if r < 0.6 else ("Q", a, b + rng.randrange(2)) if r < 0.8 else ("S", a) if r < 0.95 else ("C",))
    write("07", 90001, ops)
    # star: everyone joins island 1 in reverse order, count and size after each join
    ops = []
    for i in range(2, 5002):
        ops.append(("J", i, 1) if i % 2 else ("J", 1, i))
        if i % 3 == 0:
            ops.append(("S", i))
        if i % 5 == 0:
            ops.append(("C",))
    write("08", 10**5, ops)
    write("09", 10**5, [("C",) if i % 2 else ("S", rng.randint(1, 10**5)) for i in range(6000)])  # no treaties


if __name__ == "__main__":
    main()
