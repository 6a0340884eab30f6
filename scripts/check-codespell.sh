#!/bin/sh
# codespell on what the series adds: each patch's message and its added
# lines (context lines belong to the base tree and are not ours to fix).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v codespell >/dev/null || { echo "codespell: not installed (run make deps)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for p in $("$repo/scripts/patch-list.sh") "$repo/patches/0000-cover-letter.patch"; do
	[ -f "$p" ] || continue
	awk '/^diff --git / { body = 1 } !body || (/^\+/ && !/^\+\+\+ /)' "$p" >"$tmp/$(basename "$p")"
done
if ! (cd "$tmp" && codespell -- *); then
	echo "codespell: misspellings above" >&2
	exit 1
fi
echo "codespell: clean on $(ls "$tmp" | wc -l) files"
