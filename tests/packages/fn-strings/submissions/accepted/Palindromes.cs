using System;
using System.Linq;

public class Solution {
    public bool[] palindromes(string[] words, bool ignoreCase) {
        return words.Select(w => {
            var v = ignoreCase ? w.ToLowerInvariant() : w;
            var r = new string(v.Reverse().ToArray());
            return v == r;
        }).ToArray();
    }
}
