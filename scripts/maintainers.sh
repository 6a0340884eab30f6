#!/bin/sh
# What the patched tree's scripts/get_maintainer.pl names, one per line, the
# union over all arguments: `lists` (mailing lists) or `people`
# (maintainers and reviewers as "Name <addr>").
# Arguments are patch files, or with -f files of the tree (relative paths).
# usage: maintainers.sh TREE lists|people [-f] FILE...
set -eu
. "$(dirname "$0")/lib.sh"
tree=$1 what=$2
shift 2
case $what in
lists) sel="--no-m --no-r --l" ;;
people) sel="--m --r --no-l" ;;
*) die "say lists or people, not $what" ;;
esac
f=
if [ "${1:-}" = -f ]; then f=-f; shift; fi
[ -f "$tree/scripts/get_maintainer.pl" ] || die "$tree has no scripts/get_maintainer.pl (run make first)"
# Patch paths are made absolute: get_maintainer.pl runs in the tree.
if [ -z "$f" ]; then
	for p; do
		case $p in /*) ;; *) p=$PWD/$p ;; esac
		set -- "$@" "$p"
		shift
	done
fi
# One run for all: get_maintainer.pl names the union. --no-git-fallback:
# names come from MAINTAINERS only, never from history.
# shellcheck disable=SC2086
(cd "$tree" && perl scripts/get_maintainer.pl --no-git --no-git-fallback --no-fixes --no-rolestats $sel $f "$@") ||
	die "get_maintainer.pl failed on $*"
