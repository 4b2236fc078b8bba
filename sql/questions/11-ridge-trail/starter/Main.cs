using System;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // h: the r*c elevations in row-major order (cell (i, j) is h[i * c + j]).
    // Set e = E and s = S.
    static void RidgeTrail(int r, int c, int[] h, out int e, out int s)
    {
        e = 0;
        s = 0;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int r = int.Parse(tok[0]), c = int.Parse(tok[1]);
        int[] h = new int[r * c];
        for (int i = 0; i < r * c; i++) h[i] = int.Parse(tok[2 + i]);
        RidgeTrail(r, c, h, out int e, out int s);
        Console.WriteLine(e + " " + s);
    }
}
