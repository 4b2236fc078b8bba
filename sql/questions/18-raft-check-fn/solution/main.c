static int ascending(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

bool canCarry(long long* weights, int weightsSize, long long capacity, long long rafts) {
    long long needed = 0;
    int i = 0, j = weightsSize - 1;

    qsort(weights, weightsSize, sizeof(long long), ascending);
    while (i <= j) {
        if (i < j && weights[i] + weights[j] <= capacity)
            i++;
        j--;
        needed++;
    }
    return needed <= rafts;
}
