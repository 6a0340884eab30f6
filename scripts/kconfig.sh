#!/bin/sh
# Write the .config for one configuration: allnoconfig + configs/base.config
# + configs/NAME.config, then verify every requested symbol took effect.
# usage: kconfig.sh SRC OBJ NAME
set -eu
src=$1 obj=$2 name=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
frag=$repo/configs/$name.config
[ -f "$frag" ] || { echo "kconfig: no configs/$name.config" >&2; exit 1; }
mkdir -p "$obj"
export ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-
echo "kconfig: $name (allnoconfig + base.config + $name.config) in $obj"
(cd "$src" && ./scripts/kconfig/merge_config.sh -n -m -O "$obj" \
	"$repo/configs/base.config" "$frag" >"$obj/.merge.log" 2>&1) ||
	{ echo "kconfig: merge_config failed, see $obj/.merge.log" >&2; exit 1; }
make -s -C "$src" O="$obj" allnoconfig KCONFIG_ALLCONFIG="$obj/.config" >"$obj/.kconfig.log" 2>&1 ||
	{ echo "kconfig: allnoconfig failed, see $obj/.kconfig.log" >&2; exit 1; }
# Every line of the fragments must be in the result.
bad=$(cat "$repo/configs/base.config" "$frag" | grep -E '^(CONFIG_|# CONFIG_)' |
	while IFS= read -r l; do grep -qxF "$l" "$obj/.config" || echo "$l"; done)
[ -z "$bad" ] || { echo "kconfig: $name: not taken: $(echo "$bad" | tr '\n' ' ')" >&2; exit 1; }
