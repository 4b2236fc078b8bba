#!/usr/bin/python3
"""Deterministic test generator for 14-harness-inspector-fn (writes tests/*.in and tests/*.out)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN = "([{<"
CLOSE = ")]}>"


def inspect(harness):
    stack = []
    for i, c in enumerate(harness, 1):
        if c in OPEN:
            stack.append((OPEN.index(c), i))
        elif not stack or stack[-1][0] != CLOSE.index(c):
            return "ERROR %d" % i
        else:
            stack.pop()
    return "ERROR %d" % stack[0][1] if stack else "OK"


def write(name, harness):
    assert 1 <= len(harness) <= 10**5 and set(harness) <= set(OPEN + CLOSE)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write(json.dumps({"harness": harness}) + "\n")
    with open(os.path.join(HERE, "tests", name + ".out"), "w") as f:
        f.write(json.dumps(inspect(harness)) + "\n")


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


def main():
    rng = random.Random(2024_14)
    write("01", "([]{<>})")
    write("02", "([)]")
    write("03", "(")                                        # minimum, never closed
    write("04", "<>>")                                      # nothing to close
    write("05", "{}[]<>((")                                 # the leftmost unclosed one
    write("06", balanced(rng, 50000, 0.5))                  # long and sound
    write("07", "(" * 20000 + ")" * 19999 + ">")            # deep, wrong shape at the end
    s = balanced(rng, 30000, 0.3)
    write("08", "[" + s + "(")                              # two never closed: the first counts
    s = list(balanced(rng, 30000, 0.7))
    s[20000] = "}" if s[20000] != "}" else ")"
    write("09", "".join(s))                                 # one corrupted character


if __name__ == "__main__":
    main()
