using System;

public class Program
{
    static int TallestTower(int[] w)
    {
        int[] tails = new int[w.Length];
        int len = 0;
        foreach (int x in w)
        {
            int v = -x, lo = 0, hi = len;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (tails[mid] < v) lo = mid + 1; else hi = mid;
            }
            tails[lo] = v;
            if (lo == len) len++;
        }
        return len;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = int.Parse(tok[1 + i]);
        Console.WriteLine(TallestTower(w));
    }
}
