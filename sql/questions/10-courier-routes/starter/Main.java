import java.io.*;
import java.util.*;

public class Main {
    static final long MOD = 1_000_000_007L;

    // ===== YOUR SOLUTION HERE =====
    // Street j joins eu[j] and ev[j] and takes ew[j] seconds.
    // Return null if N is unreachable, otherwise {D, routes mod MOD}.
    static long[] fastestRoutes(int n, int m, int[] eu, int[] ev, long[] ew) {
        return null;
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in), m = (int) readLong(in);
        int[] eu = new int[m], ev = new int[m];
        long[] ew = new long[m];
        for (int j = 0; j < m; j++) {
            eu[j] = (int) readLong(in);
            ev[j] = (int) readLong(in);
            ew[j] = readLong(in);
        }
        long[] res = fastestRoutes(n, m, eu, ev, ew);
        System.out.println(res == null ? "-1" : res[0] + " " + res[1]);
    }

    static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = in.read();
        boolean neg = false;
        if (c == '-') { neg = true; c = in.read(); }
        long r = 0;
        while (c >= '0' && c <= '9') { r = r * 10 + (c - '0'); c = in.read(); }
        return neg ? -r : r;
    }
}
