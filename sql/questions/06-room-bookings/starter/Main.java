import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // Booking i is the half-open range [s[i], e[i]).
    // Return the full report text: "B peak" followed by B lines "start end".
    static String report(int n, int[] s, int[] e) {
        return "0 0\n";
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        int[] s = new int[n], e = new int[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            s[i] = Integer.parseInt(in.sval);
            in.nextToken();
            e[i] = Integer.parseInt(in.sval);
        }
        System.out.print(report(n, s, e));
    }
}
