#!/bin/sh
# conf/service.sh - run the whole service: PostgreSQL, the ce-fcgi pool, nginx.
#
#   conf/service.sh run     everything in the foreground; Ctrl-C stops it all
#   conf/service.sh start   the same in the background
#   conf/service.sh stop    stop what start (or run) started
#   conf/service.sh status
#   conf/service.sh worker  only a judge host, in the foreground, for the database in
#                           DATABASE_URL (another machine's service); Ctrl-C drains it
#
# Several nodes share one database (README, "Several app nodes"): NODE_ROLES says what
# start and run bring up here, any of "web" (nginx), "front" (the two ce-fcgi pools and
# the sweeper) and "worker" (a judge host), all three by default; the embedded PostgreSQL
# starts whenever DATABASE_URL is unset.  FCGI_LISTEN=ADDR:PORT has the front's pools
# listen on TCP (the quick one on PORT, the one that waits for executions on PORT+1)
# instead of unix sockets in $VAR/run; CE_FRONTS (space-separated ADDR:PORT) lists other
# nodes' fronts, which this node's nginx shares the requests with.
#
# Environment: PORT (8080), TLS_PORT (PORT+363; 0 = no TLS), VAR_DIR (var/ when the
# service users can enter the checkout, else /var/lib/coding-engine),
# DATABASE_URL (use that server instead of the embedded one), ADMIN_PASSWORD
# (first start only), POOL_SIZE (2 x cores), EXEC_POOL_SIZE (16: the workers that wait for
# executions), CE_WORKER_SLOTS (cores: jobs a judge host runs at once), CE_JUDGE_LANES (tests
# one job may run at once on idle cores: 4; 1 = one at a time), CE_EXECUTE_ALLOW and
# CE_ADMIN_ALLOW (space-separated addresses/CIDRs, or "all"), CE_API_KEY,
# CE_ABANDON_GRACE, CE_HEARTBEAT_TIMEOUT, CE_WORKER_MEMORY_MB, EXEC_RATE (per client per second),
# CE_NODE_NAME (the judge host's name shown in results; never the host name), NODE_ROLES,
# FCGI_LISTEN, CE_FRONTS (see above), and the judge hosts' webhooks: CE_WEBHOOK_ALLOW,
# CE_WEBHOOK_SECRET, CE_WEBHOOK_MAX_ATTEMPTS, CE_WEBHOOK_BACKOFF_MS (README, "Webhooks"), and
# the invitation e-mails: SMTP_URL, SMTP_USER, SMTP_PASSWORD, MAIL_FROM, SMTP_REQUIRE_TLS,
# SMTP_TIMEOUT (README, "Invitations by e-mail"), and CE_LINK_SECRET or CE_LINK_SECRET_FILE
# (README, "Invitation links"; by default a secret made once in $VAR/secret).
set -eu

umask 022
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8080}
TLS_PORT=${TLS_PORT:-$((PORT + 363))}
POOL_SIZE=${POOL_SIZE:-$(($(nproc) * 2))}
EXEC_POOL_SIZE=${EXEC_POOL_SIZE:-16}
APP_USER=coding-engine
WEB_USER=www-data
PG_BIN=/usr/lib/postgresql/15/bin
PG_USER=postgres
EXEC_RATE=${EXEC_RATE:-10}
EXEC_BURST=${EXEC_BURST:-20}
NODE_ROLES=${NODE_ROLES:-web front worker}
FCGI_LISTEN=${FCGI_LISTEN:-}
CE_FRONTS=${CE_FRONTS:-}

log() { printf '%s\n' "$*"; }
die() {
	printf 'service: %s\n' "$*" >&2
	# a half-started service is stopped again: nothing is left running
	[ -n "${STARTING:-}" ] && STARTING= && stop_all >/dev/null 2>&1
	exit 1
}

has_role() { case " $NODE_ROLES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

for r in $NODE_ROLES; do
	case $r in web | front | worker) ;; *) die "NODE_ROLES: unknown role '$r' (web, front, worker)" ;; esac
done
[ -n "$NODE_ROLES" ] || die "NODE_ROLES is empty"

# ADDR:PORT -> "ADDR PORT"; the port must leave room for the second pool at PORT+1
split_addr() {
	case $1 in
	*:*) a=${1%:*} p=${1##*:} ;;
	*) die "$2: '$1' has no port (ADDR:PORT)" ;;
	esac
	case $p in '' | *[!0-9]*) die "$2: '$1' has no port (ADDR:PORT)" ;; esac
	[ "$p" -ge 1 ] && [ "$p" -le 65534 ] || die "$2: port $p out of range"
	case $a in '' | *[!0-9a-zA-Z._-]*) die "$2: bad address in '$1' (a host name or IPv4 address)" ;; esac
	printf '%s %s\n' "$a" "$p"
}

[ "$(id -u)" = 0 ] || die "run as root (the sandbox and the service users need it)"

ensure_users() {
	getent group "$APP_USER" >/dev/null || groupadd --system "$APP_USER"
	id "$APP_USER" >/dev/null 2>&1 ||
		useradd --system --gid "$APP_USER" --no-create-home --home-dir /nonexistent \
			--shell /usr/sbin/nologin "$APP_USER"
	id "$WEB_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$WEB_USER"
	id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/sh "$PG_USER"
}

# The service users (nobody stands in for them) can reach $1, or the nearest part of it
# that exists, with the permissions it has: this script changes none on the way.
reachable() {
	d=$1
	while [ ! -e "$d" ]; do d=$(dirname "$d"); done
	runuser -u nobody -- test -x "$d" 2>/dev/null
}

# the outermost directory on the way to $1 that the service users cannot enter
closed_on_way() {
	d=$1 closed=$1
	while [ ! -e "$d" ]; do d=$(dirname "$d"); done
	while [ "$d" != / ] && ! runuser -u nobody -- test -x "$d" 2>/dev/null; do
		closed=$d
		d=$(dirname "$d")
	done
	printf '%s\n' "$closed"
}

# Root writes in $VAR: no other user may change a directory on the way there. Each
# directory is root's and writable by no one else (or sticky, as /tmp is, for the
# ones above), and no link on the way belongs to another user.
check_root_path() {
	p=$1 top=$1
	while :; do
		if [ -L "$p" ] && [ "$(stat -c %u "$p")" != 0 ]; then
			die "$p is a link owned by $(stat -c %U "$p"); VAR_DIR must be a path only root can change"
		fi
		if [ -e "$p" ]; then
			owner=$(stat -L -c %u "$p")
			mode=$(stat -L -c %a "$p")
			[ "$owner" = 0 ] ||
				die "$p belongs to $(stat -L -c %U "$p"); VAR_DIR must be a path only root can change"
			if [ $((0$mode & 022)) != 0 ] && { [ "$p" = "$top" ] || [ $((0$mode & 01000)) = 0 ]; }; then
				die "$p is writable by others (mode $mode); VAR_DIR must be a path only root can change"
			fi
		fi
		[ "$p" = / ] && break
		p=$(dirname "$p")
	done
}

# VAR_DIR: as given, or var/ in the checkout when the service users can reach it,
# else /var/lib/coding-engine. Nothing but VAR_DIR itself is created or changed.
resolve_var() {
	if [ -z "${VAR_DIR:-}" ]; then
		if reachable "$ROOT"; then
			VAR_DIR=$ROOT/var
		else
			VAR_DIR=/var/lib/coding-engine
			log "note: the service users cannot enter $(closed_on_way "$ROOT"), so the data lives in $VAR_DIR (set VAR_DIR to choose)"
		fi
	fi
	case $VAR_DIR in /*) ;; *) VAR_DIR=$(pwd)/$VAR_DIR ;; esac
	check_root_path "$VAR_DIR"
	if [ "${1:-}" = create ]; then
		reachable "$VAR_DIR" ||
			die "VAR_DIR $VAR_DIR cannot be reached by the service users: $(closed_on_way "$VAR_DIR") is closed to others. Choose a VAR_DIR outside it, e.g. VAR_DIR=/var/lib/coding-engine (this script does not change permissions on your directories)"
		mkdir -p "$VAR_DIR"
	fi
	if [ -d "$VAR_DIR" ]; then
		VAR=$(cd "$VAR_DIR" && pwd)
		check_root_path "$VAR"
		check_root_path "$(cd "$VAR_DIR" && pwd -P)"
	else
		VAR=$VAR_DIR
	fi
}

# a directory of root's own in $VAR: made if missing, never a link or another user's
root_dir() {
	d=$1
	[ -L "$d" ] && die "$d is a link; remove it (only root can have made it)"
	mkdir -p "$d"
	[ "$(stat -c %u "$d")" = 0 ] || die "$d belongs to $(stat -c %U "$d"), not root"
	chown root:"$2" "$d"
	chmod "$3" "$d"
}

# Root writes only in directories that are root's alone: $VAR, run/, log/, tls/, bin/,
# share/. No service user may write there, so nothing in them can be a link planted by
# one. log/ holds root's logs and nginx's (the pool's and the sweeper's output reach
# theirs through a descriptor root opened); www-data may read it to reopen its logs.
layout() {
	root_dir "$VAR" root 755
	root_dir "$VAR/run" root 755
	root_dir "$VAR/log" "$WEB_USER" 750
	root_dir "$VAR/tls" root 700
	# the invitation links' secret (README, "Invitation links"): root's directory, the app's group
	root_dir "$VAR/secret" "$APP_USER" 750
	root_dir "$VAR/bin" root 755
	root_dir "$VAR/cache" root 755
	# compiled checkers (sandbox/checker.c), the judge's to write; made here, where no one
	# else can put a link in its place
	[ -d "$VAR/cache/checkers" ] || mkdir "$VAR/cache/checkers"
	chown "$APP_USER:$APP_USER" "$VAR/cache/checkers"
	chmod 700 "$VAR/cache/checkers"
	# log/ was writable by the app's group before: drop whatever is not a plain file of root's or nginx's
	find "$VAR/log" -mindepth 1 -maxdepth 1 \( ! -type f -o -links +1 -o ! \( -user root -o -user "$WEB_USER" \) \) \
		-exec rm -rf {} +
	# the launcher is the only privileged piece: setuid root, runnable only by the app's group
	install -o root -g "$APP_USER" -m 4750 "$ROOT/bin/ce-box" "$VAR/bin/ce-box"
	install -o root -g root -m 755 "$ROOT/bin/judge" "$ROOT/bin/ce-fcgi" "$ROOT/bin/ce-ctl" \
		"$ROOT/bin/ce-worker" "$VAR/bin/"
	# templates, migrations and the pages: copies the service users may read (nginx serves
	# share/static), so no directory of the checkout needs to be open to them
	rm -rf "$VAR/share"
	root_dir "$VAR/share" root 755
	cp -r "$ROOT/templates" "$ROOT/sql" "$ROOT/static" "$VAR/share/"
	chmod -R a+rX,go-w "$VAR/share"
	# precompiled headers and JVM archives for the boxes (a no-op unless a toolchain changed)
	sh "$ROOT/conf/box-cache.sh" || die "cannot build the boxes' cache in /var/cache/coding-engine"
}

pg_embedded() { [ -z "${DATABASE_URL:-}" ]; }

pg_start() {
	if ! pg_embedded; then
		log "database: $(printf '%s' "$DATABASE_URL" | sed 's#://[^@]*@#://***@#')"
		return
	fi
	PGDATA=$VAR/pg/data
	PGSOCK=$VAR/pg/run
	# pg/ is postgres's: root makes it in $VAR and hands it over, then does nothing
	# inside it but as postgres
	[ -L "$VAR/pg" ] && die "$VAR/pg is a link; remove it (only root can have made it)"
	mkdir -p "$VAR/pg"
	chown "$PG_USER" "$VAR/pg"
	chmod 755 "$VAR/pg"
	as_pg() { runuser -u "$PG_USER" -- "$@"; }
	as_pg mkdir -p "$PGSOCK" || die "cannot make $PGSOCK"
	as_pg chmod 755 "$PGSOCK"
	if [ ! -s "$PGDATA/PG_VERSION" ]; then
		log "database: initialising an embedded PostgreSQL cluster in $PGDATA"
		as_pg mkdir -p "$PGDATA" && as_pg chmod 700 "$PGDATA" || die "cannot make $PGDATA"
		# local peer authentication only: no password exists anywhere
		runuser -u "$PG_USER" -- "$PG_BIN/initdb" -D "$PGDATA" -U postgres \
			--auth-local=peer --auth-host=reject -E UTF8 --locale=C.UTF-8 >"$VAR/log/initdb.log" 2>&1 ||
			die "initdb failed, see $VAR/log/initdb.log"
	fi
	if ! runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
		# no TCP listener at all: the socket lives in $VAR/pg/run
		runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PGDATA" -w -t 60 \
			-l "$VAR/pg/postgres.log" \
			-o "-k $PGSOCK -c listen_addresses='' -p 5432 -c unix_socket_permissions=0777" start >/dev/null ||
			die "PostgreSQL did not start, see $VAR/pg/postgres.log"
	fi
	psql_admin() { runuser -u "$PG_USER" -- psql -X -q -h "$PGSOCK" -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
	psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$APP_USER'" | grep -q 1 ||
		psql_admin -c "CREATE ROLE \"$APP_USER\" LOGIN"
	psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = 'coding_engine'" | grep -q 1 ||
		psql_admin -c "CREATE DATABASE coding_engine OWNER \"$APP_USER\" ENCODING 'UTF8'"
	DATABASE_URL="host=$PGSOCK port=5432 dbname=coding_engine user=$APP_USER"
	log "database: embedded PostgreSQL 15 on $PGSOCK (no TCP)"
}

as_app() { runuser -u "$APP_USER" -- env DATABASE_URL="$DATABASE_URL" "$@"; }

db_setup() {
	as_app "$VAR/bin/ce-ctl" migrate "$VAR/share/sql" || die "migrations failed"
	[ -d "$ROOT/sql/questions" ] && cp -r "$ROOT/sql/questions" "$VAR/share/sql/" && chmod -R a+rX "$VAR/share/sql"
	as_app "$VAR/bin/ce-ctl" load-questions "$VAR/share/sql/questions" || die "loading the question bank failed"
	as_app env ADMIN_PASSWORD="${ADMIN_PASSWORD:-}" "$VAR/bin/ce-ctl" ensure-admin || die "cannot create the admin account"
}

allow_lines() {
	# $1: list of addresses ("all" = everyone); loopback is always allowed
	printf '        127.0.0.1 1;\n        ::1 1;\n'
	for a in $1; do
		if [ "$a" = all ]; then
			# two halves each: "0.0.0.0/0" would clash with the geo default
			printf '        0.0.0.0/1 1;\n        128.0.0.0/1 1;\n        ::/1 1;\n        8000::/1 1;\n'
		else
			case "$a" in *[!0-9a-fA-F.:/]*) die "bad address in allowlist: $a" ;; esac
			printf '        %s 1;\n' "$a"
		fi
	done
}

# upstream_servers OFFSET: nginx's "server" lines for a pool, this node's front (when it has
# one) and CE_FRONTS; OFFSET 0 is the quick pool, 1 the one that waits for executions
upstream_servers() {
	n=0
	if has_role front; then
		if [ -n "$FCGI_LISTEN" ]; then
			set -- "$1" $(split_addr "$FCGI_LISTEN" FCGI_LISTEN)
			printf '        server %s:%s;\n' "$2" $(($3 + $1))
		else
			sock=fcgi.sock
			[ "$1" = 1 ] && sock=fcgi-exec.sock
			printf '        server unix:%s/run/%s;\n' "$VAR" "$sock"
		fi
		n=1
	fi
	for f in $CE_FRONTS; do
		set -- "$1" $(split_addr "$f" CE_FRONTS)
		printf '        server %s:%s;\n' "$2" $(($3 + $1))
		n=$((n + 1))
	done
	[ $n -gt 0 ] || die "nginx has no front to pass requests to: give this node the front role or set CE_FRONTS"
}

nginx_conf() {
	daemon=$1
	tls_listen="" hsts=""
	if [ "$TLS_PORT" != 0 ]; then
		if [ ! -s "$VAR/tls/cert.pem" ] && command -v openssl >/dev/null 2>&1; then
			openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
				-keyout "$VAR/tls/key.pem" -out "$VAR/tls/cert.pem" >/dev/null 2>&1 &&
				chmod 600 "$VAR/tls/key.pem" && log "tls: made a self-signed certificate in $VAR/tls"
		fi
		if [ -s "$VAR/tls/cert.pem" ] && [ -s "$VAR/tls/key.pem" ]; then
			tls_listen="        listen $TLS_PORT ssl;
        ssl_certificate $VAR/tls/cert.pem;
        ssl_certificate_key $VAR/tls/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;"
			hsts='        add_header Strict-Transport-Security "max-age=31536000" always;'
		fi
	fi
	exec_allow=$(allow_lines "${CE_EXECUTE_ALLOW:-}")
	admin_allow=$(allow_lines "${CE_ADMIN_ALLOW:-all}")
	fcgi_servers=$(upstream_servers 0)
	exec_servers=$(upstream_servers 1)
	awk -v var="$VAR" -v conf="$ROOT/conf" -v static="$VAR/share/static" -v daemon="$daemon" \
		-v web="$WEB_USER" -v listen="$PORT" -v tls="$tls_listen" -v hsts="$hsts" \
		-v ea="$exec_allow" -v aa="$admin_allow" -v rate="$EXEC_RATE" -v burst="$EXEC_BURST" \
		-v fs="$fcgi_servers" -v es="$exec_servers" '
		{
			gsub(/@VAR@/, var); gsub(/@CONF@/, conf); gsub(/@STATIC@/, static)
			gsub(/@DAEMON@/, daemon); gsub(/@WEB_USER@/, web); gsub(/@LISTEN@/, listen)
			gsub(/@EXEC_RATE@/, rate); gsub(/@EXEC_BURST@/, burst)
			if ($0 ~ /@TLS_LISTEN@/) { if (tls != "") print tls; next }
			if ($0 ~ /@HSTS@/) { if (hsts != "") print hsts; next }
			if ($0 ~ /@EXECUTE_ALLOW@/) { print ea; next }
			if ($0 ~ /@ADMIN_ALLOW@/) { print aa; next }
			if ($0 ~ /@FCGI_SERVERS@/) { print fs; next }
			if ($0 ~ /@EXEC_SERVERS@/) { print es; next }
			print
		}' "$ROOT/conf/nginx.conf.in" >"$VAR/nginx.conf"
	nginx -t -q -c "$VAR/nginx.conf" 2>"$VAR/log/nginx-test.log" ||
		{ cat "$VAR/log/nginx-test.log" >&2; die "nginx configuration is invalid"; }
}

app_env() {
	env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DATABASE_URL="$DATABASE_URL" CE_JUDGE="$VAR/bin/judge" \
		CE_CHECKER_CACHE="$VAR/cache/checkers" \
		CE_TEMPLATES="$VAR/share/templates" CE_API_KEY="${CE_API_KEY:-}" \
		CE_ABANDON_GRACE="${CE_ABANDON_GRACE:-60}" CE_HEARTBEAT_TIMEOUT="${CE_HEARTBEAT_TIMEOUT:-300}" \
		CE_PUBLIC_URL="${CE_PUBLIC_URL:-}" CE_NODE_NAME="${CE_NODE_NAME:-}" \
		CE_WORKER_MEMORY_MB="${CE_WORKER_MEMORY_MB:-}" CE_WORKER_SLOTS="${CE_WORKER_SLOTS:-}" CE_JUDGE_LANES="${CE_JUDGE_LANES:-}" \
		CE_QUEUE_MAX_DEPTH="${CE_QUEUE_MAX_DEPTH:-}" CE_QUEUE_CLIENT_MAX="${CE_QUEUE_CLIENT_MAX:-}" \
		CE_JOB_MAX_S="${CE_JOB_MAX_S:-}" CE_WORKER_NICE="${CE_WORKER_NICE:-}" \
		CE_WEBHOOK_ALLOW="${CE_WEBHOOK_ALLOW:-}" CE_WEBHOOK_SECRET="${CE_WEBHOOK_SECRET:-}" \
		CE_WEBHOOK_MAX_ATTEMPTS="${CE_WEBHOOK_MAX_ATTEMPTS:-}" CE_WEBHOOK_BACKOFF_MS="${CE_WEBHOOK_BACKOFF_MS:-}" \
		SMTP_URL="${SMTP_URL:-}" SMTP_USER="${SMTP_USER:-}" SMTP_PASSWORD="${SMTP_PASSWORD:-}" \
		MAIL_FROM="${MAIL_FROM:-}" SMTP_REQUIRE_TLS="${SMTP_REQUIRE_TLS:-}" SMTP_TIMEOUT="${SMTP_TIMEOUT:-}" \
		CE_LINK_SECRET="${CE_LINK_SECRET:-}" CE_LINK_SECRET_FILE="${CE_LINK_SECRET_FILE:-}" "$@"
}

# pool_start NAME SIZE [PORT]: a ce-fcgi pool on $VAR/run/NAME.sock, or on FCGI_LISTEN's
# address and PORT.  spawn-fcgi binds the socket (a unix one owned by nginx's user), drops
# to the app user and execs the supervisor, which keeps SIZE workers alive
pool_start() {
	rm -f "$VAR/run/$1.sock"
	if [ -n "${3:-}" ]; then
		set -- "$1" "$2" "$3" $(split_addr "$FCGI_LISTEN" FCGI_LISTEN)
		app_env spawn-fcgi -n -a "$4" -p "$3" -u "$APP_USER" -g "$APP_USER" -- \
			"$VAR/bin/ce-fcgi" --workers "$2" >>"$VAR/log/$1.log" 2>&1 &
	else
		app_env spawn-fcgi -n -s "$VAR/run/$1.sock" -M 0600 -U "$WEB_USER" -G "$WEB_USER" \
			-u "$APP_USER" -g "$APP_USER" -- "$VAR/bin/ce-fcgi" --workers "$2" \
			>>"$VAR/log/$1.log" 2>&1 &
	fi
	echo $! >"$VAR/run/$1.pid"
	i=0
	while ! pool_listens "$1" "${3:-}" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	pool_listens "$1" "${3:-}" || die "the FastCGI pool $1 did not start, see $VAR/log/$1.log"
}

pool_listens() {
	if [ -n "$2" ]; then
		[ -n "$(ss -Hltn "sport = :$2" 2>/dev/null)" ] && kill -0 "$(cat "$VAR/run/$1.pid")" 2>/dev/null
	else
		[ -S "$VAR/run/$1.sock" ]
	fi
}

# The secret invitation links are derived with (README, "Invitation links"), made once: every
# front of a service needs the same one (copy the file, or set CE_LINK_SECRET); a new one
# leaves the links made before unshowable, not broken.  Never printed.
link_secret() {
	[ -n "${CE_LINK_SECRET:-}${CE_LINK_SECRET_FILE:-}" ] && return 0
	f=$VAR/secret/invite_link.key
	if [ ! -s "$f" ]; then
		(umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$f.new") &&
			mv "$f.new" "$f" && log "invitation links: made a secret in $f" ||
			die "cannot make $f"
	fi
	chown root:"$APP_USER" "$f" && chmod 640 "$f"
	CE_LINK_SECRET_FILE=$f
}

# The service's front: one pool answers the quick calls, another waits for executions, so
# no heartbeat waits behind a run; the sweeper closes sessions.
front_start() {
	link_secret
	if [ -n "$FCGI_LISTEN" ]; then
		port=$(split_addr "$FCGI_LISTEN" FCGI_LISTEN | cut -d' ' -f2)
		pool_start fcgi "$POOL_SIZE" "$port"
		pool_start fcgi-exec "$EXEC_POOL_SIZE" $((port + 1))
	else
		pool_start fcgi "$POOL_SIZE"
		pool_start fcgi-exec "$EXEC_POOL_SIZE"
	fi
	app_env runuser -u "$APP_USER" -- "$VAR/bin/ce-ctl" sweep 5 >>"$VAR/log/sweep.log" 2>&1 &
	echo $! >"$VAR/run/sweep.pid"
}

# a judge host, which runs the jobs
worker_start() {
	app_env runuser -u "$APP_USER" -- "$VAR/bin/ce-worker" >>"$VAR/log/worker.log" 2>&1 &
	echo $! >"$VAR/run/worker.pid"
}

stop_pidfile() {
	f=$1
	[ -s "$f" ] || return 0
	# the process may remove its own pid file while we look
	pid=$(cat "$f" 2>/dev/null) || return 0
	[ -n "$pid" ] || return 0
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$f"
}

stop_all() {
	[ -s "$VAR/run/nginx.pid" ] && nginx -c "$VAR/nginx.conf" -s quit 2>/dev/null || true
	stop_pidfile "$VAR/run/nginx.pid"
	stop_pidfile "$VAR/run/nginx-fg.pid"
	stop_pidfile "$VAR/run/sweep.pid"
	stop_pidfile "$VAR/run/fcgi.pid"
	stop_pidfile "$VAR/run/fcgi-exec.pid"
	# workers whose supervisor was killed hard, the sweeper and the judge host (runuser does
	# not pass TERM on); the host drains: its running jobs end first, for up to 10 s
	pkill -TERM -f "^$VAR/bin/ce-fcgi" 2>/dev/null || true
	pkill -TERM -f "^$VAR/bin/ce-ctl sweep" 2>/dev/null || true
	pkill -TERM -f "^runuser -u $APP_USER -- $VAR/bin/ce-ctl sweep" 2>/dev/null || true
	pkill -TERM -f "^$VAR/bin/ce-worker" 2>/dev/null || true
	i=0
	while pgrep -f "^$VAR/bin/ce-worker" >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	pkill -KILL -f "^$VAR/bin/ce-worker" 2>/dev/null || true
	# a judge whose slot was killed runs on alone; its launcher ends the box when it goes
	pkill -TERM -f "^$VAR/bin/judge" 2>/dev/null || true
	stop_pidfile "$VAR/run/worker.pid"
	rm -f "$VAR/run/fcgi.sock" "$VAR/run/fcgi-exec.sock"
	if [ -s "$VAR/pg/data/PG_VERSION" ]; then
		runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$VAR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
}

# what a node's settings cannot work with is refused before anything starts
check_node() {
	if has_role front && [ -n "$FCGI_LISTEN" ]; then split_addr "$FCGI_LISTEN" FCGI_LISTEN >/dev/null; fi
	for f in $CE_FRONTS; do split_addr "$f" CE_FRONTS >/dev/null; done
	if has_role web; then upstream_servers 0 >/dev/null; fi
}

start_common() {
	STARTING=1
	[ -x "$ROOT/bin/judge" ] && [ -x "$ROOT/bin/ce-box" ] && [ -x "$ROOT/bin/ce-fcgi" ] || die "build first (make)"
	ensure_users
	layout
	pg_start
	# a front, or the node with the database, migrates and loads the bank; a judge host
	# alone waits for that (it retries until it can register)
	if has_role front || pg_embedded; then db_setup; fi
	if has_role front; then front_start; fi
	if has_role worker; then worker_start; fi
}

banner() {
	if ! has_role web; then
		log "Coding Engine node is up ($NODE_ROLES${FCGI_LISTEN:+, FastCGI on $FCGI_LISTEN and the next port})"
		log "  data, logs and pid files: $VAR"
		return
	fi
	log "Coding Engine is up:"
	log "  http://127.0.0.1:$PORT/         (candidates: /test/?invite=..., recruiters: /admin/)"
	[ -n "${tls_listen:-}" ] && log "  https://127.0.0.1:$TLS_PORT/  (self-signed certificate)"
	log "  data, logs and pid files: $VAR"
}

case "${1:-}" in
run | start | worker) resolve_var create ;;
*) resolve_var ;;
esac

case "${1:-}" in
run)
	has_role web || die "run keeps nginx in the foreground: give this node the web role, or use start"
	check_node
	stop_all
	start_common
	nginx_conf off
	trap 'log "stopping..."; stop_all; exit 0' INT TERM
	nginx -c "$VAR/nginx.conf" &
	echo $! >"$VAR/run/nginx-fg.pid"
	banner
	log "Ctrl-C stops everything."
	wait "$(cat "$VAR/run/nginx-fg.pid")" || true
	stop_all
	;;
start)
	check_node
	stop_all
	start_common
	if has_role web; then
		nginx_conf on
		nginx -c "$VAR/nginx.conf" || die "nginx did not start"
	fi
	banner
	;;
stop)
	stop_all
	log "stopped"
	;;
worker)
	[ -n "${DATABASE_URL:-}" ] || die "worker: set DATABASE_URL to the service's database"
	[ -x "$ROOT/bin/ce-worker" ] && [ -x "$ROOT/bin/ce-box" ] || die "build first (make)"
	ensure_users
	layout
	log "judge host for $(printf '%s' "$DATABASE_URL" | sed 's#://[^@]*@#://***@#'); Ctrl-C drains it"
	exec runuser -u "$APP_USER" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		DATABASE_URL="$DATABASE_URL" CE_NODE_NAME="${CE_NODE_NAME:-}" \
		CE_CHECKER_CACHE="$VAR/cache/checkers" \
		CE_WORKER_SLOTS="${CE_WORKER_SLOTS:-}" CE_JUDGE_LANES="${CE_JUDGE_LANES:-}" CE_JOB_MAX_S="${CE_JOB_MAX_S:-}" CE_WORKER_NICE="${CE_WORKER_NICE:-}" \
		CE_API_KEY="${CE_API_KEY:-}" \
		CE_WEBHOOK_ALLOW="${CE_WEBHOOK_ALLOW:-}" CE_WEBHOOK_SECRET="${CE_WEBHOOK_SECRET:-}" \
		CE_WEBHOOK_MAX_ATTEMPTS="${CE_WEBHOOK_MAX_ATTEMPTS:-}" CE_WEBHOOK_BACKOFF_MS="${CE_WEBHOOK_BACKOFF_MS:-}" \
		"$VAR/bin/ce-worker"
	;;
status)
	for f in nginx fcgi fcgi-exec sweep worker; do
		if [ -s "$VAR/run/$f.pid" ] && kill -0 "$(cat "$VAR/run/$f.pid")" 2>/dev/null; then
			log "$f: running ($(cat "$VAR/run/$f.pid"))"
		else
			log "$f: stopped"
		fi
	done
	;;
*)
	die "usage: $0 run|start|stop|status|worker"
	;;
esac
