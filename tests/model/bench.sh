#!/bin/sh
# bench.sh TREE [SEEDDIR] - figures, printed not asserted: bytes and
# allocations per first load and per reload, growth per 1,000 cycles,
# firmware calls per load/reload; series vs seed side by side.
set -eu
me=${AEN_CHECK:-bench}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
TREE=${1:-${TREE:-}}
SEEDDIR=${2:-$REPO/../shared/seed}
CYCLES=${CYCLES:-1000}
workdir bench
BW=$W
figures() {	# $1 = name, rest = prepare args
	name=$1
	shift
	W=$BW/$name
	mkdir -p "$W"
	if "$HERE/prepare.sh" "$@" "$W/src" > "$W/prepare.log" 2>&1 && build plain > "$W/build.log" 2>&1; then
		"$W/plain/model" --mod="$W/plain" --cycles="$CYCLES" count bench 2>/dev/null | grep '^BENCH' > "$BW/$name.txt" || true
		# the same after an earlier module registered AEN in this boot (the reuse path)
		"$W/plain/model" --mod="$W/plain" --cycles="$CYCLES" --prereg bench 2>/dev/null | grep '^BENCH' > "$BW/$name-reuse.txt" || true
	else
		echo "$me: $name not available: $(tail -n 1 "$W/prepare.log")"
	fi
	touch "$BW/$name.txt" "$BW/$name-reuse.txt"
	W=$BW
}
if [ -n "$TREE" ] && [ -f "$TREE/arch/s390/kvm/pci.c" ]; then
	figures series series "$TREE"
else
	echo "$me: no series pci.c in '${TREE}'"
	touch "$BW/series.txt" "$BW/series-reuse.txt"
fi
figures seed seed "$SEEDDIR"
v() { awk -v k="$2" '$2 == k { print $3 }' "$BW/$1.txt"; }
row() {
	printf '%-44s %9s %9s %13s %13s\n' "$1" "$(v series "$2")" "$(v seed "$2")" \
		"$(v series-reuse "$2")" "$(v seed-reuse "$2")"
}
echo
echo "model figures, ZPCI_NR_DEVICES=$NR; 'reuse': an earlier kvm module registered AEN in this boot"
printf '%-44s %9s %9s %13s %13s\n' "" series seed "series reuse" "seed reuse"
row "first load: kvm_arch_init() rc" first_rc
row "first load: allocations" first_allocs
row "first load: bytes allocated" first_bytes
row "first load: firmware calls (SIC + CHSC)" first_fw
row "first load: fallible calls (injection pts)" fallible_first
row "reload: kvm_arch_init() rc" reload_rc
row "reload: allocations" reload_allocs
row "reload: bytes allocated" reload_bytes
row "reload: firmware calls (SIC + CHSC)" reload_fw
row "reload: fallible calls (injection pts)" fallible_reload
row "growth per 1,000 cycles: bytes" growth_bytes_per_1000
row "growth per 1,000 cycles: allocations" growth_allocs_per_1000
row "AENI registrations after $CYCLES cycles" registrations
