#!/bin/sh
# sparse-only.sh LIST SPARSE ARGS...: SPARSE ARGS, but for a C file that
# LIST (one path per line, as kbuild names the sources) does not name:
# nothing. As kbuild's CHECK with C=2, it checks only those files of a
# build (checks/70-bisect-build: the sparse baseline of what a step can
# recompile); anything else kbuild runs it on (its probe of the checker)
# goes to SPARSE.
set -eu
list=$1 sparse=$2
shift 2
for f; do :; done
case $f in
*.c) grep -qxF -- "$f" "$list" || exit 0 ;;
esac
exec "$sparse" "$@"
