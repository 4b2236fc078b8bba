#!/usr/bin/python3
"""Test generator for 16-busy-blocks-fn: the tests of 06-room-bookings as function calls.

Reads ../06-room-bookings/tests/NN.in ("N", then N lines "s e") of at most 64 KiB
and writes them, numbered again, as tests/NN.in ({"bookings": [[s, e], ...]}) and
tests/NN.out (the busy blocks).
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "06-room-bookings", "tests")
MAX_SOURCE = 64 * 1024


def busy_blocks(bookings):
    blocks = []
    for s, e in sorted(bookings):
        if blocks and s <= blocks[-1][1]:
            blocks[-1][1] = max(blocks[-1][1], e)
        else:
            blocks.append([s, e])
    return blocks


def main():
    names = sorted(n[:-3] for n in os.listdir(SOURCE) if n.endswith(".in"))
    # the bank keeps its size down: the larger tests stay with the stdin/stdout question
    names = [n for n in names if os.path.getsize(os.path.join(SOURCE, n + ".in")) <= MAX_SOURCE]
    for num, name in enumerate(names, 1):
        with open(os.path.join(SOURCE, name + ".in")) as f:
            nums = [int(x) for x in f.read().split()]
        bookings = [nums[i:i + 2] for i in range(1, 1 + 2 * nums[0], 2)]
        with open(os.path.join(HERE, "tests", "%02d.in" % num), "w") as f:
            f.write(json.dumps({"bookings": bookings}) + "\n")
        with open(os.path.join(HERE, "tests", "%02d.out" % num), "w") as f:
            f.write(json.dumps(busy_blocks(bookings)) + "\n")


if __name__ == "__main__":
    main()
