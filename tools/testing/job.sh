#!/bin/bash
# One job of make test (a target of suites.mk): runs it, keeps its output
# under the results directory R, and prints it when it ends. run-tests.sh
# counts the results from R once every job has ended.
#
#   job.sh R NAME check WHAT CMD...   a host check: one result, ok if CMD succeeds
#   job.sh R NAME tap WHAT CMD...     CMD prints TAP (ok / not ok lines, a plan)
#   job.sh R NAME cargo WHAT CMD...   CMD is cargo test: its "test result:" lines
#   job.sh R NAME vm WHAT TEST[:DST] [RUN.SH OPTIONS]
#                                     a kselftest, run in the VM by the
#                                     kernel's runner
#
# Leaves R/NAME.kind, R/NAME.what, R/NAME.out (what the job printed; for a
# VM suite its TAP, R/NAME.err run.sh's own messages) and R/NAME.rc, the
# exit status, written last: a job without it did not end; and if the job
# worked, R/NAME.ok.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
(($# >= 5)) || die "usage: job.sh R NAME check|tap|cargo|vm WHAT CMD..."
r=$1 name=$2 kind=$3 what=$4
shift 4
cd "$RGNL_ROOT" || exit 2
# Each job's makes and cargos are its own: suites.mk's jobserver is not
# passed to them (they would run at -j1).
unset MAKEFLAGS MFLAGS MAKELEVEL
rm -f "$r/$name".*
echo "$kind" >"$r/$name.kind"
echo "$what" >"$r/$name.what"
out=$r/$name.out
start=$(date +%H:%M:%S) t0=$SECONDS

# vm_files: the test programs, which every suite finds on the guest's PATH
# (/rgnl).
vm_files() {
	local p
	for p in rgnl dump_intr bulk fuzz failnth small_reader; do
		echo --file "tools/target/release/$p"
	done
}

case $kind in
check | tap | cargo)
	"$@" >"$out" 2>&1
	rc=$?
	;;
vm)
	# A kselftest (SRC, a .py that stands in this tree where it stands in
	# the kernel's, or SRC:DST with DST under the VM's
	# /ksrc/tools/testing/selftests/COLLECTION/) runs as the kernel's runner
	# runs it (run_kselftest.sh, its output nested under its own KTAP line),
	# beside the kernel's net/lib/py (run.sh --python); KSFT_SETUP and
	# KSFT_TEARDOWN, if set, run before and after it in the guest (a
	# teardown that fails fails the run).
	script=$1 dst=
	shift
	[[ $script == *:* ]] && dst=${script#*:} script=${script%%:*}
	dst=${dst:-/ksrc/$script}
	ksel=/ksrc/tools/testing/selftests
	[[ $dst == $ksel/*/* ]] || die "job.sh: $dst is not a kselftest under $ksel/COLLECTION/"
	test=${dst#"$ksel"/}
	echo "${test%%/*}:${test#*/}" >"$r/$name.list"
	runner=()
	for f in run_kselftest.sh kselftest/runner.sh kselftest/ktap_helpers.sh; do
		runner+=(--file "$KSRC/tools/testing/selftests/$f:$ksel/$f")
	done
	runner+=(--file "$r/$name.list:$ksel/kselftest-list.txt")
	# (7.x's ksft colours its results on a terminal, as the serial
	# console is: no longer KTAP lines.)
	# (The guest runs the command with sh -e.)
	run="${KSFT_SETUP:+$KSFT_SETUP; }cd $ksel; rc=0; NO_COLOR=1 ./run_kselftest.sh || rc=\$?"
	run="$run${KSFT_TEARDOWN:+; $KSFT_TEARDOWN || rc=1}; exit \$rc"
	err=$r/$name.err
	# shellcheck disable=SC2046 # vm_files prints options, split on purpose
	RGNL_VM_LOGDIR=$r/$name tools/testing/vm/run.sh "$@" $(vm_files) "${runner[@]}" \
		--file "$script:$dst" "$run" >"$out" 2>"$err"
	rc=$?
	;;
*) die "job.sh: unknown kind $kind" ;;
esac

# What it printed: whole for TAP and VM suites, only on failure for a
# check, cargo's summary lines for cargo.
{
	echo "[rgnl $(date +%H:%M:%S)] $name: $what: exit $rc (started $start, $((SECONDS - t0)) s)"
	case $kind in
	check) [ "$rc" = 0 ] || cat "$out" ;;
	cargo) grep -E '^(test result:|error|failures:|---- )' "$out" ;;
	vm) cat "$err" "$out" ;;
	tap) cat "$out" ;;
	esac
} >&2
# Renamed into place: a job killed half-way leaves no status.
echo "$rc" >"$r/$name.rc.tmp" && mv "$r/$name.rc.tmp" "$r/$name.rc"
# The stamp, suites.mk's target: make starts the jobs that need this one
# only if it worked. The results are counted by run-tests.sh either way.
[ "$rc" != 0 ] || touch "$r/$name.ok"
exit "$rc"
