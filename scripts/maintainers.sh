#!/bin/sh
# What the patched tree's scripts/get_maintainer.pl names, one per line, the
# union over all arguments in order of first appearance: `lists` (mailing
# lists) or `people` (maintainers and reviewers as "Name <addr>").
# Arguments are patch files, or with -f files of the tree (relative paths).
# usage: maintainers.sh TREE lists|people [-f] FILE...
set -eu
tree=$1 what=$2
shift 2
case $what in
lists) sel="--no-m --no-r --l" ;;
people) sel="--m --r --no-l" ;;
*) echo "maintainers: say lists or people, not $what" >&2; exit 2 ;;
esac
f=
if [ "${1:-}" = -f ]; then f=-f; shift; fi
[ -f "$tree/scripts/get_maintainer.pl" ] ||
	{ echo "maintainers: $tree has no scripts/get_maintainer.pl (run make first)" >&2; exit 1; }
out=$(for p; do
	[ -n "$f" ] || case $p in /*) ;; *) p=$PWD/$p ;; esac
	# --no-git-fallback: names come from MAINTAINERS only, never from history.
	# shellcheck disable=SC2086
	(cd "$tree" && perl scripts/get_maintainer.pl --no-git --no-git-fallback --no-rolestats $sel $f "$p") ||
		{ echo "maintainers: get_maintainer.pl failed on $p" >&2; exit 1; }
done)
[ -z "$out" ] || printf '%s\n' "$out" | awk '!seen[$0]++'
