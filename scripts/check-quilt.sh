#!/bin/sh
# The series applies with `quilt push -a` onto the base files it touches and
# gives exactly the files that `git am` gives (TREE).
# usage: check-quilt.sh BASE TREE
set -eu
base=$1 tree=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v quilt >/dev/null || { echo "quilt: not installed (run make deps)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=$("$repo/scripts/touched-files.sh")
echo "$files" | while read -r st f; do
	[ "$st" = M ] || continue
	mkdir -p "$tmp/src/$(dirname "$f")"
	cp "$base/$f" "$tmp/src/$f"
done
if ! out=$(cd "$tmp/src" && QUILT_PATCHES="$repo/patches" QUILT_SERIES="$repo/series" \
	quilt --quiltrc=- push -a 2>&1); then
	echo "$out" | tail -n 5 >&2
	echo "quilt: push -a failed" >&2
	exit 1
fi
echo "$files" | while read -r _ f; do
	cmp -s "$tmp/src/$f" "$tree/$f" ||
		{ echo "quilt: $f differs between quilt push -a and git am" >&2; exit 1; }
done
echo "quilt: push -a applies $("$repo/scripts/patch-list.sh" | wc -l) patches; $(echo "$files" | wc -l) files identical to git am"
