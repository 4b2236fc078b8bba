#!/usr/bin/python3
"""Validate the Coding Engine sample question bank.

For every question directory (NN-slug) this script:
  * validates meta.json (fields, types, samples/points refer to real tests,
    at least 2 samples and 6 hidden tests),
  * checks tests come in .in/.out pairs, each file is at most 1 MiB (and the
    whole bank at most 8 MiB), and that every sample appears verbatim (input
    and output) as a fenced code block in question.md,
  * compiles every reference solution (solution/) and every starter
    (starter/) once, in a temporary directory,
  * runs every reference solution on every test with the question's time
    limit and compares the output (trailing whitespace per line and trailing
    blank lines are ignored),
  * runs every starter on the sample inputs and checks it exits cleanly.

The last line printed is "N passed, M failed"; the exit status is non-zero
if anything failed.

Function questions (meta.json "kind": "function") are left to
tests/test_signature.c, which runs their solutions through the harness of each
language; only the bank size counts them here.

Usage: /usr/bin/python3 check.py [-j JOBS] [-q QUESTION ...] [-l LANG ...]
                                 [--slack FACTOR] [-v]
       /usr/bin/python3 check.py --write-outputs -q NN-slug [--from-lang cpp]
         (re)generates tests/*.out of the given questions with one reference
         solution; run the full check afterwards to cross-check all six.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"

# lang -> (source file, compile command or None, run command)
LANGS = {
    "python": ("main.py", None, [PYTHON, "main.py"]),
    "java": ("Main.java", ["javac", "-encoding", "UTF-8", "Main.java"],
             ["java", "-Xss64m", "-XX:+UseSerialGC", "-cp", ".", "Main"]),
    "cpp": ("main.cpp", ["g++", "-std=gnu++17", "-O2", "-o", "main", "main.cpp"], ["./main"]),
    "c": ("main.c", ["gcc", "-std=gnu17", "-O2", "-o", "main", "main.c", "-lm"], ["./main"]),
    "javascript": ("main.js", None, ["node", "main.js"]),
    "csharp": ("Main.cs", ["mcs", "-optimize+", "-out:main.exe", "Main.cs"], ["mono", "main.exe"]),
}
DIFFICULTIES = {"easy", "medium", "hard"}
COMPILE_TIMEOUT = 120
MIN_SAMPLES = 2
MIN_HIDDEN = 6
MAX_TEST_BYTES = 1 << 20      # per test file
MAX_BANK_BYTES = 8 << 20      # whole bank

print_lock = threading.Lock()


def log(msg):
    with print_lock:
        print(msg, flush=True)


def normalize(text):
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines)


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = []
        self.lock = threading.Lock()

    def ok(self, what, verbose_msg=None, verbose=False):
        with self.lock:
            self.passed += 1
        if verbose and verbose_msg:
            log("  ok   " + verbose_msg)

    def fail(self, what, detail=""):
        with self.lock:
            self.failed.append(what)
        log("  FAIL " + what + (("\n       " + detail.replace("\n", "\n       ")) if detail else ""))


def list_tests(qdir):
    tdir = os.path.join(qdir, "tests")
    if not os.path.isdir(tdir):
        return [], ["missing tests/ directory"]
    names = os.listdir(tdir)
    ins = {n[:-3] for n in names if n.endswith(".in")}
    outs = {n[:-4] for n in names if n.endswith(".out")}
    problems = []
    for t in sorted(ins ^ outs):
        problems.append("test %s has no matching %s" % (t, ".out" if t in ins else ".in"))
    for n in sorted(names):
        size = os.path.getsize(os.path.join(tdir, n))
        if size > MAX_TEST_BYTES:
            problems.append("%s is %d bytes (limit %d)" % (n, size, MAX_TEST_BYTES))
    return sorted(ins & outs), problems


def validate_meta(qdir, tests):
    problems = []
    path = os.path.join(qdir, "meta.json")
    try:
        with open(path, encoding="utf-8") as f:
            meta = json.load(f)
    except Exception as e:  # noqa: BLE001
        return None, ["meta.json unreadable: %s" % e]
    if not isinstance(meta, dict):
        return None, ["meta.json is not an object"]
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        problems.append("title must be a non-empty string")
    if meta.get("difficulty") not in DIFFICULTIES:
        problems.append("difficulty must be one of %s" % sorted(DIFFICULTIES))
    tags = meta.get("tags")
    if not isinstance(tags, list) or not tags or not all(isinstance(t, str) and t for t in tags):
        problems.append("tags must be a non-empty list of strings")
    for key in ("time_limit_ms", "memory_limit_mb"):
        v = meta.get(key)
        if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
            problems.append("%s must be a positive integer" % key)
    samples = meta.get("samples")
    if not isinstance(samples, list) or not samples or not all(isinstance(s, str) for s in samples):
        problems.append("samples must be a non-empty list of test names")
    else:
        for s in samples:
            if s not in tests:
                problems.append("sample %r does not exist in tests/" % s)
        if len(set(samples)) != len(samples):
            problems.append("duplicate entries in samples")
    points = meta.get("points")
    if points is not None:
        if not isinstance(points, dict):
            problems.append("points must be an object")
        else:
            for k, v in points.items():
                if k not in tests:
                    problems.append("points refers to unknown test %r" % k)
                if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
                    problems.append("points[%r] must be a positive integer" % k)
    # bank policy: 2 sample tests and at least 6 hidden tests per question
    if isinstance(samples, list):
        if len(samples) < MIN_SAMPLES:
            problems.append("need at least %d sample tests" % MIN_SAMPLES)
        if len(set(tests) - set(samples)) < MIN_HIDDEN:
            problems.append("need at least %d hidden tests" % MIN_HIDDEN)
    unknown = set(meta) - {"title", "difficulty", "tags", "time_limit_ms", "memory_limit_mb", "samples", "points"}
    if unknown:
        problems.append("unknown meta.json fields: %s" % ", ".join(sorted(unknown)))
    return meta, problems


def check_statement(qdir, meta, tests):
    problems = []
    path = os.path.join(qdir, "question.md")
    if not os.path.isfile(path):
        return ["question.md missing"]
    with open(path, encoding="utf-8") as f:
        md = f.read()
    for sec in ("Input", "Output", "Constraints"):
        if not re.search(r"^#+\s*" + sec, md, re.M):
            problems.append("question.md has no '%s' section" % sec)
    blocks = [normalize(b) for b in re.findall(r"```[^\n]*\n(.*?)```", md, re.S)]
    for s in (meta or {}).get("samples", []) or []:
        if s not in tests:
            continue
        for ext in ("in", "out"):
            with open(os.path.join(qdir, "tests", s + "." + ext), encoding="utf-8") as f:
                want = normalize(f.read())
            if want not in blocks:
                problems.append("sample %s.%s does not appear as a code block in question.md" % (s, ext))
    return problems


def build(src_dir, lang, workroot, tag):
    """Copy the source into a fresh temp dir and compile it.
    Returns (workdir, error or None)."""
    fname, compile_cmd, _ = LANGS[lang]
    src = os.path.join(src_dir, fname)
    if not os.path.isfile(src):
        return None, "missing %s" % os.path.relpath(src, ROOT)
    wd = os.path.join(workroot, tag)
    os.makedirs(wd)
    shutil.copy(src, os.path.join(wd, fname))
    if compile_cmd is None:
        if lang == "python":
            cmd = [PYTHON, "-m", "py_compile", fname]
        else:
            cmd = ["node", "--check", fname]
    else:
        cmd = compile_cmd
    try:
        p = subprocess.run(cmd, cwd=wd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=COMPILE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "compile timed out"
    except FileNotFoundError as e:
        return None, "toolchain missing: %s" % e
    if p.returncode != 0:
        return None, (p.stdout + p.stderr).decode("utf-8", "replace")[-2000:]
    return wd, None


def run(wd, lang, input_path, timeout):
    _, _, cmd = LANGS[lang]
    with open(input_path, "rb") as fin:
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, cwd=wd, stdin=fin, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, None, time.monotonic() - t0, "timeout"
        dt = time.monotonic() - t0
    return p.returncode, p.stdout.decode("utf-8", "replace"), dt, p.stderr.decode("utf-8", "replace")


def write_outputs(questions, lang):
    with tempfile.TemporaryDirectory(prefix="qcheck-") as tmp:
        for q in questions:
            qdir = os.path.join(ROOT, q)
            tdir = os.path.join(qdir, "tests")
            ins = sorted(n[:-3] for n in os.listdir(tdir) if n.endswith(".in"))
            wd, err = build(os.path.join(qdir, "solution"), lang, tmp, q)
            if err:
                print("%s: build failed: %s" % (q, err))
                return 1
            for t in ins:
                rc, out, dt, stderr = run(wd, lang, os.path.join(tdir, t + ".in"), 60)
                if rc != 0:
                    print("%s/%s: %s failed (rc=%s): %s" % (q, t, lang, rc, (stderr or "")[-500:]))
                    return 1
                with open(os.path.join(tdir, t + ".out"), "w", encoding="utf-8") as f:
                    f.write(normalize(out) + "\n")
                print("%s/%s: wrote .out (%.2fs)" % (q, t, dt))
    return 0


def is_function_question(qdir):
    """An "implement this function" question: tests/test_signature.c checks those."""
    try:
        with open(os.path.join(qdir, "meta.json")) as f:
            return json.load(f).get("kind") == "function"
    except (OSError, ValueError):
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-q", "--question", action="append", help="only these question dirs")
    ap.add_argument("-l", "--lang", action="append", choices=sorted(LANGS), help="only these languages")
    ap.add_argument("--slack", type=float, default=1.0,
                    help="multiply every time limit by this factor (default 1.0)")
    ap.add_argument("--write-outputs", action="store_true")
    ap.add_argument("--from-lang", default="cpp", choices=sorted(LANGS))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    all_q = sorted(d for d in os.listdir(ROOT)
                   if re.match(r"^\d\d-[a-z0-9-]+$", d) and os.path.isdir(os.path.join(ROOT, d))
                   and not is_function_question(os.path.join(ROOT, d)))
    questions = all_q
    if args.question:
        questions = [q for q in all_q if q in args.question or q[:2] in args.question]
    langs = args.lang or list(LANGS)

    if args.write_outputs:
        return write_outputs(questions, args.from_lang)

    start = time.monotonic()
    res = Results()
    slowest = []  # (ratio, label, seconds)
    slow_lock = threading.Lock()

    with tempfile.TemporaryDirectory(prefix="qcheck-") as tmp:
        # 1. static checks
        bank = 0
        for dirpath, _, files in os.walk(ROOT):
            bank += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
        if bank > MAX_BANK_BYTES:
            res.fail("bank size", "%d bytes > %d" % (bank, MAX_BANK_BYTES))
        else:
            res.ok("bank size", "bank size %d bytes" % bank, args.verbose)
        plans = []
        for q in questions:
            qdir = os.path.join(ROOT, q)
            tests, tproblems = list_tests(qdir)
            meta, mproblems = validate_meta(qdir, tests)
            sproblems = check_statement(qdir, meta, tests)
            for label, probs in (("tests", tproblems), ("meta.json", mproblems), ("question.md", sproblems)):
                if probs:
                    res.fail("%s: %s" % (q, label), "\n".join(probs))
                else:
                    res.ok("%s: %s" % (q, label), "%s: %s" % (q, label), args.verbose)
            if meta is None:
                continue
            plans.append((q, qdir, tests, meta))

        # 2. compile everything once (in parallel)
        jobs = []
        for q, qdir, tests, meta in plans:
            for kind in ("solution", "starter"):
                for lang in langs:
                    jobs.append((q, qdir, kind, lang))

        def do_build(job):
            q, qdir, kind, lang = job
            try:
                wd, err = build(os.path.join(qdir, kind), lang, tmp, "%s.%s.%s" % (q, kind, lang))
            except Exception as e:  # noqa: BLE001
                wd, err = None, "internal error: %r" % e
            label = "%s: %s/%s compile" % (q, kind, lang)
            if err:
                res.fail(label, err)
            else:
                res.ok(label, label, args.verbose)
            return job, wd

        with ThreadPoolExecutor(max_workers=args.jobs) as ex:
            built = dict(ex.map(do_build, jobs))
        log("compiled %d programs in %.1fs" % (len(jobs), time.monotonic() - start))

        # 3. run
        runs = []
        for q, qdir, tests, meta in plans:
            limit = meta.get("time_limit_ms", 2000) / 1000.0 * args.slack
            samples = [s for s in meta.get("samples", []) if s in tests]
            for lang in langs:
                wd = built.get((q, qdir, "solution", lang))
                if wd:
                    for t in tests:
                        runs.append(("solution", q, qdir, lang, wd, t, limit))
                wd = built.get((q, qdir, "starter", lang))
                if wd:
                    for t in samples:
                        runs.append(("starter", q, qdir, lang, wd, t, limit))

        def do_run(r):
            try:
                run_one(r)
            except Exception as e:  # noqa: BLE001 - report, never crash the summary
                res.fail("%s: %s/%s test %s" % (r[1], r[0], r[3], r[5]), "internal error: %r" % e)

        def run_one(r):
            kind, q, qdir, lang, wd, t, limit = r
            label = "%s: %s/%s test %s" % (q, kind, lang, t)
            inp = os.path.join(qdir, "tests", t + ".in")
            # allow a generous hard cap, then judge the measured time against the limit
            rc, out, dt, stderr = run(wd, lang, inp, max(limit * 3, limit + 2))
            if rc is None:
                res.fail(label, "timed out (limit %.2fs)" % limit)
                return
            if rc != 0:
                res.fail(label, "exit code %d: %s" % (rc, stderr.strip()[-800:]))
                return
            if kind == "starter":
                res.ok(label, label, args.verbose)
                return
            with slow_lock:
                slowest.append((dt / limit, "%s (%.2fs / %.2fs)" % (label, dt, limit)))
            if dt > limit:
                res.fail(label, "too slow: %.2fs > %.2fs" % (dt, limit))
                return
            with open(os.path.join(qdir, "tests", t + ".out"), encoding="utf-8") as f:
                want = normalize(f.read())
            got = normalize(out)
            if got != want:
                gl, wl = got.split("\n"), want.split("\n")
                i = next((k for k in range(min(len(gl), len(wl))) if gl[k] != wl[k]), min(len(gl), len(wl)))
                res.fail(label, "wrong answer at line %d: got %r, expected %r"
                         % (i + 1, gl[i][:80] if i < len(gl) else "<EOF>", wl[i][:80] if i < len(wl) else "<EOF>"))
                return
            res.ok(label, "%s (%.2fs)" % (label, dt), args.verbose)

        with ThreadPoolExecutor(max_workers=args.jobs) as ex:
            list(ex.map(do_run, runs))

    slowest.sort(reverse=True)
    if slowest:
        log("slowest runs (fraction of time limit):")
        for ratio, label in slowest[:5]:
            log("  %4.0f%%  %s" % (ratio * 100, label))
    log("total time %.1fs" % (time.monotonic() - start))
    print("%d passed, %d failed" % (res.passed, len(res.failed)))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
