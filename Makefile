# zPCI AEN interpretation setup for KVM/s390 on Linux 5.10.223.
#   make          install tools, fetch the base, apply the series, build into out/
#   make check    every check; ends with "N passed, N failed"
#   make tree     git work tree of the series for editing (tree/)
#   make export   regenerate patches/, series, selftests/, MAINTAINERS.snippet from tree/
#   make bench    figures (printed, not asserted)
#   make mbox     the series as one threaded mbox for b4/git am/mail: out/series.mbox
# Variables: KSRC=/path/to/linux (your tree instead of the download),
# CACHE=dir (default /var/cache/aen-series), JOBS=n.
CACHE ?= /var/cache/aen-series
KSRC ?=
JOBS ?= $(shell nproc)
export CACHE KSRC JOBS

.PHONY: all deps check tree export bench mbox clean

all:
	@tree=$$(./scripts/prepare.sh | tail -n 1) && ./scripts/build.sh "$$tree" out

deps:
	@./scripts/deps.sh

check:
	@./scripts/check.sh

tree:
	@./scripts/deps.sh && ./scripts/fetch-base.sh && ./scripts/tree.sh "$(CACHE)/base"

export:
	@./scripts/export.sh tree

bench:
	@./scripts/bench.sh

mbox:
	@tree=$$(./scripts/prepare.sh | tail -n 1) && TREE=$$tree ./scripts/mbox.sh out/series.mbox

clean:
	rm -rf out
