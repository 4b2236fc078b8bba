import sys


def typo_cost(ins, dele, rep, s, t):
    m = len(t)
    prev = [j * ins for j in range(m + 1)]
    for i in range(1, len(s) + 1):
        a = s[i - 1]
        cur = [i * dele] + [0] * m
        left = cur[0]
        for j in range(1, m + 1):
            v = prev[j - 1] if a == t[j - 1] else prev[j - 1] + rep
            x = prev[j] + dele
            if x < v:
                v = x
            x = left + ins
            if x < v:
                v = x
            cur[j] = left = v
        prev = cur
    return prev[m]


def main():
    data = sys.stdin.read().split()
    ins, dele, rep = int(data[0]), int(data[1]), int(data[2])
    print(typo_cost(ins, dele, rep, data[3], data[4]))


main()
