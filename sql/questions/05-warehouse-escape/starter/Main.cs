using System;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // g: R rows of C characters. Return the minimum number of moves to an exit, or -1.
    static int EscapeTime(int r, int c, string[] g)
    {
        return -1;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int r = int.Parse(tok[0]), c = int.Parse(tok[1]);
        string[] g = new string[r];
        for (int i = 0; i < r; i++) g[i] = tok[2 + i];
        Console.WriteLine(EscapeTime(r, c, g));
    }
}
