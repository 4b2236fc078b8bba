public class Solution {
    public long typoCost(String typed, String meant, long insertCost, long deleteCost, long replaceCost) {
        int n = typed.length(), m = meant.length();
        long[] prev = new long[m + 1], cur = new long[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j * insertCost;
        for (int i = 1; i <= n; i++) {
            cur[0] = i * deleteCost;
            for (int j = 1; j <= m; j++) {
                long v = prev[j - 1] + (typed.charAt(i - 1) == meant.charAt(j - 1) ? 0 : replaceCost);
                v = Math.min(v, prev[j] + deleteCost);
                v = Math.min(v, cur[j - 1] + insertCost);
                cur[j] = v;
            }
            long[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
