def canCarry(weights: list[int], capacity: int, rafts: int) -> bool:
    w = sorted(weights)
    i, j, needed = 0, len(w) - 1, 0
    while i <= j:
        if i < j and w[i] + w[j] <= capacity:
            i += 1
        j -= 1
        needed += 1
    return needed <= rafts
