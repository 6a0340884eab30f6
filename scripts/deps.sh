#!/bin/sh
# Install the host tools the build and the checks need (Debian, as root).
# Only missing packages are installed; a machine that has them all is untouched.
set -eu

pkgs="gcc-s390x-linux-gnu binutils-s390x-linux-gnu libc6-dev-s390x-cross
flex bison bc libelf-dev libssl-dev ccache quilt sparse codespell b4
qemu-system-misc rsync cpio xz-utils dpkg-dev git make gcc valgrind
python3-ply python3-git python-is-python3"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "deps: all host tools present"
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:$missing (run make as root, or install them)" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get -q update >/dev/null || { echo "deps: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
apt-get -q install -y --no-install-recommends $missing >/dev/null ||
	{ echo "deps: apt-get install of$missing failed" >&2; exit 1; }
echo "deps: done"
