#!/bin/sh
# extract-lifecycle.sh KVMDIR OUTDIR [aen]
# Copies verbatim, with #line markers, from KVMDIR (an arch/s390/kvm):
#  interrupt.c: from after the gib_alert_irq definition to the end of
#               kvm_s390_gib_init()  -> OUTDIR/interrupt-gib.c
#  kvm-s390.c:  the module's init and exit: kvm_arch_init() and
#               kvm_arch_exit() (5.10, 6.1), __kvm_s390_init() and
#               __kvm_s390_exit() (6.12, 6.18, 7.2)  -> OUTDIR/kvm-s390-init.c
#  pci.c, with "aen" (6.1 to 7.2, whose pci.c also holds device passthrough):
#               from the top to the end of kvm_s390_pci_aen_init(), and
#               kvm_s390_pci_init() to the end of kvm_s390_pci_exit()
#               -> OUTDIR/pci-aen.c
set -eu
K=${1:?usage: extract-lifecycle.sh KVMDIR OUTDIR [aen]}
OUT=${2:?usage: extract-lifecycle.sh KVMDIR OUTDIR [aen]}
echo "extract-lifecycle: $K/interrupt.c $K/kvm-s390.c -> $OUT"
awk -v f="$K/interrupt.c" '
/^static struct airq_struct gib_alert_irq = \{/ { skip = 1; next }
skip && /^};/ { skip = 0; on = 1; printf "#line %d \"%s\"\n", NR + 1, f; next }
!on { next }
{ print }
/^int (__init )?kvm_s390_gib_init\(/ { init = 1 }
init && /^}/ { done = 1; exit }
END { if (!done) exit 1 }
' "$K/interrupt.c" > "$OUT/interrupt-gib.c" || { echo "extract-lifecycle: gib init/destroy not found in $K/interrupt.c" >&2; exit 1; }
awk -v f="$K/kvm-s390.c" '
/^int kvm_arch_init\(void \*opaque\)/ || /^void kvm_arch_exit\(void\)/ ||
/^static int __init __kvm_s390_init\(void\)/ || /^static void __kvm_s390_exit\(void\)/ {
	on = 1; n++; printf "#line %d \"%s\"\n", NR, f }
on { print }
on && /^}/ { on = 0 }
END { if (n != 2) exit 1 }
' "$K/kvm-s390.c" > "$OUT/kvm-s390-init.c" || { echo "extract-lifecycle: the module init/exit not found in $K/kvm-s390.c" >&2; exit 1; }
grep -q kvm_s390_gib_destroy "$OUT/interrupt-gib.c" || { echo "extract-lifecycle: no kvm_s390_gib_destroy" >&2; exit 1; }
echo "extract-lifecycle: interrupt-gib.c $(wc -l < "$OUT/interrupt-gib.c") lines, kvm-s390-init.c $(wc -l < "$OUT/kvm-s390-init.c") lines"
[ "${3:-}" = aen ] || exit 0
awk -v f="$K/pci.c" '
NR == 1 { on = 1; printf "#line 1 \"%s\"\n", f }
/^int (__init )?kvm_s390_pci_init\(void\)/ { on = 1; n++; printf "#line %d \"%s\"\n", NR, f }
on { print }
/^int kvm_s390_pci_aen_init\(/ || /^void kvm_s390_pci_exit\(void\)/ { last = 1 }
last && /^}/ { on = last = 0; n++ }
END { if (n != 3) exit 1 }
' "$K/pci.c" > "$OUT/pci-aen.c" || { echo "extract-lifecycle: the AEN functions not found in $K/pci.c" >&2; exit 1; }
echo "extract-lifecycle: pci-aen.c $(wc -l < "$OUT/pci-aen.c") lines"
