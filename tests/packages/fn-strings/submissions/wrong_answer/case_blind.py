def palindromes(words, ignoreCase):
    return [w.lower() == w.lower()[::-1] for w in words]
