public class Solution {
    public double[] smooth(double[] readings, double alpha) {
        var s = new double[readings.Length];
        s[0] = readings[0];
        for (int i = 1; i < readings.Length; i++) s[i] = alpha * readings[i] + (1 - alpha) * s[i - 1];
        return s;
    }
}
