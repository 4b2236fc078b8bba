def smooth(readings: list[float], alpha: float) -> list[float]:
    smoothed = [float(readings[0])]
    for r in readings[1:]:
        smoothed.append(alpha * r + (1 - alpha) * smoothed[-1])
    return smoothed
