import sys


def report(bookings):
    # ===== YOUR SOLUTION HERE =====
    # bookings: list of (start, end) half-open ranges.
    # Return (blocks, peak) where blocks is a list of (start, end) in time order.
    blocks = []
    peak = 0
    return blocks, peak


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    bookings = [(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n)]
    blocks, peak = report(bookings)
    out = ["%d %d" % (len(blocks), peak)]
    out.extend("%d %d" % (s, e) for s, e in blocks)
    sys.stdout.write("\n".join(out) + "\n")


main()
