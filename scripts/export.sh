#!/bin/sh
# Regenerate patches/, series, selftests/ and MAINTAINERS.snippet from a git
# tree holding the series as commits (branch `series` on top of v5.10.223).
# Same commits in, byte-identical files out. The cover letter keeps the
# subject and text of the current patches/0000-cover-letter.patch (edit it
# there); shortlog, diffstat and the base paragraph + base-commit are regenerated.
# usage: export.sh TREE [--check]   (--check: compare only, change nothing)
set -eu
tree=$1 mode=${2:-write}
repo=$(cd "$(dirname "$0")/.." && pwd)
g() { git -C "$tree" -c core.abbrev=12 -c diff.noprefix=false -c diff.mnemonicPrefix=false \
	-c diff.renames=true -c diff.algorithm=myers -c format.signature= "$@"; }

base=$(g rev-parse --verify -q 'v5.10.223^{commit}') ||
	{ echo "export: $tree has no v5.10.223 base commit" >&2; exit 1; }
g rev-parse --verify -q series >/dev/null || { echo "export: $tree has no branch series" >&2; exit 1; }
# The cover letter is signed by the series' author, whoever runs this.
an=$(g log -1 --format=%an series) ae=$(g log -1 --format=%ae series)
g() { git -C "$tree" -c core.abbrev=12 -c diff.noprefix=false -c diff.mnemonicPrefix=false \
	-c diff.renames=true -c diff.algorithm=myers -c format.signature= \
	-c user.name="$an" -c user.email="$ae" "$@"; }
if [ "$mode" = write ] && [ -n "$(g status --porcelain --untracked-files=no)" ]; then
	echo "export: $tree has uncommitted changes; commit them first" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/patches" "$tmp/selftests"
g format-patch -q --cover-letter --numbered --zero-commit --no-signature \
	--base="$base" -o "$tmp/patches" "$base..series"

# Cover letter: subject and text from the current one (or build/cover-blurb.txt).
cover=$tmp/patches/0000-cover-letter.patch
old=$repo/patches/0000-cover-letter.patch
if [ -f "$old" ]; then
	subject=$(sed -n 's/^Subject: \[PATCH[^]]*\] //p' "$old" | head -n 1)
	awk 'body && /^[^ ].* \([0-9]+\):$/ { exit } body { print } /^$/ { body = 1 }' "$old" >"$tmp/blurb"
elif [ -f "$repo/build/cover-blurb.txt" ]; then
	subject=$(head -n 1 "$repo/build/cover-blurb.txt")
	tail -n +2 "$repo/build/cover-blurb.txt" | sed '1{/^$/d}' >"$tmp/blurb"
	echo >>"$tmp/blurb"
else
	echo "export: no cover letter text (patches/0000-cover-letter.patch or build/cover-blurb.txt)" >&2
	exit 1
fi
date=$(g log -1 --format='%aD' series)
awk -v subj="$subject" -v date="$date" -v blurb="$tmp/blurb" '
	/^Date: / && !hdr { print "Date: " date; next }
	/\*\*\* SUBJECT HERE \*\*\*/ { sub(/\*\*\* SUBJECT HERE \*\*\*/, subj) }
	/^\*\*\* BLURB HERE \*\*\*$/ { while ((getline l < blurb) > 0) print l; skip = 1; next }
	skip && /^$/ { skip = 0; next }
	/^base-commit: / {
		print "Based on Linux v5.10.223 (linux-stable tag v5.10.223), nothing else."
		print "The base-commit below is not linux-stable'"'"'s: it is the commit that the"
		print "series'"'"' scripts/fetch-base.sh makes of Debian'"'"'s linux_5.10.223.orig.tar.xz."
		print "In a linux-stable clone, check out v5.10.223 before git am or b4 am."
		print ""
	}
	/^$/ { hdr = 1 }
	{ print }' "$cover" >"$cover.new"
mv "$cover.new" "$cover"

ls "$tmp/patches" | grep -v '^0000-cover-letter.patch$' >"$tmp/series"
g diff --no-color "$base" series -- MAINTAINERS >"$tmp/MAINTAINERS.snippet"
g diff --name-only "$base" series -- tools/testing/selftests | while read -r f; do
	mkdir -p "$tmp/selftests/$(dirname "${f#tools/testing/selftests/}")"
	g show "series:$f" >"$tmp/selftests/${f#tools/testing/selftests/}"
done

if [ "$mode" = --check ]; then
	for f in series MAINTAINERS.snippet; do
		cmp -s "$tmp/$f" "$repo/$f" || { echo "export: $f is not what make export produces" >&2; exit 1; }
	done
	for d in patches selftests; do
		d1=$(diff -rq "$tmp/$d" "$repo/$d" 2>&1 | head -n 1) || true
		[ -z "$d1" ] || { echo "export: $d/ is not what make export produces: $d1" >&2; exit 1; }
	done
	echo "export: patches/, series, selftests/, MAINTAINERS.snippet match the tree"
	exit 0
fi
rm -rf "$repo/patches" "$repo/selftests"
cp -r "$tmp/patches" "$tmp/selftests" "$repo/"
cp "$tmp/series" "$tmp/MAINTAINERS.snippet" "$repo/"
echo "export: wrote $(wc -l <"$repo/series") patches + cover letter, series, selftests/, MAINTAINERS.snippet"
