#!/bin/sh
# Print the patch files named by `series`, in order, one path per line.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$repo/series" ] || { echo "patch-list: no series file" >&2; exit 1; }
grep -v '^[[:space:]]*\(#\|$\)' "$repo/series" | while read -r p _; do
	[ -f "$repo/patches/$p" ] || { echo "patch-list: series names patches/$p, which does not exist" >&2; exit 1; }
	echo "$repo/patches/$p"
done
