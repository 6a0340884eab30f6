#!/bin/sh
# Build the sparse that the kernel checks use into $CACHE/sparse, from
# Debian sid's source package. Debian 12's sparse 0.6.4 is too old for
# Linux 7.2: its `make C=2` prints one line and checks nothing.
set -eu
. "$(dirname "$0")/lib.sh"
pin=sparse=0.6.5~rc1-2    # Debian sid; update here when the mirror moves on
dir=$CACHE/sparse
[ ! -f "$dir/.built-$pin" ] || exit 0
rm -rf "$dir"
mkdir -p "$dir/src"
say "$pin from sid"
aptfetch sid source "$pin" "$dir/dl" scripts/build-sparse.sh
tarball=$(ls "$dir"/dl/sparse_*.orig.tar.* 2>/dev/null | head -n 1)
[ -n "$tarball" ] || die "no orig tarball in $pin"
tar -C "$dir/src" --strip-components=1 -xf "$tarball"
make -C "$dir/src" ${JOBS:+-j"$JOBS"} sparse >"$dir/build.log" 2>&1 || die "build failed (log $dir/build.log)"
mkdir -p "$dir/bin"
cp "$dir/src/sparse" "$dir/bin/sparse"
"$dir/bin/sparse" --version >/dev/null || die "$dir/bin/sparse does not run"
touch "$dir/.built-$pin"
# (its --version says 0.6.4: the release candidate keeps the old number)
say "$dir/bin/sparse built from $pin"
