# scripts/lib.sh: sourced (never run) by every script of scripts/ and checks/.
# It holds the paths, the targets, die() and the one `series` parser.
#
# Environment, all optional (make passes it on):
#   CACHE  where everything big goes: bases, applied trees, objects, logs,
#          ccache (default /var/cache/aen-series for root, else
#          ${XDG_CACHE_HOME:-$HOME/.cache}/aen-series)
#   JOBS   parallel make jobs (default: the number of CPUs); under a make
#          jobserver (make check runs its checks with one) it is empty and
#          every make joins that jobserver: `make ${JOBS:+-j"$JOBS"}`
#   KSRC   a kernel tree of the user's: target "ksrc", applied on a copy
#   KCONFIG  a kernel .config of the user's for `make` (see scripts/build.sh)
#   SEED   the seed posting's folder (default ../shared/seed beside the repo)
# Checks (checks/NN-name) are run by scripts/check.sh from the repository
# top with this environment; they exit 0 (pass), 4 (skip: the last line
# says why) or anything else (fail: the last lines say why).

REPO=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${CACHE:-}" ]; then
	if [ "$(id -u)" = 0 ]; then
		CACHE=/var/cache/aen-series
	else
		CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/aen-series
	fi
fi
case " ${MAKEFLAGS-} " in
*--jobserver-*) JOBS= ;;
*) JOBS=${JOBS:-$(nproc)} ;;
esac
SKIP=4
export CACHE JOBS
# No automatic gc in the kernel trees: git am and commit would start it in
# the background, and its repacking removes loose objects while a check
# clones the tree (seen: "fatal: failed to copy file" in a cold run).
# The user's and the system's git configuration stay out (diff.noprefix,
# commit.gpgSign, ... would change what format-patch and commit make):
# whoever runs this gets the same files.
# The sender of the mails is read before that: git's user.name and
# user.email, global or system, as b4 and git send-email read them.
if [ -z "${AEN_SENDER_READ:-}" ]; then
	AEN_SENDER_NAME=$(GIT_DIR=/nonexistent git config user.name || true)
	AEN_SENDER_EMAIL=$(GIT_DIR=/nonexistent git config user.email || true)
	export AEN_SENDER_READ=1 AEN_SENDER_NAME AEN_SENDER_EMAIL
fi
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=gc.auto GIT_CONFIG_VALUE_0=0
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

# The name that starts every line a script writes itself (say, die): the
# check's name (without its number) for all that runs in a check
# (AEN_CHECK, set by check.sh), else the script's name without .sh.
ME=${AEN_CHECK:-$(basename "$0" .sh | sed 's/^[0-9]*-//')}

die() {
	echo "$ME: $*" >&2
	exit 1
}
# say LINE: a line of the script's own output, its name first
say() {
	echo "$ME: $*"
}

# lock_cache: one run at a time on a CACHE (make check, build, deps, tree,
# export, mbox: what checks out, builds or keeps results there). The
# lock (flock on CACHE/.lock, held on fd 9 by the run and all it starts)
# is taken once per CACHE: AEN_LOCKED names the CACHE it holds.
lock_cache() {
	[ "${AEN_LOCKED:-}" != "$CACHE" ] || return 0
	command -v flock >/dev/null || die "flock not found (util-linux)"
	mkdir -p "$CACHE"
	{ touch "$CACHE/.lock" && [ -w "$CACHE/.lock" ]; } 2>/dev/null || die "cannot write $CACHE/.lock"
	exec 9>"$CACHE/.lock"
	flock -n 9 || die "another run (make check, make, deps, tree, export or mbox) holds CACHE=$CACHE: wait for it to end"
	AEN_LOCKED=$CACHE
	export AEN_LOCKED
}

# The file `targets` (the kernels and the series) and tests/model/expect
# (how the model runs each series, what it must find): lines "KIND NAME
# KEY=VALUE...", where a text= field comes last and runs to the end of
# the line. The one parser: rows FILE KIND KEY...: for each line of KIND,
# its NAME and the values of KEYs (empty where the line has none), space
# separated. names KIND [FILE]: the NAMEs of KIND; field KIND NAME KEY
# [FILE]: the value of KEY on the first line of KIND NAME, or one line of
# error if there is none. FILE: targets by default.
rows() {
	_f=$1 _k=$2
	shift 2
	awk -v k="$_k" -v keys="$*" '
		$1 == k { n = split(keys, want, " "); out = $2
			for (j = 1; j <= n; j++) { v = ""
				if (want[j] == "text") { if ((i = index($0, " text=")) > 0) v = substr($0, i + 6) }
				else for (i = 3; i <= NF; i++) if (index($i, want[j] "=") == 1) v = substr($i, length(want[j]) + 2)
				out = out " " v }
			print out }' "$_f"
}
names() {
	rows "${2:-$REPO/targets}" "$1" | cut -d' ' -f1
}
field() {
	rows "${4:-$REPO/targets}" "$1" "$3" | awk -v n="$2" '$1 == n { sub(/^[^ ]* /, ""); print; f = 1; exit } END { exit !f }' ||
		die "no $1 $2 in ${4:-$REPO/targets}"
}
expect() { field "$1" "$2" "$3" "$REPO/tests/model/expect"; }

# A series (its folder: . or upstream ...) and its fields: primary (its
# target), after (the series it goes after), ksrc (the KSRC versions it
# takes), takes (the other targets, TARGET:HOW, comma-separated).
all_series() {
	names series
}
# is_series SERIES: SERIES (a folder) is declared, or one line of error.
is_series() {
	all_series | grep -qxF -- "$1" || die "no series $1 in targets (there are: $(all_series | paste -sd' ' -))"
}
primary() { field series "$1" primary; }
after() { _a=$(field series "$1" after) && [ -n "$_a" ] && echo "$_a"; }
# takes SERIES: "TARGET HOW" for each target it takes but its primary
takes() { field series "$1" takes | tr , '\n' | sed -n 's/:/ /p'; }
# model_of SERIES: how the model runs it (tests/model/expect: series,
# upstream, or empty); records SERIES: yes if the series must write the
# kvm-trace records
model_of() { expect series "$1" mode; }
records() { if [ "$(expect series "$1" records)" = yes ]; then echo yes; else echo no; fi; }

# targets [SERIES]: the names of the targets (of SERIES), primary first,
# then "ksrc" if KSRC is set (and takes SERIES).
targets() {
	for _s in ${1:-$(all_series)}; do
		primary "$_s"
		takes "$_s" | cut -d' ' -f1
	done | awk '!seen[$0]++'
	[ -n "${KSRC:-}" ] || return 0
	[ -z "${1:-}" ] || ksrc_series | grep -qx -- "$1" || return 0
	echo ksrc
}

# how TARGET SERIES: am or pick (the primary: am).
how() {
	if [ "$1" = ksrc ]; then
		_h=pick
		[ "$(field series "$2" ksrc)" = "$(ksrc_version | cut -d. -f1,2)" ] && _h=am
		echo "$_h"
		return
	fi
	[ "$(primary "$2")" != "$1" ] || { echo am; return; }
	takes "$2" | awk -v t="$1" '$1 == t { print $2 }'
}

# series_of TARGET: the series TARGET takes, in the order they apply.
series_of() {
	for _s in $(all_series); do
		! targets "$_s" | grep -qx -- "$1" || echo "$_s"
	done
}
top_series() { series_of "$1" | tail -n 1; }

# kind TARGET: fetched or derived (ksrc: ksrc); build_kind TARGET: image, kvm
# or none; version_of TARGET: the Linux version, empty for a derived target.
# A fetched target's fields: build, debian (the version of Debian's linux
# source package), suite, sha256 (of its orig tarball); a derived one's:
# from (the target it is made of), text; its moves (moves TARGET: "FROM
# TO" each) are lines of their own.
kind() {
	[ "$1" != ksrc ] || { echo ksrc; return; }
	! names fetched | grep -qxF -- "$1" || echo fetched
	! names derived | grep -qxF -- "$1" || echo derived
}
build_kind() {
	case $(kind "$1") in
	fetched) field fetched "$1" build ;;
	derived) echo none ;;
	ksrc) if [ "$(how ksrc "$(top_series ksrc)")" = am ]; then echo image; else echo kvm; fi ;;
	*) die "no target $1 in targets" ;;
	esac
}
# building KIND [SERIES]: the targets (of SERIES) whose build is KIND.
building() {
	for _t in $(targets "${2:-}"); do
		[ "$(build_kind "$_t")" != "$1" ] || echo "$_t"
	done
}
version_of() {
	case $(kind "$1") in
	fetched) echo "$1" ;;
	ksrc) ksrc_version ;;
	esac
}
moves() {
	rows "$REPO/targets" move from to | awk -v t="$1" '$1 == t { print $2, $3 }'
}

# The refs of a series in a target's applied tree: it goes from its base
# (branch base, or the tip of the series it goes after) to s/SLUG.
from_of() {
	_a=$(after "$1" || true)
	if [ -n "$_a" ]; then echo "s/$(slug "$_a")"; else echo base; fi
}
tip_of() { echo "s/$(slug "$1")"; }

# KSRC's version (from its Makefile) and the series KSRC takes: those of
# its major.minor, or those from a version on (6.1+) that it reaches,
# each with the series it goes after.
ksrc_version() {
	awk '/^VERSION =/ { v = $3 } /^PATCHLEVEL =/ { p = $3 } /^SUBLEVEL =/ { s = $3 }
		END { print v "." p "." s }' "$KSRC/Makefile"
}
ksrc_series() {
	_mm=$(ksrc_version | cut -d. -f1,2)
	for _s in $(all_series); do
		echo "$_s $(field series "$_s" ksrc)"
	done | awk -v m="$_mm" '
		function num(v) { split(v, a, "."); return a[1] * 1000 + a[2] }
		$2 == m || ($2 ~ /\+$/ && num(m) >= num(substr($2, 1, length($2) - 1))) { print $1 }'
}

# Bad input is refused before anything is done.
if [ -n "${KSRC:-}" ]; then
	grep -qs "^VERSION = [0-9]" "$KSRC/Makefile" && [ -d "$KSRC/arch/s390/kvm" ] ||
		die "KSRC=$KSRC is not a Linux kernel tree (no Makefile with VERSION, or no arch/s390/kvm)"
	[ -n "$(ksrc_series)" ] || die "KSRC=$KSRC is Linux $(ksrc_version); no series here is for it"
fi
[ -z "${KCONFIG:-}" ] || [ -f "$KCONFIG" ] || die "KCONFIG=$KCONFIG is not a file"

# How a series is called in messages (the path of its series file), and
# a name for it in file names.
label() {
	if [ "$1" = . ]; then echo series; else echo "$1/series"; fi
}
slug() {
	if [ "$1" = . ]; then echo series; else echo "$1"; fi
}

# The folder of a series in the repository.
sdir() {
	if [ "$1" = . ]; then echo "$REPO"; else echo "$REPO/$1"; fi
}

# patches SERIES: the patch files that SERIES names, in order, one per line
# (the one parser of a series file: blank lines and # comments ignored).
patches() {
	[ -f "$(sdir "$1")/series" ] || die "no $(label "$1") file"
	grep -v '^[[:space:]]*\(#\|$\)' "$(sdir "$1")/series" | while read -r _p _; do
		[ -f "$(sdir "$1")/patches/$_p" ] || die "$(label "$1") names patches/$_p, which does not exist"
		echo "$(sdir "$1")/patches/$_p"
	done
}
cover_of() {
	echo "$(sdir "$1")/patches/0000-cover-letter.patch"
}

# The repository's patches carry one project identity as author and
# signer; it is not a person. What is written for sending (the mbox, the
# branch send of make tree) carries the sender instead. project_ident: the
# author of the patches of the 5.10 series, "Name <email>".
project_ident() {
	git mailinfo /dev/null /dev/null <"$(patches . | head -n 1)" |
		awk '/^Author: / { sub(/^Author: /, ""); n = $0 } /^Email: / { sub(/^Email: /, ""); print n " <" $0 ">" }'
}
# sender: the sender, "Name <email>", or one line of error.
sender() {
	[ -n "$AEN_SENDER_NAME" ] && [ -n "$AEN_SENDER_EMAIL" ] ||
		die "no sender: set git config --global user.name and user.email (the mails for sending carry them as author and Signed-off-by)"
	case "$(project_ident)" in *"<$AEN_SENDER_EMAIL>")
		die "git's user.email is $AEN_SENDER_EMAIL, the repository's project identity, not a person: set your own (git config --global user.email)" ;;
	esac
	echo "$AEN_SENDER_NAME <$AEN_SENDER_EMAIL>"
}
# sendable: a mail or a commit message of the repository's (stdin) as it
# is sent (stdout): the project identity replaced by the sender in From:
# (unfolded), in its Signed-off-by (the only one) and in a cover letter's
# shortlog.
sendable() {
	_p=$(project_ident) _s=$(sender) || exit 1
	awk -v p="$_p" -v s="$_s" -v pn="${_p% <*}" -v sn="${_s% <*}" '
		!body && /^$/ { body = 1 }
		!body && /^[ \t]/ && from { next }
		!body { from = 0 }
		!body && /^From: / { print "From: " s; from = 1; next }
		$0 == "Signed-off-by: " p { print "Signed-off-by: " s; next }
		index($0, pn " (") == 1 && substr($0, length(pn) + 2) ~ /^\([0-9]+\):$/ { print sn substr($0, length(pn) + 1); next }
		{ print }'
}

# gitconfig IDENT FILE: a git configuration with IDENT ("Name <email>") as
# user.name and user.email, and an SMTP server set, so that b4 send does
# not turn to its web endpoint, which wants signed mails.
gitconfig() {
	printf '[user]\n\tname = %s\n\temail = %s\n[sendemail]\n\tsmtpServer = /usr/sbin/sendmail\n' \
		"${1% <*}" "$(echo "${1#* <}" | tr -d '>')" >"$2"
}
# test_sender DIR: from here on, what this runs sends as a test sender,
# TEST_SENDER (git's identity in DIR/gitconfig), as the checks of the
# mails do.
test_sender() {
	TEST_SENDER="Tess Sender <tess.sender@example.org>"
	gitconfig "$TEST_SENDER" "$1/gitconfig"
	export GIT_CONFIG_GLOBAL="$1/gitconfig"
	unset AEN_SENDER_READ
}

# change_id FILE: the change-id that b4 keeps in a cover commit's message
change_id() {
	sed -n 's/.*"change-id": "\(.*\)".*/\1/p' "$1"
}

# backports SERIES: "TARGET FOLDER" for each backport of SERIES (targets:
# the backport lines), FOLDER being where its mails are.
backports() {
	rows "$REPO/targets" backport series | awk -v s="$1" '$2 == s { print $1 }' | while read -r _t; do
		echo "$_t $(sdir "$1")/$(version_of "$_t" | cut -d. -f1,2).y"
	done
}

# cfgdir SERIES: the folder of its kernel configurations (SERIES/configs,
# or those of the series it goes after); configs SERIES: their names (each
# NAME.config is applied over allnoconfig + configs/base.config);
# pci-kvm-m is the one that is built for users and booted.
cfgdir() {
	if [ -d "$(sdir "$1")/configs" ]; then
		echo "$(sdir "$1")/configs"
	elif _a=$(after "$1"); then
		cfgdir "$_a"
	else
		die "$(label "$1") has no configs/, nor has a series it goes after"
	fi
}
configs() {
	_d=$(cfgdir "$1") || exit 1
	ls "$_d"/*.config >/dev/null 2>&1 || die "no configurations (*.config) in $_d"
	for _f in "$_d"/*.config; do
		_n=$(basename "$_f" .config)
		[ "$_n" = base ] || echo "$_n"
	done
}

# aptfetch SUITE KIND PACKAGE=VERSION DIR WHERE: download into DIR, with
# apt-get, from SUITE on the machine's own mirror (the URI of its apt
# sources that ends in /debian, or /debian-security for a -security
# suite), a Debian source package's tarballs (KIND source; not the .dsc:
# the mirror does not serve every one) or a binary package (KIND deb),
# through a private apt configuration in CACHE: the machine's apt setup
# and packages are not changed, and no root is needed. WHERE says where
# the pin is written, for the error when the mirror no longer serves it.
aptfetch() {
	_suite=$1 _what=$2 _pkg=$3 _dir=$4 _where=$5
	case $_suite in *-security) _kind=debian-security ;; *) _kind=debian ;; esac
	_uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		sed -n "s|^URIs:.*[[:space:]]\([^[:space:]]*/$_kind\)/*\([[:space:]].*\)\{0,1\}\$|\1|p" | head -n 1)
	[ -n "$_uri" ] || _uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		sed -n "s|^deb.*[[:space:]]\([^[:space:]]*/$_kind\)/*[[:space:]].*|\1|p" | head -n 1)
	[ -n "$_uri" ] || die "no URI ending in /$_kind in the machine's apt sources; add the mirror there"
	_a=$CACHE/apt/$_suite-$_what
	mkdir -p "$_a/lists/partial" "$_a/cache/archives/partial" "$_dir"
	_line="[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $_uri $_suite main"
	case $_what in
	source) echo "deb-src $_line" >"$_a/sources.list"; _cmd="source --download-only --tar-only" ;;
	deb) echo "deb $_line" >"$_a/sources.list"; _cmd=download ;;
	esac
	set -- -q -o Dir::Etc::SourceList="$_a/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$_a/lists" -o Dir::Cache="$_a/cache" -o APT::Sandbox::User="$(id -un)"
	apt-get "$@" update >"$_a/log" 2>&1 || die "apt-get update of $_suite on $_uri failed (log $_a/log)"
	# shellcheck disable=SC2086
	(cd "$_dir" && apt-get "$@" $_cmd "$_pkg") >>"$_a/log" 2>&1 && return 0
	if grep -q 'Can not find version\|Unable to find a source package\|Version .* was not found\|404' "$_a/log"; then
		die "the mirror ($_uri, $_suite) no longer serves $_pkg: update the pin in $_where"
	fi
	die "apt-get $_cmd $_pkg from $_suite failed (log $_a/log)"
}

# Where things go in CACHE.
base_of() { echo "$CACHE/$1/base"; }       # git: the target on branch "base"
tree_of() { echo "$CACHE/$1/applied"; }    # git: branch "base" + the series on "series"
# kernel objects of TARGET, CONFIG (see kmake), and what build.sh makes
# for TARGET; a KCONFIG build has its own (a later run without it must
# not take them)
obj_of() { echo "$CACHE/$1/obj-$2${KCONFIG:+-kconfig}"; }
out_of() { echo "$CACHE/$1/out${KCONFIG:+-kconfig}"; }

# kselftest_of TARGET: the static kselftest that build.sh made for TARGET.
kselftest_of() {
	_k=$(find "$(out_of "$1")/kselftest" -maxdepth 1 -type f -perm -u+x 2>/dev/null | head -n 1)
	[ -n "$_k" ] || die "$1: no kselftest in $(out_of "$1")/kselftest (the build check makes it)"
	echo "$_k"
}

# commit_base SUBJECT [BODY]: a deterministic commit of everything in the
# current directory (a base), on branch "base": the same files give the
# same commit id everywhere.
commit_base() {
	git init -q -b base .
	git add -A -f .
	GIT_AUTHOR_NAME=aen-series GIT_AUTHOR_EMAIL=base@aen-series.invalid \
	GIT_COMMITTER_NAME=aen-series GIT_COMMITTER_EMAIL=base@aen-series.invalid \
	GIT_AUTHOR_DATE=2000-01-01T00:00:00+00:00 GIT_COMMITTER_DATE=2000-01-01T00:00:00+00:00 \
		git -c core.autocrlf=false commit -q --no-verify -m "$1" ${2:+-m "$2"}
}

# owned SERIES: the files of the repository that belong to SERIES alone
# (its series file, patches/, backport mails Mm.y/, b4-cover,
# checkpatch.exceptions, MAINTAINERS.snippet, selftests/), relative.
owned() {
	_d=; [ "$1" = . ] || _d=$1/
	git -C "$REPO" -c core.quotePath=false ls-files -co --exclude-standard -- "${_d}series" "${_d}patches/" ":(glob)${_d}*.y/**" \
		"${_d}b4-cover" "${_d}checkpatch.exceptions" "${_d}MAINTAINERS.snippet" "${_d}selftests/"
}
# The environment knobs that checks read (the README's Variables): each is
# part of every memo_key, so that a run with one set never stands for a
# run without it.
MEMO_KNOBS="CYCLES VG_CYCLES NR BOOT_TIMEOUT BOOT_APPEND QEMU QEMU_USER CROSS_CC HOSTCC"
# The other variables the tooling reads with a default (${X:-...}), none a
# knob of a verdict: CACHE (in the key); KSRC, KCONFIG (no verdict is kept
# with them); SEED (its files are in the key); JOBS, MAKEFLAGS (how many
# at once); CHECKS, FRESH (which checks run, whether verdicts are reused);
# CCACHE_DIR, XDG_CACHE_HOME, TMPDIR, KEEP (where things go, what is kept);
# set by the tooling itself: AEN_CHECK, AEN_LOCKED, AEN_SENDER_*, VERDICT_KEY, GOALS,
# and what a check gives the scripts it runs (AEN_TREE, BASE, OUT,
# PARTIAL, RECORDS, REPO, TREE). Check verdict-key holds both lists to the
# code, and to what a check's environment holds (sandbox).
NOT_KNOBS="CACHE KSRC KCONFIG SEED JOBS MAKEFLAGS CHECKS FRESH CCACHE_DIR XDG_CACHE_HOME TMPDIR KEEP
	AEN_CHECK AEN_LOCKED AEN_SENDER_EMAIL AEN_SENDER_NAME AEN_SENDER_READ VERDICT_KEY GOALS AEN_TREE BASE OUT PARTIAL RECORDS REPO TREE"
# sandbox CMD...: CMD with no other environment than the variables of
# MEMO_KNOBS and NOT_KNOBS that are set, PATH, HOME (an empty folder of the
# cache: no one's ~/.checkpatch.conf or b4 settings; ccache's are the
# cache's, or CCACHE_DIR's) and the C.UTF-8 locale. So a check reads no
# variable the verdict key does not know of (KCFLAGS, LLVM, CC for kbuild
# ...), but through MAKEFLAGS, which check.sh starts empty.
sandbox() {
	for _v in $MEMO_KNOBS $NOT_KNOBS; do
		eval "_x=\${$_v+set}"
		[ -z "$_x" ] || eval "set -- \"$_v=\$$_v\" \"\$@\""
	done
	mkdir -p "$CACHE/home"
	env -i PATH="$PATH" HOME="$CACHE/home" LC_ALL=C.UTF-8 "$@"
}
# tools_id: what the tooling builds and checks with: the installed
# packages and their versions, the sparse scripts/build-sparse.sh built.
tools_id() {
	dpkg-query -W -f '${Package} ${Version}\n'
	basename "$CACHE"/sparse/.built-*
}
# recipe_key FILE...: a key of how something is made: FILE... (the
# scripts that make it) and tools_id.
recipe_key() {
	for _f; do [ -f "$_f" ] || die "recipe_key: no $_f"; done
	{ cat "$@"; tools_id; } | sha256sum | cut -c1-16
}
# memo_key [SERIES...]: a key of all that a check (or the part of it that
# works on SERIES... and the series they go after) can read: every file of
# the repository, committed or not, but those that belong to other
# series; the seed; the installed packages; sparse; the CACHE path; the
# MEMO_KNOBS.
memo_key() {
	_keep=$(for _s in "$@"; do while [ -n "$_s" ]; do echo "$_s"; _s=$(after "$_s" || true); done; done)
	{ cd "$REPO" && { [ $# = 0 ] || for _s in $(all_series); do
			echo "$_keep" | grep -qxF -- "$_s" || owned "$_s"
		done; echo /; git -c core.quotePath=false ls-files -co --exclude-standard; } |
		awk '$0 == "/" { f = 1; next } !f { x[$0] = 1; next } !($0 in x)' |
		while IFS= read -r _f; do [ ! -f "$_f" ] || sha256sum "$_f"; done
		_seed=${SEED:-$REPO/../shared/seed}
		[ ! -d "$_seed" ] || find "$_seed" -type f -exec sha256sum {} + | LC_ALL=C sort
		for _k in $MEMO_KNOBS; do eval "echo $_k=\${$_k-}"; done
		tools_id; echo "$CACHE"; } |
		sha256sum | cut -c1-16
}
# memo NAME SERIES... -- CMD...: run CMD, the part NAME of a check, which
# works on SERIES.... Under check.sh (AEN_CHECK), but with KSRC or
# KCONFIG: when it passed before under the same memo_key, what it printed
# then is printed again instead (not with FRESH set), and what it prints
# when it passes is kept, replacing the part's older one. A part that
# fails or skips is not kept; under check.sh the check goes on with its
# other parts and check.sh gives it the parts' result
# ($CACHE/logs/CHECK.parts: NAME, exit code, last line); run by hand, the
# check ends with the part's exit code.
memo() {
	_n=$1 _ss=
	shift
	while [ "$1" != -- ]; do _ss="$_ss $1"; shift; done
	shift
	mkdir -p "$CACHE/verdicts/parts"
	_f=
	if [ -n "${AEN_CHECK:-}" ] && [ -z "${KSRC:-}${KCONFIG:-}" ]; then
		# shellcheck disable=SC2086
		_f=$CACHE/verdicts/parts/$ME-$_n-$(memo_key $_ss)
		if [ -f "$_f" ] && [ -z "${FRESH:-}" ]; then
			cat "$_f"
			echo "$ME: $_n: as in an earlier run (nothing it reads changed)"
			return 0
		fi
	fi
	_o=$(mktemp "$CACHE/verdicts/parts/.out.XXXXXX")
	_rc=0
	# (in the background, so that set -e holds in it: left of || it would not)
	"$@" >"$_o" 2>&1 &
	wait $! || _rc=$?
	cat "$_o"
	if [ "$_rc" != 0 ]; then
		[ -n "${AEN_CHECK:-}" ] || { rm -f "$_o"; exit "$_rc"; }
		echo "$_n $_rc $(grep -v '^[[:space:]]*$' "$_o" | tail -n 1)" >>"$CACHE/logs/$AEN_CHECK.parts"
		rm -f "$_o"
		return 0
	fi
	# (not kept when what it reads changed while it ran: it may have read
	# either)
	# shellcheck disable=SC2086
	[ -z "$_f" ] || [ "$_f" = "$CACHE/verdicts/parts/$ME-$_n-$(memo_key $_ss)" ] || _f=
	[ -z "$_f" ] || rm -f "$CACHE/verdicts/parts/$ME-$_n"-????????????????
	if [ -n "$_f" ]; then mv "$_o" "$_f"; else rm -f "$_o"; fi
}
# memo_end: before a check's closing line, which speaks for all its
# parts: the check ends there if one did not pass (check.sh says which).
memo_end() {
	[ -z "${AEN_CHECK:-}" ] || [ ! -s "$CACHE/logs/$AEN_CHECK.parts" ] || exit 0
}

# How kernels are built (kmake) and what a kernel build reads
# (kbuild_reads_changed): a file of their own, so that the keys of what
# is built with them hold it whole (recipe_key).
. "$REPO/scripts/kbuild.sh"
