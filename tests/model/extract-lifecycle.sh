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
# and from KVMDIR/../include/asm the kernel's definitions the model and the
# code under test share (DEFS below; the shims have no copy of them)
#               -> OUTDIR/kernel-defs.h, which the shims include
set -eu
me=${AEN_CHECK:-extract-lifecycle}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
[ $# -ge 2 ] || usage "extract-lifecycle.sh KVMDIR OUTDIR [aen]"
K=$1 OUT=$2 AEN=${3:-}
A=${K%/kvm}/include/asm
# FILE (in A) KIND NAME [aen]: a struct or union NAME to its closing brace,
# or every #define whose name starts with NAME; "aen": only with aen
DEFS='
pci_insn.h #define SIC_
pci_insn.h struct zpci_fib_fmt0
pci_insn.h struct zpci_fib_fmt1
pci_insn.h struct zpci_fib
pci_insn.h struct zpci_diib
pci_insn.h struct zpci_cdiib
pci_insn.h struct zpci_aipb
pci_insn.h union zpci_sic_iib
pci.h #define ZPCI_NR_DEVICES
sclp.h struct sclp_info
airq.h struct airq_struct
airq.h struct airq_iv
airq.h #define AIRQ_IV_
cpu.h struct cpuid
css_chars.h struct css_general_char
kvm_host.h struct kvm_s390_gib
isc.h #define GAL_ISC
kvm_host.h struct zpci_kvm_hook aen
'
echo "$me: $K/interrupt.c $K/kvm-s390.c -> $OUT"
awk -v f="$K/interrupt.c" '
/^static struct airq_struct gib_alert_irq = \{/ { skip = 1; next }
skip && /^};/ { skip = 0; on = 1; printf "#line %d \"%s\"\n", NR + 1, f; next }
!on { next }
{ print }
/^int (__init )?kvm_s390_gib_init\(/ { init = 1 }
init && /^}/ { done = 1; exit }
END { if (!done) exit 1 }
' "$K/interrupt.c" > "$OUT/interrupt-gib.c" || die "gib init/destroy not found in $K/interrupt.c"
awk -v f="$K/kvm-s390.c" '
/^int kvm_arch_init\(void \*opaque\)/ || /^void kvm_arch_exit\(void\)/ ||
/^static int __init __kvm_s390_init\(void\)/ || /^static void __kvm_s390_exit\(void\)/ {
	on = 1; n++; printf "#line %d \"%s\"\n", NR, f }
on { print }
on && /^}/ { on = 0 }
END { if (n != 2) exit 1 }
' "$K/kvm-s390.c" > "$OUT/kvm-s390-init.c" || die "the module init/exit not found in $K/kvm-s390.c"
grep -q kvm_s390_gib_destroy "$OUT/interrupt-gib.c" || die "no kvm_s390_gib_destroy in $K/interrupt.c"
echo "$me: interrupt-gib.c $(wc -l < "$OUT/interrupt-gib.c") lines, kvm-s390-init.c $(wc -l < "$OUT/kvm-s390-init.c") lines"
echo "$DEFS" | while read -r file kind name only; do
	[ -n "$file" ] || continue
	[ -z "$only" ] || [ "$only" = "$AEN" ] || continue
	[ -f "$A/$file" ] || die "no $A/$file (the model takes $kind $name from it)"
	awk -v f="$A/$file" -v kind="$kind" -v name="$name" '
	kind == "#define" { if ($1 == kind && index($2, name) == 1) { printf "#line %d \"%s\"\n%s\n", FNR, f, $0; n++ } next }
	!on && ($0 == kind " " name " {" || $0 == kind " " name) { on = 1; n++; printf "#line %d \"%s\"\n", FNR, f }
	on { print }
	on && /^}/ { on = 0 }
	END { exit !(kind == "#define" ? n > 0 : n == 1) }' "$A/$file" ||
		die "$kind $name not found (or more than once) in $A/$file"
done > "$OUT/kernel-defs.h"
echo "$me: kernel-defs.h $(wc -l < "$OUT/kernel-defs.h") lines from $A"
[ "$AEN" = aen ] || exit "$PASS"
awk -v f="$K/pci.c" '
NR == 1 { on = 1; printf "#line 1 \"%s\"\n", f }
/^int (__init )?kvm_s390_pci_init\(void\)/ { on = 1; n++; printf "#line %d \"%s\"\n", NR, f }
on { print }
/^int kvm_s390_pci_aen_init\(/ || /^void kvm_s390_pci_exit\(void\)/ { last = 1 }
last && /^}/ { on = last = 0; n++ }
END { if (n != 3) exit 1 }
' "$K/pci.c" > "$OUT/pci-aen.c" || die "the AEN functions not found in $K/pci.c"
echo "$me: pci-aen.c $(wc -l < "$OUT/pci-aen.c") lines"
