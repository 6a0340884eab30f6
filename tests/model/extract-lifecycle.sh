#!/bin/sh
# extract-lifecycle.sh KVMDIR OUTDIR
# Copies verbatim, with #line markers, from KVMDIR (an arch/s390/kvm):
#  interrupt.c: from after the gib_alert_irq definition to the end of
#               kvm_s390_gib_init()  -> OUTDIR/interrupt-gib.c
#  kvm-s390.c:  kvm_arch_init() and kvm_arch_exit() -> OUTDIR/kvm-s390-arch.c
set -eu
K=${1:?usage: extract-lifecycle.sh KVMDIR OUTDIR}
OUT=${2:?usage: extract-lifecycle.sh KVMDIR OUTDIR}
echo "extract-lifecycle: $K/interrupt.c $K/kvm-s390.c -> $OUT"
awk -v f="$K/interrupt.c" '
/^static struct airq_struct gib_alert_irq = \{/ { skip = 1; next }
skip && /^};/ { skip = 0; on = 1; printf "#line %d \"%s\"\n", NR + 1, f; next }
!on { next }
{ print }
/^int kvm_s390_gib_init\(/ { init = 1 }
init && /^}/ { done = 1; exit }
END { if (!done) exit 1 }
' "$K/interrupt.c" > "$OUT/interrupt-gib.c" || { echo "extract-lifecycle: gib init/destroy not found in $K/interrupt.c" >&2; exit 1; }
awk -v f="$K/kvm-s390.c" '
/^int kvm_arch_init\(void \*opaque\)/ || /^void kvm_arch_exit\(void\)/ { on = 1; n++; printf "#line %d \"%s\"\n", NR, f }
on { print }
on && /^}/ { on = 0 }
END { if (n != 2) exit 1 }
' "$K/kvm-s390.c" > "$OUT/kvm-s390-arch.c" || { echo "extract-lifecycle: kvm_arch_init/exit not found in $K/kvm-s390.c" >&2; exit 1; }
grep -q kvm_s390_gib_destroy "$OUT/interrupt-gib.c" || { echo "extract-lifecycle: no kvm_s390_gib_destroy" >&2; exit 1; }
echo "extract-lifecycle: interrupt-gib.c $(wc -l < "$OUT/interrupt-gib.c") lines, kvm-s390-arch.c $(wc -l < "$OUT/kvm-s390-arch.c") lines"
