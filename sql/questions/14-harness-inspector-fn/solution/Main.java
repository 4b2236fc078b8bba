import java.util.*;

public class Solution {
    public String inspect(String harness) {
        String opening = "([{<", closing = ")]}>";
        int[] shape = new int[harness.length()], position = new int[harness.length()];
        int top = 0;
        for (int i = 0; i < harness.length(); i++) {
            char c = harness.charAt(i);
            int k = opening.indexOf(c);
            if (k >= 0) {
                shape[top] = k;
                position[top++] = i + 1;
            } else if (top == 0 || shape[top - 1] != closing.indexOf(c)) {
                return "ERROR " + (i + 1);
            } else {
                top--;
            }
        }
        return top > 0 ? "ERROR " + position[0] : "OK";
    }
}
