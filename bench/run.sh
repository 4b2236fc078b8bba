#!/bin/sh
# bench/run.sh - run every benchmark; each prints its own comparison table.
# usage: bench/run.sh <overhead-binary> <judge-binary>
# (the service benchmarks start their own stacks from bin/, which make bench builds)
set -eu
echo "== sandbox overhead"
"$1" "${BENCH_RUNS:-300}"
echo
echo "== end-to-end bin/judge vs bare compile + run"
/usr/bin/python3 bench/e2e.py "$2"
echo
echo "== the service through nginx (wrk)"
sh bench/http.sh
echo
echo "== a class pressing Submit at once on two judge hosts (BENCH_CANDIDATES=${BENCH_CANDIDATES:-500}), and the queue's cost"
/usr/bin/python3 bench/burst.py
