import sys


class Alliances:
    # ===== YOUR SOLUTION HERE =====
    # Implement the four operations for islands numbered 1..n.
    def __init__(self, n):
        self.n = n

    def join(self, a, b):
        pass

    def same(self, a, b):
        return False

    def size(self, a):
        return 1

    def count(self):
        return self.n


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    al = Alliances(n)
    out = []
    pos = 2
    for _ in range(q):
        op = data[pos]
        if op == b"J":
            al.join(int(data[pos + 1]), int(data[pos + 2]))
            pos += 3
        elif op == b"Q":
            out.append("YES" if al.same(int(data[pos + 1]), int(data[pos + 2])) else "NO")
            pos += 3
        elif op == b"S":
            out.append(str(al.size(int(data[pos + 1]))))
            pos += 2
        else:
            out.append(str(al.count()))
            pos += 1
    sys.stdout.write("\n".join(out) + "\n")


main()
