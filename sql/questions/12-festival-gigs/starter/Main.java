import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // Offer i is [s[i], e[i]) paying p[i].
    // Return {max total pay, min number of gigs achieving it}.
    static long[] bestPlan(int n, int[] s, int[] e, int[] p) {
        return new long[]{0, 0};
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.nextToken();
        int n = (int) in.nval;
        int[] s = new int[n], e = new int[n], p = new int[n];
        for (int i = 0; i < n; i++) {
            in.nextToken(); s[i] = (int) in.nval;
            in.nextToken(); e[i] = (int) in.nval;
            in.nextToken(); p[i] = (int) in.nval;
        }
        long[] res = bestPlan(n, s, e, p);
        System.out.println(res[0] + " " + res[1]);
    }
}
