import heapq
import sys

MOD = 1_000_000_007


def fastest_routes(n, edges):
    adj = [[] for _ in range(n + 1)]
    for u, v, w in edges:
        adj[u].append((v, w))
        adj[v].append((u, w))
    INF = float("inf")
    dist = [INF] * (n + 1)
    ways = [0] * (n + 1)
    dist[1] = 0
    ways[1] = 1
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        # all routes into u of length d are known once u is popped (weights > 0)
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                ways[v] = ways[u]
                heapq.heappush(heap, (nd, v))
            elif nd == dist[v]:
                ways[v] = (ways[v] + ways[u]) % MOD
    if dist[n] == INF:
        return None
    return dist[n], ways[n]


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    vals = list(map(int, data[2:2 + 3 * m]))
    edges = [(vals[3 * i], vals[3 * i + 1], vals[3 * i + 2]) for i in range(m)]
    res = fastest_routes(n, edges)
    print(-1 if res is None else "%d %d" % res)


main()
