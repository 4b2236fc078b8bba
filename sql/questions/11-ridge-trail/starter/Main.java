import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // h: the r*c elevations in row-major order (cell (i, j) is h[i * c + j]).
    // Return {E, S}.
    static int[] ridgeTrail(int r, int c, int[] h) {
        return new int[]{0, 0};
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.nextToken(); int r = (int) in.nval;
        in.nextToken(); int c = (int) in.nval;
        int[] h = new int[r * c];
        for (int i = 0; i < r * c; i++) { in.nextToken(); h[i] = (int) in.nval; }
        int[] res = ridgeTrail(r, c, h);
        System.out.println(res[0] + " " + res[1]);
    }
}
