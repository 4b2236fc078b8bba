import java.io.*;
import java.util.*;

public class Main {
    static int typoCost(int ins, int del, int rep, String s, String t) {
        int n = s.length(), m = t.length();
        int[] prev = new int[m + 1], cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j * ins;
        for (int i = 1; i <= n; i++) {
            char a = s.charAt(i - 1);
            cur[0] = i * del;
            for (int j = 1; j <= m; j++) {
                int v = prev[j - 1] + (a == t.charAt(j - 1) ? 0 : rep);
                v = Math.min(v, prev[j] + del);
                v = Math.min(v, cur[j - 1] + ins);
                cur[j] = v;
            }
            int[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[m];
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
