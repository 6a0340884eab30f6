#!/bin/sh
# get-maintainer: the patched tree's scripts/get_maintainer.pl, run on every
# patch, names the lists the series is for: linux-s390@ for each kernel
# patch, kvm@ too when it touches arch/s390/kvm/, kvm@ for the selftest
# (a MAINTAINERS-only patch names only LKML and is exempt); each file the
# series adds is brought into a MAINTAINERS entry by the series itself and
# arch/s390/kvm/pci.c names both lists; MAINTAINERS.snippet applies to the
# base MAINTAINERS and gives TREE's; every mail of the mbox is To: both lists.
# usage: check-maintainers.sh   (env: REPO, BASE, TREE as given by check.sh)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${BASE:?BASE not set (run make check)}" "${TREE:?TREE not set (run make check)}"
kvm=kvm@vger.kernel.org s390=linux-s390@vger.kernel.org
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
has() { case " $1 " in *" $2 "*) return 0 ;; esac; return 1; }

n=0
for p in $("$repo/scripts/patch-list.sh"); do
	name=$(basename "$p")
	files=$(awk '/^diff --git a\// { print substr($3, 3) }' "$p")
	lists=$("$repo/scripts/maintainers.sh" "$TREE" lists "$p" | paste -sd' ')
	if echo "$files" | grep -qv '^MAINTAINERS$\|^tools/testing/selftests/'; then
		need=$s390
		! echo "$files" | grep -q '^arch/s390/kvm/' || need="$kvm $s390"
	elif echo "$files" | grep -q '^tools/testing/selftests/'; then
		need=$kvm
	else
		need=
	fi
	for l in $need; do
		has "$lists" "$l" || { echo "get-maintainer: $name: get_maintainer.pl does not name $l (it names: $lists)" >&2; exit 1; }
	done
	echo "get-maintainer: $name: ${need:+requires $need; }names $lists"
	n=$((n + 1))
done

# Every file the series adds (outside the selftests) must be in a MAINTAINERS
# entry that the base's MAINTAINERS does not give it.
gm() (cd "$TREE" && perl scripts/get_maintainer.pl --no-git --no-git-fallback --sections "$@" | grep -v '^[A-Z]:\|^$')
for f in $("$repo/scripts/touched-files.sh" | sed -n 's/^A //p' | grep -v '^tools/testing/selftests/'); do
	gm --mpath "$TREE/MAINTAINERS" -f "$f" | sort >"$tmp/new"
	gm --mpath "$BASE/MAINTAINERS" -f "$f" | sort >"$tmp/old"
	added=$(comm -23 "$tmp/new" "$tmp/old" | paste -sd, -)
	[ -n "$added" ] || { echo "get-maintainer: $f is in no MAINTAINERS entry that the series adds it to" >&2; exit 1; }
	echo "get-maintainer: $f: entries $(paste -sd, "$tmp/new") (added by the series: $added)"
done
f=arch/s390/kvm/pci.c
[ -f "$TREE/$f" ] || { echo "get-maintainer: the series adds no $f" >&2; exit 1; }
lists=$("$repo/scripts/maintainers.sh" "$TREE" lists -f "$f" | paste -sd' ')
for l in $kvm $s390; do
	has "$lists" "$l" || { echo "get-maintainer: get_maintainer.pl -f $f does not name $l (it names: $lists)" >&2; exit 1; }
done
echo "get-maintainer: $f: names $lists"

snip=$repo/MAINTAINERS.snippet
[ -s "$snip" ] || { echo "get-maintainer: MAINTAINERS.snippet is empty; the series must list its new files" >&2; exit 1; }
cp "$BASE/MAINTAINERS" "$tmp/MAINTAINERS"
(cd "$tmp" && git apply "$snip") || { echo "get-maintainer: MAINTAINERS.snippet does not apply to the base MAINTAINERS" >&2; exit 1; }
cmp -s "$tmp/MAINTAINERS" "$TREE/MAINTAINERS" ||
	{ echo "get-maintainer: base MAINTAINERS + MAINTAINERS.snippet is not the patched MAINTAINERS" >&2; exit 1; }
echo "get-maintainer: MAINTAINERS.snippet ($(grep -c '^+[^+]' "$snip") added lines) applies to the base and gives the patched MAINTAINERS"

"$repo/scripts/mbox.sh" "$tmp/series.mbox" >/dev/null
mails=$(grep -c '^From 0\{40\} ' "$tmp/series.mbox")
grep '^To: ' "$tmp/series.mbox" | sed 's/,//g' >"$tmp/to"
[ "$(wc -l <"$tmp/to")" = "$mails" ] || { echo "get-maintainer: not every mail of the mbox has a To: line" >&2; exit 1; }
while read -r to; do
	has "$to" $kvm && has "$to" $s390 || { echo "get-maintainer: a mail of the mbox is not To: $kvm and $s390: $to" >&2; exit 1; }
done <"$tmp/to"
echo "get-maintainer: $n patches checked; all $mails mails of the mbox go to $kvm and $s390"
