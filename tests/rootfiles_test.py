#!/usr/bin/python3
"""
tests/rootfiles_test.py - root never follows a link that another user planted under VAR_DIR.

    make all && /usr/bin/python3 tests/rootfiles_test.py [name-part ...]

conf/service.sh runs as root.  Each test starts a private stack once (PORT 18470,
TLS on 18471, VAR_DIR tests/out/var-rootfiles) to lay the directories out, then, as
a user the service runs as (coding-engine, postgres, www-data), replaces every name
in every directory under VAR_DIR that user can write to, and adds every name the
service creates anywhere, with a symlink to a target of its own outside VAR_DIR: a
sentinel file, a sentinel directory, or a path that does not exist (to catch a
file being created).  The targets sit in a directory only root may enter, so only
root can change them.  Then `make start` and `make stop` run as root,
and nothing under the targets may have changed (content, mode, owner, mtime) or
appeared.  Standard library only.  The last line printed is
"rootfiles: N passed, M failed".
"""
import hashlib
import http.client
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "out")
PORT = 18470
TLS_PORT = 18471
VAR = os.path.join(OUT, "var-rootfiles")
CLOSED = os.path.join(OUT, "rootfiles-closed")   # a directory the service users cannot enter
APP_USER, PG_USER, WEB_USER = "coding-engine", "postgres", "www-data"

ENV = {k: v for k, v in os.environ.items()
       if k not in ("DATABASE_URL", "CE_API_KEY", "CE_EXECUTE_ALLOW", "CE_ADMIN_ALLOW", "CE_PUBLIC_URL",
                    "EXEC_RATE", "EXEC_BURST", "VAR_DIR", "PORT", "TLS_PORT",
                    "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "SANITIZE")}
ENV.update(PORT=str(PORT), TLS_PORT=str(TLS_PORT), VAR_DIR=VAR, ADMIN_PASSWORD="rootfiles-unused-pw",
           POOL_SIZE="2")

# names the start script, nginx and PostgreSQL create (some only now and then)
KNOWN_NAMES = [
    "nginx.conf", "run", "log", "bin", "share", "tls", "secret", "invite_link.key", "invite_link.key.new", "pg", "data", "static", "templates", "sql",
    "nginx.pid", "nginx-fg.pid", "fcgi.pid", "sweep.pid", "fcgi.sock", "fcgi-exec.pid", "fcgi-exec.sock",
    "fcgi-exec.log", "worker.pid", "worker.log", "ce-worker",
    "nginx-body", "nginx-fastcgi", "nginx-proxy", "nginx-uwsgi", "nginx-scgi",
    "fcgi.log", "sweep.log", "initdb.log", "nginx-test.log", "nginx-error.log", "nginx-access.log",
    "error.log", "access.log", "postgres.log", "cert.pem", "key.pem", "judge", "ce-fcgi", "ce-ctl",
    "PG_VERSION", "postmaster.pid", ".s.PGSQL.5432", ".s.PGSQL.5432.lock", "ld.so.preload",
]

# run as the planting user: {"probe": [dirs]} -> the dirs it may create entries in;
# {"plant": [[dir, name, target, replace]]} -> how many links it made
AS_USER = r"""
import json, os, shutil, stat, sys
req = json.load(sys.stdin)
if "probe" in req:
    out = []
    for d in req["probe"]:
        try:
            if stat.S_ISDIR(os.lstat(d).st_mode) and os.access(d, os.W_OK | os.X_OK):
                out.append(d)
        except OSError:
            pass
    json.dump(out, sys.stdout)
else:
    made = 0
    for d, name, target, replace in req["plant"]:
        p = os.path.join(d, name)
        try:
            if os.path.lexists(p):
                if not replace:
                    continue
                if os.path.isdir(p) and not os.path.islink(p):
                    shutil.rmtree(p)
                else:
                    os.unlink(p)
            os.symlink(target, p)
            made += 1
        except OSError:
            pass
    json.dump(made, sys.stdout)
"""


def service(cmd, log_name, env=None):
    with open(os.path.join(OUT, log_name), "ab") as log:
        log.write(("\n==== %s %s\n" % (time.strftime("%H:%M:%S"), cmd)).encode())
        log.flush()
        # what an operator types: make start (packages, build, service.sh start) and make stop
        return subprocess.run(["make", "--no-print-directory", "-C", ROOT, cmd], cwd=ROOT,
                              env=env or ENV, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                              timeout=300).returncode


def log_tail(name, n=3000):
    try:
        with open(os.path.join(OUT, name), errors="replace") as f:
            return f.read()[-n:]
    except OSError:
        return ""


def as_user(user, req):
    p = subprocess.run(["runuser", "-u", user, "--", "/usr/bin/python3", "-c", AS_USER],
                       input=json.dumps(req).encode(), stdout=subprocess.PIPE, check=True, cwd="/")
    return json.loads(p.stdout)


def walk_dirs(top):
    """Every directory under top (top too), without following links."""
    out = []
    for d, dirs, _files in os.walk(top, followlinks=False):
        out.append(d)
    return out


def all_names(top):
    """Every entry name under top, except inside the PostgreSQL cluster (its own business)."""
    names = set(KNOWN_NAMES)
    data = os.path.join(top, "pg", "data")
    for d, dirs, files in os.walk(top, followlinks=False):
        names.update(dirs)
        names.update(files)
        if d == data:
            dirs[:] = []
    return sorted(names)


def snapshot(top):
    """path -> (type, mode, uid, gid, size, mtime, content hash or link target), top included."""
    snap = {}
    for d, dirs, files in os.walk(top, followlinks=False):
        for p in [d] + [os.path.join(d, n) for n in files]:
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    extra = hashlib.sha256(f.read()).hexdigest()
            elif stat.S_ISLNK(st.st_mode):
                extra = os.readlink(p)
            else:
                extra = ""
            snap[p] = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid,
                       st.st_size if not stat.S_ISDIR(st.st_mode) else 0, st.st_mtime_ns, extra)
    return snap


def diff(before, after):
    out = []
    for p in sorted(set(before) | set(after)):
        if p not in after:
            out.append("removed " + p)
        elif p not in before:
            out.append("appeared " + p)
        elif before[p] != after[p]:
            b, a = before[p], after[p]
            what = [n for n, x, y in zip(("type", "mode", "uid", "gid", "size", "mtime", "content"), b, a)
                    if x != y]
            out.append("changed %s (%s)" % (p, ", ".join(what)))
    return out


def fresh_stack():
    """A new VAR_DIR laid out by one start and stop."""
    service("stop", "rootfiles-service.log")
    shutil.rmtree(VAR, ignore_errors=True)
    rc = service("start", "rootfiles-service.log")
    if rc != 0:
        raise AssertionError("service.sh start failed (%d):\n%s" % (rc, log_tail("rootfiles-service.log")))
    rc = service("stop", "rootfiles-service.log")
    if rc != 0:
        raise AssertionError("service.sh stop failed (%d)" % rc)


class Sentinels:
    """Targets outside VAR_DIR, in a 0700 directory of root's."""

    def __init__(self):
        self.top = tempfile.mkdtemp(prefix="ce-rootfiles-")
        for sub in ("files", "dirs", "missing"):
            os.mkdir(os.path.join(self.top, sub), 0o755)
        self.n = 0

    def target(self, kind):
        self.n += 1
        if kind == "file":
            p = os.path.join(self.top, "files", "f%05d" % self.n)
            with open(p, "w") as f:
                f.write("sentinel %d\n" % self.n)
            os.chmod(p, 0o644)
        elif kind == "dir":
            p = os.path.join(self.top, "dirs", "d%05d" % self.n)
            os.mkdir(p, 0o755)
            with open(os.path.join(p, "inside"), "w") as f:
                f.write("sentinel dir %d\n" % self.n)
        else:
            # nothing there: a file created through the link would appear here
            p = os.path.join(self.top, "missing", "ld.so.preload-test-%05d" % self.n)
        return p

    def remove(self):
        shutil.rmtree(self.top, ignore_errors=True)


def plant(user, sentinels, links, dangling):
    """Links under every name in every directory under VAR that user can write to: to a
    sentinel of the same kind as what is there (a name not there yet: to a path that does
    not exist), or with dangling, every one to a path that does not exist.
    Returns (directories writable, links made); links gets target -> link."""
    names = all_names(VAR)
    data = os.path.join(VAR, "pg", "data")
    writable = as_user(user, {"probe": walk_dirs(VAR)})
    todo = []
    for d in writable:
        in_cluster = d == data or d.startswith(data + os.sep)
        for name in names:
            p = os.path.join(d, name)
            exists = os.path.lexists(p)
            if exists and in_cluster:
                continue          # the cluster's own files: replacing them only breaks PostgreSQL
            if dangling or not exists:
                kind = "missing"
            elif os.path.isdir(p) and not os.path.islink(p):
                kind = "dir"
            else:
                kind = "file"
            t = sentinels.target(kind)
            links[t] = "%s (as %s)" % (os.path.relpath(p, VAR), user)
            todo.append([d, name, t, True])
    made = as_user(user, {"plant": todo}) if todo else 0
    return writable, made


def start_stop_unchanged(test, users, must_start, prepare=None):
    """Two rounds on a fresh VAR_DIR each: links to sentinels (a change shows), then links to
    nothing (a created file shows)."""
    problems = []
    for dangling in (False, True):
        fresh_stack()
        if prepare:
            prepare()
        sent = Sentinels()
        links = {}
        try:
            planted = []
            for u in users:
                writable, made = plant(u, sent, links, dangling)
                planted.append("%s: %d links in %d writable directories%s" % (
                    u, made, len(writable),
                    (" (" + ", ".join(os.path.relpath(d, VAR) for d in writable[:6])
                     + (", ..." if len(writable) > 6 else "") + ")") if writable else ""))
            print("\n  %s links planted: %s" % ("dangling" if dangling else "sentinel", "; ".join(planted)))
            before = snapshot(sent.top)
            rc_start = service("start", "rootfiles-service.log")
            rc_stop = service("stop", "rootfiles-service.log")
            after = snapshot(sent.top)
            changes = diff(before, after)
            for c in changes:
                path = c.split(" ", 1)[1].split(" (")[0]
                via = links.get(path) or links.get(os.path.dirname(path), "")
                problems.append("%s  <- via VAR_DIR/%s" % (c, via) if via else c)
            print("  start rc %d, stop rc %d, %d changes outside VAR_DIR" % (rc_start, rc_stop, len(changes)))
            if must_start and rc_start != 0:
                problems.append("start failed (%d):\n%s" % (rc_start, log_tail("rootfiles-service.log", 1500)))
            if rc_stop != 0:
                problems.append("stop failed (%d)" % rc_stop)
        finally:
            service("stop", "rootfiles-service.log")
            sent.remove()
    for c in problems[:60]:
        print("  " + c)
    test.assertEqual(problems, [], "%d problems, see above" % len(problems))


def http_get(path):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


class R1Links(unittest.TestCase):
    def test_a_service_user_links(self):
        """coding-engine plants links wherever it can write; start and stop follow none of them."""
        start_stop_unchanged(self, [APP_USER], must_start=True)

    def test_b_old_layout_links(self):
        """A VAR_DIR from before (log/ group-writable by coding-engine, links already in it) is safe too."""
        def old_layout():
            os.chown(os.path.join(VAR, "log"), 0, int(subprocess.check_output(["id", "-g", APP_USER])))
            os.chmod(os.path.join(VAR, "log"), 0o770)
        start_stop_unchanged(self, [APP_USER], must_start=True, prepare=old_layout)

    def test_c_postgres_and_web_links(self):
        """postgres and www-data plant links where they can write (start may fail; nothing outside changes)."""
        start_stop_unchanged(self, [PG_USER, WEB_USER], must_start=False)


class R2Paths(unittest.TestCase):
    def test_a_no_chmod_on_parents(self):
        """A VAR_DIR inside a directory the service users cannot enter: refused, the directory untouched."""
        shutil.rmtree(CLOSED, ignore_errors=True)
        os.mkdir(CLOSED, 0o700)
        os.chmod(CLOSED, 0o700)
        env = dict(ENV, VAR_DIR=os.path.join(CLOSED, "var"))
        try:
            rc = service("start", "rootfiles-closed.log", env)
            mode = stat.S_IMODE(os.stat(CLOSED).st_mode)
            self.assertEqual(mode, 0o700, "start changed the mode of %s to %o" % (CLOSED, mode))
            self.assertNotEqual(rc, 0, "start ran with VAR_DIR inside a directory the service users cannot enter")
            self.assertIn(CLOSED, log_tail("rootfiles-closed.log", 600))
        finally:
            service("stop", "rootfiles-closed.log", env)
            shutil.rmtree(CLOSED, ignore_errors=True)

    def test_c_default_var_outside_closed_checkout(self):
        """A checkout the service users cannot enter (a clone under /root): the default VAR_DIR is
        /var/lib/coding-engine, and the checkout's parents keep their modes."""
        shutil.rmtree(CLOSED, ignore_errors=True)
        os.mkdir(CLOSED, 0o700)
        os.chmod(CLOSED, 0o700)
        os.makedirs(os.path.join(CLOSED, "ce", "conf"))
        shutil.copy(os.path.join(ROOT, "conf", "service.sh"), os.path.join(CLOSED, "ce", "conf"))
        env = {k: v for k, v in ENV.items() if k != "VAR_DIR"}
        try:
            p = subprocess.run(["sh", os.path.join(CLOSED, "ce", "conf", "service.sh"), "status"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
            out = p.stdout.decode(errors="replace")
            print(out.strip())
            self.assertEqual(p.returncode, 0, out)
            self.assertIn("/var/lib/coding-engine", out)
            self.assertIn(CLOSED, out)
            self.assertEqual(stat.S_IMODE(os.stat(CLOSED).st_mode), 0o700)
        finally:
            shutil.rmtree(CLOSED, ignore_errors=True)

    def test_b_static_served_from_var(self):
        """nginx serves a copy of static/ under VAR_DIR, not the checkout."""
        fresh_stack()
        try:
            self.assertEqual(service("start", "rootfiles-service.log"), 0)
            with open(os.path.join(VAR, "nginx.conf")) as f:
                roots = [ln.split()[1].rstrip(";") for ln in f if ln.split()[:1] == ["root"]]
            self.assertTrue(roots, "no root in nginx.conf")
            for r in roots:
                self.assertTrue(r.startswith(VAR + "/"), "nginx serves %s, outside VAR_DIR" % r)
            status, body = http_get("/")
            self.assertEqual(status, 200)
            with open(os.path.join(ROOT, "static", "index.html"), "rb") as f:
                self.assertEqual(body, f.read())
            status, _ = http_get("/vendor/editor.js")
            self.assertEqual(status, 200)
        finally:
            service("stop", "rootfiles-service.log")


def main():
    os.makedirs(OUT, exist_ok=True)
    loader = unittest.TestLoader()
    if sys.argv[1:]:
        loader.testNamePatterns = ["*%s*" % a for a in sys.argv[1:]]
    suite = loader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    service("stop", "rootfiles-service.log")
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped) \
        - len(result.unexpectedSuccesses)
    sys.stderr.flush()
    print("rootfiles: %d passed, %d failed" % (max(passed, 0), failed))
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
