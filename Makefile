# zPCI AEN interpretation setup for KVM/s390: kernel patch series (see README.md).
#   make          install tools, fetch the primary target, apply the series,
#                 build the kernel, kvm.ko and the kselftest into out/
#   make check    every check of checks/ on every target of `targets`;
#                 ends with "N passed, N failed[, N skipped]"
#   make tree     SERIES/tree: the series as git commits, for editing
#   make export   regenerate SERIES/patches/ etc. from SERIES/tree
#   make mbox     the series as one threaded mbox: out/series.mbox (out/followup.mbox;
#                 the GIB fix, upstream/, is sent with b4: see README)
#   make bench    figures (printed, never asserted)
# Variables: SERIES=. (the 5.10 series), upstream or followup; KSRC=/path/to/linux
# (your tree, used on a copy); KCONFIG=/path/to/.config (build with your
# config); CACHE=dir; JOBS=n. See scripts/lib.sh for the defaults.
SERIES ?= .
export KSRC KCONFIG CACHE JOBS SEED CHECKS FRESH

.PHONY: all deps check tree export mbox bench clean

all:
	@./scripts/build.sh

deps:
	@./scripts/deps.sh

check:
	+@./scripts/check.sh

tree:
	@./scripts/tree.sh $(SERIES)

export:
	@./scripts/export.sh $(SERIES)

mbox:
	@./scripts/mbox.sh $(SERIES)

bench:
	@./scripts/bench.sh

clean:
	rm -rf out
