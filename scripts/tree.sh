#!/bin/sh
# Make tree/: a git work tree of the base with the series applied as commits
# on branch `series`, for editing; `make export` writes the result back.
# usage: tree.sh BASEGIT
set -eu
basegit=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
dest=$repo/tree
if [ -d "$dest/.git" ]; then
	echo "tree: $dest exists (branch $(git -C "$dest" rev-parse --abbrev-ref HEAD)); remove it to start over"
	exit 0
fi
echo "tree: cloning the base into $dest"
rm -rf "$dest.tmp"
git clone -q -b base "$basegit" "$dest.tmp"
git -C "$dest.tmp" checkout -q -b series v5.10.223
for p in $("$repo/scripts/patch-list.sh"); do
	git -C "$dest.tmp" am -q "$p" || {
		rm -rf "$dest.tmp"
		echo "tree: $(basename "$p") does not apply" >&2
		exit 1
	}
done
mv "$dest.tmp" "$dest"
echo "tree: $dest ready: $(git -C "$dest" rev-list --count v5.10.223..series) commits on branch series; edit, commit, then make export"
