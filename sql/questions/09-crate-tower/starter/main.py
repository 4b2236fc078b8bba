import sys


def tallest_tower(weights):
    # ===== YOUR SOLUTION HERE =====
    # weights: list of N crate weights in conveyor order.
    # Return the maximum number of crates in a stable tower.
    return 0


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    print(tallest_tower([int(x) for x in data[1:1 + n]]))


main()
