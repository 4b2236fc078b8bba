public class Solution {
    public double polygonArea(double[][] points) {
        double twice = 0;
        int n = points.length;
        for (int i = 0; i < n; i++) {
            double[] p = points[i], q = points[(i + 1) % n];
            twice += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(twice) / 2;
    }
}
