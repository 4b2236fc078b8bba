static long long *values;

static int by_value(const void *a, const void *b)
{
    long long x = values[*(const int *)a], y = values[*(const int *)b];
    return (x > y) - (x < y);
}

/**
 * Return an array of *returnSize elements.
 * Note: the returned array must be malloc'd; the caller frees it.
 */
long long* twoSum(long long* nums, int numsSize, long long target, int* returnSize) {
    int *order = malloc(numsSize * sizeof(int));
    long long *answer = malloc(2 * sizeof(long long));
    int lo = 0, hi = numsSize - 1;

    for (int i = 0; i < numsSize; i++)
        order[i] = i;
    values = nums;
    qsort(order, numsSize, sizeof(int), by_value);
    *returnSize = 0;
    while (lo < hi) {
        long long sum = nums[order[lo]] + nums[order[hi]];
        if (sum == target) {
            int a = order[lo], b = order[hi];
            answer[0] = a < b ? a : b;
            answer[1] = a < b ? b : a;
            *returnSize = 2;
            break;
        }
        if (sum < target)
            lo++;
        else
            hi--;
    }
    free(order);
    return answer;
}
