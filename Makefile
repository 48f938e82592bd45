# rgnl: a generic netlink family in Rust. See README.md.
#
#   make run     build everything, boot the test VM, load rgnl, drive it
#   make test    the whole test suite (ends with "N passed, N failed")
#   make test DEBUG=1   the same on the debug kernel (KASAN, lockdep, kmemleak, ...)
#   make bench   Rust families against their C twins (Documentation/rgnl/benchmarks.rst)
#   make module  just the .ko files (KDIR=/path/to/prepared/tree to override)
#   make test-modules   the same, with the test families and the C twins
#   make gen     regenerate the code generated from the YNL specs
#   make new-family SPEC=foo.yaml DIR=path   a new family's module, from its spec
#   make CLIPPY=1 module   the same, with clippy on the Rust code
#
# KERNEL=7.3 does any of these on Linux 7.3 instead of 6.12 (the default).

SHELL := /bin/bash
TESTING := tools/testing
# The toolchain follows the tree's version (tools/testing/lib.sh).
KMAKE := $(TESTING)/kmake.sh

# KERNEL selects the kernel everywhere (deps, build, VM, tests).
KERNEL ?= $(or $(RGNL_KERNEL),6.12)
export RGNL_KERNEL := $(KERNEL)

.PHONY: all deps kernel module test-modules client progs run test bench clean gen new-family

all: module client

deps:
	@$(TESTING)/deps.sh

# DEBUG=1 selects the debug kernel variant everywhere (build, VM, tests).
export RGNL_DEBUG := $(if $(DEBUG),--debug)

kernel: deps
	@$(TESTING)/vm/kernel.sh $(RGNL_DEBUG) >/dev/null

# KDIR defaults to the cached test kernel (built on first use).
module: deps
	@kdir=$${KDIR:-$$($(TESTING)/vm/kernel.sh $(RGNL_DEBUG))} && \
	$(KMAKE) "$$kdir" M=$(CURDIR) $(if $(CLIPPY),CLIPPY=1) $(if $(TEST_MODULES),RGNL_TEST_MODULES=1) modules

# The test families (tools/testing/modules) and the C twins of make bench too.
test-modules:
	@$(MAKE) --no-print-directory module TEST_MODULES=1

client: deps
	cd tools && cargo build --release --quiet -p rgnl --bins

# The programs the tests and the benchmark run in the VM (tools/testing/progs).
progs: deps
	cd tools && cargo build --release --quiet -p rgnl-test-progs

run: module client
	@$(TESTING)/vm/run.sh --file rust/rgnl.ko --file tools/target/release/rgnl \
		--file $(TESTING)/guest/demo.sh 'sh ./demo.sh'

# (run-tests.sh builds the modules, under clippy.)
test: client progs
	@$(TESTING)/run-tests.sh

# Rust against C twins, deterministic (-icount) and wall-clock; writes
# Documentation/rgnl/benchmarks-results-$(KERNEL).rst.
bench: test-modules client progs
	@$(TESTING)/bench.sh

# The committed code tools/net/ynl/ynl-gen-rust.py generates from the specs.
gen: deps
	@$(TESTING)/generate.sh

# Scaffolds a family's out-of-tree module from its YNL spec (scripts/new-family.sh).
new-family: deps
	@scripts/new-family.sh "$(SPEC)" "$(DIR)"

# Removes build outputs without needing a kernel tree (never builds one).
clean:
	find rust samples tools/testing/modules tools/testing/twins -name '*.o' -o -name '*.ko' -o -name '*.rmeta' -o -name '*.mod' -o -name '*.mod.c' \
		-o -name '.*.cmd' -o -name '.*.d' -o -name 'genl_bindings.rs' -o -name 'genl_helpers.c' -o -name .clippy.toml \
		-o -name modules.order 2>/dev/null | xargs -r rm -f
	rm -f Module.symvers modules.order .module-common.o .*.cmd
	rm -rf tools/testing/twins/*/gen
	cd tools && cargo clean
