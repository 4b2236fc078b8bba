#!/bin/sh
# conf/box-cache.sh - build what every box shares read-only at /cache (sandbox/box.c binds
# /var/cache/coding-engine there): precompiled headers for C++ and the JVM's class-data
# archives for javac and for programs.  Run as root by make test, make bench and
# conf/service.sh (start, run, worker); a no-op when the toolchains have not changed.
#
# Root builds from the host's toolchains alone, with a clean environment: no file of a
# service user or of a submission is read, and the result is root's, read-only to others.
# The flags are those of common/lang.c; tests/test_cache.c checks that boxes use the result.
set -eu
if [ -z "${CE_BOX_CACHE_CLEAN:-}" ]; then
	# nothing of the caller's environment (CPATH, GCC_EXEC_PREFIX, JAVA_TOOL_OPTIONS, ...)
	exec env -i CE_BOX_CACHE_CLEAN=1 PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		/bin/sh "$0" "$@"
fi
CACHE=/var/cache/coding-engine

log() { printf 'box-cache: %s\n' "$*"; }
if [ "$(id -u)" != 0 ]; then
	log "not root: left as it is (boxes compile without it, only slower)"
	exit 0
fi
umask 022

# the same path check as the launcher's: root's directories, writable by no one else
mkdir -p "$CACHE"
for d in /var /var/cache "$CACHE"; do
	if [ -L "$d" ] || [ "$(stat -c %u "$d")" != 0 ] || [ $((0$(stat -c %a "$d") & 022)) != 0 ]; then
		log "$d must be a directory of root's that no one else can write; not building"
		exit 1
	fi
done
chmod 755 "$CACHE"
# one build at a time (make test and a start may overlap); the next one finds it done
exec 9>"$CACHE/.lock"
flock 9
tmp=$(mktemp -d "$CACHE/.build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Replace $CACHE/$1 with $tmp/$1 (a box that is open keeps what it has mapped).
swap_in() {
	chmod -R a+rX,go-w "$tmp/$1"
	rm -rf "$CACHE/$1.old"
	[ -e "$CACHE/$1" ] && mv "$CACHE/$1" "$CACHE/$1.old"
	mv "$tmp/$1" "$CACHE/$1"
	rm -rf "$CACHE/$1.old"
}

# ---- C++: bits/stdc++.h and iostream, precompiled with the submissions' flags ----

CXX=/usr/bin/g++
CXXFLAGS="-std=gnu++17 -O2 -pipe"
PCH_HEADERS="bits/stdc++.h iostream"

cpp_key() {
	{
		echo "$CXXFLAGS $PCH_HEADERS"
		"$CXX" -v 2>&1
		sha256sum "$(readlink -f "$CXX")" "$("$CXX" -print-prog-name=cc1plus)"
		# every header the precompiled ones read, by content
		for h in $PCH_HEADERS; do
			printf '#include <%s>\n' "$h" | "$CXX" $CXXFLAGS -M -x c++ - | tr -d '\\' |
				tr ' ' '\n' | grep '^/' | sort -u | xargs sha256sum
		done
	} | sha256sum | cut -d' ' -f1
}

build_cpp() {
	mkdir -p "$tmp/cpp/bits"
	for h in $PCH_HEADERS; do
		printf '#include <%s>\n' "$h" >"$tmp/header.h"
		"$CXX" $CXXFLAGS -x c++-header "$tmp/header.h" -o "$tmp/cpp/$h.gch"
		# it must be used by the same command a submission gets (-H marks a used one with '!')
		printf '#include <%s>\nint main() { return 0; }\n' "$h" >"$tmp/main.cpp"
		"$CXX" $CXXFLAGS -Winvalid-pch -H -I"$tmp/cpp" -o "$tmp/main" "$tmp/main.cpp" 2>"$tmp/used"
		grep -q "^! $tmp/cpp/$h.gch" "$tmp/used" || {
			cat "$tmp/used" >&2
			log "the precompiled $h is not used; not installing it"
			return 1
		}
	done
	echo "$1" >"$tmp/cpp/key"
}

if command -v "$CXX" >/dev/null; then
	key=$(cpp_key)
	if [ "$(cat "$CACHE/cpp/key" 2>/dev/null)" != "$key" ]; then
		log "precompiling $PCH_HEADERS for g++ $CXXFLAGS"
		build_cpp "$key" && swap_in cpp
	fi
fi

# ---- Java: class-data archives for javac and for programs ----

JAVAC_FLAGS="-J-Xmx512m -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -J-XX:-UsePerfData
 -J-XX:+UnlockDiagnosticVMOptions -J-XX:ArchiveRelocationMode=0"
JAVA_FLAGS="-Xss64m -XX:+UseSerialGC -XX:-UsePerfData -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=64m
 -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000
 -Dfile.encoding=UTF-8 -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"

# A program that touches what submissions commonly use: the reading and writing classes,
# collections, sorting with lambdas, streams, formatting, big numbers.
write_training() {
	cat >"$1/Main.java" <<'EOF'
import java.io.*;
import java.math.*;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;

public class Main {
    record P(int a, long b) {}

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        String first = br.readLine();
        StringTokenizer st = new StringTokenizer(first);
        int n = Integer.parseInt(st.nextToken());
        StreamTokenizer tok = new StreamTokenizer(br);
        long[] v = new long[n];
        for (int i = 0; i < n && tok.nextToken() != StreamTokenizer.TT_EOF; i++) v[i] = (long) tok.nval;
        Scanner sc = new Scanner(br.readLine() + "\n" + br.readLine());
        int m = sc.nextInt();
        String word = sc.next();
        List<Integer> list = new ArrayList<>();
        Map<String, Integer> map = new HashMap<>();
        TreeMap<Long, Integer> tree = new TreeMap<>();
        Set<Integer> set = new HashSet<>(), ts = new TreeSet<>();
        Deque<Integer> dq = new ArrayDeque<>();
        PriorityQueue<P> pq = new PriorityQueue<>(Comparator.comparingLong(P::b).thenComparingInt(P::a));
        LinkedList<Integer> ll = new LinkedList<>();
        for (int i = 0; i < n; i++) {
            list.add((int) v[i]);
            map.merge("k" + (i % 7), 1, Integer::sum);
            tree.put(v[i], i);
            set.add(i);
            ts.add(-i);
            dq.addLast(i);
            ll.add(i);
            pq.add(new P(i, v[i]));
        }
        Collections.sort(list);
        list.sort(Comparator.reverseOrder());
        Integer[] boxed = list.toArray(new Integer[0]);
        Arrays.sort(boxed, (a, b) -> Integer.compare(b, a));
        Arrays.sort(v);
        int[] iv = IntStream.range(0, n).map(i -> n - i).toArray();
        Arrays.sort(iv);
        long sum = Arrays.stream(v).sum() + LongStream.of(v).max().orElse(0);
        String joined = list.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Boolean, List<Integer>> parts = list.stream().collect(Collectors.partitioningBy(x -> x % 2 == 0));
        Function<Integer, Integer> sq = x -> x * x;
        BigInteger big = BigInteger.valueOf(sum).pow(3).mod(BigInteger.valueOf(1_000_000_007));
        BigDecimal dec = new BigDecimal("1.5").multiply(BigDecimal.valueOf(m)).setScale(2, RoundingMode.HALF_UP);
        StringBuilder sb = new StringBuilder();
        sb.append(sum).append(' ').append(joined.length()).append(' ').append(parts.get(true).size());
        sb.append(' ').append(sq.apply(m)).append(' ').append(big).append(' ').append(dec);
        sb.append(' ').append(word.toUpperCase()).append(' ').append(String.join("-", "a", "b"));
        sb.append(' ').append(Math.max(Math.abs(-m), (int) Math.sqrt(n))).append(' ').append(pq.poll());
        sb.append(' ').append(tree.firstKey()).append(' ').append(dq.pollFirst()).append(' ').append(ll.size());
        sb.append(' ').append(Long.parseLong("123") + Double.parseDouble("1.5"));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        out.println(sb);
        out.printf("%.3f %d %s%n", 1.0 * sum / Math.max(n, 1), m, String.format("%5s", word));
        out.flush();
        System.out.println(Objects.hash(sum, m) != 0 ? "ok" : "ok");
        try {
            Object o = null;
            o.hashCode();
        } catch (NullPointerException e) {
            System.err.println(e.getClass().getSimpleName());
        }
        char[] cs = word.toCharArray();
        Arrays.fill(cs, 'x');
        System.out.println(new String(cs) + Character.isDigit(cs[0]) + Integer.toBinaryString(m));
    }
}
EOF
	printf '5\n3 1 4 1 5\n42 hello\n\n' >"$1/input"
}

java_key() {
	{
		echo "$JAVAC_FLAGS $JAVA_FLAGS"
		/usr/bin/java -version 2>&1
		jre=$(dirname "$(dirname "$(readlink -f /usr/bin/java)")")
		sha256sum "$jre/lib/server/libjvm.so"
		stat -c '%n %s %Y' "$jre/lib/modules"
		sed -n '/^EOF/q;/^import/,$p' "$0" | sha256sum
	} | sha256sum | cut -d' ' -f1
}

build_java() {
	mkdir -p "$tmp/java" "$tmp/train"
	write_training "$tmp/train"
	# javac: the classes a compile loads, on top of the JDK's own archive
	/usr/bin/javac $JAVAC_FLAGS -J-XX:ArchiveClassesAtExit="$tmp/java/javac.jsa" -J-Xlog:cds=off \
		-encoding UTF-8 -nowarn -d "$tmp/train" "$tmp/train/Main.java"
	# programs: a static archive of the JDK classes the training run loads; one with no class
	# path of its own, so that it holds with any (a directory such as /box would void it)
	/usr/bin/java -Xmx256m $JAVA_FLAGS -XX:DumpLoadedClassList="$tmp/run.classlist" \
		-cp "$tmp/train" Main <"$tmp/train/input" >/dev/null 2>&1
	/usr/bin/java -Xmx256m $JAVA_FLAGS -Xshare:dump -XX:SharedClassListFile="$tmp/run.classlist" \
		-XX:SharedArchiveFile="$tmp/java/run.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
	# -Xshare:on refuses to start when an archive cannot be used
	/usr/bin/javac $JAVAC_FLAGS -J-Xshare:on -J-XX:SharedArchiveFile="$tmp/java/javac.jsa" \
		-encoding UTF-8 -nowarn -d "$tmp/train" "$tmp/train/Main.java" &&
		/usr/bin/java -Xmx256m $JAVA_FLAGS -Xshare:on -XX:SharedArchiveFile="$tmp/java/run.jsa" \
			-cp "$tmp/train" Main <"$tmp/train/input" >/dev/null 2>&1 || {
		log "the class-data archives are not used; not installing them"
		return 1
	}
	echo "$1" >"$tmp/java/key"
}

if [ -x /usr/bin/java ] && [ -x /usr/bin/javac ]; then
	key=$(java_key)
	if [ "$(cat "$CACHE/java/key" 2>/dev/null)" != "$key" ]; then
		log "building the class-data archives for javac and java"
		build_java "$key" && swap_in java
	fi
fi
exit 0
