#!/usr/bin/python3
"""Test generator for 18-raft-check-fn: the groups of 04-river-rafts, asked as yes/no questions.

Reads ../04-river-rafts/tests/NN.in ("N C", the weights) of at most 128 KiB and
writes one test per group, alternately with as many rafts as it needs (true)
and one fewer (false); the first group, the samples, both ways.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "04-river-rafts", "tests")


def min_rafts(weights, capacity):
    w = sorted(weights)
    i, j, rafts = 0, len(w) - 1, 0
    while i <= j:
        if i < j and w[i] + w[j] <= capacity:
            i += 1
        j -= 1
        rafts += 1
    return rafts


def main():
    cases = []
    names = sorted(n[:-3] for n in os.listdir(SOURCE) if n.endswith(".in"))
    names = [n for n in names if os.path.getsize(os.path.join(SOURCE, n + ".in")) <= 128 * 1024]
    for i, name in enumerate(names):
        with open(os.path.join(SOURCE, name + ".in")) as f:
            nums = [int(x) for x in f.read().split()]
        n, capacity, weights = nums[0], nums[1], nums[2:]
        assert len(weights) == n
        need = min_rafts(weights, capacity)
        if i == 0 or i % 2:
            cases.append((weights, capacity, need, True))
        if i % 2 == 0:
            cases.append((weights, capacity, need - 1, False))
    for k, (weights, capacity, rafts, answer) in enumerate(cases, 1):
        with open(os.path.join(HERE, "tests", "%02d.in" % k), "w") as f:
            f.write(json.dumps({"weights": weights, "capacity": capacity, "rafts": rafts}) + "\n")
        with open(os.path.join(HERE, "tests", "%02d.out" % k), "w") as f:
            f.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    main()
