# sourced by run.sh, run-seed.sh, bench.sh (POSIX sh)
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=${REPO:-$(cd "$HERE/../.." && pwd)}
NR=${NR:-128}

# a private work directory (build outside the repo), removed on exit
workdir() {
	if [ -n "${CACHE:-}" ] && mkdir -p "$CACHE/model" 2>/dev/null && [ -w "$CACHE/model" ]; then
		W=$(mktemp -d "$CACHE/model/$1.XXXXXX")
	else
		W=$(mktemp -d "${TMPDIR:-/tmp}/aen-model-$1.XXXXXX")
	fi
	[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
	echo "model: work directory $W"
}

# build SRC into $W/$1 (asan|plain)
build() {
	echo "model: building the $1 build (NR=$NR)"
	make -s ${JOBS:+-j"$JOBS"} -f "$HERE/Makefile" SRC="$W/src" B="$W/$1" SAN="$1" NR="$NR"
}

records_flag() {
	if [ "$(cat "$W/src/records")" = yes ]; then
		echo --records
	fi
}
