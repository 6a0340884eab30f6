#!/bin/sh
# `make check`: the host tools, then every check of checks/ in order, each
# printed as one line PASS/FAIL/SKIP with its last line (the whole output
# is in $CACHE/logs/NAME.log; the end of it is shown on failure), then the
# summary "N passed, N failed[, N skipped]". The checks need the trees
# that git-am makes: when it fails, the run stops there, and the checks
# that did not run are named.
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
mkdir -p "$logs"
echo "check: targets $(targets | paste -sd' ' -), CACHE=$CACHE"
"$REPO/scripts/deps.sh" || { fail=1; summary; exit 1; }
for c in "$REPO"/checks/[0-9]*; do
	name=$(basename "$c" | sed 's/^[0-9]*-//')
	start=$(date +%s)
	rc=0
	(cd "$REPO" && "$c") >"$logs/$name.log" 2>&1 || rc=$?
	t="$(( $(date +%s) - start ))s"
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
done
summary
