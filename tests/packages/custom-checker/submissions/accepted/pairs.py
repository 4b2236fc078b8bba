import sys

data = sys.stdin.read().split()
n, t = int(data[0]), int(data[1])
a = list(map(int, data[2:2 + n]))
seen = {}
for i, x in enumerate(a, 1):
    if t - x in seen:
        print(seen[t - x], i)
        break
    seen[x] = i
