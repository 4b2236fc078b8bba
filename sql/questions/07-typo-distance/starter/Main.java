import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // ins, del, rep: costs of insert, delete and replace.
    // Return the minimum cost of turning s into t.
    static int typoCost(int ins, int del, int rep, String s, String t) {
        return 0;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer(br.readLine());
        int ins = Integer.parseInt(st.nextToken());
        int del = Integer.parseInt(st.nextToken());
        int rep = Integer.parseInt(st.nextToken());
        String s = br.readLine().trim();
        String t = br.readLine().trim();
        System.out.println(typoCost(ins, del, rep, s, t));
    }
}
