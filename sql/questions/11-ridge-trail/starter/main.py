import sys


def ridge_trail(r, c, h):
    # ===== YOUR SOLUTION HERE =====
    # h: the R*C elevations in row-major order (cell (i, j) is h[i * c + j]).
    # Return (E, S).
    return (0, 0)


def main():
    data = sys.stdin.buffer.read().split()
    r, c = int(data[0]), int(data[1])
    h = [int(x) for x in data[2:2 + r * c]]
    print("%d %d" % ridge_trail(r, c, h))


main()
