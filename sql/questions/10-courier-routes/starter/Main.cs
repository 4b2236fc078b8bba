using System;
using System.Collections.Generic;

public class Program
{
    const long MOD = 1000000007L;

    // ===== YOUR SOLUTION HERE =====
    // Street j joins eu[j] and ev[j] and takes ew[j] seconds.
    // Return false if N is unreachable; otherwise set D and routes (mod MOD).
    // Note: mono has no PriorityQueue<T>; write a small binary heap if you need one.
    static bool FastestRoutes(int n, int[] eu, int[] ev, long[] ew, out long D, out long routes)
    {
        D = 0;
        routes = 0;
        return false;
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
