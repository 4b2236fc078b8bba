using System;
using System.Collections.Generic;
using System.Text;

public class Program
{
    // Merges the bookings into busy blocks and computes the peak.
    static List<long[]> Report(long[] s, long[] e, out int peak)
    {
        int n = s.Length;
        long[][] b = new long[n][];
        for (int i = 0; i < n; i++) b[i] = new long[] { s[i], e[i] };
        Array.Sort(b, (x, y) => x[0] != y[0] ? x[0].CompareTo(y[0]) : x[1].CompareTo(y[1]));
        var blocks = new List<long[]>();
        foreach (var p in b)
        {
            if (blocks.Count > 0 && p[0] <= blocks[blocks.Count - 1][1])
                blocks[blocks.Count - 1][1] = Math.Max(blocks[blocks.Count - 1][1], p[1]);
            else
                blocks.Add(new long[] { p[0], p[1] });
        }
        long[] starts = (long[])s.Clone(), ends = (long[])e.Clone();
        Array.Sort(starts);
        Array.Sort(ends);
        int cur = 0, j = 0;
        peak = 0;
        for (int i = 0; i < n; i++)
        {
            while (ends[j] <= starts[i]) { j++; cur--; }
            cur++;
            peak = Math.Max(peak, cur);
        }
        return blocks;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long[] s = new long[n], e = new long[n];
        for (int i = 0; i < n; i++) { s[i] = long.Parse(tok[1 + 2 * i]); e[i] = long.Parse(tok[2 + 2 * i]); }
        int peak;
        var blocks = Report(s, e, out peak);
        var sb = new StringBuilder();
        sb.Append(blocks.Count).Append(' ').Append(peak).Append('\n');
        foreach (var p in blocks) sb.Append(p[0]).Append(' ').Append(p[1]).Append('\n');
        Console.Write(sb.ToString());
    }
}
