import java.io.*;
import java.util.*;

public class Main {
    // Returns the text of the report.
    static String report(int n, int[] s, int[] e) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> s[a] != s[b] ? Integer.compare(s[a], s[b]) : Integer.compare(e[a], e[b]));
        List<int[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            if (!blocks.isEmpty() && s[i] <= blocks.get(blocks.size() - 1)[1]) {
                int[] last = blocks.get(blocks.size() - 1);
                last[1] = Math.max(last[1], e[i]);
            } else {
                blocks.add(new int[]{s[i], e[i]});
            }
        }
        int[] starts = s.clone(), ends = e.clone();
        Arrays.sort(starts);
        Arrays.sort(ends);
        int peak = 0, cur = 0, j = 0;
        for (int i = 0; i < n; i++) {
            while (ends[j] <= starts[i]) { j++; cur--; }  // ends at the same time come first
            cur++;
            peak = Math.max(peak, cur);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(blocks.size()).append(' ').append(peak).append('\n');
        for (int[] b : blocks) sb.append(b[0]).append(' ').append(b[1]).append('\n');
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        int[] s = new int[n], e = new int[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            s[i] = Integer.parseInt(in.sval);
            in.nextToken();
            e[i] = Integer.parseInt(in.sval);
        }
        System.out.print(report(n, s, e));
    }
}
