static int by_start(const void *a, const void *b)
{
    const long long *x = *(long long *const *)a, *y = *(long long *const *)b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/**
 * Return an array of *returnSize rows; set *returnColumnSizes to an array
 * with the length of each row.
 * Note: the returned array, each row and *returnColumnSizes must be malloc'd;
 * the caller frees them.
 */
long long** busyBlocks(long long** bookings, int bookingsSize, int* bookingsColSize, int* returnSize, int** returnColumnSizes) {
    long long **blocks = malloc((bookingsSize + 1) * sizeof(long long *));
    int n = 0;

    (void)bookingsColSize;
    qsort(bookings, bookingsSize, sizeof(long long *), by_start);
    for (int i = 0; i < bookingsSize; i++) {
        if (n && bookings[i][0] <= blocks[n - 1][1]) {
            if (bookings[i][1] > blocks[n - 1][1])
                blocks[n - 1][1] = bookings[i][1];
        } else {
            blocks[n] = malloc(2 * sizeof(long long));
            blocks[n][0] = bookings[i][0];
            blocks[n][1] = bookings[i][1];
            n++;
        }
    }
    *returnSize = n;
    *returnColumnSizes = malloc((n + 1) * sizeof(int));
    for (int i = 0; i < n; i++)
        (*returnColumnSizes)[i] = 2;
    return blocks;
}
