import java.io.*;
import java.util.*;

public class Main {
    static int minRafts(long c, long[] w) {
        Arrays.sort(w);
        int i = 0, j = w.length - 1, rafts = 0;
        while (i <= j) {
            if (i < j && w[i] + w[j] <= c) i++;
            j--;
            rafts++;
        }
        return rafts;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedInputStream(System.in));
        in.resetSyntax();
        in.wordChars('!', '~');
        in.whitespaceChars(0, ' ');
        in.nextToken();
        int n = Integer.parseInt(in.sval);
        in.nextToken();
        long c = Long.parseLong(in.sval);
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            in.nextToken();
            w[i] = Long.parseLong(in.sval);
        }
        System.out.println(minRafts(c, w));
    }
}
