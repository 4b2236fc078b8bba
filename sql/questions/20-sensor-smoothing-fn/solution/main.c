/**
 * Return an array of *returnSize elements.
 * Note: the returned array must be malloc'd; the caller frees it.
 */
double* smooth(double* readings, int readingsSize, double alpha, int* returnSize) {
    double *s = malloc(readingsSize * sizeof(double));

    s[0] = readings[0];
    for (int i = 1; i < readingsSize; i++)
        s[i] = alpha * readings[i] + (1 - alpha) * s[i - 1];
    *returnSize = readingsSize;
    return s;
}
