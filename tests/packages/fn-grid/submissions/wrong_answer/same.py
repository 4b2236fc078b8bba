def transpose(grid):
    return grid
