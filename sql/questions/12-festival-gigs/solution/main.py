import sys
from bisect import bisect_right


def best_plan(gigs):
    """Return (max total pay, min number of gigs achieving it)."""
    gigs = sorted(gigs, key=lambda g: g[1])
    ends = [g[1] for g in gigs]
    # pay[i], cnt[i]: best plan using only the first i gigs (in order of end time)
    pay = [0] * (len(gigs) + 1)
    cnt = [0] * (len(gigs) + 1)
    for i, (s, e, p) in enumerate(gigs):
        j = bisect_right(ends, s, 0, i)  # gigs ending at or before s are compatible
        tp, tc = pay[j] + p, cnt[j] + 1
        if tp > pay[i] or (tp == pay[i] and tc < cnt[i]):
            pay[i + 1], cnt[i + 1] = tp, tc
        else:
            pay[i + 1], cnt[i + 1] = pay[i], cnt[i]
    return pay[-1], cnt[-1]


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 3 * n]))
    gigs = [(vals[3 * i], vals[3 * i + 1], vals[3 * i + 2]) for i in range(n)]
    print("%d %d" % best_plan(gigs))


main()
