#!/bin/sh
# Print the files the series touches, one per line: "M path" for a file the
# series modifies (it must exist in the base), "A path" for a file it adds.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC2046
awk '/^diff --git a\// { f = substr($3, 3) }
     /^new file mode/ && f != "" { print "A " f; f = "" }
     /^index / && f != "" { print "M " f; f = "" }' \
	$("$repo/scripts/patch-list.sh") | awk '!seen[$2]++'
