using System;
using System.Collections.Generic;
using System.Text;

public class Program
{
    // ===== YOUR SOLUTION HERE =====
    // k: how many words to report; text: the whole document.
    // Return (word, count) pairs in the required order.
    // Hint: compare words with string.CompareOrdinal, not the culture-aware default.
    static List<KeyValuePair<string, int>> TopWords(int k, string text)
    {
        return new List<KeyValuePair<string, int>> { new KeyValuePair<string, int>("todo", 0) };
    }

    public static void Main()
    {
        string data = Console.In.ReadToEnd();
        int nl = data.IndexOf('\n');
        int k = int.Parse((nl < 0 ? data : data.Substring(0, nl)).Trim());
        string text = nl < 0 ? "" : data.Substring(nl + 1);
        var sb = new StringBuilder();
        foreach (var wc in TopWords(k, text)) sb.Append(wc.Key).Append(' ').Append(wc.Value).Append('\n');
        Console.Write(sb.ToString());
    }
}
