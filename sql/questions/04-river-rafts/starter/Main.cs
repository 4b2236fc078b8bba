using System;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // c: raft capacity; w: the N tourist weights. Return the minimum number of rafts.
    static int MinRafts(long c, long[] w)
    {
        return 0;
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
