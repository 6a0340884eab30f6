#!/bin/sh
# extract-seed.sh SEEDDIR OUTDIR
# Reconstructs the seed's arch/s390/kvm/pci.c and pci.h from the diff hunks
# of the seed posting, and saves its interrupt.c / kvm-s390.c / pci_insn.h
# hunks as patches. pci.c: the added lines plus the #include context; the
# pre-existing functions of an earlier seed patch (only visible as hunk
# context) are omitted. Nothing of the seed is kept in the repository.
set -eu
me=${AEN_CHECK:-extract-seed}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
[ $# = 2 ] || usage "extract-seed.sh SEEDDIR OUTDIR"
SEEDDIR=$1 OUT=$2
post=$(grep -l '^Subject: \[PATCH v2 15/30\] KVM: s390: pci: do initial setup for AEN' "$SEEDDIR"/*.txt 2>/dev/null | head -n 1)
[ -n "$post" ] || die "no seed posting (v2 15/30) in $SEEDDIR"
echo "$me: $post -> $OUT"
mkdir -p "$OUT"
awk -v out="$OUT" '
function flush() { if (f != "") close(f) }
/^diff --git a\// { flush(); p = $3; sub(/^a\//, "", p); sec = p; f = "";
	if (sec == "arch/s390/kvm/pci.c") { f = out "/pci.c";
		print "// SPDX-License-Identifier: GPL-2.0" > f
		print "/* Reconstructed from the seed posting (v2 15/30): added lines and #include context only. */" > f }
	else if (sec == "arch/s390/kvm/pci.h") f = out "/pci.h";
	else if (sec == "arch/s390/kvm/interrupt.c") { f = out "/interrupt.c.diff"; print > f }
	else if (sec == "arch/s390/kvm/kvm-s390.c") { f = out "/kvm-s390.c.diff"; print > f }
	else if (sec == "arch/s390/include/asm/pci_insn.h") { f = out "/pci_insn.h.diff"; print > f }
	next }
/^-- $/ { flush(); sec = ""; f = ""; next }
sec == "" || f == "" { next }
f ~ /\.diff$/ { print > f; next }
/^\+\+\+ / || /^--- / || /^@@ / || /^index / || /^new file/ { next }
/^\+/ { print substr($0, 2) > f; next }
/^ #include/ && sec ~ /pci\.c$/ { print substr($0, 2) > f; next }
' "$post"
for x in pci.c pci.h interrupt.c.diff kvm-s390.c.diff pci_insn.h.diff; do
	[ -s "$OUT/$x" ] || die "$x not found in $post"
	echo "$me: $x: $(wc -l < "$OUT/$x") lines"
done
