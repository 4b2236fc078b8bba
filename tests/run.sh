#!/bin/sh
# tests/run.sh - run every CUnit test program, keep each log, print one total line.
# usage: tests/run.sh build/.../tests/test_a build/.../tests/test_b ...
set -u
out=${TEST_OUT:-tests/out}
mkdir -p "$out"
passed=0 failed=0 bad=""
for t in "$@"; do
	name=$(basename "$t")
	echo "== $name"
	case "$t" in
	*.py) /usr/bin/python3 "$t" >"$out/$name.log" 2>&1 ;;
	*.cjs) node "$t" >"$out/$name.log" 2>&1 ;;
	*) "$t" >"$out/$name.log" 2>&1 ;;
	esac
	rc=$?
	cat "$out/$name.log"
	# CUnit's summary row: "tests  <total> <ran> <passed> <failed> <inactive>";
	# the Python suites end with "<name>: N passed, M failed"
	row=$(awk '$1 == "tests" && NF >= 5 { print $3, $4, $5 }' "$out/$name.log" | tail -n 1)
	if [ -z "$row" ]; then
		row=$(awk '/^[a-z]+: [0-9]+ passed, [0-9]+ failed$/ { print "x", $2, $4 }' "$out/$name.log" | tail -n 1)
	fi
	if [ -z "$row" ]; then
		failed=$((failed + 1))
		bad="$bad $name(no-summary,rc=$rc)"
		continue
	fi
	p=$(echo "$row" | cut -d' ' -f2)
	f=$(echo "$row" | cut -d' ' -f3)
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
		bad="$bad $name"
		[ "$f" -eq 0 ] && failed=$((failed + 1))
	fi
done
[ -n "$bad" ] && echo "failing:$bad"
echo "tests: $passed passed, $failed failed"
[ -z "$bad" ]
