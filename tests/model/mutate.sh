#!/bin/sh
# mutate.sh TREE - teeth on the real code: applies small defects (one at
# a time, to build-dir copies, never to TREE; JOBS of them at once) to
# the series' pci.c and interrupt.c and requires that the model names
# each one. A mutation whose pattern is not in the code is a failure too:
# the list moves with the code. Exits PASS if every mutation applied and was
# caught, FAIL otherwise (exit-status).
set -eu
me=${AEN_CHECK:-mutate}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
tree "mutate.sh TREE" "${1:-}"
workdir mutate
"$HERE/prepare.sh" series "$TREE" "$W/src" >/dev/null
# one NAME FILE SED-SCRIPT SCENARIOS TAG: one mutant, its line CAUGHT or MISS
one() {
	m=$W/m-$1
	cp -r "$W/src" "$m"
	sed -i "$3" "$m/$2"
	if cmp -s "$W/src/$2" "$m/$2"; then
		echo "MISS $1: its pattern is not in $2 (the code moved: move the mutant with it)"
		return
	fi
	make -s -f "$HERE/Makefile" SRC="$m" B="$m/b" SAN=plain NR="$NR" >"$m/build.log" 2>&1 ||
		{ echo "MISS $1: does not build"; return; }
	"$m/b/model" --mod="$m/b" $(records_flag) --cycles=20 $4 >"$m/out" 2>&1 || true
	if grep -q "^FAIL \[.*\] $5: " "$m/out"; then
		echo "CAUGHT $1 as $5: $(grep -m 1 "^FAIL \[.*\] $5: " "$m/out" | cut -c 1-150)"
	else
		echo "MISS $1: no $5 failure"
		grep '^FAIL' "$m/out" | head -n 3
	fi
}
# mutant NAME FILE SED-SCRIPT SCENARIOS TAG: one mutant, JOBS at a time
total=0
mutant() {
	total=$((total + 1))
	one "$@" >"$W/r-$(printf %03d "$total")-$1" 2>&1 &
	[ $((total % ${JOBS:-1})) != 0 ] || wait
}
mutant D2-gait-phys-in-pointer pci.c 's/phys_to_virt(\(zpci_aipb->aipb\.gait\))/(struct zpci_gaite *)\1/' clean D2-PHYS-VIRT
mutant D2-virtual-to-firmware pci.c 's/\(aipb\.gait = \)virt_to_phys(\([a-z_>-]*\))/\1(unsigned long)(\2)/' clean D2-PHYS-VIRT
mutant D3-aift-leak pci.c 's/^\([[:space:]]*\)kfree(old);/\1;/' clean D3-AIFT-LEAK
mutant D6-sbv-exported-early pci.c 's/^\([[:space:]]*\)\(rc = __zpci_set_irq_ctrl(SIC_SET_AENI_CONTROLS\)/\1zpci_aif_sbv = sbv;\n\1\2/' inject D6-DANGLING
mutant D7-silent-isc pci.c '/differs/ s/[Ii][Ss][Cc]/num/g' reuse-isc D7-SILENT-REFUSAL
mutant D10-no-teardown interrupt-gib.c 's/^\tkvm_s390_pci_aen_exit();/\t;/' clean D10-EXIT-NOT-SETUP
mutant MEM-aift-leak-on-refusal pci.c 's/^\t\tkfree(new);/\t\t;/' reuse-isc MEM
mutant FW-interrupts-enabled pci.c 's/^\taift = new;/\taift = new;\n\tzpci_set_irq_ctrl(SIC_IRQ_MODE_SINGLE, nisc);/' clean FW
mutant FW-second-registration pci.c 's/first = !zpci_aipb;/first = 1;/' clean FW
mutant REC-raw-pointer pci.c 's/aipb=%p isc/aipb=%016lx isc/' clean REC
mutant REC-no-aiv-twice interrupt-gib.c 's/^\(\t*\)\(KVM_EVENT(3, "%s", "gib not initialized, no AIV facility");\)/\1\2\n\1KVM_EVENT(3, "%s", "aen: unavailable: no AIV facility");/' no-aiv REC
mutant GATE-zpci-off-let-through pci.c '/!zpci_is_enabled())/{N;d}' zpci-off GATE
mutant GATE-facility-missing pci.c '/!sclp.has_aisi)/{N;d}' no-aisi GATE
mutant GATE-machine-type-let-through pci.c '/case 0x2964:/d' machine-2964 GATE
mutant FATAL-aen-failure-fails-load interrupt-gib.c 's/^\tkvm_s390_pci_aen_init(nisc);/\tif (kvm_s390_pci_aen_init(nisc) \&\& (rc = -EIO)) goto out_unreg_gal;/' inject FATAL
mutant REUSE-size-check-dropped pci.c 's/if (faal != nr) {/if (0) {/' reuse-nr REUSE
wait
for r in "$W"/r-*; do
	sed "s/^/$me: /" "$r"
	grep -q '^CAUGHT \|^MISS ' "$r" || echo "$me: MISS ${r#"$W"/r-???-}: its run ended without a result"
done
caught=$(cat "$W"/r-* | grep -c '^CAUGHT ' || true) missed=$((total - caught))
echo "$me: $caught of $total mutants caught, $missed missed"
[ "$missed" = 0 ] || exit "$FAIL"
