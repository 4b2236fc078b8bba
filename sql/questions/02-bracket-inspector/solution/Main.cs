using System;
using System.Text;

public class Program
{
    const string OPEN = "([{<", CLOSE = ")]}>";

    static string Inspect(string s)
    {
        int[] stack = new int[s.Length];
        int top = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (OPEN.IndexOf(c) >= 0)
            {
                stack[top++] = i;
            }
            else
            {
                if (top == 0 || OPEN.IndexOf(s[stack[top - 1]]) != CLOSE.IndexOf(c)) return "ERROR " + (i + 1);
                top--;
            }
        }
        return top > 0 ? "ERROR " + (stack[0] + 1) : "OK";
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
