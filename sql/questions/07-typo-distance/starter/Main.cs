using System;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // ins, del, rep: costs of insert, delete and replace.
    // Return the minimum cost of turning s into t.
    static long TypoCost(long ins, long del, long rep, string s, string t)
    {
        return 0;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        long ins = long.Parse(tok[0]), del = long.Parse(tok[1]), rep = long.Parse(tok[2]);
        Console.WriteLine(TypoCost(ins, del, rep, tok[3], tok[4]));
    }
}
