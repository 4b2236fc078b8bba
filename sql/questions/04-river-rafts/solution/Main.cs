using System;

public class Program
{
    static int MinRafts(long c, long[] w)
    {
        Array.Sort(w);
        int i = 0, j = w.Length - 1, rafts = 0;
        while (i <= j)
        {
            if (i < j && w[i] + w[j] <= c) i++;
            j--;
            rafts++;
        }
        return rafts;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long c = long.Parse(tok[1]);
        long[] w = new long[n];
        for (int i = 0; i < n; i++) w[i] = long.Parse(tok[2 + i]);
        Console.WriteLine(MinRafts(c, w));
    }
}
