#!/bin/sh
# conf/docker/nginx-execute.sh - who may call POST /execute, the Piston API (/piston/) and the
# Judge0 API (/judge0/),
# written before nginx starts. The nginx image runs it from /docker-entrypoint.d/. Both
# stay closed (403 from nginx) unless CE_EXECUTE_ALLOW names addresses/CIDRs ("all" =
# everyone) or CE_API_KEY is set (then every address may try, and the app refuses a
# request without that key).
# The image runs it once at build time with neither set, so the file it ships says no one.
# CE_EXECUTE_CONF names another file to write (the service tests run it on the host).
set -eu
out=${CE_EXECUTE_CONF:-/etc/nginx/ce-execute.conf}
trap 'rm -f "$out.new"' EXIT
all='        0.0.0.0/1 1;
        128.0.0.0/1 1;
        ::/1 1;
        8000::/1 1;'
{
	# shellcheck disable=SC2016 # nginx variables, not shell ones
	printf 'geo $ce_execute_allowed {\n        default 0;\n'
	[ -n "${CE_API_KEY:-}" ] && printf '%s\n' "$all"
	for a in ${CE_EXECUTE_ALLOW:-}; do
		if [ "$a" = all ]; then
			printf '%s\n' "$all"
		else
			case "$a" in *[!0-9a-fA-F.:/]*)
				echo "nginx-execute: bad address in CE_EXECUTE_ALLOW: $a" >&2
				exit 1
				;;
			esac
			printf '        %s 1;\n' "$a"
		fi
	done
	printf '}\n'
} >"$out.new"
mv "$out.new" "$out"
if [ -n "${CE_API_KEY:-}" ] || [ -n "${CE_EXECUTE_ALLOW:-}" ]; then
	echo "nginx-execute: POST /execute, /piston/ and /judge0/ are open${CE_EXECUTE_ALLOW:+ to CE_EXECUTE_ALLOW}${CE_API_KEY:+ with the API key}"
else
	echo "nginx-execute: POST /execute, /piston/ and /judge0/ are closed (set CE_EXECUTE_ALLOW or CE_API_KEY to open them)"
fi
