import sys


def solve(readings):
    # ===== YOUR SOLUTION HERE =====
    # readings: list of N integers.
    # Return "min max sum above" as a string.
    return "0 0 0 0"


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    readings = [int(x) for x in data[1:1 + n]]
    print(solve(readings))


main()
