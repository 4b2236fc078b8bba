import java.io.*;
import java.util.*;

public class Main {
    static int escape(int r, int c, char[][] g) {
        int n = r * c;
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
                if (g[i][j] == 'S') { dist[i * c + j] = 0; queue[tail++] = i * c + j; }
        int[] dy = {-1, 1, 0, 0}, dx = {0, 0, -1, 1};
        while (head < tail) {
            int cur = queue[head++];
            int y = cur / c, x = cur % c;
            if (g[y][x] == 'E') return dist[cur];
            for (int k = 0; k < 4; k++) {
                int ny = y + dy[k], nx = x + dx[k];
                if (ny < 0 || ny >= r || nx < 0 || nx >= c || g[ny][nx] == '#') continue;
                int nxt = ny * c + nx;
                if (dist[nxt] >= 0) continue;
                dist[nxt] = dist[cur] + 1;
                queue[tail++] = nxt;
            }
        }
        return -1;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        StringTokenizer st = new StringTokenizer(br.readLine());
        int r = Integer.parseInt(st.nextToken()), c = Integer.parseInt(st.nextToken());
        char[][] g = new char[r][];
        for (int i = 0; i < r; i++) g[i] = br.readLine().trim().toCharArray();
        System.out.println(escape(r, c, g));
    }
}
