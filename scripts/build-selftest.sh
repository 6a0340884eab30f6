#!/bin/sh
# Build the kvm kselftests of a patched TREE for s390x, statically linked
# (for an initramfs, or an LPAR without a matching libc), out of the tree
# in BUILD (kept: the next build is incremental), and copy the test that
# the series adds to OUT/.
# usage: build-selftest.sh TREE BUILD OUT
set -eu
. "$(dirname "$0")/lib.sh"
tree=$1 build=$2 out=$3
mkdir -p "$out" "$build"
out=$(cd "$out" && pwd) build=$(cd "$build" && pwd)
test=$(git -C "$tree" diff --name-only --diff-filter=A base series -- 'tools/testing/selftests/kvm/*.c' | head -n 1)
[ -n "$test" ] || die "the series adds no kvm selftest to $tree"
# 5.10's kvm selftest Makefile does not track headers: BUILD is kept only
# while tools/ and the uapi headers (committed, and any change to them)
# and the recipe (recipe_key: this script, kbuild.sh, the installed
# packages) are the same, else built anew.
stamp=$( { git -C "$tree" rev-parse HEAD:tools HEAD:include/uapi HEAD:arch/s390/include/uapi
	git -C "$tree" status --porcelain -- tools include/uapi arch/s390/include/uapi
	recipe_key "$0" "$REPO/scripts/kbuild.sh"; } | sha256sum | cut -c1-16)
if [ "$(cat "$build/.aen-stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$build"
	mkdir -p "$build"
	echo "$stamp" >"$build/.aen-stamp"
fi
# The uapi headers first (7.2's selftests take them from $build/usr, 5.10's
# install their own); INSTALL_HDR_PATH: with O=, 5.10's kvm Makefile must
# find them there too.
kmake "$tree" "$build" headers >"$build/make.log" 2>&1 ||
	{ tail -n 20 "$build/make.log" >&2; die "make headers failed, see $build/make.log"; }
make -C "$tree/tools/testing/selftests" ${JOBS:+-j"$JOBS"} TARGETS=kvm ARCH=s390 \
	CROSS_COMPILE=s390x-linux-gnu- O="$build" INSTALL_HDR_PATH="$build/kselftest/usr" \
	LDLIBS=-static >>"$build/make.log" 2>&1 ||
	{ tail -n 20 "$build/make.log" >&2; die "make failed, see $build/make.log"; }
rel=${test#tools/testing/selftests/}
bin=$build/kselftest/${rel%.c}
[ -x "$bin" ] || die "$bin was not built (see $build/make.log)"
! s390x-linux-gnu-readelf -l "$bin" | grep -q INTERP || die "$bin is not statically linked"
cp "$bin" "$out/"
say "$out/$(basename "$bin") ($(wc -c <"$bin") bytes, static s390x)"
