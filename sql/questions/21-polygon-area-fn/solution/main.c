double polygonArea(double** points, int pointsSize, int* pointsColSize) {
    double twice = 0;

    (void)pointsColSize;
    for (int i = 0; i < pointsSize; i++) {
        double *p = points[i], *q = points[(i + 1) % pointsSize];
        twice += p[0] * q[1] - q[0] * p[1];
    }
    return fabs(twice) / 2;
}
