#!/bin/sh
# Use the user's own kernel tree KSRC: check that it is a 5.10 kernel tree
# whose files touched by the series match the pinned base (naming the first
# that differs), then copy it into a git repository DEST (commit tagged
# v5.10.223) for the series to be applied on. KSRC itself is never written.
# usage: ksrc.sh KSRC BASE DEST
set -eu
ksrc=$1 base=$2 dest=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$ksrc/Makefile" ] && [ -d "$ksrc/arch/s390" ] &&
	grep -q '^VERSION = 5$' "$ksrc/Makefile" && grep -q '^PATCHLEVEL = 10$' "$ksrc/Makefile" ||
	{ echo "ksrc: $ksrc is not a Linux 5.10 kernel tree" >&2; exit 1; }
[ ! -f "$ksrc/.config" ] && [ ! -d "$ksrc/include/config" ] ||
	{ echo "ksrc: $ksrc has an in-tree build (.config); run make mrproper there first" >&2; exit 1; }
"$repo/scripts/touched-files.sh" | while read -r st f; do
	if [ "$st" = A ]; then
		[ ! -e "$ksrc/$f" ] || { echo "ksrc: $f already exists in $ksrc (not in the pinned base v5.10.223)" >&2; exit 1; }
	else
		cmp -s "$ksrc/$f" "$base/$f" || { echo "ksrc: $f differs from the pinned base v5.10.223" >&2; exit 1; }
	fi
done
echo "ksrc: $ksrc matches the pinned base in every file the series touches"
echo "ksrc: copying it to $dest"
mkdir -p "$dest"
rsync -a --delete --exclude=/.git "$ksrc/" "$dest/"
(
	cd "$dest"
	[ -d .git ] || git init -q -b base .
	git add -A -f .
	export GIT_AUTHOR_NAME=ksrc GIT_AUTHOR_EMAIL=ksrc@aen-series.invalid
	export GIT_COMMITTER_NAME=ksrc GIT_COMMITTER_EMAIL=ksrc@aen-series.invalid
	export GIT_AUTHOR_DATE=2024-07-27T10:00:00+00:00 GIT_COMMITTER_DATE=2024-07-27T10:00:00+00:00
	git diff --cached --quiet HEAD 2>/dev/null || git commit -q --no-verify -m "KSRC $ksrc"
	git tag -f v5.10.223 >/dev/null
)
