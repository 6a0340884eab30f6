#!/bin/sh
# Write the .config of configuration NAME of TARGET's series into OBJ:
# allnoconfig + configs/base.config + NAME.config of the last series the
# target takes (scripts/lib.sh: cfgdir), or, with
# KCONFIG set, the user's own config + NAME.config (which turns on the
# series' switch and what it needs). Every fragment line must take effect;
# with PARTIAL=1 (the bisect steps before the patch that adds a symbol) a
# symbol the tree does not define yet is let through. Rerun it at every
# step of a series: builds stay incremental, and the switch is set as soon
# as the tree has it.
# usage: kconfig.sh TARGET NAME OBJ
set -eu
. "$(dirname "$0")/lib.sh"
t=$1 name=$2 obj=$3
tree=$(tree_of "$t")
frag=$(cfgdir "$(top_series "$t")")/$name.config
[ -f "$frag" ] || die "no ${frag#"$REPO"/}"
if [ -n "${KCONFIG:-}" ]; then
	[ -f "$KCONFIG" ] || die "KCONFIG=$KCONFIG is not a file"
	set -- "$KCONFIG" "$frag"
	mode=olddefconfig
else
	set -- "$REPO/configs/base.config" "$frag"
	mode=allnoconfig
fi
mkdir -p "$obj"
# What makes the .config: the tree's Kconfig files, scripts/ and top
# Makefile (as committed, and any change to them), the fragments, the
# mode, and recipe_key of this script (the installed packages: the cross
# toolchain that Kconfig probes). When none of it changed, and the .config is the one made
# from it, the .config is kept (and still checked below).
key=$( { git -C "$tree" ls-files -s -- '*Kconfig*' scripts/ Makefile; git -C "$tree" diff -- '*Kconfig*' scripts/ Makefile
	cat "$@"; echo "$mode"; recipe_key "$0"; } | sha256sum | cut -c1-16)
if [ -f "$obj/.config" ] && [ "$(cat "$obj/.aen-kconfig" 2>/dev/null)" = "$key $(sha256sum <"$obj/.config")" ]; then
	say "$t: $name: nothing it is made of changed: $obj/.config kept"
else
	rm -f "$obj/.aen-kconfig"
	say "$t: $mode + $(echo "$@" | sed "s|$REPO/||g") in $obj"
	(cd "$tree" && ARCH=s390 ./scripts/kconfig/merge_config.sh -n -m -O "$obj" "$@" \
		>"$obj/.merge.log" 2>&1) || die "merge_config failed, see $obj/.merge.log"
	make -s -C "$tree" O="$obj" ARCH=s390 CROSS_COMPILE=s390x-linux-gnu- \
		KCONFIG_ALLCONFIG="$obj/.config" "$mode" >"$obj/.kconfig.log" 2>&1 ||
		die "make $mode failed, see $obj/.kconfig.log"
fi
[ -z "${KCONFIG:-}" ] || shift
defined() {
	sym=$(echo "$1" | sed -e 's/^# CONFIG_\([A-Za-z0-9_]*\) is not set$/\1/' -e 's/^CONFIG_//' -e 's/=.*//')
	grep -rqE --include='Kconfig*' "^(menu)?config $sym\$" "$tree"
}
bad=$(cat "$@" | grep -E '^(CONFIG_|# CONFIG_)' |
	while IFS= read -r l; do
		grep -qxF "$l" "$obj/.config" || { [ -n "${PARTIAL:-}" ] && ! defined "$l"; } || echo "$l"
	done)
[ -z "$bad" ] || die "$name: not taken: $(echo "$bad" | tr '\n' ' ')"
echo "$key $(sha256sum <"$obj/.config")" >"$obj/.aen-kconfig"
