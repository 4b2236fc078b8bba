import java.io.*;
import java.util.*;

public class Main {
    static int tallestTower(int[] w) {
        int[] tails = new int[w.length];
        int len = 0;
        for (int x : w) {
            int v = -x;
            int lo = 0, hi = len;  // first index with tails[idx] >= v
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tails[mid] < v) lo = mid + 1; else hi = mid;
            }
            tails[lo] = v;
            if (lo == len) len++;
        }
        return len;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.nextToken();
        int n = (int) in.nval;
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            w[i] = (int) in.nval;
        }
        System.out.println(tallestTower(w));
    }
}
