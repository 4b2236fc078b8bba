using System;
using System.Collections.Generic;

public class Program
{
    const long MOD = 1000000007L;

    // Binary min-heap of (distance, node); mono has no PriorityQueue<T>.
    class MinHeap
    {
        readonly List<long> d = new List<long>();
        readonly List<int> v = new List<int>();
        public int Count => d.Count;

        public void Push(long dist, int node)
        {
            d.Add(dist); v.Add(node);
            int i = d.Count - 1;
            while (i > 0)
            {
                int p = (i - 1) / 2;
                if (d[p] <= d[i]) break;
                Swap(i, p);
                i = p;
            }
        }

        public void Pop(out long dist, out int node)
        {
            dist = d[0]; node = v[0];
            int last = d.Count - 1;
            d[0] = d[last]; v[0] = v[last];
            d.RemoveAt(last); v.RemoveAt(last);
            int i = 0;
            while (true)
            {
                int c = 2 * i + 1;
                if (c >= d.Count) break;
                if (c + 1 < d.Count && d[c + 1] < d[c]) c++;
                if (d[c] >= d[i]) break;
                Swap(i, c);
                i = c;
            }
        }

        void Swap(int a, int b)
        {
            long td = d[a]; d[a] = d[b]; d[b] = td;
            int tv = v[a]; v[a] = v[b]; v[b] = tv;
        }
    }

    // Returns false if N is unreachable; otherwise sets D and routes.
    static bool FastestRoutes(int n, int[] eu, int[] ev, long[] ew, out long D, out long routes)
    {
        var adj = new List<KeyValuePair<int, long>>[n + 1];
        for (int i = 0; i <= n; i++) adj[i] = new List<KeyValuePair<int, long>>();
        for (int j = 0; j < eu.Length; j++)
        {
            adj[eu[j]].Add(new KeyValuePair<int, long>(ev[j], ew[j]));
            adj[ev[j]].Add(new KeyValuePair<int, long>(eu[j], ew[j]));
        }
        long[] dist = new long[n + 1], ways = new long[n + 1];
        for (int i = 0; i <= n; i++) dist[i] = long.MaxValue;
        dist[1] = 0;
        ways[1] = 1;
        var pq = new MinHeap();
        pq.Push(0, 1);
        while (pq.Count > 0)
        {
            pq.Pop(out long d, out int u);
            if (d > dist[u]) continue;
            foreach (var e in adj[u])
            {
                int v = e.Key;
                long nd = d + e.Value;
                if (nd < dist[v])
                {
                    dist[v] = nd;
                    ways[v] = ways[u];
                    pq.Push(nd, v);
                }
                else if (nd == dist[v])
                {
                    ways[v] = (ways[v] + ways[u]) % MOD;
                }
            }
        }
        D = dist[n];
        routes = ways[n];
        return dist[n] != long.MaxValue;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]), m = int.Parse(tok[1]);
        int[] eu = new int[m], ev = new int[m];
        long[] ew = new long[m];
        for (int j = 0; j < m; j++)
        {
            eu[j] = int.Parse(tok[2 + 3 * j]);
            ev[j] = int.Parse(tok[3 + 3 * j]);
            ew[j] = long.Parse(tok[4 + 3 * j]);
        }
        if (FastestRoutes(n, eu, ev, ew, out long D, out long routes)) Console.WriteLine(D + " " + routes);
        else Console.WriteLine("-1");
    }
}
