#!/bin/sh
# `make check`: every check of the series, each one line PASS/FAIL/SKIP
# (full output in $CACHE/logs/NAME.log, its tail shown on failure), then
# the summary line "N passed, N failed[, N skipped]".
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${CACHE:=/var/cache/aen-series}" "${JOBS:=$(nproc)}" "${OUT:=$repo/out}"
# The seed posting the model must fail on (DESIGN.md beside it).
[ -n "${SEED:-}" ] || for SEED in "$repo/../shared/seed" /work/shared/seed; do
	[ ! -d "$SEED" ] || break
done
BASE=$CACHE/base
export CACHE JOBS OUT BASE SEED REPO="$repo"
logs=$CACHE/logs
pass=0 fail=0 skip=0

summary() {
	s="$pass passed, $fail failed"
	[ "$skip" = 0 ] || s="$s, $skip skipped"
	echo "$s"
}
run() {
	name=$1
	shift
	start=$(date +%s)
	rc=0
	"$@" >"$logs/$name.log" 2>&1 || rc=$?
	t=$(( $(date +%s) - start ))
	last=$(grep -v '^[[:space:]]*$' "$logs/$name.log" | tail -n 1)
	case $rc in
	0) pass=$((pass + 1)); echo "PASS $name (${t}s): $last" ;;
	77) skip=$((skip + 1)); echo "SKIP $name (${t}s): $last" ;;
	*) fail=$((fail + 1)); echo "FAIL $name (${t}s), exit $rc; end of $logs/$name.log:"
	   tail -n 15 "$logs/$name.log" | sed 's/^/    /' ;;
	esac
}

mkdir -p "$logs"
echo "check: preparing (host tools, base tree, KSRC=${KSRC:-none})"
if ! "$repo/scripts/deps.sh" || ! "$repo/scripts/fetch-base.sh"; then
	fail=1
	summary
	exit 1
fi
if [ -n "${KSRC:-}" ]; then
	srcgit=$CACHE/ksrc TREE=$CACHE/applied-ksrc
	run ksrc-matches-base "$repo/scripts/ksrc.sh" "$KSRC" "$BASE" "$srcgit"
	[ "$fail" = 0 ] || { summary; exit 1; }
else
	srcgit=$BASE TREE=$CACHE/applied
fi
export TREE

run git-am "$repo/scripts/apply.sh" "$srcgit" "$TREE"
[ "$fail" = 0 ] || { summary; exit 1; }
run export-matches "$repo/scripts/export.sh" "$TREE" --check
run checkpatch "$repo/scripts/check-checkpatch.sh" "$BASE"
run codespell "$repo/scripts/check-codespell.sh"
run quilt "$repo/scripts/check-quilt.sh" "$BASE" "$TREE"
run b4-roundtrip "$repo/scripts/check-b4.sh"
run get-maintainer "$repo/scripts/check-maintainers.sh"
run model "$repo/tests/model/run.sh" "$TREE"
run model-mutants "$repo/tests/model/mutate.sh" "$TREE"
run model-fails-seed "$repo/tests/model/run-seed.sh" "$SEED"
run selftest-parser "$repo/tests/selftest-parser/run.sh" "$TREE"
run bisect-build "$repo/scripts/bisect-build.sh" "$TREE"
run build "$repo/scripts/build.sh" "$TREE" "$OUT"
run boot-qemu "$repo/tests/boot/run.sh" "$OUT/bzImage" "$OUT/kvm.ko" "$OUT/kselftest/aen_reload_test"
summary
[ "$fail" = 0 ]
