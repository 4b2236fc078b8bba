import sys


def inspect(s):
    # ===== YOUR SOLUTION HERE =====
    # s: one harness string. Return "OK" or "ERROR p".
    return "OK"


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    print("\n".join(inspect(s) for s in data[1:1 + t]))


main()
