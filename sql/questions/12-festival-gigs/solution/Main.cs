using System;

public class Program
{
    // Returns the max total pay; sets count to the min number of gigs achieving it.
    static long BestPlan(long[] s, long[] e, long[] p, out long count)
    {
        int n = s.Length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        long[] keys = (long[])e.Clone();
        Array.Sort(keys, idx);
        long[] pay = new long[n + 1], cnt = new long[n + 1];
        for (int i = 0; i < n; i++)
        {
            int g = idx[i];
            int lo = 0, hi = i;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (keys[mid] <= s[g]) lo = mid + 1; else hi = mid;
            }
            long tp = pay[lo] + p[g], tc = cnt[lo] + 1;
            if (tp > pay[i] || (tp == pay[i] && tc < cnt[i])) { pay[i + 1] = tp; cnt[i + 1] = tc; }
            else { pay[i + 1] = pay[i]; cnt[i + 1] = cnt[i]; }
        }
        count = cnt[n];
        return pay[n];
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long[] s = new long[n], e = new long[n], p = new long[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = long.Parse(tok[1 + 3 * i]);
            e[i] = long.Parse(tok[2 + 3 * i]);
            p[i] = long.Parse(tok[3 + 3 * i]);
        }
        long pay = BestPlan(s, e, p, out long count);
        Console.WriteLine(pay + " " + count);
    }
}
