# The graph of `make check`, run by scripts/check.sh: one target per check
# of checks/, made with one jobserver that the kernel builds inside the
# checks share. A check declares in its header comment
#   # needs: NAME...   (or -) it runs only when these passed in this run
#                      (else it fails, or skips where one skipped)
#   # after: NAME...   it waits for these when they run too, whatever
#                      their result: the checks that read what it writes;
#                      "all": every other check but those that need it or
#                      come after it (directly or not); one check at most
#   # kept: no         its verdict is never reused (check.sh)
# GOALS (from check.sh, in the environment) are the checks asked for. A
# recipe ends well whatever its check's result (check.sh --run records
# it), so that one failing check stops only the checks that need it.
# (Never make -n: the recipes are recursive, and run.)
FILES := $(wildcard checks/[0-9]*-*)
name = $(patsubst checks/%,%,$(shell echo '$1' | sed 's|[0-9]*-||'))
field = $(filter-out -,$(shell sed -n 's/^[#] $2: *//p' $1))
$(foreach f,$(FILES),$(eval NEEDS_$(call name,$f) := $(call field,$f,needs)) \
	$(eval AFTER_$(call name,$f) := $(call field,$f,after)) $(eval FILE_$(call name,$f) := $f))
# closure NAMES: NAMES and all they need
closure = $(sort $1 $(foreach c,$1,$(call closure,$(NEEDS_$c))))
RUN := $(call closure,$(GOALS))
# users NAME [SEEN]: the checks of RUN that need NAME or come after it,
# directly or not; before NAME: the checks of RUN it waits for
# (SEEN: where it has been, so that a cycle in the headers ends)
users = $(foreach d,$(filter-out $2,$(RUN)),$(if $(filter $1,$(NEEDS_$d) $(AFTER_$d)),$d $(call users,$d,$2 $1)))
ALLS := $(foreach c,$(RUN),$(if $(filter all,$(AFTER_$c)),$c))
$(if $(word 2,$(ALLS)),$(error more than one check says "after: all": $(ALLS)))
before = $(if $(filter all,$(AFTER_$1)),$(filter-out $1 $(ALLS) $(call users,$1),$(RUN)),$(filter $(RUN),$(AFTER_$1)))

define rule
$1: $(NEEDS_$1) | $(call before,$1)
	+@scripts/check.sh --run $(FILE_$1) $(NEEDS_$1)
endef
$(foreach c,$(RUN),$(eval $(call rule,$c)))

all: $(RUN)
# (check.sh: the checks that GOALS make run, in file order)
list:
	@echo $(foreach f,$(FILES),$(filter $(call name,$f),$(RUN)))
.PHONY: all list $(RUN)
