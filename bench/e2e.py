"""bench/e2e.py - bin/judge end to end against the bare compile + run of the same code.

For python, cpp, java, c, csharp and javascript: a 10-test "sum the numbers"
submission (cpp includes bits/stdc++.h).  Bare means the same compiler and
runtime commands on the host, no sandbox and none of the boxes' /cache (no
precompiled header, no class-data archive of ours), no syntax check, each test
a fresh process fed through a pipe, one at a time.  All are timed in the same
run, alternating, and the table shows medians and their ratio.  Then the same
table with the machine busy: one CPU-bound process per core, started here and
stopped after.

usage: e2e.py JUDGE[=CE_BOX] ...   (several judges, e.g. before and after a change,
                                   each with its own launcher, are timed in turn)
environment: BENCH_E2E_ROUNDS (7, at least 7), BENCH_E2E_LANGS (all, comma-separated),
             BENCH_E2E_BUSY (1; 0 leaves the busy table out)
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
    "c": ("main.c", "#include <stdio.h>\nint main(void){int n;long long s=0,x;if(scanf(\"%d\",&n)!=1)"
                    "return 1;while(n--&&scanf(\"%lld\",&x)==1)s+=x;printf(\"%lld\\n\",s);return 0;}\n",
          ["/usr/bin/gcc", "-std=gnu17", "-O2", "-pipe", "-o", "main", "main.c", "-lm"], ["./main"]),
    "csharp": ("Main.cs", "using System;using System.IO;using System.Linq;\nclass Program{static void "
                          "Main(){var d=Console.In.ReadToEnd().Split((char[])null,"
                          "StringSplitOptions.RemoveEmptyEntries);long s=0;for(int i=1;i<d.Length;i++)"
                          "s+=long.Parse(d[i]);Console.WriteLine(s);}}\n",
               ["/usr/bin/mono", "/usr/lib/mono/4.5/mcs.exe", "-optimize+", "-out:main.exe", "Main.cs"],
               ["/usr/bin/mono", "main.exe"]),
    "javascript": ("main.js", "const d=require('fs').readFileSync(0,'utf8').split(/\\s+/).filter(Boolean);\n"
                              "let s=0n;for(let i=1;i<d.length;i++)s+=BigInt(d[i]);console.log(String(s));\n",
                   None, ["/usr/bin/node", "main.js"]),
}
LANGS = [x for x in os.environ.get("BENCH_E2E_LANGS", ",".join(CODE)).split(",") if x]
TARGETS = {"python": 0.75, "cpp": 0.40, "java": 0.65, "c": 1.0, "csharp": 0.9, "javascript": 0.7}


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
    # the boxes' environment, not this shell's (NODE_EXTRA_CA_CERTS alone costs node 0.1 s a start)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": d, "TMPDIR": "/tmp", "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8"}
    try:
        with open(os.path.join(d, src), "w") as f:
            f.write(code)
        t0 = time.perf_counter()
        if compile_cmd:
            subprocess.run(compile_cmd, cwd=d, env=env, check=True, capture_output=True)
        for c in cases:
            r = subprocess.run(run_cmd, cwd=d, env=env, input=c["input"].encode(), capture_output=True)
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


def table(cases, title):
    names = [j.partition("=")[0] for j in JUDGES]
    print(title)
    head = f"{'language':<10} {'bare p50 ms':>12}"
    for i, n in enumerate(names):
        tag = f"judge{i + 1}" if len(names) > 1 else "judge"
        head += f" {tag + ' p50 ms':>15} {tag + '/bare':>12}"
    print(head + f" {'target':>7}   ({ROUNDS} rounds, 10 tests, interleaved)")
    for i, n in enumerate(names):
        if len(names) > 1:
            print(f"  judge{i + 1}: {n}")
    for lang in LANGS:
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
        print(row + f" {'<= %.2f' % TARGETS[lang]:>7}", flush=True)


BURNER = "while True: pass\n"


def main():
    cases = tests()
    table(cases, "idle machine:")
    if os.environ.get("BENCH_E2E_BUSY", "1") == "0":
        return
    # one CPU-bound process per core, stopped whatever happens
    ncpu = os.cpu_count() or 1
    burners = [subprocess.Popen(["/usr/bin/python3", "-c", BURNER], stdin=subprocess.DEVNULL)
               for _ in range(ncpu)]
    try:
        print()
        table(cases, f"busy machine ({ncpu} CPU-bound processes, one per core, running throughout):")
    finally:
        for p in burners:
            p.kill()
            p.wait()


if __name__ == "__main__":
    main()
