import java.io.*;
import java.util.*;

public class Main {
    // ===== YOUR SOLUTION HERE =====
    // k: how many words to report; text: the whole document.
    // Return (word, count) pairs in the required order.
    static List<Map.Entry<String, Integer>> topWords(int k, String text) {
        List<Map.Entry<String, Integer>> result = new ArrayList<>();
        result.add(new AbstractMap.SimpleEntry<>("todo", 0));
        return result;
    }

    public static void main(String[] args) throws IOException {
        byte[] all = System.in.readAllBytes();
        String data = new String(all, "US-ASCII");
        int nl = data.indexOf('\n');
        if (nl < 0) nl = data.length();
        int k = Integer.parseInt(data.substring(0, nl).trim());
        String text = nl < data.length() ? data.substring(nl + 1) : "";
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : topWords(k, text))
            sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        System.out.print(sb);
    }
}
