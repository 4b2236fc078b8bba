import sys

# Heaviest first while it fits: valid, but not always the best total.
data = sys.stdin.read().split()
n, cap = int(data[0]), int(data[1])
w = list(map(int, data[2:2 + n]))
chosen, total = [], 0
for i in sorted(range(n), key=lambda i: -w[i]):
    if total + w[i] <= cap:
        chosen.append(i + 1)
        total += w[i]
print(len(chosen), *chosen)
