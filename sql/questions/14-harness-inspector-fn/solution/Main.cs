using System;
using System.Collections.Generic;

public class Solution {
    public string inspect(string harness) {
        const string opening = "([{<", closing = ")]}>";
        var shape = new int[harness.Length];
        var position = new int[harness.Length];
        int top = 0;
        for (int i = 0; i < harness.Length; i++) {
            int k = opening.IndexOf(harness[i]);
            if (k >= 0) {
                shape[top] = k;
                position[top++] = i + 1;
            } else if (top == 0 || closing[shape[top - 1]] != harness[i]) {
                return "ERROR " + (i + 1);
            } else {
                top--;
            }
        }
        return top > 0 ? "ERROR " + position[0] : "OK";
    }
}
