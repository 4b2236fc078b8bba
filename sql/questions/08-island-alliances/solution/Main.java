import java.io.*;
import java.util.*;

public class Main {
    static int[] parent, size;
    static int count;

    static int find(int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }
        return root;
    }

    static void join(int a, int b) {
        a = find(a); b = find(b);
        if (a == b) return;
        if (size[a] < size[b]) { int t = a; a = b; b = t; }
        parent[b] = a;
        size[a] += size[b];
        count--;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        StringTokenizer st = new StringTokenizer(br.readLine());
        int n = Integer.parseInt(st.nextToken()), q = Integer.parseInt(st.nextToken());
        parent = new int[n + 1];
        size = new int[n + 1];
        for (int i = 0; i <= n; i++) { parent[i] = i; size[i] = 1; }
        count = n;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < q; i++) {
            st = new StringTokenizer(br.readLine());
            String op = st.nextToken();
            switch (op) {
                case "J": join(Integer.parseInt(st.nextToken()), Integer.parseInt(st.nextToken())); break;
                case "Q": {
                    int a = Integer.parseInt(st.nextToken()), b = Integer.parseInt(st.nextToken());
                    sb.append(find(a) == find(b) ? "YES" : "NO").append('\n');
                    break;
                }
                case "S": sb.append(size[find(Integer.parseInt(st.nextToken()))]).append('\n'); break;
                default: sb.append(count).append('\n');
            }
        }
        System.out.print(sb);
    }
}
