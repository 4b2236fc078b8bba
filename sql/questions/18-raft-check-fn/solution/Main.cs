using System;

public class Solution {
    public bool canCarry(long[] weights, long capacity, long rafts) {
        var w = (long[])weights.Clone();
        Array.Sort(w);
        int i = 0, j = w.Length - 1;
        long needed = 0;
        while (i <= j) {
            if (i < j && w[i] + w[j] <= capacity) i++;
            j--;
            needed++;
        }
        return needed <= rafts;
    }
}
