using System;

public class Solution {
    public long typoCost(string typed, string meant, long insertCost, long deleteCost, long replaceCost) {
        int n = typed.Length, m = meant.Length;
        var prev = new long[m + 1];
        var cur = new long[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j * insertCost;
        for (int i = 1; i <= n; i++) {
            cur[0] = i * deleteCost;
            for (int j = 1; j <= m; j++) {
                long v = prev[j - 1] + (typed[i - 1] == meant[j - 1] ? 0 : replaceCost);
                v = Math.Min(v, prev[j] + deleteCost);
                v = Math.Min(v, cur[j - 1] + insertCost);
                cur[j] = v;
            }
            var t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
