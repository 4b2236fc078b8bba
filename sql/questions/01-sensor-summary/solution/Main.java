import java.io.*;
import java.util.*;

public class Main {
    static String solve(long[] a) {
        int n = a.length;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE, sum = 0;
        for (long x : a) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        int above = 0;
        for (long x : a) if (x * n > sum) above++;
        return min + " " + max + " " + sum + " " + above;
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
