import java.io.*;
import java.util.*;

public class Main {
    // Returns {max total pay, min number of gigs achieving it}.
    static long[] bestPlan(int n, int[] s, int[] e, int[] p) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Integer.compare(e[a], e[b]));
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) ends[i] = e[idx[i]];
        long[] pay = new long[n + 1];
        int[] cnt = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int g = idx[i];
            // j = number of gigs among the first i whose end is <= s[g]
            int lo = 0, hi = i;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= s[g]) lo = mid + 1; else hi = mid;
            }
            long tp = pay[lo] + p[g];
            int tc = cnt[lo] + 1;
            if (tp > pay[i] || (tp == pay[i] && tc < cnt[i])) { pay[i + 1] = tp; cnt[i + 1] = tc; }
            else { pay[i + 1] = pay[i]; cnt[i + 1] = cnt[i]; }
        }
        return new long[]{pay[n], cnt[n]};
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
