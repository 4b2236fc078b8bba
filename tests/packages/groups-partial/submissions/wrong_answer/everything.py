import sys

# Takes every crate, which is usually too heavy.
n = int(sys.stdin.read().split()[0])
print(n, *range(1, n + 1))
