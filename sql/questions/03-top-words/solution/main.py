import re
import sys
from collections import Counter


def top_words(k, text):
    counts = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    ranked = sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))
    return ranked[:k]


def main():
    data = sys.stdin.read()
    first, _, text = data.partition("\n")
    k = int(first)
    print("\n".join("%s %d" % wc for wc in top_words(k, text)))


main()
