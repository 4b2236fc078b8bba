import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // w: the N crate weights in conveyor order.
    // Return the maximum number of crates in a stable tower.
    static int tallestTower(int[] w) {
        return 0;
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
