import sys


def fastest_routes(n, edges):
    # ===== YOUR SOLUTION HERE =====
    # n: number of intersections; edges: list of (u, v, w) two-way streets.
    # Return None if intersection n is unreachable from 1,
    # otherwise (D, number of fastest routes modulo 1_000_000_007).
    return None


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    vals = list(map(int, data[2:2 + 3 * m]))
    edges = [(vals[3 * i], vals[3 * i + 1], vals[3 * i + 2]) for i in range(m)]
    res = fastest_routes(n, edges)
    print(-1 if res is None else "%d %d" % res)


main()
