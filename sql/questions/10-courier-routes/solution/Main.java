import java.io.*;
import java.util.*;

public class Main {
    static final long MOD = 1_000_000_007L;

    // Returns null if N is unreachable, otherwise {distance, routes mod MOD}.
    static long[] fastestRoutes(int n, int m, int[] eu, int[] ev, long[] ew) {
        int[] head = new int[n + 1], next = new int[2 * m], to = new int[2 * m];
        long[] wt = new long[2 * m];
        Arrays.fill(head, -1);
        for (int j = 0; j < m; j++) {
            to[2 * j] = ev[j]; wt[2 * j] = ew[j]; next[2 * j] = head[eu[j]]; head[eu[j]] = 2 * j;
            to[2 * j + 1] = eu[j]; wt[2 * j + 1] = ew[j]; next[2 * j + 1] = head[ev[j]]; head[ev[j]] = 2 * j + 1;
        }
        long[] dist = new long[n + 1];
        long[] ways = new long[n + 1];
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[1] = 0;
        ways[1] = 1;
        PriorityQueue<long[]> pq = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        pq.add(new long[]{0, 1});
        while (!pq.isEmpty()) {
            long[] top = pq.poll();
            long d = top[0];
            int u = (int) top[1];
            if (d > dist[u]) continue;
            for (int e = head[u]; e != -1; e = next[e]) {
                int v = to[e];
                long nd = d + wt[e];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    ways[v] = ways[u];
                    pq.add(new long[]{nd, v});
                } else if (nd == dist[v]) {
                    ways[v] = (ways[v] + ways[u]) % MOD;
                }
            }
        }
        if (dist[n] == Long.MAX_VALUE) return null;
        return new long[]{dist[n], ways[n]};
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
