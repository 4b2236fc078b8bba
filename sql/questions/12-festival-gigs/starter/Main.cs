using System;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // Offer i is [s[i], e[i]) paying p[i].
    // Return the max total pay and set count to the min number of gigs achieving it.
    static long BestPlan(long[] s, long[] e, long[] p, out long count)
    {
        count = 0;
        return 0;
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
