#!/bin/sh
# Bisectability: build the base and then the tree after EVERY patch, in each
# configuration of configs/, with W=1 and sparse (C=2) over the directories
# the series touches; fail on a build error or on any warning that the base
# build does not have (compared per file and message, line numbers ignored).
#  - pci-kvm-m (the shipped configuration): kernel image + modules at every
#    step, so modpost proves each step's exports;
#  - the other configurations: the touched directories at every step, and
#    a full image + modules link of the last step.
# Results are cached by (source tree, configuration, compiler); builds are
# incremental from patch to patch (ccache underneath).
# usage: bisect-build.sh TREE [CONFIG...]
set -eu
tree=$1
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${CACHE:=/var/cache/aen-series}"
configs=${*:-"pci-kvm-m pci-kvm-y nopci-kvm-m"}
dirs="arch/s390/kvm/ arch/s390/pci/ drivers/s390/char/"
kmake=$repo/scripts/kmake.sh

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
# Lines of $1 (a sorted warning list) beyond their count in $2.
new_warnings() {
	uniq -c "$1" | while read -r c w; do
		[ "$c" -le "$(grep -cxF "$w" "$2" || true)" ] || echo "$w"
	done
}
# Does the change from $1 to $2 touch anything the kernel build reads?
kernel_change() {
	git -C "$tree" diff --name-only "$1" "$2" |
		grep -qv -e '^tools/' -e '^MAINTAINERS$' -e '^Documentation/'
}

for cfg in $configs; do
	obj=$CACHE/obj/$(basename "$tree")-$cfg
	res=$CACHE/bisect/$cfg
	mkdir -p "$res"
	key=$(cat "$repo/configs/base.config" "$repo/configs/$cfg.config" "$0" | { cat; echo "$ccver"; } | sha256sum | cut -c1-16)
	if [ "$cfg" = pci-kvm-m ]; then targets="bzImage modules"; else targets=$dirs; fi
	i=0 prev=
	for s in $states; do
		name=$(git -C "$tree" log -1 --format=%s "$s")
		r=$res/$(git -C "$tree" rev-parse "$s^{tree}")-$key
		if [ -f "$r.ok" ]; then
			echo "bisect: $cfg [$i] $name: cached pass"
		elif [ "$i" != 0 ] && ! kernel_change "$prev" "$s"; then
			echo "bisect: $cfg [$i] $name: no kernel source change, same build as [$((i - 1))]"
			# The objects of the previous step are the objects of this one.
			[ "$(cat "$obj/.aen-state" 2>/dev/null)" != "$(git -C "$tree" rev-parse "$prev^{tree}")" ] ||
				git -C "$tree" rev-parse "$s^{tree}" >"$obj/.aen-state"
			touch "$r.ok"
		else
			git -C "$tree" checkout -q -f --detach "$s"
			if [ "$i" = 0 ]; then
				# The base build is complete: it is the warning baseline.
				rm -rf "$obj"
				"$repo/scripts/kconfig.sh" "$tree" "$obj" "$cfg" >/dev/null
			elif [ "$(cat "$obj/.aen-state" 2>/dev/null)" != "$(git -C "$tree" rev-parse "$prev^{tree}")" ]; then
				echo "bisect: $cfg: bringing $obj to the previous step first"
				git -C "$tree" checkout -q -f --detach "$prev"
				[ -f "$obj/.config" ] || "$repo/scripts/kconfig.sh" "$tree" "$obj" "$cfg" >/dev/null
				# shellcheck disable=SC2086
				"$kmake" "$tree" "$obj" W=1 olddefconfig $targets >/dev/null 2>&1 || true
				git -C "$tree" checkout -q -f --detach "$s"
			fi
			echo "bisect: $cfg [$i] $name: building $targets (W=1, sparse on $dirs)"
			rm -f "$obj/.aen-state"
			ok=1
			"$kmake" "$tree" "$obj" W=1 olddefconfig >"$r.log" 2>&1 || ok=0
			# shellcheck disable=SC2086
			"$kmake" "$tree" "$obj" W=1 $targets >>"$r.log" 2>&1 || ok=0
			# shellcheck disable=SC2086
			"$kmake" "$tree" "$obj" W=1 C=2 $dirs >>"$r.log" 2>&1 || ok=0
			warnings "$r.log" >"$r.warn"
			if [ "$ok" = 0 ]; then
				grep -E ': error:|^ERROR:' "$r.log" | head -n 5 >&2 || true
				echo "bisect: $cfg after \"$name\": build failed (log $r.log)" >&2
				exit 1
			fi
			[ "$i" != 0 ] || cp "$r.warn" "$res/baseline-$key.warn"
			new=$(new_warnings "$r.warn" "$res/baseline-$key.warn")
			if [ -n "$new" ]; then
				echo "$new" | sed 's/^/  /' >&2
				echo "bisect: $cfg after \"$name\": new warnings over the base (above)" >&2
				exit 1
			fi
			git -C "$tree" rev-parse "$s^{tree}" >"$obj/.aen-state"
			touch "$r.ok"
		fi
		prev=$s i=$((i + 1))
	done
	if [ "$cfg" != pci-kvm-m ]; then
		r=$res/$(git -C "$tree" rev-parse "$head^{tree}")-$key-link
		if [ -f "$r.ok" ]; then
			echo "bisect: $cfg: link of the last step: cached pass"
		else
			echo "bisect: $cfg: kernel image + modules of the last step"
			git -C "$tree" checkout -q -f series
			[ -f "$obj-link/.config" ] || "$repo/scripts/kconfig.sh" "$tree" "$obj-link" "$cfg" >/dev/null
			"$kmake" "$tree" "$obj-link" olddefconfig bzImage modules >"$r.log" 2>&1 ||
				{ grep -E ': error:|^ERROR:' "$r.log" | head -n 5 >&2; echo "bisect: $cfg: link of the last step failed (log $r.log)" >&2; exit 1; }
			touch "$r.ok"
		fi
	fi
done
echo "bisect: $(echo $states | wc -w) steps x $(echo $configs | wc -w) configurations build; no new W=1/sparse warnings"
