# sourced by every script here (POSIX sh): paths, exit statuses, helpers
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=${REPO:-$(cd "$HERE/../.." && pwd)}
NR=${NR:-128}
. "$HERE/exit-status"

# an error: one line on stderr, exit FAIL; a usage error: exit USAGE
die() {
	echo "$me: $*" >&2
	exit "$FAIL"
}
usage() {
	echo "usage: $*" >&2
	exit "$USAGE"
}

# tree USAGE [ARG]: TREE from ARG (or the environment), a tree with the
# series applied; USAGE is the usage line without it
tree() {
	TREE=${2:-${TREE:-}}
	[ -n "$TREE" ] || usage "$1"
	[ -f "$TREE/arch/s390/kvm/pci.c" ] || die "$TREE/arch/s390/kvm/pci.c does not exist (series not applied)"
}

# a private work directory (build outside the repo), removed on exit
workdir() {
	if [ -n "${CACHE:-}" ] && mkdir -p "$CACHE/model" 2>/dev/null && [ -w "$CACHE/model" ]; then
		W=$(mktemp -d "$CACHE/model/$1.XXXXXX")
	else
		W=$(mktemp -d "${TMPDIR:-/tmp}/aen-model-$1.XXXXXX")
	fi
	[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
	echo "$me: work directory $W"
}

# build SRC into $W/$1 (asan|plain)
build() {
	echo "$me: building the $1 build (NR=$NR)"
	make -s ${JOBS:+-j"$JOBS"} -f "$HERE/Makefile" SRC="$W/src" B="$W/$1" SAN="$1" NR="$NR" ||
		die "the $1 build failed (above)"
}

records_flag() {
	if [ "$(cat "$W/src/records")" = yes ]; then
		echo --records
	fi
}
