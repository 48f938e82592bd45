#!/bin/bash
# The whole test suite: host unit tests, then the VM tests. Ends with
# `N passed, N failed` (and skips, if any); exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RGNL_ROOT"

passed=0 failed=0 skipped=0
results=$(mktemp -d /tmp/rgnl-tests.XXXXXX)
count() { # count NAME OK: one test result
	if [ "$2" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

log "host: cargo test (client)"
if (cd tools && cargo test --quiet 2>&1) | tee "$results/cargo.log"; then :; fi
while read -r p f; do
	passed=$((passed + p)) failed=$((failed + f))
done < <(sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$results/cargo.log")
grep -q '^test result:' "$results/cargo.log" || count "cargo test ran" fail

# host_check NAME CMD...: a host-side check that passes when CMD succeeds.
host_check() {
	local name=$1; shift
	log "host: $name"
	if "$@" >"$results/check.log" 2>&1; then count "$name" ok; else cat "$results/check.log"; count "$name" fail; fi
}
kdir=${KDIR:-$(tools/testing/vm/kernel.sh ${RGNL_DEBUG:-})}
ksrc=$(tree_source "$kdir")
log "kernel: $kdir"
kernel_rust=(rust samples tools/testing/modules tools/testing/compile-fail)
host_check "rustfmt --check (kernel .rustfmt.toml) of the kernel Rust code" \
	bash -c "rustfmt --check --edition 2021 --config-path '$ksrc/.rustfmt.toml' \$(find ${kernel_rust[*]} -name '*.rs' ! -name genl_bindings.rs)"
# Touching the layer's crate root rebuilds the layer and every family on it.
# The kernel's clippy flags include undocumented_unsafe_blocks: every unsafe
# block of the layer has its SAFETY comment.
host_check "clippy on the layer and the kernel modules (SAFETY comments included): no warnings" \
	bash -c "touch rust/genl/lib.rs && make --no-print-directory module CLIPPY=1 2>&1 | tee /dev/stderr | { ! grep -qE '^(warning|error)'; }"
# The compiler proves each family free of unsafe code, if its crate says so.
host_check "every family crate root has #![forbid(unsafe_code)]" \
	tools/testing/check-forbid-unsafe.sh "${kernel_rust[@]}"
# The specs validate against the tree's schemas as they are read.
host_check "the code generated from the YNL specs is up to date (make gen)" \
	env KSRC="$ksrc" tools/testing/generate.sh --check
host_check "cargo fmt --check (client)" bash -c "cd tools && cargo fmt --check"
host_check "cargo clippy -D warnings (client)" bash -c "cd tools && cargo clippy --quiet --all-targets -- -D warnings"

# KASAN and lockdep make the debug kernel several times slower under TCG.
slowdown=1
[ -n "${RGNL_DEBUG:-}" ] && slowdown=4

# count_tap NAME FILE: count the TAP lines of suite NAME in FILE: "ok"
# passes, "ok ... # SKIP" skips, "not ok" failures, and a missing plan fails.
count_tap() {
	local ns nf
	ns=$(grep -c '^ok .*# SKIP' "$2")
	skipped=$((skipped + ns))
	passed=$((passed + $(grep -c '^ok ' "$2") - ns))
	nf=$(grep -c '^not ok ' "$2")
	failed=$((failed + nf))
	grep '^not ok ' "$2" | sed 's/^/FAILED: /'
	grep -q '^1\.\.[0-9]' "$2" || count "$1: TAP plan printed (script ran to the end)" fail
}

# Host-only, or timings: the debug kernel's run would repeat them unchanged.
if [ -z "${RGNL_DEBUG:-}" ]; then
	log "host: compile-fail tests of the layer"
	tools/testing/compile-fail/run.sh "$kdir" | tee "$results/compile-fail.tap"
	count_tap compile-fail "$results/compile-fail.tap"
	log "host: ynl-gen-rust.py on broken specs"
	tools/testing/ynl-gen-rust-errors.sh "$ksrc" | tee "$results/gen-errors.tap"
	count_tap gen-errors "$results/gen-errors.tap"
	log "host: a Rust client from every genetlink spec of the tree (user mode, clippy -D warnings)"
	tools/testing/clients.sh "$ksrc" | tee "$results/clients.tap"
	count_tap clients "$results/clients.tap"
	# The program the families suite runs, built on the clients just generated.
	grep -q '^ok .* - families:' "$results/clients.tap" && families=tools/target/clients/release/families
	host_check "a limit changed in rgnl.yaml alone: make gen changes the generated files only (module and client built for the limits suite)" \
		tools/testing/limit-change.sh "$kdir" "$results/limit"
	# Timings are never pass/fail: the smoke checks that make bench runs, the
	# twins answer alike, and every row is printed.
	host_check "make bench smoke (-icount): the C twins answer byte for byte alike, every row printed" \
		tools/testing/bench.sh --smoke
fi

# The VM suites run side by side, RGNL_JOBS at a time (default: one per host
# CPU; a TCG guest keeps about one busy). Each one's output is printed whole
# when it ends.
max_jobs=${RGNL_JOBS:-$(nproc)}
[[ $max_jobs =~ ^[1-9][0-9]*$ ]] || { echo "RGNL_JOBS must be a number >= 1, not '$max_jobs'" >&2; exit 2; }
suites=() reported=" "

# report_ended: print and count every suite that has ended since the last call.
report_ended() {
	local name rc
	for name in "${suites[@]}"; do
		[[ $reported == *" $name "* ]] && continue
		[ -f "$results/$name.rc" ] || continue
		reported+="$name "
		rc=$(cat "$results/$name.rc")
		log "vm: $name ended (exit $rc)"
		cat "$results/$name.err" "$results/$name.tap"
		count "$name: VM run (exit $rc, kernel log without splats)" "$([ "$rc" = 0 ] && echo ok)"
		# A shell suite calling what does not exist loses its results
		# silently: the shell's own "not found" fails the suite.
		count "$name: every command the suite calls exists" \
			"$(grep -qE '^\./[a-z_]+\.sh: line [0-9]+: .*: not found' "$results/$name.tap" "$results/$name.err" || echo ok)"
		count_tap "$name" "$results/$name.tap"
	done
}

# vm_suite NAME SCRIPT [RUN.SH OPTIONS]: start a guest TAP script once a job
# slot is free; every ok/not ok line counts, and the VM run itself (timeout,
# splat, exit status) counts as one more. A Python kselftest (SCRIPT.py, in
# tools/testing/selftests/) runs from where it stands in the tree, under
# /ksrc beside the kernel's net/lib/py (python-layer.sh): give it --python.
vm_suite() {
	local name=$1 script=$2 run file
	shift 2
	run="sh ./$(basename "$script")" file=$script
	if [[ $script == *.py ]]; then
		# (7.x's ksft colours its results on a terminal, as the serial
		# console is: no longer KTAP lines.)
		run="NO_COLOR=1 python3 /ksrc/$script" file=$script:/ksrc/$script
	fi
	while (($(jobs -rp | wc -l) >= max_jobs)); do
		wait -n || true
		report_ended
	done
	log "vm: $name started"
	suites+=("$name")
	{
		RGNL_VM_LOGDIR=$results/$name tools/testing/vm/run.sh --timeout $((300 * slowdown)) "$@" \
			--file rust/rgnl.ko --file samples/rgnl_echo/rgnl_echo.ko --file tools/target/release/rgnl \
			--file tools/target/release/dump_intr --file tools/target/release/bulk \
			--file tools/target/release/fuzz --file tools/target/release/failnth \
			--file tools/target/release/small_reader \
			--file tools/target/release/runtime_check \
			--file tools/testing/modules/rgnl_ltest/rgnl_ltest.ko \
			--file tools/target/selftests/rgnl_test \
			--file Documentation/netlink/specs/rgnl.yaml --file tools/testing/guest/spec_check.py \
			--file tools/testing/guest/tap.sh --file "$ksrc/tools/testing/selftests/kselftest/ktap_helpers.sh" \
			--file "$file" \
			"$run" >"$results/$name.tap" 2>"$results/$name.err"
		# Renamed into place: report_ended never reads it half-written.
		echo $? >"$results/$name.rc.tmp" && mv "$results/$name.rc.tmp" "$results/$name.rc"
	} &
}

# The kselftests, built here (static) against the tree's harness and YNL.
host_check "kselftests build (kselftest_harness.h, YNL C code generated from the spec)" \
	make -s -C tools/testing/selftests/rgnl KSRC="$ksrc" OUTPUT="$RGNL_ROOT/tools/target/selftests" \
	PYTHON=/usr/bin/python3

# The initramfs layers are built here once, not by suites starting together
# (they would write the same files). Without them no suite can run.
if tools/testing/vm/initramfs.sh >/dev/null && tools/testing/vm/python-layer.sh >/dev/null; then
	# ynl-gen-rust.py against the tree's ynl-gen-c (tools/testing/codegen/):
	# stub families of the same specs, built here, compared through nlctrl
	# in the VM; and the generator's golden files (Linux 6.12's specs).
	host_check "codegen: stub families from ynl-gen-c and from ynl-gen-rust (the same specs) build" \
		tools/testing/codegen/build.sh "$kdir"
	if [ "$(tree_version "$kdir")" = 6.12 ]; then
		host_check "codegen: ynl-gen-rust's output for 6.12's handshake, netdev, mptcp_pm is the golden files'" \
			tools/testing/codegen/golden.sh --check "$ksrc"
	else
		log "host: codegen golden files: skipped (they are Linux 6.12's specs)"
		skipped=$((skipped + 1))
	fi
	codegen=$(tools/testing/codegen/build.sh --dir "$kdir")
	# The longest first, so that the others run beside them: the fuzzer
	# and the lifecycle faults, two halves that keep both CPUs busy on the
	# debug kernel, where they are the critical path.
	vm_suite faults tools/testing/guest/faults.sh --timeout $((1200 * slowdown))
	vm_suite lifecycle tools/testing/guest/lifecycle.sh --timeout $((1200 * slowdown))
	# (Every generated family of the tree: about 3 min on 6.12 and 7.3; on
	# the debug kernel over 50 min, beside faults, which it slows as much:
	# CI's 90 minutes do not hold both. The normal kernels' runs compare
	# the families; the debug run would only repeat that slowly.)
	if [ -n "${RGNL_DEBUG:-}" ]; then
		log "vm: codegen: skipped on the debug kernel (run on 6.12 and 7.3; over 50 min here)"
		skipped=$((skipped + 1))
	elif [ -f "$codegen/pairs.txt" ]; then
		vm_suite codegen tools/testing/guest/codegen.sh --python --timeout $((900 * slowdown)) --file "$codegen:codegen"
	fi
	[ -f "$results/limit/rgnl.ko" ] && vm_suite limits tools/testing/guest/limits.sh --python \
		--file "$results/limit/rgnl.ko:limit/rgnl.ko" --file "$results/limit/rgnl:limit/rgnl" \
		--file "$results/limit/rgnl.yaml:limit/rgnl.yaml"
	# The Python kselftests find beside them the shared library, the
	# modules and their specs.
	sel=tools/testing/selftests/rgnl ksel=/ksrc/tools/testing/selftests/rgnl
	ltest=tools/testing/modules/rgnl_ltest typed=tools/testing/modules/rgnl_typed
	beside=(--file "$sel/rgnl_lib.py:$ksel/rgnl_lib.py"
		--file "rust/rgnl.ko:$ksel/rgnl.ko" --file "Documentation/netlink/specs/rgnl.yaml:$ksel/rgnl.yaml"
		--file "samples/rgnl_echo/rgnl_echo.ko:$ksel/rgnl_echo.ko"
		--file "Documentation/netlink/specs/rgnl_echo.yaml:$ksel/rgnl_echo.yaml"
		--file "$ltest/rgnl_ltest.ko:$ksel/rgnl_ltest.ko" --file "$ltest/rgnl_ltest.yaml:$ksel/rgnl_ltest.yaml")
	vm_suite registry $sel/registry.py --python --timeout $((900 * slowdown)) "${beside[@]}"
	vm_suite events $sel/events.py --python --timeout $((900 * slowdown)) "${beside[@]}"
	vm_suite basic $sel/basic.py --python "${beside[@]}"
	vm_suite layer $sel/layer.py --python "${beside[@]}"
	vm_suite cli tools/testing/guest/cli.sh
	vm_suite ynl tools/testing/guest/ynl.sh --python
	vm_suite runtime tools/testing/guest/runtime.sh
	vm_suite layer_edges $sel/layer_edges.py --python "${beside[@]}"
	vm_suite typed $sel/typed.py --python "${beside[@]}" \
		--file $typed/rgnl_typed.ko:$ksel/rgnl_typed.ko --file $typed/rgnl_typed.yaml:$ksel/rgnl_typed.yaml
	vm_suite kselftest tools/testing/guest/kselftest.sh
	if [ -n "${families:-}" ]; then
		mutated=()
		[ -e "$families-mutated" ] &&
			mutated=(--file "$families-mutated:/ksrc/tools/testing/selftests/rgnl/families-mutated")
		vm_suite families tools/testing/selftests/rgnl/families.py --python \
			--file "$families:/ksrc/tools/testing/selftests/rgnl/families" "${mutated[@]}"
	else
		# Its program is built with the host checks, which the debug
		# kernel's run does not repeat.
		log "vm: families: skipped (no families program built in this run)"
		skipped=$((skipped + 1))
	fi
else
	count "the VM's initramfs layers build (no suite ran)" fail
fi
while (($(jobs -rp | wc -l) > 0)); do
	wait -n || true
	report_ended
done
report_ended
# A suite whose job left no exit status (killed) fails; its tests are lost.
for name in "${suites[@]}"; do
	[[ $reported == *" $name "* ]] || count "$name: VM run left an exit status" fail
done

echo "logs: $results"
echo "$passed passed, $failed failed, $skipped skipped"
((failed == 0))
