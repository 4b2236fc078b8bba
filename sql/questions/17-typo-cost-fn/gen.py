#!/usr/bin/python3
"""Test generator for 17-typo-cost-fn: the tests of 07-typo-distance as function calls.

Reads ../07-typo-distance/tests/NN.in ("I D R", s, t) and NN.out and writes
tests/NN.in ({"typed": s, "meant": t, "insertCost": I, ...}) and tests/NN.out.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "07-typo-distance", "tests")


def main():
    for name in sorted(n[:-3] for n in os.listdir(SOURCE) if n.endswith(".in")):
        with open(os.path.join(SOURCE, name + ".in")) as f:
            costs, s, t = f.read().split("\n")[:3]
        i, d, r = map(int, costs.split())
        with open(os.path.join(SOURCE, name + ".out")) as f:
            answer = int(f.read())
        with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
            f.write(json.dumps({"typed": s, "meant": t, "insertCost": i, "deleteCost": d,
                                "replaceCost": r}) + "\n")
        with open(os.path.join(HERE, "tests", name + ".out"), "w") as f:
            f.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    main()
