#!/bin/sh
# run-seed.sh [SEEDDIR] - the same model on the seed's pci.c (reconstructed
# from the posting in SEEDDIR, default ../shared/seed of the repo). The
# seed is known bad: exits PASS only if the model FAILS on it and names
# at least D1, D2, D3 and D6 (README "Failure tags"), FAIL otherwise, SKIP
# if SEEDDIR has no posting (exit-status).
set -eu
me=${AEN_CHECK:-model}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
SEEDDIR=${1:-$REPO/../shared/seed}
if ! ls "$SEEDDIR"/*.txt >/dev/null 2>&1; then
	echo "$me: SKIP: no seed posting (*.txt) in $SEEDDIR (give SEEDDIR)"
	exit "$SKIP"
fi
CYCLES=${CYCLES:-200}
workdir seed
"$HERE/prepare.sh" seed "$SEEDDIR" "$W/src"
build asan
echo "$me: ASan+UBSan build of the SEED, all scenarios, $CYCLES cycles (failures expected)"
mrc=$PASS
ASAN_OPTIONS=exitcode=$ASAN_ERROR:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	"$W/asan/model" --mod="$W/asan" --cycles="$CYCLES" all > "$W/out.txt" 2>&1 || mrc=$?
cat "$W/out.txt"
found=
for d in D1 D2 D3 D4 D5 D6 D7 D8 D9 D10; do
	if grep -q "^FAIL \[.*\] $d-[A-Z-]*: " "$W/out.txt"; then
		found="$found $d"
	fi
done
echo "$me: model exit status $mrc; defects found:${found:- none}"
ok=$PASS
[ "$mrc" != "$PASS" ] || { echo "$me: FAIL: the model passed the seed's code: the model is broken"; ok=$FAIL; }
for d in D1 D2 D3 D6; do
	case " $found " in
	*" $d "*) ;;
	*) echo "$me: FAIL: $d not detected on the seed"; ok=$FAIL ;;
	esac
done
[ "$ok" != "$PASS" ] || echo "$me: PASS: the model rejects the seed and names${found}"
exit "$ok"
