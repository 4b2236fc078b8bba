using System;

public class Program
{
    static int r, c;
    static int[] h, dist, q;

    // Fewest steps from the top-left to the bottom-right cell using only moves
    // whose height difference is at most limit; -1 if impossible.
    static int BfsSteps(int limit)
    {
        int n = r * c, head = 0, tail = 0;
        for (int i = 0; i < n; i++) dist[i] = -1;
        dist[0] = 0;
        q[tail++] = 0;
        int[] cand = new int[4];
        while (head < tail)
        {
            int cur = q[head++];
            if (cur == n - 1) return dist[cur];
            int x = cur % c;
            cand[0] = cur - c; cand[1] = cur + c;
            cand[2] = x > 0 ? cur - 1 : -1; cand[3] = x < c - 1 ? cur + 1 : -1;
            foreach (int nxt in cand)
            {
                if (nxt < 0 || nxt >= n || dist[nxt] >= 0 || Math.Abs(h[nxt] - h[cur]) > limit) continue;
                dist[nxt] = dist[cur] + 1;
                q[tail++] = nxt;
            }
        }
        return -1;
    }

    static void RidgeTrail(out int e, out int s)
    {
        int mn = int.MaxValue, mx = int.MinValue;
        foreach (int v in h) { mn = Math.Min(mn, v); mx = Math.Max(mx, v); }
        int lo = 0, hi = mx - mn;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (BfsSteps(mid) >= 0) hi = mid; else lo = mid + 1;
        }
        e = lo;
        s = BfsSteps(lo);
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        r = int.Parse(tok[0]); c = int.Parse(tok[1]);
        h = new int[r * c];
        for (int i = 0; i < r * c; i++) h[i] = int.Parse(tok[2 + i]);
        dist = new int[r * c];
        q = new int[r * c];
        RidgeTrail(out int e, out int s);
        Console.WriteLine(e + " " + s);
    }
}
