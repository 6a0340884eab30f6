#!/bin/sh
# Everything before building or checking a target: the host tools, its
# base, and its series applied with git am (scripts/apply.sh).
# usage: prepare.sh [TARGET]   (default: ksrc if KSRC is set, else the
#                               primary target of the top-level series)
set -eu
. "$(dirname "$0")/lib.sh"
if [ -n "${KSRC:-}" ]; then t=${1:-ksrc}; else t=${1:-$(primary .)}; fi
"$REPO/scripts/deps.sh"
"$REPO/scripts/fetch.sh" "$t"
"$REPO/scripts/apply.sh" "$t"
