import sys


def best_plan(gigs):
    # ===== YOUR SOLUTION HERE =====
    # gigs: list of (s, e, p) offers.
    # Return (max total pay, min number of gigs achieving it).
    return (0, 0)


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 3 * n]))
    gigs = [(vals[3 * i], vals[3 * i + 1], vals[3 * i + 2]) for i in range(n)]
    print("%d %d" % best_plan(gigs))


main()
