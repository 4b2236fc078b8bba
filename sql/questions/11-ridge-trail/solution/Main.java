import java.io.*;
import java.util.*;

public class Main {
    static int r, c;
    static int[] h, dist, queue;

    // Fewest steps from the top-left to the bottom-right cell using only moves
    // whose height difference is at most limit; -1 if impossible.
    static int bfsSteps(int limit) {
        int n = r * c;
        Arrays.fill(dist, -1);
        int head = 0, tail = 0;
        dist[0] = 0;
        queue[tail++] = 0;
        while (head < tail) {
            int cur = queue[head++];
            if (cur == n - 1) return dist[cur];
            int x = cur % c;
            for (int k = 0; k < 4; k++) {
                int nxt;
                if (k == 0) nxt = cur - c;
                else if (k == 1) nxt = cur + c;
                else if (k == 2) nxt = x > 0 ? cur - 1 : -1;
                else nxt = x < c - 1 ? cur + 1 : -1;
                if (nxt < 0 || nxt >= n || dist[nxt] >= 0 || Math.abs(h[nxt] - h[cur]) > limit) continue;
                dist[nxt] = dist[cur] + 1;
                queue[tail++] = nxt;
            }
        }
        return -1;
    }

    static int[] ridgeTrail() {
        int lo = 0, hi = 0, mn = Integer.MAX_VALUE, mx = Integer.MIN_VALUE;
        for (int v : h) { mn = Math.min(mn, v); mx = Math.max(mx, v); }
        hi = mx - mn;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (bfsSteps(mid) >= 0) hi = mid; else lo = mid + 1;
        }
        return new int[]{lo, bfsSteps(lo)};
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.nextToken(); r = (int) in.nval;
        in.nextToken(); c = (int) in.nval;
        h = new int[r * c];
        for (int i = 0; i < r * c; i++) { in.nextToken(); h[i] = (int) in.nval; }
        dist = new int[r * c];
        queue = new int[r * c];
        int[] res = ridgeTrail();
        System.out.println(res[0] + " " + res[1]);
    }
}
