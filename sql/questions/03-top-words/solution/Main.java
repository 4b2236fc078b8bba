import java.io.*;
import java.util.*;

public class Main {
    static List<Map.Entry<String, Integer>> topWords(int k, String text) {
        HashMap<String, Integer> counts = new HashMap<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i)) || text.charAt(i) > 127) { i++; continue; }
            int j = i;
            while (j < n && text.charAt(j) < 128 && Character.isLetter(text.charAt(j))) j++;
            counts.merge(text.substring(i, j).toLowerCase(Locale.ROOT), 1, Integer::sum);
            i = j;
        }
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort((a, b) -> !a.getValue().equals(b.getValue())
                ? Integer.compare(b.getValue(), a.getValue())
                : a.getKey().compareTo(b.getKey()));
        return list.subList(0, Math.min(k, list.size()));
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
