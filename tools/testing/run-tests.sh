#!/bin/bash
# The whole test suite: the host checks and the VM suites, side by side
# (suites.mk, one job each). Ends with `N passed, N failed, N skipped`;
# exits non-zero on any failure.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RGNL_ROOT"

passed=0 failed=0 skipped=0
results=$(mktemp -d /tmp/rgnl-tests.XXXXXX)
count() { # count NAME OK: one test result
	if [ "$2" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

kdir=${KDIR:-$(tools/testing/vm/kernel.sh ${RGNL_DEBUG:-})}
ksrc=$(tree_source "$kdir")
version=$(tree_version "$kdir")
log "kernel: $kdir"

# count_tap NAME FILE: count the TAP lines of job NAME in FILE: "ok"
# passes, "ok ... # SKIP" skips, "not ok" failures, and a missing plan fails.
# Under the kernel's kselftest runner ("# selftests: COLLECTION: TEST"),
# each test's own results, nested under "# ", count too, beside the
# runner's line for the whole test (its exit status).
count_tap() {
	local ns nf nest=
	grep -q '^# selftests: ' "$2" && nest='\(# \)\{0,1\}'
	ns=$(grep -c "^${nest}ok .*# SKIP" "$2")
	skipped=$((skipped + ns))
	passed=$((passed + $(grep -c "^${nest}ok " "$2") - ns))
	nf=$(grep -c "^${nest}not ok " "$2")
	failed=$((failed + nf))
	grep "^${nest}not ok " "$2" | sed 's/^/FAILED: /'
	grep -q '^1\.\.[0-9]' "$2" || count "$1: TAP plan printed (script ran to the end)" fail
	# (The runner prints its own plan first: the test's must be there too.)
	[ -z "$nest" ] || grep -q '^# 1\.\.[0-9]' "$2" ||
		count "$1: the test's own KTAP plan printed" fail
}

# count_job NAME: the results of one job of suites.mk (job.sh's files).
count_job() {
	local name=$1 r=$results/$1 rc what p f
	if [ ! -f "$r.rc" ]; then
		count "$name: ran (a job it needs failed, or it was killed)" fail
		return
	fi
	rc=$(cat "$r.rc") what=$(cat "$r.what")
	case $(cat "$r.kind") in
	check) count "$what" "$([ "$rc" = 0 ] && echo ok)" ;;
	tap) count_tap "$name" "$r.out" ;;
	cargo)
		while read -r p f; do
			passed=$((passed + p)) failed=$((failed + f))
		done < <(sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$r.out")
		grep -q '^test result:' "$r.out" && [ "$rc" = 0 ] || count "$what ran and passed" fail
		;;
	vm)
		count "$name: VM run (exit $rc, kernel log without splats)" "$([ "$rc" = 0 ] && echo ok)"
		# A shell suite calling what does not exist loses its results
		# silently: the shell's own "not found" fails the suite. (The
		# serial console ends lines with CR: no $ in the pattern.)
		count "$name: every command the suite calls exists" \
			"$(grep -qE '^(# )?\./[a-z_]+\.sh: line [0-9]+: .*: not found' "$r.out" "$r.err" || echo ok)"
		count_tap "$name" "$r.out"
		;;
	esac
}

# Every job, side by side (suites.mk): make -j, one job more than the host
# has CPUs by default (a TCG guest keeps about one busy, and waits at
# times); -k: a failed job stops only those that need it.
jobs=${RGNL_JOBS:-$(($(nproc) + 1))}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || { echo "RGNL_JOBS must be a number >= 1, not '$jobs'" >&2; exit 2; }
mk=(env RGNL_RESULTS="$results" RGNL_KDIR="$kdir" RGNL_KSRC="$ksrc" RGNL_VERSION="$version"
	RGNL_DEBUG="${RGNL_DEBUG:-}" make --no-print-directory -f tools/testing/suites.mk)
if [ -n "${RGNL_DEBUG:-}" ]; then
	# The host checks see the same tree as the normal kernel's run, and
	# its suites compare every family and client (codegen and families:
	# most of an hour here, beside the faults).
	log "debug kernel: host checks, codegen, families and limits are the normal kernel's run's (skipped)"
	skipped=$((skipped + 1))
else
	if [ "$version" != 6.12 ]; then
		log "codegen golden files: skipped (they are Linux 6.12's specs)"
		skipped=$((skipped + 1))
	fi
	if [ "${RGNL_TREE_CHECKS:-}" = 0 ]; then
		log "the checks of the tree alone ($("${mk[@]}" tree-checks)): skipped (RGNL_TREE_CHECKS=0)"
		skipped=$((skipped + 1))
	fi
fi
log "jobs: $("${mk[@]}" jobs)"
"${mk[@]}" -j"$jobs" -k builds || true
"${mk[@]}" -j"$jobs" -k all || true
for name in $("${mk[@]}" jobs); do
	count_job "$name"
done

echo "logs: $results"
echo "$passed passed, $failed failed, $skipped skipped"
((failed == 0))
