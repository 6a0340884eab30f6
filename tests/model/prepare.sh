#!/bin/sh
# prepare.sh series TREE SRCDIR     - the series' pci.c/pci.h from TREE, byte-identical
# prepare.sh upstream TREE SRCDIR   - 7.2's pci.h, byte-identical, and the AEN functions
#                                     of its pci.c, verbatim
# prepare.sh seed SEEDDIR SRCDIR    - the seed's, reconstructed from its posting,
#                                     its interrupt.c/kvm-s390.c hunks applied to the base
# Writes SRCDIR/{pci.c or pci-aen.c,pci.h,interrupt-gib.c,kvm-s390-init.c,mode,records}.
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
if cat "$SRC"/pci*.[ch] "$SRC/interrupt-gib.c" | grep -q '"aen: registered'; then
	echo yes > "$SRC/records"
else
	echo no > "$SRC/records"
fi
echo "prepare: mode $MODE, aen: records in the code: $(cat "$SRC/records")"
