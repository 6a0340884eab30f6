#!/bin/sh
# `make bench`: figures, printed and never asserted.
#  1. cold `make check`: a clone of HEAD with an empty CACHE (downloads,
#     sparse, every build; the apt packages are as the machine has them),
#     in a temporary folder with no ../shared beside it, as a user's clone
#     is (the seed check SKIPs there);
#     and the cache's disk use per target after it;
#  2. warm `make check`: the same clone and CACHE again (nothing changed:
#     every verdict is reused, scripts/check.sh);
#  2b. the edit loop: in that clone, with `make tree` made, one comment of
#     arch/s390/kvm/pci.c changed in the patch that adds it (a fixup
#     commit, rebased), `make export`, `make check`;
#  3. one full build of the minimal pci-kvm-m configuration of the
#     primary target (bzImage + modules, ccache off), for scale;
#  4. the model's allocation and firmware-call figures (tests/model).
set -eu
. "$(dirname "$0")/lib.sh"
w=$(mktemp -d "${TMPDIR:-/tmp}/aen-bench.XXXXXX")
trap 'rm -rf "$w"' EXIT
git clone -q "$REPO" "$w/repo"
for run in cold warm; do
	start=$(date +%s)
	(cd "$w/repo" && CACHE=$w/cache SEED= make check) >"$w/$run.log" 2>&1 || true
	eval "$run=\$(( \$(date +%s) - start ))"
	echo "bench: $run make check: $(eval echo \$$run) s: $(grep -E "^[0-9]+ passed" "$w/$run.log" | tail -n 1)"
	grep '^FAIL\|^SKIP' "$w/$run.log" | sed 's/^/bench:   /' || true
	[ "$run" = warm ] || for t in $(targets); do
		echo "bench:   cache of $t after the cold run: $(du -sh "$w/cache/$t" 2>/dev/null | cut -f1)"
	done
done
(cd "$w/repo" && CACHE=$w/cache make tree) >"$w/tree.log" 2>&1 || true
start=$(date +%s)
(cd "$w/repo/tree" &&
	f=$(git log --format=%H --diff-filter=A -1 -- arch/s390/kvm/pci.c) &&
	sed -i '0,/^\/\* Allocation order of the GAIT: /s//\/* Allocation order of the GAIT, /' arch/s390/kvm/pci.c &&
	git -c user.name=bench -c user.email=bench@localhost commit -qa --fixup="$f" &&
	GIT_SEQUENCE_EDITOR=: git -c user.name=bench -c user.email=bench@localhost rebase -q -i --autosquash "$f^" &&
	cd .. && CACHE=$w/cache make export && CACHE=$w/cache SEED= make check) >"$w/edit.log" 2>&1 || true
edit=$(( $(date +%s) - start ))
echo "bench: edit loop (a comment of pci.c in its patch: rebase, export, check): $edit s: $(grep -E "^[0-9]+ passed" "$w/edit.log" | tail -n 1)"
grep '^PASS\|^FAIL\|^SKIP' "$w/edit.log" | sed 's/: .*//; s/^/bench:   /' || true
t=$(primary .)
"$REPO/scripts/prepare.sh" "$t" >/dev/null
"$REPO/scripts/kconfig.sh" "$t" pci-kvm-m "$w/obj" >/dev/null
start=$(date +%s)
CCACHE_DISABLE=1 kmake "$(tree_of "$t")" "$w/obj" bzImage modules >/dev/null 2>&1
full=$(( $(date +%s) - start ))
echo "bench: one full minimal build ($t pci-kvm-m, -j$JOBS, no ccache): $full s"
echo "bench: cold make check = $(awk -v a="$cold" -v b="$full" 'BEGIN { printf "%.1f", a / b }') full builds; warm = $(awk -v a="$warm" -v b="$full" 'BEGIN { printf "%.2f", a / b }'); edit loop = $(awk -v a="$edit" -v b="$full" 'BEGIN { printf "%.2f", a / b }')"
RECORDS=$(records .) BASE=$(base_of "$t") "$REPO/tests/model/bench.sh" "$(tree_of "$t")" "${SEED:-$REPO/../shared/seed}"
