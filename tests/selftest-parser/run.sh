#!/bin/sh
# Host unit test of the kvm-trace parsing of the kselftest: builds
# test_parser.c, which includes TREE's aen_reload_test.c, with the host
# compiler (warnings are errors; ASan and UBSan where the compiler has
# them) and runs it on its canned records: the 5.10 "aen: ..." records for
# a tree with tools/testing/selftests/kvm/s390x/, the upstream ones
# (-DAEN_UPSTREAM: "aen: registered|reused aipb=%p", kvm's "gib ...
# initialized") for one with kvm/s390/.
# usage: run.sh TREE
set -eu
me=${AEN_CHECK:-selftest-parser}   # the name its lines start with (the check's, in make check)
[ $# -eq 1 ] || { echo "usage: $0 TREE" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
sel=$1/tools/testing/selftests
# kvm/s390x/ in 5.10, kvm/s390/ in 7.2
d=$sel/kvm/s390x records=
[ -d "$d" ] || d=$sel/kvm/s390 records=-DAEN_UPSTREAM
[ -f "$d/aen_reload_test.c" ] ||
	{ echo "$me: no aen_reload_test.c in $sel/kvm/s390x or s390" >&2; exit 2; }
cc=${HOSTCC:-gcc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags="-std=gnu99 -O2 -g -Wall -Wextra -Werror $records -I$sel -I$d"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
echo 'int main(void) { return 0; }' >"$work/probe.c"
# shellcheck disable=SC2086
$cc $san -o "$work/probe" "$work/probe.c" 2>/dev/null || san=
# shellcheck disable=SC2086
$cc $flags $san -o "$work/test_parser" "$here/test_parser.c"
echo "$me: $cc ${san:-(no sanitizers)}"
"$work/test_parser"
