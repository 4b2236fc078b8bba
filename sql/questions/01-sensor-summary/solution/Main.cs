using System;
using System.Linq;

public class Program
{
    static string Solve(long[] a)
    {
        long n = a.Length;
        long min = long.MaxValue, max = long.MinValue, sum = 0;
        foreach (long x in a)
        {
            if (x < min) min = x;
            if (x > max) max = x;
            sum += x;
        }
        int above = 0;
        foreach (long x in a) if (x * n > sum) above++;
        return min + " " + max + " " + sum + " " + above;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = long.Parse(tok[1 + i]);
        Console.WriteLine(Solve(a));
    }
}
