using System;

public class Program
{
    static long TypoCost(long ins, long del, long rep, string s, string t)
    {
        int n = s.Length, m = t.Length;
        long[] prev = new long[m + 1], cur = new long[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j * ins;
        for (int i = 1; i <= n; i++)
        {
            char a = s[i - 1];
            cur[0] = i * del;
            for (int j = 1; j <= m; j++)
            {
                long v = prev[j - 1] + (a == t[j - 1] ? 0 : rep);
                if (prev[j] + del < v) v = prev[j] + del;
                if (cur[j - 1] + ins < v) v = cur[j - 1] + ins;
                cur[j] = v;
            }
            long[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[m];
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        long ins = long.Parse(tok[0]), del = long.Parse(tok[1]), rep = long.Parse(tok[2]);
        Console.WriteLine(TypoCost(ins, del, rep, tok[3], tok[4]));
    }
}
