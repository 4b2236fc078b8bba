import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)
    count = n

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    out = []
    pos = 2
    for _ in range(q):
        op = data[pos]
        if op == b"J":
            a, b = find(int(data[pos + 1])), find(int(data[pos + 2]))
            pos += 3
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
                count -= 1
        elif op == b"Q":
            same = find(int(data[pos + 1])) == find(int(data[pos + 2]))
            pos += 3
            out.append("YES" if same else "NO")
        elif op == b"S":
            out.append(str(size[find(int(data[pos + 1]))]))
            pos += 2
        else:
            out.append(str(count))
            pos += 1
    sys.stdout.write("\n".join(out) + "\n")


main()
