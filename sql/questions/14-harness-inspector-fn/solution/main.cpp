class Solution {
public:
    string inspect(string harness) {
        const string opening = "([{<", closing = ")]}>";
        vector<pair<int, int>> stack;
        for (int i = 0; i < (int)harness.size(); i++) {
            size_t k = opening.find(harness[i]);
            if (k != string::npos)
                stack.push_back({(int)k, i + 1});
            else if (stack.empty() || closing[stack.back().first] != harness[i])
                return "ERROR " + to_string(i + 1);
            else
                stack.pop_back();
        }
        return stack.empty() ? "OK" : "ERROR " + to_string(stack[0].second);
    }
};
