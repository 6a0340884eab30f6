#!/bin/sh
# `make check`: the host tools, then the checks of checks/ (all, or those
# CHECKS names and what they need) as make targets (scripts/check.mk),
# JOBS at a time with one jobserver; each check printed, when it ends, as
# one line PASS/FAIL/SKIP with its last line (the whole output is in
# $CACHE/logs/NAME.log; the end of it is shown on failure); a check whose
# needs did not pass is not run, and counts as failed (as skipped where a
# need skipped and none failed). Then the summary
# "N passed, N failed[, N skipped]".
# A verdict (PASS or SKIP, and the log) is kept under a key of everything
# a check can read (memo_key, scripts/lib.sh: the files, the seed, the
# packages, sparse, CACHE and the knobs of MEMO_KNOBS); a run in which none
# of it changed reuses it, but with FRESH=1, or for a check whose header
# says "# kept: no". With KSRC or KCONFIG (a tree
# or configuration from outside) none is kept. A FAIL is never kept, nor a
# verdict whose key changed while the check ran; a new verdict replaces
# the check's older one.
# check.sh --run CHECK-FILE [NEEDS...]: one check, as check.mk runs it.
set -eu
. "$(dirname "$0")/lib.sh"
logs=$CACHE/logs
mkdir -p "$logs" "$CACHE/verdicts"
name_of() { basename "$1" | sed 's/^[0-9]*-//'; }

# line NAME: its line, from its .rc, .t and .log, in one write (checks
# end side by side)
line() {
	rc=$(cat "$logs/$1.rc") t=$(cat "$logs/$1.t")
	last=$(grep -v '^[[:space:]]*$' "$logs/$1.log" | tail -n 1)
	case $rc in
	0) l="PASS $1 ($t): $last" ;;
	"$SKIP") l="SKIP $1 ($t): $last" ;;
	not-run) l="FAIL $1: not run: $last" ;;
	*) l=$(echo "FAIL $1 ($t), exit $rc; end of $logs/$1.log:"; tail -n 15 "$logs/$1.log" | sed 's/^/    /') ;;
	esac
	printf '%s\n' "$l"
}

if [ "${1:-}" = --run ]; then
	f=$2 name=$(name_of "$2")
	shift 2
	r=0
	for n; do
		case $(cat "$logs/$n.rc" 2>/dev/null) in
		0) ;;
		"$SKIP") [ "$r" != 0 ] || r=$SKIP why="needs $n, which skipped" ;;
		*) r=not-run why="needs $n, which did not pass" ;;
		esac
	done
	if [ "$r" != 0 ]; then
		echo "$why" >"$logs/$name.log"
		echo "$r" >"$logs/$name.rc" && echo "not run" >"$logs/$name.t"
		line "$name"
		exit 0
	fi
	[ -n "${KSRC:-}${KCONFIG:-}" ] || grep -q '^# kept: no' "$REPO/$f" || key=${VERDICT_KEY:-$(memo_key)}
	v=$CACHE/verdicts/$name-${key:-}
	start=$(date +%s) rc=0
	if [ -n "${key:-}" ] && [ -z "${FRESH:-}" ] && [ -f "$v.rc" ]; then
		rc=$(cat "$v.rc")
		cp "$v.log" "$logs/$name.log"
		echo "verdict of an earlier run: nothing it reads changed" >"$logs/$name.t"
	else
		AEN_CHECK=$name
		export AEN_CHECK
		rm -f "$logs/$name.parts"
		sandbox "$REPO/$f" >"$logs/$name.log" 2>&1 || rc=$?
		# (the parts of it that failed or skipped, memo in lib.sh: a failed
		# one fails the check, a skipped one makes a pass a skip)
		if [ -s "$logs/$name.parts" ]; then
			awk -v s="$SKIP" '{ n = $1; rc = $2; $1 = $2 = ""; sub(/^ +/, "")
				l = l (l == "" ? "" : "; ") n (rc == s ? " skipped" : " failed (exit " rc ")") ": " $0 }
				END { print "parts that did not pass: " l }' "$logs/$name.parts" >>"$logs/$name.log"
			pf=$(awk '$2 != '"$SKIP"' { print $2; exit }' "$logs/$name.parts")
			if [ -n "$pf" ]; then [ "$rc" != 0 ] && [ "$rc" != "$SKIP" ] || rc=$pf; else [ "$rc" != 0 ] || rc=$SKIP; fi
		fi
		echo "$(( $(date +%s) - start ))s" >"$logs/$name.t"
		# (not kept when what it reads changed while it ran: it may have
		# read either)
		if [ -n "${key:-}" ] && { [ "$rc" = 0 ] || [ "$rc" = "$SKIP" ]; } && [ "$(memo_key)" = "$key" ]; then
			rm -f "$CACHE/verdicts/$name"-????????????????.*
			cp "$logs/$name.log" "$v.log" && echo "$rc" >"$v.rc"
		fi
	fi
	echo "$rc" >"$logs/$name.rc"
	line "$name"
	exit 0
fi

lock_cache
cd "$REPO"
all=$(for f in checks/[0-9]*-*; do name_of "$f"; done)
known() { echo "$all" | grep -qxF -- "$1"; }
goals=${CHECKS:-$all}
for c in $goals; do
	known "$c" || die "no check $c (there are: $(echo "$all" | paste -sd' ' -))"
done
GOALS=$goals
export GOALS
# (none of the flags of a make above: one that runs `make check` gives it
# -w, whose "Entering directory" lines would be read as names of checks)
run=$(unset MAKEFLAGS MFLAGS MAKELEVEL && make -s -f scripts/check.mk list)
for c in $run; do
	known "$c" || die "scripts/check.mk list gave \"$c\", which is no check"
done
say "$run; targets $(targets | paste -sd' ' -), CACHE=$CACHE"
pass=0 fail=0 skip=0
"$REPO/scripts/deps.sh" || fail=1
if [ "$fail" = 0 ]; then
	[ -n "${KSRC:-}${KCONFIG:-}" ] || VERDICT_KEY=$(memo_key)
	export VERDICT_KEY
	for c in $run; do rm -f "$logs/$c.rc"; done
	# (no MAKEFLAGS of a make above: its command-line variables would
	# reach every make of the checks, unknown to the verdict key)
	(unset MAKEFLAGS MFLAGS MAKELEVEL && sandbox make -s -j"${JOBS:-$(nproc)}" -f scripts/check.mk all) || true
	for c in $run; do
		case $(cat "$logs/$c.rc" 2>/dev/null || echo none) in
		0) pass=$((pass + 1)) ;;
		"$SKIP") skip=$((skip + 1)) ;;
		none) fail=$((fail + 1)); echo "FAIL $c: did not run to its end" ;;
		*) fail=$((fail + 1)) ;;
		esac
	done
fi
s="$pass passed, $fail failed"
[ "$skip" = 0 ] || s="$s, $skip skipped"
echo "$s"
[ "$fail" = 0 ]
