using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

public class Solution {
    public string[] topWords(string document, long k) {
        var counts = new Dictionary<string, int>();
        var word = new StringBuilder();
        for (int i = 0; i <= document.Length; i++) {
            char c = i < document.Length ? document[i] : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                word.Append(char.ToLowerInvariant(c));
            } else if (word.Length > 0) {
                string w = word.ToString();
                counts[w] = counts.TryGetValue(w, out int n) ? n + 1 : 1;
                word.Clear();
            }
        }
        return counts.OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take((int)Math.Min(k, counts.Count))
            .Select(p => p.Key)
            .ToArray();
    }
}
