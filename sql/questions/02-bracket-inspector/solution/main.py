import sys

PAIR = {")": "(", "]": "[", "}": "{", ">": "<"}


def inspect(s):
    stack = []  # positions (0-based) of open halves
    for i, ch in enumerate(s):
        if ch in PAIR:
            if not stack or s[stack[-1]] != PAIR[ch]:
                return "ERROR %d" % (i + 1)
            stack.pop()
        else:
            stack.append(i)
    if stack:
        return "ERROR %d" % (stack[0] + 1)
    return "OK"


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    print("\n".join(inspect(s) for s in data[1:1 + t]))


main()
