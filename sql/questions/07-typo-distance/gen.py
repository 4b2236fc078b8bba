#!/usr/bin/python3
"""Deterministic test generator for 07-typo-distance (writes tests/*.in)."""
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, i, d, r, s, t):
    assert all(1 <= x <= 10**6 for x in (i, d, r))
    assert 1 <= len(s) <= 2000 and 1 <= len(t) <= 2000
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d %d %d\n%s\n%s\n" % (i, d, r, s, t))


def rand_str(rng, n, alphabet=string.ascii_lowercase):
    return "".join(rng.choice(alphabet) for _ in range(n))


def mutate(rng, s, k):
    s = list(s)
    for _ in range(k):
        op = rng.randrange(3)
        p = rng.randrange(len(s) + 1)
        if op == 0:
            s.insert(p, rng.choice(string.ascii_lowercase))
        elif op == 1 and len(s) > 1 and p < len(s):
            del s[p]
        elif p < len(s):
            s[p] = rng.choice(string.ascii_lowercase)
    return "".join(s[:2000])


def main():
    rng = random.Random(2024_07)
    write("01", 1, 1, 1, "kitten", "sitting")
    write("02", 2, 3, 10, "abc", "xbcd")
    write("03", 5, 5, 5, "q", "q")                              # minimum, identical
    write("04", 1, 1, 5, "a", "b")                              # delete+insert beats replace
    write("05", 7, 3, 4, rand_str(rng, 2000), "m")              # lopsided lengths
    write("06", 3, 4, 5, rand_str(rng, 2000, "ab"), rand_str(rng, 2000, "ab"))   # large, many matches
    write("07", 10**6, 999_999, 10**6, rand_str(rng, 2000), rand_str(rng, 2000))  # large costs
    base = rand_str(rng, 2000)
    write("08", 2, 2, 3, base, mutate(rng, base, 40))           # similar strings
    write("09", 10**6, 10**6, 10**6, "a" * 2000, "b" * 2000)    # largest answer
    write("10", 1, 10**6, 10**6, "z", rand_str(rng, 2000, "xyz"))   # mostly inserts
    write("11", 17, 1, 1, base, base)                           # identical, long


if __name__ == "__main__":
    main()
