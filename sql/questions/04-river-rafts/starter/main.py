import sys


def min_rafts(c, weights):
    # ===== YOUR SOLUTION HERE =====
    # c: raft capacity; weights: list of N tourist weights.
    # Return the minimum number of rafts.
    return 0


def main():
    data = sys.stdin.buffer.read().split()
    n, c = int(data[0]), int(data[1])
    weights = [int(x) for x in data[2:2 + n]]
    print(min_rafts(c, weights))


main()
