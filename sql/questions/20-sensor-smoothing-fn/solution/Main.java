public class Solution {
    public double[] smooth(double[] readings, double alpha) {
        double[] s = new double[readings.length];
        s[0] = readings[0];
        for (int i = 1; i < readings.length; i++) s[i] = alpha * readings[i] + (1 - alpha) * s[i - 1];
        return s;
    }
}
