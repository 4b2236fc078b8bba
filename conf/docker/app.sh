#!/bin/sh
# conf/docker/app.sh - entrypoint of an app node: migrate, load the bank, serve FastCGI on :9000.
# 0.0.0.0 inside the container is its interface on the internal "backend" network (and
# lo); docker-compose.yml publishes no port of this container.
set -eu
cd /opt/coding-engine
run_app() { runuser -u coding-engine -- env DATABASE_URL="$DATABASE_URL" "$@"; }
# every node may run these: migrations take a lock and loading skips what is there
run_app bin/ce-ctl migrate sql
run_app bin/ce-ctl load-questions sql/questions
run_app env ADMIN_PASSWORD="${ADMIN_PASSWORD:-}" bin/ce-ctl ensure-admin
run_app bin/ce-ctl sweep 5 &
# two pools: 9000 answers the quick calls, 9001 waits for executions (the worker service runs them)
pool() {
	spawn-fcgi -n -a 0.0.0.0 -p "$1" -u coding-engine -g coding-engine -- \
		/usr/bin/env -i PATH=/usr/bin:/bin DATABASE_URL="$DATABASE_URL" \
		CE_TEMPLATES=/opt/coding-engine/templates \
		CE_API_KEY="${CE_API_KEY:-}" CE_NODE_NAME="${CE_NODE_NAME:-$(hostname)}" \
		SMTP_URL="${SMTP_URL:-}" SMTP_USER="${SMTP_USER:-}" SMTP_PASSWORD="${SMTP_PASSWORD:-}" \
		MAIL_FROM="${MAIL_FROM:-}" SMTP_REQUIRE_TLS="${SMTP_REQUIRE_TLS:-}" SMTP_TIMEOUT="${SMTP_TIMEOUT:-}" \
		CE_LINK_SECRET="${CE_LINK_SECRET:-}" \
		bin/ce-fcgi --workers "$2"
}
pool 9001 "${EXEC_POOL_SIZE:-16}" &
pool 9000 "${POOL_SIZE:-4}"
