# The jobs of make test, side by side: run-tests.sh runs
#
#   RGNL_RESULTS=DIR RGNL_KDIR=... make -f tools/testing/suites.mk -j$(nproc) -k all
#
# and counts their results from DIR (job.sh). A job starts once the jobs it
# needs have worked; make starts the rest in the order listed, the longest
# first, so that both CPUs stay busy to the end: the VM suites as soon as
# the modules, the programs and the initramfs are there, the host checks
# beside them. `make -f suites.mk jobs` lists the jobs of this kernel in
# that order.
#
# From run-tests.sh, in the environment (a variable on make's command line
# would reach every make below, the kernel's too, overriding its own):
# RGNL_RESULTS, RGNL_KDIR, RGNL_KSRC, RGNL_VERSION (6.12 or 7.3), RGNL_DEBUG
# (non-empty for the debug kernel, where the host checks are not repeated:
# the same tree's normal run has them).

SHELL := /bin/bash
.SUFFIXES:
R := $(RGNL_RESULTS)
KDIR := $(RGNL_KDIR)
export KSRC := $(RGNL_KSRC)
DEBUG := $(RGNL_DEBUG)
job := tools/testing/job.sh $(R)
# The VM timeouts guard against hangs, not against a loaded host: ynl (80 s
# alone) ran out of 300 s beside six other jobs. KASAN and lockdep make the
# debug kernel several times slower under TCG.
slow := $(if $(DEBUG),4,1)
secs = $(shell echo $$(($(1) * $(slow))))
sel := tools/testing/selftests/rgnl
ksel := /ksrc/$(sel)
ltest := tools/testing/modules/rgnl_ltest
typed := tools/testing/modules/rgnl_typed
codegen_dir = $(shell tools/testing/codegen/build.sh --dir $(KDIR))

# The Python kselftests find beside them the shared library, the modules
# and their specs.
beside := --file $(sel)/rgnl_lib.py:$(ksel)/rgnl_lib.py --file $(sel)/spec_check.py:$(ksel)/spec_check.py \
	--file $(sel)/settings:$(ksel)/settings \
	--file rust/rgnl.ko:$(ksel)/rgnl.ko --file Documentation/netlink/specs/rgnl.yaml:$(ksel)/rgnl.yaml \
	--file samples/rgnl_echo/rgnl_echo.ko:$(ksel)/rgnl_echo.ko \
	--file Documentation/netlink/specs/rgnl_echo.yaml:$(ksel)/rgnl_echo.yaml \
	--file $(ltest)/rgnl_ltest.ko:$(ksel)/rgnl_ltest.ko --file $(ltest)/rgnl_ltest.yaml:$(ksel)/rgnl_ltest.yaml

# The jobs, in the order make starts them: first what the VM suites need,
# and the host jobs a VM suite waits for (the codegen stubs, the clients
# and the limit-change tree: minutes of compiling each); then the VM
# suites, the longest first, with the other host checks among them.
# run-tests.sh makes the first group (`builds`) before the rest: make puts
# off a job whose prerequisites are still running until it has started
# everything else, which would leave the longest for last. codegen compares
# every generated family of the tree (on the debug kernel it would take
# most of an hour beside faults, and repeat what the normal kernels' runs
# compare); families needs the clients: neither runs on the debug kernel,
# where only the VM suites do.
#
# The checks of the tree alone, which no kernel changes, run unless
# RGNL_TREE_CHECKS=0: .ci/run runs them in its first part only.
gates := modules initramfs selftests
tree_checks := cargo-test cargo-clippy rustfmt cargo-fmt forbid-unsafe
ifeq ($(DEBUG),)
builds := $(gates) codegen-build clients limit-change
all_jobs := $(builds) lifecycle faults registry events compile-fail codegen families ynl \
	layer cargo-test limits basic typed cargo-clippy bench-smoke layer_edges kselftest cli runtime \
	rustfmt gen-check gen-errors cargo-fmt forbid-unsafe $(if $(filter 6.12,$(RGNL_VERSION)),golden)
ifeq ($(RGNL_TREE_CHECKS),0)
all_jobs := $(filter-out $(tree_checks),$(all_jobs))
endif
else
builds := $(gates)
all_jobs := $(builds) lifecycle faults registry events ynl layer basic typed layer_edges kselftest cli runtime
endif

# A job's target is its stamp, R/NAME.ok, which job.sh leaves when the job
# worked: make runs a job once, and not those whose prerequisite failed.
ok = $(patsubst %,$(R)/%.ok,$(1))
name = $(basename $(notdir $@))
.PHONY: all builds jobs tree-checks
all: $(call ok,$(all_jobs))
builds: $(call ok,$(builds))
jobs:
	@echo $(all_jobs)
tree-checks:
	@echo $(tree_checks)

# --- What the VM suites need ------------------------------------------------

# The modules (the test families and the C twins too), built here under clippy: the kernel's clippy flags include
# undocumented_unsafe_blocks, so every unsafe block of the layer has its
# SAFETY comment. Touching the layer's crate root rebuilds the layer and
# every family on it.
$(R)/modules.ok:
	@$(job) $(name) check "clippy on the layer and the kernel modules (SAFETY comments included): no warnings" \
		bash -c "set -o pipefail; touch rust/genl/lib.rs && KDIR=$(KDIR) make --no-print-directory test-modules CLIPPY=1 2>&1 | tee /dev/stderr | { ! grep -qE '^(warning|error)'; }"
# The initramfs layers, built once here, not by suites starting together
# (they would write the same files).
$(R)/initramfs.ok:
	@$(job) $(name) check "the VM's initramfs layers build" \
		bash -c "tools/testing/vm/initramfs.sh >/dev/null && tools/testing/vm/python-layer.sh >/dev/null"
# The kselftests, built here (static) against the tree's harness and YNL.
$(R)/selftests.ok:
	@$(job) $(name) check "kselftests build (kselftest_harness.h, YNL C code generated from the spec)" \
		make -s -C $(sel) KSRC=$(KSRC) OUTPUT=$(CURDIR)/tools/target/selftests PYTHON=/usr/bin/python3
vm_ready := $(call ok,$(gates))
# A Python kselftest of $(sel) (NAME.py for job NAME), the VM's timeout
# $(1) seconds (times slow), with what it finds beside it.
py_suite = $(job) $(name) vm "$(name).py" $(sel)/$(name).py --python --timeout $(call secs,$(1)) $(beside)

# --- VM suites --------------------------------------------------------------

# The fuzzer and the lifecycle faults: two halves that keep both CPUs busy
# on the debug kernel, where they are the critical path.
$(R)/lifecycle.ok $(R)/faults.ok: $(vm_ready)
	@$(call py_suite,1200)
$(R)/registry.ok $(R)/events.ok: $(vm_ready)
	@$(call py_suite,900)
$(R)/basic.ok $(R)/layer.ok $(R)/layer_edges.ok $(R)/ynl.ok: $(vm_ready)
	@$(call py_suite,600)
$(R)/typed.ok: $(vm_ready)
	@$(call py_suite,600) \
		--file $(typed)/rgnl_typed.ko:$(ksel)/rgnl_typed.ko --file $(typed)/rgnl_typed.yaml:$(ksel)/rgnl_typed.yaml
# The rgnl CLI's own suite, a shell kselftest.
$(R)/cli.ok: $(vm_ready)
	@$(job) $(name) vm "$(name).sh" $(sel)/$(name).sh:$(ksel)/$(name).sh --timeout $(call secs,600) $(beside)
# Programs run as kselftests, with the module loaded: the C kselftest
# (kselftest_harness.h) and the client runtime's checks against the kernel
# (tools/ynl, KTAP of its own).
program_kselftest_kselftest := tools/target/selftests/rgnl_test
program_kselftest_runtime := tools/target/release/runtime_check
$(R)/kselftest.ok $(R)/runtime.ok: $(vm_ready)
	@KSFT_SETUP="insmod $(ksel)/rgnl.ko" KSFT_TEARDOWN="rmmod rgnl" \
		$(job) $(name) vm "$(notdir $(program_kselftest_$(name)))" \
		$(program_kselftest_$(name)):$(ksel)/$(notdir $(program_kselftest_$(name))) \
		--timeout $(call secs,600) $(beside)
# ynl-gen-rust.py against the tree's ynl-gen-c: stub families of the same
# specs, built by codegen-build, compared through nlctrl in the VM.
$(R)/codegen.ok: $(vm_ready) $(R)/codegen-build.ok
	@$(job) $(name) vm "codegen.py" $(codegen_dir)/codegen.py:$(ksel)_codegen/codegen.py --python \
		--timeout $(call secs,900) --file $(codegen_dir):$(ksel)_codegen
# The generated clients of every spec of the tree against the kernel's own
# families (the program clients builds), and a mutated one that must fail.
families_bin := tools/target/clients/debug/families
$(R)/families.ok: $(vm_ready) $(R)/clients.ok
	@$(job) $(name) vm "families.py" $(sel)/families.py --python --timeout $(call secs,600) \
		--file $(sel)/settings:$(ksel)/settings --file $(families_bin):$(ksel)/families \
		$(if $(wildcard $(families_bin)-mutated),--file $(families_bin)-mutated:$(ksel)/families-mutated)
$(R)/limits.ok: $(vm_ready) $(R)/limit-change.ok
	@$(call py_suite,600) \
		--file $(R)/limit/rgnl.ko:$(ksel)/limit/rgnl.ko --file $(R)/limit/rgnl:$(ksel)/limit/rgnl \
		--file $(R)/limit/rgnl.yaml:$(ksel)/limit/rgnl.yaml

# --- Host checks ------------------------------------------------------------

$(R)/compile-fail.ok:
	@$(job) $(name) tap "compile-fail tests of the layer" tools/testing/compile-fail/run.sh $(KDIR)
$(R)/gen-errors.ok:
	@$(job) $(name) tap "ynl-gen-rust.py on broken specs" tools/testing/ynl-gen-rust-errors.sh $(KSRC)
$(R)/clients.ok:
	@$(job) $(name) tap "a Rust client from every genetlink spec of the tree (user mode, clippy -D warnings)" \
		tools/testing/clients.sh $(KSRC)
$(R)/limit-change.ok:
	@$(job) $(name) check "a limit changed in rgnl.yaml alone: make gen changes the generated files only (module and client built for the limits suite)" \
		tools/testing/limit-change.sh $(KDIR) $(R)/limit
$(R)/codegen-build.ok:
	@$(job) $(name) check "codegen: stub families from ynl-gen-c and from ynl-gen-rust (the same specs) build" \
		tools/testing/codegen/build.sh $(KDIR)
$(R)/golden.ok:
	@$(job) $(name) check "codegen: ynl-gen-rust's output for 6.12's handshake, netdev, mptcp_pm is the golden files'" \
		tools/testing/codegen/golden.sh --check $(KSRC)
# The client's crates share tools/target and its lock: one cargo at a time.
$(R)/cargo-test.ok:
	@$(job) $(name) cargo "cargo test (client)" bash -c "cd tools && cargo test --quiet"
$(R)/cargo-clippy.ok: $(R)/cargo-test.ok
	@$(job) $(name) check "cargo clippy -D warnings (client)" bash -c "cd tools && cargo clippy --quiet --all-targets -- -D warnings"
# Timings are never pass/fail: the smoke checks that make bench runs, the
# twins answer alike, and every row is printed.
$(R)/bench-smoke.ok: $(vm_ready) $(filter $(R)/cargo-clippy.ok,$(call ok,$(all_jobs)))
	@$(job) $(name) check "make bench smoke (-icount): the C twins answer byte for byte alike, every row printed" \
		tools/testing/bench.sh --smoke
$(R)/cargo-fmt.ok:
	@$(job) $(name) check "cargo fmt --check (client)" bash -c "cd tools && cargo fmt --check"
kernel_rust := rust samples tools/testing/modules tools/testing/compile-fail
$(R)/rustfmt.ok:
	@$(job) $(name) check "rustfmt --check (kernel .rustfmt.toml) of the kernel Rust code" \
		bash -c "rustfmt --check --edition 2021 --config-path $(KSRC)/.rustfmt.toml \$$(find $(kernel_rust) -name '*.rs' ! -name genl_bindings.rs)"
# The compiler proves each family free of unsafe code, if its crate says so.
$(R)/forbid-unsafe.ok:
	@$(job) $(name) check "every family crate root has #![forbid(unsafe_code)]" \
		tools/testing/check-forbid-unsafe.sh $(kernel_rust)
# The specs validate against the tree's schemas as they are read.
$(R)/gen-check.ok:
	@$(job) $(name) check "the code generated from the YNL specs is up to date (make gen)" \
		tools/testing/generate.sh --check
