import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // Implement the four operations for islands numbered 1..n.
    static int n;

    static void init(int islands) { n = islands; }
    static void join(int a, int b) { }
    static boolean same(int a, int b) { return false; }
    static int size(int a) { return 1; }
    static int count() { return n; }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        StringTokenizer st = new StringTokenizer(br.readLine());
        int islands = Integer.parseInt(st.nextToken()), q = Integer.parseInt(st.nextToken());
        init(islands);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < q; i++) {
            st = new StringTokenizer(br.readLine());
            String op = st.nextToken();
            switch (op) {
                case "J": join(Integer.parseInt(st.nextToken()), Integer.parseInt(st.nextToken())); break;
                case "Q": {
                    int a = Integer.parseInt(st.nextToken()), b = Integer.parseInt(st.nextToken());
                    sb.append(same(a, b) ? "YES" : "NO").append('\n');
                    break;
                }
                case "S": sb.append(size(Integer.parseInt(st.nextToken()))).append('\n'); break;
                default: sb.append(count()).append('\n');
            }
        }
        System.out.print(sb);
    }
}
