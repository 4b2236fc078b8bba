#!/usr/bin/python3
"""Test generator for 15-top-words-fn: the tests of 03-top-words as function calls.

Reads ../03-top-words/tests/NN.in ("K", then the document) of at most 128 KiB and
writes them, numbered again, as tests/NN.in ({"document": ..., "k": K}) and
tests/NN.out (the words).
"""
import collections
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "03-top-words", "tests")
MAX_SOURCE = 128 * 1024


def top_words(document, k):
    counts = collections.Counter(w.lower() for w in re.findall(r"[A-Za-z]+", document))
    return [w for w, _ in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))[:k]]


def main():
    names = sorted(n[:-3] for n in os.listdir(SOURCE) if n.endswith(".in"))
    # the bank keeps its size down: the larger tests stay with the stdin/stdout question
    names = [n for n in names if os.path.getsize(os.path.join(SOURCE, n + ".in")) <= MAX_SOURCE]
    for num, name in enumerate(names, 1):
        with open(os.path.join(SOURCE, name + ".in"), newline="") as f:
            first, _, document = f.read().partition("\n")
        k = int(first)
        with open(os.path.join(HERE, "tests", "%02d.in" % num), "w") as f:
            f.write(json.dumps({"document": document, "k": k}) + "\n")
        with open(os.path.join(HERE, "tests", "%02d.out" % num), "w") as f:
            f.write(json.dumps(top_words(document, k)) + "\n")


if __name__ == "__main__":
    main()
