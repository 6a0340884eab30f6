#!/bin/sh
# prepare.sh series TREE SRCDIR     - the series' pci.c/pci.h from TREE, byte-identical
# prepare.sh upstream TREE SRCDIR   - the pci.h of 6.1 to 7.2, byte-identical, and the AEN
#                                     functions of its pci.c, verbatim; the address model
#                                     from TREE's arch/s390/include/asm/page.h
# prepare.sh seed SEEDDIR SRCDIR    - the seed's, reconstructed from its posting,
#                                     its interrupt.c/kvm-s390.c hunks applied to the base
# Writes SRCDIR/{pci.c or pci-aen.c,pci.h,interrupt-gib.c,kvm-s390-init.c,mode,records,address}.
set -eu
MODE=${1:?usage: prepare.sh series|upstream|seed TREE|SEEDDIR SRCDIR}
FROM=${2:?}
SRC=${3:?}
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$SRC"
mkdir -p "$SRC"
case $MODE in
series|upstream)
	K=$FROM/arch/s390/kvm
	files="pci.c pci.h" aen=
	[ "$MODE" = series ] || files=pci.h aen=aen
	for f in $files; do
		[ -f "$K/$f" ] || { echo "prepare: $K/$f does not exist"; exit 1; }
		cp "$K/$f" "$SRC/$f"
		cmp "$K/$f" "$SRC/$f"
		echo "prepare: $K/$f -> $SRC/$f (identical)"
	done
	"$HERE/extract-lifecycle.sh" "$K" "$SRC" ${aen:+"$aen"}
	;;
seed)
	"$HERE/extract-seed.sh" "$FROM" "$SRC"
	: "${BASE:?BASE: the base git repository of the primary target (checks/ set it)}"
	mkdir -p "$SRC/base/arch/s390/kvm"
	for f in interrupt.c kvm-s390.c; do
		git -C "$BASE" show "base:arch/s390/kvm/$f" >"$SRC/base/arch/s390/kvm/$f" ||
			{ echo "prepare: no branch base in $BASE"; exit 1; }
		echo "prepare: base $f from $BASE, seed hunks applied"
		(cd "$SRC/base" && patch -s -p1 --no-backup-if-mismatch < "$SRC/$f.diff")
	done
	"$HERE/extract-lifecycle.sh" "$SRC/base/arch/s390/kvm" "$SRC"
	;;
*)
	echo "prepare: unknown mode $MODE"; exit 2 ;;
esac
echo "$MODE" > "$SRC/mode"
# the address model: xor (physical = virtual ^ 1<<62), or, in mode upstream,
# identity where the tree's page.h defines __pa() and __va() as plain casts
addr=xor
if [ "$MODE" = upstream ]; then
	P=$FROM/arch/s390/include/asm/page.h
	if [ ! -f "$P" ]; then
		why="no $P, the default"
	elif why=$(awk '
	function body(s) { sub(/^#[ \t]*define[ \t]+__[pv]a\(x\)[ \t]*/, "", s); sub(/[ \t]+$/, "", s); return s }
	function cast(s, f, c) { if (body(s) != c && !bad++) first = FILENAME ":" FNR ": " f "(x) is " body(s) ", not a plain cast" }
	/^#[ \t]*define[ \t]+__pa\(x\)/ { pa++; cast($0, "__pa", "((unsigned long)(x))") }
	/^#[ \t]*define[ \t]+__va\(x\)/ { va++; cast($0, "__va", "((void *)(unsigned long)(x))") }
	END { if (pa && va && !bad) exit 0; print bad ? first : "no __pa()/__va() definition in " FILENAME; exit 1 }' "$P"); then
		addr=identity why="$P defines __pa() and __va() as plain casts"
	fi
	case $addr in
	identity) echo "prepare: address model identity (physical == virtual): $why; the D2 checks (physical and virtual mixed up) are off" ;;
	*) echo "prepare: address model xor (physical = virtual ^ 1<<62): $why" ;;
	esac
fi
echo "$addr" > "$SRC/address"
# Whether the series must write the kvm-trace records is declared (the
# model column of targets, passed by the checks as RECORDS), not guessed.
case $MODE in
seed) records=no ;;
*) records=${RECORDS:?RECORDS=yes or no: must the series write the aen: records? (targets declares it)} ;;
esac
case $records in yes | no) ;; *) echo "prepare: RECORDS=$records: say yes or no"; exit 1 ;; esac
echo "$records" > "$SRC/records"
echo "prepare: mode $MODE, aen: records required: $records"
