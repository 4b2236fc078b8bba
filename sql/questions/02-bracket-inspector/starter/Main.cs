using System;
using System.Text;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // s: one harness string. Return "OK" or "ERROR p".
    static string Inspect(string s)
    {
        return "OK";
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        var sb = new StringBuilder();
        for (int i = 1; i <= t; i++) sb.Append(Inspect(tok[i])).Append('\n');
        Console.Write(sb.ToString());
    }
}
