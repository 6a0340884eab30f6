#!/bin/sh
# Everything before building or checking: host tools, the base, the
# user's tree if KSRC is set, and the series applied with git am.
# Prints the path of the patched tree on the last line of stdout.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${CACHE:=/var/cache/aen-series}"
export CACHE
"$repo/scripts/deps.sh" >&2
"$repo/scripts/fetch-base.sh" >&2
if [ -n "${KSRC:-}" ]; then
	"$repo/scripts/ksrc.sh" "$KSRC" "$CACHE/base" "$CACHE/ksrc" >&2
	"$repo/scripts/apply.sh" "$CACHE/ksrc" "$CACHE/applied-ksrc" >&2
	echo "$CACHE/applied-ksrc"
else
	"$repo/scripts/apply.sh" "$CACHE/base" "$CACHE/applied" >&2
	echo "$CACHE/applied"
fi
