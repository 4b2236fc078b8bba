import sys

# One guess after the other: too many guesses for large numbers.
for g in range(1, 1001):
    print(g, flush=True)
    if sys.stdin.readline().strip() == "correct":
        break
