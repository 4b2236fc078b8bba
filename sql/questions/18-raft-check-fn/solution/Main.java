import java.util.*;

public class Solution {
    public boolean canCarry(long[] weights, long capacity, long rafts) {
        long[] w = weights.clone();
        Arrays.sort(w);
        int i = 0, j = w.length - 1;
        long needed = 0;
        while (i <= j) {
            if (i < j && w[i] + w[j] <= capacity) i++;
            j--;
            needed++;
        }
        return needed <= rafts;
    }
}
