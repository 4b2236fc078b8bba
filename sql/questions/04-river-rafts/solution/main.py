import sys


def min_rafts(c, weights):
    w = sorted(weights)
    i, j = 0, len(w) - 1
    rafts = 0
    while i <= j:
        # the heaviest remaining tourist always takes a raft; add the lightest if possible
        if i < j and w[i] + w[j] <= c:
            i += 1
        j -= 1
        rafts += 1
    return rafts


def main():
    data = sys.stdin.buffer.read().split()
    n, c = int(data[0]), int(data[1])
    weights = [int(x) for x in data[2:2 + n]]
    print(min_rafts(c, weights))


main()
