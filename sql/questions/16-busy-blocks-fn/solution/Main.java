import java.util.*;

public class Solution {
    public long[][] busyBlocks(long[][] bookings) {
        long[][] sorted = bookings.clone();
        Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
        List<long[]> blocks = new ArrayList<>();
        for (long[] b : sorted) {
            if (!blocks.isEmpty() && b[0] <= blocks.get(blocks.size() - 1)[1]) {
                long[] last = blocks.get(blocks.size() - 1);
                last[1] = Math.max(last[1], b[1]);
            } else {
                blocks.add(new long[] {b[0], b[1]});
            }
        }
        return blocks.toArray(new long[0][]);
    }
}
