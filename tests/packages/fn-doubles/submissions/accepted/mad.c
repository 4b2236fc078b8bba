#include <math.h>

double meanAbsoluteDeviation(double* values, int valuesSize) {
    double m = 0, d = 0;
    for (int i = 0; i < valuesSize; i++)
        m += values[i];
    m /= valuesSize;
    for (int i = 0; i < valuesSize; i++)
        d += fabs(values[i] - m);
    return d / valuesSize;
}
