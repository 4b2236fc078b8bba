using System;
using System.Collections.Generic;

public class Solution {
    public long[][] busyBlocks(long[][] bookings) {
        var sorted = (long[][])bookings.Clone();
        Array.Sort(sorted, (x, y) => x[0].CompareTo(y[0]));
        var blocks = new List<long[]>();
        foreach (var b in sorted) {
            if (blocks.Count > 0 && b[0] <= blocks[blocks.Count - 1][1]) {
                var last = blocks[blocks.Count - 1];
                last[1] = Math.Max(last[1], b[1]);
            } else {
                blocks.Add(new long[] { b[0], b[1] });
            }
        }
        return blocks.ToArray();
    }
}
