package a.b;
import java.util.*;
@SuppressWarnings({"unchecked"})
public class Solution<T extends Comparable<T>> {
    static class Inner { public static void main(String... a) {} }
    String t = """
        class Fake { public static void main(String[] a) {} }
        \""" }
        """;
    char c = '}'; Class<?> k = Solution.class;
    Runnable r = () -> { new Object() { void f() {} }; };
}
class CeMain { public static void main(final String[] args) throws Exception { } }
record R(int x) { } enum E { A { }, B; } interface I { static void main(String a[]) {} }
