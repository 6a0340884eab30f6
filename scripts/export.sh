#!/bin/sh
# Regenerate a series' files from its edit tree (SERIES/tree, made by
# scripts/tree.sh: the series as commits on branch "series"):
# SERIES/patches/, SERIES/series, and for the top-level series the
# generated mirrors selftests/ (the kselftest files as the series leaves
# them) and MAINTAINERS.snippet (its MAINTAINERS hunk). Same commits in,
# byte-identical files out. A series of several patches gets a cover
# letter, which keeps the subject, with its prefix ([PATCH v2 0/N]: every
# patch gets it), and the text of the current one: edit them there. A
# series that goes after another names it with prerequisite-patch-id.
# The figures the 5.10 cover letter states from the model are written
# into it (tests/model/figures.sh).
# usage: export.sh [--check] [SERIES [TREE]]   (default: . and SERIES/tree)
#   --check: compare with what is in the repository, change nothing; TREE
#            is then an applied tree (the series' tip is branch s/SLUG)
set -eu
. "$(dirname "$0")/lib.sh"
lock_cache
mode=write
[ "${1:-}" != --check ] || { mode=check; shift; }
s=${1:-.}
is_series "$s"
dir=$(sdir "$s")
tree=${2:-$dir/tree}
g() {
	git -C "$tree" -c core.abbrev=12 -c diff.noprefix=false -c diff.mnemonicPrefix=false \
		-c diff.renames=true -c diff.algorithm=myers -c format.signature= "$@"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/patches" "$tmp/selftests"
from=$(from_of "$s") tip=series
[ "$mode" = write ] || tip=$(tip_of "$s")
# Branch send (scripts/tree.sh) carries the sender, for sending only.
if [ "$mode" = write ]; then
	[ "$(g symbolic-ref -q --short HEAD || true)" != send ] ||
		die "$tree is on branch send, which is for sending only: commit your edits on branch series"
	g rev-parse --verify -q "$tip" >/dev/null ||
		die "$tree has no branch series: a tree made with KSRC is for sending only (make tree without KSRC to edit)"
fi
base=$(g rev-parse --verify -q 'base^{commit}') || die "$tree has no branch base"
g rev-parse --verify -q "$from" >/dev/null || die "$tree has no branch $from"
g rev-parse --verify -q "$tip" >/dev/null || die "$tree has no branch $tip"
[ "$mode" = check ] || [ -z "$(g status --porcelain --untracked-files=no)" ] ||
	die "$tree has uncommitted changes; commit them first"
# A branch enrolled with b4 prep starts with b4's cover letter commit:
# its message (cover text, change-id) is kept in SERIES/b4-cover.
cov=$(g log --format=%H --grep='^--- b4-submit-tracking ---$' "$from..$tip" | tail -n 1)
if [ -n "$cov" ]; then
	from=$cov
	g log -1 --format=%B "$cov" >"$tmp/b4-cover"
fi
v=$(primary "$s") after=$(after "$s" || true)
n=$(g rev-list --count "$from..$tip")
old=$(cover_of "$s")
[ "$n" = 1 ] || [ -f "$old" ] || die "no ${old#"$REPO"/} to take the cover letter's subject and text from"
prefix=$(sed -n 's/^Subject: \[\(PATCH[^]]*\) [0-9]*\/[0-9]*\].*/\1/p' "$old" 2>/dev/null | head -n 1)

if [ "$n" = 1 ]; then
	g format-patch -q --zero-commit --no-signature --base="$base" -o "$tmp/patches" "$from..$tip"
else
# The cover letter is signed by the series' author, whoever runs this.
g -c user.name="$(g log -1 --format=%an "$tip")" -c user.email="$(g log -1 --format=%ae "$tip")" \
	format-patch -q --cover-letter --numbered --zero-commit --no-signature \
	--subject-prefix="${prefix:-PATCH}" --base="$base" -o "$tmp/patches" "$from..$tip"

cover=$tmp/patches/0000-cover-letter.patch
subject=$(sed -n 's/^Subject: \[PATCH[^]]*\] //p' "$old" | head -n 1)
awk 'body && /^[^ ].* \([0-9]+\):$/ { exit } body { print } /^$/ { body = 1 }' "$old" >"$tmp/blurb"
if [ "$(kind "$v")" = fetched ]; then
	on="Linux v$v (linux-stable tag v$v), nothing else."
	in="In a linux-stable clone, check out v$v before git am or b4 am."
	made="Debian's linux_$v.orig.tar.xz"
else
	on="$(field derived "$v" text)."
	in="In a mainline clone, git am or b4 am onto mainline${after:+, after the prerequisite}."
	made="v$(field derived "$v" from) with those moves"
fi
also=$(targets "$s" | grep -vxF -e "$v" -e ksrc | while read -r t; do
	case $(how "$t" "$s") in am) h="git am" ;; *) h="git cherry-pick -x" ;; esac
	case $(build_kind "$t") in image) b=", built, booted under TCG without kvm" ;; kvm) b=", arch/s390/kvm built" ;; *) b= ;; esac
	echo "v$t ($h$b)"
done | sed '$!s/$/,/' | paste -sd' ' -)
awk -v subj="$subject" -v date="$(g log -1 --format=%aD "$tip")" -v blurb="$tmp/blurb" -v on="$on" \
	-v where="$in" -v made="$made" -v also="$also" '
	/^Date: / && !hdr { print "Date: " date; next }
	/\*\*\* SUBJECT HERE \*\*\*/ { sub(/\*\*\* SUBJECT HERE \*\*\*/, subj) }
	/^\*\*\* BLURB HERE \*\*\*$/ { while ((getline l < blurb) > 0) print l; skip = 1; next }
	skip && /^$/ { skip = 0; next }
	/^base-commit: / {
		print "Based on " on
		print "The base-commit below is not a public commit: it is the one that"
		print "the series'"'"' tooling makes of " made "."
		print where
		if (also != "")
			print "Also checked on " also "."
		print ""
	}
	/^$/ { hdr = 1 }
	{ print }' "$cover" >"$cover.new"
mv "$cover.new" "$cover"
# The figures the cover letter states from the model: written here, each
# into its one phrase (a phrase that is gone, or there twice, is an error).
if [ "$(model_of "$s")" = series ]; then
	RECORDS=$(records "$s") BASE=$(base_of "$v") "$REPO/tests/model/figures.sh" "$tree" >"$tmp/figures"
	for f in "first:each of the N fallible calls" "reload:the N of a reload" "mutants:catches N defects"; do
		n=$(awk -v f="${f%%:*}" '$1 == f { print $2 }' "$tmp/figures") p=${f#*:}
		re=$(echo "$p" | sed 's/N/[0-9][0-9]*/')
		[ "$(grep -c -- "$re" "$cover")" = 1 ] ||
			die "the cover letter must say \"$p\" once, on one line: make export writes the model's N there"
		sed -i "s/$re/$(echo "$p" | sed "s/N/$n/")/" "$cover"
	done
fi
fi

# b4's cover letter commit is empty: git format-patch names it a
# prerequisite with the patch id of nothing.
sed -i '/^prerequisite-patch-id: 0\{40\}$/d' "$tmp"/patches/*.patch
ls "$tmp/patches" | grep -v '^0000-cover-letter.patch$' >"$tmp/series"
# The generated mirrors, for readers of the 5.10 series (the top level).
gen="Generated by make export (scripts/export.sh) from the series; do not edit."
if [ "$s" = . ] && [ -n "$(g diff --name-only "$from" "$tip" -- MAINTAINERS)" ]; then
	{ echo "# $gen"; echo "# The MAINTAINERS hunk of the series (git apply reads past these lines)."
	  g diff --no-color "$from" "$tip" -- MAINTAINERS; } >"$tmp/MAINTAINERS.snippet"
fi
[ "$s" != . ] || for f in $(g diff --name-only --diff-filter=AM "$from" "$tip" -- tools/testing/selftests); do
	r=${f#tools/testing/selftests/}
	mkdir -p "$tmp/selftests/$(dirname "$r")"
	g show "$tip:$f" >"$tmp/selftests/$r"
done
[ -z "$(ls "$tmp/selftests")" ] || printf '%s\n%s\n' "$gen" \
	"The kselftest files as the series leaves them under tools/testing/selftests/." >"$tmp/selftests/README"

# The backports of the series (targets: backport lines), from the commits
# cherry-pick made on each of their trees, into DIR/Mm.y/.
write_backports() {
	backports "$s" | while read -r t _; do
		[ "$mode" = check ] || { "$REPO/scripts/fetch.sh" "$t" && "$REPO/scripts/apply.sh" "$t"; } >/dev/null
		note=$(field backport "$t" text)
		y=$(version_of "$t" | cut -d. -f1,2).y bt=$(tree_of "$t")
		mkdir -p "$1/$y"
		git -C "$bt" -c core.abbrev=12 -c diff.noprefix=false -c diff.mnemonicPrefix=false -c diff.algorithm=myers \
			format-patch -q --zero-commit --no-signature --subject-prefix="PATCH $y" -o "$1/$y" \
			"$(from_of "$s")..$(tip_of "$s")"
		echo "[ $y: $note ]" | fold -s -w 72 | sed 's/ $//' >"$tmp/note"
		for f in "$1/$y"/*.patch; do
			awk -v notef="$tmp/note" '
				!body && /^$/ { body = 1; print; print "[ Upstream commit MAINLINE-COMMIT-ID: a placeholder until it is merged ]"; print ""; next }
				body == 1 && /^\(cherry picked from commit [0-9a-f]*\)$/ { next }
				body == 1 && /^Signed-off-by: / && !done { while ((getline l < notef) > 0) print l; done = 1 }
				body == 1 && /^---$/ { body = 2 }
				{ print }' "$f" >"$f.new"
			mv "$f.new" "$f"
		done
	done
}
if [ "$mode" = check ]; then
	write_backports "$tmp/backports"
	for y in "$tmp"/backports/*; do
		[ -d "$y" ] || continue
		y=${y##*/}
		d1=$(diff -rq "$tmp/backports/$y" "$dir/$y" 2>&1 | head -n 1) || true
		[ -z "$d1" ] || die "$y/ of $(label "$s") is not what make export produces: $d1"
	done
	for f in series MAINTAINERS.snippet; do
		[ -e "$tmp/$f" ] || [ -e "$dir/$f" ] || continue
		cmp -s "$tmp/$f" "$dir/$f" || die "${dir#"$REPO"/}/$f is not what make export produces"
	done
	for d in patches selftests; do
		[ -n "$(ls "$tmp/$d")" ] || [ -d "$dir/$d" ] || continue
		d1=$(diff -rq "$tmp/$d" "$dir/$d" 2>&1 | head -n 1) || true
		[ -z "$d1" ] || die "$d/ of $(label "$s") is not what make export produces: $d1"
	done
	say "$(label "$s"): patches/, series and the generated files match $tree"
	exit 0
fi
rm -rf "$dir/patches" "$dir/selftests" "$dir/MAINTAINERS.snippet" "$dir/b4-cover"
for f in patches selftests series MAINTAINERS.snippet b4-cover; do
	[ ! -e "$tmp/$f" ] || [ -z "$(ls "$tmp/$f")" ] || cp -r "$tmp/$f" "$dir/"
done
write_backports "$tmp/backports"
for y in "$tmp"/backports/*; do
	[ -d "$y" ] || continue
	y=${y##*/}
	rm -rf "${dir:?}/$y" && cp -r "$tmp/backports/$y" "$dir/"
	say "wrote the $y backport of $(label "$s"): $(ls "$dir/$y" | paste -sd' ' -)"
done
say "wrote $(wc -l <"$dir/series") patches of $(label "$s") from $tree"
