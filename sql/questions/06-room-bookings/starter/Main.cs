using System;
using System.Collections.Generic;
using System.Text;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // Booking i is the half-open range [s[i], e[i]).
    // Return the busy blocks ({start, end}) in time order and set peak.
    static List<long[]> Report(long[] s, long[] e, out int peak)
    {
        peak = 0;
        return new List<long[]>();
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
