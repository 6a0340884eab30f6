#!/bin/sh
# Build what users install, from the patched TREE, into OUT: the s390x
# kernel image and kvm.ko (configuration pci-kvm-m) and the kselftest.
# usage: build.sh TREE OUT
set -eu
tree=$1 out=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${CACHE:=/var/cache/aen-series}"
cfg=pci-kvm-m
obj=$CACHE/obj/$(basename "$tree")-$cfg
[ -f "$obj/.config" ] || "$repo/scripts/kconfig.sh" "$tree" "$obj" "$cfg"
rm -f "$obj/.aen-state"  # bisect-build.sh must not trust this directory's step any more
echo "build: kernel image and modules ($cfg) in $obj"
"$repo/scripts/kmake.sh" "$tree" "$obj" W=1 olddefconfig
"$repo/scripts/kmake.sh" "$tree" "$obj" W=1 bzImage modules >"$obj/.build.log" 2>&1 ||
	{ grep -E ': error:|^ERROR:' "$obj/.build.log" | head -n 5 >&2; echo "build: kernel build failed, see $obj/.build.log" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
cp "$obj/arch/s390/boot/bzImage" "$out/bzImage"
cp "$obj/arch/s390/kvm/kvm.ko" "$out/kvm.ko"
cp "$obj/.config" "$out/config"
cp "$obj/System.map" "$out/System.map"
echo "build: kselftest"
"$repo/scripts/build-selftest.sh" "$tree" "$out/kselftest"
rel=$(cat "$obj/include/config/kernel.release")
cat >"$out/INSTALL" <<EOF
Built from $tree ($(git -C "$tree" describe --tags --always 2>/dev/null || echo unknown)), kernel $rel, s390x.

bzImage       kernel image (configuration: configs/base.config + configs/$cfg.config)
kvm.ko        the kvm module of that kernel
config        its .config
kselftest/    the AEN reload kselftest, statically linked

On an s390 LPAR (as root), for a test kernel:
  cp bzImage /boot/vmlinuz-$rel && cp System.map /boot/System.map-$rel
  mkdir -p /lib/modules/$rel/kernel/arch/s390/kvm
  cp kvm.ko /lib/modules/$rel/kernel/arch/s390/kvm/ && depmod $rel
  (add a zipl section for /boot/vmlinuz-$rel, run zipl, reboot into it)
Then run the kselftest (see README, "Running the kselftest on an LPAR"):
  ./kselftest/aen_reload_test
For a distribution kernel, apply the series to its source and build it the
distribution's way instead; this image is a minimal test configuration.
EOF
echo "build: done. $out holds:"
(cd "$out" && ls -l | sed 1d | awk '{ printf "  %-20s %10s bytes\n", $NF, $5 }')
echo "build: install instructions in $out/INSTALL"
