import sys
from collections import deque


def bfs_steps(r, c, h, limit):
    """Fewest steps from the top-left to the bottom-right cell using only moves
    whose height difference is at most `limit`; -1 if impossible."""
    n = r * c
    target = n - 1
    dist = [-1] * n
    dist[0] = 0
    q = deque([0])
    while q:
        cur = q.popleft()
        if cur == target:
            return dist[cur]
        hc = h[cur]
        d = dist[cur] + 1
        x = cur % c
        for nxt in (cur - c, cur + c, cur - 1 if x > 0 else -1, cur + 1 if x < c - 1 else -1):
            if 0 <= nxt < n and dist[nxt] < 0 and abs(h[nxt] - hc) <= limit:
                dist[nxt] = d
                q.append(nxt)
    return -1


def ridge_trail(r, c, h):
    lo, hi = 0, max(h) - min(h)  # the answer is always within [0, max - min]
    while lo < hi:
        mid = (lo + hi) // 2
        if bfs_steps(r, c, h, mid) >= 0:
            hi = mid
        else:
            lo = mid + 1
    return lo, bfs_steps(r, c, h, lo)


def main():
    data = sys.stdin.buffer.read().split()
    r, c = int(data[0]), int(data[1])
    h = [int(x) for x in data[2:2 + r * c]]
    print("%d %d" % ridge_trail(r, c, h))


main()
