#!/bin/sh
# Install the host tools that the build and the checks need (Debian; only
# root installs), and build the sparse the kernel checks use
# (scripts/build-sparse.sh) and unpack Debian 13's b4 beside the installed
# one (scripts/fetch-b4.sh). A machine that has them all is not touched.
set -eu
. "$(dirname "$0")/lib.sh"
lock_cache

pkgs="gcc-s390x-linux-gnu binutils-s390x-linux-gnu libc6-dev-s390x-cross
flex bison bc libelf-dev libssl-dev ccache quilt codespell b4
qemu-system-misc qemu-user-static rsync cpio xz-utils git make gcc
valgrind python3-ply python3-git python-is-python3 patch"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	[ "$(id -u)" = 0 ] ||
		die "missing packages; install them with: sudo apt-get install$missing"
	say "installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get -q update >/dev/null || die "apt-get update failed"
	# shellcheck disable=SC2086
	apt-get -q install -y --no-install-recommends $missing >/dev/null ||
		die "apt-get install of$missing failed"
fi
"$REPO/scripts/build-sparse.sh"
"$REPO/scripts/fetch-b4.sh"
say "host tools present"
