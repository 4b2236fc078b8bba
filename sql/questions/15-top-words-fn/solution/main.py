import re
from collections import Counter


def topWords(document: str, k: int) -> list[str]:
    counts = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", document))
    ranked = sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))
    return [w for w, _ in ranked[:k]]
