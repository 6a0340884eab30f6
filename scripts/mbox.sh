#!/bin/sh
# Write the series as ONE threaded mbox: the cover letter first, then the
# patches in `series` order, each In-Reply-To/References the cover letter
# (a series of one patch has no cover letter: the patch is the thread).
# Every mail is To: the lists and Cc: the people that the patched tree's
# get_maintainer.pl names for the series (the union over its patches).
# The mails are the sender's (git's user.name and user.email: author and
# only Signed-off-by, lib.sh's sendable), not the project identity's.
# Message-Ids come from the content (date of the mail, index, sha256 of the
# file; the cover letter's from all files), so reruns are byte-identical.
# The patched tree is that of the series' primary target (prepared first).
# usage: mbox.sh SERIES [OUTFILE]   (default: out/series.mbox, out/upstream.mbox)
set -eu
. "$(dirname "$0")/lib.sh"
lock_cache
s=$1 out=${2:-$REPO/out/$(slug "$1").mbox}
is_series "$s"
[ ! -f "$(sdir "$s")/b4-cover" ] ||
	die "$(label "$s") is sent with b4: make tree SERIES=$s KSRC=<your clone>, then b4 send on branch send of $(sdir "$s")/tree"
who=$(sender)
"$REPO/scripts/prepare.sh" "$(primary "$s")" >/dev/null
tree=$(tree_of "$(primary "$s")")
cover=$(cover_of "$s")
patches=$(patches "$s")
[ -f "$cover" ] || [ "$(echo "$patches" | wc -l)" = 1 ] || die "no ${cover#"$REPO"/} (run make export)"
[ -f "$cover" ] || cover=
# shellcheck disable=SC2086
to=$("$REPO/scripts/maintainers.sh" "$tree" lists $patches)
# shellcheck disable=SC2086
cc=$("$REPO/scripts/maintainers.sh" "$tree" people $patches)
[ -n "$to" ] || die "get_maintainer.pl names no mailing list for $(label "$s")"

# <date of the mail>.<index>-<12 hex of sha256>@aen-series
msgid() {
	d=$(sed -n '/^$/q; s/^Date: //p' "$1")
	ts=$(date -u -d "$d" +%Y%m%d%H%M%S) || die "$1: bad Date: $d"
	echo "<$ts.$2-$(cut -c1-12)@aen-series>"
}
# "Key: a, b, ..." on one line
addrs() { printf '%s: %s\n' "$1" "$(printf '%s\n' "$2" | sed '$!s/$/,/' | paste -sd' ')"; }

# shellcheck disable=SC2086
coverid=$(cat $cover $patches | sha256sum | msgid ${cover:-$patches} 0)
mkdir -p "$(dirname "$out")"
: >"$out.tmp"
n=${cover:+0}
n=${n:-1}
# shellcheck disable=SC2086
for f in $cover $patches; do
	head -n 1 "$f" | grep -q '^From ' || die "$f does not start with a From line"
	! tail -n +2 "$f" | grep -q '^From ' ||
		die "$f has a body line starting with 'From ' (mbox would split there); reword it"
	if [ "$f" = "${cover:-$patches}" ]; then id=$coverid; else id=$(sha256sum <"$f" | msgid "$f" "$n"); fi
	sendable <"$f" >"$out.mail"
	f=$out.mail
	{
		# headers unfolded, as git send-email sends them (b4 0.12 fails
		# on the folded From: that format-patch writes for long names)
		sed -n '/^$/q; p' "$f" | awk 'NR > 1 && !/^[ \t]/ { print l; l = "" } { l = l $0 } END { print l }'
		addrs To "$to"
		[ -z "$cc" ] || addrs Cc "$cc"
		echo "Message-Id: $id"
		[ "$id" = "$coverid" ] || printf 'In-Reply-To: %s\nReferences: %s\n' "$coverid" "$coverid"
		sed -n '/^$/,$p' "$f"
		echo
	} >>"$out.tmp"
	n=$((n + 1))
done
rm -f "$out.mail"
mv "$out.tmp" "$out"
say "wrote $out, from $who: $(echo "$patches" | wc -l) patches${cover:+ and the cover letter}, thread $coverid"
say "To: $(echo "$to" | paste -sd' ')"
say "Cc: $(echo "$cc" | wc -l) people"
