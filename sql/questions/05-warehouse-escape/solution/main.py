import sys
from collections import deque


def escape(r, c, rows):
    grid = "".join(rows)
    n = r * c
    start = grid.index("S")
    dist = [-1] * n
    dist[start] = 0
    q = deque([start])
    while q:
        cur = q.popleft()
        if grid[cur] == "E":
            return dist[cur]
        d = dist[cur] + 1
        y, x = divmod(cur, c)
        if y > 0:
            nxt = cur - c
            if dist[nxt] < 0 and grid[nxt] != "#":
                dist[nxt] = d
                q.append(nxt)
        if y < r - 1:
            nxt = cur + c
            if dist[nxt] < 0 and grid[nxt] != "#":
                dist[nxt] = d
                q.append(nxt)
        if x > 0:
            nxt = cur - 1
            if dist[nxt] < 0 and grid[nxt] != "#":
                dist[nxt] = d
                q.append(nxt)
        if x < c - 1:
            nxt = cur + 1
            if dist[nxt] < 0 and grid[nxt] != "#":
                dist[nxt] = d
                q.append(nxt)
    return -1


def main():
    data = sys.stdin.read().split()
    r, c = int(data[0]), int(data[1])
    rows = data[2:2 + r]
    print(escape(r, c, rows))


main()
