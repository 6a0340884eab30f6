#!/bin/sh
# Run the static s390x kselftest on this (non-s390) host with qemu-user,
# where it must skip without touching any module:
#  a) as an unprivileged user: "SKIP must be run as root", exit code 4;
#  b) as root in a user namespace (unshare -r, no power over the host's
#     modules): "SKIP no SIE", exit code 4, and qemu's
#     syscall trace shows that it read /proc/cpuinfo and ran no modprobe
#     (no execve) and no init_module/finit_module/delete_module.
# Both runs ask the test to reload kvm, as its runners ask it
# (--reload-kvm; AEN_RELOAD_KVM=1 for 5.10's): the host is what makes it
# skip. (The SKIP line names the result upstream, not in 5.10.)
# usage: selftest-qemu-user.sh BINARY
set -eu
me=${AEN_CHECK:-selftest-qemu-user}   # the name its lines start with (the check's, in make check)
[ $# -eq 1 ] || { echo "usage: $0 BINARY" >&2; exit 2; }
qemu=${QEMU_USER:-qemu-s390x-static}
command -v "$qemu" >/dev/null 2>&1 ||
	{ echo "$me: $qemu not found (apt-get install qemu-user-static)" >&2; exit 1; }
[ -f "$1" ] || { echo "$me: no such file: $1" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cp "$1" "$work/aen_reload_test"
chmod 755 "$work/aen_reload_test"
fail=0
export AEN_RELOAD_KVM=1

# run NAME EXPECTED-SKIP-REASON COMMAND...: exit code 4 and the SKIP line
run() {
	name=$1 want=$2
	shift 2
	rc=0
	"$@" >"$work/out" 2>"$work/err" || rc=$?
	sed "s/^/$name: /" "$work/out"
	if [ "$rc" -ne 4 ]; then
		echo "$me: $name: exit code $rc, expected 4 (KSFT_SKIP)"
		fail=1
	elif ! grep -qxE "ok 1( aen_reload)? # SKIP $want.*" "$work/out"; then
		echo "$me: $name: no line 'ok 1 [aen_reload ]# SKIP $want...'"
		fail=1
	else
		echo "$me: $name: exit code 4, SKIP $want"
	fi
}

if [ "$(id -u)" = 0 ]; then
	run unprivileged "must be run as root" setpriv --reuid=65534 --regid=65534 \
		--clear-groups "$qemu" "$work/aen_reload_test" --reload-kvm
else
	run unprivileged "must be run as root" "$qemu" "$work/aen_reload_test" --reload-kvm
fi
run userns-root "no SIE" unshare -r "$qemu" -strace "$work/aen_reload_test" --reload-kvm
if ! grep -q '"/proc/cpuinfo"' "$work/err"; then
	echo "$me: userns-root: the syscall trace has no /proc/cpuinfo lookup"
	fail=1
fi
if grep -E '(execve|init_module|delete_module)\(' "$work/err"; then
	echo "$me: userns-root: ran modprobe or a module syscall (above)"
	fail=1
fi
[ "$fail" = 0 ] || exit 1
echo "$me: pass"
