using System;
using System.Collections.Generic;

public class Solution {
    public long[] twoSum(long[] nums, long target) {
        var seen = new Dictionary<long, int>();
        for (int i = 0; i < nums.Length; i++) {
            if (seen.TryGetValue(target - nums[i], out int j)) return new long[] { j, i };
            seen[nums[i]] = i;
        }
        return new long[0];
    }
}
