using System;
using System.Text;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // Implement the four operations for islands numbered 1..n.
    static int n;

    static void Init(int islands) { n = islands; }
    static void Join(int a, int b) { }
    static bool Same(int a, int b) { return false; }
    static int Size(int a) { return 1; }
    static int Count() { return n; }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int islands = int.Parse(tok[0]), q = int.Parse(tok[1]);
        Init(islands);
        var sb = new StringBuilder();
        int pos = 2;
        for (int i = 0; i < q; i++)
        {
            string op = tok[pos++];
            if (op == "J") { Join(int.Parse(tok[pos]), int.Parse(tok[pos + 1])); pos += 2; }
            else if (op == "Q") { sb.Append(Same(int.Parse(tok[pos]), int.Parse(tok[pos + 1])) ? "YES" : "NO").Append('\n'); pos += 2; }
            else if (op == "S") { sb.Append(Size(int.Parse(tok[pos]))).Append('\n'); pos += 1; }
            else sb.Append(Count()).Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
