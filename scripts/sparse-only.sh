#!/bin/sh
# sparse-only.sh LIST LOG TREE SPARSE ARGS...: kbuild's CHECK for
# checks/70-bisect-build. SPARSE ARGS on a C file of TREE that LIST names
# (paths relative to TREE, one per line; "-": every file), its path then
# written to LOG; on another C file of TREE, nothing. A C file outside
# TREE (one kbuild generates) is checked and logged by its own path; what
# else kbuild runs its checker on (its probe of the checker) goes to
# SPARSE.
set -eu
[ $# -gt 4 ] || { echo "usage: sparse-only.sh LIST LOG TREE SPARSE ARGS..." >&2; exit 2; }
list=$1 log=$2 tree=$3 sparse=$4
shift 4
[ "$list" = - ] || [ -r "$list" ] || { echo "sparse-only.sh: cannot read the list $list" >&2; exit 2; }
for f; do :; done
case $f in
"$tree"/*.c)
	f=$(realpath -ms --relative-to="$tree" "$f")
	[ "$list" = - ] || grep -qxF -- "$f" "$list" || exit 0
	echo "$f" >>"$log" ;;
*.c)
	echo "$f" >>"$log" ;;
esac
exec "$sparse" "$@"
