using System;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // a: the N readings. Return "min max sum above".
    static string Solve(long[] a)
    {
        return "0 0 0 0";
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
