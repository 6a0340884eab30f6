#!/bin/sh
# Apply `series` with git am onto the base commit of SRCGIT, in DEST (a git
# clone that is reset on every run; the source repository is never touched).
# usage: apply.sh SRCGIT DEST
set -eu
srcgit=$1 dest=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
base=$(git -C "$srcgit" rev-parse --verify -q 'v5.10.223^{commit}') ||
	{ echo "apply: $srcgit has no v5.10.223 base commit" >&2; exit 1; }

# Skip the work when the same patches were applied on the same base.
stamp=$( (echo "$base"; cat "$repo/series"; grep -v '^#' "$repo/series" |
	while read -r p _; do [ -z "$p" ] || cat "$repo/patches/$p"; done) | sha256sum | cut -d' ' -f1)
if [ -f "$dest/.git/aen-applied" ] && [ "$(cat "$dest/.git/aen-applied")" = "$stamp" ] &&
	[ "$(git -C "$dest" symbolic-ref -q HEAD)" = refs/heads/series ] &&
	[ -z "$(git -C "$dest" status --porcelain)" ]; then
	echo "apply: $dest is up to date"
	exit 0
fi

if [ ! -d "$dest/.git" ]; then
	echo "apply: cloning $srcgit to $dest"
	rm -rf "$dest"
	git clone -q --shared --no-checkout "$srcgit" "$dest"
fi
rm -f "$dest/.git/aen-applied"
git -C "$dest" am --abort >/dev/null 2>&1 || true
git -C "$dest" fetch -q "$srcgit" "$base"
git -C "$dest" checkout -q -f -B series "$base"
git -C "$dest" tag -f v5.10.223 "$base" >/dev/null
git -C "$dest" clean -q -fdx

grep -v '^#' "$repo/series" | while read -r p _; do
	[ -n "$p" ] || continue
	[ -f "$repo/patches/$p" ] || { echo "apply: series names patches/$p, which does not exist" >&2; exit 1; }
	if ! out=$(git -C "$dest" -c user.name=aen -c user.email=aen@invalid \
		am -q --keep-cr "$repo/patches/$p" 2>&1); then
		where=$(echo "$out" | sed -n 's/^error: patch failed: \(.*\)$/\1/p; s/^error: \(.*\): does not exist in index$/\1 (missing)/p; s/^error: \(.*\): already exists in index$/\1 (already exists)/p' | head -n 1)
		git -C "$dest" am --abort >/dev/null 2>&1 || true
		git -C "$dest" checkout -q -f "$base"
		echo "apply: patches/$p does not apply at ${where:-unknown file}" >&2
		exit 1
	fi
done
count=$(git -C "$dest" rev-list --count "$base..series")
echo "$stamp" >"$dest/.git/aen-applied"
echo "apply: $count patches applied with git am in $dest"
