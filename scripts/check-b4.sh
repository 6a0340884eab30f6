#!/bin/sh
# b4-roundtrip: the series as one threaded mbox (scripts/mbox.sh) goes
# through `b4 am` offline, and b4's output through `git am` onto the base.
# Requires: the mbox is byte-identical when made twice; b4 finds the cover
# letter and all N patches, complete and in `series` order; b4 adds no
# trailer and drops none (the commits' trailers, messages, authors and the
# final tree equal those of TREE, i.e. of git am of patches/); the cover
# letter's base-commit is the pinned v5.10.223 commit, it names the tag, has
# no prerequisites, and b4 uses it (or, on a KSRC tree without that commit,
# finds that the series applies clean).
# usage: check-b4.sh   (env: REPO, BASE, TREE as given by check.sh)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${BASE:?BASE not set (run make check)}" "${TREE:?TREE not set (run make check)}"
command -v b4 >/dev/null || { echo "b4: not installed (run make deps)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$repo/scripts/mbox.sh" "$tmp/series.mbox"
"$repo/scripts/mbox.sh" "$tmp/again.mbox" >/dev/null
cmp -s "$tmp/series.mbox" "$tmp/again.mbox" || { echo "b4: mbox.sh gives a different mbox when run twice" >&2; exit 1; }
n=$("$repo/scripts/patch-list.sh" | wc -l)

base=$(git -C "$BASE" rev-parse 'v5.10.223^{commit}')
cover=$repo/patches/0000-cover-letter.patch
bc=$(sed -n 's/^base-commit: //p' "$cover")
[ "$bc" = "$base" ] || { echo "b4: cover letter base-commit is '$bc', not the pinned v5.10.223 commit $base" >&2; exit 1; }
grep -q 'linux-stable tag v5.10.223' "$cover" || { echo "b4: cover letter does not name the v5.10.223 tag (make export writes it)" >&2; exit 1; }
! grep -q '^prerequisite-' "$cover" || { echo "b4: cover letter has prerequisite-* lines; the series must apply on v5.10.223 alone" >&2; exit 1; }

# b4 and git in a sandbox: own config and identity, own cache/data dirs.
mkdir "$tmp/am" "$tmp/home"
printf '[user]\n\tname = aen\n\temail = aen@invalid\n' >"$tmp/gitconfig"
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export GIT_CONFIG_GLOBAL="$tmp/gitconfig" GIT_CONFIG_NOSYSTEM=1
# A scratch clone of TREE at v5.10.223; only the files the series touches are
# checked out (sparse), git compares whole trees all the same.
echo "b4: scratch clone of $TREE at v5.10.223 (sparse: the files the series touches)"
git clone -q --shared --no-checkout "$TREE" "$tmp/git"
"$repo/scripts/touched-files.sh" | sed 's,^. ,/,' | git -C "$tmp/git" sparse-checkout set --no-cone --stdin
git -C "$tmp/git" checkout -q -b b4 v5.10.223

echo "b4: b4 --offline-mode am -C -m series.mbox -o am/"
(cd "$tmp/git" && b4 --offline-mode --no-interactive --no-stdin am -C -m "$tmp/series.mbox" -o "$tmp/am") >"$tmp/b4.log" 2>&1 ||
	{ cat "$tmp/b4.log"; echo "b4: b4 am failed" >&2; exit 1; }
sed 's/^/    /' "$tmp/b4.log"
log=$tmp/b4.log
grep -q "^Analyzing $((n + 1)) messages in the thread" "$log" ||
	{ echo "b4: b4 did not see $((n + 1)) messages (cover letter + $n patches)" >&2; exit 1; }
grep -q "^Total patches: $n\$" "$log" || { echo "b4: b4 did not find all $n patches" >&2; exit 1; }
grep -q '^Cover: ' "$log" && [ -s "$(sed -n 's/^Cover: //p' "$log")" ] ||
	{ echo "b4: b4 did not find the cover letter" >&2; exit 1; }
! grep -q 'WARNING\|ERROR\|incomplete' "$log" || { echo "b4: b4 warns: $(grep -m1 'WARNING\|ERROR\|incomplete' "$log")" >&2; exit 1; }
! grep -q '^    [+-] ' "$log" || { echo "b4: b4 changed trailers: $(grep -m1 '^    [+-] ' "$log")" >&2; exit 1; }
# With the pinned base b4 uses base-commit; on another tree with the same
# files (KSRC, or a reviewer's linux-stable clone) it finds that it applies.
if git -C "$tmp/git" cat-file -e "$base^{commit}" 2>/dev/null; then
	grep -q "^ Base: using specified base-commit $base\$" "$log" ||
		{ echo "b4: b4 did not use the cover letter's base-commit $base" >&2; exit 1; }
	how="base-commit ${base%"${base#????????????}"} used"
else
	grep -q "^ Base: applies clean to current tree\$" "$log" ||
		{ echo "b4: base-commit $base is not in $TREE and b4 does not find that the series applies clean there" >&2; exit 1; }
	how="base-commit not in TREE, b4: applies clean"
fi
sed -n 's/^  .*\[PATCH[^]]*\] //p' "$log" >"$tmp/b4.subjects"
git -C "$TREE" log --reverse --format=%s v5.10.223..series >"$tmp/tree.subjects"
cmp -s "$tmp/b4.subjects" "$tmp/tree.subjects" ||
	{ echo "b4: b4 lists the patches differently from series: $(diff "$tmp/tree.subjects" "$tmp/b4.subjects" | sed -n '2p')" >&2; exit 1; }

mbx=$(ls "$tmp/am"/*.mbx)
git -C "$tmp/git" am -q "$mbx" || { echo "b4: git am of b4's output failed" >&2; exit 1; }
fmt='--format=%an <%ae> %ad%n%B%n--'
git -C "$tmp/git" log --reverse "$fmt" v5.10.223..HEAD >"$tmp/b4.commits"
git -C "$TREE" log --reverse "$fmt" v5.10.223..series >"$tmp/tree.commits"
cmp -s "$tmp/b4.commits" "$tmp/tree.commits" ||
	{ echo "b4: commits from b4 differ from git am of patches/: $(diff "$tmp/tree.commits" "$tmp/b4.commits" | sed -n '2p')" >&2; exit 1; }
t1=$(git -C "$tmp/git" rev-parse 'HEAD^{tree}') t2=$(git -C "$TREE" rev-parse 'series^{tree}')
[ "$t1" = "$t2" ] || { echo "b4: tree after b4 am + git am ($t1) differs from git am of patches/ ($t2)" >&2; exit 1; }
trailers=$(git -C "$tmp/git" log '--format=%(trailers:only,unfold,keyonly)' v5.10.223..HEAD |
	grep -v '^$' | sort | uniq -c | awk '{ printf "%s%s %s", s, $1, $2; s = ", " }')
echo "b4: $n patches + cover letter round-trip, in order; trailers identical ($trailers); tree $t1; $how"
