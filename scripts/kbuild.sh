# Sourced by scripts/lib.sh (not run): how the tooling builds kernels.
# The keys of what is built with these hold this file (recipe_key):
# checks/70-bisect-build, scripts/build.sh, scripts/build-selftest.sh.

# kbuild_reads_changed TREE A B [beyond-kvm]: the trees (commits or tree
# ids) A and B of the git repository TREE differ in a file the kernel
# build reads: any Kconfig file, and anything but tools/, Documentation/
# and MAINTAINERS; with beyond-kvm, arch/s390/kvm/ but its Kconfig is left
# out too.
kbuild_reads_changed() {
	_d=$(git -C "$1" diff --name-only "$2" "$3") || die "git diff $2 $3 failed in $1"
	[ -n "$_d" ] || return 1
	echo "$_d" | awk -v k="${4:-}" '
		/(^|\/)Kconfig[^\/]*$/ { f = 1; exit }
		/^tools\// || /^MAINTAINERS$/ || /^Documentation\// { next }
		k == "beyond-kvm" && /^arch\/s390\/kvm\// { next }
		{ f = 1; exit }
		END { exit !f }'
}

# kmake SRC OBJ ARGS...: the kernel's make for s390x, Debian's cross
# compiler, ccache, the sparse that scripts/build-sparse.sh built.
# Every target's objects sit beside its tree (obj_of, tree_of), and ccache
# rewrites paths under CACHE relative to the object directory: a file that
# is the same in two targets (or at two bisect steps) is compiled once.
kmake() {
	_src=$1 _obj=$2
	shift 2
	command -v s390x-linux-gnu-gcc >/dev/null || die "s390x-linux-gnu-gcc not found (run make deps)"
	[ -x "$CACHE/sparse/bin/sparse" ] || die "no sparse in $CACHE/sparse (run make deps)"
	CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache} CCACHE_BASEDIR=$CACHE make -s -C "$_src" O="$_obj" ARCH=s390 \
		CROSS_COMPILE=s390x-linux-gnu- CC="ccache s390x-linux-gnu-gcc" \
		CHECK="$CACHE/sparse/bin/sparse" \
		KBUILD_BUILD_TIMESTAMP="Thu Jan  1 00:00:00 UTC 1970" \
		KBUILD_BUILD_USER=aen KBUILD_BUILD_HOST=aen ${JOBS:+-j"$JOBS"} "$@"
}
