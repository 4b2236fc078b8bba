#!/bin/sh
# bench/run.sh - run every benchmark; each prints its own comparison table.
# usage: bench/run.sh <overhead-binary> <judge-binary>
set -eu
echo "== sandbox overhead"
"$1" "${BENCH_RUNS:-300}"
echo
echo "== end-to-end bin/judge vs bare compile + run"
/usr/bin/python3 bench/e2e.py "$2"
echo
echo "== the service through nginx (wrk)"
sh bench/http.sh
