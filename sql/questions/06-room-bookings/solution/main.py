import sys


def report(bookings):
    """Return (blocks, peak) for a list of (start, end) half-open ranges."""
    blocks = []
    for s, e in sorted(bookings):
        if blocks and s <= blocks[-1][1]:
            if e > blocks[-1][1]:
                blocks[-1][1] = e
        else:
            blocks.append([s, e])
    # sweep: at equal times process ends (-1) before starts (+1)
    events = sorted([(s, 1) for s, _ in bookings] + [(e, -1) for _, e in bookings])
    peak = cur = 0
    for _, d in events:
        cur += d
        if cur > peak:
            peak = cur
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
