#!/bin/sh
# The one way to apply the series to a target: each series the target
# takes, in order, onto its base, in DEST (default $CACHE/TARGET/applied).
# A series is taken the way its line in `targets` says: git am of its
# mails (offsets and fuzz reported per patch and file with GNU patch
# --dry-run; a patch that does not apply is named with its file), or git
# cherry-pick -x of the commits git am made on its primary target, which
# is how the stable team takes a mainline commit (it follows renamed
# files). Branches: base (the target), s/SLUG (the tip of each series),
# series (the tip of the last). The base repository is never written.
# usage: apply.sh TARGET [DEST [SERIES]]   (SERIES: stop after it)
set -eu
. "$(dirname "$0")/lib.sh"
t=$1 dest=${2:-$(tree_of "$1")} last=${3:-}
src=$(base_of "$t")
base=$(git -C "$src" rev-parse --verify -q 'base^{commit}') || die "$t: no base in $src (run scripts/fetch.sh $t)"
all=$(series_of "$t")
[ -z "$last" ] || all=$(echo "$all" | sed "/^$(echo "$last" | sed 's/[.]/[.]/g')\$/q")

# The steps: each patch of a series taken by git am, each series taken by
# pick (the commits of its primary's tree), and each series' end (its
# branch). A step's key chains the key before it, from the base and the
# recipe (this script, git's and patch's versions; not every package's,
# as recipe_key: an upgrade elsewhere would apply every tree again): the
# same key, the same tree. $dest/.git/aen-steps holds
# "KEY COMMIT" for each step done; the steps that are still the same are
# kept (their files are not written again, so builds stay incremental),
# and applying goes on after them (with the offsets and fuzz they had,
# .git/aen-off/KEY). The key of the last step is the stamp of the whole.
steps=$(mktemp)
trap 'rm -f "$steps" "$steps.mtimes"' EXIT
for s in $all; do
	[ "$(how "$t" "$s")" = am ] || { "$REPO/scripts/fetch.sh" "$(primary "$s")"; "$REPO/scripts/apply.sh" "$(primary "$s")"; }
done
k=$( { echo "$base"; git --version; patch --version | head -n 1; cat "$0"; } | sha256sum | cut -c1-16)
for s in $all; do
	if [ "$(how "$t" "$s")" = am ]; then
		for p in $(patches "$s"); do
			k=$(echo "$k am $(sha256sum <"$p")" | sha256sum | cut -c1-16)
			echo "$k am $s $p"
		done
	else
		p=$(primary "$s")
		k=$(echo "$k pick $s $(git -C "$(tree_of "$p")" rev-parse "$(tip_of "$s")")" | sha256sum | cut -c1-16)
		echo "$k pick $s -"
	fi
	k=$(echo "$k end $s" | sha256sum | cut -c1-16)
	echo "$k end $s -"
done >"$steps"
stamp=$k
# Nothing to do when the same is applied on the same base.
if [ "$(cat "$dest/.git/aen-applied" 2>/dev/null)" = "$stamp" ] &&
	[ "$(git -C "$dest" symbolic-ref -q HEAD)" = refs/heads/series ] &&
	[ -z "$(git -C "$dest" status --porcelain)" ]; then
	say "$t: $(echo "$all" | paste -sd' ' -) already applied in $dest"
	exit 0
fi
rm -f "$dest/.git/aen-applied"
git -C "$dest" am --abort >/dev/null 2>&1 || true
git -C "$dest" cherry-pick --abort >/dev/null 2>&1 || true
# A clone whose base was made again, or that is broken, is made again
# (a folder without .git of its own too: git would take the one above).
[ -d "$dest/.git" ] && git -C "$dest" fetch -q "$src" "$base" 2>/dev/null || {
	rm -rf "$dest"
	git clone -q --no-checkout "$src" "$dest"
}
# The files the series had touched, with their mtimes, when the tree is
# clean: those that end with the content they had get their mtime back,
# so that make rebuilds (and sparse checks again) only what changed.
old=
if git -C "$dest" rev-parse -q --verify HEAD >/dev/null && [ -z "$(git -C "$dest" status --porcelain)" ]; then
	old=$(git -C "$dest" rev-parse HEAD)
	git -C "$dest" diff --name-only base "$old" | while IFS= read -r f; do
		[ ! -f "$dest/$f" ] || echo "$(stat -c %.9Y "$dest/$f") $f"
	done >"$steps.mtimes"
fi
record=$dest/.git/aen-steps
# m: how many steps done before are still the same (their commits exist)
m=0
if [ -s "$record" ]; then
	m=$(awk 'NR == FNR { k[FNR] = $1; next } k[FNR] != $1 { exit } { n = FNR } END { print n + 0 }' "$record" "$steps")
	[ "$m" = 0 ] || git -C "$dest" cat-file -e "$(sed -n "${m}p" "$record" | cut -d' ' -f2)^{commit}" 2>/dev/null || m=0
fi
start=$base
[ "$m" = 0 ] || start=$(sed -n "${m}p" "$record" | cut -d' ' -f2)
git -C "$dest" checkout -q -f -B series "$start"
git -C "$dest" branch -q -f base "$base"
git -C "$dest" for-each-ref --format='%(refname)' refs/heads/s/ | xargs -r -n1 git -C "$dest" update-ref -d
git -C "$dest" clean -q -fdx
g() { git -C "$dest" -c user.name=aen -c user.email=aen@invalid "$@"; }
head -n "$m" "$record" 2>/dev/null >"$record.new" || true
mv "$record.new" "$record"

i=0
while read -r k kind s p; do
	i=$((i + 1))
	if [ "$i" -le "$m" ]; then
		c=$(sed -n "${i}p" "$record" | cut -d' ' -f2)
		case $kind in
		am) sed "s|^|apply: $t: ${p#"$REPO"/}: |" "$dest/.git/aen-off/$k" 2>/dev/null || true
			say "$t: ${p#"$REPO"/}: as applied before (the same patch on the same tree)" ;;
		pick) say "$t: $(label "$s"): as picked before (the same commits on the same tree)" ;;
		end) g branch -q -f "$(tip_of "$s")" "$c" ;;
		esac
		continue
	fi
	case $kind in
	am)
		name=${p#"$REPO"/}
		off=$(cd "$dest" && patch -p1 -f --dry-run <"$p" 2>&1 | awk '
			/^checking file / { f = $3 }
			/offset|fuzz|FAILED/ { sub(/^Hunk #[0-9]+ /, ""); print f ": hunk " $0 }') || true
		[ -z "$off" ] || printf '%s\n' "$off" | sed "s|^|apply: $t: $name: |"
		mkdir -p "$dest/.git/aen-off"
		if [ -n "$off" ]; then printf '%s\n' "$off" >"$dest/.git/aen-off/$k"; else rm -f "$dest/.git/aen-off/$k"; fi
		if ! out=$(g am -q --keep-cr "$p" 2>&1); then
			g am --abort >/dev/null 2>&1 || true
			file=$(printf '%s\n' "$out" | sed -n 's/^error: patch failed: \([^:]*\).*/\1/p; s/^error: \(.*\): does not exist in index$/\1 (missing)/p; s/^error: \(.*\): already exists in index$/\1 (exists already)/p' | head -n 1)
			case $off in *fuzz*) file="$file (it would apply only with fuzz: refresh the patch)" ;; esac
			die "$t: $name does not apply at ${file:-an unknown file}"
		fi
		;;
	pick)
		p=$(primary "$s") ptree=$(tree_of "$(primary "$s")")
		# The primary's objects are borrowed, not copied (its base is a
		# whole tree); lib.sh turns automatic gc off, so they stay.
		grep -qxF "$ptree/.git/objects" "$dest/.git/objects/info/alternates" 2>/dev/null ||
			echo "$ptree/.git/objects" >>"$dest/.git/objects/info/alternates"
		g fetch -q "$ptree" "+$(from_of "$s"):refs/aen/from" "+$(tip_of "$s"):refs/aen/tip"
		for c in $(g rev-list --reverse refs/aen/from..refs/aen/tip); do
			subj=$(g log -1 --format=%s "$c")
			if ! out=$(g cherry-pick -x "$c" 2>&1); then
				file=$(g diff --name-only --diff-filter=U | head -n 1)
				g cherry-pick --abort >/dev/null 2>&1 || true
				if printf '%s\n' "$out" | grep -q 'cherry-pick is now empty\|nothing to commit'; then
					say "$t: \"$subj\" is in the tree already: nothing to take"
					continue
				fi
				g update-ref -d refs/aen/from && g update-ref -d refs/aen/tip
				die "$t: git cherry-pick -x of \"$subj\" from $p conflicts at ${file:-an unknown file}"
			fi
			say "$t: $(label "$s"): cherry-pick -x of \"$subj\": $(g show --format= --name-only HEAD | paste -sd' ' -)"
		done
		g update-ref -d refs/aen/from && g update-ref -d refs/aen/tip
		;;
	end)
		g branch -q -f "$(tip_of "$s")" HEAD
		[ "$(how "$t" "$s")" != am ] || say "$t: $(label "$s"): git am of $(patches "$s" | wc -l) patches"
		;;
	esac
	echo "$k $(git -C "$dest" rev-parse HEAD)" >>"$record"
done <"$steps"
if [ -n "$old" ]; then
	git -C "$dest" diff --name-only "$old" HEAD >"$steps"
	while read -r when f; do
		grep -qxF -- "$f" "$steps" || touch -h -d "@$when" "$dest/$f"
	done <"$steps.mtimes"
	# (the index then holds the mtimes: checkout -f rewrites a file whose
	# mtime the index does not have, even with the same content)
	git -C "$dest" update-index -q --refresh
fi
echo "$stamp" >"$dest/.git/aen-applied"
say "$t: $(git -C "$dest" rev-list --count base..series) commits of $(echo "$all" | paste -sd' ' -) applied in $dest"
