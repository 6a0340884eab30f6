#!/bin/sh
# Host unit test of the kselftest's kvm-trace record parser.
# usage: run.sh TREE
# Compiles TREE/tools/testing/selftests/kvm/s390x/aen_records.h with the
# host compiler (plain, strict C99 and, where available, with ASan and
# UBSan) into test_parser.c and runs the canned-record cases.
# Exit 0: pass; 1: a case failed; 2: cannot build.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 TREE" >&2; exit 2; }
tree=$1
hdrdir=$tree/tools/testing/selftests/kvm/s390x
[ -f "$hdrdir/aen_records.h" ] ||
	{ echo "selftest-parser: no $hdrdir/aen_records.h" >&2; exit 2; }
CC=${HOSTCC:-gcc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

flags="-Wall -Wextra -Werror -Wstrict-prototypes -Wshadow -Wconversion -Wno-sign-conversion -O2"
echo "selftest-parser: header $hdrdir/aen_records.h"
echo "selftest-parser: build (gnu99, as the kvm selftests) with $CC"
$CC $flags -std=gnu99 -I"$hdrdir" -o "$work/t-gnu99" "$here/test_parser.c" || exit 2
echo "selftest-parser: build (c99 -pedantic)"
$CC $flags -std=c99 -pedantic -D_POSIX_C_SOURCE=200809L -I"$hdrdir" \
	-o "$work/t-c99" "$here/test_parser.c" || exit 2
echo "selftest-parser: run"
"$work/t-gnu99" >"$work/out" || { cat "$work/out"; exit 1; }
tail -n 1 "$work/out"
"$work/t-c99" >/dev/null || { echo "selftest-parser: c99 build fails"; exit 1; }
if echo 'int main(void){return 0;}' |
	$CC -fsanitize=address,undefined -x c - -o "$work/probe" 2>/dev/null; then
	echo "selftest-parser: build and run with ASan+UBSan"
	$CC $flags -std=gnu99 -g -fsanitize=address,undefined \
		-fno-sanitize-recover=all -I"$hdrdir" -o "$work/t-san" \
		"$here/test_parser.c" || exit 2
	"$work/t-san" >"$work/out-san" 2>&1 || { cat "$work/out-san"; exit 1; }
	tail -n 1 "$work/out-san"
else
	echo "selftest-parser: no ASan/UBSan in $CC, sanitizer run skipped"
fi
echo "selftest-parser: pass"
