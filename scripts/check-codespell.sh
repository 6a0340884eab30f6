#!/bin/sh
# codespell on what the series adds: each patch's message and its added
# lines (context lines belong to the base tree and are not ours to fix).
# codespell.ignore lists s390 terms codespell takes for misspellings
# (SIE: the Start Interpretive Execution instruction).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v codespell >/dev/null || { echo "codespell: not installed (run make deps)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for p in $("$repo/scripts/patch-list.sh") "$repo/patches/0000-cover-letter.patch"; do
	[ -f "$p" ] || continue
	awk '/^diff --git / { body = 1 } !body || (/^\+/ && !/^\+\+\+ /)' "$p" >"$tmp/$(basename "$p")"
done
if ! (cd "$tmp" && codespell -I "$repo/codespell.ignore" -- *); then
	echo "codespell: misspellings above" >&2
	exit 1
fi
echo "codespell: clean on $(ls "$tmp" | wc -l) files"
