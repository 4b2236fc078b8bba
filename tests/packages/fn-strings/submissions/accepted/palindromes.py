def palindromes(words, ignoreCase):
    out = []
    for w in words:
        v = w.lower() if ignoreCase else w
        out.append(v == v[::-1])
    return out
