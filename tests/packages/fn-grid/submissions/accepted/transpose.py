def transpose(grid):
    return [list(col) for col in zip(*grid)]
