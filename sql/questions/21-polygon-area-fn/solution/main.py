def polygonArea(points: list[list[float]]) -> float:
    twice = 0.0
    for i, (x, y) in enumerate(points):
        nx, ny = points[(i + 1) % len(points)]
        twice += x * ny - nx * y
    return abs(twice) / 2
