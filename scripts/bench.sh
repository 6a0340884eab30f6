#!/bin/sh
# `make bench`: figures, printed and never asserted.
#  1. one full build (no ccache) of the minimal pci-kvm-m configuration of
#     the patched tree, for scale beside the time of `make check`;
#  2. the model's allocation and firmware-call figures, series vs seed.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${CACHE:=/var/cache/aen-series}"
export CACHE
tree=$("$repo/scripts/prepare.sh" | tail -n 1)
obj=$(mktemp -d "$CACHE/bench-obj.XXXXXX")
trap 'rm -rf "$obj"' EXIT
"$repo/scripts/kconfig.sh" "$tree" "$obj" pci-kvm-m >/dev/null
echo "bench: full build of pci-kvm-m (bzImage + modules, -j${JOBS:-$(nproc)}, ccache disabled)"
start=$(date +%s)
CCACHE_DISABLE=1 "$repo/scripts/kmake.sh" "$tree" "$obj" bzImage modules >/dev/null 2>&1
echo "bench: full minimal build: $(( $(date +%s) - start )) s"
if [ -x "$repo/tests/model/bench.sh" ]; then
	"$repo/tests/model/bench.sh" "$tree" "$repo/../shared/seed"
fi
