import sys
from bisect import bisect_left


def tallest_tower(weights):
    # Longest strictly decreasing subsequence == longest strictly increasing
    # subsequence of the negated weights (patience sorting, O(N log N)).
    tails = []  # tails[k] = smallest possible last value of an increasing run of length k+1
    for w in weights:
        x = -w
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    print(tallest_tower([int(x) for x in data[1:1 + n]]))


main()
