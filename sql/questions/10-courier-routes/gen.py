#!/usr/bin/python3
"""Deterministic test generator for 10-courier-routes (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXW = 10**9


def write(name, n, edges):
    assert 2 <= n <= 10**4 and 1 <= len(edges) <= 2 * 10**4
    assert all(1 <= u <= n and 1 <= v <= n and u != v and 1 <= w <= MAXW for u, v, w in edges)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d %d\n" % (n, len(edges)))
        f.write("".join("%d %d %d\n" % e for e in edges))


def shuffled(rng, edges):
    out = [(v, u, w) if rng.random() < 0.5 else (u, v, w) for u, v, w in edges]
    rng.shuffle(out)
    return out


def main():
    rng = random.Random(2024_10)
    write("01", 4, [(1, 2, 1), (2, 4, 2), (1, 3, 2), (3, 4, 1), (1, 4, 5)])
    write("02", 5, [(1, 2, 4), (1, 2, 4), (2, 5, 1), (1, 3, 1), (3, 4, 1), (4, 2, 2)])
    write("03", 2, [(2, 1, MAXW)])                                   # minimum
    # unreachable: two components, N is in the second one
    edges = [(i, i + 1, rng.randint(1, 100)) for i in range(1, 500)]
    edges += [(i, i + 1, rng.randint(1, 100)) for i in range(501, 1000)]
    write("04", 1000, shuffled(rng, edges))
    # 100 x 100 grid, unit weights: C(198, 99) shortest routes
    side = 100
    node = lambda r, c: r * side + c + 1
    edges = []
    for r in range(side):
        for c in range(side):
            if c + 1 < side:
                edges.append((node(r, c), node(r, c + 1), 1))
            if r + 1 < side:
                edges.append((node(r, c), node(r + 1, c), 1))
    write("05", side * side, shuffled(rng, edges))
    # large random graph with small weights: lots of ties
    n = 10**4
    edges = [(i, rng.randint(max(1, i - 50), i - 1), rng.randint(1, 3)) for i in range(2, n + 1)]
    while len(edges) < 12000:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, rng.randint(1, 3)))
    write("06", n, shuffled(rng, edges))
    # chain of doubled heavy streets: D = 1499 * 10^9, 2^1499 routes
    edges = []
    for i in range(1, 1500):
        edges.append((i, i + 1, MAXW))
        edges.append((i + 1, i, MAXW))
    write("07", 1500, shuffled(rng, edges))
    # trap for early-finalised counts: a cheap-looking direct street is beaten later
    edges = [(1, 2, 10), (1, 3, 1), (3, 2, 1), (3, 4, 1), (4, 2, 8), (2, 6, 5), (1, 5, 3), (5, 2, 1)]
    edges += [(5, 3, 2), (2, 6, 5), (4, 6, 11), (1, 6, 100)]
    write("08", 6, shuffled(rng, edges))
    # layered graph with heavy weights and many equal-time combinations
    layers, width = 40, 25
    n = 2 + layers * width
    node = lambda l, k: 2 + l * width + k
    edges = [(1, node(0, k), 7 * 10**8) for k in range(width)]
    for l in range(layers - 1):
        for k in range(width):
            for d in (0, 1, 2, 5):
                edges.append((node(l, k), node(l + 1, (k + d) % width), rng.choice([5 * 10**8, 5 * 10**8, 5 * 10**8 + 1])))
    edges += [(node(layers - 1, k), n, 9 * 10**8) for k in range(width)]
    write("09", n, shuffled(rng, edges))


if __name__ == "__main__":
    main()
