"""bench/burst.py - a class pressing Submit at once, on two judge hosts, and the queue's cost.

Starts three nodes as README "Several app nodes" describes (node a: the database, nginx,
a front, a judge host; node b: a front on TCP; node c: a judge host), each with its own
VAR_DIR, then:

  1. the seeds' burst: BENCH_CANDIDATES candidates (500), each with a session of its own
     and a loopback address of its own (127.1.x.y; Linux routes all of 127/8 to lo, so
     nginx's per-client limits apply to each), press Submit on both of their questions at
     once: 2 x BENCH_CANDIDATES submissions of a 10-test question, python 40 %, java 20,
     cpp 20, javascript 10, csharp 10, every code unique.  Each candidate's page does what
     the candidate page does: a submit sent with ?wait=false and followed by polls of
     GET /api/executions/:id (less often the further back it waits), the second answer
     after the first (a session runs one execution at a time; a 429 execution_in_progress
     would be waited out).  A submission's wait is from the press to its result.
     Meanwhile a few sessions send heartbeats every 250 ms.
  2. the same burst (new candidates, 127.2.x.y) with node c's judge host killed (kill -9)
     once half the submissions are done.
  3. the queue's cost: a 1-test python POST /execute against bin/judge called directly
     as the service user with the same request, interleaved, BENCH_OVERHEAD_N (40) each.

Standard library only.  Environment: BENCH_CANDIDATES (500), BENCH_OVERHEAD_N (40),
BENCH_BURST_PORT (18290; node b's front on the next two ports), BENCH_SLOTS (slots per judge host:
half the cores).
"""
import concurrent.futures
import http.client
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CANDIDATES = int(os.environ.get("BENCH_CANDIDATES", "500"))
OVERHEAD_N = int(os.environ.get("BENCH_OVERHEAD_N", "40"))
PORT = int(os.environ.get("BENCH_BURST_PORT", "18290"))
FRONT_B = PORT + 1
CORES = os.cpu_count() or 1
# per judge host: both hosts together have one slot a core, unless BENCH_SLOTS says otherwise
SLOTS = int(os.environ.get("BENCH_SLOTS", "0")) or max(1, CORES // 2)
PASSWORD = "bench-" + secrets.token_hex(12)
SEEDS_PER_CORE = (16 / 6, 20 / 6)    # the seeds' 16-20 submissions/s on 6 vCPU
HEARTBEAT_SESSIONS = 8
MIX = ["python"] * 4 + ["java"] * 2 + ["cpp"] * 2 + ["javascript", "csharp"]

SOLUTIONS = {
    "python": "import sys\nd = sys.stdin.read().split()\nprint(sum(map(int, d[1:])))\n",
    "cpp": "#include <bits/stdc++.h>\nint main(){int n;long long s=0,x;std::cin>>n;"
           "while(n--){std::cin>>x;s+=x;}std::cout<<s<<'\\n';}\n",
    "java": "import java.io.*;\npublic class Main{public static void main(String[] a)throws IOException{"
            "StreamTokenizer t=new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));"
            "t.nextToken();int n=(int)t.nval;long s=0;for(int i=0;i<n;i++){t.nextToken();s+=(long)t.nval;}"
            "System.out.println(s);}}\n",
    "javascript": "const d = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
                  "let s = 0;\nfor (let i = 1; i < d.length; i++) s += d[i];\nconsole.log(String(s));\n",
    "csharp": "using System;\nclass P { static void Main() {\n"
              "var d = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);\n"
              "long s = 0; for (int i = 1; i < d.Length; i++) s += long.Parse(d[i]);\n"
              "Console.WriteLine(s); } }\n",
}
COMMENT = {"python": "#"}


# ---------------------------------------------------------------- the nodes

class Nodes:
    def __init__(self):
        self.top = tempfile.mkdtemp(prefix="ce-burst-")
        # the service users must reach VAR_DIR (conf/service.sh refuses one they cannot enter)
        os.chmod(self.top, 0o755)
        self.log = open(os.path.join(self.top, "service.log"), "ab")

    def var(self, n):
        return os.path.join(self.top, n)

    def env(self, n):
        env = {k: v for k, v in os.environ.items()
               if k not in ("DATABASE_URL", "CE_API_KEY", "CE_EXECUTE_ALLOW", "NODE_ROLES", "FCGI_LISTEN",
                            "CE_FRONTS", "EXEC_RATE", "EXEC_BURST", "POOL_SIZE", "EXEC_POOL_SIZE")}
        env.update(PORT=str(PORT), TLS_PORT="0", VAR_DIR=self.var(n), ADMIN_PASSWORD=PASSWORD,
                   CE_WORKER_SLOTS=str(SLOTS), CE_NODE_NAME="node-" + n, CE_HEARTBEAT_TIMEOUT="3600",
                   # the queue's cost below sends /execute back to back: time it, not nginx's limit
                   EXEC_RATE="100000", EXEC_BURST="100000")
        db = "host=%s/pg/run port=5432 dbname=coding_engine user=coding-engine" % self.var("a")
        if n == "a":
            env["CE_FRONTS"] = "127.0.0.1:%d" % FRONT_B
        elif n == "b":
            env.update(NODE_ROLES="front", FCGI_LISTEN="127.0.0.1:%d" % FRONT_B, DATABASE_URL=db)
        else:
            env.update(NODE_ROLES="worker", DATABASE_URL=db)
        return env

    def service(self, n, cmd):
        return subprocess.run(["sh", os.path.join(ROOT, "conf", "service.sh"), cmd], cwd=ROOT, env=self.env(n),
                              stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log, timeout=300).returncode

    def start(self):
        for n in "abc":
            if self.service(n, "start") != 0:
                self.log.flush()
                with open(os.path.join(self.top, "service.log"), errors="replace") as f:
                    sys.exit("node %s did not start:\n%s" % (n, f.read()[-2000:]))
        deadline = time.time() + 30
        while self.psql("SELECT count(*) FROM judge_host WHERE NOT draining") != "2":
            if time.time() > deadline:
                sys.exit("the two judge hosts did not register")
            time.sleep(0.2)

    def stop(self):
        for n in "cba":
            self.service(n, "stop")
        shutil.rmtree(self.top, ignore_errors=True)

    def kill(self, n):
        """kill -9 whatever names the node's VAR_DIR: keeper, host, slots, judges, launchers."""
        killed = set()
        for _ in range(100):
            out = subprocess.run(["pgrep", "-f", self.var(n) + "/"], capture_output=True, text=True).stdout
            pids = [int(p) for p in out.split()]
            if not pids:
                break
            for p in pids:
                try:
                    os.kill(p, 9)
                    killed.add(p)
                except OSError:
                    pass
            time.sleep(0.05)
        return len(killed)

    def psql(self, sql):
        out = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-h",
                              self.var("a") + "/pg/run", "-d", "coding_engine", "-tAc", sql],
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        if out.returncode:
            raise RuntimeError("psql: " + out.stderr)
        return out.stdout.strip()


# ---------------------------------------------------------------- HTTP

def request(method, path, body=None, token=None, source="127.0.0.1", timeout=1800):
    """(status, headers, parsed JSON or None, seconds)"""
    h = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    if token:
        h["Authorization"] = "Bearer " + token
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout, source_address=(source, 0))
    try:
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        raw = r.read()
        headers = {k.lower(): v for k, v in r.getheaders()}
        status = r.status
    finally:
        conn.close()
    try:
        js = json.loads(raw)
    except ValueError:
        js = None
    return status, headers, js, time.perf_counter() - t0


def call_ok(what, *args, **kw):
    """The JSON answer of a request that must succeed."""
    status, _, js, _ = request(*args, **kw)
    if status not in (200, 201):
        sys.exit("%s: HTTP %d %r" % (what, status, js))
    return js


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p * (len(v) - 1))))] if v else float("nan")


# ---------------------------------------------------------------- set-up

def sum_tests():
    rnd = random.Random(11)
    out = []
    for i in range(10):
        nums = [rnd.randint(-10**6, 10**6) for _ in range(200 * (i + 1))]
        out.append({"input": "%d\n%s\n" % (len(nums), " ".join(map(str, nums))),
                    "expected_output": "%d\n" % sum(nums), "is_sample": i < 2, "points": 1})
    return out


def questions(token):
    ids = []
    for t in ("Bench Sum A", "Bench Sum B"):
        js = call_ok("question", "POST", "/api/admin/questions",
                     {"title": t + " " + secrets.token_hex(3), "question": "Print the sum of the n numbers.",
                      "difficulty": "Easy", "tags": ["bench"], "time_limit_ms": 2000, "memory_limit_mb": 256,
                      "test_cases": sum_tests()}, token=token)
        ids.append(js["question"]["id"])
    return ids


def candidates(token, qids, n, net):
    """n candidates with a started session each: (candidate id, session token, source address)."""
    def one(i):
        src = "127.%d.%d.%d" % (net, i // 250, i % 250 + 1)
        js = call_ok("candidate", "POST", "/api/admin/candidates",
                     {"name": "bench %d.%d" % (net, i), "email": "b@example.org", "question_ids": qids,
                      "test_duration_minutes": 240}, token=token)
        s = call_ok("session", "POST", "/api/test-session", {"invite_token": js["invite_token"]}, source=src)
        return js["candidate"]["candidate_id"], s["session_token"], src
    with concurrent.futures.ThreadPoolExecutor(8) as ex:
        return list(ex.map(one, range(n)))


# ---------------------------------------------------------------- the burst

def burst(nodes, cands, qids, serial, kill_at=None):
    subs = []
    for i, c in enumerate(cands):
        for k, q in enumerate(qids):
            serial[0] += 1
            lang = MIX[(2 * i + k) % len(MIX)]
            code = "%s submission %d\n%s" % (COMMENT.get(lang, "//"), serial[0], SOLUTIONS[lang])
            subs.append({"cand": c, "q": q, "lang": lang, "code": code})
    go = threading.Event()
    done = [0]
    lock = threading.Lock()
    t_press = [0.0]

    def follow(s, tok, src, ex):
        """Poll the execution as the page does (executions.js): often while it runs, less the
        further back it waits; its result's status, or its end when it has none."""
        while True:
            try:
                status, _, js, _ = request("GET", "/api/executions/" + ex, token=tok, source=src)
            except OSError:
                status, js = 0, None
            if status == 200 and js["status"] not in ("queued", "running"):
                return js["status"], (js.get("result") or {}).get("status")
            if status not in (0, 200, 502, 503, 504):
                return "http %d" % status, None
            pos = (js or {}).get("queue_position") or 0
            time.sleep(min(5.0, 0.7 + pos * 0.01) if (js or {}).get("status") == "queued" else 0.7)

    def submit(s):
        """One press of Submit: sent with ?wait=false (a 429 waits Retry-After), then followed."""
        cid, tok, src = s["cand"]
        while True:
            try:
                status, h, js, _ = request("POST", "/proxy/execute?wait=false",
                                           {"language": s["lang"], "code": s["code"], "question_id": s["q"],
                                            "mode": "submit"}, token=tok, source=src)
            except OSError as e:
                status, h, js = 0, {}, {"error": {"code": "connection", "message": str(e)}}
            code = (js or {}).get("error", {}).get("code") if isinstance(js, dict) else None
            if status == 429 and code == "execution_in_progress":
                s["retries"] += 1
                time.sleep(float(h.get("retry-after", "1")))
                continue
            break
        if status == 202:
            end, result = follow(s, tok, src, js["execution_id"])
            status = 200 if end == "done" else status
        else:
            end, result = "refused", None
        s["wait"] = time.perf_counter() - t_press[0]
        s["status"], s["result"], s["error"] = status, result, code or (None if end == "done" else end)

    def candidate(mine):
        """A candidate's page: every answer submitted in turn, as submitPending() does."""
        go.wait()
        for s in mine:
            s["retries"] = 0
            submit(s)
            with lock:
                done[0] += 1

    beats = []
    stop_beats = threading.Event()

    def heartbeats():
        k = 0
        while not stop_beats.is_set():
            cid, tok, src = cands[k % min(HEARTBEAT_SESSIONS, len(cands))]
            k += 1
            try:
                status, _, _, dt = request("PUT", "/api/test-session/%s/heartbeat" % cid, token=tok, source=src,
                                           timeout=60)
                beats.append(dt if status == 200 else float("inf"))
            except OSError:
                beats.append(float("inf"))
            stop_beats.wait(0.25)

    threading.stack_size(256 * 1024)
    per = {}
    for s in subs:
        per.setdefault(s["cand"][0], []).append(s)
    threads = [threading.Thread(target=candidate, args=(m,)) for m in per.values()]
    for t in threads:
        t.start()
    hb = threading.Thread(target=heartbeats)
    killed = None
    t0 = t_press[0] = time.perf_counter()
    go.set()
    hb.start()
    while any(t.is_alive() for t in threads):
        if kill_at is not None and killed is None:
            finished = int(nodes.psql("SELECT count(*) FROM interview_coding ic JOIN candidate c"
                                      " ON c.candidate_id = ic.candidate_id WHERE c.name LIKE 'bench %d.%%'"
                                      " AND ic.status <> 'queued'" % kill_at[1]))
            if finished >= kill_at[0]:
                host = nodes.psql("SELECT id FROM judge_host WHERE name = 'node-c' ORDER BY id DESC LIMIT 1")
                n = nodes.kill("c")
                running = nodes.psql("SELECT string_agg(id::text, ',') FROM job WHERE host_id = %s"
                                     " AND state = 'running'" % host)
                killed = {"at": time.perf_counter() - t0, "processes": n, "finished": finished,
                          "orphans": running.split(",") if running else []}
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    stop_beats.set()
    hb.join()
    for t in threads:
        t.join()
    return subs, wall, beats, killed


def stored(nodes, cands, qids):
    """(lost, duplicated, not accepted) from the database: each candidate, each question, one row."""
    ids = ",".join("'%s'" % c[0] for c in cands)
    rows = nodes.psql("SELECT ic.candidate_id || ' ' || q.uuid || ' ' || ic.status FROM interview_coding ic"
                      " JOIN coding_question_bank q ON q.id = ic.question_id"
                      " WHERE ic.candidate_id IN (%s)" % ids).splitlines()
    seen = {}
    bad = 0
    for r in rows:
        cid, qid, status = r.split()
        seen[(cid, qid)] = seen.get((cid, qid), 0) + 1
        bad += status != "accepted"
    lost = sum(1 for c in cands for q in qids if (c[0], q) not in seen)
    dup = sum(n - 1 for n in seen.values())
    return lost, dup, bad


def report(title, nodes, subs, wall, beats, cands, qids, killed=None):
    lost, dup, bad_stored = stored(nodes, cands, qids)
    failed = sum(1 for s in subs if s["status"] != 200 or s["result"] == "internal_error")
    wrong = sum(1 for s in subs if s["status"] == 200 and s["result"] not in ("accepted", "internal_error"))
    waits = [s["wait"] for s in subs]
    rate = len(subs) / wall
    print(title)
    print("  %-34s %s" % ("submissions", "%d (%d candidates x 2; %s)" % (
        len(subs), len(cands), ", ".join("%s %d" % (l, sum(1 for s in subs if s["lang"] == l))
                                         for l in ("python", "java", "cpp", "javascript", "csharp")))))
    print("  %-34s %.1f s" % ("wall time", wall))
    print("  %-34s %.2f" % ("submissions/s", rate))
    print("  %-34s %.2f (seeds: %.1f-%.1f on 6 vCPU)" % ("submissions/s per core (%d cores)" % CORES,
                                                          rate / CORES, *SEEDS_PER_CORE))
    print("  %-34s p50 %.1f s   p95 %.1f s   max %.1f s" % ("wait (press to answer)", pct(waits, .5),
                                                            pct(waits, .95), max(waits)))
    fin = [b for b in beats if b != float("inf")]
    print("  %-34s %d sent, p50 %.0f ms, p99 %.0f ms, max %.0f ms, failed %d" % (
        "heartbeats during the burst", len(beats), pct(fin, .5) * 1000, pct(fin, .99) * 1000,
        max(fin) * 1000 if fin else float("nan"), len(beats) - len(fin)))
    print("  %-34s %d (429 execution_in_progress)" % (
        "submits sent again", sum(s["retries"] for s in subs)))
    if killed:
        att = nodes.psql("SELECT string_agg(id || ':' || state || '/' || attempts, ' ') FROM job WHERE id IN (%s)"
                         % ",".join(killed["orphans"])) if killed["orphans"] else ""
        print("  %-34s after %.1f s, %d finished, %d processes; its %d running jobs: %s" % (
            "node c killed (kill -9)", killed["at"], killed["finished"], killed["processes"],
            len(killed["orphans"]), att or "-"))
    print("  %-34s %d   (target 0)" % ("lost (no stored submission)", lost))
    print("  %-34s %d   (target 0; duplicated rows %d, stored not accepted %d, wrong verdict %d)" % (
        "failed (non-200 or internal_error)", failed, dup, bad_stored, wrong))
    codes = {}
    for s in subs:
        if s["status"] != 200:
            codes["%s %s" % (s["status"], s["error"])] = codes.get("%s %s" % (s["status"], s["error"]), 0) + 1
    if codes:
        print("  %-34s %s" % ("non-200 answers", ", ".join("%s: %d" % kv for kv in sorted(codes.items()))))


# ---------------------------------------------------------------- the queue's cost

def overhead(nodes):
    req = {"language": "python", "code": "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n",
           "test_cases": [{"input": "1 2 3", "expected_output": "6"}]}
    judge = os.path.join(nodes.var("a"), "bin", "judge")
    data = json.dumps(req).encode()
    queued, direct = [], []
    for i in range(OVERHEAD_N + 2):
        status, _, js, dt = request("POST", "/execute", req)
        assert status == 200 and js["status"] == "accepted", (status, js)
        t0 = time.perf_counter()
        # as a judge host runs it: the service user's uid and group, no login session around it
        r = subprocess.run([judge], input=data, capture_output=True, user="coding-engine", group="coding-engine",
                           extra_groups=[], env={"PATH": "/usr/bin:/bin"})
        dj = time.perf_counter() - t0
        assert json.loads(r.stdout)["status"] == "accepted", r.stdout[:300]
        if i >= 2:   # the first two warm up
            queued.append(dt)
            direct.append(dj)
    mq, md = statistics.median(queued) * 1000, statistics.median(direct) * 1000
    print("queue overhead: a 1-test python execution, %d each, interleaved" % OVERHEAD_N)
    print("  %-46s p50 %7.1f ms   p90 %7.1f ms" % ("POST /execute (nginx, front, queue, host)", mq,
                                                     pct(queued, .9) * 1000))
    print("  %-46s p50 %7.1f ms   p90 %7.1f ms" % ("bin/judge, request on stdin, as coding-engine", md,
                                                     pct(direct, .9) * 1000))
    print("  %-46s %7.1f ms" % ("added by the queue (median)", mq - md))


def main():
    nodes = Nodes()
    try:
        t0 = time.time()
        nodes.start()
        token = call_ok("login", "POST", "/api/admin/login", {"username": "admin", "password": PASSWORD})["token"]
        qids = questions(token)
        # every toolchain warm before the clock starts
        for lang in SOLUTIONS:
            tests = [{"input": "2\n1 2\n", "expected_output": "3"}]
            status, _, js, _ = request("POST", "/execute", {"language": lang, "code": SOLUTIONS[lang],
                                                            "test_cases": tests})
            assert status == 200 and js["status"] == "accepted", (lang, status, js)
        print("three nodes (a: database, nginx, front, judge host; b: front; c: judge host), %d slot(s)"
              " per host, %d cores, ready in %.1f s" % (SLOTS, CORES, time.time() - t0))
        serial = [0]
        cands = candidates(token, qids, CANDIDATES, 1)
        subs, wall, beats, _ = burst(nodes, cands, qids, serial)
        report("burst: %d candidates press Submit at once, two judge hosts" % CANDIDATES,
               nodes, subs, wall, beats, cands, qids)
        cands = candidates(token, qids, CANDIDATES, 2)
        subs, wall, beats, killed = burst(nodes, cands, qids, serial, kill_at=(CANDIDATES, 2))
        report("burst: the same, node c's judge host killed with kill -9 halfway", nodes, subs, wall, beats,
               cands, qids, killed)
        overhead(nodes)
    finally:
        nodes.stop()


if __name__ == "__main__":
    main()
