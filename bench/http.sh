#!/bin/sh
# bench/http.sh - the service through nginx under wrk, next to the same work done bare.
#   GET /api/questions (admin): requests/s and p99
#   POST /execute, a 1-test python program, 8 clients: executions/s, and the same
#   program run bare (8 at a time, fresh python process each) for comparison
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=$(mktemp -d /tmp/ce-bench-XXXXXX)
# the service users must reach VAR_DIR (conf/service.sh refuses one they cannot enter)
chmod 755 "$VAR"
PORT=${BENCH_PORT:-18280}
PW=bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
DUR=${BENCH_SECONDS:-15}
export PORT VAR_DIR=$VAR TLS_PORT=0 ADMIN_PASSWORD=$PW EXEC_RATE=100000 EXEC_BURST=100000
trap 'sh "$ROOT/conf/service.sh" stop >/dev/null 2>&1; rm -rf "$VAR"' EXIT INT TERM
sh "$ROOT/conf/service.sh" start >/dev/null
B=http://127.0.0.1:$PORT
TOKEN=$(curl -s -XPOST "$B/api/admin/login" -H 'Content-Type: application/json' \
	-d "{\"username\":\"admin\",\"password\":\"$PW\"}" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
BODY='{"language":"python","code":"import sys\nprint(sum(map(int, sys.stdin.read().split())))\n","test_cases":[{"input":"1 2 3","expected_output":"6"}]}'
cat >"$VAR/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$(printf '%s' "$BODY" | sed 's/\\/\\\\/g')'
LUA
echo "GET /api/questions (8 connections, ${DUR}s):"
wrk -t2 -c8 -d"${DUR}s" --latency -H "Authorization: Bearer $TOKEN" "$B/api/questions" |
	awk '/Requests\/sec/ {rps=$2} /99%/ {p99=$2} END {printf "  requests/s %s   p99 %s\n", rps, p99}'
echo "POST /execute, 1-test python, 8 clients (${DUR}s):"
wrk -t2 -c8 -d"${DUR}s" --latency -s "$VAR/post.lua" "$B/execute" |
	awk '/Requests\/sec/ {rps=$2} /99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "  executions/s %s   p99 %s   non-2xx %s\n", rps, p99, bad ? bad : 0}'
echo "bare: the same program, 8 at a time, fresh /usr/bin/python3 each (${DUR}s):"
/usr/bin/python3 - "$DUR" <<'PY'
import subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
dur = float(sys.argv[1]); code = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n"
end = time.time() + dur; n = [0] * 8
def worker(i):
    while time.time() < end:
        r = subprocess.run(["/usr/bin/python3", "-c", code], input=b"1 2 3", capture_output=True)
        assert r.stdout.strip() == b"6"
        n[i] += 1
t0 = time.time()
with ThreadPoolExecutor(8) as ex:
    list(ex.map(worker, range(8)))
print("  executions/s %.1f" % (sum(n) / (time.time() - t0)))
PY
