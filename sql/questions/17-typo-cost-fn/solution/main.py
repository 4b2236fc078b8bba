def typoCost(typed: str, meant: str, insertCost: int, deleteCost: int, replaceCost: int) -> int:
    m = len(meant)
    prev = [j * insertCost for j in range(m + 1)]
    for i in range(1, len(typed) + 1):
        a = typed[i - 1]
        cur = [i * deleteCost] + [0] * m
        left = cur[0]
        for j in range(1, m + 1):
            v = prev[j - 1] if a == meant[j - 1] else prev[j - 1] + replaceCost
            x = prev[j] + deleteCost
            if x < v:
                v = x
            x = left + insertCost
            if x < v:
                v = x
            cur[j] = left = v
        prev = cur
    return prev[m]
