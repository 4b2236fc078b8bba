#!/usr/bin/python3
"""Deterministic test generator for 03-top-words (writes tests/*.in)."""
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
SEPS = [" ", " ", " ", " ", ", ", ". ", "; ", "\n", " - ", "'", "\"", "(", ") ", "!", "? ", "1", "42", "\t", ":"]


def write(name, k, text):
    assert 1 <= k <= 1000 and len(text) <= 2 * 10**5
    assert all(32 <= ord(c) < 127 or c in "\n\t" for c in text)
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write("%d\n%s\n" % (k, text))


def mixcase(rng, w):
    r = rng.random()
    if r < 0.7:
        return w
    if r < 0.85:
        return w.capitalize()
    if r < 0.95:
        return w.upper()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in w)


def document(rng, vocab, weights, limit):
    parts, size = [], 0
    while True:
        w = mixcase(rng, rng.choices(vocab, weights)[0])
        sep = rng.choice(SEPS)
        if size + len(w) + len(sep) > limit:
            break
        parts.append(w + sep)
        size += len(w) + len(sep)
    return "".join(parts)


def rand_word(rng, lo, hi):
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(lo, hi)))


def main():
    rng = random.Random(2024_03)
    write("01", 3, "The cat saw the other cat; THE end.")
    write("02", 5, "It's a dog-eat-dog world:\ndog, dog... A DOG!")
    write("03", 1, "a")                                       # minimum
    write("04", 1000, "Zebra zebra ZEBRA apple\n\n  ...apple    mango!")  # K > distinct
    # all counts equal -> purely alphabetical; prefixes of each other
    words = ["ab", "a", "abc", "b", "ba", "abcd", "aa", "bab", "c", "ca", "cab", "z", "y", "x"]
    rng.shuffle(words)
    write("05", 10, " ".join(w.upper() if i % 2 else w for i, w in enumerate(words)))
    # large: Zipf-like vocabulary
    vocab = sorted({rand_word(rng, 1, 9) for _ in range(3000)})
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    rng.shuffle(weights)
    write("06", 1000, document(rng, vocab, weights, 199990))
    # large: mostly distinct words, many ties at count 1..3
    vocab = sorted({rand_word(rng, 3, 6) for _ in range(30000)})
    write("07", 50, document(rng, vocab, [1] * len(vocab), 100000))
    # very long word, digits glued to letters
    long_word = rand_word(rng, 20000, 20000)
    write("08", 2, long_word + "7" + long_word.upper() + "\n" + long_word[:-1] + " x1y2z3x")
    write("09", 4, "don't DON'T Don't won't R2D2 r2-d2 c3po C-3PO o'clock\nrock'n'roll N R")


if __name__ == "__main__":
    main()
