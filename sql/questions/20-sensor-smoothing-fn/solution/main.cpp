class Solution {
public:
    vector<double> smooth(vector<double>& readings, double alpha) {
        vector<double> s(readings.size());
        s[0] = readings[0];
        for (size_t i = 1; i < readings.size(); i++) s[i] = alpha * readings[i] + (1 - alpha) * s[i - 1];
        return s;
    }
};
