def meanAbsoluteDeviation(values):
    m = sum(values) / len(values)
    return round(sum(abs(x - m) for x in values) / len(values), 1)
