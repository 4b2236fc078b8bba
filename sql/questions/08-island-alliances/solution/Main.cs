using System;
using System.Text;

public class Program
{
    static int[] parent, size;
    static int count;

    static int Find(int x)
    {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }
        return root;
    }

    static void Join(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a == b) return;
        if (size[a] < size[b]) { int t = a; a = b; b = t; }
        parent[b] = a;
        size[a] += size[b];
        count--;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]), q = int.Parse(tok[1]);
        parent = new int[n + 1];
        size = new int[n + 1];
        for (int i = 0; i <= n; i++) { parent[i] = i; size[i] = 1; }
        count = n;
        var sb = new StringBuilder();
        int pos = 2;
        for (int i = 0; i < q; i++)
        {
            string op = tok[pos++];
            if (op == "J") { Join(int.Parse(tok[pos]), int.Parse(tok[pos + 1])); pos += 2; }
            else if (op == "Q") { sb.Append(Find(int.Parse(tok[pos])) == Find(int.Parse(tok[pos + 1])) ? "YES" : "NO").Append('\n'); pos += 2; }
            else if (op == "S") { sb.Append(size[Find(int.Parse(tok[pos]))]).Append('\n'); pos += 1; }
            else sb.Append(count).Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
