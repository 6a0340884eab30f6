#!/bin/sh
# The one way to apply a series: git am of the target's series, in order,
# onto its base, in DEST (default $CACHE/TARGET/applied; branch "series"
# on top of branch "base"). The base repository is never written. Offsets
# and fuzz are reported per patch and file (GNU patch --dry-run); a patch
# that does not apply is named with its file.
# usage: apply.sh TARGET [DEST]
set -eu
. "$(dirname "$0")/lib.sh"
t=$1 dest=${2:-$(tree_of "$1")}
s=$(series_of "$t")
src=$(base_of "$t")
base=$(git -C "$src" rev-parse --verify -q 'base^{commit}') || die "$t: no base in $src (run scripts/fetch.sh $t)"

# Nothing to do when the same patches are applied on the same base.
ps=$(patches "$s")
# shellcheck disable=SC2086
stamp=$(cat $ps | { echo "$base"; cat; } | sha256sum | cut -d' ' -f1)
if [ "$(cat "$dest/.git/aen-applied" 2>/dev/null)" = "$stamp" ] &&
	[ "$(git -C "$dest" symbolic-ref -q HEAD)" = refs/heads/series ] &&
	[ -z "$(git -C "$dest" status --porcelain)" ]; then
	echo "apply: $t: $(label "$s") already applied in $dest"
	exit 0
fi
rm -f "$dest/.git/aen-applied"
git -C "$dest" am --abort >/dev/null 2>&1 || true
# A clone whose base was made again, or that is broken, is made again.
git -C "$dest" fetch -q "$src" "$base" 2>/dev/null || {
	rm -rf "$dest"
	git clone -q --no-checkout "$src" "$dest"
}
git -C "$dest" checkout -q -f -B series "$base"
git -C "$dest" branch -q -f base "$base"
git -C "$dest" clean -q -fdx

for p in $ps; do
	name=${p#"$REPO"/}
	how=$(cd "$dest" && patch -p1 -f --dry-run <"$p" 2>&1 | awk '
		/^checking file / { f = $3 }
		/offset|fuzz|FAILED/ { sub(/^Hunk #[0-9]+ /, ""); print f ": hunk " $0 }') || true
	[ -z "$how" ] || echo "$how" | sed "s|^|apply: $t: $name: |"
	if ! out=$(git -C "$dest" -c user.name=aen -c user.email=aen@invalid am -q --keep-cr "$p" 2>&1); then
		git -C "$dest" am --abort >/dev/null 2>&1 || true
		file=$(echo "$out" | sed -n 's/^error: patch failed: \([^:]*\).*/\1/p; s/^error: \(.*\): does not exist in index$/\1 (missing)/p; s/^error: \(.*\): already exists in index$/\1 (exists already)/p' | head -n 1)
		case $how in *fuzz*) file="$file (it would apply only with fuzz: refresh the patch)" ;; esac
		die "$t: $name does not apply at ${file:-an unknown file}"
	fi
done
echo "$stamp" >"$dest/.git/aen-applied"
echo "apply: $t: $(git -C "$dest" rev-list --count base..series) patches of $(label "$s") applied with git am in $dest"
