import java.io.*;
import java.util.*;

public class Main {
    static String inspect(String s) {
        int n = s.length();
        int[] stack = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int k = "([{<".indexOf(c);
            if (k >= 0) {
                stack[top++] = i;
            } else {
                int want = ")]}>".indexOf(c);
                if (top == 0 || "([{<".indexOf(s.charAt(stack[top - 1])) != want) return "ERROR " + (i + 1);
                top--;
            }
        }
        return top > 0 ? "ERROR " + (stack[0] + 1) : "OK";
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        int t = Integer.parseInt(br.readLine().trim());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t; i++) {
            String s = br.readLine().trim();
            sb.append(inspect(s)).append('\n');
        }
        System.out.print(sb);
    }
}
