import sys

data = sys.stdin.read().split()
n, cap = int(data[0]), int(data[1])
w = list(map(int, data[2:2 + n]))
# reach[s]: the crate that first made total s reachable, -1 for s = 0
reach = [None] * (cap + 1)
reach[0] = -1
for i, x in enumerate(w):
    for s in range(cap, x - 1, -1):
        if reach[s] is None and reach[s - x] is not None:
            reach[s] = i
best = max(s for s in range(cap + 1) if reach[s] is not None)
chosen, s = [], best
while s > 0:
    i = reach[s]
    chosen.append(i + 1)
    s -= w[i]
print(len(chosen), *chosen)
