#!/bin/sh
# Make SERIES/tree: a git work tree of the series' primary target with the
# series applied as commits on branch "series" (scripts/apply.sh), for
# editing; scripts/export.sh writes the result back.
# usage: tree.sh [SERIES]   (default: the top-level series)
set -eu
. "$(dirname "$0")/lib.sh"
s=${1:-.}
dest=$(sdir "$s")/tree
t=$(primary "$s")
[ -n "$t" ] || die "no target in targets has series $s"
if [ -d "$dest/.git" ]; then
	echo "tree: $dest exists (on $(git -C "$dest" rev-parse --abbrev-ref HEAD)); remove it to start over"
	exit 0
fi
"$REPO/scripts/deps.sh"
"$REPO/scripts/fetch.sh" "$t"
"$REPO/scripts/apply.sh" "$t" "$dest"
rm -f "$dest/.git/aen-applied"
echo "tree: $dest: edit, commit on branch series, then make export${1:+ SERIES=$s}"
