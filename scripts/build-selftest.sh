#!/bin/sh
# Build the kvm kselftests of a patched tree for s390x, statically linked
# (for an initramfs or an LPAR without a matching libc), and copy
# aen_reload_test to OUTDIR/aen_reload_test.
# usage: build-selftest.sh TREE OUTDIR
# The build goes out of the tree (O=), headers included, into
# $SELFTEST_BUILD (default OUTDIR/selftest-build); TREE is not written.
# Environment: CROSS_COMPILE (default s390x-linux-gnu-), JOBS.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 TREE OUTDIR" >&2; exit 2; }
tree=$(cd "$1" && pwd)
mkdir -p "$2"
outdir=$(cd "$2" && pwd)
cross=${CROSS_COMPILE:-s390x-linux-gnu-}
build=${SELFTEST_BUILD:-$outdir/selftest-build}
src=$tree/tools/testing/selftests/kvm/s390x/aen_reload_test.c

[ -f "$src" ] || { echo "build-selftest: $src missing: is the series applied to $tree?" >&2; exit 1; }
command -v "${cross}gcc" >/dev/null 2>&1 ||
	{ echo "build-selftest: ${cross}gcc not found (apt-get install gcc-s390x-linux-gnu)" >&2; exit 1; }
command -v rsync >/dev/null 2>&1 ||
	{ echo "build-selftest: rsync not found (needed by headers_install)" >&2; exit 1; }

mkdir -p "$build"
echo "build-selftest: make -C $tree/tools/testing/selftests TARGETS=kvm ARCH=s390 CROSS_COMPILE=$cross O=$build LDLIBS=-static"
# INSTALL_HDR_PATH: with O=, the headers go to $build/kselftest/usr; the
# kvm Makefile must look there too, not in the source tree.
make -C "$tree/tools/testing/selftests" -j"${JOBS:-2}" TARGETS=kvm \
	ARCH=s390 CROSS_COMPILE="$cross" O="$build" \
	INSTALL_HDR_PATH="$build/kselftest/usr" LDLIBS=-static \
	>"$build/make.log" 2>&1 ||
	{ tail -n 30 "$build/make.log" >&2; echo "build-selftest: make failed, see $build/make.log" >&2; exit 1; }
bin=$build/kselftest/kvm/s390x/aen_reload_test
[ -x "$bin" ] || { tail -n 30 "$build/make.log" >&2; echo "build-selftest: $bin was not built" >&2; exit 1; }
if "${cross}readelf" -l "$bin" | grep -q 'INTERP'; then
	echo "build-selftest: $bin is not statically linked" >&2
	exit 1
fi
cp "$bin" "$outdir/aen_reload_test"
echo "build-selftest: $outdir/aen_reload_test ($(wc -c <"$outdir/aen_reload_test") bytes, static s390x)"
