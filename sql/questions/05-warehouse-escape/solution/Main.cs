using System;

public class Program
{
    static int EscapeTime(int r, int c, string[] g)
    {
        int n = r * c;
        int[] dist = new int[n];
        int[] q = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < n; i++) dist[i] = -1;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
                if (g[i][j] == 'S') { dist[i * c + j] = 0; q[tail++] = i * c + j; }
        int[] dy = { -1, 1, 0, 0 }, dx = { 0, 0, -1, 1 };
        while (head < tail)
        {
            int cur = q[head++], y = cur / c, x = cur % c;
            if (g[y][x] == 'E') return dist[cur];
            for (int k = 0; k < 4; k++)
            {
                int ny = y + dy[k], nx = x + dx[k];
                if (ny < 0 || ny >= r || nx < 0 || nx >= c || g[ny][nx] == '#') continue;
                int nxt = ny * c + nx;
                if (dist[nxt] >= 0) continue;
                dist[nxt] = dist[cur] + 1;
                q[tail++] = nxt;
            }
        }
        return -1;
    }

    public static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int r = int.Parse(tok[0]), c = int.Parse(tok[1]);
        string[] g = new string[r];
        for (int i = 0; i < r; i++) g[i] = tok[2 + i];
        Console.WriteLine(EscapeTime(r, c, g));
    }
}
