class Solution {
public:
    double polygonArea(vector<vector<double>>& points) {
        double twice = 0;
        size_t n = points.size();
        for (size_t i = 0; i < n; i++) {
            const auto &p = points[i], &q = points[(i + 1) % n];
            twice += p[0] * q[1] - q[0] * p[1];
        }
        return fabs(twice) / 2;
    }
};
