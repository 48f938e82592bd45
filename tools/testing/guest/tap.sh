# KTAP for the guest's shell suites (busybox sh), on the kernel tree's own
# kselftest/ktap_helpers.sh (passed in beside this file): a result per
# check, then the plan and the "# Totals" line. And what the suites share.
# Source it.
#   check NAME CMD...               ok if CMD succeeds
#   check_out NAME WANT CMD...      ok if CMD succeeds and prints exactly WANT
#   check_fails NAME CODE CMD...    ok if CMD exits with CODE
#   check_err NAME CODE WANT CMD... ok if CMD exits with CODE printing WANT
#   result RC NAME                  ok if RC (a status already taken) is 0
#   skip NAME WHY                   a check that cannot run here
#   tap_done                        the plan and the totals
#   nobody CMD...                   CMD as uid/gid 65534, no groups, no capability
. ./ktap_helpers.sh
ktap_print_header
# ktap_helpers echoes a description unquoted: no globbing of it.
_ktap() { set -f; "$@"; set +f; }
_pass() { _ktap ktap_test_pass "$1"; }
_fail() { _ktap ktap_test_fail "$1"; }
check() {
	name=$1; shift
	if out=$("$@" 2>&1); then _pass "$name"; else echo "# $name: $out"; _fail "$name"; fi
}
check_out() {
	name=$1 want=$2; shift 2
	if out=$("$@" 2>&1) && [ "$out" = "$want" ]; then _pass "$name"
	else echo "# $name: wanted [$(echo "$want" | head -c 200)], got [$(echo "$out" | head -c 200)]"; _fail "$name"; fi
}
check_fails() {
	name=$1 code=$2; shift 2
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" = "$code" ]; then _pass "$name"
	else echo "# $name: wanted exit $code, got $rc: $out"; _fail "$name"; fi
}
check_err() {
	name=$1 code=$2 want=$3; shift 3
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" = "$code" ] && [ "$out" = "$want" ]; then _pass "$name"
	else echo "# $name: wanted exit $code [$want], got exit $rc [$(echo "$out" | head -c 200)]"; _fail "$name"; fi
}
result() { if [ "$1" = 0 ]; then _pass "$2"; else _fail "$2"; fi; }
skip() { echo "# $1: $2"; _ktap ktap_test_skip "$1"; }
# The plan after the results (the count is known only then), and the
# totals; the exit status stays 0: failures are the results' to report.
tap_done() { ktap_set_plan $((KTAP_TESTNO - 1)); ktap_print_totals; }
nobody() { /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
