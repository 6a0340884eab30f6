#!/bin/sh
# `make bench`: figures, printed and never asserted.
#  1. cold `make check`: a clone of HEAD with an empty CACHE, in a
#     temporary folder with no ../shared beside it, as a user's clone is
#     (the seed check SKIPs there); the apt packages are as the machine
#     has them. Its parts, timed apart: the host tools (make deps: apt,
#     and sparse built into the cache), the bases (apt-get source
#     downloads, unpacking, base commits: scripts/fetch.sh), then the
#     checks, each with its time; the peak disk use of the cache per
#     target, sampled every 10 s;
#  2. warm `make check`: the same clone and CACHE again (nothing changed:
#     every verdict is reused, scripts/check.sh);
#  2b. the edit loop: in that clone, with `make tree` made, one comment of
#     arch/s390/kvm/pci.c changed in the patch that adds it (a fixup
#     commit, rebased), `make export`, `make check`;
#  3. one full build of the minimal pci-kvm-m configuration of the
#     primary target (bzImage + modules, ccache off), for scale;
#  4. the model's allocation and firmware-call figures (tests/model).
# What each run printed, and the checks' own logs of the last one, are
# kept in $CACHE/logs/bench (the user's CACHE: the bench's is removed).
set -eu
. "$(dirname "$0")/lib.sh"
w=$(mktemp -d "${TMPDIR:-/tmp}/aen-bench.XXXXXX")
trap 'rm -rf "$w"' EXIT
git clone -q "$REPO" "$w/repo"
# the peak disk use per target, sampled during the cold run
(while :; do
	for t in $(targets); do
		echo "$t $(du -sk "$w/cache/$t" 2>/dev/null | cut -f1)"
	done >>"$w/du"
	sleep 10
done) &
sampler=$!
kept=$CACHE/logs/bench
keep() { rm -rf "$kept" && mkdir -p "$kept" && { cp "$w"/*.log "$w/du" "$kept"; cp -r "$w/cache/logs" "$kept/checks"; }; } 2>/dev/null
trap 'kill "$sampler" 2>/dev/null || true; keep || true; rm -rf "$w"' EXIT
trap 'exit 130' INT TERM HUP
start=$(date +%s)
(cd "$w/repo" && CACHE=$w/cache make deps) >"$w/deps.log" 2>&1 || true
deps=$(( $(date +%s) - start ))
start=$(date +%s)
for t in $(targets); do (cd "$w/repo" && CACHE=$w/cache ./scripts/fetch.sh "$t"); done >"$w/fetch.log" 2>&1 || true
fetch=$(( $(date +%s) - start ))
for run in cold warm; do
	start=$(date +%s)
	(cd "$w/repo" && CACHE=$w/cache SEED= make check) >"$w/$run.log" 2>&1 || true
	eval "$run=\$(( \$(date +%s) - start ))"
	[ "$run" = warm ] || { kill "$sampler"; wait "$sampler" 2>/dev/null || true; }
	echo "bench: $run make check: $(eval echo \$$run) s: $(grep -E "^[0-9]+ passed" "$w/$run.log" | tail -n 1)"
done
cold=$((deps + fetch + cold))
echo "bench: cold, all of it: $cold s = make deps $deps s + fetch of the bases $fetch s + make check; the checks:"
grep '^PASS\|^FAIL\|^SKIP' "$w/cold.log" | sed 's/: .*//; s/^/bench:   /' || true
for t in $(targets); do
	echo "bench:   peak cache of $t: $(awk -v t="$t" '$1 == t && $2 > m { m = $2 } END { printf "%.1f GB", m / 1048576 }' "$w/du")"
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
CACHE=$w/cache t=$(primary .)
"$REPO/scripts/prepare.sh" "$t" >"$w/full.log" 2>&1
"$REPO/scripts/kconfig.sh" "$t" pci-kvm-m "$w/obj" >>"$w/full.log" 2>&1
start=$(date +%s)
CCACHE_DISABLE=1 kmake "$(tree_of "$t")" "$w/obj" bzImage modules >>"$w/full.log" 2>&1
full=$(( $(date +%s) - start ))
echo "bench: one full minimal build ($t pci-kvm-m, -j$JOBS, no ccache): $full s"
echo "bench: cold make check = $(awk -v a="$cold" -v b="$full" 'BEGIN { printf "%.1f", a / b }') full builds; warm = $(awk -v a="$warm" -v b="$full" 'BEGIN { printf "%.2f", a / b }'); edit loop = $(awk -v a="$edit" -v b="$full" 'BEGIN { printf "%.2f", a / b }')"
RECORDS=$(records .) BASE=$(base_of "$t") "$REPO/tests/model/bench.sh" "$(tree_of "$t")" "${SEED:-$REPO/../shared/seed}"
