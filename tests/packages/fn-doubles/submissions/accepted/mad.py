def meanAbsoluteDeviation(values):
    m = sum(values) / len(values)
    return sum(abs(x - m) for x in values) / len(values)
