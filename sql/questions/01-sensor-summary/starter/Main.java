import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // a: the N readings. Return "min max sum above".
    static String solve(long[] a) {
        return "0 0 0 0";
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            a[i] = Long.parseLong(in.sval);
        }
        System.out.println(solve(a));
    }
}
