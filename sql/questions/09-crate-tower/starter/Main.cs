using System;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // w: the N crate weights in conveyor order.
    // Return the maximum number of crates in a stable tower.
    static int TallestTower(int[] w)
    {
        return 0;
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
