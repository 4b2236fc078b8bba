#!/usr/bin/python3
"""Deterministic test generator for 02-bracket-inspector (writes tests/*.in)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN = "([{<"
CLOSE = ")]}>"


def write(name, strings):
    assert 1 <= len(strings) <= 10**4
    assert sum(map(len, strings)) <= 2 * 10**5 and all(strings)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d\n%s\n" % (len(strings), "\n".join(strings)))


def balanced(rng, n, deep=0.5):
    """Random sound harness of even length n; `deep` biases towards nesting."""
    out, stack = [], []
    while len(out) < n:
        remaining = n - len(out)
        if stack and (remaining == len(stack) or rng.random() > deep):
            out.append(CLOSE[stack.pop()])
        else:
            k = rng.randrange(4)
            stack.append(k)
            out.append(OPEN[k])
    return "".join(out)


def corrupt(rng, s):
    i = rng.randrange(len(s))
    return s[:i] + rng.choice(OPEN + CLOSE) + s[i + 1:]


def main():
    rng = random.Random(2024_02)
    write("01", ["([]{<>})", "([)]", "((()", "<>>"])
    write("02", ["}", "{}[]<>(("])
    write("03", ["("])                                   # minimum, never closed
    write("04", [")", "<", "()", "(]", "><", "[]]"])     # tiny cases
    many = []
    for _ in range(10**4):                               # many short strings
        n = rng.randint(1, 12)
        if n % 2 == 0 and rng.random() < 0.5:
            many.append(balanced(rng, n))
        else:
            many.append("".join(rng.choice(OPEN + CLOSE) for _ in range(n)))
    write("05", many)
    half = 100000
    kinds = [rng.randrange(4) for _ in range(half)]
    deep = "".join(OPEN[k] for k in kinds) + "".join(CLOSE[k] for k in reversed(kinds))
    write("06", [deep])                                  # depth 150000, sound
    write("07", [deep[:40000] + deep[-40000:-1] + CLOSE[(kinds[0] + 1) % 4]])  # wrong last half
    parts = [balanced(rng, 20000, 0.55) for _ in range(3)]
    # '<' at 1 and the first '[' are never closed -> leftmost is position 1
    write("08", ["<" + parts[0] + "[" + parts[1] + "[" + parts[2] + "]"])
    mixed = []
    for _ in range(50):                                  # medium strings, some corrupted
        s = balanced(rng, 2 * rng.randint(1, 700), rng.choice([0.5, 0.7, 0.9]))
        if rng.random() < 0.6:
            s = corrupt(rng, s)
        mixed.append(s)
    write("09", mixed)


if __name__ == "__main__":
    main()
