#!/bin/sh
# Unpack the b4 of Debian 13 into $CACHE/b4 (the machine's packages are
# not changed), so that the b4 round trip runs with it as well as with the
# installed one (Debian 12's 0.12.0). 0.14.1 and later find b4 prep's
# cover commit only when its committer is the current user (b4 commit
# 1ec81ab746cf); 0.14.2's dependencies are all in Debian 12 (sid's 0.16.0
# needs a newer pygit2 and liblore). Run it as $CACHE/b4/b4.
set -eu
. "$(dirname "$0")/lib.sh"
pin=b4=0.14.2-2    # Debian trixie; update here when the mirror moves on
dir=$CACHE/b4
[ ! -f "$dir/.unpacked-$pin" ] || exit 0
rm -rf "$dir"
aptfetch trixie deb "$pin" "$dir/dl" scripts/fetch-b4.sh
dpkg-deb -x "$dir"/dl/b4_*_all.deb "$dir/root"
printf '#!/bin/sh\nPYTHONPATH=%s exec /usr/bin/python3 %s "$@"\n' \
	"$dir/root/usr/lib/python3/dist-packages" "$dir/root/usr/bin/b4" >"$dir/b4"
chmod +x "$dir/b4"
v=$("$dir/b4" --version) || die "$dir/b4 does not run"
touch "$dir/.unpacked-$pin"
say "$dir/b4 is b4 $v, from $pin"
