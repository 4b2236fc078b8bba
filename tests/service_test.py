#!/usr/bin/python3
"""
tests/service_test.py - end-to-end tests of the whole service (nginx, the ce-fcgi
pool, the embedded PostgreSQL, the sandbox) over HTTP.

    make all && /usr/bin/python3 tests/service_test.py [name-part ...]

setUpModule starts a private stack with conf/service.sh (PORT 18180, or
SERVICE_TEST_PORT, a fresh database in tests/out/var-service, a random admin password); tearDownModule
stops it again, also when something failed.  Standard library only.  The last
line printed is "service: N passed, M failed"; the exit status is non-zero
when anything failed.
"""
import atexit
import base64
import concurrent.futures
import csv
import email
import email.policy
import hashlib
import hmac
import http.client
import http.server
import io
import json
import os
import re
import secrets
import tempfile
import stat
import zipfile
import shutil
import socket
import subprocess
import sys
import threading
import time
import unittest
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "out")
PORT = int(os.environ.get("SERVICE_TEST_PORT", "18180"))
VAR = os.path.join(OUT, "var-service" if PORT == 18180 else "var-service-%d" % PORT)
POOL_SIZE = 4
GRACE = 3
ADMIN_PASSWORD = "pw-" + secrets.token_urlsafe(18)
PG_BIN = "/usr/lib/postgresql/15/bin"
BANK_DIR = os.path.join(ROOT, "sql", "questions")
LANG_FILES = [("python", "main.py"), ("java", "Main.java"), ("cpp", "main.cpp"),
              ("c", "main.c"), ("javascript", "main.js"), ("csharp", "Main.cs")]
LANG_IDS = [l for l, _ in LANG_FILES]
HEX64 = re.compile(r"^[0-9a-f]{64}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SECURITY_HEADERS = ("x-content-type-options", "x-frame-options", "content-security-policy")
# what a database error must never show a client
DB_LEAK_PATTERNS = ("postgres", "dbname", "host=", "/pg/run", "libpq", "pgres_", "sqlstate",
                    "connection to server", "server closed the connection", "coding_engine")

# the caller's settings for some other instance must not leak into ours
ENV = {k: v for k, v in os.environ.items()
       if k not in ("DATABASE_URL", "CE_API_KEY", "CE_EXECUTE_ALLOW", "CE_ADMIN_ALLOW", "CE_PUBLIC_URL",
                    "EXEC_RATE", "EXEC_BURST", "CE_ADMIN_TOKEN_HOURS", "CE_WEBHOOK_ALLOW",
                    "CE_WEBHOOK_SECRET", "CE_WEBHOOK_MAX_ATTEMPTS", "CE_WEBHOOK_BACKOFF_MS",
                    "SMTP_REQUIRE_TLS")}
ENV.update(PORT=str(PORT), TLS_PORT="0", VAR_DIR=VAR, ADMIN_PASSWORD=ADMIN_PASSWORD,
           CE_ABANDON_GRACE=str(GRACE), CE_HEARTBEAT_TIMEOUT="3600", POOL_SIZE=str(POOL_SIZE))
# webhooks (T21Webhooks): the suite's receiver listens on 127.0.0.1, so loopback is allowed for the
# whole suite and the refusal is shown with an address outside the list; retries come quickly.
# No CE_API_KEY, so calls are signed with CE_WEBHOOK_SECRET.
WEBHOOK_SECRET = "whs-" + secrets.token_urlsafe(18)
ENV.update(CE_WEBHOOK_ALLOW="127.0.0.0/8", CE_WEBHOOK_SECRET=WEBHOOK_SECRET, CE_WEBHOOK_BACKOFF_MS="300")
# invitations by e-mail (T28Mail): the whole suite's service mails through a private OpenSMTPD on
# SMTP_PORT, which only T28Mail starts (elsewhere a message fails and says so).  The
# credentials go nowhere but to the server: no answer and no log may show the password.
SMTP_PORT = PORT + 3
SMTP_PASSWORD = "smtp-" + secrets.token_urlsafe(18)
ENV.update(SMTP_URL="smtp://127.0.0.1:%d" % SMTP_PORT, SMTP_USER="ce-mailer", SMTP_PASSWORD=SMTP_PASSWORD,
           MAIL_FROM="tests@coding-engine.example", SMTP_TIMEOUT="5")

ADMIN = None          # admin bearer token
BANK = []             # the sample question bank as files: list of dicts (see load_bank)
BANK_FUNCTIONS = 0    # how many of the bank's questions are function questions (not in BANK)
BY_SLUG = {}
LEAKS = []            # responses that showed a secret
REQUESTS = [0]
NOTES = []            # timings and findings printed before the summary
_stopped = [False]


# ---------------------------------------------------------------- HTTP helpers

class Resp:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", "replace")
        try:
            self.json = json.loads(self.text)
        except ValueError:
            self.json = None

    def __repr__(self):
        return "<HTTP %d %s>" % (self.status, self.text[:400])


def _check_leaks(method, path, r):
    what = None
    if ADMIN_PASSWORD in r.text:
        what = "the admin password"
    elif SMTP_PASSWORD in r.text:
        what = "the SMTP password"
    elif r.status >= 400:
        low = r.text.lower()
        for p in DB_LEAK_PATTERNS:
            if p in low:
                what = "database detail %r" % p
                break
    if what:
        LEAKS.append("%s %s -> %d shows %s: %s" % (method, path, r.status, what, r.text[:300]))
        raise AssertionError(LEAKS[-1])


class Client:
    """A keep-alive connection, as a browser keeps one.  nginx serves a client connection
    in one of its worker processes for its whole life; see fresh_upstream_connections."""

    def __init__(self):
        self.conn = None

    def exchange(self, method, path, data, h, timeout):
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
            self.conn.timeout = timeout
            if self.conn.sock is not None:
                self.conn.sock.settimeout(timeout)
            try:
                self.conn.request(method, path, body=data, headers=h)
                resp = self.conn.getresponse()
                r = Resp(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
            except (http.client.RemoteDisconnected, http.client.CannotSendRequest, BrokenPipeError,
                    ConnectionResetError):
                # nginx closed the idle connection: open another one, once
                self.close()
                if attempt:
                    raise
                continue
            except BaseException:
                self.close()
                raise
            if resp.will_close:
                self.close()
            return r

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def call(method, path, body=None, token=None, headers=None, ctype="application/json",
         timeout=120, retry429=True, client=None, port=None):
    """One HTTP request; body is JSON-encoded unless it is str/bytes.  Without a client
    every request has a connection of its own (to port, the suite's stack by default)."""
    if body is None:
        data = None
    elif isinstance(body, bytes):
        data = body
    elif isinstance(body, str):
        data = body.encode()
    else:
        data = json.dumps(body).encode()
    h = {}
    if data is not None and ctype:
        h["Content-Type"] = ctype
    if token:
        h["Authorization"] = "Bearer " + token
    h.update(headers or {})
    for attempt in range(8):
        if client is not None:
            r = client.exchange(method, path, data, h, timeout)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", port or PORT, timeout=timeout)
            try:
                conn.request(method, path, body=data, headers=h)
                resp = conn.getresponse()
                r = Resp(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
            finally:
                conn.close()
        REQUESTS[0] += 1
        _check_leaks(method, path, r)
        # nginx's per-client rate limit on code execution and logins is not under test here
        if r.status == 429 and retry429 and attempt < 7:
            time.sleep(1.0)
            continue
        return r
    return r


def admin(method, path, body=None, **kw):
    return call(method, path, body, token=ADMIN, **kw)


# ---------------------------------------------------------------- the stack

def wait_listening(port, proc, what, seconds=20):
    """Until something accepts connections on 127.0.0.1:port; proc ending first, or the
    deadline, is an error naming what."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("%s exited" % what)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("%s did not listen on port %d" % (what, port))


def service(cmd, log_name):
    with open(os.path.join(OUT, log_name), "ab") as log:
        return subprocess.run(["sh", os.path.join(ROOT, "conf", "service.sh"), cmd], cwd=ROOT,
                              env=ENV, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                              timeout=300).returncode


def fresh_upstream_connections():
    """Reload our nginx so that no old worker process holds idle FastCGI connections.

    conf/fastcgi.inc has fastcgi_keep_conn on and the upstream keeps up to 16 idle
    connections per nginx worker process, while a ce-fcgi worker serves one connection
    until nginx closes it.  Idle connections cached by one nginx process therefore pin
    ce-fcgi workers, and a request needing a new connection waits in the socket backlog
    until nginx's upstream keepalive timeout (60 s) frees one.  T09Resilience.test_e
    asserts that this must not happen; the tests that run several requests at once start
    from a clean slate and keep what is in flight low enough that they measure what
    they are about rather than that stall."""
    with open(os.path.join(VAR, "run", "nginx.pid")) as f:
        master = f.read().strip()
    old = subprocess.run(["pgrep", "-P", master], capture_output=True, text=True).stdout.split()
    subprocess.run(["nginx", "-c", os.path.join(VAR, "nginx.conf"), "-s", "reload"], check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 15
    while time.time() < deadline and any(os.path.exists("/proc/" + p) for p in old):
        time.sleep(0.1)
    time.sleep(0.2)


def our_processes():
    """pids of what our stack runs: everything whose command line names VAR (PostgreSQL,
    ce-fcgi, the sweeper, nginx's master)."""
    out = subprocess.run(["pgrep", "-f", VAR + "/"], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out if int(p) != os.getpid()]


def stop_service():
    """conf/service.sh stop; returns what it left running (and then stops that too)."""
    if _stopped[0]:
        return []
    _stopped[0] = True
    left = []
    try:
        service("stop", "service-stop.log")
        time.sleep(0.3)
        left = our_processes()
        if left:
            desc = []
            for pid in left:
                try:
                    with open("/proc/%d/cmdline" % pid, "rb") as f:
                        desc.append("%d %s" % (pid, f.read().replace(b"\0", b" ").decode(errors="replace")[:90]))
                except OSError:
                    pass
            left = desc
            # a second stop finds no nginx pid file to trip over; whatever still runs was started by us
            service("stop", "service-stop.log")
            time.sleep(0.3)
            for pid in our_processes():
                try:
                    os.kill(pid, 15)
                except OSError:
                    pass
    except Exception as e:  # noqa: BLE001 - best effort on the way out
        print("service stop failed: %s" % e, file=sys.stderr)
    return left


def psql(sql, var=None):
    """One value from the embedded database (of the stack in var, the suite's by default),
    read directly (not through the service)."""
    out = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-h", (var or VAR) + "/pg/run", "-p", "5432",
                          "-U", "postgres", "-d", "coding_engine", "-tAc", sql],
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError("psql: " + out.stderr)
    return out.stdout.strip()


def load_bank():
    """The stdin/stdout questions of the bank; the function questions are only counted."""
    global BANK_FUNCTIONS
    bank = []
    for slug in sorted(os.listdir(BANK_DIR)):
        d = os.path.join(BANK_DIR, slug)
        if not re.match(r"^\d\d-", slug) or not os.path.isdir(d):
            continue
        with open(os.path.join(d, "meta.json")) as f:
            meta = json.load(f)
        # "implement this function" questions: typed JSON tests, run through a harness
        if meta.get("kind") == "function":
            BANK_FUNCTIONS += 1
            continue
        names = sorted(n[:-3] for n in os.listdir(os.path.join(d, "tests")) if n.endswith(".in"))
        tests = []
        for n in names:
            with open(os.path.join(d, "tests", n + ".in")) as f:
                tin = f.read()
            with open(os.path.join(d, "tests", n + ".out")) as f:
                tout = f.read()
            tests.append({"name": n, "input": tin, "output": tout,
                          "sample": n in meta.get("samples", []),
                          "points": meta.get("points", {}).get(n, 1)})
        sols = {}
        for lang, fn in LANG_FILES:
            with open(os.path.join(d, "solution", fn)) as f:
                sols[lang] = f.read()
        bank.append({"slug": slug, "dir": d, "meta": meta, "title": meta["title"], "tests": tests,
                     "solutions": sols, "max_score": sum(t["points"] for t in tests)})
    return bank


def login(password=ADMIN_PASSWORD, username="admin"):
    return call("POST", "/api/admin/login", {"username": username, "password": password})


def setUpModule():  # noqa: N802 - unittest's name
    global ADMIN, BANK
    os.makedirs(OUT, exist_ok=True)
    atexit.register(stop_service)
    try:
        service("stop", "service-start.log")          # a leftover of an earlier run
        shutil.rmtree(VAR, ignore_errors=True)
        t0 = time.time()
        rc = service("start", "service-start.log")
        if rc != 0:
            with open(os.path.join(OUT, "service-start.log"), errors="replace") as f:
                raise RuntimeError("service.sh start failed (%d):\n%s" % (rc, f.read()[-3000:]))
        deadline = time.time() + 60
        while True:
            try:
                if call("GET", "/health").status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise RuntimeError("the service did not become healthy in 60 s")
            time.sleep(0.5)
        NOTES.append("stack start: %.1f s" % (time.time() - t0))
        r = login()
        if r.status != 200 or not r.json or not r.json.get("token"):
            raise RuntimeError("admin login failed: %r" % r)
        ADMIN = r.json["token"]
        BANK = load_bank()
        r = admin("GET", "/api/admin/questions")
        by_title = {q["title"]: q for q in r.json["questions"]}
        for b in BANK:
            q = by_title.get(b["title"])
            if q is None:
                raise RuntimeError("bank question %s is not in the database" % b["slug"])
            b["uuid"], b["number"] = q["id"], q["number"]
            BY_SLUG[b["slug"]] = b
    except BaseException:
        stop_service()
        raise


def tearDownModule():  # noqa: N802
    left = stop_service()
    if left:
        NOTES.append("service.sh stop left running: " + "; ".join(left))
        raise AssertionError("conf/service.sh stop left %d processes running (see service-stop.log):\n  %s"
                             % (len(left), "\n  ".join(left)))


# ---------------------------------------------------------------- shared steps

def new_candidate(question_ids, minutes=60, name=None):
    r = admin("POST", "/api/admin/candidates",
              {"name": name or "svc cand " + secrets.token_hex(3), "email": "c@example.org",
               "question_ids": question_ids, "test_duration_minutes": minutes})
    assert r.status in (200, 201), r
    return r.json["candidate"]["candidate_id"], r.json["invite_token"], r.json


def start_session(invite):
    r = call("POST", "/api/test-session", {"invite_token": invite})
    assert r.status == 200, r
    return r.json["session_token"], r.json


def proxy(token, question_id, language, code, mode="run", custom_input=None, timeout=300):
    body = {"language": language, "code": code, "question_id": question_id, "mode": mode}
    if custom_input is not None:
        body["custom_input"] = custom_input
    return call("POST", "/proxy/execute", body, token=token, timeout=timeout)


def all_strings(o):
    """Every string (keys too) in a parsed JSON document."""
    if isinstance(o, str):
        return [o]
    if isinstance(o, dict):
        return [s for k, v in o.items() for s in [k] + all_strings(v)]
    if isinstance(o, list):
        return [s for v in o for s in all_strings(v)]
    return []


class Base(unittest.TestCase):
    maxDiff = 4000

    def assertError(self, r, status, code=None, msg=""):
        """The SPEC section 5 error shape with this status."""
        self.assertEqual(r.status, status, "%s: %r" % (msg, r))
        self.assertIsInstance(r.json, dict, "%s: not JSON: %r" % (msg, r))
        self.assertIs(r.json.get("success"), False, "%s: %r" % (msg, r))
        err = r.json.get("error")
        self.assertIsInstance(err, dict, "%s: %r" % (msg, r))
        self.assertIsInstance(err.get("code"), str, "%s: %r" % (msg, r))
        self.assertTrue(err["code"], "%s: %r" % (msg, r))
        self.assertIsInstance(err.get("message"), str, "%s: %r" % (msg, r))
        self.assertIn("application/json", r.headers.get("content-type", ""), msg)
        if code:
            self.assertEqual(err["code"], code, "%s: %r" % (msg, r))

    def assertClientError(self, r, msg=""):
        """Bad input: a 4xx with the error shape, never a 5xx."""
        self.assertTrue(400 <= r.status < 500, "%s: expected a 4xx: %r" % (msg, r))
        self.assertError(r, r.status, msg=msg)

    def assertOk(self, r, status=200, msg=""):
        self.assertEqual(r.status, status, "%s: %r" % (msg, r))
        self.assertIsInstance(r.json, dict, msg)
        self.assertIs(r.json.get("success"), True, "%s: %r" % (msg, r))


# ---------------------------------------------------------------- public endpoints

class T01Public(Base):
    def test_health(self):
        """Healthy: the database answers and a judge host is live (the front runs no code)."""
        r = call("GET", "/health")
        self.assertEqual(r.status, 200, r)
        self.assertEqual({k: r.json[k] for k in ("status", "database", "sandbox")},
                         {"status": "ok", "database": "ok", "sandbox": "ok"})
        self.assertGreaterEqual(r.json["judge_hosts"], 1)
        self.assertGreaterEqual(r.json["slots"], r.json["judge_hosts"])
        # no host beat lately: no sandbox, whatever this machine could do (the host's next
        # beat, every 3 s, makes it live again)
        for _ in range(5):
            psql("UPDATE judge_host SET heartbeat_at = now() - interval '1 hour'")
            r = call("GET", "/health")
            if r.status == 503:
                break
        self.assertEqual((r.status, r.json["sandbox"], r.json["judge_hosts"]), (503, "down", 0), r)
        deadline = time.time() + 10
        while call("GET", "/health").status != 200 and time.time() < deadline:
            time.sleep(0.2)
        self.assertEqual(call("GET", "/health").status, 200)

    def test_languages(self):
        r = call("GET", "/api/languages")
        self.assertOk(r)
        langs = {l["id"]: l for l in r.json["languages"]}
        self.assertEqual(sorted(langs), sorted(LANG_IDS))
        for lid, l in langs.items():
            self.assertIsInstance(l.get("version"), str, lid)
            self.assertTrue(l["version"].strip(), lid)
            self.assertRegex(l["version"], r"\d+\.\d+", lid)
            # the commands with every flag, as templates: absolute paths, strings only
            self.assertIsInstance(l.get("run_command"), list, lid)
            self.assertTrue(l["run_command"] and l["run_command"][0].startswith("/"), l)
            self.assertEqual(l["compiled"], l.get("compile_command") is not None, l)
            if l["compiled"]:
                self.assertTrue(l["compile_command"][0].startswith("/"), l)
            for arg in (l["compile_command"] or []) + l["run_command"] + l["environment"]:
                self.assertIsInstance(arg, str, l)
                for ph in re.findall(r"\{[a-z]+\}", arg):
                    self.assertIn(ph, ("{src}", "{class}", "{main}", "{heap}"), l)
        self.assertIn("-std=gnu++17", langs["cpp"]["compile_command"])
        self.assertEqual(langs["c"]["compile_command"][-1], "-lm")
        self.assertEqual(langs["java"]["source_file"], "{class}.java")
        self.assertIn("{src}", langs["java"]["compile_command"])
        self.assertEqual(langs["java"]["run_command"][-1], "{main}")
        self.assertIn("-Xmx{heap}m", langs["java"]["run_command"])
        self.assertIn("-main:{main}", langs["csharp"]["compile_command"])
        self.assertTrue(any(e.startswith("MONO_GC_PARAMS=") for e in langs["csharp"]["environment"]))
        self.assertIn("Python 3", langs["python"]["version"])
        self.assertIn("17", langs["java"]["version"])
        self.assertTrue(langs["javascript"]["version"].startswith("v20"), langs["javascript"])

    def test_security_headers(self):
        for method, path in (("GET", "/"), ("GET", "/health"), ("GET", "/api/languages"),
                             ("GET", "/api/no-such-endpoint"), ("GET", "/execute")):
            r = call(method, path)
            for h in SECURITY_HEADERS:
                self.assertIn(h, r.headers, "%s %s lacks %s" % (method, path, h))
            self.assertEqual(r.headers["x-content-type-options"].lower(), "nosniff", path)
            self.assertIn(r.headers["x-frame-options"].upper(), ("DENY", "SAMEORIGIN"), path)
            self.assertIn("default-src", r.headers["content-security-policy"], path)
        self.assertEqual(call("GET", "/").status, 200)
        self.assertIn("text/html", call("GET", "/").headers.get("content-type", ""))

    def test_unknown_endpoint_is_json_404(self):
        self.assertError(call("GET", "/api/no-such-endpoint"), 404)


# ---------------------------------------------------------------- POST /execute

SUM_PY = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n"
# the SPEC section 3 example: N, then N numbers
SUM_N_PY = "n = int(input())\nprint(sum(map(int, input().split()[:n])))\n"


class T02Execute(Base):
    def test_execute_success(self):
        req = {"language": "python", "code": SUM_N_PY, "question_id": "Q001", "timeout": 5,
               "memory_limit_mb": 256,
               "test_cases": [{"id": "t1", "input": "5\n1 2 3 4 5", "expected_output": "15"},
                              {"id": "t2", "input": "2\n1 2\n", "expected_output": "3\n\n"}]}
        r = call("POST", "/execute", req)
        self.assertEqual(r.status, 200, r)
        j = r.json
        for k in ("execution_id", "submission_id", "language", "question_id", "status", "compile",
                  "metadata", "summary", "test_results"):
            self.assertIn(k, j)
        self.assertRegex(j["execution_id"], UUID_RE)
        self.assertEqual(j["language"], "python")
        self.assertEqual(j["question_id"], "Q001")
        self.assertEqual(j["status"], "accepted", r)
        for k in ("status", "output", "time_ms"):
            self.assertIn(k, j["compile"])
        for k in ("execution_time_ms", "cpu_usage_percent", "memory_usage_bytes", "memory_usage_mb",
                  "container_id", "replica", "security", "timeout"):
            self.assertIn(k, j["metadata"], k)
        self.assertEqual(j["metadata"]["security"], "enabled")
        self.assertEqual(j["summary"], {"total_tests": 2, "passed": 2, "failed": 0,
                                        "pass_percentage": 100.0, "all_passed": True,
                                        "score": 2.0, "max_score": 2.0})
        self.assertEqual(len(j["test_results"]), 2)
        t = j["test_results"][0]
        for k in ("test_case_number", "test_id", "input", "expected_output", "actual_output", "passed",
                  "status", "execution_time_ms", "cpu_time_ms", "cpu_usage_percent",
                  "memory_usage_bytes", "exit_code", "signal", "error"):
            self.assertIn(k, t, k)
        self.assertEqual((t["test_case_number"], t["test_id"], t["actual_output"], t["passed"],
                          t["status"], t["exit_code"]), (1, "t1", "15\n", True, "accepted", 0))

    def test_execute_wrong_answer(self):
        r = call("POST", "/execute", {"language": "python", "code": SUM_PY, "test_cases": [
            {"input": "1 2", "expected_output": "3"}, {"input": "2 2", "expected_output": "5"}]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "wrong_answer")
        self.assertEqual(r.json["summary"]["passed"], 1)
        self.assertEqual(r.json["test_results"][1]["test_id"], "test_2")

    def test_execute_malformed_json(self):
        for body in ('{"language": "python"', "not json", "[1, 2", '{"a":}', "\xff\xfe"):
            self.assertClientError(call("POST", "/execute", body.encode("latin-1")), body)

    def test_execute_wrong_types(self):
        good = {"language": "python", "code": SUM_PY,
                "test_cases": [{"input": "1", "expected_output": "1"}]}
        for key, bad in (("language", 5), ("code", ["x"]), ("test_cases", "x"),
                         ("test_cases", [5]), ("test_cases", [{"input": 1, "expected_output": "1"}]),
                         ("timeout", "fast"), ("memory_limit_mb", "lots"), ("timeout", -1),
                         ("memory_limit_mb", 999999)):
            body = dict(good)
            body[key] = bad
            self.assertClientError(call("POST", "/execute", body), "%s=%r" % (key, bad))
        self.assertClientError(call("POST", "/execute", [good]), "array body")
        self.assertClientError(call("POST", "/execute", "42"), "number body")

    def test_execute_missing_fields(self):
        good = {"language": "python", "code": SUM_PY,
                "test_cases": [{"input": "1", "expected_output": "1"}]}
        for key in ("language", "code", "test_cases"):
            body = {k: v for k, v in good.items() if k != key}
            self.assertClientError(call("POST", "/execute", body), "without " + key)
        self.assertClientError(call("POST", "/execute", dict(good, test_cases=[])), "no tests")
        self.assertClientError(call("POST", "/execute", {}), "empty object")
        self.assertClientError(call("POST", "/execute", b""), "empty body")

    def test_execute_unknown_language(self):
        r = call("POST", "/execute", {"language": "cobol", "code": "x",
                                      "test_cases": [{"input": "", "expected_output": ""}]})
        self.assertError(r, 400)
        self.assertIn("language", r.json["error"]["code"] + r.json["error"]["message"])

    def test_execute_body_over_64mib(self):
        size = 65 * 1024 * 1024
        chunk = b"a" * (1024 * 1024)
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        try:
            conn.putrequest("POST", "/execute")
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(size))
            conn.endheaders()
            try:
                for _ in range(size // len(chunk)):
                    conn.send(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass     # the server may answer and close before the body is in
            resp = conn.getresponse()
            r = Resp(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        finally:
            conn.close()
        _check_leaks("POST", "/execute", r)
        self.assertError(r, 413)
        self.assertEqual(call("GET", "/health").status, 200)

    def test_execute_wrong_method(self):
        for m in ("GET", "PUT", "DELETE"):
            self.assertError(call(m, "/execute"), 405, msg=m)

    def test_execute_wrong_content_type(self):
        body = json.dumps({"language": "python", "code": SUM_PY,
                           "test_cases": [{"input": "1", "expected_output": "1"}]})
        for ct in ("text/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
            self.assertError(call("POST", "/execute", body, ctype=ct), 415, msg=ct)


# ---------------------------------------------------------------- admin authentication

class T03AdminAuth(Base):
    def test_login_success(self):
        r = login()
        self.assertOk(r)
        self.assertRegex(r.json["token"], HEX64)
        self.assertNotEqual(r.json["token"], ADMIN)
        self.assertOk(admin("GET", "/api/admin/questions"))
        self.assertOk(call("GET", "/api/admin/candidates", token=r.json["token"]))

    def test_login_failure(self):
        self.assertError(login("wrong-" + ADMIN_PASSWORD), 401)
        self.assertError(login(ADMIN_PASSWORD[:-1]), 401)
        self.assertError(login(ADMIN_PASSWORD, username="nobody"), 401)
        self.assertError(login(ADMIN_PASSWORD.upper() if ADMIN_PASSWORD.upper() != ADMIN_PASSWORD
                               else ADMIN_PASSWORD + "x"), 401)
        self.assertClientError(call("POST", "/api/admin/login", {"username": "admin"}), "no password")
        self.assertClientError(call("POST", "/api/admin/login", '{"username":'), "bad json")

    def test_logout_revokes_token(self):
        t = login().json["token"]
        self.assertOk(call("GET", "/api/admin/questions", token=t))
        self.assertOk(call("POST", "/api/admin/logout", token=t))
        self.assertError(call("GET", "/api/admin/questions", token=t), 401)
        self.assertOk(admin("GET", "/api/admin/questions"))    # the other token still works

    def _admin_routes(self):
        cid = str(uuid.uuid4())
        q = {"title": "svc-test never", "question": "x", "difficulty": "easy"}
        return [("GET", "/api/admin/questions", None), ("POST", "/api/admin/questions", q),
                ("GET", "/api/admin/questions/1", None), ("PUT", "/api/admin/questions/1", {"title": "hacked"}),
                ("DELETE", "/api/admin/questions/1", None),
                ("GET", "/api/admin/candidates", None),
                ("POST", "/api/admin/candidates", {"name": "x", "question_ids": [1]}),
                ("GET", "/api/admin/candidates/" + cid, None),
                ("PUT", "/api/admin/candidates/" + cid, {"name": "x"}),
                ("DELETE", "/api/admin/candidates/" + cid, None),
                ("POST", "/api/admin/candidates/%s/invite" % cid, None),
                ("POST", "/api/admin/logout", None)]

    def test_admin_calls_need_a_token(self):
        before = admin("GET", "/api/admin/questions/1").json["question"]
        ncand = len(admin("GET", "/api/admin/candidates").json["candidates"])
        nq = len(admin("GET", "/api/admin/questions").json["questions"])
        garbage = [None, "garbage", "0" * 64, secrets.token_hex(32), secrets.token_hex(32).upper(),
                   secrets.token_hex(31), ADMIN + "0", ADMIN[:-1], "' OR 1=1 --"]
        for method, path, body in self._admin_routes():
            for tok in garbage:
                r = call(method, path, body, token=tok)
                self.assertError(r, 401, msg="%s %s token=%r" % (method, path, tok))
            r = call(method, path, body, headers={"Authorization": "Basic YWRtaW46" + ADMIN_PASSWORD})
            self.assertError(r, 401, msg="%s %s basic auth" % (method, path))
        # and nothing changed
        self.assertEqual(admin("GET", "/api/admin/questions/1").json["question"]["title"], before["title"])
        self.assertEqual(len(admin("GET", "/api/admin/candidates").json["candidates"]), ncand)
        self.assertEqual(len(admin("GET", "/api/admin/questions").json["questions"]), nq)


# ---------------------------------------------------------------- admin: questions

NEW_Q = {"title": "svc-test Add Two", "question": "Read two integers, print their sum.",
         "difficulty": "Easy", "tags": ["math", "intro"],
         "boiler_plate": {"python": "a, b = map(int, input().split())\n"},
         "time_limit_ms": 1500, "memory_limit_mb": 128,
         "test_cases": [{"input": "1 2\n", "expected_output": "3\n", "is_sample": True, "points": 1},
                        {"input": "40 2\n", "expected_output": "42\n", "is_sample": False, "points": 3}]}


class T04AdminQuestions(Base):
    def test_list_has_the_twelve_sample_questions(self):
        r = admin("GET", "/api/admin/questions")
        self.assertOk(r)
        qs = r.json["questions"]
        bank_titles = sorted(b["title"] for b in BANK)
        self.assertEqual(len(BANK), 12)
        self.assertEqual(len([q for q in qs if not q["title"].startswith("svc-test")]),
                         12 + BANK_FUNCTIONS)
        self.assertEqual(sorted(q["title"] for q in qs if q["title"] in bank_titles), bank_titles)
        by_title = {q["title"]: q for q in qs}
        for b in BANK:
            q = by_title[b["title"]]
            self.assertRegex(q["id"], UUID_RE)
            self.assertEqual(q["difficulty"], b["meta"]["difficulty"], b["slug"])
            self.assertEqual(q["test_count"], len(b["tests"]), b["slug"])
            self.assertEqual(q["sample_count"], sum(t["sample"] for t in b["tests"]), b["slug"])
            self.assertEqual(q["time_limit_ms"], b["meta"]["time_limit_ms"], b["slug"])
        # the filters
        hard = admin("GET", "/api/admin/questions?difficulty=hard").json["questions"]
        self.assertEqual(sorted(q["title"] for q in hard if not q["title"].startswith("svc-test")),
                         sorted(b["title"] for b in BANK if b["meta"]["difficulty"] == "hard"))

    def test_get_by_uuid_and_by_integer_id(self):
        b = BY_SLUG["05-warehouse-escape"]
        r1 = admin("GET", "/api/admin/questions/" + b["uuid"])
        r2 = admin("GET", "/api/admin/questions/%d" % b["number"])
        self.assertOk(r1)
        self.assertOk(r2)
        self.assertEqual(r1.json["question"]["id"], b["uuid"])
        self.assertEqual(r2.json["question"]["id"], b["uuid"])
        q = r1.json["question"]
        self.assertEqual(q["slug"], b["slug"])
        self.assertEqual(q["title"], b["title"])
        # the admin sees every test, hidden ones with their data
        self.assertEqual([(t["input"], t["expected_output"], t["is_sample"], t["points"]) for t in q["test_cases"]],
                         [(t["input"], t["output"], t["sample"], t["points"]) for t in b["tests"]])
        # the shared /api/questions/:id answers admins too
        self.assertOk(admin("GET", "/api/questions/" + b["uuid"]))
        self.assertOk(admin("GET", "/api/questions/%d" % b["number"]))

    def test_create_update_delete(self):
        r = admin("POST", "/api/admin/questions", NEW_Q)
        self.assertOk(r, 201)
        q = r.json["question"]
        qid = q["id"]
        self.assertRegex(qid, UUID_RE)
        self.assertIsInstance(q["number"], int)
        self.assertEqual((q["title"], q["difficulty"], q["tags"], q["time_limit_ms"], q["memory_limit_mb"]),
                         ("svc-test Add Two", "easy", ["math", "intro"], 1500, 128))
        self.assertEqual(q["boiler_plate"]["python"], NEW_Q["boiler_plate"]["python"])
        self.assertEqual([(t["input"], t["expected_output"], t["is_sample"], t["points"]) for t in q["test_cases"]],
                         [("1 2\n", "3\n", True, 1), ("40 2\n", "42\n", False, 3)])
        got = admin("GET", "/api/admin/questions/%d" % q["number"])
        self.assertOk(got)
        self.assertEqual(got.json["question"]["id"], qid)
        self.assertIn(qid, [x["id"] for x in admin("GET", "/api/admin/questions").json["questions"]])

        # update: the given tests replace the old ones, other fields stay
        new_tests = [{"input": "2 2\n", "expected_output": "4\n", "is_sample": True, "points": 2},
                     {"input": "7 8\n", "expected_output": "15\n", "is_sample": False, "points": 5},
                     {"input": "-1 1\n", "expected_output": "0\n"}]
        r = admin("PUT", "/api/admin/questions/" + qid, {"title": "svc-test Add Two v2", "test_cases": new_tests})
        self.assertOk(r)
        u = admin("GET", "/api/admin/questions/" + qid).json["question"]
        self.assertEqual(u["title"], "svc-test Add Two v2")
        self.assertEqual((u["difficulty"], u["time_limit_ms"], u["tags"]), ("easy", 1500, ["math", "intro"]))
        self.assertEqual([(t["input"], t["expected_output"], t["is_sample"], t["points"]) for t in u["test_cases"]],
                         [("2 2\n", "4\n", True, 2), ("7 8\n", "15\n", False, 5), ("-1 1\n", "0\n", False, 1)])
        # an update without test_cases keeps them
        r = admin("PUT", "/api/admin/questions/%d" % q["number"], {"difficulty": "hard", "time_limit_ms": 3000})
        self.assertOk(r)
        u = admin("GET", "/api/admin/questions/" + qid).json["question"]
        self.assertEqual((u["difficulty"], u["time_limit_ms"], len(u["test_cases"])), ("hard", 3000, 3))

        # in a candidate's test, it is archived: hidden from the bank, kept for the candidate
        cid, _, _ = new_candidate([qid], name="svc cand holds question")
        r = admin("DELETE", "/api/admin/questions/" + qid)
        self.assertOk(r)
        self.assertEqual((r.json["deleted"], r.json["archived"]), (False, True))
        self.assertIsNotNone(admin("GET", "/api/admin/questions/" + qid).json["question"]["archived_at"])
        self.assertNotIn(qid, [x["id"] for x in admin("GET", "/api/admin/questions").json["questions"]])
        self.assertIn(qid, [x["id"] for x in admin("GET", "/api/admin/questions?archived=true").json["questions"]])
        self.assertEqual(admin("GET", "/api/admin/candidates/" + cid).json["candidate"]["question_ids"], [qid])

        # a question nobody used is deleted
        r = admin("POST", "/api/admin/questions", dict(NEW_Q, title="svc-test Add Two unused"))
        self.assertOk(r, 201)
        q = r.json["question"]
        qid = q["id"]
        r = admin("DELETE", "/api/admin/questions/" + qid)
        self.assertOk(r)
        self.assertEqual((r.json["deleted"], r.json["archived"]), (True, False))
        self.assertError(admin("GET", "/api/admin/questions/" + qid), 404)
        self.assertError(admin("GET", "/api/admin/questions/%d" % q["number"]), 404)
        self.assertError(admin("DELETE", "/api/admin/questions/" + qid), 404)
        self.assertError(admin("PUT", "/api/admin/questions/" + qid, {"title": "x"}), 404)
        self.assertNotIn(qid, [x["id"] for x in admin("GET", "/api/admin/questions?archived=true").json["questions"]])

    def test_unknown_question_404(self):
        for key in ("999999", str(uuid.uuid4()), "abc", "0", "-1", "1.5", "%27%20OR%201=1"):
            self.assertError(admin("GET", "/api/admin/questions/" + key), 404, msg=key)
            self.assertError(admin("GET", "/api/questions/" + key), 404, msg=key)
        self.assertError(admin("PUT", "/api/admin/questions/999999", {"title": "x"}), 404)
        self.assertError(admin("DELETE", "/api/admin/questions/" + str(uuid.uuid4())), 404)

    def test_invalid_question_fields_400(self):
        def without(k):
            return {x: v for x, v in NEW_Q.items() if x != k}
        bad = [("no title", without("title")), ("no statement", without("question")),
               ("no difficulty", without("difficulty")), ("empty title", dict(NEW_Q, title="")),
               ("title type", dict(NEW_Q, title=123)), ("difficulty", dict(NEW_Q, difficulty="impossible")),
               ("tags type", dict(NEW_Q, tags="math")), ("tag type", dict(NEW_Q, tags=[1])),
               ("time low", dict(NEW_Q, time_limit_ms=5)), ("time type", dict(NEW_Q, time_limit_ms="fast")),
               ("memory", dict(NEW_Q, memory_limit_mb=1)), ("tests type", dict(NEW_Q, test_cases="x")),
               ("test type", dict(NEW_Q, test_cases=[5])),
               ("no expected", dict(NEW_Q, test_cases=[{"input": "1"}])),
               ("input type", dict(NEW_Q, test_cases=[{"input": 1, "expected_output": "1"}])),
               ("points", dict(NEW_Q, test_cases=[{"input": "1", "expected_output": "1", "points": -3}])),
               ("is_sample", dict(NEW_Q, test_cases=[{"input": "1", "expected_output": "1", "is_sample": "yes"}])),
               ("boiler lang", dict(NEW_Q, boiler_plate={"cobol": "x"})),
               ("boiler type", dict(NEW_Q, boiler_plate={"python": 5}))]
        n = len(admin("GET", "/api/admin/questions").json["questions"])
        for what, body in bad:
            self.assertError(admin("POST", "/api/admin/questions", body), 400, msg=what)
        self.assertClientError(admin("POST", "/api/admin/questions", '{"title": "x",'), "bad json")
        self.assertEqual(len(admin("GET", "/api/admin/questions").json["questions"]), n)
        before = admin("GET", "/api/admin/questions/2").json["question"]
        for what, body in (("difficulty", {"difficulty": "nope"}), ("title", {"title": ""}),
                           ("tests", {"test_cases": [{"input": "x"}]}), ("time", {"time_limit_ms": 10 ** 9})):
            self.assertError(admin("PUT", "/api/admin/questions/2", body), 400, msg="update " + what)
        after = admin("GET", "/api/admin/questions/2").json["question"]
        self.assertEqual((after["title"], after["difficulty"], after["test_cases"], after["time_limit_ms"]),
                         (before["title"], before["difficulty"], before["test_cases"], before["time_limit_ms"]))


# ---------------------------------------------------------------- admin: candidates

class T05AdminCandidates(Base):
    def test_candidate_lifecycle(self):
        q1, q2 = BY_SLUG["01-sensor-summary"], BY_SLUG["02-bracket-inspector"]
        r = admin("POST", "/api/admin/candidates",
                  {"name": "Ada Lovelace", "email": "ada@example.org", "question_ids": [q1["uuid"], q2["number"]],
                   "test_duration_minutes": 45})
        self.assertOk(r, 201)
        c = r.json["candidate"]
        cid, invite = c["candidate_id"], r.json["invite_token"]
        self.assertRegex(cid, UUID_RE)
        self.assertRegex(invite, HEX64)
        self.assertIn(invite, r.json["invite_url"])
        self.assertTrue(r.json["invite_url"].startswith("http"), r.json["invite_url"])
        self.assertEqual(c["question_ids"], [q1["uuid"], q2["uuid"]])
        self.assertEqual((c["name"], c["email"], c["test_duration_minutes"]), ("Ada Lovelace", "ada@example.org", 45))

        lst = admin("GET", "/api/admin/candidates")
        self.assertOk(lst)
        self.assertIn(cid, [x["candidate_id"] for x in lst.json["candidates"]])
        g = admin("GET", "/api/admin/candidates/" + cid)
        self.assertOk(g)
        self.assertEqual(g.json["candidate"]["name"], "Ada Lovelace")
        self.assertEqual([q["id"] for q in g.json["candidate"]["questions"]], [q1["uuid"], q2["uuid"]])
        self.assertEqual(g.json["candidate"]["max_score"], q1["max_score"] + q2["max_score"])

        # re-invite: a new link, the old one stops working
        self.assertOk(call("POST", "/api/invitation", {"invite_token": invite}))
        r = admin("POST", "/api/admin/candidates/%s/invite" % cid)
        self.assertOk(r)
        invite2 = r.json["invite_token"]
        self.assertRegex(invite2, HEX64)
        self.assertNotEqual(invite2, invite)
        self.assertIn(invite2, r.json["invite_url"])
        self.assertError(call("POST", "/api/invitation", {"invite_token": invite}), 401)
        self.assertError(call("POST", "/api/test-session", {"invite_token": invite}), 401)
        self.assertOk(call("POST", "/api/invitation", {"invite_token": invite2}))

        # update: name, and more time on the running clock
        token, s = start_session(invite2)
        rem0 = s["session"]["remaining_seconds"]
        self.assertTrue(45 * 60 - 30 <= rem0 <= 45 * 60, rem0)
        r = admin("PUT", "/api/admin/candidates/" + cid, {"name": "Ada King", "extend_minutes": 15})
        self.assertOk(r)
        self.assertEqual(r.json["candidate"]["name"], "Ada King")
        rem1 = r.json["candidate"]["session"]["remaining_seconds"]
        self.assertTrue(rem0 + 15 * 60 - 30 <= rem1 <= rem0 + 15 * 60 + 5, (rem0, rem1))
        hb = call("PUT", "/api/test-session/%s/heartbeat" % cid, token=token)
        self.assertOk(hb)
        self.assertTrue(hb.json["remaining_seconds"] >= rem0 + 15 * 60 - 30, hb)
        self.assertEqual(admin("GET", "/api/admin/candidates/" + cid).json["candidate"]["name"], "Ada King")
        self.assertError(admin("PUT", "/api/admin/candidates/" + cid, {"extend_minutes": "lots"}), 400)
        self.assertError(admin("PUT", "/api/admin/candidates/" + cid, {"name": 5}), 400)

        # delete: gone, and so are its invitation and session
        self.assertOk(admin("DELETE", "/api/admin/candidates/" + cid))
        self.assertError(admin("GET", "/api/admin/candidates/" + cid), 404)
        self.assertError(admin("DELETE", "/api/admin/candidates/" + cid), 404)
        self.assertError(admin("PUT", "/api/admin/candidates/" + cid, {"name": "x"}), 404)
        self.assertError(admin("POST", "/api/admin/candidates/%s/invite" % cid), 404)
        self.assertNotIn(cid, [x["candidate_id"] for x in admin("GET", "/api/admin/candidates").json["candidates"]])
        self.assertError(call("POST", "/api/invitation", {"invite_token": invite2}), 401)
        self.assertError(call("PUT", "/api/test-session/%s/heartbeat" % cid, token=token), 401)

    def test_candidate_invalid_input(self):
        q = BY_SLUG["01-sensor-summary"]["uuid"]
        for what, body in (("no name", {"question_ids": [q]}), ("empty name", {"name": "", "question_ids": [q]}),
                           ("name type", {"name": 5, "question_ids": [q]}),
                           ("no questions", {"name": "x"}), ("empty questions", {"name": "x", "question_ids": []}),
                           ("questions type", {"name": "x", "question_ids": "1"}),
                           ("question type", {"name": "x", "question_ids": [{"id": 1}]}),
                           ("duration", {"name": "x", "question_ids": [q], "test_duration_minutes": 0}),
                           ("duration type", {"name": "x", "question_ids": [q], "test_duration_minutes": "1h"})):
            self.assertError(admin("POST", "/api/admin/candidates", body), 400, msg=what)
        for bad in ([str(uuid.uuid4())], [999999], ["nope"]):
            r = admin("POST", "/api/admin/candidates", {"name": "x", "question_ids": bad})
            self.assertIn(r.status, (400, 404), r)
            self.assertError(r, r.status)
        for key in (str(uuid.uuid4()), "1", "nope"):
            self.assertError(admin("GET", "/api/admin/candidates/" + key), 404, msg=key)
            self.assertError(admin("DELETE", "/api/admin/candidates/" + key), 404, msg=key)


class T05InviteLink(Base):
    """The recruiter sees a candidate's current link again (README, "Invitation links")."""

    def link(self, cid, token=None):
        return call("GET", "/api/admin/candidates/%s/link" % cid, token=token or ADMIN)

    def test_a_the_current_link_is_shown_again(self):
        cid, invite, made = new_candidate([BANK[0]["uuid"]])
        r = self.link(cid)
        self.assertOk(r)
        self.assertEqual((r.json["invite_token"], r.json["invite_url"]), (invite, made["invite_url"]))
        self.assertOk(call("POST", "/api/invitation", {"invite_token": r.json["invite_token"]}))
        # a new link replaces it: the page shows the new one, the old one is dead
        n = admin("POST", "/api/admin/candidates/%s/invite" % cid)
        self.assertOk(n)
        r = self.link(cid)
        self.assertOk(r)
        self.assertEqual(r.json["invite_url"], n.json["invite_url"])
        self.assertNotEqual(r.json["invite_token"], invite)
        self.assertError(call("POST", "/api/invitation", {"invite_token": invite}), 401)
        # still shown once the test has started: the link resumes it
        start_session(r.json["invite_token"])
        self.assertEqual(self.link(cid).json["invite_url"], n.json["invite_url"])
        entries = admin("GET", "/api/admin/audit?limit=20").json["entries"]
        self.assertIn(("candidate.link", cid), [(e["action"], e["object_id"]) for e in entries])

    def test_b_a_test_invitation_from_csv_is_shown_again(self):
        _, _, test = assigned_candidate(make_account("reviewer"), "svc link csv")
        r = admin("POST", "/api/admin/tests/%s/invitations" % test,
                  {"csv": "name,email\nLin One,lin1-%s@example.org\n\"Two, Lin\",lin2-%s@example.org\n"
                          % (secrets.token_hex(3), secrets.token_hex(3))})
        self.assertOk(r)
        rows = [x for x in r.json["rows"] if x["status"] == "created"]
        self.assertEqual(len(rows), 2, r)
        for row in rows:
            g = self.link(row["candidate_id"])
            self.assertOk(g)
            self.assertEqual(g.json["invite_url"], row["invite_url"])

    def test_c_the_database_holds_no_token(self):
        cid, invite, _ = new_candidate([BANK[0]["uuid"]])
        row = psql("SELECT row_to_json(c)::text FROM candidate c WHERE candidate_id = '%s'" % cid)
        self.assertRegex(psql("SELECT invite_nonce FROM candidate WHERE candidate_id = '%s'" % cid),
                         "^[0-9a-f]{32}$")
        self.assertNotIn(invite, row)
        # the secret lives outside the database and the checkout, and shows in no answer or log
        with open(os.path.join(VAR, "secret", "invite_link.key")) as f:
            secret = f.read().strip()
        self.assertGreaterEqual(len(secret), 32)
        self.assertNotIn(secret, psql("SELECT string_agg(row_to_json(c)::text, '') FROM candidate c"))
        self.assertNotIn(secret, self.link(cid).text)
        for name in os.listdir(os.path.join(VAR, "log")):
            with open(os.path.join(VAR, "log", name), errors="replace") as f:
                self.assertNotIn(secret, f.read(), name)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(VAR, "secret", "invite_link.key")).st_mode), 0o640)

    def test_d_links_that_cannot_be_made_again(self):
        # a link made before links were kept has no nonce: 404 no_link, and a new link fixes it
        cid, invite, _ = new_candidate([BANK[0]["uuid"]])
        psql("UPDATE candidate SET invite_nonce = NULL WHERE candidate_id = '%s'" % cid)
        self.assertError(self.link(cid), 404, "no_link")
        self.assertOk(call("POST", "/api/invitation", {"invite_token": invite}))   # it still works
        self.assertOk(admin("POST", "/api/admin/candidates/%s/invite" % cid))
        self.assertOk(self.link(cid))
        # a nonce that does not give the stored hash (another secret): never a wrong link
        psql("UPDATE candidate SET invite_nonce = '%s' WHERE candidate_id = '%s'" % ("0" * 32, cid))
        self.assertError(self.link(cid), 404, "no_link")
        for key in (str(uuid.uuid4()), "1", "nope"):
            self.assertError(self.link(key), 404, "not_found", msg=key)

    def test_e_a_reviewer_never_sees_a_link(self):
        rev = make_account("reviewer")
        cid, _, _ = assigned_candidate(rev, "svc link reviewer")
        self.assertOk(call("GET", "/api/admin/candidates/" + cid, token=rev["token"]))
        self.assertError(self.link(cid, token=rev["token"]), 403, "forbidden")


# ---------------------------------------------------------------- the candidate's session

class T06Session(Base):
    @classmethod
    def setUpClass(cls):
        cls.qa = [BY_SLUG["01-sensor-summary"], BY_SLUG["02-bracket-inspector"]]
        cls.qb = BY_SLUG["03-top-words"]
        cls.a_id, cls.a_invite, _ = new_candidate([q["uuid"] for q in cls.qa], name="svc cand A")
        cls.b_id, cls.b_invite, _ = new_candidate([cls.qb["uuid"]], name="svc cand B")
        cls.b_token, _ = start_session(cls.b_invite)
        cls.a_token = None

    def a(self):
        if not type(self).a_token:
            type(self).a_token, _ = start_session(self.a_invite)
        return type(self).a_token

    def test_a_invitation_preview_and_start(self):
        r = call("POST", "/api/invitation", {"invite_token": self.a_invite})
        self.assertOk(r)
        inv = r.json["invitation"]
        self.assertEqual((inv["candidate_id"], inv["name"], inv["question_count"], inv["test_duration_minutes"]),
                         (self.a_id, "svc cand A", 2, 60))
        self.assertIsNone(inv["session_status"])
        self.assertIsNone(inv["remaining_seconds"], "no clock before the start")
        self.assertError(call("POST", "/api/invitation", {"invite_token": secrets.token_hex(32)}), 401)
        self.assertError(call("POST", "/api/invitation", {"invite_token": "x"}), 401)
        self.assertClientError(call("POST", "/api/invitation", {}), "no token")
        self.assertClientError(call("POST", "/api/test-session", {}), "no token")
        self.assertError(call("POST", "/api/test-session", {"invite_token": secrets.token_hex(32)}), 401)

        r = call("POST", "/api/test-session", {"invite_token": self.a_invite})
        self.assertOk(r)
        first = r.json["session_token"]
        self.assertRegex(first, HEX64)
        s = r.json["session"]
        self.assertEqual((s["candidate_id"], s["status"], s["test_duration_minutes"]), (self.a_id, "active", 60))
        self.assertTrue(3570 <= s["remaining_seconds"] <= 3600, s)
        self.assertEqual(call("POST", "/api/invitation", {"invite_token": self.a_invite}).json["invitation"]["session_status"],
                         "active")
        # opening the link again resumes the session with a new token; the old tab's token ends
        r = call("POST", "/api/test-session", {"invite_token": self.a_invite, "candidate_id": self.a_id})
        self.assertOk(r)
        second = r.json["session_token"]
        self.assertNotEqual(first, second)
        self.assertEqual(r.json["session"]["test_start_time"], s["test_start_time"])
        self.assertError(call("PUT", "/api/test-session/%s/heartbeat" % self.a_id, token=first), 401)
        self.assertOk(call("PUT", "/api/test-session/%s/heartbeat" % self.a_id, token=second))
        # an invite with another candidate's id
        self.assertError(call("POST", "/api/test-session", {"invite_token": self.a_invite,
                                                            "candidate_id": self.b_id}), 403)
        type(self).a_token = second

    def test_b_questions_only_assigned_and_samples(self):
        tok = self.a()
        r = call("GET", "/api/questions", token=tok)
        self.assertOk(r)
        qs = r.json["questions"]
        self.assertEqual([q["id"] for q in qs], [q["uuid"] for q in self.qa])
        for q, b in zip(qs, self.qa):
            samples = [t for t in b["tests"] if t["sample"]]
            self.assertEqual([(t["input"], t["expected_output"]) for t in q["test_cases"]],
                             [(t["input"], t["output"]) for t in samples], b["slug"])
            self.assertEqual(q["total_tests"], len(b["tests"]))
        for path in ("/api/questions", "/api/questions/" + self.qa[0]["uuid"],
                     "/api/questions/%d" % self.qa[1]["number"]):
            r = call("GET", path, token=tok)
            self.assertOk(r, msg=path)
            shown = all_strings(r.json)
            for b in self.qa:
                for t in b["tests"]:
                    if t["sample"]:
                        continue
                    for what in ("input", "output"):
                        data = t[what].strip()
                        if len(data) >= 8:
                            self.assertFalse([s for s in shown if data in s],
                                             "%s shows the %s of hidden test %s/%s" % (path, what, b["slug"], t["name"]))
        r = call("GET", "/api/questions/" + self.qa[0]["uuid"], token=tok)
        self.assertEqual(r.json["question"]["id"], self.qa[0]["uuid"])
        self.assertEqual(len(r.json["question"]["test_cases"]), 2)
        self.assertEqual(sorted(r.json["question"]["boiler_plate"]), sorted(LANG_IDS))
        # questions of another test, or of nobody's
        for key in (self.qb["uuid"], str(self.qb["number"]), BY_SLUG["12-festival-gigs"]["uuid"]):
            self.assertError(call("GET", "/api/questions/" + key, token=tok), 404, msg=key)
        self.assertEqual([q["id"] for q in call("GET", "/api/questions", token=self.b_token).json["questions"]],
                         [self.qb["uuid"]])

    def test_c_token_required(self):
        for method, path in (("GET", "/api/questions"), ("GET", "/api/questions/1"),
                             ("GET", "/api/test-session/" + self.a_id),
                             ("PUT", "/api/test-session/%s/heartbeat" % self.a_id),
                             ("PUT", "/api/test-session/%s/activity" % self.a_id),
                             ("PUT", "/api/test-session/%s/progress" % self.a_id),
                             ("PUT", "/api/test-session/%s/complete" % self.a_id),
                             ("PUT", "/api/test-session/%s/abandon" % self.a_id),
                             ("POST", "/api/test-session/%s/abandon" % self.a_id),
                             ("POST", "/proxy/execute")):
            body = {} if method != "GET" else None
            for tok in (None, "garbage", secrets.token_hex(32)):
                self.assertError(call(method, path, body, token=tok), 401, msg="%s %s %r" % (method, path, tok))
            self.assertError(call(method, path + "?token=" + secrets.token_hex(32), body), 401,
                             msg="%s %s ?token" % (method, path))
        # an admin token is no session token, and a session token no admin token
        self.assertError(call("PUT", "/api/test-session/%s/heartbeat" % self.a_id, token=ADMIN), 401)
        self.assertError(call("GET", "/api/admin/candidates", token=self.a()), 401)
        self.assertError(call("GET", "/api/admin/questions/1", token=self.a()), 401)
        # nothing was abandoned or completed by all that
        s = admin("GET", "/api/test-session/" + self.a_id).json["session"]
        self.assertEqual((s["status"], s["tab_closed_at"]), ("active", None))

    def test_d_other_candidates_id_403(self):
        tok = self.a()
        for method, path, body in (("GET", "/api/test-session/" + self.b_id, None),
                                   ("PUT", "/api/test-session/%s/heartbeat" % self.b_id, None),
                                   ("PUT", "/api/test-session/%s/activity" % self.b_id, None),
                                   ("PUT", "/api/test-session/%s/progress" % self.b_id, {"pending_answers": {"x": 1}}),
                                   ("PUT", "/api/test-session/%s/complete" % self.b_id, {}),
                                   ("PUT", "/api/test-session/%s/abandon" % self.b_id, None),
                                   ("POST", "/api/test-session/%s/abandon?token=%s" % (self.b_id, tok), "")):
            self.assertError(call(method, path, body, token=None if "?token" in path else tok), 403,
                             msg="%s %s" % (method, path))
        s = admin("GET", "/api/test-session/" + self.b_id).json["session"]
        self.assertEqual((s["status"], s["tab_closed_at"], s["pending_answers"]), ("active", None, {}))
        # and A can't run code on B's question
        r = proxy(tok, self.qb["uuid"], "python", "print(1)")
        self.assertError(r, 404)

    def test_e_heartbeat_activity_progress(self):
        tok = self.a()
        base = "/api/test-session/" + self.a_id
        r = call("PUT", base + "/heartbeat", token=tok)
        self.assertOk(r)
        self.assertEqual(r.json["status"], "active")
        self.assertTrue(0 < r.json["remaining_seconds"] <= 3600)
        self.assertIn("last_heartbeat", r.json)
        r = call("PUT", base + "/activity", {"type": "keypress"}, token=tok)
        self.assertOk(r)
        self.assertIn("last_activity", r.json)
        answers = {self.qa[0]["uuid"]: {"language": "python", "code": "print('h\u00e9llo \u2603')\n\tx = [1, 2]\n"},
                   self.qa[1]["uuid"]: {"language": "cpp", "code": "int main(){}\n", "cursor": {"line": 3, "ch": 7}},
                   "current": 1, "flags": [True, None, "\"quoted\""]}
        r = call("PUT", base + "/progress", {"pending_answers": answers, "sections_completed": ["intro"]}, token=tok)
        self.assertOk(r)
        self.assertEqual(r.json["pending_answers"], answers)
        g = call("GET", base, token=tok)
        self.assertOk(g)
        s = g.json["session"]
        self.assertEqual(s["pending_answers"], answers)
        self.assertEqual(s["sections_completed"], ["intro"])
        self.assertEqual(s["status"], "active")
        self.assertIsNotNone(s["last_heartbeat"])
        self.assertIsNotNone(s["last_activity"])
        # a progress call without pending_answers keeps them
        self.assertOk(call("PUT", base + "/progress", {"sections_completed": ["intro", "q1"]}, token=tok))
        s = call("GET", base, token=tok).json["session"]
        self.assertEqual((s["pending_answers"], s["sections_completed"]), (answers, ["intro", "q1"]))
        for bad in ({"pending_answers": "x"}, {"pending_answers": [1]}, {"sections_completed": {"a": 1}}):
            self.assertError(call("PUT", base + "/progress", bad, token=tok), 400, msg=repr(bad))
        self.assertClientError(call("PUT", base + "/progress", "{nope", token=tok), "bad json")
        self.assertEqual(call("GET", base, token=tok).json["session"]["pending_answers"], answers)
        # the admin sees the same session
        self.assertEqual(admin("GET", base).json["session"]["pending_answers"], answers)

    def test_f_complete_then_409(self):
        q = BY_SLUG["04-river-rafts"]
        cid, invite, _ = new_candidate([q["uuid"]], name="svc cand C")
        tok, _ = start_session(invite)
        base = "/api/test-session/" + cid
        self.assertOk(call("PUT", base + "/progress", {"pending_answers": {"a": "b"}}, token=tok))
        self.assertError(call("PUT", base + "/complete", {"completion_method": "bogus"}, token=tok), 400)
        r = call("PUT", base + "/complete", {"completion_method": "manual"}, token=tok)
        self.assertOk(r)
        self.assertEqual((r.json["status"], r.json["completion_method"]), ("completed", "manual"))
        for method, path, body in (("PUT", base + "/heartbeat", None), ("PUT", base + "/activity", None),
                                   ("PUT", base + "/progress", {"pending_answers": {"a": "c"}}),
                                   ("PUT", base + "/complete", {}), ("PUT", base + "/abandon", None),
                                   ("POST", base + "/abandon?token=" + tok, "")):
            self.assertError(call(method, path, body, token=None if "?token" in path else tok), 409,
                             msg="%s %s" % (method, path))
        for mode in ("run", "submit"):
            self.assertError(proxy(tok, q["uuid"], "python", q["solutions"]["python"], mode=mode), 409, msg=mode)
        self.assertError(call("POST", "/api/test-session", {"invite_token": invite}), 409)
        s = call("GET", base, token=tok)
        self.assertOk(s)
        self.assertEqual((s.json["session"]["status"], s.json["session"]["completion_method"],
                          s.json["session"]["pending_answers"]), ("completed", "manual", {"a": "b"}))
        c = admin("GET", "/api/admin/candidates/" + cid).json["candidate"]
        self.assertEqual((c["status"], c["session"]["status"]), ("completed", "completed"))
        self.assertEqual(c["submissions"], [])

    def test_g_abandon_grace(self):
        q = BY_SLUG["06-room-bookings"]
        cid, invite, _ = new_candidate([q["uuid"]], name="svc cand D")
        tok, _ = start_session(invite)
        base = "/api/test-session/" + cid
        # a tab close, then the tab comes back within the grace period
        r = call("PUT", base + "/abandon", {"reason": "tab_close"}, token=tok)
        self.assertOk(r)
        self.assertEqual(r.json["status"], "active")
        self.assertIsNotNone(admin("GET", base).json["session"]["tab_closed_at"])
        self.assertOk(call("PUT", base + "/heartbeat", token=tok))
        time.sleep(GRACE + 2.5)
        s = call("GET", base, token=tok).json["session"]
        self.assertEqual((s["status"], s["completion_method"], s["tab_closed_at"]), ("active", None, None))
        self.assertOk(call("PUT", base + "/heartbeat", token=tok))
        # sendBeacon: POST, text/plain, the token in the query string; then no heartbeat
        r = call("POST", base + "/abandon?token=" + tok, '{"reason":"tab_close"}', ctype="text/plain;charset=UTF-8")
        self.assertOk(r)
        t0 = time.time()
        while True:
            s = call("GET", base, token=tok).json["session"]
            if s["status"] != "active" or time.time() - t0 > 15:
                break
            time.sleep(0.5)
        NOTES.append("tab close became abandoned after %.1f s (grace %d s)" % (time.time() - t0, GRACE))
        self.assertEqual((s["status"], s["completion_method"]), ("abandoned", "tab_close"))
        self.assertIsNotNone(s["completed_at"])
        self.assertError(call("PUT", base + "/heartbeat", token=tok), 409)
        self.assertError(call("POST", "/api/test-session", {"invite_token": invite}), 409)
        self.assertEqual(admin("GET", "/api/admin/candidates/" + cid).json["candidate"]["status"], "abandoned")


    def test_h_sweeper_closes_sessions_without_requests(self):
        """conf/service.sh starts a sweeper (ce-ctl sweep 5) so that a closed tab becomes
        abandoned even when no request comes in to run a worker's sweep."""
        q = BY_SLUG["08-island-alliances"]
        cid, invite, _ = new_candidate([q["uuid"]], name="svc cand E")
        tok, _ = start_session(invite)
        self.assertOk(call("POST", "/api/test-session/%s/abandon?token=%s" % (cid, tok), "",
                           ctype="text/plain;charset=UTF-8"))
        # no HTTP request at all from here on: only the sweeper can close the session
        deadline = time.time() + GRACE + 12
        status = None
        while time.time() < deadline:
            time.sleep(1.0)
            status = psql("SELECT status || ' ' || COALESCE(completion_method, '-') FROM test_session"
                          " WHERE candidate_id = '%s'" % cid)
            if status != "active -":
                break
        with open(os.path.join(VAR, "log", "sweep.log"), errors="replace") as f:
            log = f.read().strip().splitlines()[-3:]
        self.assertEqual(status, "abandoned tab_close",
                         "the sweeper did not close the session; sweep.log ends: %s" % log)


# ---------------------------------------------------------------- /proxy/execute

class T07Proxy(Base):
    @classmethod
    def setUpClass(cls):
        cls.q = BY_SLUG["01-sensor-summary"]
        cls.q2 = BY_SLUG["07-typo-distance"]
        cls.cid, invite, _ = new_candidate([cls.q["uuid"], cls.q2["uuid"]], name="svc cand P")
        cls.tok, _ = start_session(invite)

    def test_a_run_samples_accepted(self):
        r = proxy(self.tok, self.q["uuid"], "python", self.q["solutions"]["python"], mode="run")
        self.assertOk(r)
        j = r.json
        self.assertEqual(j["status"], "accepted", r)
        samples = [t for t in self.q["tests"] if t["sample"]]
        self.assertEqual(j["summary"]["total_tests"], len(samples))
        self.assertEqual(j["summary"]["passed"], len(samples))
        self.assertIs(j["summary"]["all_passed"], True)
        for k in ("execution_id", "compile", "metadata", "results"):
            self.assertIn(k, j)
        self.assertNotIn("submission_id", j)
        for res, t in zip(j["results"], samples):
            self.assertEqual((res["passed"], res["status"], res["hidden"]), (True, "accepted", False))
            self.assertEqual(res["output"].strip(), t["output"].strip())
            self.assertEqual(res["expected_output"], t["output"])
            for k in ("test_id", "error", "execution_time_ms", "memory_usage_bytes"):
                self.assertIn(k, res)
        # by integer id too
        r = proxy(self.tok, self.q["number"], "python", self.q["solutions"]["python"])
        self.assertEqual(r.json["status"], "accepted", r)
        # a run is not a submission
        self.assertEqual(admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]["submissions"], [])

    def test_b_run_custom_input(self):
        custom = "4\n10 -20 30 5\n"
        want = subprocess.run([sys.executable, os.path.join(self.q["dir"], "solution", "main.py")],
                              input=custom.encode(), capture_output=True, timeout=30).stdout.decode()
        self.assertEqual(want.strip(), "-20 30 25 2")
        r = proxy(self.tok, self.q["uuid"], "python", self.q["solutions"]["python"], custom_input=custom)
        self.assertOk(r)
        self.assertIn("custom", r.json)
        self.assertEqual(r.json["custom"]["output"].strip(), want.strip())
        self.assertNotIn("passed", r.json["custom"])
        self.assertEqual(r.json["status"], "accepted")
        # custom input that crashes the program shows its stderr
        r = proxy(self.tok, self.q["uuid"], "python", self.q["solutions"]["python"], custom_input="")
        self.assertOk(r)
        self.assertIn("custom", r.json)
        self.assertIn("IndexError", r.json["custom"].get("error") or "")

    def test_c_submit_accepted_redacted_and_recorded(self):
        r = proxy(self.tok, self.q["uuid"], "python", self.q["solutions"]["python"], mode="submit")
        self.assertOk(r)
        j = r.json
        self.assertEqual(j["status"], "accepted", r)
        self.assertEqual(j["summary"]["total_tests"], len(self.q["tests"]))
        self.assertEqual(j["summary"]["passed"], len(self.q["tests"]))
        self.assertEqual(j["summary"]["score"], self.q["max_score"])
        self.assertEqual(j["summary"]["max_score"], self.q["max_score"])
        self.assertRegex(j["submission_id"], UUID_RE)
        self.assertEqual(len(j["results"]), len(self.q["tests"]))
        for res, t in zip(j["results"], self.q["tests"]):
            self.assertEqual((res["passed"], res["status"], res["hidden"]), (True, "accepted", not t["sample"]))
            if t["sample"]:
                self.assertEqual(res["input"], t["input"])
                self.assertEqual(res["output"].strip(), t["output"].strip())
            else:
                for k in ("input", "expected_output", "output", "error", "actual_output"):
                    self.assertNotIn(k, res, "hidden test %s shows %s" % (t["name"], k))
                for what in ("input", "output"):
                    data = t[what].strip()
                    if len(data) >= 8:
                        self.assertFalse([s for s in all_strings(j) if data in s],
                                         "the %s of hidden test %s shows" % (what, t["name"]))
        c = admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]
        subs = {s["submission_id"]: s for s in c["submissions"]}
        self.assertIn(j["submission_id"], subs)
        s = subs[j["submission_id"]]
        self.assertEqual((s["status"], s["score"], s["max_score"], s["passed"], s["total"], s["language"]),
                         ("accepted", self.q["max_score"], self.q["max_score"], len(self.q["tests"]),
                          len(self.q["tests"]), "python"))
        self.assertEqual(s["code"], self.q["solutions"]["python"])
        self.assertEqual(s["question_id"], self.q["uuid"])
        # the recruiter's record keeps what the candidate does not see: hidden tests' data, the compile step
        # (the judge's response carries at most 64 KiB of a test's input)
        for res, t in zip(s["results"], self.q["tests"]):
            self.assertEqual((res["hidden"], res["expected_output"].strip()), (not t["sample"], t["output"].strip()))
            self.assertTrue(res["input"] and t["input"].startswith(res["input"]), t["name"])
        self.assertEqual(s["compile"]["status"], "ok", s["compile"])
        self.assertEqual(c["score"], self.q["max_score"])
        best = {x["id"]: x["best_score"] for x in c["questions"]}
        self.assertEqual(best[self.q["uuid"]], self.q["max_score"])
        qv = call("GET", "/api/questions/" + self.q["uuid"], token=self.tok).json["question"]
        self.assertEqual((qv["progress"]["solved"], qv["progress"]["best_score"]), (True, self.q["max_score"]))

    def test_f_final_submit_grace(self):
        """The clock ran out a moment ago: a submit still counts, a run does not; later, nothing."""
        cid, invite, _ = new_candidate([self.q["uuid"]], name="svc cand grace")
        tok, _ = start_session(invite)
        sol = self.q["solutions"]["python"]
        psql("UPDATE test_session SET ends_at = now() - interval '3 seconds' WHERE candidate_id = '%s'" % cid)
        self.assertError(proxy(tok, self.q["uuid"], "python", sol, mode="run"), 409, "session_over")
        # the run above let the sweep close it (timer_expired); the page's last submit is still taken
        self.assertEqual(psql("SELECT status || ' ' || completion_method FROM test_session WHERE candidate_id = '%s'"
                              % cid), "completed timer_expired")
        r = proxy(tok, self.q["uuid"], "python", sol, mode="submit")
        self.assertOk(r)
        self.assertEqual(r.json["status"], "accepted")
        psql("UPDATE test_session SET ends_at = now() - interval '20 seconds' WHERE candidate_id = '%s'" % cid)
        self.assertError(proxy(tok, self.q["uuid"], "python", sol, mode="submit"), 409, "session_over")
        # a session the candidate finished takes no late submit
        cid2, invite2, _ = new_candidate([self.q["uuid"]], name="svc cand grace 2")
        tok2, _ = start_session(invite2)
        self.assertOk(call("PUT", "/api/test-session/%s/complete" % cid2, {}, token=tok2))
        self.assertError(proxy(tok2, self.q["uuid"], "python", sol, mode="submit"), 409, "session_over")
        c = admin("GET", "/api/admin/candidates/" + cid).json["candidate"]
        self.assertEqual(len(c["submissions"]), 1)

    def test_d_failing_solution_wrong_answer(self):
        r = proxy(self.tok, self.q["uuid"], "python", "print('0 0 0 0')\n", mode="run")
        self.assertOk(r)
        self.assertEqual(r.json["status"], "wrong_answer", r)
        self.assertEqual(r.json["summary"]["passed"], 0)
        self.assertFalse(r.json["results"][0]["passed"])
        r = proxy(self.tok, self.q2["uuid"], "c", "#include <stdio.h>\nint main(void){puts(\"1\");return 0;}\n",
                  mode="submit")
        self.assertOk(r)
        self.assertEqual(r.json["status"], "wrong_answer", r)
        self.assertLess(r.json["summary"]["score"], self.q2["max_score"])
        r = proxy(self.tok, self.q2["uuid"], "cpp", "int main( {", mode="run")
        self.assertOk(r)
        self.assertEqual(r.json["status"], "compilation_error", r)
        self.assertNotEqual(r.json["compile"]["status"], "ok")
        c = admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]
        best = {x["id"]: x["best_score"] for x in c["questions"]}
        self.assertLess(best[self.q2["uuid"]], self.q2["max_score"])
        self.assertIn("wrong_answer", [s["status"] for s in c["submissions"]])

    def test_e_bad_proxy_requests(self):
        code = self.q["solutions"]["python"]
        for what, body, status in (
                ("unknown question", {"language": "python", "code": code, "question_id": str(uuid.uuid4())}, 404),
                ("unassigned question", {"language": "python", "code": code,
                                         "question_id": BY_SLUG["12-festival-gigs"]["uuid"]}, 404),
                ("unassigned by number", {"language": "python", "code": code,
                                          "question_id": BY_SLUG["12-festival-gigs"]["number"]}, 404),
                ("mode", {"language": "python", "code": code, "question_id": self.q["uuid"], "mode": "debug"}, 400),
                ("no code", {"language": "python", "question_id": self.q["uuid"]}, 400),
                ("empty code", {"language": "python", "code": "", "question_id": self.q["uuid"]}, 400),
                ("no question", {"language": "python", "code": code}, 400),
                ("language", {"language": "cobol", "code": code, "question_id": self.q["uuid"]}, 400),
                ("language type", {"language": 1, "code": code, "question_id": self.q["uuid"]}, 400),
                ("custom type", {"language": "python", "code": code, "question_id": self.q["uuid"],
                                 "custom_input": 5}, 400)):
            self.assertError(call("POST", "/proxy/execute", body, token=self.tok), status, msg=what)
        self.assertClientError(call("POST", "/proxy/execute", "{", token=self.tok), "bad json")
        self.assertError(call("GET", "/proxy/execute", token=self.tok), 405)


# ---------------------------------------------------------------- every reference solution

class T07Reports(Base):
    """The recruiter's take-aways: check a solution before saving, CSV, printable report."""

    @classmethod
    def setUpClass(cls):
        cls.q = BY_SLUG["01-sensor-summary"]
        # a name a spreadsheet would run as a formula and a page would run as script
        cls.name = '=HYPERLINK("x") <script>alert(1)</script> "Q"'
        cls.cid, invite, _ = new_candidate([cls.q["uuid"]], name=cls.name)
        cls.tok, _ = start_session(invite)
        r = proxy(cls.tok, cls.q["uuid"], "python", cls.q["solutions"]["python"], mode="submit")
        assert r.status == 200 and r.json["status"] == "accepted", r
        # the start moved ten minutes back: the next heartbeat comes after a gap
        psql("UPDATE session_event SET at = at - interval '10 minutes' WHERE candidate_id = '%s' AND kind = 'start'"
             % cls.cid)
        assert call("PUT", "/api/test-session/%s/heartbeat" % cls.cid, {}, token=cls.tok).status == 200
        assert call("PUT", "/api/test-session/%s/complete" % cls.cid, {}, token=cls.tok).status == 200

    def check(self, code, tests, language="python", **kw):
        body = {"language": language, "code": code, "time_limit_ms": 2000, "memory_limit_mb": 128,
                "test_cases": [{"input": i, "expected_output": o} for i, o in tests]}
        body.update(kw)
        return admin("POST", "/api/admin/questions/check", body)

    def test_a_check_reference_solution(self):
        tests = [(t["input"], t["output"]) for t in self.q["tests"]]
        r = self.check(self.q["solutions"]["python"], tests)
        self.assertOk(r)
        self.assertEqual(r.json["status"], "accepted", r)
        self.assertEqual(r.json["summary"]["passed"], len(tests))
        self.assertEqual([t["status"] for t in r.json["test_results"]], ["accepted"] * len(tests))
        r = self.check("print(int(input()) * 2)\n", [("2", "4"), ("3", "7")])
        self.assertOk(r)
        self.assertEqual(r.json["status"], "wrong_answer", r)
        self.assertEqual([t["status"] for t in r.json["test_results"]], ["accepted", "wrong_answer"])
        self.assertEqual(r.json["test_results"][1]["actual_output"], "6\n")
        r = self.check("int main( {", [("", "")], language="c")
        self.assertOk(r)
        self.assertEqual(r.json["status"], "compilation_error", r)
        self.assertTrue(r.json["compile"]["output"])

    def test_b_check_bad_input(self):
        ok = {"language": "python", "code": "print(1)", "test_cases": [{"input": "", "expected_output": "1"}]}
        self.assertError(call("POST", "/api/admin/questions/check", ok), 401)
        self.assertError(call("POST", "/api/admin/questions/check", ok, token="0" * 64), 401)
        self.assertError(self.check("print(1)", [("", "1")], language="cobol"), 400, "invalid_language")
        self.assertError(self.check("print(1)", [("", "1")], time_limit_ms="fast"), 400, "invalid_field")
        self.assertError(self.check("print(1)", [("", "1")], time_limit_ms=10 ** 9), 400, "invalid_field")
        self.assertClientError(self.check("print(1)", []), "no tests")
        self.assertClientError(self.check("print(1)", [("", "1")], test_cases="many"), "tests not a list")
        self.assertClientError(self.check("x" * (300 * 1024), [("", "1")]), "code over 256 KiB")
        self.assertClientError(admin("POST", "/api/admin/questions/check", '{"language": "python",'), "malformed")
        self.assertError(admin("GET", "/api/admin/questions/check"), 404)

    def test_c_csv_export(self):
        r = admin("GET", "/api/admin/export/scores.csv")
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["content-type"].startswith("text/csv"), r.headers)
        self.assertIn("attachment", r.headers.get("content-disposition", ""))
        rows = list(csv.DictReader(io.StringIO(r.text)))
        mine = [x for x in rows if "HYPERLINK" in x["name"]]
        self.assertEqual(len(mine), 1, r.text[:2000])
        row = mine[0]
        # defused: the cell starts with a quote, so no spreadsheet runs it
        self.assertEqual(row["name"], "'" + self.name)
        self.assertEqual((row["status"], row["completion_method"], row["score"], row["max_score"], row["solved"],
                          row["questions"], row["percent"]),
                         ("completed", "manual", str(self.q["max_score"]), str(self.q["max_score"]), "1", "1",
                          "100.0"))
        self.assertRegex(row["started_at"], r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
        self.assertEqual(len(rows), int(psql("SELECT count(*) FROM candidate")))
        # a column per question: the candidate's best score there, empty under the others
        head = next(csv.reader(io.StringIO(r.text)))
        mine_col = "Q%d %s" % (self.q["number"], self.q["title"])
        self.assertEqual(head[:8], ["name", "email", "status", "completion_method", "started_at", "completed_at",
                                   "questions", "solved"])
        self.assertEqual(head[-3:], ["score", "max_score", "percent"])
        self.assertIn(mine_col, head)
        self.assertEqual(row[mine_col], str(self.q["max_score"]))
        self.assertEqual([c for c in head[8:-3] if c != mine_col and row[c] != ""], [])
        self.assertError(call("GET", "/api/admin/export/scores.csv"), 401)

    def test_d_printable_report(self):
        r = admin("GET", "/api/admin/candidates/%s/report" % self.cid)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["content-type"].startswith("text/html"), r.headers)
        html = r.text
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertIn("%d / %d" % (self.q["max_score"], self.q["max_score"]), html)
        self.assertIn(self.q["title"], html)
        # the best-scoring submission, here the last one too, escaped the way the template escapes it
        esc = (self.q["solutions"]["python"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
               .replace('"', "&quot;").replace("'", "&#39;"))
        self.assertIn(esc, html)
        self.assertIn("Best-scoring and last submission", html)
        self.assertNotIn("Last submission:", html)
        q = admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]["questions"][0]
        self.assertEqual((q["best"]["submission_id"], q["last_is_best"], q["best"]["status"]),
                         (q["last"]["submission_id"], True, "accepted"))
        # words, not codes: events, verdicts, completion, languages; tests by their number
        for label in ("<td>Test started</td>", "<td>Heartbeat gap</td>", "<td>Test ended</td>", "<td>Manual</td>",
                      "<td>Accepted</td>", "<td>1</td><td>Accepted</td>", "Python 3"):
            self.assertIn(label, html)
        for code in ("<td>start</td>", "heartbeat_gap", "completion_method", ">accepted<", ">python<", "test_id"):
            self.assertNotIn(code, html)
        self.assertRegex(html, r"\d+ s since the last heartbeat")
        self.assertNotRegex(html, r"\{\{|\}\}", "an unfilled template tag")
        c = admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]
        gaps = [e for e in c["timeline"] if e["kind"] == "heartbeat_gap"]
        self.assertEqual(len(gaps), 1, c["timeline"])
        self.assertGreaterEqual(gaps[0]["gap_seconds"], 590)
        self.assertNotIn("heartbeat", [e["kind"] for e in c["timeline"]])
        self.assertError(admin("GET", "/api/admin/candidates/%s/report" % uuid.uuid4()), 404)
        self.assertError(admin("GET", "/api/admin/candidates/nope/report"), 404)
        self.assertError(call("GET", "/api/admin/candidates/%s/report" % self.cid), 401)


# the environment the workers give the judge: no CE_BOX, so it finds the installed launcher beside it
JUDGE_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}


class T13Privilege(Base):
    """Root only where a box is built: the installed judge runs as its caller, only the
    launcher is setuid, and the FastCGI workers carry no box code at all."""

    def test_a_only_the_launcher_is_setuid(self):
        judge = os.stat(os.path.join(VAR, "bin", "judge"))
        box = os.stat(os.path.join(VAR, "bin", "ce-box"))
        self.assertFalse(judge.st_mode & 0o6000, "bin/judge must not be setuid or setgid")
        self.assertEqual(box.st_uid, 0)
        self.assertEqual(box.st_mode & 0o7777, 0o4750)
        import grp
        self.assertEqual(grp.getgrgid(box.st_gid).gr_name, "coding-engine")
        for name in ("ce-fcgi", "ce-ctl"):
            st = os.stat(os.path.join(VAR, "bin", name))
            self.assertFalse(st.st_mode & 0o6000, name)

    def test_b_a_path_is_opened_as_the_caller(self):
        """A request file only root may read stays unread when the service user names it."""
        d = os.path.join(OUT, "root-only-%d" % os.getpid())
        os.makedirs(d, exist_ok=True)
        os.chmod(d, 0o755)
        path = os.path.join(d, "request.json")
        secret = "ROOTONLY-" + secrets.token_hex(8)
        with open(path, "w") as f:
            json.dump({"language": "python", "code": "print(%r)" % secret,
                       "test_cases": [{"input": "", "expected_output": secret}]}, f)
        os.chmod(path, 0o600)
        try:
            p = subprocess.run(["runuser", "-u", "coding-engine", "--",
                                os.path.join(VAR, "bin", "judge"), path],
                               capture_output=True, text=True, timeout=60, env=JUDGE_ENV)
        finally:
            shutil.rmtree(d, ignore_errors=True)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn("Permission denied", p.stdout)
        self.assertNotIn(secret, p.stdout)

    def test_c_workers_link_no_box_code(self):
        fcgi = os.path.join(VAR, "bin", "ce-fcgi")
        syms = subprocess.run(["nm", fcgi], capture_output=True, text=True).stdout
        box = [l for l in syms.splitlines() if re.search(r" [TtDdBb] (box_|cg_|rules_)", l)]
        self.assertEqual(box, [], "box code in ce-fcgi")
        libs = subprocess.run(["ldd", fcgi], capture_output=True, text=True).stdout
        self.assertNotIn("libseccomp", libs)
        self.assertNotIn("libseccomp", subprocess.run(["ldd", os.path.join(VAR, "bin", "judge")],
                                                      capture_output=True, text=True).stdout)

    def test_d_the_service_user_runs_code_through_the_launcher(self):
        """The same judge, as the service user: judged in a box, not refused."""
        req = json.dumps({"language": "python", "code": "print(int(input()) * 2)",
                          "test_cases": [{"input": "21", "expected_output": "42"}]})
        p = subprocess.run(["runuser", "-u", "coding-engine", "--",
                            os.path.join(VAR, "bin", "judge")],
                           input=req, capture_output=True, text=True, timeout=60, env=JUDGE_ENV)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(json.loads(p.stdout)["status"], "accepted")


    def test_e_the_judge_runs_under_a_memory_limit(self):
        """The unprivileged judge caps its own address space (RLIMIT_AS), the boxes keep theirs."""
        req = json.dumps({"language": "python", "code": "import time\ntime.sleep(1.5)\nprint(1)",
                          "test_cases": [{"input": "", "expected_output": "1"}]})
        p = subprocess.Popen([os.path.join(VAR, "bin", "judge")], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, user="coding-engine",
                             group="coding-engine", extra_groups=[], env=JUDGE_ENV)
        try:
            limit = None
            deadline = time.time() + 5
            while limit is None and time.time() < deadline:
                time.sleep(0.05)
                with open("/proc/%d/limits" % p.pid) as f:
                    for line in f:
                        if line.startswith("Max address space"):
                            limit = line.split()[3]
            out, _ = p.communicate(req, timeout=60)
        finally:
            p.kill()
        self.assertIsNotNone(limit)
        self.assertNotEqual(limit, "unlimited")
        self.assertLessEqual(int(limit), 2 << 30)
        self.assertEqual(json.loads(out)["status"], "accepted", out[:300])

    def test_f_no_box_is_a_503_and_nothing_ran(self):
        """A launcher that cannot take root (its setuid bit gone) refuses; the API says 503."""
        box = os.path.join(VAR, "bin", "ce-box")
        req = {"language": "python", "code": "print(1)",
               "test_cases": [{"input": "", "expected_output": "1"}]}
        os.chmod(box, 0o750)
        try:
            r = call("POST", "/execute", req)
        finally:
            os.chmod(box, 0o4750)
        self.assertError(r, 503, "sandbox_unavailable")
        self.assertNotIn("setuid", r.text)
        r = call("POST", "/execute", req)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "accepted")


class T15Docker(Base):
    """The Docker front as shipped: conf/docker/nginx.conf in front of app nodes on TCP, its
    /execute gate written by conf/docker/nginx-execute.sh.  Two app nodes run here as the
    image runs them (spawn-fcgi on a TCP port as coding-engine), one with CE_API_KEY; the
    host's nginx runs the image's nginx.conf with only its host paths and ports rewritten."""

    KEY = "key-" + secrets.token_hex(12)
    REQ = {"language": "python", "code": "print(6 * 7)",
           "test_cases": [{"input": "", "expected_output": "42"}]}

    @classmethod
    def setUpClass(cls):
        cls.dir = os.path.join(OUT, "docker-%d" % PORT)
        shutil.rmtree(cls.dir, ignore_errors=True)
        os.makedirs(cls.dir)
        cls.web, cls.app_open, cls.app_key = PORT + 40, PORT + 41, PORT + 42
        cls.apps = [cls._app(cls.app_open, ""), cls._app(cls.app_key, cls.KEY)]
        cls.nginx = None
        # the first test's requests find both nodes listening
        for port, p in zip((cls.app_open, cls.app_key), cls.apps):
            wait_listening(port, p, "the app node on port %d, see %s" % (port, cls.dir))

    @classmethod
    def tearDownClass(cls):
        cls._nginx_stop()
        for p in cls.apps:
            p.terminate()
            p.wait(timeout=10)

    @classmethod
    def _app(cls, port, key):
        """An app node as conf/docker/app.sh starts it, on 127.0.0.1 instead of 0.0.0.0."""
        log = open(os.path.join(cls.dir, "app-%d.log" % port), "w")
        p = subprocess.Popen(
            ["spawn-fcgi", "-n", "-a", "127.0.0.1", "-p", str(port), "-u", "coding-engine",
             "-g", "coding-engine", "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin",
             "DATABASE_URL=host=%s/pg/run port=5432 dbname=coding_engine user=coding-engine" % VAR,
             "CE_JUDGE=" + os.path.join(VAR, "bin", "judge"),
             "CE_TEMPLATES=" + os.path.join(VAR, "share", "templates"), "CE_API_KEY=" + key,
             "CE_NODE_NAME=docker-test", os.path.join(VAR, "bin", "ce-fcgi"), "--workers", "1"],
            stdout=log, stderr=subprocess.STDOUT)
        log.close()
        return p

    @classmethod
    def _nginx_stop(cls):
        if cls.nginx:
            cls.nginx.terminate()
            cls.nginx.wait(timeout=10)
            cls.nginx = None

    def gate(self, app_port, **env):
        """Run nginx-execute.sh with env, then (re)start nginx on the image's nginx.conf in
        front of the app node on app_port.  Returns the script's result."""
        out = os.path.join(self.dir, "ce-execute.conf")
        e = {"PATH": "/usr/bin:/bin", "CE_EXECUTE_CONF": out}
        e.update(env)
        script = subprocess.run(["sh", os.path.join(ROOT, "conf", "docker", "nginx-execute.sh")],
                                env=e, capture_output=True, text=True, timeout=30)
        if script.returncode != 0:
            return script
        with open(os.path.join(ROOT, "conf", "docker", "nginx.conf")) as f:
            conf = f.read()
        for old, new in (("/etc/nginx/ce-execute.conf", out),
                         ("server app:9000;", "server 127.0.0.1:%d;" % app_port),
                         ("server app:9001;", "server 127.0.0.1:%d;" % app_port),
                         ("listen 8080;", "listen 127.0.0.1:%d;" % self.web),
                         ("/var/log/nginx/access.log", os.path.join(self.dir, "access.log")),
                         ("root /srv/static;", "root %s;" % os.path.join(ROOT, "static"))):
            self.assertEqual(conf.count(old), 1, "conf/docker/nginx.conf no longer has %r" % old)
            conf = conf.replace(old, new)
        path = os.path.join(self.dir, "nginx.conf")
        with open(path, "w") as f:
            f.write(conf)
        self._nginx_stop()
        type(self).nginx = subprocess.Popen(
            ["nginx", "-p", self.dir + "/", "-c", path, "-g",
             "daemon off; pid %s/nginx.pid; error_log %s/error.log; user www-data;" % (self.dir, self.dir)],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.dir, "nginx.out"), "a"))
        deadline = time.time() + 20
        while True:
            try:
                self.front("GET", "/health")
                break
            except OSError:
                if time.time() > deadline or self.nginx.poll() is not None:
                    raise
                time.sleep(0.1)
        return script

    def front(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.web, timeout=60)
        try:
            h = {"Content-Type": "application/json"}
            h.update(headers or {})
            c.request(method, path, body=None if body is None else json.dumps(body), headers=h)
            resp = c.getresponse()
            return Resp(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        finally:
            c.close()

    def test_a_closed_by_default(self):
        """No CE_EXECUTE_ALLOW, no CE_API_KEY (the image as built): /execute is nginx's 403."""
        s = self.gate(self.app_open)
        self.assertIn("closed", s.stdout)
        r = self.front("POST", "/execute", self.REQ)
        self.assertError(r, 403, "forbidden")
        r = self.front("GET", "/health")
        self.assertEqual((r.status, r.json and r.json.get("status")), (200, "ok"),
                         "the rest of the API stays open: %r" % r)

    def test_b_allow_opens_to_those_addresses_only(self):
        self.gate(self.app_open, CE_EXECUTE_ALLOW="10.0.0.0/8 192.168.1.7")
        self.assertError(self.front("POST", "/execute", self.REQ), 403, "forbidden")
        self.gate(self.app_open, CE_EXECUTE_ALLOW="10.0.0.0/8 127.0.0.1")
        r = self.front("POST", "/execute", self.REQ)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "accepted", r)
        self.gate(self.app_open, CE_EXECUTE_ALLOW="all")
        self.assertEqual(self.front("POST", "/execute", self.REQ).status, 200)

    def test_c_api_key_opens_the_gate_and_the_app_checks_the_key(self):
        self.gate(self.app_key, CE_API_KEY=self.KEY)
        self.assertError(self.front("POST", "/execute", self.REQ), 401, "unauthorized")
        self.assertError(self.front("POST", "/execute", self.REQ, {"X-API-Key": self.KEY[:-1] + "x"}),
                         401, "unauthorized")
        for h in ({"X-API-Key": self.KEY}, {"Authorization": "Bearer " + self.KEY}):
            r = self.front("POST", "/execute", self.REQ, h)
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.json["status"], "accepted", r)
            self.assertNotIn(self.KEY, r.text)
        with open(os.path.join(self.dir, "access.log")) as f:
            self.assertNotIn(self.KEY, f.read(), "the key is in the access log")

    def test_d_a_bad_address_stops_the_start_and_changes_nothing(self):
        self.gate(self.app_open)
        out = os.path.join(self.dir, "ce-execute.conf")
        with open(out) as f:
            before = f.read()
        for bad in ("127.0.0.1;", "1.2.3.4 }", "all; include /etc/passwd"):
            s = self.gate(self.app_open, CE_EXECUTE_ALLOW=bad)
            self.assertEqual(s.returncode, 1, "%r: %s" % (bad, s.stdout + s.stderr))
            self.assertIn("bad address", s.stderr)
            with open(out) as f:
                self.assertEqual(f.read(), before, bad)
            self.assertFalse(os.path.exists(out + ".new"), "a half-written file is left")

    def test_f_piston_behind_the_same_gate(self):
        """/piston/ has the gate of /execute: closed by nginx unless opened, then the app's API
        key; the refusals in Piston's shape, {"message": ...}."""
        body = {"language": "python", "version": "*", "files": [{"content": "print(6 * 7)"}]}
        calls = (("GET", "/piston/api/v2/runtimes", None), ("POST", "/piston/api/v2/execute", body))
        self.gate(self.app_open)
        for method, path, b in calls:
            r = self.front(method, path, b)
            self.assertEqual((r.status, r.json), (403, {"message": "your address may not use this endpoint"}),
                             "%s %s: %r" % (method, path, r))
        self.gate(self.app_key, CE_API_KEY=self.KEY)
        for method, path, b in calls:
            for h in ({}, {"X-API-Key": self.KEY[:-1] + "x"}):
                r = self.front(method, path, b, h)
                self.assertEqual(r.status, 401, "%s %s: %r" % (method, path, r))
                self.assertEqual(list(r.json), ["message"], r)
            r = self.front(method, path, b, {"X-API-Key": self.KEY})
            self.assertEqual(r.status, 200, "%s %s: %r" % (method, path, r))
        r = self.front("POST", "/piston/api/v2/execute", body, {"Authorization": "Bearer " + self.KEY})
        self.assertEqual((r.status, r.json["run"]["stdout"]), (200, "42\n"), r)
        self.gate(self.app_open, CE_EXECUTE_ALLOW="127.0.0.1")
        r = self.front("POST", "/piston/api/v2/execute", body)
        self.assertEqual((r.status, r.json["run"]["stdout"]), (200, "42\n"), r)

    def test_g_metrics_behind_the_same_gate(self):
        """GET /metrics has the gate of /execute: nginx's 403 unless opened, then the app's
        API key; with it, Prometheus text from the quick pool."""
        self.gate(self.app_open)
        self.assertError(self.front("GET", "/metrics"), 403, "forbidden")
        self.gate(self.app_key, CE_API_KEY=self.KEY)
        self.assertError(self.front("GET", "/metrics"), 401, "unauthorized")
        self.assertError(self.front("GET", "/metrics", headers={"X-API-Key": self.KEY[:-1] + "x"}),
                         401, "unauthorized")
        for h in ({"X-API-Key": self.KEY}, {"Authorization": "Bearer " + self.KEY}):
            r = self.front("GET", "/metrics", headers=h)
            self.assertEqual(r.status, 200, r)
            self.assertTrue(r.headers["content-type"].startswith("text/plain; version=0.0.4"), r.headers)
            self.assertIn('ce_jobs{state="done"} ', r.text)
    def test_g_judge0_behind_the_same_gate(self):
        """/judge0/ has the gate of /execute: closed by nginx unless opened, then the app's API
        key as Judge0's X-Auth-Token; the refusals in Judge0's shape, {"error": ...}."""
        body = {"source_code": "print(6 * 7)", "language_id": 71}
        calls = (("GET", "/judge0/statuses", None), ("POST", "/judge0/submissions?wait=true", body))
        self.gate(self.app_open)
        for method, path, b in calls:
            r = self.front(method, path, b)
            self.assertEqual((r.status, r.json), (403, {"error": "your address may not use this endpoint"}),
                             "%s %s: %r" % (method, path, r))
        self.gate(self.app_key, CE_API_KEY=self.KEY)
        for method, path, b in calls:
            for h in ({}, {"X-Auth-Token": self.KEY[:-1] + "x"}):
                r = self.front(method, path, b, h)
                self.assertEqual(r.status, 401, "%s %s: %r" % (method, path, r))
                self.assertEqual(list(r.json), ["error"], r)
            r = self.front(method, path, b, {"X-Auth-Token": self.KEY})
            self.assertIn(r.status, (200, 201), "%s %s: %r" % (method, path, r))
        r = self.front("POST", "/judge0/submissions?wait=true", body, {"X-Auth-Token": self.KEY})
        self.assertEqual((r.status, r.json["stdout"], r.json["status"]["id"]), (201, "42\n", 3), r)
        self.assertNotIn(self.KEY, r.text)
        r = self.front("GET", "/judge0/submissions/%s" % r.json["token"], None, {"X-API-Key": self.KEY})
        self.assertEqual((r.status, r.json["stdout"]), (200, "42\n"), r)

    def test_e_compose_publishes_only_nginx_and_keeps_the_app_small(self):
        """docker-compose.yml as docker-compose reads it: only nginx publishes a port, the app
        sits on an internal network only, keeps exactly the capabilities the README lists,
        and the one unconfined seccomp profile is explained there."""
        import yaml   # docker-compose's own dependency
        env = {"PATH": "/usr/bin:/bin", "POSTGRES_PASSWORD": "compose-check"}
        p = subprocess.run(["docker-compose", "-f", os.path.join(ROOT, "docker-compose.yml"), "config"],
                           env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
        self.assertEqual(p.returncode, 0, p.stderr)
        c = yaml.safe_load(p.stdout)
        svc = c["services"]
        self.assertEqual(sorted(n for n, v in svc.items() if v.get("ports")), ["nginx"])
        self.assertEqual([(int(x["published"]), int(x["target"])) for x in svc["nginx"]["ports"]],
                         [(8080, 8080)])
        for name in ("app", "postgres"):
            self.assertNotIn("expose", svc[name], name)
            self.assertEqual(list(svc[name]["networks"]), ["backend"], name)
        self.assertIs(c["networks"]["backend"].get("internal"), True)
        app, worker = svc["app"], svc["worker"]
        with open(os.path.join(ROOT, "README.md")) as f:
            readme = f.read()
        for s in (app, worker):
            self.assertEqual(s["cap_drop"], ["ALL"])
            for cap in s["cap_add"]:
                self.assertIn("`%s`" % cap, readme, "capability %s is not explained in the README" % cap)
            self.assertNotIn("privileged", s)
            if "seccomp:unconfined" in s.get("security_opt", []):
                self.assertIn("`seccomp:unconfined` stays, for one reason", readme)
        # the app runs no code: it drops to the service user and nothing more
        self.assertEqual(sorted(app["cap_add"]), ["SETGID", "SETUID"])
        self.assertIn("no-new-privileges:true", app["security_opt"])
        self.assertNotIn("volumes", app)
        self.assertEqual(sorted(worker["cap_add"]), sorted(["SYS_ADMIN", "SYS_CHROOT", "SETUID", "SETGID",
                                                            "SETPCAP", "SYS_PTRACE", "DAC_OVERRIDE", "MKNOD",
                                                            "KILL"]))
        with open(os.path.join(ROOT, "conf", "docker", "Dockerfile")) as f:
            self.assertIsNone(re.search(r"^\s*EXPOSE", f.read(), re.M), "the app image exposes a port")
        self.assertEqual(svc["nginx"]["environment"].get("CE_EXECUTE_ALLOW", ""), "")
        self.assertEqual(svc["nginx"]["environment"].get("CE_API_KEY", ""), "")


def _comm(pid):
    """A process's name, or "" when it is gone."""
    try:
        with open("/proc/%s/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return ""


class T17Queue(Base):
    """Every execution is a job in PostgreSQL, stored before it runs and run by a judge host
    (bin/ce-worker); the front waits in a pool of its own."""

    SLOW = {"language": "python", "code": "import time\ntime.sleep(2.5)\nprint(1)",
            "test_cases": [{"input": "", "expected_output": "1"}], "timeout": 6}

    def jobs(self):
        return int(psql("SELECT count(*) FROM job"))

    def test_a_every_execution_is_a_job(self):
        before = self.jobs()
        r = call("POST", "/execute", {"language": "python", "code": SUM_PY,
                                      "test_cases": [{"input": "2 3", "expected_output": "5"}]})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "accepted")
        self.assertEqual(self.jobs(), before + 1)
        row = psql("SELECT kind || ' ' || owner || ' ' || state || ' ' || attempts || ' ' ||"
                   " (host_id IS NOT NULL) FROM job ORDER BY id DESC LIMIT 1")
        self.assertEqual(row, "execute client:127.0.0.1 done 1 true")
        # a candidate's run and submit are jobs of their session, a submit served first
        q = BY_SLUG["01-sensor-summary"]
        cid, invite, _ = new_candidate([q["uuid"]])
        tok, _ = start_session(invite)
        for mode in ("run", "submit"):
            self.assertEqual(proxy(tok, q["uuid"], "python", q["solutions"]["python"], mode=mode).status, 200)
        rows = psql("SELECT string_agg(kind || ' ' || priority, ',' ORDER BY id) FROM job"
                    " WHERE owner = 'session:%s'" % cid)
        self.assertEqual(rows, "run 1,submit 0")
        # a request that is not JSON is refused before anything is stored
        n = self.jobs()
        self.assertClientError(call("POST", "/execute", b"{nope"), "not JSON")
        self.assertEqual(self.jobs(), n)
        self.assertIn(psql("SELECT count(*) FROM judge_host WHERE NOT draining"
                           " AND heartbeat_at > now() - interval '20 seconds'"), ("1",))
        # the slots run below the front (CE_WORKER_NICE, 10), their judges and boxes with them
        slots = [p for p in subprocess.run(["pgrep", "-f", "^" + VAR + "/bin/ce-worker"], capture_output=True,
                                           text=True).stdout.split() if _comm(p) == "ce-worker-slot"]
        self.assertTrue(slots)
        for p in slots:
            with open("/proc/%s/stat" % p) as f:
                self.assertEqual(int(f.read().rsplit(")", 1)[1].split()[16]), 10, "nice of slot %s" % p)

    def test_b_nobody_waits_behind_an_execution(self):
        """Eight slow executions at once (more than the quick pool has workers): heartbeats
        still answer at once, since executions wait in a pool of their own."""
        q = BANK[0]
        cid, invite, _ = new_candidate([q["uuid"]])
        tok, _ = start_session(invite)
        with concurrent.futures.ThreadPoolExecutor(8) as ex:
            slow = [ex.submit(call, "POST", "/execute", self.SLOW, timeout=300) for _ in range(8)]
            time.sleep(1.0)
            took = []
            for _ in range(5):
                t0 = time.time()
                r = call("PUT", "/api/test-session/%s/heartbeat" % cid, token=tok)
                took.append(time.time() - t0)
                self.assertOk(r)
                time.sleep(0.3)
            waiting = int(psql("SELECT count(*) FROM job WHERE state IN ('queued', 'running')"))
            results = [f.result() for f in slow]
        NOTES.append("heartbeats during 8 slow executions (%d queued or running): max %.0f ms"
                     % (waiting, max(took) * 1000))
        self.assertGreater(waiting, 0, "the executions were over before the heartbeats")
        self.assertLess(max(took), 1.0, took)
        self.assertEqual([r.status for r in results], [200] * 8)

    def _host_pid(self):
        """The judge host process of this suite's stack (another stack may run beside it)."""
        out = subprocess.run(["pgrep", "-f", "^" + VAR + "/bin/ce-worker"], capture_output=True,
                             text=True).stdout.split()
        hosts = []
        for p in out:
            try:
                with open("/proc/%s/comm" % p) as f:
                    if f.read().strip() == "ce-worker-host":
                        hosts.append(int(p))
            except OSError:
                pass
        self.assertEqual(len(hosts), 1, "one judge host runs: %r" % hosts)
        return hosts[0]

    def test_c_a_host_killed_mid_job(self):
        """kill -9 of the judge host while it runs a job: the keeper starts another host, the
        job's lease runs out, and the job runs again, to the end, once."""
        old = self._host_pid()
        with concurrent.futures.ThreadPoolExecutor(1) as ex:
            f = ex.submit(call, "POST", "/execute", self.SLOW, timeout=300)
            deadline = time.time() + 20
            job = ""
            while time.time() < deadline and not job:
                job = psql("SELECT id FROM job WHERE state = 'running' AND request LIKE '%time.sleep(2.5)%'"
                           " ORDER BY id DESC LIMIT 1")
                time.sleep(0.1)
            self.assertTrue(job, "the job never started")
            os.kill(old, 9)
            t0 = time.time()
            r = f.result()
        took = time.time() - t0
        NOTES.append("job %s after its host was killed: done in %.1f s, attempts %s"
                     % (job, took, psql("SELECT attempts FROM job WHERE id = %s" % job)))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "accepted")
        self.assertEqual(psql("SELECT state || ' ' || attempts FROM job WHERE id = %s" % job), "done 2")
        self.assertNotEqual(self._host_pid(), old)

    def test_e_a_submit_is_stored_before_it_runs(self):
        """A submit is in the candidate's record as queued before it runs, and the judge host
        completes it in place even when the request that waited for it is gone."""
        q = BY_SLUG["01-sensor-summary"]
        cid, invite, _ = new_candidate([q["uuid"]])
        tok, _ = start_session(invite)
        with concurrent.futures.ThreadPoolExecutor(32) as ex:
            # every slot busy, so the submit waits in the queue
            slow = self._fill_slots(ex)
            sub = ex.submit(proxy, tok, q["uuid"], "python", q["solutions"]["python"], "submit")
            status, deadline = "", time.time() + 10
            while status != "queued" and time.time() < deadline:
                status = psql("SELECT status FROM interview_coding WHERE candidate_id = '%s'" % cid)
                time.sleep(0.05)
            self.assertEqual(status, "queued", "the submit is stored before it runs")
            subs = admin("GET", "/api/admin/candidates/" + cid).json["candidate"]["submissions"]
            self.assertEqual([s["status"] for s in subs], ["queued"])
            # the requests waiting for executions are gone; the jobs are not
            for w in fcgi_pids("fcgi-exec")[1]:
                os.kill(w, 9)
            self.assertEqual(sub.result().status, 503)
            for f in slow:
                f.result()
        deadline = time.time() + 90
        while time.time() < deadline:
            row = psql("SELECT status || ' ' || passed || ' ' || total FROM interview_coding"
                       " WHERE candidate_id = '%s'" % cid)
            if not row.startswith("queued"):
                break
            time.sleep(0.3)
        NOTES.append("a submit whose waiting request was killed: stored as '%s'" % row)
        status, passed, total = row.split()
        self.assertEqual((status, passed), ("accepted", total))
        self.assertEqual(psql("SELECT count(*) FROM interview_coding WHERE candidate_id = '%s'" % cid), "1")
        c = admin("GET", "/api/admin/candidates/" + cid).json["candidate"]
        self.assertEqual(c["score"], c["max_score"])

    def _fill_slots(self, ex):
        """Every slot of the judge hosts busy with a slow job, and one more waiting in the
        queue; returns the futures. Once no job of another test is left, slow jobs go in one
        at a time until one stays queued: then no host has a slot free to take it."""
        deadline = time.time() + 60
        while time.time() < deadline and psql(
                "SELECT count(*) FROM job WHERE state IN ('queued', 'running')") != "0":
            time.sleep(0.1)
        marker = "fill %s" % uuid.uuid4().hex
        slow_job = dict(self.SLOW, code="import time\ntime.sleep(8)\nprint(1)  # %s" % marker,
                        timeout=10)

        def count():
            return psql("SELECT count(*) FILTER (WHERE state = 'queued') || ' '"
                        " || count(*) FILTER (WHERE state = 'running') FROM job"
                        " WHERE request LIKE '%%%s%%'" % marker).split()

        slow, queued = [], 0
        while time.time() < deadline and not queued:
            slow.append(ex.submit(call, "POST", "/execute", slow_job, timeout=300))
            # stored, then taken by a host with a slot free, or left waiting for one
            stored = time.time() + 10
            while time.time() < stored and sum(map(int, count())) < len(slow):
                time.sleep(0.02)
            waited = time.time() + 1.0
            while time.time() < waited and int(count()[0]):
                time.sleep(0.05)
            queued = int(count()[0])
        self.assertEqual(count(), ["1", str(len(slow) - 1)], "queued and running slow jobs")
        return slow

    def test_f_one_execution_per_session(self):
        """A session has one execution queued or running: a second run answers 429
        execution_in_progress with Retry-After; a submit replaces a queued run; the page
        follows both by their execution id, and no one else can."""
        q = BY_SLUG["01-sensor-summary"]
        cid, invite, _ = new_candidate([q["uuid"]])
        tok, _ = start_session(invite)
        _, invite2, _ = new_candidate([q["uuid"]])
        tok2, _ = start_session(invite2)
        body = {"language": "python", "code": q["solutions"]["python"], "question_id": q["uuid"]}
        with concurrent.futures.ThreadPoolExecutor(32) as ex:
            slow = self._fill_slots(ex)
            r = call("POST", "/proxy/execute?wait=false", dict(body, mode="run"), token=tok)
            self.assertEqual(r.status, 202, r)
            run = r.json["execution_id"]
            self.assertEqual((r.json["status"], r.json["queue_position"] >= 1), ("queued", True), r.json)
            # a second run is refused at once, with when to come back, and nothing is stored
            n = self.jobs()
            r = call("POST", "/proxy/execute", dict(body, mode="run"), token=tok, retry429=False)
            self.assertError(r, 429, "execution_in_progress")
            self.assertGreaterEqual(int(r.headers["retry-after"]), 1)
            self.assertEqual(self.jobs(), n)
            # another session is not held up by this one
            r2 = call("POST", "/proxy/execute?wait=false", dict(body, mode="run"), token=tok2)
            self.assertEqual(r2.status, 202, r2)
            # only its session follows an execution: another candidate, no token, the API key
            for t in (tok2, None):
                self.assertError(call("GET", "/api/executions/" + run, token=t), 404, "not_found")
            self.assertError(call("GET", "/api/executions/not-a-token", token=tok), 404, "not_found")
            # the submit takes the queued run's place
            r = call("POST", "/proxy/execute?wait=false", dict(body, mode="submit"), token=tok)
            self.assertEqual(r.status, 202, r)
            sub, sid = r.json["execution_id"], r.json["submission_id"]
            self.assertEqual(r.json["status"], "queued", r.json)
            r = call("GET", "/api/executions/" + run, token=tok)
            self.assertOk(r)
            self.assertEqual((r.json["status"], r.json.get("error", {}).get("code")),
                             ("cancelled", "execution_replaced"), r.json)
            # the page follows the submit to its end (long polls of at most 30 s)
            deadline = time.time() + 120
            while time.time() < deadline:
                r = call("GET", "/api/executions/%s?wait=5" % sub, token=tok)
                self.assertOk(r)
                if r.json["status"] not in ("queued", "running"):
                    break
            for f in slow:
                f.result()
        self.assertEqual(r.json["status"], "done", r.json)
        res = r.json["result"]
        self.assertEqual((res["submission_id"], res["status"]), (sid, "accepted"))
        self.assertEqual(res["summary"]["passed"], res["summary"]["total_tests"])
        self.assertEqual(res["summary"]["score"], q["max_score"])
        # as the waiting call shows it: hidden tests without their data
        for t in res["results"]:
            if t["hidden"]:
                self.assertFalse({"input", "expected_output", "output", "actual_output"} & set(t), t)
        self.assertEqual(psql("SELECT status FROM interview_coding WHERE submission_id = '%s'" % sid),
                         "accepted")
        self.assertError(call("GET", "/api/executions/%s?wait=31" % sub, token=tok), 400, "invalid_field")

    def test_g_execute_async_progress_and_long_poll(self):
        """POST /execute?wait=false answers 202 at once; the execution shows its place in the
        queue, then the test it is on, then its result; a long poll returns at its end."""
        tests = [{"input": str(i), "expected_output": str(i)} for i in range(4)]
        req = {"language": "python", "code": "import time\ntime.sleep(0.7)\nprint(input())",
               "test_cases": tests, "timeout": 3}
        t0 = time.time()
        r = call("POST", "/execute?wait=false", req)
        self.assertEqual(r.status, 202, r)
        self.assertLess(time.time() - t0, 2.0)
        ex = r.json["execution_id"]
        self.assertIn(r.json["status"], ("queued", "running"))
        seen = []
        deadline = time.time() + 60
        while time.time() < deadline:
            v = call("GET", "/api/executions/" + ex).json
            if v["status"] == "running" and "progress" in v:
                seen.append(v["progress"])
            if v["status"] not in ("queued", "running"):
                break
            time.sleep(0.1)
        self.assertEqual(v["status"], "done", v)
        self.assertEqual(v["result"]["status"], "accepted")
        self.assertEqual(len(v["result"]["test_results"]), 4)
        self.assertTrue(any(p.get("stage") == "running" and p.get("tests") == 4 and p.get("test") >= 2
                            for p in seen), seen)
        NOTES.append("progress seen of a 4-test execution: %s"
                     % sorted({"%s %s" % (p["stage"], p.get("test", "")) for p in seen}))
        # a long poll waits for the end, and answers at it
        r = call("POST", "/execute?wait=false", dict(req, test_cases=tests[:1]))
        t0 = time.time()
        v = call("GET", "/api/executions/%s?wait=30" % r.json["execution_id"]).json
        self.assertEqual(v["status"], "done", v)
        self.assertLess(time.time() - t0, 25)
        # what the judge refuses is the execution's error
        r = call("POST", "/execute?wait=false", {"language": "cobol", "code": "x", "test_cases": [{}]})
        v = call("GET", "/api/executions/%s?wait=30" % r.json["execution_id"]).json
        self.assertEqual((v["status"], v["error"]["code"]), ("done", "invalid_language"), v)

    def test_h_a_database_restart_during_a_burst_loses_nothing(self):
        """A burst of submits and executions is stored, then PostgreSQL restarts while the
        judge hosts run it: every job ends done exactly once, every submission is stored
        once and accepted."""
        q = BY_SLUG["01-sensor-summary"]
        subs, execs = [], []
        for i in range(6):
            _, invite, _ = new_candidate([q["uuid"]])
            tok, _ = start_session(invite)
            r = call("POST", "/proxy/execute?wait=false", {"language": "python", "code": q["solutions"]["python"],
                                                         "question_id": q["uuid"], "mode": "submit"}, token=tok)
            self.assertEqual(r.status, 202, r)
            subs.append((tok, r.json["execution_id"], r.json["submission_id"]))
        for i in range(10):
            r = call("POST", "/execute?wait=false", {"language": "python", "code": "import time\ntime.sleep(0.3)\nprint(%d)" % i,
                                                     "test_cases": [{"input": "", "expected_output": str(i)}]})
            self.assertEqual(r.status, 202, r)
            execs.append(r.json["execution_id"])
        tokens = [x[1] for x in subs] + execs
        ids = ",".join("'%s'" % t for t in tokens)
        deadline = time.time() + 20
        while time.time() < deadline and psql("SELECT count(*) FROM job WHERE token IN (%s) AND state = 'running'"
                                              % ids) == "0":
            time.sleep(0.05)
        pg = subprocess.run(
            ["runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D", VAR + "/pg/data", "-m", "fast",
             "-w", "-t", "60", "-l", VAR + "/pg/postgres.log", "restart", "-o",
             "-k %s/pg/run -c listen_addresses='' -p 5432 -c unix_socket_permissions=0777" % VAR],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        self.assertEqual(pg.returncode, 0, pg.stdout + pg.stderr)
        pending = psql("SELECT count(*) FROM job WHERE token IN (%s) AND state IN ('queued', 'running')" % ids)
        deadline = time.time() + 180
        while time.time() < deadline:
            states = psql("SELECT string_agg(DISTINCT state, ',') FROM job WHERE token IN (%s)" % ids)
            if states == "done":
                break
            time.sleep(0.5)
        NOTES.append("PostgreSQL restarted with %s of %d jobs queued or running: states after: %s"
                     % (pending, len(tokens), states))
        self.assertGreater(int(pending), 0, "the burst was over before the restart")
        self.assertEqual(states, "done")
        self.assertEqual(psql("SELECT count(*) FROM job WHERE token IN (%s)" % ids), str(len(tokens)))
        for tok, ex, sid in subs:
            v = call("GET", "/api/executions/" + ex, token=tok).json
            self.assertEqual((v["status"], v["result"]["status"], v["result"]["submission_id"]), ("done", "accepted", sid))
            self.assertEqual(psql("SELECT count(*) || ' ' || min(status) FROM interview_coding"
                                  " WHERE submission_id = '%s'" % sid), "1 accepted")
        for i, ex in enumerate(execs):
            v = call("GET", "/api/executions/" + ex).json
            self.assertEqual((v["status"], v["result"]["status"]), ("done", "accepted"), v)

    def test_d_three_attempts_then_a_clear_failure(self):
        """A job whose host stopped on its last attempt fails with a message; one with
        attempts left is queued again and run."""
        req = json.dumps({"language": "python", "code": "print(7)",
                          "test_cases": [{"input": "", "expected_output": "7"}]})
        dead = psql("INSERT INTO judge_host (name, slots, heartbeat_at)"
                    " VALUES ('gone', 1, now() - interval '1 hour') RETURNING id")
        last = psql("INSERT INTO job (kind, owner, priority, request, state, attempts, lease_until, host_id, slot)"
                    " VALUES ('execute', 'client:test', 3, '%s', 'running', 3, now() - interval '1 second', %s, 0)"
                    " RETURNING id" % (req, dead))
        again = psql("INSERT INTO job (kind, owner, priority, request, state, attempts, lease_until, host_id, slot)"
                     " VALUES ('execute', 'client:test', 3, '%s', 'running', 1, now() - interval '1 second', %s, 0)"
                     " RETURNING id" % (req, dead))
        deadline = time.time() + 30
        while time.time() < deadline:
            states = psql("SELECT string_agg(state, ',' ORDER BY id) FROM job WHERE id IN (%s, %s)" % (last, again))
            if states == "failed,done":
                break
            time.sleep(0.3)
        self.assertEqual(states, "failed,done")
        self.assertIn("3 attempts", psql("SELECT error FROM job WHERE id = %s" % last))
        self.assertEqual(psql("SELECT attempts FROM job WHERE id = %s" % again), "2")
        self.assertIn('"accepted"', psql("SELECT result FROM job WHERE id = %s" % again))
class _Receiver(http.server.BaseHTTPRequestHandler):
    """The suite's webhook receiver: keeps every call; answers by the path's first part."""
    calls = []          # (path, headers as a lower-case dict, body bytes)
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.lock:
            self.calls.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            seen = sum(1 for c in self.calls if c[0] == self.path)
        kind = self.path.split("/")[1]
        if kind == "flaky" and seen <= 2:
            self.send_response(500)
        elif kind == "redirect":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        elif kind == "gone":
            self.send_response(410)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST

    def log_message(self, *args):
        pass


class T21Webhooks(Base):
    """callback_url on /execute: a signed POST to it when the job ends, retried on 5xx with the
    same X-CE-Delivery, and never to an address that is not public (unless CE_WEBHOOK_ALLOW says
    so) nor through a redirect."""

    REQ = {"language": "python", "code": SUM_PY, "test_cases": [{"input": "2 3", "expected_output": "5"}]}

    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
        cls.port = cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def url(self, kind):
        return "http://127.0.0.1:%d/%s/%s" % (self.port, kind, secrets.token_hex(6))

    def calls_to(self, url, n=1, timeout=30):
        path = url.split(str(self.port), 1)[1]
        deadline = time.time() + timeout
        while True:
            with _Receiver.lock:
                got = [c for c in _Receiver.calls if c[0] == path]
            if len(got) >= n or time.time() >= deadline:
                return got
            time.sleep(0.1)

    def delivery(self, token, until=("delivered", "failed"), timeout=30):
        """The delivery of the job with this token once it is in one of these states:
        state, attempts, last_status, last_error, delivery uuid, url, body."""
        deadline = time.time() + timeout
        while True:
            row = psql("SELECT json_build_object('state', d.state, 'attempts', d.attempts, 'status',"
                       " d.last_status, 'error', d.last_error, 'delivery', d.delivery, 'url', d.url,"
                       " 'method', d.method, 'body', d.body) FROM webhook_delivery d JOIN job j ON"
                       " j.id = d.job_id WHERE j.token = '%s'" % token)
            d = json.loads(row) if row else None
            if (d and d["state"] in until) or time.time() > deadline:
                return d
            time.sleep(0.2)

    def execute(self, callback, wait=False):
        body = dict(self.REQ, callback_url=callback)
        r = call("POST", "/execute" + ("?wait=false" if not wait else ""), body)
        self.assertEqual(r.status, 200 if wait else 202, r)
        return r

    def assertSigned(self, headers, body):
        self.assertEqual(headers.get("content-type"), "application/json")
        self.assertEqual(headers.get("user-agent"), "coding-engine")
        self.assertRegex(headers.get("x-ce-delivery", ""), UUID_RE)
        want = "sha256=" + hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
        self.assertTrue(hmac.compare_digest(headers.get("x-ce-signature", ""), want), headers)

    def test_z_judge0_callback_is_a_signed_put_of_its_submission(self):
        """A Judge0 submission's callback_url gets Judge0's PUT: the submission (base64, the
        default fields) with its token, signed as the other callbacks are."""
        url = self.url("ok")
        r = call("POST", "/judge0/submissions", {"source_code": "print(6 * 7)", "language_id": 71,
                                                  "callback_url": url})
        self.assertEqual(r.status, 201, r)
        got = self.calls_to(url)
        self.assertEqual(len(got), 1, "one call to the receiver")
        _, headers, body = got[0]
        self.assertSigned(headers, body)
        sub = json.loads(body)
        self.assertEqual((sub["token"], sub["status"]["id"]), (r.json["token"], 3), sub)
        self.assertEqual(base64.b64decode(sub["stdout"]), b"42\n")
        self.assertEqual(self.delivery(r.json["token"])["method"], "PUT")

    def test_a_a_signed_post_when_the_job_ends(self):
        url = self.url("ok")
        token = self.execute(url).json["execution_id"]
        got = self.calls_to(url)
        self.assertEqual(len(got), 1, "one call to the receiver")
        _, headers, body = got[0]
        self.assertSigned(headers, body)
        doc = json.loads(body)
        self.assertEqual(doc["execution_id"], token)
        self.assertEqual(doc["status"], "done")
        self.assertEqual(doc["result"]["status"], "accepted")
        # the same JSON as GET /api/executions/:id
        self.assertEqual(call("GET", "/api/executions/" + token).json, doc)
        d = self.delivery(token)
        self.assertEqual((d["state"], d["attempts"], d["status"], d["method"]), ("delivered", 1, 200, "POST"))
        self.assertEqual(d["delivery"], headers["x-ce-delivery"])
        self.assertEqual(d["body"].encode(), body)
        # the judge's request is stored without callback_url; the callback beside it
        self.assertNotIn("callback_url", psql("SELECT request FROM job WHERE token = '%s'" % token))
        cb = json.loads(psql("SELECT callback FROM job WHERE token = '%s'" % token))
        self.assertEqual(cb, {"url": url, "method": "POST", "format": "ce"})
        # a waiting /execute calls back too; one without a callback_url stores no delivery
        url = self.url("ok")
        r = self.execute(url, wait=True)
        self.assertEqual(r.json["status"], "accepted")
        self.assertEqual(len(self.calls_to(url)), 1)
        r = call("POST", "/execute?wait=false", self.REQ)
        self.assertEqual(r.status, 202, r)
        time.sleep(2)
        self.assertIsNone(self.delivery(r.json["execution_id"], timeout=0))

    def test_b_retried_after_5xx_with_the_same_delivery_id(self):
        url = self.url("flaky")
        token = self.execute(url).json["execution_id"]
        got = self.calls_to(url, 3)
        self.assertEqual(len(got), 3, got)
        self.assertEqual(len({h["x-ce-delivery"] for _, h, _ in got}), 1, "one X-CE-Delivery on every try")
        self.assertEqual(len({b for _, _, b in got}), 1, "the same body on every try")
        for _, h, b in got:
            self.assertSigned(h, b)
        d = self.delivery(token)
        self.assertEqual((d["state"], d["attempts"], d["status"]), ("delivered", 3, 200))
        # another 4xx is not tried again
        url = self.url("gone")
        token = self.execute(url).json["execution_id"]
        d = self.delivery(token)
        self.assertEqual((d["state"], d["attempts"], d["status"]), ("failed", 1, 410))

    def test_c_a_private_address_is_refused_without_a_connection(self):
        for url in ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1:9/hook",
                    "http://[::ffff:169.254.169.254]/x"):
            token = self.execute(url).json["execution_id"]
            t0 = time.time()
            d = self.delivery(token)
            self.assertEqual((d["state"], d["attempts"], d["status"]), ("failed", 1, None), url)
            self.assertIn("no connection was made", d["error"])
            self.assertTrue("169.254.169.254 is link-local" in d["error"] or "10.0.0.1 is private" in d["error"], d)
            # refused at once: nothing waited for a connection's timeout
            self.assertLess(time.time() - t0, 8, d)
        NOTES.append("webhook to 169.254.169.254: %s" % d["error"])

    def test_d_a_redirect_is_not_followed(self):
        url = self.url("redirect")
        token = self.execute(url).json["execution_id"]
        d = self.delivery(token)
        self.assertEqual((d["state"], d["attempts"], d["status"]), ("failed", 1, 302), d)
        self.assertIn("redirect", d["error"])
        time.sleep(1)
        self.assertEqual(len(self.calls_to(url, timeout=0)), 1)

    def test_e_bad_callback_urls_are_refused(self):
        before = psql("SELECT count(*) FROM job")
        for bad in ("file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1:70/", "http://",
                    "http:///x", "http://exa mple.org/", "http://example.org:99999/",
                    "http://x.org/" + "a" * 2048, 5, ["http://x.org/"], "http://x.org/\u0000"):
            for wait in ("", "?wait=false"):
                r = call("POST", "/execute" + wait, dict(self.REQ, callback_url=bad))
                self.assertError(r, 400, "invalid_field", repr(bad)[:60])
                self.assertIn("callback_url", r.json["error"]["message"])
        self.assertEqual(psql("SELECT count(*) FROM job"), before, "nothing is stored")
        # a null callback_url is none, and taken out of the judge's request
        r = call("POST", "/execute", dict(self.REQ, callback_url=None))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "accepted")

    def test_f_a_job_failed_after_its_attempts_calls_back(self):
        """The give-back path: a job whose host stopped on its last attempt fails, and its
        callback is called with the failure."""
        url = self.url("ok")
        dead = psql("INSERT INTO judge_host (name, slots) VALUES ('gone-hooks', 1) RETURNING id")
        token = psql("INSERT INTO job (kind, owner, priority, request, state, attempts, lease_until, host_id,"
                     " slot, callback) VALUES ('execute', 'client:test', 3, '{}', 'running', 3,"
                     " now() - interval '1 second', %s, 0, '%s') RETURNING token"
                     % (dead, json.dumps({"url": url, "method": "POST", "format": "ce"})))
        got = self.calls_to(url)
        self.assertEqual(len(got), 1)
        doc = json.loads(got[0][2])
        self.assertEqual((doc["execution_id"], doc["status"]), (token, "failed"))
        self.assertEqual(doc["error"]["code"], "execution_failed")
        self.assertEqual(self.delivery(token)["state"], "delivered")



class T19Nodes(Base):
    """Several machines on one (README, "Several app nodes"): node a has the database,
    nginx, a front and a judge host; node b is a front only, listening on TCP; node c is a
    judge host only.  Each has its own VAR_DIR and is started by conf/service.sh with
    NODE_ROLES, FCGI_LISTEN and CE_FRONTS, as separate machines would be.  A burst of
    executions and submits runs while node c is killed with kill -9: every job ends once,
    is stored once, and every request is answered."""

    WEB = PORT + 50           # node a's nginx
    FRONT_B = PORT + 51       # node b's pools: PORT + 51 and PORT + 52
    NODES = ("a", "b", "c")
    BURST = 40

    @classmethod
    def var(cls, node):
        return os.path.join(OUT, "var-nodes-%s-%d" % (node, PORT))

    @classmethod
    def node_env(cls, node):
        env = dict(ENV, PORT=str(cls.WEB), VAR_DIR=cls.var(node), POOL_SIZE="2",
                   EXEC_RATE="1000", EXEC_BURST="1000", CE_WORKER_SLOTS="2",
                   CE_NODE_NAME="node-" + node)
        db = "host=%s/pg/run port=5432 dbname=coding_engine user=coding-engine" % cls.var("a")
        if node == "a":
            env.update(CE_FRONTS="127.0.0.1:%d" % cls.FRONT_B)
        elif node == "b":
            env.update(NODE_ROLES="front", FCGI_LISTEN="127.0.0.1:%d" % cls.FRONT_B, DATABASE_URL=db)
        else:
            env.update(NODE_ROLES="worker", DATABASE_URL=db)
        return env

    @classmethod
    def node(cls, node, cmd):
        with open(os.path.join(OUT, "service-nodes.log"), "ab") as log:
            return subprocess.run(["sh", os.path.join(ROOT, "conf", "service.sh"), cmd], cwd=ROOT,
                                  env=cls.node_env(node), stdin=subprocess.DEVNULL, stdout=log,
                                  stderr=log, timeout=300).returncode

    @classmethod
    def procs(cls, node):
        """pids whose command line names the node's VAR_DIR (PostgreSQL, pools, hosts, judges)."""
        out = subprocess.run(["pgrep", "-f", cls.var(node) + "/"], capture_output=True, text=True).stdout
        return [int(p) for p in out.split() if int(p) != os.getpid()]

    @classmethod
    def stop_nodes(cls):
        for n in reversed(cls.NODES):
            cls.node(n, "stop")

    @classmethod
    def setUpClass(cls):  # noqa: N802
        cls.stop_nodes()
        for n in cls.NODES:
            shutil.rmtree(cls.var(n), ignore_errors=True)
        t0 = time.time()
        try:
            for n in cls.NODES:
                if cls.node(n, "start") != 0:
                    raise RuntimeError("conf/service.sh start of node %s failed, see tests/out/service-nodes.log" % n)
            deadline = time.time() + 30
            while psql("SELECT count(*) FROM judge_host WHERE NOT draining", cls.var("a")) != "2":
                if time.time() > deadline:
                    raise RuntimeError("two judge hosts did not register")
                time.sleep(0.2)
            r = call("POST", "/api/admin/login", {"username": "admin", "password": ADMIN_PASSWORD}, port=cls.WEB)
            if r.status != 200:
                raise RuntimeError("admin login on node a: %r" % r)
            cls.admin_token = r.json["token"]
        except BaseException:
            cls.stop_nodes()
            raise
        NOTES.append("three nodes started in %.1f s" % (time.time() - t0))

    @classmethod
    def tearDownClass(cls):  # noqa: N802
        cls.stop_nodes()
        time.sleep(0.3)
        left = [p for n in cls.NODES for p in cls.procs(n)]
        for p in left:
            try:
                os.kill(p, 9)
            except OSError:
                pass
        if left:
            raise AssertionError("conf/service.sh stop left %d processes of the nodes running" % len(left))

    def sql(self, q):
        return psql(q, self.var("a"))

    def web(self, method, path, body=None, token=None, timeout=300):
        return call(method, path, body, token=token, timeout=timeout, retry429=False, port=self.WEB)

    def kill_node(self, node):
        """kill -9 everything the node runs: keeper, host, slots, the judges and launchers they
        started, and runuser above them; again until nothing of it is left."""
        killed = set()
        deadline = time.time() + 10
        while time.time() < deadline:
            pids = self.procs(node)
            if not pids:
                break
            for p in pids:
                try:
                    os.kill(p, 9)
                    killed.add(p)
                except OSError:
                    pass
            time.sleep(0.05)
        self.assertEqual(self.procs(node), [], "node %s still runs" % node)
        return killed

    def test_a_a_judge_host_killed_in_a_burst(self):
        # the question and candidates of this stack's own database
        qs = self.web("GET", "/api/admin/questions", token=self.admin_token).json["questions"]
        bank = BY_SLUG["01-sensor-summary"]
        qid = next(q["id"] for q in qs if q["title"] == bank["title"])
        cands = []
        for i in range(4):
            r = self.web("POST", "/api/admin/candidates", {"name": "node cand %d" % i, "email": "n@example.org",
                                                            "question_ids": [qid], "test_duration_minutes": 60},
                         token=self.admin_token)
            self.assertIn(r.status, (200, 201), r)
            s = self.web("POST", "/api/test-session", {"invite_token": r.json["invite_token"]})
            self.assertEqual(s.status, 200, s)
            cands.append((r.json["candidate"]["candidate_id"], s.json["session_token"]))
        hosts = dict(l.split("|") for l in self.sql("SELECT name, id FROM judge_host").split())

        def execute(i):
            code = "# nodes-burst-%d\nimport time\ntime.sleep(0.6)\nprint(int(input()) * 7)\n" % i
            return self.web("POST", "/execute", {"language": "python", "code": code,
                                                 "test_cases": [{"input": str(i), "expected_output": str(i * 7)}]})

        def submit(c):
            return self.web("POST", "/proxy/execute", {"language": "python", "code": bank["solutions"]["python"],
                                                       "question_id": qid, "mode": "submit"}, token=c[1])

        b_conns, t0 = 0, time.time()
        with concurrent.futures.ThreadPoolExecutor(self.BURST + len(cands)) as ex:
            runs = [ex.submit(execute, i) for i in range(self.BURST)]
            subs = [ex.submit(submit, c) for c in cands]
            # node c has jobs running and a part of the burst is over: kill it
            deadline = time.time() + 60
            while time.time() < deadline:
                row = self.sql("SELECT count(*) FILTER (WHERE host_id = %s AND state = 'running') || ' ' ||"
                               " count(*) FILTER (WHERE state = 'done') FROM job" % hosts["node-c"])
                running_c, done = map(int, row.split())
                out = subprocess.run(["ss", "-Htn", "state", "established", "( dport = :%d )" % (self.FRONT_B + 1)],
                                     capture_output=True, text=True).stdout
                b_conns = max(b_conns, len(out.splitlines()))
                if running_c and done >= self.BURST // 4:
                    break
                time.sleep(0.1)
            self.assertTrue(running_c, "node c never ran a job")
            killed = self.kill_node("c")
            t_kill = time.time() - t0
            orphans = self.sql("SELECT string_agg(id::text, ' ') FROM job WHERE host_id = %s AND state = 'running'"
                               % hosts["node-c"]).split()
            runs = [f.result() for f in runs]
            subs = [f.result() for f in subs]
        took = time.time() - t0
        NOTES.append("nodes: %d executions + %d submits in %.1f s; node c (%d processes) killed after %.1f s"
                     " with %d jobs running; most requests waiting at node b's front at once: %d"
                     % (self.BURST, len(cands), took, len(killed), t_kill, len(orphans), b_conns))
        # every request answered, with its own output
        for i, r in enumerate(runs):
            self.assertEqual(r.status, 200, "execution %d: %r" % (i, r))
            self.assertEqual(r.json["status"], "accepted", "execution %d: %r" % (i, r))
            self.assertEqual(r.json["test_results"][0]["actual_output"].strip(), str(i * 7), i)
        for r in subs:
            self.assertOk(r, msg="submit")
            self.assertEqual(r.json["status"], "accepted", r)
        self.assertGreater(b_conns, 0, "node b's front served none of the burst")
        self.assertTrue(orphans, "the kill hit no running job")
        # every job once, done; run twice exactly when node c died running it, then by node a
        rows = self.sql("SELECT substring(request from 'nodes-burst-([0-9]+)') || '|' || id || '|' || state"
                        " || '|' || attempts || '|' || coalesce(host_id, 0) FROM job"
                        " WHERE request LIKE '%nodes-burst-%'").split()
        self.assertEqual(sorted(int(r.split("|")[0]) for r in rows), list(range(self.BURST)))
        for r in rows:
            _, jid, state, attempts, host = r.split("|")
            self.assertEqual(state, "done", r)
            self.assertEqual(attempts, "2" if jid in orphans else "1", r)
            if jid in orphans:
                self.assertEqual(host, hosts["node-a"], r)
        # each submit stored once, graded once, by one job done once
        for cid, _ in cands:
            self.assertEqual(self.sql("SELECT string_agg(status, ',') FROM interview_coding"
                                      " WHERE candidate_id = '%s'" % cid), "accepted")
            row = self.sql("SELECT count(*) || ' ' || string_agg(state, ',') FROM job"
                           " WHERE owner = 'session:%s' AND kind = 'submit'" % cid)
            self.assertEqual(row, "1 done")
        self.assertEqual(self.sql("SELECT count(*) FROM job WHERE state <> 'done'"), "0")
        # node a's host carries on; node c's stopped beating
        self.assertEqual(self.sql("SELECT count(*) FROM judge_host WHERE name = 'node-c'"
                                  " AND heartbeat_at > now() - interval '5 seconds'"), "0")
        self.assertEqual(self.web("GET", "/health").status, 200)

    def test_b_the_recipe_refuses_what_cannot_work(self):
        """A node with nginx and no front to pass to, and a front address without a port,
        are refused before anything starts."""
        env = dict(ENV, PORT=str(self.WEB + 5), VAR_DIR=os.path.join(OUT, "var-nodes-bad-%d" % PORT),
                   NODE_ROLES="web", DATABASE_URL="host=/nonexistent dbname=x")
        for extra, says in (({}, "no front"), ({"CE_FRONTS": "127.0.0.1"}, "no port"),
                            ({"NODE_ROLES": "front judge"}, "unknown role")):
            out = subprocess.run(["sh", os.path.join(ROOT, "conf", "service.sh"), "start"], cwd=ROOT,
                                 env=dict(env, **extra), stdin=subprocess.DEVNULL, capture_output=True,
                                 text=True, timeout=120)
            self.assertNotEqual(out.returncode, 0, extra)
            self.assertIn(says, out.stderr, extra)
        subprocess.run(["sh", os.path.join(ROOT, "conf", "service.sh"), "stop"], cwd=ROOT, env=env,
                       capture_output=True, timeout=120)
        shutil.rmtree(env["VAR_DIR"], ignore_errors=True)


# ---------------------------------------------------------------- the Piston-compatible API

PISTON = "/piston/api/v2"
SEMVER = r"^\d+\.\d+\.\d+$"
STAGE_KEYS = {"stdout", "stderr", "code", "signal", "output", "memory", "message", "status",
              "cpu_time", "wall_time"}
C_SUM = ("#include <stdio.h>\nint main(void) { long a, b; if (scanf(\"%ld %ld\", &a, &b) != 2) return 2;\n"
         "printf(\"%ld\\n\", a + b); return 0; }\n")
PISTON_PROGRAMS = {
    "python": "a, b = map(int, input().split())\nprint(a + b)\n",
    "c": C_SUM,
    "cpp": "#include <bits/stdc++.h>\nint main() { long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n",
    "java": ("import java.util.*;\npublic class Adder { public static void main(String[] x) {\n"
             "Scanner s = new Scanner(System.in); System.out.println(s.nextLong() + s.nextLong()); } }\n"),
    "javascript": ("const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
                   "console.log(a + b);\n"),
    "csharp": ("using System;\nclass P { static void Main() { var p = Console.ReadLine().Split(' ');\n"
               "Console.WriteLine(long.Parse(p[0]) + long.Parse(p[1])); } }\n"),
}
PISTON_COMPILED = {"c", "cpp", "java", "csharp"}


def piston_run(language, code, version="*", **more):
    body = {"language": language, "version": version, "files": [{"name": "main", "content": code}]}
    body.update(more)
    return call("POST", PISTON + "/execute", body, timeout=180)


class T16Piston(Base):
    """The Piston v2 API under /piston/ (fcgi-app/api_piston.c): Piston's shapes, our sandbox."""

    @classmethod
    def setUpClass(cls):
        r = call("GET", PISTON + "/runtimes")
        cls.runtimes = {rt["language"]: rt for rt in r.json} if r.status == 200 and isinstance(r.json, list) else {}

    def assertRan(self, r, language, stdout, compiled=None, msg=""):
        """A 200 with Piston's result: the resolved language and version, a clean run."""
        self.assertEqual(r.status, 200, "%s: %r" % (msg, r))
        j = r.json
        self.assertEqual(j["language"], language, msg)
        self.assertEqual(j["version"], self.runtimes[language]["version"], msg)
        self.assertEqual(set(j["run"]), STAGE_KEYS, msg)
        self.assertEqual((j["run"]["stdout"], j["run"]["code"], j["run"]["signal"], j["run"]["status"]),
                         (stdout, 0, None, None), "%s: %r" % (msg, r))
        self.assertEqual(j["run"]["output"], j["run"]["stdout"] + j["run"]["stderr"], msg)
        if compiled is None:
            compiled = language in PISTON_COMPILED
        if compiled:
            self.assertEqual(set(j["compile"]), STAGE_KEYS, msg)
            self.assertEqual((j["compile"]["code"], j["compile"]["signal"]), (0, None), "%s: %r" % (msg, r))
        else:
            self.assertNotIn("compile", j, msg)

    def assertPistonError(self, r, status, part="", msg=""):
        """Piston's error: {"message": ...} with the status, and nothing else."""
        self.assertEqual(r.status, status, "%s: %r" % (msg, r))
        self.assertIn("application/json", r.headers.get("content-type", ""), msg)
        self.assertIsInstance(r.json, dict, "%s: %r" % (msg, r))
        self.assertEqual(list(r.json), ["message"], "%s: %r" % (msg, r))
        self.assertIn(part, r.json["message"], "%s: %r" % (msg, r))

    def test_a_runtimes(self):
        r = call("GET", PISTON + "/runtimes")
        self.assertEqual(r.status, 200, r)
        self.assertIsInstance(r.json, list)
        self.assertEqual(sorted(rt["language"] for rt in r.json), sorted(LANG_IDS))
        ours = {l["id"]: l["version"] for l in call("GET", "/api/languages").json["languages"]}
        for rt in r.json:
            self.assertLessEqual({"language", "version", "aliases"}, set(rt), rt)
            self.assertRegex(rt["version"], SEMVER, rt)
            self.assertTrue(all(isinstance(a, str) for a in rt["aliases"]), rt)
            # the toolchain's own version line names it ("Mono JIT compiler version 6.8.0.105": 6.8.0)
            self.assertIn(rt["version"], ours[rt["language"]], rt)
        by = {rt["language"]: rt for rt in r.json}
        self.assertIn("c++", by["cpp"]["aliases"])
        self.assertIn("py", by["python"]["aliases"])
        self.assertIn("js", by["javascript"]["aliases"])
        self.assertIn("cs", by["csharp"]["aliases"])

    def test_b_every_language_with_stdin(self):
        for lang, code in PISTON_PROGRAMS.items():
            r = piston_run(lang, code, stdin="40 2\n")
            self.assertRan(r, lang, "42\n", msg=lang)
            self.assertEqual(r.json["run"]["stderr"], "", lang)
            self.assertIsInstance(r.json["run"]["wall_time"], int, lang)

    def test_c_aliases_and_versions(self):
        py = self.runtimes["python"]["version"]
        major, minor, _ = py.split(".")
        for language, version in (("py", py), ("python3", "*"), ("python", ""), ("python", major),
                                  ("python", "%s.%s.x" % (major, minor)), ("python", "=" + py)):
            r = piston_run(language, "print('hi')", version=version)
            self.assertRan(r, "python", "hi\n", msg="%s %s" % (language, version))
        r = piston_run("c++", PISTON_PROGRAMS["cpp"], stdin="1 2")
        self.assertRan(r, "cpp", "3\n")
        for version in ("2.7.18", "^" + py, ">=3", "%d" % (int(major) + 1)):
            r = piston_run("python", "print(1)", version=version)
            self.assertPistonError(r, 400, "python-%s runtime is unknown" % version, version)
        self.assertPistonError(piston_run("cobol", "x"), 400, "cobol-* runtime is unknown")

    def test_d_compile_error(self):
        r = piston_run("c", "int main(void) { return 0 }\n")
        self.assertEqual(r.status, 200, r)
        j = r.json
        self.assertNotEqual(j["compile"]["code"], 0, r)
        self.assertIn("error", j["compile"]["stderr"])
        self.assertIn("main.c", j["compile"]["output"])
        self.assertNotIn("/box/", j["compile"]["output"])
        # nothing ran: run is the compile stage, as Piston answers
        self.assertEqual(j["run"], j["compile"])
        r = piston_run("java", "public class A { void f() { int x = ; } }")
        self.assertEqual(r.status, 200, r)
        self.assertNotEqual(r.json["compile"]["code"], 0, r)

    def test_e_syntax_error_is_a_failed_run(self):
        r = piston_run("python", "print(1\n")
        self.assertEqual(r.status, 200, r)
        self.assertNotIn("compile", r.json)
        self.assertEqual(r.json["run"]["code"], 1, r)
        self.assertIn("SyntaxError", r.json["run"]["stderr"])
        self.assertEqual(r.json["run"]["stdout"], "")

    def test_f_runtime_error(self):
        r = piston_run("python", "import sys\nprint('out')\nsys.stdout.flush()\nsys.stderr.write('bad\\n')\nsys.exit(3)\n")
        self.assertEqual(r.status, 200, r)
        run = r.json["run"]
        self.assertEqual((run["stdout"], run["stderr"], run["output"], run["code"], run["signal"], run["status"]),
                         ("out\n", "bad\n", "out\nbad\n", 3, None, "RE"), r)
        self.assertIn("3", run["message"])
        r = piston_run("javascript", "throw new Error('nope');")
        self.assertEqual((r.status, r.json["run"]["code"], r.json["run"]["status"]), (200, 1, "RE"), r)
        self.assertIn("Error: nope", r.json["run"]["stderr"])
        r = piston_run("c", "#include <stdio.h>\nint main(void) { puts(\"before\"); fflush(stdout);\n"
                            "volatile int *p = 0; return *p; }\n")
        self.assertEqual(r.status, 200, r)
        run = r.json["run"]
        self.assertEqual((run["stdout"], run["code"], run["signal"], run["status"]),
                         ("before\n", None, "SIGSEGV", "SG"), r)

    def test_g_timeout(self):
        t0 = time.time()
        r = piston_run("python", "while True:\n    pass\n", run_timeout=1000)
        self.assertEqual(r.status, 200, r)
        run = r.json["run"]
        self.assertEqual((run["signal"], run["status"], run["code"]), ("SIGKILL", "TO", None), r)
        self.assertIn("time limit", run["message"])
        self.assertLess(time.time() - t0, 15)
        # blocked, not spinning: the wall-clock limit (2 x 1 s + 1 s)
        r = piston_run("c", "#include <unistd.h>\nint main(void) { sleep(60); return 0; }\n", run_timeout=1000)
        self.assertEqual((r.status, r.json["run"]["signal"], r.json["run"]["status"]), (200, "SIGKILL", "TO"), r)
        self.assertEqual(r.json["compile"]["code"], 0, r)

    def test_h_memory_limit(self):
        hog = "x = bytearray(200 * 1024 * 1024)\nx[::4096] = b'1' * len(x[::4096])\nprint('held')\n"
        r = piston_run("python", hog, run_memory_limit=64 * MIB)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json["run"]["code"] != 0 or r.json["run"]["signal"], r)
        self.assertNotEqual(r.json["run"]["stdout"], "held\n", r)
        self.assertRan(piston_run("python", hog, run_memory_limit=512 * MIB), "python", "held\n")
        self.assertRan(piston_run("python", hog, run_memory_limit=-1), "python", "held\n")

    def test_i_bad_input_is_400_with_a_message(self):
        good = {"language": "python", "version": "*", "files": [{"content": "print(1)"}]}
        for body, part in (('{"language": "python"', ""), ("[1]", "object"), ("null", ""), ("", "language"),
                           ('{"language": 5}', "language is required as a string"),
                           (dict(good, version=3.11), "version is required as a string"),
                           (dict(good, files="print(1)"), "files is required as an array"),
                           (dict(good, files=[{"content": 5}]), "files[0].content is required as a string"),
                           (dict(good, files=[{"name": "a.py"}]), "files[0].content is required as a string"),
                           (dict(good, files=[]), "files must include at least one utf8 encoded file"),
                           (dict(good, files=[{"content": ""}]), "files[0].content is empty"),
                           (dict(good, stdin=["1"]), "stdin must be a string"),
                           (dict(good, args="1 2"), "args must be an array of strings"),
                           (dict(good, run_timeout="3s"), "If specified, run_timeout must be a number"),
                           (dict(good, run_memory_limit=-2), "run_memory_limit must be non-negative"),
                           (dict(good, language="brainfuck"), "brainfuck-* runtime is unknown")):
            r = call("POST", PISTON + "/execute", body)
            self.assertPistonError(r, 400, part, repr(body)[:80])
        r = call("POST", PISTON + "/execute", json.dumps(good), ctype="application/x-www-form-urlencoded")
        self.assertPistonError(r, 415, "application/json")
        r = call("POST", PISTON + "/execute", dict(good, files=[{"content": "#" * (300 * 1024)}]))
        self.assertPistonError(r, 413, "larger than")
        # nginx's own refusal of a body over 64 MiB, in Piston's shape too
        size = 65 * MIB
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        try:
            conn.putrequest("POST", PISTON + "/execute")
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(size))
            conn.endheaders()
            try:
                for _ in range(size // MIB):
                    conn.send(b"a" * MIB)
            except (BrokenPipeError, ConnectionResetError):
                pass
            resp = conn.getresponse()
            r = Resp(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        finally:
            conn.close()
        self.assertPistonError(r, 413)
        # the router's answers stay ours: a wrong method, a path that is not canonical
        self.assertEqual(call("GET", PISTON + "/execute").status, 405)
        self.assertEqual(call("POST", PISTON + "/execute/", good).status, 404)
        self.assertEqual(call("GET", PISTON + "/packages").status, 404)

    def test_j_rate_limited_like_execute(self):
        got = [call("GET", PISTON + "/runtimes", retry429=False) for _ in range(45)]
        limited = [r for r in got if r.status == 429]
        self.assertTrue(limited, [r.status for r in got])
        self.assertPistonError(limited[0], 429, "too many requests")
        time.sleep(3)

    def test_k_piston_client(self):
        """The npm package piston-client (conf/npm) against our server: it takes the version
        from our runtimes list, posts text/plain JSON, and sends args we ignore."""
        runs = [["python", PISTON_PROGRAMS["python"], {"stdin": "20 22\n"}],
                ["c", C_SUM, {"stdin": "1 1", "runTimeout": 2000}],
                ["java", PISTON_PROGRAMS["java"], {"stdin": "5 6"}],
                # an alias: the client finds no version for it and sends none
                ["py", "import sys\nprint(sys.stdin.read().upper(), end='')", {"stdin": "abc"}],
                ["python", "import sys\nsys.exit(4)", {}],
                ["cobol", "x", {}]]
        job = {"server": "http://127.0.0.1:%d/piston" % PORT, "runs": runs}
        env = dict(os.environ, NODE_PATH=os.path.join(ROOT, "build", "npm", "node_modules"))
        p = subprocess.run(["node", os.path.join(ROOT, "tests", "piston_client.mjs")], input=json.dumps(job),
                           env=env, capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual(sorted(rt["language"] for rt in out["runtimes"]), sorted(LANG_IDS))
        res = out["results"]
        self.assertEqual((res[0]["language"], res[0]["version"]), ("python", self.runtimes["python"]["version"]))
        self.assertEqual(res[0]["run"]["stdout"], "42\n", res[0])
        self.assertEqual((res[1]["run"]["stdout"], res[1]["compile"]["code"]), ("2\n", 0), res[1])
        self.assertEqual(res[2]["run"]["stdout"], "11\n", res[2])
        self.assertEqual((res[3]["language"], res[3]["run"]["stdout"]), ("python", "ABC"), res[3])
        self.assertEqual((res[4]["run"]["code"], res[4]["run"]["status"]), (4, "RE"), res[4])
        self.assertEqual(res[5], {"message": "cobol-* runtime is unknown"})

    def test_l_nginx_guards_it_as_execute(self):
        """The stack's nginx.conf: /piston/ has the allowlist and rate limit of /execute (the
        suite's client is on loopback, always allowed; T15Docker sees the gate closed)."""
        with open(os.path.join(VAR, "nginx.conf")) as f:
            conf = f.read()
        blocks = {}
        for name in ("= /execute", "/piston/"):
            m = re.search(r"location %s \{(.*?)\n        \}" % re.escape(name), conf, re.S)
            self.assertIsNotNone(m, name)
            blocks[name] = m.group(1)
        for line in ("if ($ce_execute_allowed = 0) { return 403; }", "limit_req zone=execute"):
            self.assertIn(line, blocks["= /execute"])
            self.assertIn(line, blocks["/piston/"])
        self.assertNotIn("client_max_body_size", blocks["/piston/"])


METRIC_LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$')


def metrics_samples(text):
    """{'name{labels}': value} of a Prometheus text scrape (its comments aside)."""
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = METRIC_LINE.match(line)
        assert m, "not a sample line: %r" % line
        out[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return out


class T18Metrics(Base):
    """GET /metrics (fcgi-app/api_metrics.c): Prometheus text from the database, behind the
    gate of /execute; promtool (package prometheus) reads it without a complaint."""

    PROMTOOL = "/usr/bin/promtool"

    def scrape(self):
        r = call("GET", "/metrics")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8")
        return r, metrics_samples(r.text)

    def test_a_counts_move_with_executions(self):
        _, before = self.scrape()
        runs = (("5", "accepted"), ("5", "accepted"), ("6", "wrong_answer"))
        for expected, verdict in runs:
            r = call("POST", "/execute", {"language": "python", "code": SUM_PY,
                                          "test_cases": [{"input": "2 3", "expected_output": expected}]})
            self.assertEqual((r.status, r.json and r.json.get("status")), (200, verdict), r)
        _, after = self.scrape()

        def moved(key):
            return after.get(key, 0) - before.get(key, 0)
        self.assertGreaterEqual(moved('ce_jobs{state="done"}'), len(runs))
        self.assertGreaterEqual(moved('ce_verdicts_total{verdict="accepted"}'), 2)
        self.assertGreaterEqual(moved('ce_verdicts_total{verdict="wrong_answer"}'), 1)
        self.assertGreaterEqual(moved('ce_job_run_seconds_count{language="python"}'), len(runs))
        self.assertGreaterEqual(moved('ce_job_queue_wait_seconds_count{language="python"}'), len(runs))
        self.assertEqual(after['ce_job_run_seconds_bucket{language="python",le="+Inf"}'],
                         after['ce_job_run_seconds_count{language="python"}'])
        for state in ("queued", "running", "done", "failed", "cancelled"):
            self.assertIn('ce_jobs{state="%s"}' % state, after)
        # the database agrees: every job done has a verdict counted
        done = int(psql("SELECT count(*) FROM job WHERE state = 'done'"))
        self.assertLessEqual(after['ce_jobs{state="done"}'], done)
        self.assertEqual(sum(v for k, v in after.items() if k.startswith("ce_verdicts_total{")),
                         after['ce_jobs{state="done"}'])
        # this stack's one judge host, alive, with slots
        self.assertEqual(after["ce_hosts_live"], 1)
        slots = {k: v for k, v in after.items() if k.startswith("ce_host_slots{")}
        self.assertEqual(len(slots), 1, slots)
        host, n = next(iter(slots.items()))
        self.assertGreater(n, 0)
        busy = after[host.replace("ce_host_slots{", "ce_host_slots_busy{")]
        self.assertTrue(0 <= busy <= n, (busy, n))
        self.assertEqual(after["ce_queue_oldest_age_seconds"], 0)
        for key in ('ce_webhook_deliveries_total{state="delivered"}', 'ce_webhook_deliveries_total{state="failed"}',
                    "ce_webhook_deliveries_pending", "ce_webhook_attempts_total"):
            self.assertIn(key, after)

    def test_b_promtool_finds_no_problem(self):
        r, _ = self.scrape()
        self.assertIn("# TYPE ce_job_run_seconds histogram", r.text)
        p = subprocess.run([self.PROMTOOL, "check", "metrics"], input=r.body, capture_output=True,
                           timeout=60)
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, b"", b""), r.text)

    def test_c_guarded_as_execute_in_the_quick_pool(self):
        """The stack's nginx.conf: /metrics has the allowlist and rate limit of /execute, and no
        execution pool (T15Docker.test_g sees the gate closed and the API key asked for)."""
        with open(os.path.join(VAR, "nginx.conf")) as f:
            conf = f.read()
        m = re.search(r"location = /metrics \{(.*?)\n        \}", conf, re.S)
        self.assertIsNotNone(m)
        self.assertIn("if ($ce_execute_allowed = 0) { return 403; }", m.group(1))
        self.assertIn("limit_req zone=execute", m.group(1))
        self.assertNotIn("ce_pool", m.group(1))
        self.assertEqual(call("POST", "/metrics", "").status, 405)
        self.assertEqual(call("GET", "/metrics/").status, 404)
JUDGE0 = "/judge0"
# Judge0 CE 1.13.1's ids of our languages
JUDGE0_IDS = {"c": 50, "csharp": 51, "cpp": 54, "java": 62, "javascript": 63, "python": 71}
JUDGE0_DEFAULT_FIELDS = {"token", "time", "memory", "stdout", "stderr", "compile_output", "message", "status"}


def judge0_submit(body, wait=True, base64=False, fields=None, **kw):
    q = "wait=%s" % ("true" if wait else "false")
    if base64:
        q += "&base64_encoded=true"
    if fields:
        q += "&fields=" + fields
    return call("POST", JUDGE0 + "/submissions?" + q, body, **kw)


class T20Judge0(Base):
    """The Judge0 CE 1.13 API under /judge0/ (fcgi-app/api_judge0.c): Judge0's shapes, our queue."""

    def assertJudge0Error(self, r, status, part="", msg=""):
        """Judge0's error: {"error": ...} with the status."""
        self.assertEqual(r.status, status, "%s: %r" % (msg, r))
        self.assertIn("application/json", r.headers.get("content-type", ""), msg)
        self.assertIsInstance(r.json, dict, "%s: %r" % (msg, r))
        self.assertIn(part, r.json.get("error", ""), "%s: %r" % (msg, r))

    def assertStatus(self, r, sid, msg=""):
        self.assertIn(r.status, (200, 201), "%s: %r" % (msg, r))
        self.assertEqual(r.json["status"]["id"], sid, "%s: %r" % (msg, r))

    def poll(self, token, query="", limit=120):
        deadline = time.time() + limit
        seen = set()
        while True:
            r = call("GET", "%s/submissions/%s?%s" % (JUDGE0, token, query))
            self.assertEqual(r.status, 200, r)
            sid = r.json["status"]["id"]
            seen.add(sid)
            if sid not in (1, 2) or time.time() > deadline:
                return r, seen
            time.sleep(0.2)

    def test_a_languages_statuses_about(self):
        r = call("GET", JUDGE0 + "/languages")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(sorted(l["id"] for l in r.json), sorted(JUDGE0_IDS.values()))
        self.assertTrue(all(set(l) == {"id", "name"} for l in r.json), r.json)
        r = call("GET", JUDGE0 + "/languages/71")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(set(r.json), {"id", "name", "is_archived", "source_file", "compile_cmd", "run_cmd"})
        self.assertEqual((r.json["id"], r.json["is_archived"], r.json["compile_cmd"]), (71, False, None), r)
        r = call("GET", JUDGE0 + "/languages/54")
        self.assertEqual(r.json["source_file"], "main.cpp", r)
        self.assertIsInstance(r.json["compile_cmd"], str, r)
        self.assertJudge0Error(call("GET", JUDGE0 + "/languages/999"), 404)
        r = call("GET", JUDGE0 + "/languages/all")
        self.assertTrue(all(l["is_archived"] is False for l in r.json), r)
        r = call("GET", JUDGE0 + "/statuses")
        self.assertEqual(r.status, 200, r)
        self.assertEqual([s["id"] for s in r.json], list(range(1, 15)))
        by = {s["id"]: s["description"] for s in r.json}
        self.assertEqual((by[3], by[6], by[11], by[13]),
                         ("Accepted", "Compilation Error", "Runtime Error (NZEC)", "Internal Error"))
        r = call("GET", JUDGE0 + "/about")
        self.assertEqual((r.status, r.json["version"]), (200, "1.13.1"), r)
        r = call("GET", JUDGE0 + "/config_info")
        self.assertEqual(r.status, 200, r)
        self.assertEqual((r.json["max_cpu_time_limit"], r.json["max_submission_batch_size"],
                          r.json["enable_wait_result"]), (15.0, 20, True), r)

    def test_b_every_language_waited(self):
        for lang, code in PISTON_PROGRAMS.items():
            r = judge0_submit({"source_code": code, "language_id": JUDGE0_IDS[lang], "stdin": "40 2\n"})
            self.assertEqual(r.status, 201, "%s: %r" % (lang, r))
            self.assertEqual(set(r.json), JUDGE0_DEFAULT_FIELDS, lang)
            self.assertEqual((r.json["stdout"], r.json["status"]),
                             ("42\n", {"id": 3, "description": "Accepted"}), "%s: %r" % (lang, r))
            self.assertRegex(r.json["time"], r"^\d+\.\d{3}$", lang)
            self.assertIsInstance(r.json["memory"], int, lang)
            self.assertIsNone(r.json["stderr"], lang)
            self.assertRegex(r.json["token"], UUID_RE, lang)

    def test_c_async_then_polled(self):
        r = judge0_submit({"source_code": "import time\ntime.sleep(1)\nprint(input()[::-1])",
                           "language_id": 71, "stdin": "abc"}, wait=False)
        self.assertEqual(r.status, 201, r)
        self.assertEqual(list(r.json), ["token"], r)
        token = r.json["token"]
        r, seen = self.poll(token, "fields=*")
        self.assertTrue(seen & {1, 2}, seen)
        self.assertStatus(r, 3)
        j = r.json
        self.assertEqual((j["stdout"], j["stdin"], j["language_id"], j["language"]["id"], j["token"]),
                         ("cba\n", "abc", 71, 71, token), r)
        self.assertIsNone(j["expected_output"])
        self.assertIn("time.sleep(1)", j["source_code"])
        self.assertEqual((j["exit_code"], j["exit_signal"], j["cpu_time_limit"], j["number_of_runs"]),
                         (0, None, "5.0", 1), r)
        self.assertRegex(j["wall_time"], r"^\d+\.\d{3}$")
        self.assertTrue(j["created_at"] and j["finished_at"], r)
        r = call("GET", "%s/submissions/%s?fields=status,stdout" % (JUDGE0, token))
        self.assertEqual(set(r.json), {"status", "stdout"}, r)
        self.assertJudge0Error(call("GET", "%s/submissions/%s?fields=status,nope" % (JUDGE0, token)),
                               400, "invalid fields: [nope]")
        self.assertJudge0Error(call("GET", "%s/submissions/%s" % (JUDGE0, uuid.uuid4())), 404)
        self.assertJudge0Error(call("GET", "%s/submissions/not-a-token" % JUDGE0), 404)
        # a job of /execute is not a Judge0 submission
        r = call("POST", "/execute?wait=false", {"language": "python", "code": "print(1)",
                                                 "test_cases": [{"input": "", "expected_output": "1"}]})
        self.assertEqual(r.status, 202, r)
        self.assertJudge0Error(call("GET", "%s/submissions/%s" % (JUDGE0, r.json["execution_id"])), 404)

    def test_d_batch(self):
        subs = [{"source_code": "print(%d)" % i, "language_id": 71} for i in range(3)]
        subs.insert(1, {"source_code": "", "language_id": 999})
        r = call("POST", JUDGE0 + "/submissions/batch", {"submissions": subs})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(len(r.json), 4, r)
        self.assertEqual(r.json[1], {"source_code": ["can't be blank"],
                                     "language_id": ["language with id 999 doesn't exist"]})
        tokens = [r.json[i]["token"] for i in (0, 2, 3)]
        for t in tokens:
            self.poll(t)
        missing = str(uuid.uuid4())
        r = call("GET", "%s/submissions/batch?tokens=%s&fields=stdout,status_id" % (JUDGE0, ",".join(tokens + [missing])))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json, {"submissions": [{"stdout": "0\n", "status_id": 3}, {"stdout": "1\n", "status_id": 3},
                                                  {"stdout": "2\n", "status_id": 3}, None]})
        self.assertJudge0Error(call("POST", JUDGE0 + "/submissions/batch",
                                    {"submissions": subs * 6}), 400, "less than or equal to 20")
        self.assertJudge0Error(call("POST", JUDGE0 + "/submissions/batch", {"submissions": []}), 400,
                               "at least one submission")
        self.assertJudge0Error(call("GET", JUDGE0 + "/submissions/batch?tokens="), 400, "at least one submission")
        r = call("POST", JUDGE0 + "/submissions/batch", {"submissions": [{"language_id": 71}]})
        self.assertEqual((r.status, r.json), (422, [{"source_code": ["can't be blank"]}]), r)

    def test_e_base64_round_trip(self):
        code = "import sys\nd = sys.stdin.read()\nprint('é' + d.upper(), end='')\nsys.stderr.write('ünïcode\\n')\n"
        b = lambda s: base64.b64encode(s.encode()).decode()
        r = judge0_submit({"source_code": b(code), "language_id": 71, "stdin": b("hé"),
                           "expected_output": b("éHÉ")}, base64=True, fields="*")
        self.assertStatus(r, 3)
        dec = lambda s: base64.b64decode(s).decode()
        self.assertEqual((dec(r.json["stdout"]), dec(r.json["stderr"]), dec(r.json["stdin"]),
                          dec(r.json["source_code"]), dec(r.json["expected_output"])),
                         ("éHÉ", "ünïcode\n", "hé", code, "éHÉ"), r)
        # the same, read as text
        r = call("GET", "%s/submissions/%s?fields=stdout,stdin" % (JUDGE0, r.json["token"]))
        self.assertEqual(r.json, {"stdout": "éHÉ", "stdin": "hé"}, r)
        # Ruby's decode64 as Judge0 reads: line breaks skipped, padding optional
        r = judge0_submit({"source_code": "cHJp\nbnQoNDIp", "language_id": 71}, base64=True)
        self.assertEqual((r.status, base64.b64decode(r.json["stdout"])), (201, b"42\n"), r)
        r = judge0_submit({"source_code": b("print(1)"), "language_id": 71, "stdin": "/w=="}, base64=True)
        self.assertEqual((r.status, r.json), (422, {"stdin": ["is not valid UTF-8 text"]}), r)

    def test_f_compile_error(self):
        r = judge0_submit({"source_code": "int main(void) { return 0 }\n", "language_id": 50})
        self.assertStatus(r, 6)
        self.assertIn("error", r.json["compile_output"])
        self.assertIn("main.c", r.json["compile_output"])
        self.assertNotIn("/box/", r.json["compile_output"])
        self.assertEqual((r.json["stdout"], r.json["time"], r.json["memory"]), (None, None, None), r)
        r = judge0_submit({"source_code": "public class Main { void f() { int x = ; } }", "language_id": 62})
        self.assertStatus(r, 6)

    def test_g_wrong_answer_and_expected(self):
        code = "print(input())"
        r = judge0_submit({"source_code": code, "language_id": 71, "stdin": "a", "expected_output": "b"})
        self.assertStatus(r, 4)
        self.assertEqual(r.json["status"]["description"], "Wrong Answer")
        r = judge0_submit({"source_code": code, "language_id": 71, "stdin": "a", "expected_output": "a\n\n"})
        self.assertStatus(r, 3)
        # nothing expected: a clean run is Accepted whatever it prints
        r = judge0_submit({"source_code": code, "language_id": 71, "stdin": "x", "expected_output": None})
        self.assertStatus(r, 3)

    def test_h_time_limit(self):
        t0 = time.time()
        r = judge0_submit({"source_code": "while True:\n    pass\n", "language_id": 71, "cpu_time_limit": 1})
        self.assertStatus(r, 5)
        self.assertEqual(r.json["status"]["description"], "Time Limit Exceeded")
        self.assertLess(time.time() - t0, 15)
        r = judge0_submit({"source_code": "print(1)", "language_id": 71, "cpu_time_limit": "1.5"},
                          fields="cpu_time_limit,wall_time_limit,memory_limit,status")
        self.assertEqual(r.json, {"cpu_time_limit": "1.5", "wall_time_limit": "10.0", "memory_limit": 262144,
                                  "status": {"id": 3, "description": "Accepted"}}, r)

    def test_i_runtime_errors(self):
        r = judge0_submit({"source_code": "import sys\nprint('out')\nsys.stderr.write('bad\\n')\nsys.exit(3)\n",
                           "language_id": 71}, fields="*")
        self.assertStatus(r, 11)
        self.assertEqual((r.json["stdout"], r.json["stderr"], r.json["exit_code"], r.json["exit_signal"]),
                         ("out\n", "bad\n", 3, None), r)
        self.assertIn("3", r.json["message"])
        r = judge0_submit({"source_code": "#include <stdio.h>\nint main(void) { puts(\"before\"); fflush(stdout);\n"
                                          "volatile int *p = 0; return *p; }\n", "language_id": 50}, fields="*")
        self.assertStatus(r, 7)
        self.assertEqual((r.json["stdout"], r.json["exit_signal"], r.json["status"]["description"]),
                         ("before\n", 11, "Runtime Error (SIGSEGV)"), r)
        r = judge0_submit({"source_code": "#include <stdlib.h>\nint main(void) { abort(); }\n", "language_id": 50})
        self.assertStatus(r, 10)
        # Judge0 has no memory verdict: Runtime Error (Other)
        hog = "x = bytearray(200 * 1024 * 1024)\nx[::4096] = b'1' * len(x[::4096])\nprint('held')\n"
        r = judge0_submit({"source_code": hog, "language_id": 71, "memory_limit": 65536})
        self.assertStatus(r, 12)

    def test_j_validation_is_422_by_field(self):
        for body, want in (({}, {"source_code": ["can't be blank"],
                                 "language_id": ["can't be blank", "language with id  doesn't exist"]}),
                           ({"source_code": "  \n", "language_id": 71}, {"source_code": ["can't be blank"]}),
                           ({"source_code": "x", "language_id": 1}, {"language_id": ["language with id 1 doesn't exist"]}),
                           ({"source_code": "x", "language_id": "71", "cpu_time_limit": 16},
                            {"cpu_time_limit": ["must be less than or equal to 15.0"]}),
                           ({"source_code": "x", "language_id": 71, "cpu_time_limit": "fast"},
                            {"cpu_time_limit": ["is not a number"]}),
                           ({"source_code": "x", "language_id": 71, "wall_time_limit": 0.5},
                            {"wall_time_limit": ["must be greater than or equal to 1"]}),
                           ({"source_code": "x", "language_id": 71, "memory_limit": 1000},
                            {"memory_limit": ["must be greater than or equal to 2048"]}),
                           ({"source_code": "x", "language_id": 71, "callback_url": "ftp://h/x"},
                            {"callback_url": ["must be an http or https URL"]}),
                           ({"source_code": "x", "language_id": 71, "command_line_arguments": "a b"},
                            {"command_line_arguments": ["setting command line arguments is not allowed"]}),
                           ({"source_code": "x" * (300 * 1024), "language_id": 71},
                            {"source_code": ["is too long (maximum is 262144 characters)"]})):
            r = judge0_submit(body)
            self.assertEqual((r.status, r.json), (422, want), repr(body)[:80])
        self.assertJudge0Error(judge0_submit({"source_code": "x", "language_id": 71}, fields="stdout,bogus"),
                               400, "invalid fields: [bogus]")
        self.assertJudge0Error(call("POST", JUDGE0 + "/submissions", '{"source_code":'), 400)
        self.assertJudge0Error(call("POST", JUDGE0 + "/submissions", "x=1", ctype="application/x-www-form-urlencoded"), 415)
        # accepted and ignored
        r = judge0_submit({"source_code": "print(2)", "language_id": 71, "number_of_runs": 3, "stack_limit": 64000,
                           "redirect_stderr_to_stdout": False, "enable_per_process_and_thread_time_limit": False})
        self.assertStatus(r, 3)
        self.assertEqual(call("DELETE", JUDGE0 + "/submissions/%s" % r.json["token"]).status, 405)

    def test_k_callback_is_stored(self):
        r = judge0_submit({"source_code": "print(1)", "language_id": 71, "callback_url": "http://127.0.0.1:9/hook"},
                          wait=False)
        self.assertEqual(r.status, 201, r)
        cb = json.loads(psql("SELECT callback FROM job WHERE token = '%s'" % r.json["token"]))
        self.assertEqual(cb, {"url": "http://127.0.0.1:9/hook", "method": "PUT", "format": "judge0"})
        self.poll(r.json["token"])
        r = judge0_submit({"source_code": "print(1)", "language_id": 71}, wait=False)
        self.assertEqual(psql("SELECT coalesce(callback, 'none') FROM job WHERE token = '%s'" % r.json["token"]), "none")

    def test_l_nginx_guards_it_as_execute(self):
        with open(os.path.join(VAR, "nginx.conf")) as f:
            conf = f.read()
        m = re.search(r"location /judge0/ \{(.*?)\n        \}", conf, re.S)
        self.assertIsNotNone(m)
        for line in ("if ($ce_execute_allowed = 0) { return 403; }", "limit_req zone=execute",
                     "set $ce_pool ce_exec;"):
            self.assertIn(line, m.group(1))
        got = [call("GET", JUDGE0 + "/statuses", retry429=False) for _ in range(45)]
        limited = [r for r in got if r.status == 429]
        self.assertTrue(limited, [r.status for r in got])
        self.assertJudge0Error(limited[0], 429, "too many requests")
        time.sleep(3)


SUM_CHECKER = r"""#include <fstream>
#include <iostream>
#include <string>
int main(int argc, char **argv) {
  std::ifstream in(argv[1]);
  std::string fb = std::string(argv[3]) + "/judgemessage.txt";
  long long n, a, b; in >> n;
  if (!(std::cin >> a >> b)) { std::ofstream(fb) << "expected two numbers"; return 43; }
  if (a + b != n) { std::ofstream(fb) << a << "+" << b << " is not " << n; return 43; }
  if (a == b) std::ofstream(std::string(argv[3]) + "/score.txt") << "0.5";
  std::ofstream(fb) << "fine";
  return 42;
}
"""


class T22Grading(Base):
    """Questions with a custom checker and test groups, through the admin API, the
    recruiter's check and a candidate's submit."""

    @classmethod
    def setUpClass(cls):
        cls.doc = {
            "title": "Split the number", "question": "Print two numbers that add up to n.",
            "difficulty": "easy", "time_limit_ms": 2000,
            "checker": {"type": "custom", "language": "cpp", "code": SUM_CHECKER},
            "groups": [{"name": "sample", "points": 0, "rule": "all"},
                       {"name": "small", "points": 40, "rule": "min", "stop_on_failure": True},
                       {"name": "large", "points": 60, "rule": "all", "depends_on": ["small"]}],
            "test_cases": [
                {"input": "4\n", "expected_output": "", "is_sample": True, "group": "sample"},
                {"input": "5\n", "expected_output": "", "group": "small"},
                {"input": "7\n", "expected_output": "", "group": "small"},
                {"input": "1000000001\n", "expected_output": "", "group": "large"},
            ],
            "references": [{"name": "accepted/split.py", "language": "python",
                            "code": "n = int(input())\nprint(n // 2, n - n // 2)\n"}],
            "statement_pdf": base64.b64encode(b"%PDF-1.4\n% a statement\n%%EOF\n").decode(),
        }
        r = admin("POST", "/api/admin/questions", cls.doc)
        assert r.status == 201, r
        cls.q = r.json["question"]

    def test_a_stored_as_sent(self):
        q = admin("GET", "/api/admin/questions/%s" % self.q["id"]).json["question"]
        self.assertEqual(q["checker"]["type"], "custom")
        self.assertEqual([g["name"] for g in q["groups"]], ["sample", "small", "large"])
        self.assertEqual([t.get("group") for t in q["test_cases"]], ["sample", "small", "small", "large"])
        self.assertEqual(q["references"][0]["name"], "accepted/split.py")
        self.assertIs(q["has_statement_pdf"], True)
        # sample 0 + small 40 + large 60
        self.assertEqual(q["max_score"], 100)
        r = admin("GET", "/api/questions/%s/statement.pdf" % self.q["id"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "application/pdf")
        self.assertTrue(r.body.startswith(b"%PDF-1.4"), r.body[:20])

    def test_b_bad_documents_refused(self):
        base = dict(self.doc)
        del base["statement_pdf"]
        cases = [
            ({"checker": {"type": "fuzzy"}}, "fuzzy"),
            ({"checker": {"type": "custom", "language": "java", "code": "x"}}, "c, cpp or python"),
            ({"checker": {"type": "float", "float_tolerance": -1}}, "tolerance"),
            ({"groups": [{"name": "a", "depends_on": ["b"]}, {"name": "b"}]}, "depends on"),
            ({"groups": [{"name": "a", "rule": "max"}]}, "sum, all or min"),
            ({"test_cases": [{"input": "1", "expected_output": "", "group": "nope"}]}, "no group named"),
            ({"test_cases": [{"input": "1", "expected_output": ""}]}, "'group' is required"),
            ({"references": [{"name": "x", "language": "cobol", "code": "x"}]}, "cobol"),
            ({"references": [{"name": "x", "language": "python", "code": "x", "expected": "fine"}]},
             "verdict"),
            ({"statement_pdf": "not base64!"}, "base64"),
        ]
        before = len(admin("GET", "/api/admin/questions").json["questions"])
        for change, words in cases:
            doc = dict(base)
            doc.update(change)
            r = admin("POST", "/api/admin/questions", doc)
            self.assertClientError(r, str(change))
            self.assertIn(words, r.json["error"]["message"], r)
        self.assertEqual(len(admin("GET", "/api/admin/questions").json["questions"]), before)
        # an update that drops the groups the tests name is refused, and changes nothing
        r = admin("PUT", "/api/admin/questions/%s" % self.q["id"], {"groups": []})
        self.assertClientError(r)
        self.assertIn("names a group", r.json["error"]["message"])
        q = admin("GET", "/api/admin/questions/%s" % self.q["id"]).json["question"]
        self.assertEqual(len(q["groups"]), 3)

    def test_c_check_saved_question(self):
        path = "/api/admin/questions/%s/check" % self.q["id"]
        r = admin("POST", path, {"language": "python", "code": self.doc["references"][0]["code"]})
        self.assertOk(r)
        j = r.json
        self.assertEqual([t["status"] for t in j["test_results"]], ["accepted"] * 4, r)
        # 4 and 1000000001: equal halves score half; 5 and 7 do not
        self.assertEqual([t["score"] for t in j["test_results"]], [0.5, 1, 1, 1])
        self.assertEqual([t["checker_message"] for t in j["test_results"]], ["fine"] * 4)
        self.assertEqual([(g["name"], g["score"], g["max_score"]) for g in j["groups"]],
                         [("sample", 0, 0), ("small", 40, 40), ("large", 60, 60)])
        self.assertEqual(j["summary"]["score"], 100)
        # wrong on 7: small stops there, large depends on small and is skipped
        wrong = "n = int(input())\nprint(n, 0 if n != 7 else 1)\n"
        j = admin("POST", path, {"language": "python", "code": wrong}).json
        self.assertEqual([t["status"] for t in j["test_results"]],
                         ["accepted", "accepted", "wrong_answer", "skipped"], j)
        self.assertEqual(j["test_results"][2]["checker_message"], "7+1 is not 7")
        self.assertEqual([g["status"] for g in j["groups"]], ["accepted", "wrong_answer", "skipped"])
        self.assertEqual(j["summary"]["score"], 0)
        for body in ({"language": "python"}, {"language": "cobol", "code": "x"},
                     {"language": "python", "code": "x", "tests": []}):
            self.assertClientError(admin("POST", path, body), str(body))
        self.assertError(admin("POST", "/api/admin/questions/999999/check",
                               {"language": "python", "code": "x"}), 404)

    def test_d_candidate_sees_groups_not_checker_messages(self):
        cid, invite, _ = new_candidate([self.q["id"]], name="svc cand grading")
        tok, _ = start_session(invite)
        r = proxy(tok, self.q["id"], "python", "n = int(input())\nprint(1, n - 1)\n", mode="submit")
        self.assertOk(r)
        j = r.json
        self.assertEqual(j["status"], "accepted", r)
        self.assertEqual(j["summary"]["score"], 100)
        self.assertEqual(j["summary"]["max_score"], 100)
        self.assertEqual([(g["name"], g["status"], g["score"]) for g in j["groups"]],
                         [("sample", "accepted", 0), ("small", "accepted", 40), ("large", "accepted", 60)])
        self.assertNotIn("tests", j["groups"][1])
        self.assertNotIn("checker_message", json.dumps(j))
        for res in j["results"]:
            if res["hidden"]:
                self.assertNotIn("score", res)
        # the recruiter's record has the checker's messages
        subs = admin("GET", "/api/admin/candidates/" + cid).json["candidate"]["submissions"]
        self.assertEqual(subs[-1]["score"], 100)
        self.assertEqual([t.get("checker_message") for t in subs[-1]["results"]], ["fine"] * 4)
        # a run's custom input is run, not checked
        r = proxy(tok, self.q["id"], "python", "print(input())\n", custom_input="hello\n")
        self.assertOk(r)
        self.assertEqual(r.json["custom"]["output"], "hello\n")
        self.assertEqual(r.json["custom"]["status"], "ok")


PACKAGES = os.path.join(ROOT, "tests", "packages")


def zip_package(root, extra=None):
    """A package directory as a zip, its symbolic links stored as links (as `zip -y` does);
    extra adds (name, bytes, is_link) entries."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for d, dirs, files in os.walk(root):
            dirs.sort()
            for f in sorted(files):
                path = os.path.join(d, f)
                name = os.path.relpath(path, root)
                if os.path.islink(path):
                    info = zipfile.ZipInfo(name)
                    info.create_system = 3
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                    z.writestr(info, os.readlink(path))
                else:
                    z.write(path, name)
        for name, data, link in extra or ():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = ((stat.S_IFLNK | 0o777) if link else (stat.S_IFREG | 0o644)) << 16
            z.writestr(info, data)
    return buf.getvalue()


def ctl(*args, timeout=600):
    """bin/ce-ctl as the service user, on the suite's database."""
    return subprocess.run(
        ["runuser", "-u", "coding-engine", "--", "env", "-i", "PATH=/usr/bin:/bin",
         "DATABASE_URL=host=%s/pg/run port=5432 dbname=coding_engine user=coding-engine" % VAR,
         os.path.join(VAR, "bin", "ce-ctl")] + list(args),
        capture_output=True, text=True, timeout=timeout)


class T23Packages(Base):
    """Kattis problem packages: imported over HTTP and by ce-ctl, their references judged,
    exported and imported back; hostile packages refused."""

    def import_zip(self, data, status=201):
        r = admin("POST", "/api/admin/questions/import", data, ctype="application/zip", timeout=900)
        self.assertEqual(r.status, status, r)
        return r

    def count(self):
        return len(admin("GET", "/api/admin/questions").json["questions"])

    def test_a_import_each_package(self):
        for name in sorted(os.listdir(PACKAGES)):
            r = self.import_zip(zip_package(os.path.join(PACKAGES, name)))
            j = r.json
            q = j["question"]
            refs = {x["name"]: x for x in j["references"]}
            NOTES.append("package %s: question %s, time limit %d ms%s, references %s" % (
                name, q["number"], j["time_limit_ms"], " (derived)" if j["time_limit_derived"] else "",
                ", ".join("%s %s" % (n, x["status"]) for n, x in sorted(refs.items()))))
            self.assertIs(j["references_ok"], True, j["references"])
            self.assertTrue(any(x["expected"] == "accepted" and x["ok"] for x in refs.values()), refs)
            self.assertTrue(any(x["expected"] == "wrong_answer" and x["ok"] for x in refs.values()),
                            refs)
            self.assertEqual(q["time_limit_ms"], j["time_limit_ms"])
            if name == "custom-checker":
                self.assertEqual(q["checker"]["type"], "custom")
                self.assertEqual(q["checker"]["language"], "cpp")
            if name == "float-tolerance":
                self.assertEqual(q["checker"]["type"], "float")
            if name == "interactive":
                self.assertEqual(q["checker"]["type"], "interactive")
                self.assertTrue(any(t.get("interaction") for t in q["test_cases"]))
                type(self).interactive = q
            if name == "groups-partial":
                # no time limit in the package: derived from the accepted references
                self.assertIs(j["time_limit_derived"], True)
                self.assertEqual([g["name"] for g in q["groups"]],
                                 ["sample", "secret/group1", "secret/group2"])
                # the symlinked tests came through with their targets' data
                by_name = {t["name"]: t for t in q["test_cases"]}
                self.assertEqual(by_name["secret/group1/01"]["input"], by_name["sample/1"]["input"])
                type(self).groups = q

    def test_b_imported_interactive_question_judges_a_candidate(self):
        q = self.interactive
        code = open(os.path.join(PACKAGES, "interactive", "submissions", "accepted", "binary.py")).read()
        cid, invite, _ = new_candidate([q["id"]], name="svc cand package")
        tok, _ = start_session(invite)
        r = proxy(tok, q["id"], "python", code, mode="submit")
        self.assertOk(r)
        self.assertEqual(r.json["status"], "accepted", r)
        self.assertNotIn("checker_message", json.dumps(r.json))

    def test_c_export_and_import_back(self):
        q = self.groups
        r = admin("GET", "/api/admin/questions/%s/export" % q["id"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "application/zip")
        self.assertIn("attachment", r.headers["content-disposition"])
        names = zipfile.ZipFile(io.BytesIO(r.body)).namelist()
        self.assertIn("problem.yaml", names)
        self.assertTrue(any(n.startswith("output_validators/") and n.endswith(".cpp") for n in names),
                        names)
        back = self.import_zip(r.body).json["question"]
        for k in ("title", "question", "time_limit_ms", "memory_limit_mb", "checker", "groups",
                  "max_score"):
            self.assertEqual(back[k], q[k], k)
        strip = lambda ts: [{k: v for k, v in t.items() if k not in ("id", "test_order")} for t in ts]
        self.assertEqual(strip(back["test_cases"]), strip(q["test_cases"]))
        self.assertEqual(back["references"], q["references"])
        self.assertError(admin("GET", "/api/admin/questions/999999/export"), 404)

    def test_d_hostile_packages_refused(self):
        good = os.path.join(PACKAGES, "float-tolerance")
        before = self.count()
        cases = [
            ("zip slip", zip_package(good, [("../evil.txt", b"x", False)])),
            ("absolute path", zip_package(good, [("/tmp/evil.txt", b"x", False)])),
            ("absolute link", zip_package(good, [("data/secret/9.in", b"/etc/passwd", True)])),
            ("link out", zip_package(good, [("data/secret/9.in", b"../../../../etc/passwd", True)])),
            ("link loop", zip_package(good, [("data/secret/9.in", b"9.in", True)])),
            ("not a zip", b"PK\x03\x04 certainly not a zip archive"),
        ]
        # a zip bomb: 300 MiB of zeros, a few hundred KiB packed
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            with z.open("data/secret/big.in", "w", force_zip64=True) as f:
                chunk = bytes(1 << 20)
                for _ in range(300):
                    f.write(chunk)
        cases.append(("zip bomb", bomb.getvalue()))
        for what, data in cases:
            r = admin("POST", "/api/admin/questions/import", data, ctype="application/zip")
            self.assertClientError(r, what)
            NOTES.append("hostile package (%s): %d %s" % (what, r.status, r.json["error"]["message"][:100]))
        r = admin("POST", "/api/admin/questions/import", zip_package(good), ctype="application/json")
        self.assertError(r, 415)
        self.assertEqual(self.count(), before)

    def test_e_ctl_import_and_export(self):
        work = tempfile.mkdtemp(prefix="ce-pkg-")
        try:
            src = os.path.join(work, "groups-partial")
            shutil.copytree(os.path.join(PACKAGES, "groups-partial"), src, symlinks=True)
            subprocess.run(["chmod", "-R", "a+rX", work], check=True)
            os.chmod(work, 0o777)
            p = ctl("import", src)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertIn("derived from the accepted references", p.stdout)
            self.assertIn("ok   wrong_answer/everything.py: expected wrong_answer, got wrong_answer",
                          p.stdout)
            number = re.search(r"as question (\d+)", p.stdout).group(1)
            out = os.path.join(work, "out")
            p = ctl("export", number, out)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertTrue(os.path.isfile(os.path.join(out, "problem.yaml")))
            self.assertTrue(os.path.isfile(os.path.join(out, "data", "secret", "group2", "testdata.yaml")))
            # an existing directory is not written into
            p = ctl("export", number, out)
            self.assertNotEqual(p.returncode, 0)
            # a link out of the package
            os.symlink("/etc/passwd", os.path.join(src, "data", "secret", "group1", "09.in"))
            p = ctl("import", src)
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertIn("09.in", p.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def bank_functions():
    """The bank's function questions: (slug, directory, meta)."""
    out = []
    for slug in sorted(os.listdir(BANK_DIR)):
        d = os.path.join(BANK_DIR, slug)
        meta_path = os.path.join(d, "meta.json")
        if re.match(r"^\d\d-", slug) and os.path.isfile(meta_path):
            with open(meta_path) as f:
                meta = json.load(f)
            if meta.get("kind") == "function":
                out.append((slug, d, meta))
    return out


class T24Functions(Base):
    """"Implement this function" questions: the bank's, with a reference solution in each of
    the six languages judged through the real service, and a candidate's view of one."""

    @classmethod
    def setUpClass(cls):
        cls.fns = bank_functions()
        cls.ids = {slug: psql("SELECT id FROM coding_question_bank WHERE slug = '%s'" % slug)
                   for slug, _, _ in cls.fns}

    def test_a_every_reference_solution_accepted(self):
        self.assertGreaterEqual(len(self.fns), 3)
        jobs = []
        for slug, d, _ in self.fns:
            for lang, fn in LANG_FILES:
                with open(os.path.join(d, "solution", fn)) as f:
                    jobs.append((slug, lang, f.read()))

        def check(job):
            slug, lang, code = job
            r = admin("POST", "/api/admin/questions/%s/check" % self.ids[slug],
                      {"language": lang, "code": code}, timeout=900)
            return slug, lang, r

        t0 = time.time()
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            results = list(pool.map(check, jobs))
        bad = []
        for slug, lang, r in results:
            if r.status != 200 or r.json.get("status") != "accepted":
                bad.append("%s %s: %s" % (slug, lang, r.json.get("status") if r.json else r))
        NOTES.append("function questions: %d reference solutions (%d questions x 6 languages) judged in %.1f s"
                     % (len(jobs), len(self.fns), time.time() - t0))
        self.assertEqual(bad, [])

    def test_b_candidate_view_run_and_submit(self):
        slug = "13-two-sum-fn"
        qid = self.ids[slug]
        cid, invite, _ = new_candidate([qid], name="svc cand function")
        tok, _ = start_session(invite)
        q = call("GET", "/api/questions/%s" % qid, token=tok).json["question"]
        self.assertEqual(q["kind"], "function")
        self.assertEqual(q["signature"]["function"], "twoSum")
        self.assertIn("class Solution", q["boiler_plate"]["java"])
        self.assertIn("def twoSum(", q["boiler_plate"]["python"])
        self.assertIn("int* returnSize", q["boiler_plate"]["c"])
        for t in q["test_cases"]:
            self.assertIsInstance(json.loads(t["input"]), dict)
        printing = ("def twoSum(nums, target):\n"
                    "    print('looking at', len(nums), 'numbers')\n"
                    "    seen = {}\n"
                    "    for i, x in enumerate(nums):\n"
                    "        if target - x in seen:\n"
                    "            return [seen[target - x], i]\n"
                    "        seen[x] = i\n")
        # a run with typed custom input: the result as JSON, what the function printed apart
        r = proxy(tok, qid, "python", printing, custom_input='{"nums": [1, 4, 6], "target": 10}')
        self.assertOk(r)
        self.assertEqual(r.json["custom"]["output"], "[1,2]")
        self.assertEqual(r.json["custom"]["stdout"], "looking at 3 numbers\n")
        # custom input that is not the params is refused with why, before anything runs
        for bad, words in (('{"nums": [1, "x"], "target": 3}', "nums[1]"),
                           ('{"nums": [1]}', "target"), ("[1, 2]", "object"), ("not json", "")):
            r = proxy(tok, qid, "python", printing, custom_input=bad)
            self.assertError(r, 400, msg=bad)
            self.assertIn(words, r.json["error"]["message"])
        # a submit: printing does not break the result
        r = proxy(tok, qid, "python", printing, mode="submit")
        self.assertOk(r)
        self.assertEqual(r.json["status"], "accepted", r)
        shown = [x for x in r.json["results"] if not x["hidden"]]
        self.assertTrue(shown and all(x["stdout"].startswith("looking at") for x in shown))
        # a compile error and a crash point at the candidate's own lines, not the harness's
        r = proxy(tok, qid, "java", "class Solution {\n    public long[] twoSum(long[] nums, long target) {\n"
                  "        return nums.nothing();\n    }\n}\n")
        self.assertEqual(r.json["status"], "compilation_error", r)
        self.assertIn(":3: error", r.json["compile"]["output"])
        self.assertNotIn("CeMain", r.json["compile"]["output"])
        r = proxy(tok, qid, "python", "def twoSum(nums, target):\n    return nums[99]\n")
        self.assertEqual(r.json["status"], "runtime_error", r)
        err = r.json["results"][0]["error"]
        self.assertIn("line 2, in twoSum", err)
        self.assertNotIn("_ce_", err)

    def test_c_signature_preview_and_checked_documents(self):
        r = admin("POST", "/api/admin/signature",
                  {"signature": "function: area\nparams: points double[][]\nreturns: double\n"})
        self.assertOk(r)
        self.assertEqual(r.json["signature"]["params"][0]["type"], "double[][]")
        self.assertIn("public double area(double[][] points)", r.json["stubs"]["java"])
        self.assertEqual(sorted(r.json["stubs"]), sorted(LANG_IDS))
        for bad in ("function: 1x\nreturns: int", "function: f\nparams: a map\nreturns: int",
                    "params: a int\nreturns: int"):
            r = admin("POST", "/api/admin/signature", {"signature": bad})
            self.assertError(r, 400, msg=bad)
        sig = {"function": "add", "params": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}],
               "returns": "int"}
        doc = {"title": "Add", "question": "Add two numbers.", "difficulty": "easy", "signature": sig,
               "test_cases": [{"input": '{"a": 1, "b": 2}', "expected_output": "3", "is_sample": True}]}
        r = admin("POST", "/api/admin/questions", doc)
        self.assertEqual(r.status, 201, r)
        qid = r.json["question"]["id"]
        # tests that are not typed for the signature are refused, and change nothing
        for tests, words in (([{"input": '{"a": 1}', "expected_output": "3"}], "b"),
                             ([{"input": '{"a": 1, "b": 2}', "expected_output": '"3"'}], "expected")):
            r = admin("PUT", "/api/admin/questions/%s" % qid, {"test_cases": tests})
            self.assertClientError(r)
            self.assertIn(words, r.json["error"]["message"])
        q = admin("GET", "/api/admin/questions/%s" % qid).json["question"]
        self.assertEqual(q["test_cases"][0]["expected_output"], "3")
        r = admin("POST", "/api/admin/questions/%s/check" % qid,
                  {"language": "c", "code": "long long add(long long a, long long b) { return a + b; }\n"})
        self.assertEqual(r.json["status"], "accepted", r)


# ---------------------------------------------------------------- accounts and roles

# the least role each /api/admin/ route needs (README "Accounts and roles"): "none" for the
# two that take no login (their own body is the credential), "reviewer" for reads and notes,
# "recruiter" for every other change, "owner" for accounts and the audit trail.  A route
# added to routes.c without a line here fails T25Roles.
ROLE_RULES = {
    ("POST", "/api/admin/login"): "none",
    ("POST", "/api/admin/accounts/password"): "none",
    ("POST", "/api/admin/logout"): "reviewer",
    ("GET", "/api/admin/me"): "reviewer",
    ("GET", "/api/admin/questions"): "reviewer",
    ("GET", "/api/admin/questions/:id"): "reviewer",
    ("GET", "/api/admin/questions/:id/export"): "reviewer",
    ("GET", "/api/admin/candidates"): "reviewer",
    ("GET", "/api/admin/candidates/:id"): "reviewer",
    ("GET", "/api/admin/candidates/:id/report"): "reviewer",
    ("GET", "/api/admin/export/scores.csv"): "reviewer",
    ("GET", "/api/admin/candidates/:id/notes"): "reviewer",
    ("POST", "/api/admin/candidates/:id/notes"): "reviewer",
    ("POST", "/api/admin/questions"): "recruiter",
    ("POST", "/api/admin/questions/check"): "recruiter",
    ("POST", "/api/admin/signature"): "recruiter",
    ("POST", "/api/admin/questions/import"): "recruiter",
    ("PUT", "/api/admin/questions/:id"): "recruiter",
    ("DELETE", "/api/admin/questions/:id"): "recruiter",
    ("POST", "/api/admin/questions/:id/check"): "recruiter",
    ("POST", "/api/admin/candidates"): "recruiter",
    ("PUT", "/api/admin/candidates/:id"): "recruiter",
    ("DELETE", "/api/admin/candidates/:id"): "recruiter",
    ("POST", "/api/admin/candidates/:id/invite"): "recruiter",
    ("POST", "/api/admin/candidates/:id/mail"): "recruiter",
    ("GET", "/api/admin/candidates/:id/link"): "recruiter",
    ("GET", "/api/admin/accounts"): "owner",
    ("POST", "/api/admin/accounts"): "owner",
    ("GET", "/api/admin/team"): "recruiter",
    ("PUT", "/api/admin/accounts/:id"): "owner",
    ("POST", "/api/admin/accounts/:id/reset"): "owner",
    ("GET", "/api/admin/audit"): "owner",
    ("GET", "/api/admin/jobs"): "reviewer",
    ("GET", "/api/admin/jobs/:id"): "reviewer",
    ("GET", "/api/admin/jobs/:id/tests"): "reviewer",
    ("GET", "/api/admin/jobs/:id/candidates"): "reviewer",
    ("GET", "/api/admin/jobs/:id/export.csv"): "reviewer",
    ("GET", "/api/admin/tests/:id"): "reviewer",
    ("GET", "/api/admin/questions/:id/usage"): "reviewer",
    ("GET", "/api/admin/questions/:id/similarity"): "reviewer",
    ("GET", "/api/admin/candidates/:id/playback"): "reviewer",
    ("POST", "/api/admin/jobs"): "recruiter",
    ("PUT", "/api/admin/jobs/:id"): "recruiter",
    ("DELETE", "/api/admin/jobs/:id"): "recruiter",
    ("POST", "/api/admin/jobs/:id/tests"): "recruiter",
    ("PUT", "/api/admin/tests/:id"): "recruiter",
    ("POST", "/api/admin/tests/:id/invitations"): "recruiter",
}
ROLE_LEVEL = {"none": 0, "reviewer": 1, "recruiter": 2, "owner": 3}


def admin_routes_in_source():
    """Every (method, pattern) under /api/admin/ in the route table of fcgi-app/routes.c."""
    with open(os.path.join(ROOT, "fcgi-app", "routes.c")) as f:
        src = f.read()
    return re.findall(r'\{\s*"([A-Z]+)",\s*"(/api/admin/[^"]*)"', src)


def link_token(resp):
    """The token of an account link answered by POST /api/admin/accounts or .../reset."""
    url = resp.json["link_url"]
    assert "/admin/?account=" in url, url
    return url.split("account=", 1)[1]


def make_account(role, name=None):
    """An account made by the owner through the invitation flow: created, its password set
    through the link, logged in.  A dict with id, username, password and token."""
    user = "svc-%s-%s" % (name or role, secrets.token_hex(3))
    r = admin("POST", "/api/admin/accounts",
              {"username": user, "name": "Svc " + role.title(), "email": user + "@example.org", "role": role})
    assert r.status == 201, r
    pw = "pw-" + secrets.token_urlsafe(12)
    s = call("POST", "/api/admin/accounts/password", {"token": link_token(r), "password": pw})
    assert s.status == 200, s
    t = login(pw, user)
    assert t.status == 200, t
    return {"id": r.json["account"]["id"], "username": user, "password": pw, "token": t.json["token"]}


def assigned_candidate(reviewer, name):
    """A candidate invited to the test of a new job that reviewer is assigned to (a reviewer
    reads the reports of their jobs only): the candidate, job and test ids as strings."""
    r = admin("POST", "/api/admin/jobs", {"title": "svc job of " + name,
                                          "members": [{"admin_id": reviewer["id"], "role": "reviewer"}]})
    assert r.status == 201, r
    job = str(r.json["job"]["id"])
    r = admin("POST", "/api/admin/jobs/%s/tests" % job, {"title": "svc test of " + name, "questions": [BANK[0]["uuid"]]})
    assert r.status == 201, r
    test = str(r.json["test"]["id"])
    r = admin("POST", "/api/admin/tests/%s/invitations" % test,
              {"name": name, "email": "c-%s@example.org" % secrets.token_hex(3)})
    assert r.status == 201, r
    return r.json["candidate"]["candidate_id"], job, test


class T25Roles(Base):
    @classmethod
    def setUpClass(cls):
        cls.rec = make_account("recruiter")
        cls.rev = make_account("reviewer")
        # an owner, then disabled: disabling outranks any role
        cls.off = make_account("owner", "disabled")
        r = admin("PUT", "/api/admin/accounts/%d" % cls.off["id"], {"disabled": True})
        assert r.status == 200, r

    def _state(self):
        """What a refused write could have changed, read from the database itself."""
        tables = ("coding_question_bank", "test_cases", "candidate", "candidate_question",
                  "recruiter_admin", "account_link", "test_session", "jobs", "job_member", "test",
                  "test_version", "test_version_question")
        return {t: psql("SELECT md5(COALESCE(string_agg(x::text, ',' ORDER BY x::text), ''))"
                        " FROM %s x" % t) for t in tables}

    def _objects(self):
        """A throwaway question, candidate and account for the :id routes."""
        q = dict(NEW_Q, title="svc-roles " + secrets.token_hex(3))
        r = admin("POST", "/api/admin/questions", q)
        self.assertOk(r, 201)
        qid = str(r.json["question"]["number"])
        cid, job, test = assigned_candidate(self.rev, "svc roles cand")
        return {"questions": qid, "candidates": cid, "jobs": job, "tests": test,
                "accounts": str(make_account("reviewer", "victim")["id"])}

    def _request(self, method, pattern, objs):
        path = pattern
        for kind, oid in objs.items():
            path = path.replace("/%s/:id" % kind, "/%s/%s" % (kind, oid))
        self.assertNotIn(":", path, "no object for " + pattern)
        body = {
            ("POST", "/api/admin/login"): {},
            ("POST", "/api/admin/accounts/password"): {"token": "0" * 64, "password": "x"},
            ("POST", "/api/admin/questions"): dict(NEW_Q, title="svc-roles new " + secrets.token_hex(3)),
            ("PUT", "/api/admin/questions/:id"): dict(NEW_Q, title="svc-roles edited"),
            ("POST", "/api/admin/questions/check"): {},
            ("POST", "/api/admin/questions/:id/check"): {"language": "nope", "code": ""},
            ("POST", "/api/admin/signature"): {},
            ("POST", "/api/admin/candidates"): {"name": "svc roles new", "question_ids": [BANK[0]["uuid"]]},
            ("PUT", "/api/admin/candidates/:id"): {"name": "svc roles renamed"},
            ("POST", "/api/admin/candidates/:id/notes"): {"text": "route table note", "rating": "mixed"},
            ("POST", "/api/admin/accounts"): {"username": "svc-new-" + secrets.token_hex(4), "role": "reviewer"},
            ("POST", "/api/admin/jobs"): {"title": "svc roles new job " + secrets.token_hex(3)},
            ("PUT", "/api/admin/jobs/:id"): {"title": "svc roles job renamed"},
            ("POST", "/api/admin/jobs/:id/tests"): {"title": "svc roles new test",
                                                   "questions": [BANK[0]["uuid"]]},
            ("PUT", "/api/admin/tests/:id"): {"title": "svc roles test renamed"},
            ("POST", "/api/admin/tests/:id/invitations"): {"name": "svc roles invitee",
                                                          "email": "inv-%s@example.org" % secrets.token_hex(3)},
            ("PUT", "/api/admin/accounts/:id"): {"name": "renamed victim"},
        }.get((method, pattern))
        if method in ("POST", "PUT") and body is None:
            body = {}
        return path, body

    def _token(self, who, method, pattern):
        if who == "none":
            return None
        if who == "disabled":
            return self.off["token"]
        acct = {"reviewer": self.rev, "recruiter": self.rec}.get(who)
        if (method, pattern) == ("POST", "/api/admin/logout"):
            # logging out ends the token: a fresh one, so the role's own token lives on
            r = login(*((acct["password"], acct["username"]) if acct else (ADMIN_PASSWORD, "admin")))
            self.assertOk(r)
            return r.json["token"]
        return acct["token"] if acct else ADMIN

    def _expect(self, r, who, rule, what):
        need = ROLE_LEVEL[rule]
        if need == 0:
            self.assertNotIn(r.status, (401, 403), what)
        elif who in ("none", "disabled"):
            self.assertError(r, 401, msg=what)
        elif ROLE_LEVEL[who] < need:
            self.assertError(r, 403, "forbidden", msg=what)
        else:
            self.assertNotIn(r.status, (401, 403), what)
            self.assertLess(r.status, 500, what)

    def test_a_every_admin_route_by_role(self):
        routes = admin_routes_in_source()
        self.assertGreater(len(routes), 25)
        missing = [r for r in routes if tuple(r) not in ROLE_RULES]
        self.assertEqual(missing, [], "routes of routes.c without a rule in ROLE_RULES")
        stale = [r for r in ROLE_RULES if r not in {tuple(x) for x in routes}]
        self.assertEqual(stale, [], "rules for routes routes.c does not have")
        objs = self._objects()
        # the callers without rights first, and nothing they send may change anything
        before = self._state()
        for method, pattern in routes:
            path, body = self._request(method, pattern, objs)
            for who in ("none", "disabled", "reviewer"):
                if who == "reviewer" and ROLE_LEVEL[ROLE_RULES[(method, pattern)]] <= 1:
                    continue
                r = call(method, path, body, token=self._token(who, method, pattern))
                self._expect(r, who, ROLE_RULES[(method, pattern)], "%s %s as %s" % (method, path, who))
        self.assertEqual(self._state(), before, "a refused call changed something")
        # then everyone with the right (a recruiter's delete may leave the owner a 404), the
        # deletes last: a reviewer asking for a deleted candidate is refused as for any other
        for method, pattern in sorted(routes, key=lambda route: route[0] == "DELETE"):
            path, body = self._request(method, pattern, objs)
            for who in ("reviewer", "recruiter", "owner"):
                if ROLE_LEVEL[who] < ROLE_LEVEL[ROLE_RULES[(method, pattern)]]:
                    continue
                r = call(method, path, body, token=self._token(who, method, pattern))
                self._expect(r, who, ROLE_RULES[(method, pattern)], "%s %s as %s" % (method, path, who))

    def test_b_me(self):
        for acct, role in ((self.rev, "reviewer"), (self.rec, "recruiter")):
            r = call("GET", "/api/admin/me", token=acct["token"])
            self.assertOk(r)
            self.assertEqual((r.json["id"], r.json["username"], r.json["role"]), (acct["id"], acct["username"], role))
        r = admin("GET", "/api/admin/me")
        self.assertOk(r)
        self.assertEqual((r.json["username"], r.json["role"]), ("admin", "owner"))

    def test_c_create_checks(self):
        r = admin("POST", "/api/admin/accounts", {"username": self.rev["username"], "role": "reviewer"})
        self.assertError(r, 409, "username_taken")
        for bad in ({"username": "x y", "role": "reviewer"}, {"username": "ok", "role": "admin"},
                    {"username": "ok"}, {"role": "owner"}, {"username": "ok", "role": "owner", "extra": 1}):
            self.assertError(admin("POST", "/api/admin/accounts", bad), 400, msg=repr(bad))
        lst = admin("GET", "/api/admin/accounts")
        self.assertOk(lst)
        by_name = {a["username"]: a for a in lst.json["accounts"]}
        self.assertEqual(by_name["admin"]["role"], "owner")
        self.assertEqual(by_name[self.rec["username"]]["role"], "recruiter")
        self.assertTrue(by_name[self.off["username"]]["disabled"])
        self.assertNotIn("password_hash", json.dumps(lst.json))
        # an invited account without a password cannot log in
        r = admin("POST", "/api/admin/accounts", {"username": "svc-pending-" + secrets.token_hex(3), "role": "reviewer"})
        self.assertOk(r, 201)
        self.assertFalse(r.json["account"]["has_password"])
        self.assertError(login("", r.json["account"]["username"]), 401)
        # the password rules: not empty
        self.assertClientError(call("POST", "/api/admin/accounts/password", {"token": link_token(r), "password": ""}))

    def test_d_disable_kills_the_live_token(self):
        a = make_account("recruiter", "off")
        self.assertOk(call("GET", "/api/admin/questions", token=a["token"]))
        self.assertOk(admin("PUT", "/api/admin/accounts/%d" % a["id"], {"disabled": True}))
        self.assertError(call("GET", "/api/admin/questions", token=a["token"]), 401)
        self.assertError(call("GET", "/api/admin/me", token=a["token"]), 401)
        # its login fails as a wrong password does
        wrong = login("wrong-" + a["password"], a["username"])
        dis = login(a["password"], a["username"])
        self.assertError(dis, 401, "invalid_credentials")
        self.assertEqual(dis.json["error"], wrong.json["error"])
        # enabled again: the old token stays dead, a login works
        self.assertOk(admin("PUT", "/api/admin/accounts/%d" % a["id"], {"disabled": False}))
        self.assertError(call("GET", "/api/admin/me", token=a["token"]), 401)
        self.assertOk(login(a["password"], a["username"]))

    def test_e_reset_link_works_once(self):
        a = make_account("reviewer", "reset")
        r1 = admin("POST", "/api/admin/accounts/%d/reset" % a["id"])
        self.assertOk(r1)
        self.assertEqual(r1.json["link_kind"], "reset")
        r2 = admin("POST", "/api/admin/accounts/%d/reset" % a["id"])
        self.assertOk(r2)
        # until the link is used the password and the sessions stay
        self.assertOk(call("GET", "/api/admin/me", token=a["token"]))
        self.assertOk(login(a["password"], a["username"]))
        # the older link died with the newer one
        self.assertError(call("POST", "/api/admin/accounts/password",
                              {"token": link_token(r1), "password": "new-pw-1"}), 404, "invalid_link")
        new = "pw-" + secrets.token_urlsafe(12)
        r = call("POST", "/api/admin/accounts/password", {"token": link_token(r2), "password": new})
        self.assertOk(r)
        self.assertEqual(r.json["username"], a["username"])
        self.assertError(call("POST", "/api/admin/accounts/password",
                              {"token": link_token(r2), "password": "again"}), 404, "invalid_link")
        self.assertError(call("GET", "/api/admin/me", token=a["token"]), 401)
        self.assertError(login(a["password"], a["username"]), 401)
        self.assertOk(login(new, a["username"]))
        self.assertError(admin("POST", "/api/admin/accounts/999999/reset"), 404)

    def test_f_last_owner_stays(self):
        me = admin("GET", "/api/admin/me").json["id"]
        # the suite's other owners are disabled or demoted by now; make sure of it
        for acc in admin("GET", "/api/admin/accounts").json["accounts"]:
            if acc["role"] == "owner" and not acc["disabled"] and acc["id"] != me:
                self.assertOk(admin("PUT", "/api/admin/accounts/%d" % acc["id"], {"disabled": True}))
        self.assertError(admin("PUT", "/api/admin/accounts/%d" % me, {"role": "recruiter"}), 409, "last_owner")
        self.assertError(admin("PUT", "/api/admin/accounts/%d" % me, {"disabled": True}), 409, "last_owner")
        self.assertEqual(admin("GET", "/api/admin/me").json["role"], "owner")
        # with a second owner, that one may step down
        o2 = make_account("owner", "owner2")
        r = call("PUT", "/api/admin/accounts/%d" % o2["id"], {"role": "recruiter"}, token=o2["token"])
        self.assertOk(r)
        self.assertEqual(r.json["account"]["role"], "recruiter")
        self.assertError(call("GET", "/api/admin/accounts", token=o2["token"]), 403, "forbidden")
        self.assertOk(call("GET", "/api/admin/questions", token=o2["token"]))
        self.assertError(admin("PUT", "/api/admin/accounts/%d" % me, {"role": "bogus"}), 400)
        self.assertError(admin("PUT", "/api/admin/accounts/abc", {"name": "x"}), 404)

    def test_g_audit_trail(self):
        rec = self.rec
        q = dict(NEW_Q, title="svc-audit " + secrets.token_hex(3))
        r = call("POST", "/api/admin/questions", q, token=rec["token"])
        self.assertOk(r, 201)
        qn = str(r.json["question"]["number"])
        self.assertOk(call("PUT", "/api/admin/questions/" + qn, dict(q, title=q["title"] + " v2"), token=rec["token"]))
        self.assertOk(call("DELETE", "/api/admin/questions/" + qn, token=rec["token"]))
        r = call("POST", "/api/admin/candidates", {"name": "svc audit cand", "question_ids": [BANK[0]["uuid"]]},
                 token=rec["token"])
        self.assertOk(r, 201)
        cid = r.json["candidate"]["candidate_id"]
        self.assertOk(call("PUT", "/api/admin/candidates/" + cid, {"name": "svc audit renamed"}, token=rec["token"]))
        self.assertOk(call("POST", "/api/admin/candidates/%s/invite" % cid, token=rec["token"]))
        self.assertOk(call("DELETE", "/api/admin/candidates/" + cid, token=rec["token"]))
        acct = make_account("reviewer", "audited")
        self.assertOk(admin("PUT", "/api/admin/accounts/%d" % acct["id"], {"role": "recruiter"}))

        for t in (rec["token"], self.rev["token"]):
            self.assertError(call("GET", "/api/admin/audit", token=t), 403, "forbidden")
        r = admin("GET", "/api/admin/audit?limit=200")
        self.assertOk(r)
        entries = r.json["entries"]
        ids = [e["id"] for e in entries]
        self.assertEqual(ids, sorted(ids, reverse=True), "newest first")
        seen = {(e["action"], e["object_kind"], e["object_id"], e["username"]) for e in entries}
        want = [("question.create", "question", qn, rec["username"]),
                ("question.update", "question", qn, rec["username"]),
                ("question.delete", "question", qn, rec["username"]),
                ("candidate.invite", "candidate", cid, rec["username"]),
                ("candidate.update", "candidate", cid, rec["username"]),
                ("candidate.reinvite", "candidate", cid, rec["username"]),
                ("candidate.delete", "candidate", cid, rec["username"]),
                ("account.create", "account", str(acct["id"]), "admin"),
                ("account.password", "account", str(acct["id"]), acct["username"]),
                ("account.update", "account", str(acct["id"]), "admin")]
        for w in want:
            self.assertIn(w, seen)
        create = [e for e in entries if e["action"] == "question.create" and e["object_id"] == qn][0]
        self.assertEqual(create["detail"], {"title": q["title"]})
        upd = [e for e in entries if e["action"] == "account.update" and e["object_id"] == str(acct["id"])][0]
        self.assertEqual(upd["detail"], {"role": "recruiter"})
        # in pages: limit and before walk the same entries
        walked, before = [], None
        for _ in range(5):
            p = admin("GET", "/api/admin/audit?limit=3" + ("&before=%d" % before if before else ""))
            self.assertOk(p)
            self.assertLessEqual(len(p.json["entries"]), 3)
            walked += [e["id"] for e in p.json["entries"]]
            before = p.json["next_before"]
            if before is None:
                break
        self.assertEqual(walked, ids[:len(walked)])
        self.assertError(admin("GET", "/api/admin/audit?limit=0"), 400)
        self.assertError(admin("GET", "/api/admin/audit?before=x"), 400)

    def test_h_notes_and_ratings(self):
        cid = assigned_candidate(self.rev, "svc notes cand")[0]
        notes = [(self.rev, "Clean code, good tests.", "strong_yes"),
                 (self.rec, "Slow on the second question.\nWould ask about it.", "no"),
                 (None, "Owner's remark", None)]
        for acct, text, rating in notes:
            body = {"text": text}
            if rating:
                body["rating"] = rating
            r = call("POST", "/api/admin/candidates/%s/notes" % cid, body, token=acct["token"] if acct else ADMIN)
            self.assertOk(r, 201)
            self.assertEqual((r.json["note"]["text"], r.json["note"]["rating"]), (text, rating))
        for bad in ({"text": ""}, {"text": "  \n"}, {"text": "x", "rating": "great"}, {"rating": "yes"},
                    {"text": "x", "rating": 3}, {"text": "x" * 10001}):
            self.assertClientError(call("POST", "/api/admin/candidates/%s/notes" % cid, bad, token=self.rev["token"]),
                                   repr(bad)[:60])
        self.assertError(admin("POST", "/api/admin/candidates/%s/notes" % uuid.uuid4(), {"text": "x"}), 404)
        # a reviewer learns nothing of a candidate outside their jobs, there or not
        self.assertError(call("POST", "/api/admin/candidates/%s/notes" % uuid.uuid4(), {"text": "x"},
                              token=self.rev["token"]), 403)
        d = call("GET", "/api/admin/candidates/" + cid, token=self.rev["token"])
        self.assertOk(d)
        got = [(n["author"], n["text"], n["rating"]) for n in d.json["candidate"]["notes"]]
        self.assertEqual(got, [(self.rev["username"], notes[0][1], "strong_yes"),
                               (self.rec["username"], notes[1][1], "no"),
                               ("admin", notes[2][1], None)])
        self.assertTrue(all(n["created_at"] for n in d.json["candidate"]["notes"]))
        lst = call("GET", "/api/admin/candidates/%s/notes" % cid, token=self.rev["token"])
        self.assertOk(lst)
        self.assertEqual([n["text"] for n in lst.json["notes"]], [n[1] for n in notes])
        rep = call("GET", "/api/admin/candidates/%s/report" % cid, token=self.rev["token"])
        self.assertEqual(rep.status, 200, rep)
        self.assertIn("Clean code, good tests.", rep.text)
        self.assertIn("Strong yes", rep.text)
        self.assertIn(self.rec["username"], rep.text)
        self.assertIn("Owner&#39;s remark", rep.text)
# ---------------------------------------------------------------- jobs and tests (issue 12)

def csv_rows(n, prefix):
    return "name,email\n" + "".join("Cand %s %d,%s.%d@example.org\n" % (prefix, i, prefix, i) for i in range(n))


class T26Tests(Base):
    """Jobs, reusable tests with versions, invitations (one, bulk CSV, duplicates, window),
    allowed languages, the pipeline and its CSV, the old API's one-off tests, archive."""

    @classmethod
    def setUpClass(cls):
        cls.q1, cls.q2, cls.q3 = (BY_SLUG[s] for s in ("01-sensor-summary", "02-bracket-inspector", "03-top-words"))

    def job(self, title="svc job"):
        r = admin("POST", "/api/admin/jobs", {"title": title + " " + secrets.token_hex(3)})
        self.assertOk(r, 201)
        return r.json["job"]["id"]

    def new_test(self, job, questions, **more):
        body = dict({"title": "svc test " + secrets.token_hex(3), "questions": questions}, **more)
        r = admin("POST", "/api/admin/jobs/%d/tests" % job, body)
        self.assertOk(r, 201)
        return r.json["test"]

    def invite(self, test_id, name, email):
        r = admin("POST", "/api/admin/tests/%d/invitations" % test_id, {"name": name, "email": email})
        self.assertOk(r, 201)
        return r.json["candidate"]["candidate_id"], r.json["invite_token"], r.json

    def test_a_job_crud(self):
        r = admin("POST", "/api/admin/jobs", {"title": "svc Backend", "description": "APIs",
                                              "members": [{"admin_id": 1, "role": "recruiter"}]})
        self.assertOk(r, 201)
        j = r.json["job"]
        self.assertEqual((j["title"], j["description"], j["tests"], j["candidate_count"]), ("svc Backend", "APIs", [], 0))
        self.assertEqual([(m["username"], m["role"]) for m in j["members"]], [("admin", "recruiter")])
        self.assertIn(j["id"], [x["id"] for x in admin("GET", "/api/admin/jobs").json["jobs"]])
        r = admin("PUT", "/api/admin/jobs/%d" % j["id"], {"title": "svc Backend 2",
                                                          "members": [{"admin_id": 1, "role": "reviewer"}]})
        self.assertOk(r)
        self.assertEqual((r.json["job"]["title"], r.json["job"]["description"]), ("svc Backend 2", "APIs"))
        self.assertEqual([m["role"] for m in r.json["job"]["members"]], ["reviewer"])
        for body in ({"title": ""}, {"members": [{"admin_id": 1, "role": "boss"}]}, {"colour": "red"},
                     {"members": [{"admin_id": 999999, "role": "reviewer"}]},
                     {"members": [{"admin_id": 1, "role": "reviewer"}, {"admin_id": 1, "role": "recruiter"}]}):
            self.assertError(admin("PUT", "/api/admin/jobs/%d" % j["id"], body), 400, msg=repr(body))
        self.assertEqual(admin("GET", "/api/admin/jobs/%d" % j["id"]).json["job"]["title"], "svc Backend 2")
        self.assertError(admin("POST", "/api/admin/jobs", {"description": "no title"}), 400)
        # a job nobody was invited to is deleted; one with candidates is archived
        r = admin("DELETE", "/api/admin/jobs/%d" % j["id"])
        self.assertOk(r)
        self.assertTrue(r.json["deleted"])
        self.assertError(admin("GET", "/api/admin/jobs/%d" % j["id"]), 404)
        job = self.job()
        t = self.new_test(job, [self.q1["uuid"]])
        self.invite(t["id"], "Kept", "kept@example.org")
        r = admin("DELETE", "/api/admin/jobs/%d" % job)
        self.assertTrue(r.json["archived"], r)
        self.assertNotIn(job, [x["id"] for x in admin("GET", "/api/admin/jobs").json["jobs"]])
        self.assertIn(job, [x["id"] for x in admin("GET", "/api/admin/jobs?archived=true").json["jobs"]])
        self.assertEqual(admin("GET", "/api/admin/jobs/%d/candidates" % job).json["total"], 1)

    def test_b_test_crud_and_versions(self):
        job = self.job()
        t = self.new_test(job, [{"id": self.q1["uuid"], "points": 10}, self.q2["number"]],
                          duration_minutes=40, instructions="Read carefully.")
        cur = t["current"]
        self.assertEqual((cur["version"], cur["duration_minutes"], cur["instructions"], cur["languages"]),
                         (1, 40, "Read carefully.", LANG_IDS))
        self.assertEqual([(q["id"], q["points"]) for q in cur["questions"]],
                         [(self.q1["uuid"], 10), (self.q2["uuid"], None)])
        for body in ({"title": "x"}, {"title": "x", "questions": []}, {"title": "x", "questions": [999999]},
                     {"title": "x", "questions": [self.q1["uuid"], self.q1["number"]]},
                     {"title": "x", "questions": [1], "languages": ["cobol"]},
                     {"title": "x", "questions": [1], "duration_minutes": 0},
                     {"title": "x", "questions": [{"id": 1, "points": -1}]},
                     {"title": "x", "questions": [1], "window_from": "someday"},
                     {"title": "x", "questions": [1], "window_from": "2030-01-02T00:00:00Z",
                      "window_until": "2030-01-01T00:00:00Z"}):
            self.assertClientError(admin("POST", "/api/admin/jobs/%d/tests" % job, body), repr(body))
        self.assertEqual(len(admin("GET", "/api/admin/jobs/%d/tests" % job).json["tests"]), 1)

        a, a_inv, _ = self.invite(t["id"], "A", "a@example.org")
        b, _, _ = self.invite(t["id"], "B", "b@example.org")
        # nobody started: the edit changes version 1, and A and B with it
        r = admin("PUT", "/api/admin/tests/%d" % t["id"], {"duration_minutes": 50})
        self.assertOk(r)
        self.assertFalse(r.json["new_version"])
        self.assertEqual(admin("GET", "/api/admin/candidates/" + b).json["candidate"]["test_duration_minutes"], 50)
        # A starts; the next edit makes version 2; A and B keep version 1
        start_session(a_inv)
        r = admin("PUT", "/api/admin/tests/%d" % t["id"], {"title": "svc test v2", "questions": [self.q3["uuid"]]})
        self.assertOk(r)
        self.assertTrue(r.json["new_version"])
        got = admin("GET", "/api/admin/tests/%d" % t["id"]).json["test"]
        self.assertEqual((got["title"], got["current"]["version"], got["current"]["duration_minutes"]),
                         ("svc test v2", 2, 50))
        self.assertEqual([q["id"] for q in got["current"]["questions"]], [self.q3["uuid"]])
        self.assertEqual([(v["version"], v["candidates"], v["started"]) for v in got["versions"]],
                         [(1, 2, 1), (2, 0, 0)])
        old = [self.q1["uuid"], self.q2["uuid"]]
        self.assertEqual(admin("GET", "/api/admin/candidates/" + a).json["candidate"]["question_ids"], old)
        self.assertEqual(admin("GET", "/api/admin/candidates/" + b).json["candidate"]["question_ids"], old)
        c, _, _ = self.invite(t["id"], "C", "c@example.org")
        self.assertEqual(admin("GET", "/api/admin/candidates/" + c).json["candidate"]["question_ids"],
                         [self.q3["uuid"]])
        # a second edit while nobody has started version 2 changes it in place
        r = admin("PUT", "/api/admin/tests/%d" % t["id"], {"instructions": "v2 notes"})
        self.assertFalse(r.json["new_version"])
        self.assertEqual(admin("GET", "/api/admin/tests/%d" % t["id"]).json["test"]["current"]["version"], 2)
        self.assertError(admin("GET", "/api/admin/tests/999999"), 404)
        self.assertError(admin("PUT", "/api/admin/tests/%d" % t["id"], {"languages": []}), 400)

    def test_c_bulk_invite(self):
        job = self.job("svc bulk")
        t = self.new_test(job, [self.q1["uuid"]])
        t0 = time.time()
        r = admin("POST", "/api/admin/tests/%d/invitations" % t["id"], {"csv": csv_rows(200, "bulk")})
        took = time.time() - t0
        NOTES.append("bulk invitation of 200 candidates from CSV: %.2f s in one request" % took)
        self.assertOk(r)
        self.assertEqual((r.json["created"], r.json["already_invited"], r.json["invalid"]), (200, 0, 0))
        self.assertLess(took, 5.0)
        rows = r.json["rows"]
        self.assertEqual([x["row"] for x in rows], list(range(1, 201)))
        self.assertTrue(all(x["status"] == "created" and "/test/?invite=" in x["invite_url"]
                            and HEX64.match(x["invite_token"]) for x in rows))
        self.assertEqual(len({x["candidate_id"] for x in rows}), 200)
        # the same e-mails again (any case), a repeat inside the file, bad rows, one new: as text/csv
        text = ("name,email\nCand bulk 0,BULK.0@example.org\nNew One,new.one@example.org\n"
                "Again,new.one@example.org\n,noname@example.org\nNo Mail,not-an-address\n"
                "Three,a@example.org,extra\n\"Quoted, Name\",quoted@example.org\n")
        r = admin("POST", "/api/admin/tests/%d/invitations" % t["id"], text, ctype="text/csv")
        self.assertOk(r)
        got = [(x["row"], x["status"]) for x in r.json["rows"]]
        self.assertEqual(got, [(1, "already_invited"), (2, "created"), (3, "already_invited"), (4, "invalid"),
                               (5, "invalid"), (6, "invalid"), (7, "created")])
        self.assertEqual(r.json["rows"][6]["name"], "Quoted, Name")
        self.assertTrue(all(x.get("reason") for x in r.json["rows"] if x["status"] != "created"))
        self.assertEqual(admin("GET", "/api/admin/jobs/%d/candidates?per_page=1" % job).json["total"], 202)
        # one at a time: a duplicate is a 409 and creates nothing
        self.assertError(admin("POST", "/api/admin/tests/%d/invitations" % t["id"],
                               {"name": "x", "email": "bulk.5@example.org"}), 409, "already_invited")
        self.assertError(admin("POST", "/api/admin/tests/%d/invitations" % t["id"],
                               {"name": "x", "email": "nope"}), 400)
        self.assertEqual(admin("GET", "/api/admin/jobs/%d/candidates?per_page=1" % job).json["total"], 202)
        r = admin("POST", "/api/admin/tests/%d/invitations" % t["id"], {"csv": csv_rows(1001, "big")})
        self.assertError(r, 413, "too_many_rows")

    def test_d_window(self):
        job = self.job()
        t = self.new_test(job, [self.q1["uuid"]], window_from="2999-01-01T00:00:00Z")
        _, inv, _ = self.invite(t["id"], "Early", "early@example.org")
        self.assertError(call("POST", "/api/test-session", {"invite_token": inv}), 403, "test_not_open")
        self.assertOk(admin("PUT", "/api/admin/tests/%d" % t["id"],
                            {"window_from": None, "window_until": "2000-01-01T00:00:00Z"}))
        self.assertError(call("POST", "/api/test-session", {"invite_token": inv}), 410, "test_closed")
        r = admin("GET", "/api/admin/jobs/%d/candidates?status=expired" % job)
        self.assertEqual(r.json["total"], 1)
        self.assertOk(admin("PUT", "/api/admin/tests/%d" % t["id"], {"window_until": None}))
        tok, body = start_session(inv)
        self.assertTrue(tok)

    def test_e_languages(self):
        job = self.job()
        t = self.new_test(job, [self.q1["uuid"]], languages=["python"], instructions="Python only.")
        _, inv, _ = self.invite(t["id"], "Py", "py@example.org")
        r = call("POST", "/api/invitation", {"invite_token": inv})
        self.assertEqual(r.json["invitation"]["test"]["languages"], ["python"])
        tok, body = start_session(inv)
        self.assertEqual((body["test"]["languages"], body["test"]["instructions"]), (["python"], "Python only."))
        r = proxy(tok, self.q1["uuid"], "c", "int main(void) { return 0; }")
        self.assertError(r, 400, "language_not_allowed")
        r = proxy(tok, self.q1["uuid"], "python", self.q1["solutions"]["python"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["status"], "accepted", r)

    def test_e_instructions_and_languages_before_and_after_the_start(self):
        job = self.job()
        text = "## Rules\n\nUse **Python** or C. <b>not html</b>"
        t = self.new_test(job, [self.q1["uuid"]], languages=["python", "c"], instructions=text)
        cid, inv, _ = self.invite(t["id"], "Two", "two@example.org")
        # the preview, read before the start, carries the title, the instructions and the languages
        r = call("POST", "/api/invitation", {"invite_token": inv})
        self.assertOk(r)
        self.assertIsNone(r.json["invitation"]["session_status"])
        got = r.json["invitation"]["test"]
        self.assertEqual((got["title"], got["instructions"], got["languages"]), (t["title"], text, ["python", "c"]))
        tok, body = start_session(inv)
        self.assertEqual((body["test"]["instructions"], body["test"]["languages"]), (text, ["python", "c"]))
        # a reload resumes through GET /api/test-session/:id and the preview: both still say so
        r = call("GET", "/api/test-session/" + cid, token=tok)
        self.assertOk(r)
        self.assertEqual(r.json["session"]["status"], "active")
        self.assertEqual((r.json["test"]["instructions"], r.json["test"]["languages"]), (text, ["python", "c"]))
        r = call("POST", "/api/invitation", {"invite_token": inv})
        self.assertEqual((r.json["invitation"]["session_status"], r.json["invitation"]["test"]["languages"]),
                         ("active", ["python", "c"]))
        # a disallowed language is refused for a run and for a submit, waiting or not
        java = "public class Main { public static void main(String[] a) { } }"
        for mode in ("run", "submit"):
            self.assertError(proxy(tok, self.q1["uuid"], "java", java, mode=mode), 400, "language_not_allowed")
            r = call("POST", "/proxy/execute?wait=false", {"language": "java", "code": java,
                                                           "question_id": self.q1["uuid"], "mode": mode}, token=tok)
            self.assertError(r, 400, "language_not_allowed")
        self.assertEqual(psql("SELECT count(*) FROM interview_coding WHERE candidate_id = '%s'" % cid), "0")
        r = proxy(tok, self.q1["uuid"], "python", self.q1["solutions"]["python"], mode="submit")
        self.assertEqual((r.status, r.json["status"]), (200, "accepted"), r)

    def test_e_all_languages_for_the_old_invitations(self):
        everything = [l["id"] for l in call("GET", "/api/languages").json["languages"]]
        self.assertEqual(sorted(everything), sorted(["python", "java", "cpp", "c", "javascript", "csharp"]))
        # the old API: a one-off test of all languages and no instructions
        cid, inv, _ = new_candidate([self.q1["uuid"]], name="svc old way " + secrets.token_hex(3))
        got = call("POST", "/api/invitation", {"invite_token": inv}).json["invitation"]["test"]
        self.assertEqual((got["instructions"], sorted(got["languages"])), ("", sorted(everything)))
        # a candidate invited before tests existed has no test at all
        cid, inv, _ = new_candidate([self.q1["uuid"]], name="svc before tests " + secrets.token_hex(3))
        psql("UPDATE candidate SET test_version_id = NULL WHERE candidate_id = '%s'" % cid)
        got = call("POST", "/api/invitation", {"invite_token": inv}).json["invitation"]["test"]
        self.assertEqual((got["title"], got["instructions"], sorted(got["languages"])), (None, "", sorted(everything)))
        tok, body = start_session(inv)
        self.assertEqual(sorted(body["test"]["languages"]), sorted(everything))
        r = call("GET", "/api/test-session/" + cid, token=tok)
        self.assertEqual(sorted(r.json["test"]["languages"]), sorted(everything))
        r = proxy(tok, self.q1["uuid"], "c", "int main(void) { return 0; }")
        self.assertEqual(r.status, 200, r)

    def test_f_pipeline_and_csv(self):
        job = self.job("svc pipeline")
        t = self.new_test(job, [{"id": self.q1["uuid"], "points": 50}, {"id": self.q2["uuid"], "points": 50}])
        cands = {}
        for name in ("Carol", "alice", "Bob"):
            cands[name] = self.invite(t["id"], name, name.lower() + "@example.org")
        # Bob solves the first question; Alice starts and submits nothing
        tok, _ = start_session(cands["Bob"][1])
        r = proxy(tok, self.q1["uuid"], "python", self.q1["solutions"]["python"], mode="submit")
        self.assertEqual(r.json["status"], "accepted", r)
        start_session(cands["alice"][1])
        base = "/api/admin/jobs/%d/candidates" % job
        r = admin("GET", base)
        self.assertOk(r)
        self.assertEqual(r.json["total"], 3)
        bob = [c for c in r.json["candidates"] if c["name"] == "Bob"][0]
        self.assertEqual((bob["status"], bob["total"], bob["max_total"], bob["ratings"]), ("started", 50, 100, []))
        self.assertEqual([(s["question_id"], s["score"], s["max_score"]) for s in bob["scores"]],
                         [(self.q1["uuid"], 50, 50), (self.q2["uuid"], 0, 50)])
        names = lambda q: [c["name"] for c in admin("GET", base + q).json["candidates"]]
        self.assertEqual(names("?sort=name"), ["alice", "Bob", "Carol"])
        self.assertEqual(names("?sort=name&order=desc"), ["Carol", "Bob", "alice"])
        self.assertEqual(names("?sort=score&order=desc")[0], "Bob")
        self.assertEqual(names("?status=started&sort=name"), ["alice", "Bob"])
        self.assertEqual(names("?status=invited"), ["Carol"])
        self.assertEqual(names("?min_score=10"), ["Bob"])
        self.assertEqual(names("?max_score=10&sort=name"), ["alice", "Carol"])
        self.assertEqual(names("?test=%d&sort=name&per_page=2&page=2" % t["id"]), ["Carol"])
        r = admin("GET", base + "?sort=name&per_page=2")
        self.assertEqual((r.json["total"], r.json["page"], r.json["per_page"], len(r.json["candidates"])), (3, 1, 2, 2))
        for q in ("?status=lost", "?sort=height", "?min_score=abc", "?page=0", "?per_page=100000", "?test=x"):
            self.assertError(admin("GET", base + q), 400, msg=q)
        # the CSV: a column per question, the total, the ratings
        r = admin("GET", "/api/admin/jobs/%d/export.csv" % job)
        self.assertEqual(r.status, 200, r)
        self.assertIn("text/csv", r.headers["content-type"])
        rows = list(csv.reader(io.StringIO(r.body.decode())))
        self.assertEqual(rows[0], ["name", "email", "test", "version", "status", "invited_at", "started_at",
                                   "completed_at", "Q%d %s" % (self.q1["number"], self.q1["title"]),
                                   "Q%d %s" % (self.q2["number"], self.q2["title"]), "total", "max_total", "ratings"])
        by_name = {row[0]: row for row in rows[1:]}
        self.assertEqual(sorted(by_name), ["Bob", "Carol", "alice"])
        self.assertEqual(by_name["Bob"][8:], ["50", "0", "50", "100", ""])
        # the ratings: each author's latest, in the list and the CSV; a note without one adds none
        rev = make_account("reviewer", "rater")
        self.assertOk(admin("PUT", "/api/admin/jobs/%d" % job,
                            {"members": [{"admin_id": rev["id"], "role": "reviewer"}]}))
        bob_id = cands["Bob"][0]
        for token, rating in ((ADMIN, "strong_yes"), (rev["token"], "no"), (rev["token"], "mixed")):
            self.assertOk(call("POST", "/api/admin/candidates/%s/notes" % bob_id,
                               {"text": "rated " + rating, "rating": rating}, token=token), 201)
        self.assertOk(call("POST", "/api/admin/candidates/%s/notes" % bob_id, {"text": "no rating"},
                           token=rev["token"]), 201)
        bob = [c for c in admin("GET", base).json["candidates"] if c["name"] == "Bob"][0]
        self.assertEqual([(x["author"], x["rating"], x["rating_label"]) for x in bob["ratings"]],
                         [("admin", "strong_yes", "Strong yes"), (rev["username"], "mixed", "Mixed")])
        rows = list(csv.reader(io.StringIO(admin("GET", "/api/admin/jobs/%d/export.csv" % job).body.decode())))
        by_name = {row[0]: row for row in rows[1:]}
        self.assertEqual(by_name["Bob"][-1], "admin: Strong yes; %s: Mixed" % rev["username"])
        self.assertEqual(by_name["Carol"][-1], "")
        # a formula in a name is defused
        self.invite(t["id"], "=HYPERLINK(1)", "formula@example.org")
        rows = list(csv.reader(io.StringIO(admin("GET", "/api/admin/jobs/%d/export.csv" % job).body.decode())))
        self.assertIn("'=HYPERLINK(1)", [row[0] for row in rows])

    def test_g_old_api_one_off(self):
        cid, _, body = new_candidate([self.q2["uuid"], self.q1["number"]], minutes=25, name="svc one-off")
        jobs = [j for j in admin("GET", "/api/admin/jobs").json["jobs"] if j["one_off"]]
        self.assertEqual(len(jobs), 1)
        job = jobs[0]
        tests = admin("GET", "/api/admin/jobs/%d/tests" % job["id"]).json["tests"]
        mine = [x for x in tests if x["title"] == "One-off: svc one-off"]
        self.assertEqual(len(mine), 1)
        t = admin("GET", "/api/admin/tests/%d" % mine[0]["id"]).json["test"]
        self.assertEqual((t["current"]["version"], t["current"]["duration_minutes"]), (1, 25))
        self.assertEqual([q["id"] for q in t["current"]["questions"]], [self.q2["uuid"], self.q1["uuid"]])
        r = admin("GET", "/api/admin/jobs/%d/candidates?test=%d" % (job["id"], t["id"]))
        self.assertEqual([c["candidate_id"] for c in r.json["candidates"]], [cid])
        # a second one-off candidate goes to the same job
        new_candidate([self.q1["uuid"]], name="svc one-off 2")
        self.assertEqual(len([j for j in admin("GET", "/api/admin/jobs").json["jobs"] if j["one_off"]]), 1)

    def test_h_archive_and_usage(self):
        r = admin("POST", "/api/admin/questions", dict(NEW_Q, title="svc-test archived sum"))
        self.assertOk(r, 201)
        q = r.json["question"]
        self.assertEqual(q["created_by"], 1)
        job = self.job()
        t = self.new_test(job, [q["id"]])
        cid, inv, _ = self.invite(t["id"], "Arch", "arch@example.org")
        tok, _ = start_session(inv)
        r = admin("DELETE", "/api/admin/questions/" + q["id"])
        self.assertOk(r)
        self.assertTrue(r.json["archived"])
        self.assertNotIn(q["id"], [x["id"] for x in admin("GET", "/api/admin/questions").json["questions"]])
        self.assertIn(q["id"], [x["id"] for x in admin("GET", "/api/admin/questions?archived=true").json["questions"]])
        # refused for a new test and for a candidate of the old API; kept in its test
        r = admin("POST", "/api/admin/jobs/%d/tests" % job, {"title": "x", "questions": [q["id"]]})
        self.assertError(r, 409, "question_archived")
        r = admin("POST", "/api/admin/candidates", {"name": "x", "question_ids": [q["id"]]})
        self.assertError(r, 409, "question_archived")
        self.assertOk(admin("PUT", "/api/admin/tests/%d" % t["id"], {"questions": [q["id"], self.q1["uuid"]]}))
        # the candidate who has it is still judged on it
        code = "a, b = map(int, input().split())\nprint(a + b)\n"
        r = proxy(tok, q["id"], "python", code, mode="submit")
        self.assertEqual((r.status, r.json["status"]), (200, "accepted"), r)
        u = admin("GET", "/api/admin/questions/%s/usage" % q["id"])
        self.assertOk(u)
        u = u.json["usage"]
        self.assertEqual([x["test_id"] for x in u["tests"]], [t["id"]])
        self.assertEqual(u["tests"][0]["versions"], [1, 2])
        self.assertEqual((u["attempts"], u["solved"], u["solved_share"], u["average_score"]), (1, 1, 1, 4))
        self.assertIsNotNone(u["archived_at"])

    def test_j_question_without_tests_goes_into_no_test(self):
        r = admin("POST", "/api/admin/questions", dict(NEW_Q, title="svc-test no tests yet", test_cases=[]))
        self.assertOk(r, 201)
        q = r.json["question"]["id"]
        job = self.job()
        before = psql("SELECT count(*) FROM test")
        r = admin("POST", "/api/admin/jobs/%d/tests" % job, {"title": "x", "questions": [self.q1["uuid"], q]})
        self.assertError(r, 409, "question_has_no_tests")
        self.assertIn("questions[1]", r.json["error"]["message"])
        t = self.new_test(job, [self.q1["uuid"]])
        self.assertError(admin("PUT", "/api/admin/tests/%d" % t["id"], {"questions": [q]}), 409, "question_has_no_tests")
        r = admin("POST", "/api/admin/candidates", {"name": "x", "question_ids": [q]})
        self.assertError(r, 409, "question_has_no_tests")
        self.assertEqual(psql("SELECT count(*) FROM test"), str(int(before) + 1))
        # with a test case it goes in
        self.assertOk(admin("PUT", "/api/admin/questions/" + q, dict(NEW_Q, title="svc-test no tests yet")))
        self.assertOk(admin("PUT", "/api/admin/tests/%d" % t["id"], {"questions": [q]}))

    def test_k_candidates_list_sorts_filters_pages(self):
        job = self.job("svc list")
        t = self.new_test(job, [self.q1["uuid"]])
        tag = secrets.token_hex(3)
        ids = {}
        for name in ("Zed", "amy", "Bo"):
            ids[name] = self.invite(t["id"], "%s %s" % (name, tag), "%s-%s@example.org" % (name, tag))
        tok, _ = start_session(ids["Bo"][1])
        r = proxy(tok, self.q1["uuid"], "python", self.q1["solutions"]["python"], mode="submit")
        self.assertEqual(r.json["status"], "accepted", r)
        tok, _ = start_session(ids["amy"][1])
        now = int(time.time() * 1000)
        self.assertOk(call("PUT", "/api/test-session/%s/progress" % ids["amy"][0],
                           {"signals": [{"kind": "focus_lost", "t": now + i, "seconds": 1} for i in range(10)]},
                           token=tok))
        mine = lambda q: [c["name"].split()[0] for c in admin("GET", "/api/admin/candidates" + q).json["candidates"]
                          if c["name"].endswith(tag)]
        self.assertEqual(mine(""), ["Bo", "amy", "Zed"])
        self.assertEqual(mine("?sort=name"), ["amy", "Bo", "Zed"])
        self.assertEqual(mine("?sort=name&order=desc"), ["Zed", "Bo", "amy"])
        self.assertEqual(mine("?sort=score")[0], "Bo")
        self.assertEqual(mine("?sort=integrity")[0], "amy")
        self.assertEqual(admin("GET", "/api/admin/candidates?sort=integrity&per_page=1").json["candidates"][0]["name"],
                         "amy " + tag)
        self.assertEqual(mine("?status=invited"), ["Zed"])
        self.assertEqual(mine("?status=active&sort=name"), ["amy", "Bo"])
        self.assertEqual(mine("?sort=started_at&order=asc"), ["Bo", "amy", "Zed"])
        today = time.strftime("%Y-%m-%d", time.gmtime())
        tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86400))
        self.assertEqual(mine("?from=%s&until=%s" % (today, today)), ["Bo", "amy", "Zed"])
        self.assertEqual(admin("GET", "/api/admin/candidates?from=" + tomorrow).json["total"], 0)
        # pages: every candidate once
        total = admin("GET", "/api/admin/candidates").json["total"]
        seen = []
        for page in range(1, total // 7 + 2):
            r = admin("GET", "/api/admin/candidates?per_page=7&page=%d" % page)
            self.assertEqual((r.json["total"], r.json["page"], r.json["per_page"]), (total, page, 7))
            seen += [c["candidate_id"] for c in r.json["candidates"]]
        self.assertEqual(len(seen), total)
        self.assertEqual(len(set(seen)), total)
        # search: in the name or the e-mail, any case, the text as it is (no wildcards)
        self.assertEqual(mine("?q=" + tag.upper()), ["Bo", "amy", "Zed"])
        self.assertEqual(mine("?q=AMY%20" + tag), ["amy"])
        self.assertEqual(mine("?q=zed-" + tag + "%40example&sort=name"), ["Zed"])
        self.assertEqual(admin("GET", "/api/admin/candidates?q=%25" + tag).json["total"], 0)
        self.assertEqual(admin("GET", "/api/admin/candidates?q=_" + tag[1:]).json["total"], 0)
        for q in ("?status=gone", "?sort=age", "?order=up", "?from=2026-02-30", "?from=yesterday", "?until=2026-1-1",
                  "?page=0", "?per_page=1001", "?from=1969-12-31", "?q=" + "x" * 101, "?q=a%0Ab", "?q=%FF",
                  "?q=" + "y" * 600):
            self.assertError(admin("GET", "/api/admin/candidates" + q), 400, msg=q)

    def test_i_reviewer_reads_assigned_jobs_only(self):
        job = self.job("svc scoped")
        t = self.new_test(job, [self.q1["uuid"]])
        cid, inv, _ = self.invite(t["id"], "Scoped", "scoped@example.org")
        start_session(inv)
        rev = make_account("reviewer", "scoped")
        reads = ["/api/admin/jobs/%d" % job, "/api/admin/jobs/%d/tests" % job,
                 "/api/admin/jobs/%d/candidates" % job, "/api/admin/jobs/%d/export.csv" % job,
                 "/api/admin/tests/%d" % t["id"], "/api/admin/candidates/" + cid,
                 "/api/admin/candidates/%s/report" % cid, "/api/admin/candidates/%s/notes" % cid,
                 "/api/test-session/" + cid]
        listed = lambda: (
            [j["id"] for j in call("GET", "/api/admin/jobs", token=rev["token"]).json["jobs"]],
            [c["candidate_id"] for c in call("GET", "/api/admin/candidates", token=rev["token"]).json["candidates"]],
            call("GET", "/api/admin/export/scores.csv", token=rev["token"]).body.decode())
        # not assigned: every read is refused, the lists and the scores CSV leave the job out
        for path in reads:
            self.assertError(call("GET", path, token=rev["token"]), 403, "forbidden", msg=path)
        r = call("POST", "/api/admin/candidates/%s/notes" % cid, {"text": "sneaky", "rating": "no"}, token=rev["token"])
        self.assertError(r, 403, "forbidden")
        self.assertEqual(psql("SELECT count(*) FROM candidate_note WHERE body = 'sneaky'"), "0")
        jobs, cands, scores = listed()
        self.assertNotIn(job, jobs)
        self.assertNotIn(cid, cands)
        self.assertNotIn("scoped@example.org", scores)
        # an unknown or malformed id tells the reviewer no more than another job's
        for path in ("/api/admin/candidates/00000000-0000-4000-8000-000000000000", "/api/admin/candidates/x",
                     "/api/admin/tests/999999999", "/api/admin/jobs/999999999/export.csv"):
            self.assertClientError(call("GET", path, token=rev["token"]), msg=path)
        # the owner and a recruiter read it all
        rec = make_account("recruiter", "scoped")
        for path in reads:
            self.assertEqual(admin("GET", path).status, 200, path)
            self.assertEqual(call("GET", path, token=rec["token"]).status, 200, path)
        # assigned: the same reads answer, the lists hold the job and the candidate
        self.assertOk(admin("PUT", "/api/admin/jobs/%d" % job, {"members": [{"admin_id": rev["id"], "role": "reviewer"}]}))
        for path in reads:
            self.assertEqual(call("GET", path, token=rev["token"]).status, 200, path)
        jobs, cands, scores = listed()
        self.assertEqual(jobs, [job])
        self.assertEqual(cands, [cid])
        self.assertIn("scoped@example.org", scores)
        self.assertOk(call("POST", "/api/admin/candidates/%s/notes" % cid, {"text": "fine", "rating": "yes"},
                           token=rev["token"]), 201)


SIM_ORIGINAL = """import sys

def main():
    data = sys.stdin.read().split()
    k = int(data[0])
    counts = {}
    for word in data[1:]:
        word = word.lower().strip('.,;:!?')
        if not word:
            continue
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    for word, count in ranked[:k]:
        print(word, count)

if __name__ == '__main__':
    main()
"""

# the same, every name changed, comments and blank lines added
SIM_RENAMED = """# word counts
import sys


def solve():
    tokens = sys.stdin.read().split()   # everything
    top = int(tokens[0])
    freq = {}
    for w in tokens[1:]:
        w = w.lower().strip(".,;:!?-")
        if not w:
            continue
        freq[w] = freq.get(w, 0) + 1

    order = sorted(freq.items(), key=lambda p: (-p[1], p[0]))
    for w, c in order[:top]:
        print(w, c)

if __name__ == "__main__":
    solve()
"""

SIM_INDEPENDENT = """from collections import Counter
import re

first, *rest = open(0).read().split('\\n', 1)
n = int(first)
text = rest[0] if rest else ''
c = Counter(re.findall(r"[a-z']+", text.lower()))
best = sorted(c, key=lambda w: (-c[w], w))
print('\\n'.join('%s %d' % (w, c[w]) for w in best[:n]))
"""

SIM_REFERENCE = """import sys
from collections import defaultdict

lines = sys.stdin.read().split("\\n")
limit = int(lines[0].strip())
tally = defaultdict(int)
for line in lines[1:]:
    for piece in line.split():
        piece = piece.lower()
        tally[piece] += 1
pairs = list(tally.items())
pairs.sort(key=lambda kv: (-kv[1], kv[0]))
for key, value in pairs[:limit]:
    sys.stdout.write(key + " " + str(value) + "\\n")
"""


class T27Similarity(Base):
    """GET /api/admin/questions/:id/similarity: a renamed copy is flagged, independent work
    and the reference solution handed in twice are not; reviewers see their jobs only."""

    def test_a_copies_flagged(self):
        doc = dict(NEW_Q, title="svc-test similarity " + secrets.token_hex(3),
                   references=[{"name": "accepted/ref.py", "language": "python", "code": SIM_REFERENCE}])
        r = admin("POST", "/api/admin/questions", doc)
        self.assertOk(r, 201)
        qid = r.json["question"]["id"]
        rev = make_account("reviewer", "similar")
        r = admin("POST", "/api/admin/jobs", {"title": "svc similarity " + secrets.token_hex(3)})
        self.assertOk(r, 201)
        job = r.json["job"]["id"]
        r = admin("POST", "/api/admin/jobs/%d/tests" % job, {"title": "svc similarity", "questions": [qid]})
        self.assertOk(r, 201)
        test = r.json["test"]["id"]
        names = {}
        for who, code in (("Ann", SIM_ORIGINAL), ("Ben", SIM_RENAMED), ("Cy", SIM_INDEPENDENT),
                          ("Dee", SIM_REFERENCE), ("Eve", SIM_REFERENCE)):
            r = admin("POST", "/api/admin/tests/%d/invitations" % test,
                      {"name": who, "email": "%s-%s@example.org" % (who.lower(), secrets.token_hex(3))})
            self.assertOk(r, 201)
            names[r.json["candidate"]["candidate_id"]] = who
            tok, _ = start_session(r.json["invite_token"])
            # an earlier submission does not count: the last one is compared
            for c in ("print(1)\n", code):
                s = proxy(tok, qid, "python", c, mode="submit")
                self.assertEqual(s.status, 200, s)
        path = "/api/admin/questions/%s/similarity" % qid
        r = admin("GET", path)
        self.assertOk(r)
        self.assertEqual((r.json["submissions"], r.json["compared"], r.json["min_score"]), (5, 10, 0.5))
        flagged = {frozenset((names[p["a"]["candidate_id"]], names[p["b"]["candidate_id"]])): p
                   for p in r.json["pairs"]}
        print("\nnote: similarity: %s" % ", ".join(
            "%s %.2f" % ("-".join(sorted(k)), v["score"]) for k, v in flagged.items()), file=sys.stderr)
        self.assertEqual(list(flagged), [frozenset(("Ann", "Ben"))])
        p = flagged[frozenset(("Ann", "Ben"))]
        self.assertGreaterEqual(p["score"], 0.9)
        self.assertEqual(p["language"], "python")
        self.assertTrue(p["matches"])
        by_side = {names[p[s]["candidate_id"]]: s for s in ("a", "b")}
        self.assertEqual(p[by_side["Ann"]]["code"], SIM_ORIGINAL)
        for m in p["matches"]:
            ann = (m[by_side["Ann"] + "_from"], m[by_side["Ann"] + "_to"])
            self.assertTrue(1 <= ann[0] <= ann[1] <= SIM_ORIGINAL.count("\n"), m)
        # a low threshold shows the rest, still without the pair that handed in the reference
        every = admin("GET", path + "?min_score=0").json["pairs"]
        pairs = {frozenset((names[p["a"]["candidate_id"]], names[p["b"]["candidate_id"]])): p["score"]
                 for p in every}
        self.assertNotIn(frozenset(("Dee", "Eve")), pairs)
        self.assertTrue(all(s < 0.5 for k, s in pairs.items() if k != frozenset(("Ann", "Ben"))), pairs)
        # a reviewer sees the candidates of their jobs only
        r = call("GET", path, token=rev["token"])
        self.assertOk(r)
        self.assertEqual((r.json["submissions"], r.json["pairs"]), (0, []))
        self.assertOk(admin("PUT", "/api/admin/jobs/%d" % job, {"members": [{"admin_id": rev["id"], "role": "reviewer"}]}))
        self.assertEqual(call("GET", path, token=rev["token"]).json["submissions"], 5)
        for q in ("?min_score=2", "?min_score=x", "?min_score=", "?min_score=nan"):
            self.assertError(admin("GET", path + q), 400, msg=q)
        self.assertError(admin("GET", "/api/admin/questions/999999999/similarity"), 404)


class T29Playback(Base):
    """The editor's changes and the integrity signals, sent with the draft saves: stored,
    bounded, replayed by GET /api/admin/candidates/:id/playback, counted on the candidate."""

    def setUp(self):
        self.q1, self.q2 = BY_SLUG["01-sensor-summary"], BY_SLUG["02-bracket-inspector"]
        r = admin("POST", "/api/admin/jobs", {"title": "svc playback " + secrets.token_hex(3)})
        self.assertOk(r, 201)
        r = admin("POST", "/api/admin/jobs/%d/tests" % r.json["job"]["id"],
                  {"title": "svc playback", "questions": [self.q1["uuid"], self.q2["uuid"]]})
        self.assertOk(r, 201)
        r = admin("POST", "/api/admin/tests/%d/invitations" % r.json["test"]["id"],
                  {"name": "Player", "email": "player-%s@example.org" % secrets.token_hex(3)})
        self.assertOk(r, 201)
        self.cid = r.json["candidate"]["candidate_id"]
        self.tok, _ = start_session(r.json["invite_token"])
        self.base = "/api/test-session/%s/progress" % self.cid

    def save(self, body):
        return call("PUT", self.base, body, token=self.tok)

    def test_a_recorded_and_replayed(self):
        t0 = int(time.time() * 1000)
        code = self.q1["solutions"]["python"]
        ops = [[t0, 0, 0, "print(1)"], [t0 + 400, 0, 8, ""]]
        # the solution typed in pieces of 40 characters, each a change at the end
        for i in range(0, len(code), 40):
            ops.append([t0 + 1000 + i, i, i, code[i:i + 40]])
        r = self.save({"pending_answers": {"q": 1}, "edits": [{"question_id": self.q1["uuid"], "language": "python",
                                                             "ops": ops[:3]}],
                       "signals": [{"kind": "paste", "t": t0 + 500, "question_id": self.q1["uuid"], "chars": 3,
                                    "inside": False, "text": "x=1"},
                                   {"kind": "copy", "t": t0 + 600, "question_id": self.q1["uuid"], "chars": 8},
                                   {"kind": "focus_lost", "t": t0 + 700, "seconds": 12.5}]})
        self.assertOk(r)
        self.assertEqual(r.json["recording"], "stored")
        self.assertOk(self.save({"edits": [{"question_id": self.q1["uuid"], "language": "python", "ops": ops[3:]}]}))
        r = proxy(self.tok, self.q1["uuid"], "python", code)
        self.assertEqual(r.status, 200, r)
        r = proxy(self.tok, self.q1["uuid"], "python", code, mode="submit")
        self.assertEqual(r.json["status"], "accepted", r)
        p = admin("GET", "/api/admin/candidates/%s/playback?question_id=%s" % (self.cid, self.q1["uuid"]))
        self.assertOk(p)
        p = p.json["playback"]
        self.assertEqual(len(p["edits"]), len(ops))
        doc = ""
        for e in p["edits"]:
            doc = doc[:e["from"]] + e["insert"] + doc[e["to"]:]
        self.assertEqual(doc, code)
        kinds = [m["kind"] for m in p["markers"]]
        self.assertEqual(sorted(set(kinds)), ["copy", "focus_lost", "paste", "run", "submit"])
        paste = [m for m in p["markers"] if m["kind"] == "paste"][0]
        self.assertEqual((paste["t"], paste["detail"]["text"], paste["detail"]["inside"]), (t0 + 500, "x=1", False))
        self.assertEqual([m["t"] for m in p["markers"]], sorted(m["t"] for m in p["markers"]))
        # the other question has nothing of it; the number of a question works as its id
        other = admin("GET", "/api/admin/candidates/%s/playback?question_id=%s" % (self.cid, self.q2["uuid"]))
        self.assertEqual((other.json["playback"]["edits"], [m["kind"] for m in other.json["playback"]["markers"]]),
                         ([], ["focus_lost"]))
        self.assertOk(admin("GET", "/api/admin/candidates/%s/playback?question_id=%d" % (self.cid, self.q1["number"])))
        c = admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]
        self.assertEqual(c["integrity"], {"pastes": 1, "paste_chars": 3, "pastes_from_outside": 1, "copies": 1,
                                          "focus_lost": 1, "focus_lost_seconds": 12.5})
        self.assertIn("paste", [e["kind"] for e in c["timeline"]])
        for q in ("", "?question_id=" + str(uuid.uuid4()), "?question_id=x"):
            self.assertClientError(admin("GET", "/api/admin/candidates/%s/playback%s" % (self.cid, q)), msg=q)

    def test_b_bad_recordings_change_nothing(self):
        self.assertOk(self.save({"pending_answers": {"kept": True}}))
        t = int(time.time() * 1000)
        q = self.q1["uuid"]
        good = {"question_id": q, "language": "python", "ops": [[t, 0, 0, "x"]]}
        bad_edits = [{"question_id": str(uuid.uuid4()), "language": "python", "ops": [[t, 0, 0, "x"]]},
                     dict(good, language="cobol"), dict(good, ops=[]), dict(good, ops=[[t, 5, 2, "x"]]),
                     dict(good, ops=[[5, 0, 0, "x"]]), dict(good, ops=[[t, 0, 0]]), dict(good, ops=[[t, 0, 0, 7]]),
                     dict(good, ops=[[t, -1, 0, "x"]]), dict(good, extra=1), "x"]
        bad_signals = [{"kind": "paste", "t": t, "chars": 1, "inside": True, "text": "mine"},
                       {"kind": "paste", "t": t, "chars": 1}, {"kind": "telepathy", "t": t},
                       {"kind": "focus_lost", "t": t, "seconds": -1}, {"kind": "copy", "t": t, "chars": 1, "seconds": 2},
                       {"kind": "copy", "t": "now", "chars": 1}]
        for b in ([{"edits": [e], "pending_answers": {"lost": True}} for e in bad_edits] +
                  [{"signals": [s], "pending_answers": {"lost": True}} for s in bad_signals] +
                  [{"edits": [good] * 65}, {"edits": {"a": 1}}]):
            self.assertError(self.save(b), 400, msg=repr(b)[:80])
        self.assertEqual(psql("SELECT count(*) FROM playback_batch WHERE candidate_id = '%s'" % self.cid), "0")
        self.assertEqual(psql("SELECT count(*) FROM session_event WHERE candidate_id = '%s'"
                              " AND kind IN ('paste', 'copy', 'focus_lost')" % self.cid), "0")
        self.assertEqual(psql("SELECT pending_answers::text FROM test_session WHERE candidate_id = '%s'" % self.cid),
                         '{"kept": true}')

    def test_c_bounded_per_session(self):
        t = int(time.time() * 1000)
        chunk = [[t + i, 0, 0, "x" * 60000] for i in range(15)]
        answers = []
        for i in range(6):
            r = self.save({"pending_answers": {"n": i},
                           "edits": [{"question_id": self.q1["uuid"], "language": "python", "ops": chunk}]})
            self.assertOk(r)
            answers.append(r.json["recording"])
        # 4 MiB: four saves of 900 KB fit, the fifth does not; the drafts are saved all the same
        self.assertEqual(answers, ["stored"] * 4 + ["full"] * 2)
        self.assertEqual(psql("SELECT pending_answers->>'n' FROM test_session WHERE candidate_id = '%s'" % self.cid), "5")
        used = int(psql("SELECT sum(bytes) FROM playback_batch WHERE candidate_id = '%s'" % self.cid))
        self.assertLessEqual(used, 4 * 1024 * 1024)
        print("\nnote: playback: 4 saves of 15 changes x 60,000 characters: %d bytes stored" % used, file=sys.stderr)


class T14Consistency(Base):
    """A change that spans tables happens whole or not at all."""

    def test_a_failed_extension_changes_no_name(self):
        cid, _, _ = new_candidate([BY_SLUG["01-sensor-summary"]["uuid"]], name="before-409")
        r = admin("PUT", "/api/admin/candidates/" + cid, {"name": "after-409", "extend_minutes": 5})
        self.assertError(r, 409, "no_session")
        r = admin("GET", "/api/admin/candidates/" + cid)
        self.assertOk(r)
        self.assertEqual(r.json["candidate"]["name"], "before-409")
        # the same change where it can succeed: both parts land
        r = admin("PUT", "/api/admin/candidates/" + cid, {"name": "renamed"})
        self.assertOk(r)
        self.assertEqual(r.json["candidate"]["name"], "renamed")


class T08AllSolutions(Base):
    def test_every_solution_in_every_language_accepted(self):
        """72 reference submissions, four at a time: one candidate session per thread, since a
        session has one execution at a time."""
        jobs = [(b, lang) for b in BANK for lang in LANG_IDS]
        self.assertEqual(len(jobs), 72)
        fresh_upstream_connections()
        local = threading.local()
        cids = []

        def run(job):
            b, lang = job
            if not hasattr(local, "client"):
                local.client = Client()
                cid, invite, _ = new_candidate([x["uuid"] for x in BANK], minutes=1440,
                                               name="svc cand ALL %d" % len(cids))
                cids.append(cid)
                local.tok, _ = start_session(invite)
            t = time.time()
            r = call("POST", "/proxy/execute", {"language": lang, "code": b["solutions"][lang],
                                                "question_id": b["uuid"], "mode": "submit"},
                     token=local.tok, timeout=600, client=local.client)
            return b, lang, r, time.time() - t

        t0 = time.time()
        bad, slowest = [], []
        with concurrent.futures.ThreadPoolExecutor(max_workers=POOL_SIZE) as ex:
            for b, lang, r, dt in ex.map(run, jobs):
                slowest.append((dt, b["slug"], lang))
                j = r.json or {}
                ok = (r.status == 200 and j.get("status") == "accepted"
                      and j.get("summary", {}).get("passed") == len(b["tests"])
                      and j.get("summary", {}).get("total_tests") == len(b["tests"])
                      and j.get("summary", {}).get("score") == b["max_score"])
                if not ok:
                    fails = [(x.get("test_id"), x.get("status"), x.get("error")) for x in j.get("results", [])
                             if not x.get("passed")][:3]
                    bad.append("%s/%s: HTTP %d %s %s compile=%s %s" % (
                        b["slug"], lang, r.status, j.get("status"), j.get("summary"),
                        str((j.get("compile") or {}).get("output"))[:200], fails or r.text[:300]))
        elapsed = time.time() - t0
        slowest.sort(reverse=True)
        NOTES.append("72 reference submissions (%d threads): %.1f s; slowest %s" % (
            POOL_SIZE, elapsed, ", ".join("%s/%s %.1fs" % (s, l, d) for d, s, l in slowest[:3])))
        self.assertEqual(bad, [])
        subs = [s for cid in cids
                for s in admin("GET", "/api/admin/candidates/" + cid).json["candidate"]["submissions"]]
        self.assertEqual(len(subs), 72)
        self.assertEqual({s["status"] for s in subs}, {"accepted"})


# ---------------------------------------------------------------- resilience (run last)

# ---------------------------------------------------------------- issue 8: what a candidate sees, bad ids, the edge

MIB = 1048576


def raw_call(method, target, token=None, body=b""):
    """One request whose target goes out byte for byte (http.client refuses raw UTF-8)."""
    import socket
    head = b"%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: %d\r\n" % (
        method.encode(), target if isinstance(target, bytes) else target.encode(), len(body))
    if body:
        head += b"Content-Type: application/json\r\n"
    if token:
        head += b"Authorization: Bearer " + token.encode() + b"\r\n"
    s = socket.create_connection(("127.0.0.1", PORT), timeout=60)
    try:
        s.sendall(head + b"\r\n" + body)
        resp = http.client.HTTPResponse(s, method=method)
        resp.begin()
        r = Resp(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        s.close()
    REQUESTS[0] += 1
    _check_leaks(method, repr(target)[:80], r)
    return r


# the program reads the first byte of its input and holds that many MiB: per-test memory carries it out
MEM_SPY_PY = ("import sys\nb = sys.stdin.buffer.read(1)\nx = bytearray(b[0] * %d)\nx[::4096] = b'\\x01' * len(x[::4096])\n"
              "print('ok')\n" % MIB)
HIDDEN_SHOWS = {"test_id", "status", "passed", "points", "hidden"}


class T11Hidden(Base):
    """Section 4 of issue 8: a hidden test shows its verdict and points, nothing a program could steer."""

    @classmethod
    def setUpClass(cls):
        q = {"title": "svc-test hidden spy", "question": "Print ok.", "difficulty": "easy",
             "time_limit_ms": 3000, "memory_limit_mb": 512,
             "test_cases": [{"input": "\x10 sample\n", "expected_output": "ok\n", "is_sample": True, "points": 1},
                            {"input": "SECRET\n", "expected_output": "ok\n", "is_sample": False, "points": 4}]}
        r = admin("POST", "/api/admin/questions", q)
        assert r.status == 201, r
        cls.qid = r.json["question"]["id"]
        cls.cid, invite, _ = new_candidate([cls.qid], name="svc cand hidden spy")
        cls.tok, _ = start_session(invite)

    def test_a_hidden_test_shows_verdict_and_points_only(self):
        r = proxy(self.tok, self.qid, "python", MEM_SPY_PY, mode="submit")
        self.assertOk(r)
        j = r.json
        self.assertEqual((j["status"], j["summary"]["passed"], j["summary"]["score"]), ("accepted", 2, 5), r)
        shown = [t for t in j["results"] if not t["hidden"]]
        hidden = [t for t in j["results"] if t["hidden"]]
        self.assertEqual((len(shown), len(hidden)), (1, 1))
        # the sample test keeps its figures: the candidate may see what their program did on it
        self.assertIn("memory_usage_bytes", shown[0])
        self.assertIn("execution_time_ms", shown[0])
        h = hidden[0]
        self.assertEqual((h["status"], h["passed"], h["points"]), ("accepted", True, 4))
        extra = sorted(set(h) - HIDDEN_SHOWS)
        self.assertEqual(extra, [], "the hidden test shows %s; memory_usage_bytes %r reads back as %r" % (
            extra, h.get("memory_usage_bytes"),
            chr(round((h.get("memory_usage_bytes", 0) - shown[0]["memory_usage_bytes"]) / MIB) + 0x10)
            if "memory_usage_bytes" in h else None))
        # the metadata is no hidden test's figure in disguise: its memory peak is over the shown tests
        meta = j["metadata"]
        if "memory_usage_bytes" in meta:
            self.assertEqual(meta["memory_usage_bytes"], shown[0]["memory_usage_bytes"],
                             "metadata memory %d reads the hidden input back as %r" % (
                                 meta["memory_usage_bytes"],
                                 chr(round((meta["memory_usage_bytes"] - shown[0]["memory_usage_bytes"]) / MIB)
                                     + 0x10)))
        # nowhere in the response does a figure near the hidden test's peak (ord('S') MiB) appear
        def numbers(o):
            if isinstance(o, bool):
                return []
            if isinstance(o, (int, float)):
                return [o]
            if isinstance(o, dict):
                return [n for v in o.values() for n in numbers(v)]
            if isinstance(o, list):
                return [n for v in o for n in numbers(v)]
            return []
        self.assertFalse([n for n in numbers(j) if 80 * MIB <= n <= 200 * MIB], j)
        # the recruiter's record keeps everything
        c = admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]
        s = [x for x in c["submissions"] if x["submission_id"] == j["submission_id"]][0]
        rh = [t for t in s["results"] if t["hidden"]][0]
        for k in ("input", "expected_output", "output", "execution_time_ms", "cpu_time_ms", "memory_usage_bytes",
                  "exit_code"):
            self.assertIn(k, rh, k)
        self.assertTrue(rh["input"].startswith("SECRET"))
        self.assertGreater(rh["memory_usage_bytes"], ord("S") * MIB)
        self.assertGreater(s["metadata"]["memory_usage_bytes"] if "metadata" in s else rh["memory_usage_bytes"],
                           ord("S") * MIB)


SMTPD_CONF = """\
table recipients { "@" = "nobody" }
listen on 127.0.0.1 port %(port)d
action "keep" maildir "%(maildir)s" virtual <recipients>
match from any for any action "keep"
"""


class Smtpd:
    """A private OpenSMTPD (Debian's opensmtpd) on 127.0.0.1:SMTP_PORT, in the foreground, that
    keeps every message it accepts in one maildir under VAR.  smtpd insists on root and on its
    spool and control socket at fixed paths (/var/spool/smtpd, /var/run/smtpd.sock): it runs in
    a mount namespace of its own where those are directories under VAR, so it shares nothing
    with any other smtpd on the machine; it drops to its own unprivileged users for all but its
    parent process, and delivers as nobody."""

    def __init__(self):
        self.dir = os.path.join(VAR, "smtp")
        self.maildir = os.path.join(self.dir, "maildir")
        self.conf = os.path.join(self.dir, "smtpd.conf")
        self.proc = None
        for d in ("spool", "run", "maildir"):
            os.makedirs(os.path.join(self.dir, d), exist_ok=True)
        os.chmod(self.dir, 0o755)
        shutil.chown(self.maildir, "nobody")
        with open(self.conf, "w") as f:
            f.write(SMTPD_CONF % {"port": SMTP_PORT, "maildir": self.maildir})
        check = subprocess.run(["smtpd", "-n", "-f", self.conf], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError("smtpd -n: " + check.stderr)

    def start(self):
        script = ("mount --bind %s /var/spool && mount --bind %s /run && exec smtpd -d -f %s" %
                  (os.path.join(self.dir, "spool"), os.path.join(self.dir, "run"), self.conf))
        log = open(os.path.join(self.dir, "smtpd.log"), "ab")
        self.proc = subprocess.Popen(["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                                     stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        log.close()
        wait_listening(SMTP_PORT, self.proc, "smtpd, see %s/smtpd.log" % self.dir)

    def stop(self):
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None
        # the port is free again: a message now finds nobody listening
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", SMTP_PORT), timeout=1).close()
                time.sleep(0.2)
            except OSError:
                return

    def messages(self):
        """Every delivered message, parsed (email.message.EmailMessage), oldest first."""
        new = os.path.join(self.maildir, "new")
        if not os.path.isdir(new):
            return []
        out = []
        for n in sorted(os.listdir(new), key=lambda n: os.stat(os.path.join(new, n)).st_mtime_ns):
            with open(os.path.join(new, n), "rb") as f:
                raw = f.read()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            msg.raw_head = re.split(rb"\r?\n\r?\n", raw, 1)[0]
            out.append(msg)
        return out

    def wait_for(self, addr, count=1, timeout=30):
        """The messages to addr once there are count of them (smtpd delivers a moment after it accepts)."""
        deadline = time.time() + timeout
        while True:
            got = [m for m in self.messages() if addr in str(m["To"])]
            if len(got) >= count or time.time() > deadline:
                return got
            time.sleep(0.2)


def mail_parts(msg):
    """The text and HTML parts of a multipart/alternative message."""
    parts = {p.get_content_type(): p.get_content() for p in msg.walk() if not p.is_multipart()}
    return parts.get("text/plain"), parts.get("text/html")


def mail_token(text):
    m = re.search(r"[?&]invite=([0-9a-f]{64})", text)
    return m.group(1) if m else None


class T28Mail(Base):
    """Invitations by e-mail through a real SMTP server (OpenSMTPD): both parts, the subject,
    the duration and a link that starts the session; a CSV of three, three messages; bad
    addresses and header injection refused with nothing stored; the server down, failed with
    the error, and a resend once it is back; the SMTP password in no answer and no log."""

    @classmethod
    def setUpClass(cls):
        cls.smtpd = Smtpd()
        cls.smtpd.start()

    @classmethod
    def tearDownClass(cls):
        cls.smtpd.stop()

    def addr(self, who):
        return "%s-%s@mail.example.org" % (who, secrets.token_hex(4))

    def test_a_candidate_mail(self):
        to = self.addr("ann")
        r = admin("POST", "/api/admin/candidates", {
            "name": "Ann O'Neil", "email": to, "question_ids": [BANK[0]["uuid"]],
            "test_duration_minutes": 45, "send_email": True})
        self.assertOk(r, 201)
        self.assertEqual(r.json["mail"]["status"], "sent", r)
        self.assertEqual((r.json["mail"]["to"], r.json["mail"]["attempts"]), (to, 1))
        self.assertEqual(r.json["candidate"]["mail"]["status"], "sent")
        cid = r.json["candidate"]["candidate_id"]
        got = self.smtpd.wait_for(to)
        self.assertEqual(len(got), 1)
        msg = got[0]
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
            self.assertIsNotNone(msg[h], h)
        self.assertEqual(msg["Subject"], "Your invitation to a coding test")
        self.assertEqual(msg["To"].addresses[0].display_name, "Ann O'Neil")
        self.assertEqual(msg["To"].addresses[0].addr_spec, to)
        self.assertEqual(msg["From"].addresses[0].addr_spec, "tests@coding-engine.example")
        text, html = mail_parts(msg)
        self.assertIn("Hello Ann O'Neil,", text)
        self.assertIn("Ann O&#39;Neil", html)
        self.assertIn("45 minutes", text)
        self.assertIn("45 minutes", html)
        tok = mail_token(text)
        self.assertEqual(tok, mail_token(html))
        self.assertEqual(tok, r.json["invite_token"])
        # the link in the message starts the test
        start_session(tok)
        # the database keeps no copy of the link: only the hash of the token
        self.assertEqual(psql("SELECT count(*) FROM invitation_mail WHERE candidate_id = '%s'" % cid), "1")
        self.assertEqual(psql("SELECT count(*) FROM invitation_mail m WHERE m::text LIKE '%%%s%%'" % tok), "0")
        # without send_email nothing is sent
        r = admin("POST", "/api/admin/candidates", {"name": "Quiet", "email": self.addr("quiet"),
                                                    "question_ids": [BANK[0]["uuid"]]})
        self.assertOk(r, 201)
        self.assertNotIn("mail", r.json)
        self.assertIsNone(r.json["candidate"]["mail"])
        # the audit trail
        r = admin("GET", "/api/admin/audit?limit=50")
        self.assertIn(("candidate.mail", cid, "sent"),
                      [(e["action"], e["object_id"], (e["detail"] or {}).get("status")) for e in r.json["entries"]])

    def test_b_test_invitations(self):
        r = admin("POST", "/api/admin/jobs", {"title": "svc mail job " + secrets.token_hex(3)})
        self.assertOk(r, 201)
        job = r.json["job"]["id"]
        title = "Backend Zürich " + secrets.token_hex(2)
        r = admin("POST", "/api/admin/jobs/%d/tests" % job, {"title": title, "questions": [BANK[0]["uuid"]],
                                                           "duration_minutes": 75})
        self.assertOk(r, 201)
        test = r.json["test"]["id"]
        # one invitation, a name outside ASCII (RFC 2047 in To:, and the subject too)
        to = self.addr("zoe")
        r = admin("POST", "/api/admin/tests/%d/invitations" % test,
                  {"name": "Zoë Łukasiewicz", "email": to, "send_email": True})
        self.assertOk(r, 201)
        self.assertEqual(r.json["mail"]["status"], "sent", r)
        msg = self.smtpd.wait_for(to)[0]
        self.assertEqual(msg["To"].addresses[0].display_name, "Zoë Łukasiewicz")
        self.assertEqual(msg["Subject"], "Your invitation: " + title)
        self.assertIn(b"To: =?UTF-8?B?", msg.raw_head)
        self.assertIn(b"Subject: =?UTF-8?B?", msg.raw_head)
        text, html = mail_parts(msg)
        self.assertIn("75 minutes", text)
        self.assertIn(title, text)
        start_session(mail_token(text))
        # a CSV of three: three messages, each with its own working link
        rows = [("Csv %d" % i, self.addr("csv%d" % i)) for i in range(3)]
        csv_text = "name,email\n" + "".join("%s,%s\n" % row for row in rows)
        r = admin("POST", "/api/admin/tests/%d/invitations" % test, {"csv": csv_text, "send_email": True})
        self.assertOk(r)
        self.assertEqual((r.json["created"], r.json["mail"]["sent"], r.json["mail"]["failed"]), (3, 3, 0), r)
        self.assertEqual([x["mail"]["status"] for x in r.json["rows"]], ["sent"] * 3)
        for (name, to), row in zip(rows, r.json["rows"]):
            got = self.smtpd.wait_for(to)
            self.assertEqual(len(got), 1, to)
            text, _ = mail_parts(got[0])
            self.assertIn("Hello %s," % name, text)
            self.assertEqual(mail_token(text), row["invite_token"])
        start_session(mail_token(mail_parts(self.smtpd.wait_for(rows[2][1])[0])[0]))
        # text/csv with ?send_email=true; a row no message can go to is invalid and not stored
        good, bad = self.addr("plain"), "bad address@mail.example.org"
        r = call("POST", "/api/admin/tests/%d/invitations?send_email=true" % test,
                 "Plain,%s\nBroken,%s\n" % (good, bad), token=ADMIN, ctype="text/csv")
        self.assertOk(r)
        self.assertEqual([x["status"] for x in r.json["rows"]], ["created", "invalid"], r)
        self.assertEqual(len(self.smtpd.wait_for(good)), 1)
        self.assertEqual(psql("SELECT count(*) FROM candidate WHERE name = 'Broken'"), "0")

    def test_c_refused_before_storing(self):
        before = psql("SELECT count(*) FROM candidate")
        marker = "svc-mail-bad-" + secrets.token_hex(3)
        for name, addr in ((marker, "no-at-sign.example.org"), (marker, "a@b@example.org"),
                           (marker, "two words@example.org"), (marker, "x@localhost"),
                           (marker, "x@example.org\r\nBcc: all@example.org"), (marker, ""),
                           (marker + "\r\nBcc: all@example.org", self.addr("inject")),
                           (marker + "\x07", self.addr("bell"))):
            r = admin("POST", "/api/admin/candidates", {"name": name, "email": addr, "send_email": True,
                                                        "question_ids": [BANK[0]["uuid"]]})
            self.assertError(r, 400, "invalid_field", msg=repr((name, addr)))
        job = admin("POST", "/api/admin/jobs", {"title": "svc mail bad " + secrets.token_hex(3)}).json["job"]["id"]
        test = admin("POST", "/api/admin/jobs/%d/tests" % job, {"title": "t", "questions": [BANK[0]["uuid"]]}).json["test"]["id"]
        r = admin("POST", "/api/admin/tests/%d/invitations" % test,
                  {"name": marker, "email": "x@localhost", "send_email": True})
        self.assertError(r, 400, "invalid_field")
        self.assertEqual(psql("SELECT count(*) FROM candidate"), before)
        self.assertEqual(psql("SELECT count(*) FROM candidate WHERE name LIKE '%s%%'" % marker), "0")
        # a candidate stored without a usable address cannot be mailed: their link stays as it was
        r = admin("POST", "/api/admin/candidates", {"name": "No mail", "question_ids": [BANK[0]["uuid"]]})
        self.assertOk(r, 201)
        cid, tok = r.json["candidate"]["candidate_id"], r.json["invite_token"]
        self.assertError(admin("POST", "/api/admin/candidates/%s/mail" % cid), 400, "invalid_field")
        self.assertError(admin("POST", "/api/admin/candidates/%s/invite" % cid, {"send_email": True}), 400)
        self.assertError(admin("POST", "/api/admin/candidates/%s/invite" % cid, {"send_email": "yes"}), 400)
        start_session(tok)
        self.assertError(admin("POST", "/api/admin/candidates/%s/mail" % uuid.uuid4()), 404)

    def test_d_server_down_then_resend(self):
        self.smtpd.stop()
        try:
            to = self.addr("down")
            t0 = time.time()
            r = admin("POST", "/api/admin/candidates", {"name": "Down", "email": to, "send_email": True,
                                                        "question_ids": [BANK[0]["uuid"]]})
            self.assertOk(r, 201)
            self.assertLess(time.time() - t0, 15, "a server that is down must not hold the request")
            mail = r.json["mail"]
            self.assertEqual(mail["status"], "failed", r)
            self.assertTrue(mail["error"], r)
            self.assertIsNone(mail["sent_at"])
            cid, old = r.json["candidate"]["candidate_id"], r.json["invite_token"]
            c = admin("GET", "/api/admin/candidates/" + cid).json["candidate"]
            self.assertEqual((c["mail"]["status"], c["mail"]["attempts"]), ("failed", 1))
            self.assertEqual(c["mail"]["error"], mail["error"])
            listed = [x for x in admin("GET", "/api/admin/candidates").json["candidates"] if x["candidate_id"] == cid]
            self.assertEqual(listed[0]["mail"]["status"], "failed")
            # a CSV while the server is down: every row failed, and only the first one waited
            job = admin("POST", "/api/admin/jobs", {"title": "svc mail down " + secrets.token_hex(3)}).json["job"]["id"]
            test = admin("POST", "/api/admin/jobs/%d/tests" % job, {"title": "t", "questions": [BANK[0]["uuid"]]}).json["test"]["id"]
            r = admin("POST", "/api/admin/tests/%d/invitations" % test,
                      {"csv": "a,%s\nb,%s\n" % (self.addr("da"), self.addr("db")), "send_email": True})
            self.assertOk(r)
            self.assertEqual((r.json["created"], r.json["mail"]["sent"], r.json["mail"]["failed"]), (2, 0, 2), r)
            self.assertIn("earlier message failed", r.json["rows"][1]["mail"]["error"])
        finally:
            self.smtpd.start()
        # back: sent again, with a new link (the server keeps only the hash of the old one)
        r = admin("POST", "/api/admin/candidates/%s/mail" % cid)
        self.assertOk(r)
        self.assertEqual((r.json["mail"]["status"], r.json["mail"]["attempts"]), ("sent", 2), r)
        self.assertIsNone(r.json["mail"]["error"])
        self.assertTrue(r.json["mail"]["sent_at"])
        got = self.smtpd.wait_for(to)
        self.assertEqual(len(got), 1)
        tok = mail_token(mail_parts(got[0])[0])
        self.assertNotEqual(tok, old)
        self.assertError(call("POST", "/api/test-session", {"invite_token": old}), 401)
        start_session(tok)
        c = admin("GET", "/api/admin/candidates/" + cid).json["candidate"]
        self.assertEqual((c["mail"]["status"], c["mail"]["attempts"]), ("sent", 2))
        # a new link by POST .../invite with send_email goes out too
        r = admin("POST", "/api/admin/candidates/%s/invite" % cid, {"send_email": True})
        self.assertOk(r)
        self.assertEqual((r.json["mail"]["status"], r.json["mail"]["attempts"]), ("sent", 3), r)
        self.assertEqual(mail_token(mail_parts(self.smtpd.wait_for(to, 2)[-1])[0]), r.json["invite_token"])

    def test_e_password_nowhere(self):
        self.assertEqual([l for l in LEAKS if "SMTP" in l], [])
        seen = []
        for top in (os.path.join(VAR, "log"), OUT):
            for base, _, files in os.walk(top):
                if base.startswith(os.path.join(VAR, "pg")):
                    continue
                for n in files:
                    p = os.path.join(base, n)
                    if not n.endswith(".log"):
                        continue
                    with open(p, "rb") as f:
                        if SMTP_PASSWORD.encode() in f.read():
                            seen.append(p)
        self.assertEqual(seen, [])
        # the failures were logged, with their error and without the password
        logs = ""
        for n in os.listdir(os.path.join(VAR, "log")):
            with open(os.path.join(VAR, "log", n), errors="replace") as f:
                logs += f.read()
        self.assertIn("was not sent", logs)
        self.assertNotIn(SMTP_PASSWORD, json.dumps(admin("GET", "/api/admin/audit?limit=200").json))
        self.assertNotIn(SMTP_PASSWORD, psql("SELECT string_agg(m::text, ' ') FROM invitation_mail m"))


# output with a NUL byte, invalid UTF-8 and control bytes, on stdout and stderr
NUL_OUT_PY = ("import sys\nsys.stdin.read()\nsys.stdout.buffer.write(b'a\\x00b\\xff\\xfe\\x01\\x1b[31m\\x7f\\n')\n"
              "sys.stderr.buffer.write(b'e\\x00\\xc3(\\n')\n")


class T11Stored(Base):
    """Section 5 of issue 8: anything judged is recorded, whatever bytes the program wrote."""

    @classmethod
    def setUpClass(cls):
        cls.q = BY_SLUG["01-sensor-summary"]
        cls.cid, invite, _ = new_candidate([cls.q["uuid"]], name="svc cand NUL")
        cls.tok, _ = start_session(invite)

    def test_a_nul_in_output_is_stored(self):
        r = proxy(self.tok, self.q["uuid"], "python", NUL_OUT_PY, mode="submit")
        self.assertOk(r, msg="a submit whose output holds a NUL byte")
        self.assertEqual(r.json["status"], "wrong_answer")
        sid = r.json["submission_id"]
        self.assertEqual(psql("SELECT count(*) FROM interview_coding WHERE submission_id = '%s'" % sid), "1")
        shown = [t for t in r.json["results"] if not t["hidden"]][0]
        self.assertEqual(shown["output"], "a\ufffdb\ufffd\ufffd\x01\x1b[31m\x7f\n")
        c = admin("GET", "/api/admin/candidates/" + self.cid).json["candidate"]
        s = [x for x in c["submissions"] if x["submission_id"] == sid][0]
        for t in s["results"]:
            self.assertEqual(t["output"], "a\ufffdb\ufffd\ufffd\x01\x1b[31m\x7f\n")
            self.assertTrue(t["error"].startswith("e\ufffd\ufffd("), t["error"])

    def test_b_progress_with_nul_is_stored(self):
        base = "/api/test-session/" + self.cid
        answers = {"q": {"language": "c", "code": "char s[] = \"a\u0000b\";\n"}, "x": "\u0000"}
        r = call("PUT", base + "/progress", {"pending_answers": answers, "sections_completed": ["a\u0000"]},
                 token=self.tok)
        self.assertOk(r, msg="a draft with \\u0000")
        want = {"q": {"language": "c", "code": "char s[] = \"a\ufffdb\";\n"}, "x": "\ufffd"}
        self.assertEqual(r.json["pending_answers"], want)
        s = call("GET", base, token=self.tok).json["session"]
        self.assertEqual((s["pending_answers"], s["sections_completed"]), (want, ["a\ufffd"]))
        # a lone surrogate escape is no 5xx either
        r = call("PUT", base + "/progress", '{"pending_answers": {"x": "\\ud800 \\udc00"}}', token=self.tok)
        self.assertTrue(r.status < 500, r)


BAD_IDS = ["not-a-uuid", "99999999999999999999", "-1", "0", "1.5", "1e5", "%00", "a%00b", "%C3%A9", "%ff",
           "%27%3B--", "%20", "..", ".", "%2e%2e", "{%s}" % uuid.uuid4(), str(uuid.uuid4()).upper() + "0",
           "00000000-0000-0000-0000-00000000000g", "x" * 127, "x" * 128, "x" * 10240,
           "\u00e9t\u00e9".encode().decode("latin-1"), "\U0001f600".encode().decode("latin-1")]


class T11BadIds(Base):
    """Section 5 of issue 8: no id in a path is a 5xx, on any route that takes one."""

    # every route of fcgi-app/main.c with an :id, and who calls it
    ROUTES = [("GET", "/api/questions/%s", "both", None),
              ("GET", "/api/test-session/%s", "both", None),
              ("PUT", "/api/test-session/%s/heartbeat", "candidate", None),
              ("PUT", "/api/test-session/%s/activity", "candidate", {"type": "keypress"}),
              ("PUT", "/api/test-session/%s/progress", "candidate", {"pending_answers": {}}),
              ("PUT", "/api/test-session/%s/complete", "candidate", {}),
              ("PUT", "/api/test-session/%s/abandon", "candidate", {}),
              ("POST", "/api/test-session/%s/abandon", "candidate", {}),
              ("GET", "/api/admin/questions/%s", "admin", None),
              ("PUT", "/api/admin/questions/%s", "admin", {"title": "x"}),
              ("DELETE", "/api/admin/questions/%s", "admin", None),
              ("GET", "/api/admin/candidates/%s", "admin", None),
              ("PUT", "/api/admin/candidates/%s", "admin", {"test_duration_minutes": 30}),
              ("DELETE", "/api/admin/candidates/%s", "admin", None),
              ("POST", "/api/admin/candidates/%s/invite", "admin", {}),
              ("GET", "/api/admin/candidates/%s/report", "admin", None),
              ("GET", "/api/admin/questions/%s/usage", "admin", None),
              ("GET", "/api/admin/jobs/%s", "admin", None),
              ("PUT", "/api/admin/jobs/%s", "admin", {"title": "x"}),
              ("DELETE", "/api/admin/jobs/%s", "admin", None),
              ("GET", "/api/admin/jobs/%s/tests", "admin", None),
              ("POST", "/api/admin/jobs/%s/tests", "admin", {"title": "x", "questions": [1]}),
              ("GET", "/api/admin/jobs/%s/candidates", "admin", None),
              ("GET", "/api/admin/jobs/%s/export.csv", "admin", None),
              ("GET", "/api/admin/tests/%s", "admin", None),
              ("PUT", "/api/admin/tests/%s", "admin", {"title": "x"}),
              ("POST", "/api/admin/tests/%s/invitations", "admin", {"name": "x", "email": "x@example.org"})]

    @classmethod
    def setUpClass(cls):
        cls.cid, invite, _ = new_candidate([BY_SLUG["01-sensor-summary"]["uuid"]], name="svc cand bad ids")
        cls.tok, _ = start_session(invite)

    def test_a_every_id_route_answers_4xx(self):
        bad = []
        for method, pat, who, body in self.ROUTES:
            callers = [("admin", ADMIN), ("candidate", self.tok)] if who == "both" else \
                [(who, ADMIN if who == "admin" else self.tok)]
            for name, tok in callers:
                for key in BAD_IDS:
                    target = (pat % key).encode("latin-1")
                    data = json.dumps(body).encode() if body is not None else b""
                    r = raw_call(method, target, token=tok, body=data)
                    ok = 400 <= r.status < 500 and isinstance(r.json, dict) and r.json.get("success") is False \
                        and isinstance(r.json.get("error"), dict)
                    if not ok:
                        bad.append("%s %s as %s -> %d %s" % (method, repr(target[:60])[2:-1], name, r.status,
                                                            r.text[:80].strip()))
        self.assertEqual(bad, [], "%d answers were not a 4xx JSON error:\n  %s" % (len(bad), "\n  ".join(bad)))
        # none of it touched the session
        s = admin("GET", "/api/test-session/" + self.cid).json["session"]
        self.assertEqual((s["status"], s["tab_closed_at"]), ("active", None))


class T11Edge(Base):
    """Section 7 of issue 8: rate limits hold whatever the path spelling; tokens stay out of the logs."""

    def test_a_login_path_spellings_are_refused_or_limited(self):
        for path in ("/api/admin/login/", "/api/admin//login", "/api/admin/./login", "/api/admin/login/.",
                     "/api/admin/x/../login/", "/api/admin/login%2F", "/api/admin/log%69n"):
            seen = {}
            for i in range(15):
                r = raw_call("POST", path, body=json.dumps({"username": "admin", "password": "wrong"}).encode())
                seen[r.status] = seen.get(r.status, 0) + 1
                if r.status != 429:
                    self.assertError(r, 404, msg="POST %s (answers so far %r)" % (path, seen))
        # the canonical path is limited
        got = [call("POST", "/api/admin/login", {"username": "admin", "password": "wrong"}, retry429=False).status
               for i in range(15)]
        self.assertIn(429, got)
        time.sleep(6)

    def test_b_execute_path_spellings_run_nothing(self):
        ok = {"language": "python", "code": "print(1)", "test_cases": [{"input": "", "expected_output": "1"}]}
        cid, invite, _ = new_candidate([BY_SLUG["01-sensor-summary"]["uuid"]], name="svc cand edge")
        tok, _ = start_session(invite)
        prox = {"language": "python", "code": "print(1)", "question_id": BY_SLUG["01-sensor-summary"]["uuid"]}
        for path, body, t in (("/execute/", ok, None), ("/execute//", ok, None), ("//execute", ok, None),
                              ("/proxy/execute/", prox, tok), ("/proxy//execute", prox, tok),
                              ("/proxy/./execute/", prox, tok)):
            r = raw_call("POST", path, token=t, body=json.dumps(body).encode())
            self.assertIn(r.status, (404, 405, 429), "POST %s: %r" % (path, r))
            self.assertNotIn("test_results", r.text)
            self.assertNotIn("results", r.text)

    def test_c_query_token_only_for_abandon(self):
        cid, invite, _ = new_candidate([BY_SLUG["01-sensor-summary"]["uuid"]], name="svc cand query token")
        tok, _ = start_session(invite)
        base = "/api/test-session/" + cid
        q = "?token=" + tok
        for method, path, body in (("GET", base, None), ("PUT", base + "/heartbeat", None),
                                   ("PUT", base + "/activity", {"type": "keypress"}),
                                   ("PUT", base + "/progress", {"pending_answers": {"a": 1}}),
                                   ("GET", "/api/questions", None),
                                   ("GET", "/api/questions/" + BY_SLUG["01-sensor-summary"]["uuid"], None),
                                   ("POST", "/proxy/execute", {"language": "python", "code": "print(1)",
                                                               "question_id": BY_SLUG["01-sensor-summary"]["uuid"]}),
                                   ("PUT", base + "/complete", {})):
            self.assertError(call(method, path + q, body), 401, msg="%s %s?token" % (method, path))
        s = call("GET", base, token=tok).json["session"]
        self.assertEqual((s["status"], s["pending_answers"]), ("active", {}))
        # the one call a browser sends without headers: the abandon beacon
        r = call("POST", base + "/abandon" + q, '{"reason":"tab_close"}', ctype="text/plain;charset=UTF-8")
        self.assertOk(r)

    def test_d_access_log_has_no_token(self):
        cid, invite, _ = new_candidate([BY_SLUG["01-sensor-summary"]["uuid"]], name="svc cand log")
        self.assertEqual(call("GET", "/test/?invite=" + invite).status, 200)
        tok, _ = start_session(invite)
        base = "/api/test-session/" + cid
        call("GET", base + "?token=" + tok)
        call("PUT", base + "/heartbeat?token=" + tok)
        self.assertOk(call("POST", base + "/abandon?token=" + tok, "", ctype="text/plain;charset=UTF-8"))
        time.sleep(0.5)
        with open(os.path.join(VAR, "log", "nginx-access.log"), errors="replace") as f:
            log = f.read()
        self.assertIn(base + "/abandon", log)
        lines = [l for l in log.splitlines() if tok in l or invite in l]
        self.assertEqual(lines, [], "the access log shows a token")


def fcgi_pids(pool="fcgi"):
    """The supervisor of a ce-fcgi pool (fcgi: the quick calls; fcgi-exec: the waiting ones)
    as a one-element list, and its workers."""
    def children(pid):
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        return [int(p) for p in out]

    def comm(pid):
        try:
            with open("/proc/%d/comm" % pid) as f:
                return f.read().strip()
        except OSError:
            return ""

    # the pid file names the shell that started the pool; the supervisor is below it
    with open(os.path.join(VAR, "run", pool + ".pid")) as f:
        sup = int(f.read().strip())
    for _ in range(4):
        if comm(sup) == "ce-fcgi":
            break
        kids = children(sup)
        sup = kids[0] if len(kids) == 1 else sup
    return [sup], children(sup)


class T09Resilience(Base):
    """The database going away and workers crashing.

    Each test starts with fresh_upstream_connections() and keeps at most two requests in
    flight except in _round, whose POOL_SIZE overlapping requests each need a ce-fcgi
    worker of their own: that is how every worker is made to show it recovered.  More
    would trip the stall that test_e is about."""

    SLOW = "import time\ntime.sleep(0.6)\nprint(0)\n"

    @classmethod
    def setUpClass(cls):
        cls.q = BY_SLUG["01-sensor-summary"]
        cls.cid, invite, _ = new_candidate([cls.q["uuid"]], minutes=1440, name="svc cand R")
        cls.tok, _ = start_session(invite)

    def setUp(self):
        fresh_upstream_connections()

    def _round(self, what):
        """POOL_SIZE overlapping /proxy/execute runs: each takes a worker of its own, and each
        queries the database (session, question, tests) and runs the judge."""
        fresh_upstream_connections()
        t0 = time.time()
        with concurrent.futures.ThreadPoolExecutor(max_workers=POOL_SIZE) as ex:
            rs = list(ex.map(lambda i: proxy(self.tok, self.q["uuid"], "python", self.SLOW, timeout=30),
                             range(POOL_SIZE)))
        for r in rs:
            self.assertEqual((r.status, (r.json or {}).get("status")), (200, "wrong_answer"), "%s: %r" % (what, r))
        fresh_upstream_connections()
        return time.time() - t0

    def test_a_database_restart(self):
        """Requests keep coming while PostgreSQL restarts (five times, for the races at
        the edges): each gets a 200 or a JSON 503, and once it is back only 200s."""
        during, stop = [], threading.Event()
        phase = ["before"]

        def loop():
            paths = ["/api/questions", "/api/admin/candidates", "/api/admin/questions/1"]
            client = Client()
            i = 0
            while not stop.is_set():
                p = paths[i % 3]
                i += 1
                ph = phase[0]          # the phase the request started in
                try:
                    r = admin("GET", p, timeout=30, client=client)
                except AssertionError as e:     # a leak: keep it as a failed response
                    during.append((ph, p, None, str(e)))
                    continue
                except OSError as e:
                    during.append((ph, p, None, "no HTTP answer: %r" % e))
                    continue
                during.append((ph, p, r, None))
            client.close()

        threads = [threading.Thread(target=loop) for _ in range(2)]
        for t in threads:
            t.start()
        pgs, took = [], []
        try:
            time.sleep(0.7)
            phase[0] = "restart"
            for _ in range(5):
                time.sleep(0.5)
                t0 = time.time()
                pgs.append(subprocess.run(
                    ["runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D", VAR + "/pg/data", "-m", "fast",
                     "-w", "-t", "60", "-l", VAR + "/pg/postgres.log", "restart", "-o",
                     "-k %s/pg/run -c listen_addresses='' -p 5432 -c unix_socket_permissions=0777" % VAR],
                    stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120))
                took.append(time.time() - t0)
            phase[0] = "after"
            time.sleep(1.0)
        finally:
            stop.set()
            for t in threads:
                t.join(60)
        for pg in pgs:
            self.assertEqual(pg.returncode, 0, pg.stdout + pg.stderr)
        n_restart = sum(1 for x in during if x[0] == "restart")
        errors = [x for x in during if x[2] is None or x[2].status != 200]

        def proper_503(r):
            e = r.json.get("error") if isinstance(r.json, dict) else None
            return (r.status == 503 and r.json.get("success") is False and isinstance(e, dict)
                    and isinstance(e.get("code"), str) and isinstance(e.get("message"), str)
                    and "application/json" in r.headers.get("content-type", ""))
        wrong = ["%s: GET %s -> %s" % (ph, p, leak or "%d %s" % (r.status, r.text.strip()))
                 for ph, p, r, leak in errors if leak or ph == "after" or not proper_503(r)]
        NOTES.append("database restarts (%s s): %d requests, %d during the restarts, %d answered 503, %d wrong" % (
            "/".join("%.1f" % t for t in took), len(during), n_restart,
            sum(1 for x in errors if x[2] is not None and x[2].status == 503), len(wrong)))
        self.assertGreater(n_restart, 0, "no request ran during the restart")
        self.assertGreater(sum(1 for x in during if x[0] == "after"), 0, "no request ran after the restart")
        if wrong:
            self.fail("during the restarts only 200 or a JSON 503, after them only 200; %d wrong answers, "
                      "e.g.\n  %s" % (len(wrong), "\n  ".join(wrong[:6])))

    def test_b_workers_reconnect_after_restart(self):
        """After a restart every worker's connection is dead: each must reconnect on its own."""
        self._round("before the restart")
        pg = subprocess.run(
            ["runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D", VAR + "/pg/data", "-m", "fast",
             "-w", "-t", "60", "-l", VAR + "/pg/postgres.log", "restart", "-o",
             "-k %s/pg/run -c listen_addresses='' -p 5432 -c unix_socket_permissions=0777" % VAR],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        self.assertEqual(pg.returncode, 0, pg.stdout + pg.stderr)
        for i in range(2):
            self._round("round %d after the restart" % i)
        for p in ("/api/questions", "/api/admin/candidates", "/api/admin/questions/1"):
            self.assertOk(admin("GET", p), msg=p)
        deadline = time.time() + 10
        while call("GET", "/health").status != 200 and time.time() < deadline:
            time.sleep(0.2)
        h = call("GET", "/health").json
        self.assertEqual({k: h[k] for k in ("status", "database", "sandbox")},
                         {"status": "ok", "database": "ok", "sandbox": "ok"})
        self.assertOk(login())

    def test_c_database_down_is_503_json(self):
        stop = subprocess.run(["runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D", VAR + "/pg/data",
                               "-m", "fast", "-w", "stop"], stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=120)
        try:
            self.assertEqual(stop.returncode, 0, stop.stderr)
            h = call("GET", "/health")
            self.assertEqual(h.status, 503, h)
            self.assertEqual(h.json.get("database"), "down", h)
            for method, path, body, tok in (
                    ("GET", "/api/questions", None, ADMIN), ("GET", "/api/admin/questions", None, ADMIN),
                    ("GET", "/api/admin/candidates", None, ADMIN), ("GET", "/api/questions", None, self.tok),
                    ("POST", "/api/admin/login", {"username": "admin", "password": ADMIN_PASSWORD}, None),
                    ("POST", "/api/test-session", {"invite_token": secrets.token_hex(32)}, None),
                    ("POST", "/api/invitation", {"invite_token": secrets.token_hex(32)}, None),
                    ("PUT", "/api/test-session/%s/heartbeat" % self.cid, None, self.tok),
                    ("PUT", "/api/test-session/%s/progress" % self.cid, {"pending_answers": {}}, self.tok),
                    ("POST", "/proxy/execute", {"language": "python", "code": "print(1)",
                                                "question_id": self.q["uuid"]}, self.tok)):
                self.assertError(call(method, path, body, token=tok), 503, msg="%s %s" % (method, path))
            # every execution is stored before it runs: with no database, none is taken
            r = call("POST", "/execute", {"language": "python", "code": SUM_PY,
                                          "test_cases": [{"input": "2 3", "expected_output": "5"}]})
            self.assertError(r, 503, "database_unavailable", msg="/execute without the database")
        finally:
            subprocess.run(["runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D", VAR + "/pg/data", "-w",
                            "-t", "60", "-l", VAR + "/pg/postgres.log", "start", "-o",
                            "-k %s/pg/run -c listen_addresses='' -p 5432 -c unix_socket_permissions=0777" % VAR],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        self._round("after the database came back")
        self.assertOk(call("PUT", "/api/test-session/%s/heartbeat" % self.cid, token=self.tok))
        r = call("POST", "/execute", {"language": "python", "code": SUM_PY,
                                      "test_cases": [{"input": "2 3", "expected_output": "5"}]})
        self.assertEqual((r.status, (r.json or {}).get("status")), (200, "accepted"), r)

    def test_d_crashed_worker_is_replaced(self):
        sup, workers = fcgi_pids()
        self.assertEqual(len(sup), 1, (sup, workers))
        self.assertEqual(len(workers), POOL_SIZE, workers)
        victim = workers[0]
        os.kill(victim, 11)
        # a round needs POOL_SIZE workers at once: the replacement must be there
        self._round("after one worker crashed")
        sup2, workers2 = fcgi_pids()
        self.assertEqual(sup2, sup)
        self.assertNotIn(victim, workers2)
        self.assertEqual(len(workers2), POOL_SIZE, workers2)
        with open(os.path.join(VAR, "log", "fcgi.log"), errors="replace") as f:
            self.assertIn("worker %d died of signal 11" % victim, f.read())

        # a worker that holds nginx's cached connection dies: the next requests still work
        self.assertOk(admin("GET", "/api/admin/questions"))
        for w in fcgi_pids()[1]:
            os.kill(w, 11)
        time.sleep(0.3)
        for _ in range(5):
            self.assertOk(admin("GET", "/api/admin/questions"))
        self._round("after every worker crashed")

        # a crash in the middle of a request: that request gets a JSON 503, the next ones work,
        # and the job it waited for still runs to its end (it was stored before it ran)
        box = {}

        def slow():
            box["r"] = call("POST", "/execute", {"language": "python", "code": "import time\ntime.sleep(3)\n",
                                                 "test_cases": [{"input": "", "expected_output": ""}]}, timeout=60)

        th = threading.Thread(target=slow)
        th.start()
        job, deadline = "", time.time() + 10
        while not job and time.time() < deadline:
            job = psql("SELECT id FROM job WHERE state = 'running' AND request LIKE '%time.sleep(3)%'"
                       " ORDER BY id DESC LIMIT 1")
            time.sleep(0.05)
        self.assertTrue(job, "the job never ran")
        # the waiting request is in the pool of its own: every worker there crashes
        for w in fcgi_pids("fcgi-exec")[1]:
            os.kill(w, 11)
        th.join(60)
        self.assertError(box["r"], 503, msg="the request whose worker crashed")
        deadline = time.time() + 20
        while psql("SELECT state FROM job WHERE id = %s" % job) != "done" and time.time() < deadline:
            time.sleep(0.2)
        self.assertEqual(psql("SELECT state FROM job WHERE id = %s" % job), "done")
        self._round("after a crash in the middle of a request")
        self.assertEqual(call("GET", "/health").status, 200)

    def test_e_more_concurrent_requests_than_workers(self):
        """2 x POOL_SIZE simultaneous quick requests must all be served within seconds."""
        def one(i):
            t = time.time()
            try:
                r = call("GET", "/api/languages", timeout=15, retry429=False)
                return r.status, round(time.time() - t, 2)
            except OSError as e:
                return repr(e), round(time.time() - t, 2)

        t0 = time.time()
        try:
            with concurrent.futures.ThreadPoolExecutor(max_workers=2 * POOL_SIZE) as ex:
                res = list(ex.map(one, range(2 * POOL_SIZE)))
        finally:
            fresh_upstream_connections()     # whatever is stuck does not hold up the tests after this
        NOTES.append("%d concurrent GET /api/languages on %d workers: %s in %.1f s" % (
            2 * POOL_SIZE, POOL_SIZE, [r[0] for r in res], time.time() - t0))
        self.assertEqual([r[0] for r in res], [200] * (2 * POOL_SIZE),
                         "requests beyond the pool size stall: %s" % res)


# ---------------------------------------------------------------- bounded input (issue 8, section 3)

def fcgi_direct(method, path, body=b"", token=None, content_length=None, timeout=20):
    """One request straight to the ce-fcgi socket, past nginx: the app's own limits.
    content_length may claim more than body holds; the stream then ends early."""
    import socket
    import struct

    def record(kind, content):
        return struct.pack("!BBHHBx", 1, kind, 1, len(content), 0) + content

    def pair(k, v):
        k, v = k.encode(), v.encode()
        out = b""
        for n in (len(k), len(v)):
            out += bytes([n]) if n < 128 else struct.pack("!I", n | 0x80000000)
        return out + k + v

    params = {"REQUEST_METHOD": method, "REQUEST_URI": path, "SCRIPT_NAME": path.split("?")[0],
              "QUERY_STRING": path.partition("?")[2], "CONTENT_TYPE": "application/json",
              "CONTENT_LENGTH": str(len(body) if content_length is None else content_length),
              "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1"}
    if token:
        params["HTTP_AUTHORIZATION"] = "Bearer " + token
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    t0 = time.time()
    try:
        s.connect(os.path.join(VAR, "run", "fcgi.sock"))
        s.sendall(record(1, struct.pack("!HB5x", 1, 0)))
        s.sendall(record(4, b"".join(pair(k, v) for k, v in params.items())) + record(4, b""))
        for i in range(0, len(body), 65535):
            s.sendall(record(5, body[i:i + 65535]))
        s.sendall(record(5, b""))
        out, buf = b"", b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
            while len(buf) >= 8:
                _, kind, _, clen, plen = struct.unpack("!BBHHB", buf[:7])
                if len(buf) < 8 + clen + plen:
                    break
                if kind == 6:
                    out += buf[8:8 + clen]
                buf = buf[8 + clen + plen:]
                if kind == 3:
                    buf = None
                    break
            if buf is None:
                break
    finally:
        s.close()
    head, _, data = out.partition(b"\r\n\r\n")
    status = int(re.search(rb"Status: (\d+)", head).group(1)) if b"Status:" in head else 200
    hdrs = {k.lower(): v.strip() for k, _, v in (l.decode().partition(":") for l in head.split(b"\r\n"))}
    r = Resp(status, hdrs, data)
    r.seconds = time.time() - t0
    return r


def proc_status(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


class T12Bounds(Base):
    """Issue 8 section 3: body limits per route (nginx and the app), the JSON reader's
    bounds, closed contracts on the candidate calls, worker memory limits, per-session
    rate limits and the draft cap."""

    KIB = 1024
    LIMITS = (("PUT", "heartbeat", 64 * 1024), ("PUT", "activity", 64 * 1024),
              ("PUT", "complete", 64 * 1024), ("PUT", "abandon", 64 * 1024),
              ("PUT", "progress", 1024 * 1024))

    @classmethod
    def setUpClass(cls):
        cls.q = BY_SLUG["01-sensor-summary"]

    def session(self):
        cid, invite, _ = new_candidate([self.q["uuid"]], minutes=600, name="svc cand bounds")
        tok, _ = start_session(invite)
        return cid, tok, invite

    def stored(self, cid):
        s = admin("GET", "/api/test-session/" + cid).json["session"]
        return s["status"], s["pending_answers"], s["sections_completed"]

    @staticmethod
    def padded(limit, extra):
        """A JSON object body of exactly limit + extra bytes."""
        pad = limit + extra - len('{"pad":""}')
        return ('{"pad":"%s"}' % ("x" * pad)).encode()

    def test_a_body_limits_in_nginx(self):
        cid, tok, invite = self.session()
        base = "/api/test-session/" + cid
        for method, what, limit in self.LIMITS:
            r = call(method, "%s/%s" % (base, what), self.padded(limit, 1), token=tok, retry429=False)
            self.assertError(r, 413, "payload_too_large", msg="%s over %d" % (what, limit))
            self.assertNotIn("64 MiB", r.json["error"]["message"], what)
        for path, limit in (("/api/test-session", 64 * 1024), ("/api/invitation", 64 * 1024),
                            ("/proxy/execute", 256 * 1024 + 64 * 1024)):
            r = call("POST", path, self.padded(limit, 1), token=tok, retry429=False)
            self.assertError(r, 413, "payload_too_large", msg="%s over %d" % (path, limit))
        # a draft of almost 1 MiB still saves; nothing was changed by the refusals
        self.assertEqual(self.stored(cid), ("active", {}, []))
        big = {"pending_answers": {"q": "y" * (1024 * 1024 - 200)}}
        self.assertOk(call("PUT", base + "/progress", big, token=tok))
        self.assertEqual(self.stored(cid)[1], big["pending_answers"])

    def test_b_body_limits_in_the_app(self):
        """Past nginx, the app refuses by Content-Length alone: nothing is read, no waiting."""
        cid, tok, _ = self.session()
        base = "/api/test-session/" + cid
        for method, what, limit in self.LIMITS:
            r = fcgi_direct(method, "%s/%s" % (base, what), b"{}", token=tok, content_length=limit + 1)
            self.assertError(r, 413, "payload_too_large", msg="%s claims %d" % (what, limit + 1))
            self.assertLess(r.seconds, 5, what)
        for path, limit in (("/api/test-session", 64 * 1024), ("/api/invitation", 64 * 1024),
                            ("/proxy/execute", 256 * 1024 + 64 * 1024)):
            r = fcgi_direct("POST", path, b"{}", token=tok, content_length=limit + 1)
            self.assertError(r, 413, "payload_too_large", msg="%s claims %d" % (path, limit + 1))
        # a body within the limit still works past nginx
        self.assertOk(fcgi_direct("PUT", base + "/heartbeat", b"", token=tok))
        self.assertEqual(self.stored(cid), ("active", {}, []))

    def test_c_hostile_json_bounded(self):
        """The issue's body of {} objects, sent past nginx: refused, and no worker grows."""
        cid, tok, _ = self.session()
        sup, workers = fcgi_pids()
        body = ('{"language":"python","code":"print(1)","question_id":"%s","mode":"run","junk":[%s]}'
                % (self.q["uuid"], ",".join(["{}"] * (300 * 1024 // 3)))).encode()
        for pid in workers:
            with open("/proc/%d/clear_refs" % pid, "w") as f:
                f.write("5")          # resets VmHWM
        base_rss = {pid: proc_status(pid, "VmHWM") for pid in workers}
        r = fcgi_direct("POST", "/proxy/execute", body, token=tok)
        grown = max(proc_status(pid, "VmHWM") - base_rss[pid] for pid in workers)
        NOTES.append("hostile /proxy/execute body of %d KiB: HTTP %d, worker peak RSS +%d KiB"
                     % (len(body) // 1024, r.status, grown))
        self.assertError(r, 413, "payload_too_large", msg="hostile body")
        self.assertLess(grown * 1024, 20 * len(body) + 4 * 1024 * 1024, "worker peak RSS grew %d KiB" % grown)
        # deep, long names, long strings: clear 4xx
        base = "/api/test-session/" + cid
        for what, text in (("deep", '{"pending_answers":' + '{"a":' * 40 + '1' + '}' * 41),
                           ("long name", '{"pending_answers":{"%s":1}}' % ("k" * 2000))):
            self.assertClientError(call("PUT", base + "/progress", text, token=tok), what)
        self.assertEqual(self.stored(cid), ("active", {}, []))

    def test_d_closed_contracts(self):
        cid, tok, invite = self.session()
        base = "/api/test-session/" + cid
        for method, path, body in (
                ("PUT", base + "/heartbeat", {"beat": 1}),
                ("PUT", base + "/activity", {"type": "keypress", "extra": 1}),
                ("PUT", base + "/progress", {"pending_answers": {"a": 1}, "junk": [{}]}),
                ("PUT", base + "/complete", {"completion_method": "manual", "score": 100}),
                ("POST", "/api/test-session", {"invite_token": invite, "admin": True}),
                ("POST", "/proxy/execute", {"language": "python", "code": "print(1)", "mode": "run",
                                            "question_id": self.q["uuid"],
                                            "test_cases": [{"input": "", "expected_output": "1"}]})):
            r = call(method, path, body, token=tok, retry429=False)
            self.assertError(r, 400, "unknown_field", msg="%s %s" % (method, path))
        self.assertEqual(self.stored(cid), ("active", {}, []))
        # the fields the contract names are still fine, and so is no body at all
        self.assertOk(call("PUT", base + "/heartbeat", token=tok))
        self.assertOk(call("PUT", base + "/heartbeat", {}, token=tok))
        self.assertOk(call("PUT", base + "/activity", {"type": "keypress"}, token=tok))
        self.assertOk(call("PUT", base + "/progress", {"pending_answers": {"a": 1}, "sections_completed": []},
                           token=tok))

    def test_e_worker_memory_limit(self):
        sup, workers = fcgi_pids()
        self.assertTrue(workers)
        peaks = []
        for pid in workers:
            with open("/proc/%d/limits" % pid) as f:
                line = [l for l in f if l.startswith("Max address space")][0]
            peaks.append(proc_status(pid, "VmPeak"))
        NOTES.append("ce-fcgi worker VmPeak: %s KiB; address space limit %s" % (peaks, line.split()[3]))
        for pid in workers:
            with open("/proc/%d/limits" % pid) as f:
                line = [l for l in f if l.startswith("Max address space")][0]
            self.assertNotIn("unlimited", line.split()[3], "worker %d: %s" % (pid, line.strip()))
        # what the workers run themselves still runs: the toolchain versions (java -version) ...
        langs = {l["id"]: l for l in call("GET", "/api/languages").json["languages"]}
        self.assertIn("17", langs["java"]["version"])
        # ... and the judge (and the JVM in its box) is not held to the worker's limit
        cid, tok, _ = self.session()
        r = proxy(tok, self.q["uuid"], "java", self.q["solutions"]["java"])
        self.assertOk(r)
        self.assertEqual(r.json["status"], "accepted", r.text[:600])

    def test_f_rate_limits(self):
        cid, tok, _ = self.session()
        other, otok, _ = self.session()
        base = "/api/test-session/" + cid
        for what, body in (("heartbeat", None), ("activity", {"type": "keypress"})):
            codes = [call("PUT", "%s/%s" % (base, what), body, token=tok, retry429=False)
                     for _ in range(45)]
            statuses = [r.status for r in codes]
            self.assertIn(429, statuses, what)
            self.assertEqual(statuses[:20], [200] * 20, "%s: a burst of 20 is fine" % what)
            self.assertError([r for r in codes if r.status == 429][0], 429, "rate_limited", msg=what)
        n, last = 0, None
        for i in range(45):
            answers = {"n": i}
            r = call("PUT", base + "/progress", {"pending_answers": answers}, token=tok, retry429=False)
            if r.status == 200:
                last = answers
                continue
            self.assertError(r, 429, "rate_limited", msg="progress %d" % i)
            n += 1
        self.assertGreater(n, 0, "45 saves at once are throttled")
        self.assertEqual(self.stored(cid)[1], last, "a throttled save changes nothing")
        # per session: the other candidate is not affected
        self.assertOk(call("PUT", "/api/test-session/%s/heartbeat" % other, token=otok, retry429=False))
        self.assertOk(call("PUT", "/api/test-session/%s/progress" % other, {"pending_answers": {"a": 1}},
                           token=otok, retry429=False))

    def test_g_draft_cap(self):
        cid, tok, _ = self.session()
        base = "/api/test-session/" + cid
        drafts = {"q1": {"language": "python", "code_by_language": {"python": "p" * (1000 * 1024)}}}
        self.assertOk(call("PUT", base + "/progress", {"pending_answers": drafts}, token=tok))
        # each part fits the body limit; together they pass the cap of 1 MiB
        r = call("PUT", base + "/progress", {"sections_completed": ["s" * (60 * 1024)]}, token=tok)
        self.assertError(r, 413, "payload_too_large", msg="drafts over the cap")
        self.assertEqual(self.stored(cid), ("active", drafts, []))
        small = {"q1": {"language": "python", "code_by_language": {"python": "print(1)"}}}
        self.assertOk(call("PUT", base + "/progress", {"pending_answers": small, "sections_completed": ["s"]},
                           token=tok))
        self.assertEqual(self.stored(cid), ("active", small, ["s"]))


class T10NoLeaks(Base):
    def test_no_response_leaked_secrets(self):
        # errors that touch the database and authentication, once more, then the record of the whole run
        for r in (login("x"), admin("GET", "/api/admin/questions/abc"),
                  call("POST", "/api/test-session", {"invite_token": "'; SELECT 1; --"}),
                  admin("POST", "/api/admin/candidates", {"name": "x", "question_ids": ["00000000-0000-0000-0000-000000000000"]})):
            self.assertTrue(400 <= r.status < 500, r)
        self.assertEqual(LEAKS, [])
        self.assertGreater(REQUESTS[0], 100)


def main():
    t0 = time.time()
    loader = unittest.TestLoader()
    if sys.argv[1:]:  # e.g. "T07Reports": only the tests whose names contain one of these
        loader.testNamePatterns = ["*%s*" % a for a in sys.argv[1:]]
    suite = loader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    stop_service()
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped) \
        - len(result.unexpectedSuccesses)
    for n in NOTES:
        print("note: " + n)
    print("note: %d HTTP requests, %.1f s in all" % (REQUESTS[0], time.time() - t0))
    sys.stderr.flush()
    print("service: %d passed, %d failed" % (max(passed, 0), failed))
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
