#!/bin/sh
# Bisectability: build the base and then the tree after EVERY patch, in each
# configuration of configs/ (kernel image + modules, W=1), with sparse (C=2)
# over the directories the series touches; fail on a build error or on any
# W=1/sparse/modpost warning that the base build does not have.
# Results are cached by (source tree hash, config, compiler), so a rerun
# only builds what changed; builds are incremental from patch to patch.
# usage: bisect-build.sh TREE [CONFIG...]
set -eu
tree=$1
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${CACHE:=/var/cache/aen-series}"
configs=${*:-"pci-kvm-m pci-kvm-y nopci-kvm-m"}
sparse_dirs="arch/s390/kvm/ arch/s390/pci/ drivers/s390/char/"

base=$(git -C "$tree" rev-parse 'v5.10.223^{commit}')
head=$(git -C "$tree" rev-parse series)
states="$base $(git -C "$tree" rev-list --reverse "$base..$head")"
ccver=$(s390x-linux-gnu-gcc --version | head -n 1)
trap 'git -C "$tree" checkout -q -f series' EXIT

# Warning lines, normalized: source path made relative, line/column removed.
warnings() {
	grep -E '(: warning:|: error:|^WARNING:|^ERROR:)' "$1" |
		sed -e "s|$tree/||g" -e 's|^\([^ :]*\):[0-9]*:[0-9]*:|\1:|' \
		    -e 's|^\([^ :]*\):[0-9]*:|\1:|' | sort || true
}

fail=0
for cfg in $configs; do
	obj=$CACHE/obj/$(basename "$tree")-$cfg
	res=$CACHE/bisect/$cfg
	mkdir -p "$res"
	key=$(cat "$repo/configs/base.config" "$repo/configs/$cfg.config" | { cat; echo "$ccver"; } | sha256sum | cut -c1-16)
	i=0
	for s in $states; do
		t=$(git -C "$tree" rev-parse "$s^{tree}")
		name=$(git -C "$tree" log -1 --format=%s "$s")
		r=$res/$t-$key
		if [ -f "$r.ok" ]; then
			echo "bisect: $cfg [$i] $name: cached pass"
			prev=$s; i=$((i + 1)); continue
		fi
		git -C "$tree" checkout -q -f --detach "$s"
		if [ "$i" = 0 ]; then
			# The base build must be complete: it is the warning baseline.
			rm -rf "$obj"
			"$repo/scripts/kconfig.sh" "$tree" "$obj" "$cfg" >/dev/null
		elif [ "$(cat "$obj/.aen-state" 2>/dev/null)" != "$prev" ]; then
			echo "bisect: $cfg: bringing $obj to the previous state first"
			git -C "$tree" checkout -q -f --detach "$prev"
			[ -f "$obj/.config" ] || "$repo/scripts/kconfig.sh" "$tree" "$obj" "$cfg" >/dev/null
			"$repo/scripts/kmake.sh" "$tree" "$obj" W=1 olddefconfig >/dev/null 2>&1
			"$repo/scripts/kmake.sh" "$tree" "$obj" W=1 bzImage modules >/dev/null 2>&1 || true
			git -C "$tree" checkout -q -f --detach "$s"
		fi
		echo "bisect: $cfg [$i] $name: building (W=1, sparse on $sparse_dirs)"
		rm -f "$obj/.aen-state"
		ok=1
		"$repo/scripts/kmake.sh" "$tree" "$obj" W=1 olddefconfig >/dev/null 2>&1
		"$repo/scripts/kmake.sh" "$tree" "$obj" W=1 bzImage modules >"$r.log" 2>&1 || ok=0
		# shellcheck disable=SC2086
		"$repo/scripts/kmake.sh" "$tree" "$obj" W=1 C=2 $sparse_dirs >>"$r.log" 2>&1 || ok=0
		warnings "$r.log" >"$r.warn"
		if [ "$ok" = 0 ]; then
			echo "bisect: FAIL $cfg after \"$name\": build failed, log $r.log" >&2
			grep -E ': error:|^ERROR:' "$r.log" | head -n 5 >&2 || true
			fail=1; break
		fi
		if [ "$i" = 0 ]; then
			cp "$r.warn" "$res/baseline-$key.warn"
		else
			new=$(sort "$r.warn" | uniq -c | while read -r c w; do
				b=$(grep -cxF "$w" "$res/baseline-$key.warn" || true)
				[ "$c" -le "$b" ] || echo "$w"
			done)
			if [ -n "$new" ]; then
				echo "bisect: FAIL $cfg after \"$name\": new warnings over the base:" >&2
				echo "$new" | sed 's/^/  /' >&2
				fail=1; break
			fi
		fi
		echo "$s" >"$obj/.aen-state"
		touch "$r.ok"
		prev=$s
		i=$((i + 1))
	done
	prev=
done
[ "$fail" = 0 ] || exit 1
echo "bisect: $(echo $states | wc -w) states x $(echo $configs | wc -w) configurations build, no new warnings"
