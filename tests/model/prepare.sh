#!/bin/sh
# prepare.sh series TREE SRCDIR     - the series' pci.c/pci.h from TREE, byte-identical
# prepare.sh upstream TREE SRCDIR   - the pci.h of 6.1 to 7.2, byte-identical, and the AEN
#                                     functions of its pci.c, verbatim; the address model
#                                     from TREE's arch/s390/include/asm/page.h
# prepare.sh seed SEEDDIR SRCDIR    - the seed's, reconstructed from its posting,
#                                     its interrupt.c/kvm-s390.c/pci_insn.h hunks applied to the base
# Writes SRCDIR/{pci.c or pci-aen.c,pci.h,interrupt-gib.c,kvm-s390-init.c,kernel-defs.h,mode,records,address}.
set -eu
me=${AEN_CHECK:-prepare}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
[ $# = 3 ] || usage "prepare.sh series|upstream|seed TREE|SEEDDIR SRCDIR"
MODE=$1 FROM=$2 SRC=$3
# Whether the series must write the kvm-trace records is declared
# (tests/model/expect, passed by the checks as RECORDS), not guessed.
case $MODE in
seed) records=no ;;
series | upstream) records=${RECORDS:-} ;;
*) usage "prepare.sh series|upstream|seed TREE|SEEDDIR SRCDIR (not $MODE)" ;;
esac
case $records in
yes | no) ;;
*) usage "RECORDS=yes|no ...: must the series write the aen: records? (targets declares it; not '$records')" ;;
esac
rm -rf "$SRC"
mkdir -p "$SRC"
case $MODE in
series|upstream)
	K=$FROM/arch/s390/kvm
	files="pci.c pci.h" aen=
	[ "$MODE" = series ] || files=pci.h aen=aen
	for f in $files; do
		[ -f "$K/$f" ] || die "$K/$f does not exist"
		cp "$K/$f" "$SRC/$f"
		cmp "$K/$f" "$SRC/$f" || die "$SRC/$f is not a byte-identical copy of $K/$f"
		echo "$me: $K/$f -> $SRC/$f (identical)"
	done
	"$HERE/extract-lifecycle.sh" "$K" "$SRC" ${aen:+"$aen"}
	;;
seed)
	[ -n "${BASE:-}" ] || usage "BASE=GITDIR prepare.sh seed ...: BASE is the base git repository of the primary target (checks/ set it)"
	"$HERE/extract-seed.sh" "$FROM" "$SRC"
	mkdir -p "$SRC/base/arch/s390/kvm"
	git -C "$BASE" archive base arch/s390/include/asm | tar -x -C "$SRC/base" ||
		die "no branch base with arch/s390/include/asm in $BASE"
	for f in interrupt.c kvm-s390.c; do
		git -C "$BASE" show "base:arch/s390/kvm/$f" >"$SRC/base/arch/s390/kvm/$f" ||
			die "no arch/s390/kvm/$f on branch base in $BASE"
	done
	# The posting is the seed's patch 15; the model needs the header
	# changes of its patches 01-04 and 07 (facility bits, SIC controls) as
	# well: the 5.10 series carries them, in its patches before the first
	# that touches arch/s390/kvm/.
	while read -r p; do
		! grep -q '^diff --git a/arch/s390/kvm/' "$REPO/patches/$p" || break
		hunks=$(awk '/^diff --git / { on = index($3, "a/arch/s390/include/") == 1 } on' "$REPO/patches/$p")
		[ -n "$hunks" ] || continue
		echo "$me: base headers, with those of the series' $p"
		printf '%s\n' "$hunks" | patch -s -p1 -d "$SRC/base" --no-backup-if-mismatch ||
			die "the header hunks of the series' $p do not apply to $BASE"
	done < "$REPO/series"
	for f in kvm/interrupt.c kvm/kvm-s390.c include/asm/pci_insn.h; do
		echo "$me: base $f from $BASE, seed hunks applied"
		patch -s -p1 -d "$SRC/base" --no-backup-if-mismatch < "$SRC/${f##*/}.diff" ||
			die "the seed's hunks of $f do not apply to $BASE"
	done
	"$HERE/extract-lifecycle.sh" "$SRC/base/arch/s390/kvm" "$SRC"
	;;
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
	identity) echo "$me: address model identity (physical == virtual): $why; the D2 checks (physical and virtual mixed up) are off" ;;
	*) echo "$me: address model xor (physical = virtual ^ 1<<62): $why" ;;
	esac
fi
echo "$addr" > "$SRC/address"
echo "$records" > "$SRC/records"
echo "$me: mode $MODE, aen: records required: $records"
