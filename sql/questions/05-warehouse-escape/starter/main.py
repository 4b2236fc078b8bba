import sys


def escape(r, c, rows):
    # ===== YOUR SOLUTION HERE =====
    # rows: list of R strings of length C.
    # Return the minimum number of moves to an exit, or -1.
    return -1


def main():
    data = sys.stdin.read().split()
    r, c = int(data[0]), int(data[1])
    rows = data[2:2 + r]
    print(escape(r, c, rows))


main()
