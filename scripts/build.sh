#!/bin/sh
# Build what users install, from TARGET's patched tree, into OUT: the s390x
# kernel image, kvm.ko, the config, System.map and the kselftest, with
# configuration pci-kvm-m of the series (or KCONFIG, the user's own
# config, with the series' switch turned on: see scripts/kconfig.sh).
# usage: build.sh [TARGET [OUT]]   (default: as prepare.sh; OUT: out/)
set -eu
. "$(dirname "$0")/lib.sh"
lock_cache
if [ -n "${KSRC:-}" ]; then t=${1:-ksrc}; else t=${1:-$(primary .)}; fi
out=${2:-$REPO/out}
"$REPO/scripts/prepare.sh" "$t"
tree=$(tree_of "$t")
obj=$(obj_of "$t" pci-kvm-m)
# The same sources, configuration, toolchain and build scripts make the
# same files: then OUT is kept as it is.
stamp=$( { git -C "$tree" rev-parse 'HEAD^{tree}'; git -C "$tree" status --porcelain; git -C "$tree" diff HEAD
	cat "$REPO/configs/base.config" "$(cfgdir "$(top_series "$t")")/pci-kvm-m.config" ${KCONFIG:+"$KCONFIG"}
	recipe_key "$0" "$REPO/scripts/lib.sh" "$REPO/scripts/kbuild.sh" "$REPO/scripts/kconfig.sh" "$REPO/scripts/build-selftest.sh"; } |
	sha256sum | cut -d' ' -f1)
if [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
	say "$t: $out is up to date"
	exit 0
fi
"$REPO/scripts/kconfig.sh" "$t" pci-kvm-m "$obj"
# The objects of check bisect-build carry its mark ("KEY TREE"): they
# are all of tree states it passed with that recipe KEY. Objects of a
# state it did not pass (no $CACHE/bisect/TARGET-CONFIG/TREE-KEY.ok), or
# of uncommitted changes, take the mark away.
m=$(cut -s -d' ' -f1 "$obj/.aen-bisect" 2>/dev/null) || true
if [ -n "$m" ] && { [ -n "$(git -C "$tree" status --porcelain)" ] ||
	[ ! -f "$CACHE/bisect/$t-pci-kvm-m/$(git -C "$tree" rev-parse 'HEAD^{tree}')-$m.ok" ]; }; then
	rm -f "$obj/.aen-bisect"
fi
say "$t: kernel image and modules in $obj"
kmake "$tree" "$obj" W=1 bzImage modules >"$obj/.build.log" 2>&1 ||
	{ grep -E ': error:|^ERROR:' "$obj/.build.log" | head -n 5 >&2; die "$t: kernel build failed, see $obj/.build.log"; }
rm -rf "$out"
mkdir -p "$out"
cp "$obj/arch/s390/boot/bzImage" "$obj/.config" "$obj/System.map" "$out/"
mv "$out/.config" "$out/config"
find "$obj" -name kvm.ko -exec cp {} "$out/" \;
if [ -n "$(git -C "$tree" diff --name-only --diff-filter=A base series -- 'tools/testing/selftests/kvm/*.c')" ]; then
	say "$t: kselftest"
	"$REPO/scripts/build-selftest.sh" "$tree" "$obj/kselftest" "$out/kselftest"
fi
rel=$(cat "$obj/include/config/kernel.release")
cat >"$out/INSTALL" <<EOT
Linux $rel for s390x: target $t with $(series_of "$t" | while read -r s; do label "$s"; done | paste -sd' ' -) applied.

bzImage      kernel image (configuration: ${KCONFIG:-allnoconfig + configs/base.config} + the series' pci-kvm-m.config)
kvm.ko       the kvm module of that kernel (absent if kvm is built in)
config       its .config;  System.map  its symbols
kselftest/   the AEN reload kselftest, statically linked

On an s390 LPAR, as root, for a test kernel:
  cp bzImage /boot/vmlinuz-$rel && cp System.map /boot/System.map-$rel
  mkdir -p /lib/modules/$rel/kernel/arch/s390/kvm
  cp kvm.ko /lib/modules/$rel/kernel/arch/s390/kvm/ && depmod $rel
  (add a zipl section for /boot/vmlinuz-$rel, run zipl, reboot into it)
then run the kselftest (README: "Running the kselftest on an LPAR").
For a distribution kernel, apply the series to its source and build it the
distribution's way; KCONFIG=/boot/config-\$(uname -r) builds with its config.
EOT
[ -d "$out/kselftest" ] || sed -i '/^kselftest\//d; /then run the kselftest/d' "$out/INSTALL"
echo "$stamp" >"$out/.stamp"
say "$t: done; $out holds:"
(cd "$out" && ls -l | sed 1d | awk '{ printf "  %-20s %10s bytes\n", $NF, $5 }')
