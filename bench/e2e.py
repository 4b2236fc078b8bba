"""bench/e2e.py - bin/judge end to end against the bare compile + run of the same code.

For python, cpp and java: a 10-test "sum the numbers" submission (cpp includes
bits/stdc++.h).  Bare means the same compiler and runtime commands on the host,
no sandbox and none of the boxes' /cache (no precompiled header, no class-data
archive of ours), each test a fresh process fed through a pipe.  All are timed
in the same run, alternating, and the table shows medians and their ratio.

usage: e2e.py JUDGE[=CE_BOX] ...   (several judges, e.g. before and after a change,
                                   each with its own launcher, are timed in turn)
"""
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

JUDGES = sys.argv[1:] or ["bin/judge"]
ROUNDS = max(7, int(os.environ.get("BENCH_E2E_ROUNDS", "7")))

CODE = {
    "python": ("main.py", "import sys\nd = sys.stdin.read().split()\nprint(sum(map(int, d[1:])))\n",
               None, ["/usr/bin/python3", "-B", "main.py"]),
    "cpp": ("main.cpp", "#include <bits/stdc++.h>\nint main(){int n;long long s=0,x;std::cin>>n;"
                        "while(n--){std::cin>>x;s+=x;}std::cout<<s<<'\\n';}\n",
            ["/usr/bin/g++", "-std=gnu++17", "-O2", "-pipe", "-o", "main", "main.cpp"], ["./main"]),
    "java": ("Main.java", "import java.io.*;import java.util.*;\npublic class Main{public static void "
                          "main(String[] a)throws IOException{BufferedReader r=new BufferedReader("
                          "new InputStreamReader(System.in));StreamTokenizer t=new StreamTokenizer(r);"
                          "t.nextToken();int n=(int)t.nval;long s=0;for(int i=0;i<n;i++){t.nextToken();"
                          "s+=(long)t.nval;}System.out.println(s);}}\n",
             ["/usr/bin/javac", "-J-Xmx512m", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1",
              "-J-XX:-UsePerfData", "-encoding", "UTF-8", "-nowarn", "-d", ".", "Main.java"],
             ["/usr/bin/java", "-Xmx160m", "-Xss64m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
              "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=64m", "-cp", ".", "Main"]),
}


def tests():
    rnd = random.Random(7)
    out = []
    for i in range(10):
        nums = [rnd.randint(-10**6, 10**6) for _ in range(1000 * (i + 1))]
        out.append({"id": f"t{i + 1}", "input": f"{len(nums)}\n" + " ".join(map(str, nums)) + "\n",
                    "expected_output": str(sum(nums))})
    return out


def bare(lang, cases):
    src, code, compile_cmd, run_cmd = CODE[lang]
    d = tempfile.mkdtemp(prefix="ce-e2e-")
    try:
        with open(os.path.join(d, src), "w") as f:
            f.write(code)
        t0 = time.perf_counter()
        if compile_cmd:
            subprocess.run(compile_cmd, cwd=d, check=True, capture_output=True)
        for c in cases:
            r = subprocess.run(run_cmd, cwd=d, input=c["input"].encode(), capture_output=True)
            assert r.stdout.decode().strip() == c["expected_output"], (lang, r.stdout, r.stderr)
        return time.perf_counter() - t0
    finally:
        shutil.rmtree(d)


def judged(judge, lang, cases):
    req = json.dumps({"language": lang, "code": CODE[lang][1], "test_cases": cases}).encode()
    path, _, box = judge.partition("=")
    env = dict(os.environ, CE_BOX=os.path.abspath(box)) if box else None
    t0 = time.perf_counter()
    r = subprocess.run([path], input=req, capture_output=True, env=env)
    dt = time.perf_counter() - t0
    resp = json.loads(r.stdout)
    assert resp["status"] == "accepted", (lang, resp["status"], r.stderr)
    return dt


def main():
    cases = tests()
    names = [j.partition("=")[0] for j in JUDGES]
    head = f"{'language':<10} {'bare p50 ms':>12}"
    for i, n in enumerate(names):
        tag = f"judge{i + 1}" if len(names) > 1 else "judge"
        head += f" {tag + ' p50 ms':>15} {tag + '/bare':>12}"
    print(head + f"   ({ROUNDS} rounds, 10 tests, interleaved)")
    for i, n in enumerate(names):
        if len(names) > 1:
            print(f"  judge{i + 1}: {n}")
    for lang in ("python", "cpp", "java"):
        b, j = [], [[] for _ in JUDGES]
        bare(lang, cases)  # warm the page cache for all
        for judge in JUDGES:
            judged(judge, lang, cases)
        for _ in range(ROUNDS):
            b.append(bare(lang, cases))
            for k, judge in enumerate(JUDGES):
                j[k].append(judged(judge, lang, cases))
        mb = statistics.median(b) * 1000
        row = f"{lang:<10} {mb:>12.1f}"
        for k in range(len(JUDGES)):
            mj = statistics.median(j[k]) * 1000
            row += f" {mj:>15.1f} {mj / mb:>12.2f}"
        print(row, flush=True)
    print("targets: cpp (bits/stdc++.h) judge/bare <= 0.40, java <= 0.65")


if __name__ == "__main__":
    main()
