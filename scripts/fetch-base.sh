#!/bin/sh
# Fetch the pinned base (Debian source package linux 5.10.223-1, bullseye),
# check its sha256 and turn it into a git tree with a deterministic commit
# tagged v5.10.223.  Output: $CACHE/base (a git repository).
set -eu

CACHE=${CACHE:?CACHE not set}
VER=5.10.223
DEBVER=5.10.223-1
TARBALL=linux_$VER.orig.tar.xz
SHA256=5272175427d036677539b9ef88a6bc30e455aca2d4fe9a942b2926ef7967ad20
base=$CACHE/base

if [ -f "$base/.git/aen-base-ok" ]; then
	echo "fetch-base: using $base"
	exit 0
fi
mkdir -p "$CACHE/dl"

if [ ! -f "$CACHE/dl/$TARBALL" ]; then
	# A deb-src stanza for bullseye, on the URI of this machine's own
	# Debian mirror (never a host name written down here).
	src=/etc/apt/sources.list.d/aen-bullseye-src.sources
	if [ ! -f "$src" ]; then
		uri=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\/debian\)\/*$/\1/p' \
			/etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
		[ -n "$uri" ] || uri=$(sed -n 's/^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}\([^[:space:]]*\/debian\)\/*[[:space:]].*/\2/p' \
			/etc/apt/sources.list 2>/dev/null | head -n 1)
		[ -n "$uri" ] || { echo "fetch-base: no Debian mirror found in the apt sources" >&2; exit 1; }
		echo "fetch-base: adding a bullseye deb-src stanza ($src)"
		printf 'Types: deb-src\nURIs: %s\nSuites: bullseye\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
			"$uri" >"$src"
		apt-get -q update >/dev/null 2>&1 ||
			{ rm -f "$src"; echo "fetch-base: apt-get update with the bullseye deb-src stanza failed" >&2; exit 1; }
	fi
	echo "fetch-base: apt-get source --download-only linux=$DEBVER"
	rm -rf "$CACHE/dl.tmp" && mkdir -p "$CACHE/dl.tmp"
	(cd "$CACHE/dl.tmp" && apt-get -q source --download-only "linux=$DEBVER" >/dev/null 2>&1) ||
		{ rm -rf "$CACHE/dl.tmp"; echo "fetch-base: download of linux=$DEBVER failed" >&2; exit 1; }
	[ -f "$CACHE/dl.tmp/$TARBALL" ] ||
		{ rm -rf "$CACHE/dl.tmp"; echo "fetch-base: $TARBALL not in the source package" >&2; exit 1; }
	mv "$CACHE/dl.tmp/$TARBALL" "$CACHE/dl/$TARBALL.part"
	rm -rf "$CACHE/dl.tmp"
	got=$(sha256sum "$CACHE/dl/$TARBALL.part" | cut -d' ' -f1)
	if [ "$got" != "$SHA256" ]; then
		rm -f "$CACHE/dl/$TARBALL.part"
		echo "fetch-base: sha256 mismatch for $TARBALL: got $got, want $SHA256" >&2
		exit 1
	fi
	mv "$CACHE/dl/$TARBALL.part" "$CACHE/dl/$TARBALL"
fi

echo "fetch-base: checking sha256 of $TARBALL"
echo "$SHA256  $CACHE/dl/$TARBALL" | sha256sum -c --status ||
	{ echo "fetch-base: sha256 mismatch for $CACHE/dl/$TARBALL (delete it to refetch)" >&2; exit 1; }

echo "fetch-base: unpacking into $base"
rm -rf "$base" "$base.tmp"
mkdir -p "$base.tmp"
tar -C "$base.tmp" --strip-components=1 -xJf "$CACHE/dl/$TARBALL"
(
	cd "$base.tmp"
	git init -q -b base .
	git add -A -f .
	export GIT_AUTHOR_NAME="Linux 5.10.223" GIT_AUTHOR_EMAIL="base@aen-series.invalid"
	export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
	export GIT_AUTHOR_DATE="2024-07-27T10:00:00+00:00" GIT_COMMITTER_DATE="2024-07-27T10:00:00+00:00"
	git -c core.autocrlf=false commit -q --no-verify -m "Linux $VER" -m "Debian source package linux $DEBVER, $TARBALL, sha256 $SHA256"
	git tag v$VER
	git gc -q --auto
	touch .git/aen-base-ok
)
mv "$base.tmp" "$base"
echo "fetch-base: base commit $(git -C "$base" rev-parse HEAD) (v$VER)"
