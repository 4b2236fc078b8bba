import java.util.*;

public class Solution {
    public String[] topWords(String document, long k) {
        Map<String, Integer> counts = new HashMap<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= document.length(); i++) {
            char c = i < document.length() ? document.charAt(i) : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                counts.merge(word.toString(), 1, Integer::sum);
                word.setLength(0);
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort((a, b) -> {
            int ca = counts.get(a), cb = counts.get(b);
            return ca != cb ? Integer.compare(cb, ca) : a.compareTo(b);
        });
        return words.subList(0, (int) Math.min(k, words.size())).toArray(new String[0]);
    }
}
