#!/bin/sh
# Make the base of a target: a git repository ($CACHE/TARGET/base, branch
# "base", deterministic commit) of
#  - a fetched target: the orig tarball of its Debian `linux` source
#    package, downloaded with apt-get and checked against its sha256;
#  - a derived target: the base of the target it is made from, with the
#    files moved as its `move` lines say;
#  - ksrc: a copy of the user's tree KSRC, which is never written. It is
#    compared with the declared targets of its series, file by file where
#    the series touches them, and the one it matches is named.
# usage: fetch.sh TARGET
set -eu
. "$(dirname "$0")/lib.sh"
t=$1
base=$(base_of "$t")
# What the base is made of: the Debian version and sha256 of its tarball
# (for a derived one, its description, moves and the base it is made
# from), and how its commit is made (commit_base); a base made of other
# inputs is made again.
case $(kind "$t") in
fetched) key="$(field fetched "$t" debian) $(field fetched "$t" sha256)" ;;
derived) "$REPO/scripts/fetch.sh" "$(field derived "$t" from)"
	key="$(field derived "$t" text)
$(moves "$t")
$(git -C "$(base_of "$(field derived "$t" from)")" rev-parse base)" ;;
ksrc) key= ;;
*) die "no target $t in targets" ;;
esac
key="$key
$(sed -n '/^commit_base() {/,/^}/p' "$REPO/scripts/lib.sh")"
[ "$t" = ksrc ] || [ "$(cat "$base/.git/aen-base-ok" 2>/dev/null)" != "$key" ] || exit 0
rm -rf "$base.tmp"
# A failure leaves nothing behind: no half-made base, no empty folder.
trap 'rm -rf "$base.tmp"; rmdir "${base%/*}" 2>/dev/null || true' EXIT
mkdir -p "$base.tmp" "$CACHE/dl"

if [ "$t" = ksrc ]; then
	s=$(series_of ksrc)
	[ ! -f "$KSRC/.config" ] && [ ! -d "$KSRC/include/config" ] ||
		die "KSRC=$KSRC has an in-tree build (.config); run make mrproper there first"
	say "ksrc: copying KSRC=$KSRC (Linux $(ksrc_version)) to $base"
	rsync -a --delete --exclude=/.git "$KSRC/" "$base.tmp/"
	# The files the series touches there (where each declared target has
	# them, once applied): which declared target has the same?
	match=
	for d in $(targets "$s"); do
		[ "$d" != ksrc ] && [ -d "$(base_of "$d")" ] && [ "$(kind "$d")" = fetched ] || continue
		files=$(git -C "$(tree_of "$d")" diff --name-only "$(from_of "$s")" "$(tip_of "$s")" 2>/dev/null) ||
			files=$(patches "$s" | xargs awk '/^diff --git a\// { print substr($3, 3) }' | sort -u)
		[ -n "$files" ] || continue
		same=1
		for f in $files; do
			if [ -e "$(base_of "$d")/$f" ] || [ -e "$base.tmp/$f" ]; then
				cmp -s "$(base_of "$d")/$f" "$base.tmp/$f" || { same=0; break; }
			fi
		done
		[ "$same" = 0 ] || { match=$d; break; }
	done
	if [ -n "$match" ]; then
		say "ksrc: matches target $match in every file the series touches"
	else
		say "ksrc: matches no declared target of $(label "$s") in the files it touches; git am will tell whether it applies"
	fi
	msg="Linux $(ksrc_version) (KSRC)" body=
elif [ "$(kind "$t")" = derived ]; then
	from=$(field derived "$t" from)
	"$REPO/scripts/fetch.sh" "$from"
	say "$t: $(field derived "$t" text)"
	# Hard links: a base is never written, and mv only renames.
	(cd "$(base_of "$from")" && find . -mindepth 1 -maxdepth 1 ! -name .git -exec cp -al {} "$base.tmp/" \;)
	moves "$t" | while read -r old new; do
		[ -f "$base.tmp/$old" ] || die "$t: cannot move $old: $from has no such file"
		mkdir -p "$base.tmp/$(dirname "$new")"
		mv "$base.tmp/$old" "$base.tmp/$new"
	done
	msg="$(field derived "$t" text)" body="Target $t of targets: the base of $from with files moved."
else
	v=$t deb=$(field fetched "$t" debian) suite=$(field fetched "$t" suite) sha=$(field fetched "$t" sha256)
	tarball=$CACHE/dl/linux_$v.orig.tar.xz
	if [ ! -f "$tarball" ]; then
		say "$t: apt-get source --download-only linux=$deb ($suite)"
		rm -rf "$CACHE/dl/tmp"
		aptfetch "$suite" source "linux=$deb" "$CACHE/dl/tmp" "targets (target $t: version, Debian version, sha256)"
		[ -f "$CACHE/dl/tmp/${tarball##*/}" ] || die "$t: linux=$deb has no ${tarball##*/}"
		mv "$CACHE/dl/tmp/${tarball##*/}" "$tarball.part"
		rm -rf "$CACHE/dl/tmp"
		mv "$tarball.part" "$tarball"
	fi
	got=$(sha256sum "$tarball" | cut -d' ' -f1)
	if [ "$got" != "$sha" ]; then
		rm -f "$tarball"
		die "$t: ${tarball##*/} has sha256 $got, targets pins $sha (the file was deleted; if Debian replaced it, update the pin)"
	fi
	say "$t: unpacking ${tarball##*/} (sha256 checked)"
	tar -C "$base.tmp" --strip-components=1 -xJf "$tarball"
	msg="Linux $v" body="Debian source package linux $deb, ${tarball##*/}, sha256 $sha"
fi
(cd "$base.tmp" && commit_base "$msg" "$body" && printf '%s\n' "$key" >.git/aen-base-ok)
rm -rf "$base"
mv "$base.tmp" "$base"
say "$t: base commit $(git -C "$base" rev-parse HEAD)"
