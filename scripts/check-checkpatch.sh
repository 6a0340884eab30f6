#!/bin/sh
# checkpatch --strict of the base tree on every patch: no error, warning or
# check, except those justified in checkpatch.exceptions
# (lines "PATCH-FILE TYPE justification"), which are printed.
# usage: check-checkpatch.sh BASE
set -eu
base=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
exc=$repo/checkpatch.exceptions
[ -f "$exc" ] || exc=/dev/null
patches=$("$repo/scripts/patch-list.sh")
findings=$(for p in $patches; do
	# checkpatch runs spdxcheck.py with "python": Debian's (python-is-python3,
	# python3-ply, python3-git), first in PATH.
	(cd "$base" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict --show-types --terse --no-summary "$p" || true) |
		grep -E ': (ERROR|WARNING|CHECK):' | sed "s|^[^ ]*: |$(basename "$p") |" || true
done)
bad=0
while read -r n sev rest; do
	[ -n "$n" ] || continue
	type=$(echo "$sev" | cut -d: -f2)
	why=$(awk -v f="$n" -v t="$type" '$1 == f && $2 == t { $1 = ""; $2 = ""; sub(/^ +/, ""); print; exit }' "$exc")
	if [ -n "$why" ]; then
		echo "checkpatch: $n: $type excepted: $why"
	else
		echo "checkpatch: $n: $sev $rest" >&2
		bad=$((bad + 1))
	fi
done <<EOF
$findings
EOF
[ "$bad" = 0 ] || { echo "checkpatch --strict: $bad unjustified findings" >&2; exit 1; }
echo "checkpatch --strict: clean on $(echo "$patches" | wc -l) patches"
