# TAP helpers for guest test scripts (busybox sh), and what they share.
# Source it.
#   check NAME CMD...        ok if CMD succeeds
#   check_out NAME WANT CMD... ok if CMD succeeds and prints exactly WANT
#   check_fails NAME CODE CMD... ok if CMD exits with CODE
#   check_err NAME CODE WANT CMD... ok if CMD exits with CODE printing WANT
#   nobody CMD...            CMD as uid/gid 65534, no groups, no capability
tap_n=0
_tap() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; fi
}
check() {
	name=$1; shift
	if out=$("$@" 2>&1); then _tap 0 "$name"; else echo "# $name: $out"; _tap 1 "$name"; fi
}
check_out() {
	name=$1 want=$2; shift 2
	if out=$("$@" 2>&1) && [ "$out" = "$want" ]; then _tap 0 "$name"
	else echo "# $name: wanted [$(echo "$want" | head -c 200)], got [$(echo "$out" | head -c 200)]"; _tap 1 "$name"; fi
}
check_fails() {
	name=$1 code=$2; shift 2
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" = "$code" ]; then _tap 0 "$name"
	else echo "# $name: wanted exit $code, got $rc: $out"; _tap 1 "$name"; fi
}
check_err() {
	name=$1 code=$2 want=$3; shift 3
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" = "$code" ] && [ "$out" = "$want" ]; then _tap 0 "$name"
	else echo "# $name: wanted exit $code [$want], got exit $rc [$(echo "$out" | head -c 200)]"; _tap 1 "$name"; fi
}
tap_done() { echo "1..$tap_n"; }
nobody() { /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
