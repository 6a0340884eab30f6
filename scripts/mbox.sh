#!/bin/sh
# Write the series as ONE threaded mbox: the cover letter first, then the
# patches in `series` order, each In-Reply-To/References the cover letter.
# Every mail is To: the lists and Cc: the people that the patched tree's
# get_maintainer.pl names for the series (the union over its patches).
# Message-Ids come from the content (date of the mail, index, sha256 of the
# file; the cover letter's from all files), so reruns are byte-identical.
# usage: mbox.sh OUTFILE   (env TREE: patched tree, default $CACHE/applied)
set -eu
out=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
: "${CACHE:=/var/cache/aen-series}" "${TREE:=$CACHE/applied}"
cover=$repo/patches/0000-cover-letter.patch
[ -f "$cover" ] || { echo "mbox: no patches/0000-cover-letter.patch (run make export)" >&2; exit 1; }
patches=$("$repo/scripts/patch-list.sh")
# shellcheck disable=SC2086
to=$("$repo/scripts/maintainers.sh" "$TREE" lists $patches)
# shellcheck disable=SC2086
cc=$("$repo/scripts/maintainers.sh" "$TREE" people $patches)
[ -n "$to" ] || { echo "mbox: get_maintainer.pl names no mailing list for the series" >&2; exit 1; }

# <date of the mail>.<index>-<12 hex of sha256>@aen-series
msgid() {
	d=$(sed -n '/^$/q; s/^Date: //p' "$1")
	ts=$(date -u -d "$d" +%Y%m%d%H%M%S) || { echo "mbox: $1: bad Date: $d" >&2; exit 1; }
	echo "<$ts.$2-$(cut -c1-12)@aen-series>"
}
# "Key: a, b, ..." on one line
addrs() { printf '%s: %s\n' "$1" "$(printf '%s\n' "$2" | sed '$!s/$/,/' | paste -sd' ')"; }

# shellcheck disable=SC2086
coverid=$(cat "$cover" $patches | sha256sum | msgid "$cover" 0)
mkdir -p "$(dirname "$out")"
: >"$out.tmp"
n=0
for f in "$cover" $patches; do
	head -n 1 "$f" | grep -q '^From ' || { echo "mbox: $f does not start with a From line" >&2; exit 1; }
	if tail -n +2 "$f" | grep -q '^From '; then
		echo "mbox: $f has a body line starting with 'From ' (mbox would split there); reword it" >&2
		exit 1
	fi
	if [ "$n" = 0 ]; then id=$coverid; else id=$(sha256sum <"$f" | msgid "$f" "$n"); fi
	{
		# headers unfolded, as git send-email sends them (b4 0.12 fails
		# on the folded From: that format-patch writes for long names)
		sed -n '/^$/q; p' "$f" | awk 'NR > 1 && !/^[ \t]/ { print l; l = "" } { l = l $0 } END { print l }'
		addrs To "$to"
		[ -z "$cc" ] || addrs Cc "$cc"
		echo "Message-Id: $id"
		[ "$n" = 0 ] || printf 'In-Reply-To: %s\nReferences: %s\n' "$coverid" "$coverid"
		sed -n '/^$/,$p' "$f"
		echo
	} >>"$out.tmp"
	n=$((n + 1))
done
mv "$out.tmp" "$out"
echo "mbox: wrote $out: cover letter + $((n - 1)) patches, thread $coverid"
echo "mbox: To: $(echo "$to" | paste -sd' ')"
echo "mbox: Cc: $(echo "$cc" | wc -l) people"
