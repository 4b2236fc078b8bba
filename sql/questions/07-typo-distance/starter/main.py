import sys


def typo_cost(ins, dele, rep, s, t):
    # ===== YOUR SOLUTION HERE =====
    # ins, dele, rep: costs of insert, delete and replace.
    # Return the minimum cost of turning s into t.
    return 0


def main():
    data = sys.stdin.read().split()
    ins, dele, rep = int(data[0]), int(data[1]), int(data[2])
    print(typo_cost(ins, dele, rep, data[3], data[4]))


main()
