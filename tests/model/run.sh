#!/bin/sh
# run.sh TREE [MODE] - the model on the series' arch/s390/kvm/pci.c from
# TREE: ASan+UBSan build with every scenario (10,000 cycles), then the
# plain build of every scenario under valgrind. Exits PASS only if all is
# clean, FAIL otherwise, and FAIL if TREE has no pci.c: the series is
# broken then (exit-status). MODE is series (5.10, the default) or
# upstream (6.1 to 7.2: see prepare.sh).
set -eu
me=${AEN_CHECK:-model}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
tree "run.sh TREE [series|upstream]" "${1:-}"
MODE=${2:-series}
CYCLES=${CYCLES:-10000}
VG_CYCLES=${VG_CYCLES:-100}
workdir "$MODE"
"$HERE/prepare.sh" "$MODE" "$TREE" "$W/src"
REC=$(records_flag)
[ -n "$REC" ] || echo "$me: records: the series writes no aen: records (RECORDS=no): record assertions off"
build asan
build plain
rc=$PASS
echo "$me: ASan+UBSan build, all scenarios, $CYCLES cycles"
ASAN_OPTIONS=exitcode=$ASAN_ERROR:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	"$W/asan/model" --mod="$W/asan" $REC --cycles="$CYCLES" all || rc=$FAIL
if command -v valgrind >/dev/null 2>&1; then
	echo "$me: plain build under valgrind, all scenarios, $VG_CYCLES cycles"
	valgrind -q --error-exitcode="$VALGRIND_ERROR" --leak-check=full --errors-for-leak-kinds=definite,possible \
		"$W/plain/model" --mod="$W/plain" $REC --cycles="$VG_CYCLES" all || rc=$FAIL
else
	echo "$me: FAIL: valgrind is not installed: the plain build did not run" >&2
	rc=$FAIL
fi
if [ "$rc" = "$PASS" ]; then
	echo "$me: PASS on $TREE"
else
	echo "$me: FAIL on $TREE"
fi
exit "$rc"
