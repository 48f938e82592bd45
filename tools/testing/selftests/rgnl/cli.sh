#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The rgnl CLI itself: its text and --json output, value parsing (@file,
# --hex), what it refuses before sending, its error lines and exit codes.
# What the family does is tested by tools/testing/selftests/rgnl/*.py; here
# only what the CLI adds. Runs in the VM (busybox sh), the module (rgnl.ko)
# beside it, the CLI on PATH.
set +e
# KTAP on the kernel tree's own kselftest/ktap_helpers.sh: a result per
# check, then the plan and the "# Totals" line.
#   check NAME CMD...               ok if CMD succeeds
#   check_out NAME WANT CMD...      ok if CMD succeeds and prints exactly WANT
#   check_err NAME CODE WANT CMD... ok if CMD exits with CODE printing WANT
cd "$(dirname "$0")" || exit 1
. ../kselftest/ktap_helpers.sh
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
check_err() {
	name=$1 code=$2 want=$3; shift 3
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" = "$code" ] && [ "$out" = "$want" ]; then _pass "$name"
	else echo "# $name: wanted exit $code [$want], got exit $rc [$(echo "$out" | head -c 200)]"; _fail "$name"; fi
}
nobody() { /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
refused() { echo "rgnl: $1: kernel refused the request: $2"; }
k64=$(head -c 64 /dev/zero | tr '\0' k)
v4096=$(head -c 4096 /dev/zero | tr '\0' v)

check "insmod rgnl.ko" insmod rgnl.ko
check "family prints the family id nlctrl resolved" sh -c "rgnl family | grep -qE '^[0-9]+$'"

# Output: an entry is KEY TAB VALUE TAB tag=N revision=N [ttl=Nms]; values
# that are not text print as hex.
check_out "set prints the stored entry" "colour	blue	tag=3 revision=1" rgnl set colour blue --tag 3
check_out "get prints it" "colour	blue	tag=3 revision=1" rgnl get colour
check_out "--json get: value as text and hex" '{"key":"colour","value":{"text":"blue","hex":"626c7565"},"tag":3,"revision":1}' \
	rgnl --json get colour
check_out "--hex value, printed as hex" "bin	0x00ff0a	tag=0 revision=2" rgnl set bin --hex 00ff0a
printf 'file\ncontents' >/tmp/value
check_out "@file value: the file's bytes" "f	0x66696c650a636f6e74656e7473	tag=0 revision=3" rgnl set f @/tmp/value
check_out "empty value" "empty		tag=0 revision=4" rgnl set empty ""
check_out "list: one line per entry, in key order" "bin
colour
empty
f" sh -c "rgnl list | cut -f1"
check_out "stats" "entries 4/131072
bytes 20/16777216
created 4
replaced 0
deleted 0
flushed 0
notifications 4
expired 0
audit-messages 0" rgnl stats
check_out "del prints the deleted entry" "f	0x66696c650a636f6e74656e7473	tag=0 revision=3" rgnl del f
check_out "--json flush: the event as monitor --json prints it" '{"event":"flush","count":3}' rgnl --json flush
check_out "flush prints the count" "flush	count=0" rgnl flush
check_out "echo prints the value back" "ping" rgnl echo ping
check "set --ttl shows the time left" sh -c 'rgnl set lease v --ttl 1h | grep -qE "^lease	v	tag=0 revision=8 ttl=[0-9]+ms$"'
check "--json get has ttl-ms" sh -c 'rgnl --json get lease | grep -qE "\"ttl-ms\": ?[0-9]+"'
rgnl del lease >/dev/null
check_out "set --notify-owner prints the entry, then its expiry, and exits 0" "owned	v	tag=0 revision=10
expired	owned	v	tag=0 revision=10" sh -c 'set -o pipefail; rgnl set --ttl 300ms --notify-owner owned v | sed "s/ ttl=[0-9]*ms\$//"'

# Refused before sending: exit 6 (2 for clap's own errors).
check_err "a 65-byte key" 6 "rgnl: key must be 1 to 64 bytes without NUL" rgnl set "${k64}k" x
check_err "a 4097-byte value" 6 "rgnl: value is 4097 bytes, at most 4096 fit" rgnl set big "${v4096}v"
check_err "--excl with --replace (NLM_F_DUMP bits)" 6 "rgnl: --excl and --replace cannot be combined (together they mean NLM_F_DUMP)" \
	rgnl set --excl --replace k v
check_err "bad hex" 6 "rgnl: \"zz\" is not a hex byte: invalid digit found in string" rgnl set k --hex zz
check_err "a TTL of 0: a bad command line, exit 2" 2 "" sh -c 'rgnl set k v --ttl 0 >/dev/null 2>&1; exit $?'

# The kernel's refusals: the error line with its extack, and the exit code.
rgnl set taken x >/dev/null
check_err "EEXIST: exit 7" 7 "$(refused set "File exists (os error 17): entry exists (at entry-new.key)")" \
	rgnl set --create --excl taken y
check_err "ENOENT: exit 3" 3 "$(refused get "No such file or directory (os error 2): no such entry (at entry-get.key)")" \
	rgnl get missing
check_err "EINVAL: exit 6" 6 "$(refused limits "Invalid argument (os error 22): max-entries or max-bytes required")" rgnl limits
check_err "ERANGE: exit 6" 6 "$(refused limits "Numerical result out of range (os error 34): integer out of range (at limits-set.max-entries)")" \
	rgnl limits --max-entries 0
check_err "missing attribute: named in the error line" 6 \
	"rgnl: request: kernel refused the request: Invalid argument (os error 22): missing required attribute (missing entry-get.key)" rgnl raw 2
rgnl limits --max-entries 1 >/dev/null
check_err "ENOSPC: exit 8" 8 "$(refused set "No space left on device (os error 28): entry limit of the namespace reached")" rgnl set e x
rgnl limits --max-entries 131072 >/dev/null
check_err "EPERM: exit 4" 4 "$(refused set "Operation not permitted (os error 1)")" nobody rgnl set x y
check "joining audit refused (EPERM): exit 4" sh -c \
	'out=$(/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups rgnl monitor --audit 2>&1); [ $? = 4 ] && echo "$out" | grep -q "(os error 1)"'

# Without the module.
check "rmmod rgnl" rmmod rgnl
check_err "the CLI without the module: exit 5" 5 "rgnl: generic netlink family \"rgnl\" not found: is its module loaded?" rgnl get k
# The plan after the results (the count is known only then), the totals,
# and the exit status: a failure fails the test for the runner too.
ktap_set_plan $((KTAP_TESTNO - 1))
ktap_finished
