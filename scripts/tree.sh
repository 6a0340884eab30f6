#!/bin/sh
# Make SERIES/tree: a git work tree of the series' primary target with the
# series (after the one it goes after) applied as commits on branch
# "series" (scripts/apply.sh), for editing; scripts/export.sh writes the
# result back.
# usage: tree.sh [SERIES]   (default: the top-level series)
set -eu
. "$(dirname "$0")/lib.sh"
s=${1:-.}
is_series "$s"
dest=$(sdir "$s")/tree
t=$(primary "$s")
[ -n "$t" ] || die "no target in targets has series $s"
if [ -d "$dest/.git" ]; then
	echo "tree: $dest exists (on $(git -C "$dest" rev-parse --abbrev-ref HEAD)); remove it to start over"
	exit 0
fi
"$REPO/scripts/deps.sh"
"$REPO/scripts/fetch.sh" "$t"
"$REPO/scripts/apply.sh" "$t" "$dest" "$s"
rm -f "$dest/.git/aen-applied"
# A series with SERIES/b4-cover is sent with b4: its branch gets b4 prep's
# cover letter commit back (b4's own message: cover text and change-id),
# first on the series, as `b4 prep` made it.
cover=$(sdir "$s")/b4-cover
if [ -f "$cover" ]; then
	from=$(git -C "$dest" rev-parse "$(from_of "$s")")
	git -C "$dest" checkout -q --detach "$from"
	git -C "$dest" -c user.name="$(git -C "$dest" log -1 --format=%an series)" \
		-c user.email="$(git -C "$dest" log -1 --format=%ae series)" commit -q --allow-empty -F "$cover"
	git -C "$dest" rebase -q --onto HEAD "$from" series
	echo "tree: $dest: branch series enrolled with b4 prep (change-id $(change_id "$cover"))"
fi
echo "tree: $dest: edit, commit on branch series, then make export${1:+ SERIES=$s}"
