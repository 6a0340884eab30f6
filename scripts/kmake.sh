#!/bin/sh
# Run the kernel's make for s390x with the Debian cross compiler and ccache.
# usage: kmake.sh SRC OBJ [make arguments...]
set -eu
src=$1 obj=$2
shift 2
: "${CACHE:=/var/cache/aen-series}"
: "${JOBS:=$(nproc)}"
export CCACHE_DIR="${CCACHE_DIR:-$CACHE/ccache}"
command -v s390x-linux-gnu-gcc >/dev/null ||
	{ echo "kmake: s390x-linux-gnu-gcc not found (run make deps)" >&2; exit 1; }
cc="s390x-linux-gnu-gcc"
command -v ccache >/dev/null && cc="ccache $cc"
exec make -s -C "$src" O="$obj" ARCH=s390 CROSS_COMPILE=s390x-linux-gnu- \
	CC="$cc" KBUILD_BUILD_TIMESTAMP="Thu Jan  1 00:00:00 UTC 1970" \
	KBUILD_BUILD_USER=aen KBUILD_BUILD_HOST=aen -j"$JOBS" "$@"
