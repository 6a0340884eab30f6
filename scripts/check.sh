#!/bin/sh
# `make check`: the host tools, then every check of checks/ in order, each
# printed as one line PASS/FAIL/SKIP with its last line (the whole output
# is in $CACHE/logs/NAME.log; the end of it is shown on failure), then the
# summary "N passed, N failed[, N skipped]". The checks need the trees
# that git-am makes: when it fails, the run stops there, and the checks
# that did not run are named. Checks 11 to 69 read the trees and write
# none (git-am has just applied them all: what mbox.sh prepares is found
# applied): they run JOBS at a time.
# A verdict (PASS or SKIP, and the log) is kept under a key of everything
# a check can read: every file of the repository (committed or not), the
# seed, the installed packages, sparse, the CACHE path and the environment
# knobs of MEMO_KNOBS (scripts/lib.sh). A run in which
# none of it changed reuses the verdicts; a run with KSRC or KCONFIG (a
# tree or configuration from outside) keeps none. A FAIL is never kept.
set -eu
. "$(dirname "$0")/lib.sh"
logs=$CACHE/logs
pass=0 fail=0 skip=0
summary() {
	s="$pass passed, $fail failed"
	[ "$skip" = 0 ] || s="$s, $skip skipped"
	echo "$s"
	[ "$fail" = 0 ]
}
mkdir -p "$logs" "$CACHE/verdicts"
if [ "${1:-}" != --run ]; then
	echo "check: targets $(targets | paste -sd' ' -), CACHE=$CACHE"
	"$REPO/scripts/deps.sh" || { fail=1; summary; exit 1; }
	VERDICT_KEY=
	[ -n "${KSRC:-}${KCONFIG:-}" ] || VERDICT_KEY=$(memo_key)
	export VERDICT_KEY
fi
# name_of CHECK: its name, without folder and number
name_of() { basename "$1" | sed 's/^[0-9]*-//'; }
# run CHECK: the check (or its kept verdict) into $logs/NAME.log, .rc, .t
run() {
	name=$(name_of "$1")
	start=$(date +%s)
	rc=0 v=$CACHE/verdicts/$name-$VERDICT_KEY
	if [ -n "$VERDICT_KEY" ] && [ -f "$v.rc" ]; then
		rc=$(cat "$v.rc")
		cp "$v.log" "$logs/$name.log"
		echo "verdict of an earlier run: nothing it reads changed" >"$logs/$name.t"
	else
		(cd "$REPO" && "$1") >"$logs/$name.log" 2>&1 || rc=$?
		echo "$(( $(date +%s) - start ))s" >"$logs/$name.t"
		if [ -n "$VERDICT_KEY" ] && { [ "$rc" = 0 ] || [ "$rc" = "$SKIP" ]; }; then
			cp "$logs/$name.log" "$v.log" && echo "$rc" >"$v.rc"
		fi
	fi
	echo "$rc" >"$logs/$name.rc"
}
# (check.sh --run CHECK: one check, as run() does; for xargs -P below)
if [ "${1:-}" = --run ]; then
	run "$2"
	exit 0
fi
# report CHECK: its line, counted
report() {
	name=$(name_of "$1")
	[ -f "$logs/$name.rc" ] || { echo 1 >"$logs/$name.rc"; echo "did not run to its end" >"$logs/$name.t"; }
	rc=$(cat "$logs/$name.rc") t=$(cat "$logs/$name.t")
	last=$(grep -v '^[[:space:]]*$' "$logs/$name.log" | tail -n 1)
	case $rc in
	0) pass=$((pass + 1)); echo "PASS $name ($t): $last" ;;
	"$SKIP") skip=$((skip + 1)); echo "SKIP $name ($t): $last" ;;
	*) fail=$((fail + 1)); echo "FAIL $name ($t), exit $rc; end of $logs/$name.log:"
	   tail -n 15 "$logs/$name.log" | sed 's/^/    /'
	   if [ "$name" = git-am ]; then
		echo "not run (they need the trees git-am makes): $(ls "$REPO"/checks | sed -n '/-git-am$/,$p' | sed '1d; s/^[0-9]*-//' | paste -sd' ' -)"
		summary
		exit 1
	   fi ;;
	esac
}
# Checks 11 to 69 only read the trees (the builds, 70 on, check them out
# and write objects): they run JOBS at a time (xargs -P), and are
# reported in order.
par=
for c in "$REPO"/checks/[0-9]*; do
	n=$(basename "$c" | sed 's/-.*//')
	if [ "$n" -gt 10 ] && [ "$n" -lt 70 ]; then
		par="$par $c"
		continue
	fi
	if [ -n "$par" ]; then
		for p in $par; do rm -f "$logs/$(name_of "$p").rc"; done
		# shellcheck disable=SC2086
		printf '%s\0' $par | xargs -0 -P "$JOBS" -n 1 "$REPO/scripts/check.sh" --run || true
		for p in $par; do report "$p"; done
		par=
	fi
	rm -f "$logs/$(name_of "$c").rc"
	run "$c"
	report "$c"
done
for p in $par; do rm -f "$logs/$(name_of "$p").rc"; run "$p"; report "$p"; done
summary
