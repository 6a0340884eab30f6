#!/bin/sh
# Boot test: boot the kernel under qemu-system-s390x (TCG) with an
# initramfs holding a static init (tests/boot/init.c), kvm.ko, the stand-in
# kvm module (tests/boot/standin), the kselftest and the kselftest linked
# with tests/boot/enosys.c, then check the console log:
#  - the kernel boots to init and powers off by itself;
#  - finit_module(kvm.ko) fails with ENODEV after "SIE is not available"
#    (TCG has no SIE);
#  - the kselftest, run the way the kselftest runner runs it (init.c), once
#    per scenario (below), gives the scenario's KTAP result line and exit
#    code, valid KTAP, and leaves kvm as it found it; with the real kvm.ko
#    it SKIPs because kvm cannot load ("ok 1 selftests: kvm:
#    aen_reload_test # SKIP"); the SKIP result line has the name
#    aen_reload upstream, none in 5.10 (AEN_TREE=5.10);
#  - no WARNING, BUG, Oops, panic or call trace.
# usage: run.sh KERNEL_IMAGE KVM_KO STANDIN_KO SELFTEST_BIN ENOSYS_BIN
# Environment: AEN_TREE (5.10 or upstream, default upstream: the kselftest's
# tree), BOOT_TIMEOUT (s, default 120), BOOT_APPEND (more kernel
# parameters), OUT (console log goes to
# $OUT/boot-console.log; without OUT the work directory is kept).
# Exit 0 only if every check passes.
set -eu
me=${AEN_CHECK:-boot}   # the name its lines start with (the check's, in make check)
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 5 ] || { echo "usage: $0 KERNEL_IMAGE KVM_KO STANDIN_KO SELFTEST_BIN ENOSYS_BIN" >&2; exit 2; }
kernel=$1 kvmko=$2 standin=$3 selftest=$4 enosys=$5
skipline="ok 1 aen_reload # SKIP"
[ "${AEN_TREE:-upstream}" != 5.10 ] || skipline="ok 1 # SKIP"
timeout_s=${BOOT_TIMEOUT:-120}
QEMU=${QEMU:-qemu-system-s390x}
CROSS_CC=${CROSS_CC:-s390x-linux-gnu-gcc}

die() { echo "$me: FAIL: $*" >&2; exit 1; }
for f in "$kernel" "$kvmko" "$standin" "$selftest" "$enosys"; do
	[ -f "$f" ] || die "no such file: $f"
done
command -v "$QEMU" >/dev/null 2>&1 ||
	die "$QEMU not found (Debian: apt-get install qemu-system-misc); the boot test cannot run"
command -v "$CROSS_CC" >/dev/null 2>&1 ||
	die "$CROSS_CC not found (Debian: apt-get install gcc-s390x-linux-gnu)"
command -v cpio >/dev/null 2>&1 || die "cpio not found"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) not found"

work=$(mktemp -d "${TMPDIR:-/tmp}/aen-boot.XXXXXX")
if [ -n "${OUT:-}" ]; then
	mkdir -p "$OUT"
	log=$OUT/boot-console.log
	trap 'rm -rf "$work"' EXIT
else
	log=$work/console.log
fi
root=$work/root

echo "$me: build init with $CROSS_CC -static"
mkdir -p "$root/dev" "$root/proc" "$root/sys" "$root/tmp" "$root/sbin"
$CROSS_CC -static -O2 -Wall -o "$root/init" "$here/init.c"
ln -s ../init "$root/sbin/modprobe"
cp "$kvmko" "$root/kvm.ko"
cp "$standin" "$root/kvm-standin.ko"
cp "$selftest" "$root/aen_reload_test"
cp "$enosys" "$root/aen_reload_test-enosys"
chmod 0755 "$root/init" "$root/aen_reload_test" "$root/aen_reload_test-enosys"
# init reopens the console after mounting devtmpfs; the node is only
# needed for its first messages and needs root to create.
mknod "$root/dev/console" c 5 1 2>/dev/null || echo "$me: (no /dev/console node: not root)"
echo "$me: pack initramfs (cpio newc)"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) |
	gzip -n >"$work/initramfs.cpio.gz"

echo "$me: $QEMU -M s390-ccw-virtio -m 512 -kernel $kernel (timeout ${timeout_s}s)"
start=$(date +%s.%N)
# debug_boot_weak_hash: %p hashes from boot on; before its crng is ready
# (long, under TCG) 5.10 prints every %p as (____ptrval____)
set +e
timeout "$timeout_s" "$QEMU" -M s390-ccw-virtio -m 512 -nographic -no-reboot \
	-kernel "$kernel" -initrd "$work/initramfs.cpio.gz" \
	-append "console=ttysclp0 rdinit=/init debug_boot_weak_hash${BOOT_APPEND:+ $BOOT_APPEND}" \
	-chardev file,id=lm,path="$work/linemode.log" \
	-device sclplmconsole,chardev=lm \
	</dev/null >"$work/console.raw" 2>"$work/qemu.err"
rc=$?
set -e
end=$(date +%s.%N)
secs=$(echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }')
tr -d '\r' <"$work/console.raw" >"$log"
echo "$me: qemu exit status $rc after ${secs}s; console log: $log"
if [ -s "$work/qemu.err" ]; then
	sed "s/^/$me: qemu stderr: /" "$work/qemu.err"
fi
# ttysclp0 is the SCLP VT220 console (qemu's -nographic console). The
# line-mode console is captured apart, only to explain an empty log.
if ! grep -q '[^[:space:]]' "$log"; then
	if grep -q '[^[:space:]]' "$work/linemode.log" 2>/dev/null; then
		tail -n 5 "$work/linemode.log" | sed "s/^/$me: line-mode console: /"
		die "nothing on ttysclp0 but output on the SCLP line-mode console: the kernel needs CONFIG_SCLP_VT220_TTY=y and CONFIG_SCLP_VT220_CONSOLE=y"
	fi
	die "no console output at all (qemu exit status $rc): kernel did not start, or has no SCLP VT220 console (CONFIG_SCLP_VT220_TTY/CONSOLE)"
fi
if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && ! grep -q 'AEN-BOOT:' "$log"; then
	tail -n 20 "$log" | sed "s/^/$me: console: /"
	die "qemu failed to start or crashed (exit status $rc)"
fi

pass=0 fail=0
check() { # NAME RESULT(0=pass) DETAIL
	if [ "$2" -eq 0 ]; then
		pass=$((pass + 1)); echo "$me: PASS: $1${3:+ ($3)}"
	else
		fail=$((fail + 1)); echo "$me: FAIL: $1${3:+ ($3)}"
	fi
}
has() { grep -qF -- "$1" "$log"; }
ok() { if "$@"; then echo 0; else echo 1; fi; }

up=$(sed -n 's/^AEN-BOOT: init started, pid 1, uptime \([^ ]*\) s$/\1/p' "$log" | head -n 1)
check "kernel boots to init" "$(ok has "AEN-BOOT: init started, pid 1,")" "uptime at init ${up:-?} s"
r=1; [ "$rc" -eq 0 ] && has "AEN-BOOT: power off" && r=0
check "init powers off by itself" $r "qemu exit status $rc$( [ "$rc" -eq 124 ] && echo ", killed after ${timeout_s}s")"
check "finit_module(kvm.ko) fails with ENODEV" \
	"$(ok has "AEN-BOOT: finit_module(/kvm.ko): errno 19 ENODEV")" \
	"$(sed -n 's/^AEN-BOOT: finit_module(\/kvm.ko): //p' "$log" | head -n 1)"
check "kernel says SIE is not available" "$(ok has "kvm-s390: SIE is not available")"

# s390dbf sprintf-view header as the parser expects it (aen_parse())
hdr='^AEN-BOOT: s390dbf sample: [0-9]{2,} [0-9]{11,}:[0-9]{6,} [0-9]+ [-*] [0-9]{4,} [^ ]{1,16}  '
n=$(grep -cE "$hdr" "$log" || true)
r=1; [ "$n" -gt 0 ] && r=0
check "s390dbf sprintf-view header format as parsed" $r "$n sample lines match"

# One block per scenario of init.c, between its markers. In it, what the
# runner printed between the selftest markers; the test's own output has
# "# " in front. Kernel messages may be interleaved: KTAP lets a parser
# ignore lines it does not know.
# scenario NAME EXIT REASON [AFTER]: the kselftest exits with EXIT, its
# result line is "ok 1 aen_reload" (0), "not ok 1 aen_reload" (1) with a
# "# REASON..." line before it, or "$skipline REASON..." (4); ended by a
# signal (EXIT 128 + its number) after its result line, as 1; the
# runner's line and the KTAP around it agree; kvm is as it found it, or
# AFTER.
: >"$work/summary"
scenario() {
	name=$1 want_rc=$2 want=$3 want_after=${4:-} b=$work/block.$1
	sed -n "/^AEN-BOOT: scenario $name start\$/,/^AEN-BOOT: scenario $name end\$/p" "$log" >"$b"
	sed -n '/^AEN-BOOT: selftest start$/,/^AEN-BOOT: selftest /p' "$b" | sed '1d;$d' >"$b.runner"
	sed -n 's/^# //p' "$b.runner" >"$b.ktap"
	status=$(sed -n 's/^AEN-BOOT: selftest exit status \(-*[0-9]*\)$/\1/p' "$b" | head -n 1)
	result=$(grep -E '^(not )?ok [0-9]+ ' "$b.ktap" | head -n 1 || true)
	before=$(sed -n 's/^AEN-BOOT: kvm before the selftest: //p' "$b" | head -n 1)
	after=$(sed -n 's/^AEN-BOOT: kvm after the selftest: //p' "$b" | head -n 1)
	echo "$me: | $name: ${result:-no result line} (exit ${status:-none}); kvm ${before:-?} -> ${after:-?}" >>"$work/summary"
	r=1; [ "${status:-x}" = "$want_rc" ] && r=0
	check "$name: kselftest exit code $want_rc" $r "exit code ${status:-none}"
	case $want_rc in
	0) line="ok 1 aen_reload" ;;
	4) line="$skipline $want" ;;
	*) line="not ok 1 aen_reload" ;;
	esac
	r=1
	case $result in "$line"*) r=0 ;; esac
	[ "$want_rc" = 4 ] || grep -qF -- "$want" "$b.ktap" || r=1
	check "$name: result line '$line', reason '$want...'" $r "${result:-no result line}"
	case $want_rc in
	0) runner="ok 1 selftests: kvm: aen_reload_test" count=pass ;;
	4) runner="ok 1 selftests: kvm: aen_reload_test # SKIP" count=skip ;;
	*) runner="not ok 1 selftests: kvm: aen_reload_test # exit=$want_rc" count=fail ;;
	esac
	r=1
	grep -qx 'TAP version 13' "$b.runner" && grep -qx '1\.\.1' "$b.runner" &&
		grep -qxF "$runner" "$b.runner" && r=0
	check "$name: runner reports: $runner" $r "$(grep -E '^(not )?ok [0-9]+ selftests: ' "$b.runner" || echo no result line)"
	ktap_err=$(awk -v count="$count" '
		/^(TAP version 13|KTAP version 1)$/ { if (!nr && !plan) ver = 1; next }
		/^1\.\.[0-9]+/ { if (plan) { print "second plan line"; exit } plan = substr($1, 4) + 0; next }
		/^(not )?ok [0-9]+/ {
			n = ($1 == "not") ? $3 : $2
			nr++
			if (n != nr) { print "result " n " out of order"; exit }
			next
		}
		/^# Totals: / { totals = $0; next }
		END {
			want["pass"] = want["fail"] = want["skip"] = 0
			want[count] = nr
			if (!ver) print "no TAP/KTAP version line first"
			else if (plan == "") print "no plan line"
			else if (nr != plan) print "plan " plan " but " nr " results"
			else if (totals != "# Totals: pass:" want["pass"] " fail:" want["fail"] \
				 " xfail:0 xpass:0 skip:" want["skip"] " error:0")
				print "bad totals: " totals
		}' "$b.ktap")
	check "$name: kselftest output is valid KTAP: plan, results, totals" \
		"$( [ -z "$ktap_err" ] && echo 0 || echo 1)" "$ktap_err"
	r=1; [ -n "$before" ] && [ "${want_after:-$before}" = "$after" ] && r=0
	check "$name: kselftest left kvm ${want_after:-as it found it}" $r "before: ${before:-?}, after: ${after:-?}"
}
# untouched: no modprobe run in the block of scenario $1
untouched() {
	r=1; grep -qx 'AEN-BOOT: modprobe during the selftest: 0 runs' "$work/block.$1" && r=0
	check "$1: no modprobe run" $r "$(sed -n 's/^AEN-BOOT: modprobe during the selftest: //p' "$work/block.$1")"
}
# the scenarios of init.c, in its order, with the result they must give
scenario registration-reused 0 "first load and 2 reloads keep one AEN registration"
scenario loaded 4 "kvm is loaded: the test unloads only a kvm it loads"
untouched loaded
scenario second-registration 1 "reload 1: second AEN registration"
scenario reload-fails 1 "reload 1 failed: modprobe: ERROR: could not insert 'kvm': Input/output error"
scenario first-load-fails 4 "kvm does not load here: modprobe: ERROR: could not insert 'kvm': Cannot allocate memory"
# kvm fails a load with EIO when its AEN setup fails (upstream; 5.10 loads on)
if [ "${AEN_TREE:-upstream}" = 5.10 ]; then
	scenario first-load-eio 4 "kvm does not load here: modprobe: ERROR: could not insert 'kvm': Input/output error"
else
	scenario first-load-eio 1 "first load failed: modprobe: ERROR: could not insert 'kvm': Input/output error"
fi
scenario enodev 4 "kvm does not load here: modprobe: ERROR: could not insert 'kvm': No such device"
scenario no-sie 4 "no SIE: "
untouched no-sie
scenario no-module 4 "kvm does not load here: modprobe: FATAL: Module kvm not found"
unavail="AEN not set up (not allowed here"
[ "${AEN_TREE:-upstream}" != 5.10 ] || unavail="AEN unavailable: "
scenario unavailable 4 "$unavail"
# kvm was not loaded; the test loaded it and it is in use now: it stays
scenario busy-after-first-load 4 "kvm is in use: " "loaded nested=0 use_gisa=Y"
scenario unasked 4 "loads and unloads kvm: run with "
untouched unasked
scenario module-unload-off 4 "no module unloading (delete_module: Function not implemented)"
untouched module-unload-off
scenario registration-same-address 1 "reload 1: second AEN registration"
scenario unreadable-hash 4 "first load: pointers not hashed"
# no_hash_pointers: 5.10 has none, its %p always hashes: it takes the address
if [ "${AEN_TREE:-upstream}" = 5.10 ]; then
	scenario unhashed-pointer 0 "first load and 2 reloads keep one AEN registration"
else
	scenario unhashed-pointer 4 "first load: pointers not hashed, or not told to be: 0000000010001100"
fi
# upstream tells a hashed AIPB by the GIB's record; 5.10 writes none of its own
if [ "${AEN_TREE:-upstream}" = 5.10 ]; then
	scenario no-gib-record 0 "first load and 2 reloads keep one AEN registration"
else
	scenario no-gib-record 4 "first load: pointers not hashed, or not told to be: "
fi
scenario reuse-other-aipb 1 "reload 1: AIPB "
scenario sigchld-ignored 0 "first load and 2 reloads keep one AEN registration"
scenario sigterm-after-first-load 143 "interrupted by signal 15 (Terminated)"
scenario sigquit-after-reload 131 "interrupted by signal 3 (Quit)"
n=$(grep -c '^AEN-BOOT: scenario .* start$' "$log" || true)
r=1; [ "$n" = 21 ] && r=0
check "init ran 21 scenarios" $r "$n"
bad=$(grep -nE 'WARNING|BUG|Oops|[Pp]anic|Call Trace|cut here|general protection|Unable to handle' "$log" || true)
r=1; [ -z "$bad" ] && r=0
check "no WARNING/BUG/Oops/panic/call trace in the log" $r "$(echo "$bad" | head -n 1)"

echo "$me: the kselftest per scenario (result line, exit code, kvm before -> after):"
cat "$work/summary"
echo "$me: boot to power off took ${secs}s (qemu wall time), init reached at ${up:-?}s uptime"
echo "$me: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
