#!/bin/sh
# sparse-only.sh LIST LOG TREE SPARSE ARGS...: kbuild's CHECK for
# checks/70-bisect-build. SPARSE ARGS on a C file that LIST names (one
# per line: a file of TREE by its path relative to TREE, a file kbuild
# generates by its absolute path in the object directory; "-": every
# file), its name then written to LOG in the same form; on another C
# file, nothing. What else kbuild runs its checker on (its probe of the
# checker) goes to SPARSE.
set -eu
[ $# -gt 4 ] || { echo "usage: sparse-only.sh LIST LOG TREE SPARSE ARGS..." >&2; exit 2; }
list=$1 log=$2 tree=$3 sparse=$4
shift 4
[ "$list" = - ] || [ -r "$list" ] || { echo "sparse-only.sh: cannot read the list $list" >&2; exit 2; }
for f; do :; done
case $f in
*.c)
	f=$(realpath -ms "$f")
	case $f in "$tree"/*) f=${f#"$tree"/} ;; esac
	[ "$list" = - ] || grep -qxF -- "$f" "$list" || exit 0
	echo "$f" >>"$log" ;;
esac
exec "$sparse" "$@"
