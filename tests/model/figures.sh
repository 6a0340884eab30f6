#!/bin/sh
# figures.sh TREE - the figures the 5.10 cover letter states from the
# model, one "NAME VALUE" line each (make export writes them there):
#   first    fallible calls of the setup (pci.c) in a first load
#   reload   the same, in a reload
#   mutants  defects mutate.sh injects (its check fails unless the model
#            names each one)
set -eu
me=${AEN_CHECK:-figures}   # the name its lines start with (the check's, in make check)
. "$(dirname "$0")/common.sh"
tree "figures.sh TREE" "${1:-}"
workdir figures >/dev/null
"$HERE/prepare.sh" series "$TREE" "$W/src" >/dev/null
build plain >/dev/null
"$W/plain/model" --mod="$W/plain" count >"$W/out" 2>&1 || { cat "$W/out" >&2; die "the count scenario failed (above)"; }
echo "first $(grep '^  point load #[0-9]*: .*@pci\.c:' "$W/out" | sort -u | wc -l)"
echo "reload $(grep '^  point reload #[0-9]*: .*@pci\.c:' "$W/out" | sort -u | wc -l)"
echo "mutants $(grep -c '^mutant ' "$HERE/mutate.sh")"
