#!/bin/sh
# conf/docker/worker.sh - entrypoint of a judge host: bin/ce-worker as coding-engine, for the
# database in DATABASE_URL; `docker-compose up --scale worker=N` runs N of them.
set -eu
# compiled checkers, kept across jobs (sandbox/checker.c)
install -d -o coding-engine -g coding-engine -m 700 /var/cache/coding-engine/checkers
exec runuser -u coding-engine -- env -i PATH=/usr/bin:/bin DATABASE_URL="$DATABASE_URL" \
	CE_NODE_NAME="${CE_NODE_NAME:-$(hostname)}" CE_WORKER_SLOTS="${CE_WORKER_SLOTS:-}" \
	CE_CHECKER_CACHE=/var/cache/coding-engine/checkers \
	/usr/local/libexec/coding-engine/ce-worker
