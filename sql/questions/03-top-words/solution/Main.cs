using System;
using System.Collections.Generic;
using System.Text;

public class Program
{
    static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    static List<KeyValuePair<string, int>> TopWords(int k, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = text.Length, i = 0;
        while (i < n)
        {
            if (!IsLetter(text[i])) { i++; continue; }
            int j = i;
            while (j < n && IsLetter(text[j])) j++;
            string w = text.Substring(i, j - i).ToLowerInvariant();
            counts.TryGetValue(w, out int c);
            counts[w] = c + 1;
            i = j;
        }
        var list = new List<KeyValuePair<string, int>>(counts);
        // Ordinal comparison: culture-aware comparison would order words differently.
        list.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        if (list.Count > k) list.RemoveRange(k, list.Count - k);
        return list;
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
