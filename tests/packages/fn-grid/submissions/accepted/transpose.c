#include <stdlib.h>

long long** transpose(long long** grid, int gridSize, int* gridColSize, int* returnSize, int** returnColumnSizes) {
    int cols = gridColSize[0];
    long long **t = malloc(sizeof *t * cols);
    *returnColumnSizes = malloc(sizeof **returnColumnSizes * cols);
    for (int j = 0; j < cols; j++) {
        t[j] = malloc(sizeof **t * gridSize);
        (*returnColumnSizes)[j] = gridSize;
        for (int i = 0; i < gridSize; i++)
            t[j][i] = grid[i][j];
    }
    *returnSize = cols;
    return t;
}
