import sys


def top_words(k, text):
    # ===== YOUR SOLUTION HERE =====
    # k: how many words to report; text: the whole document.
    # Return a list of (word, count) pairs in the required order.
    return [("todo", 0)]


def main():
    data = sys.stdin.read()
    first, _, text = data.partition("\n")
    k = int(first)
    print("\n".join("%s %d" % wc for wc in top_words(k, text)))


main()
