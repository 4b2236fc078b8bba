import sys

lo, hi = 1, 1000
while True:
    g = (lo + hi) // 2
    print(g, flush=True)
    reply = sys.stdin.readline().strip()
    if reply == "correct":
        break
    if reply == "lower":
        hi = g - 1
    elif reply == "higher":
        lo = g + 1
    else:
        break
