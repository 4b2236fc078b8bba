import sys


def solve(readings):
    n = len(readings)
    total = sum(readings)
    above = sum(1 for x in readings if x * n > total)
    return "%d %d %d %d" % (min(readings), max(readings), total, above)


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    readings = [int(x) for x in data[1:1 + n]]
    print(solve(readings))


main()
