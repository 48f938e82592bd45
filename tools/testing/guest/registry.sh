# The rgnl family: the key/value registry through the rgnl client. Runs in
# the VM; every refusal is checked with its exit status and extack text.
set +e
. ./tap.sh
nobody() { /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
refused() { echo "rgnl: $1: kernel refused the request: $2"; }
ENOENT="No such file or directory (os error 2)"
EEXIST="File exists (os error 17)"
ENOSPC="No space left on device (os error 28)"
EINVAL="Invalid argument (os error 22)"
ERANGE="Numerical result out of range (os error 34)"
EPERM="Operation not permitted (os error 1)"
wait_listening() { for i in $(seq 50); do grep -q listening "$1" && return 0; sleep 0.1; done; return 1; }

check "insmod rgnl.ko" insmod rgnl.ko

# Success paths.
check_out "set creates (revision 1)" "colour	blue	tag=3 revision=1" rgnl set colour blue --tag 3
check_out "get returns it" "colour	blue	tag=3 revision=1" rgnl get colour
check_out "set replaces by default (revision 2, tag reset)" "colour	red	tag=0 revision=2" rgnl set colour red
check_out "--replace replaces an existing key" "colour	green	tag=0 revision=3" rgnl set --replace colour green
check_out "--json get" '{"key":"colour","value":{"text":"green","hex":"677265656e"},"tag":0,"revision":3}' rgnl --json get colour
check_out "hex value" "bin	0x00ff0a	tag=0 revision=4" rgnl set bin --hex 00ff0a
printf 'file\ncontents' >/tmp/value
check_out "@file value" "f	0x66696c650a636f6e74656e7473	tag=0 revision=5" rgnl set f @/tmp/value
check_out "empty value" "empty		tag=0 revision=6" rgnl set empty ""
k64=$(head -c 64 /dev/zero | tr '\0' k)
v4096=$(head -c 4096 /dev/zero | tr '\0' v)
check "64-byte key and 4096-byte value (the limits) are stored" rgnl set "$k64" "$v4096"
check_out "... and read back whole" "$v4096" sh -c "rgnl --json get $k64 | sed 's/.*\"text\":\"\([v]*\)\".*/\1/'"
check "del deletes" rgnl del "$k64"
check_out "list: every entry, in key order" "bin
colour
empty
f" sh -c "rgnl list | cut -f1"
check_out "list --prefix" "colour" sh -c "rgnl list --prefix co | cut -f1"
check_out "list --prefix with no match is empty" "" rgnl list --prefix zz
check_out "stats" "entries 4/131072
bytes 21/16777216
created 5
replaced 2
deleted 1
flushed 0
notifications 8
expired 0
audit-messages 0" rgnl stats
check_out "flush reports the entries removed" "flush	count=4" rgnl flush
check_out "list is empty after flush" "" rgnl list
check_out "echo" "ping" rgnl echo ping

# Errors, each with its extack.
rgnl set taken x >/dev/null
check_err "--excl on an existing key: EEXIST" 7 "$(refused set "$EEXIST: entry exists (at entry-new.key)")" rgnl set --create --excl taken y
check_err "--create without --replace on an existing key: EEXIST" 7 "$(refused set "$EEXIST: entry exists (at entry-new.key)")" rgnl set --create taken y
check_err "--replace on a missing key: ENOENT" 3 "$(refused set "$ENOENT: no such entry (at entry-new.key)")" rgnl set --replace missing y
check_err "get of a missing key: ENOENT" 3 "$(refused get "$ENOENT: no such entry (at entry-get.key)")" rgnl get missing
check_err "del of a missing key: ENOENT" 3 "$(refused del "$ENOENT: no such entry (at entry-del.key)")" rgnl del missing
check_err "empty key refused by the kernel: EINVAL" 6 "rgnl: request: kernel refused the request: $EINVAL: key must not be empty (at entry-new.key)" \
	rgnl raw 1 --attr 2=str: --attr 3=str:x
check_err "missing KEY: EINVAL" 6 "rgnl: request: kernel refused the request: $EINVAL: missing required attribute (missing entry-get.key)" \
	rgnl raw 2
check_err "65-byte key refused by the policy: EINVAL" 6 "rgnl: request: kernel refused the request: $EINVAL: Attribute failed policy validation (at entry-get.key)" \
	rgnl raw 2 --attr "2=str:${k64}k"
check_err "attribute the op does not take refused: EINVAL (past the op's policy, as ynl-gen-c sizes it)" 6 "rgnl: request: kernel refused the request: $EINVAL: Unknown attribute type (at entry-get.tag)" \
	rgnl raw 2 --attr 2=str:taken --attr 4=u32:1
check_err "client refuses a 65-byte key before sending" 6 "rgnl: key must be 1 to 64 bytes without NUL" rgnl set "${k64}k" x
check_err "client refuses a 4097-byte value before sending" 6 "rgnl: value is 4097 bytes, at most 4096 fit" rgnl set big "${v4096}v"
check_err "client refuses --excl with --replace (NLM_F_DUMP bits)" 6 "rgnl: --excl and --replace cannot be combined (together they mean NLM_F_DUMP)" rgnl set --excl --replace k v
check_err "client refuses bad hex" 6 "rgnl: \"zz\" is not a hex byte: invalid digit found in string" rgnl set k --hex zz
check_err "limits-set needs a limit: EINVAL" 6 "$(refused limits "$EINVAL: max-entries or max-bytes required")" rgnl limits
check_err "limits-set out of range: ERANGE" 6 "$(refused limits "$ERANGE: integer out of range (at limits-set.max-entries)")" rgnl limits --max-entries 0

# Limits: ENOSPC, and recovery after flush.
# Held: "taken" (1 byte); then a and b (4 bytes each): 3 entries, 9 bytes.
check "limits: 4 entries, 10 bytes" rgnl limits --max-entries 4 --max-bytes 10
rgnl set a 1234 >/dev/null; rgnl set b 1234 >/dev/null
check_err "value bytes over the limit: ENOSPC" 8 "$(refused set "$ENOSPC: value byte limit of the namespace reached (at entry-new.value)")" rgnl set c 1234
check "a replace that shrinks the bytes is fine" rgnl set b 12
check "the fourth entry fits" rgnl set d x
check_err "entries over the limit: ENOSPC" 8 "$(refused set "$ENOSPC: entry limit of the namespace reached")" rgnl set e x
check_out "nothing was stored by the refused sets" "a b d taken" sh -c 'echo $(rgnl list | cut -f1)'
check_out "usage at the limits" "entries 4/4
bytes 8/10" sh -c 'rgnl stats | sed -n 1,2p'
check "flush" rgnl flush
check "after flush the namespace takes entries again" rgnl set e x
check "limits restored" rgnl limits --max-entries 131072 --max-bytes 16777216

# Permissions: reads and subscriptions are open, writes need CAP_NET_ADMIN
# over the namespace.
check "unprivileged get" nobody rgnl get e
check "unprivileged list" nobody rgnl list
check "unprivileged stats" nobody rgnl stats
check_err "unprivileged set: EPERM" 4 "$(refused set "$EPERM")" nobody rgnl set x y
check_err "unprivileged del: EPERM" 4 "$(refused del "$EPERM")" nobody rgnl del e
check_err "unprivileged flush: EPERM" 4 "$(refused flush "$EPERM")" nobody rgnl flush
check_err "unprivileged limits: EPERM" 4 "$(refused limits "$EPERM")" nobody rgnl limits --max-entries 5
check_out "unprivileged writer in its own user+net namespace: allowed there" "mine	x	tag=0 revision=1" \
	nobody /usr/bin/unshare -Urn rgnl set mine x
check_err "... and the entry is not in the initial namespace" 3 "$(refused get "$ENOENT: no such entry (at entry-get.key)")" rgnl get mine

# Notifications: NEW, DEL and FLUSH in order; nothing across namespaces.
# Revisions are per namespace and move on every change: find where they are.
rgnl flush >/dev/null
r=$(rgnl --json set probe x | sed 's/.*"revision":\([0-9]*\).*/\1/')
rgnl del probe >/dev/null
timeout 10 rgnl monitor --count 4 >/tmp/mon 2>/tmp/mon.err &
mon=$!
timeout 5 /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups \
	/usr/bin/unshare -Urn rgnl monitor --count 1 >/tmp/mon2 2>/tmp/mon2.err &
mon2=$!
check "listener joined events (as root)" wait_listening /tmp/mon.err
check "listener in another netns joined (unprivileged)" wait_listening /tmp/mon2.err
rgnl set n1 one --tag 1 >/dev/null; rgnl set n1 uno >/dev/null; rgnl del n1 >/dev/null; rgnl set n2 two >/dev/null
wait $mon
check_out "monitor saw NEW, NEW (replace), DEL, NEW in order" "new	n1	one	tag=1 revision=$((r + 2))
new	n1	uno	tag=0 revision=$((r + 3))
del	n1	uno	tag=0 revision=$((r + 3))
new	n2	two	tag=0 revision=$((r + 5))" cat /tmp/mon
timeout 10 rgnl --json monitor --count 1 >/tmp/mon 2>/tmp/mon.err &
mon=$!
wait_listening /tmp/mon.err
rgnl flush >/dev/null
wait $mon
check_out "monitor --json sees FLUSH with its count" '{"event":"flush","count":1}' cat /tmp/mon
wait $mon2
check_out "the other netns saw no notification" "" cat /tmp/mon2
check_out "the other netns sees none of the entries" "" /usr/bin/unshare -n rgnl list

# Ops without attributes refuse them: FLUSH with a PREFIX must not flush all.
rgnl set keep x >/dev/null
check_err "FLUSH refuses an attribute (a PREFIX is no filter): EINVAL" 6 \
	"rgnl: request: kernel refused the request: $EINVAL: Unknown attribute type (at flush.prefix)" rgnl raw 4 --attr 11=str:zz
check_out "... and flushed nothing" "keep" sh -c 'rgnl list | cut -f1'
check_err "STATS_GET refuses an attribute: EINVAL" 6 \
	"rgnl: request: kernel refused the request: $EINVAL: Unknown attribute type (at stats-get.count)" rgnl raw 5 --attr 7=u32:1
rgnl flush >/dev/null

# Dumps any reader can take. Values of the spec's maximum (4096 bytes) make
# ENTRY messages of 4.2 KB, over one netlink page; the rule (rgnl.yaml's
# doc): readers need a buffer of 8 KiB, and one of 4 KiB gets every message
# that fits it and MSG_TRUNC for each that does not, never a short dump
# that looks complete.
bulk fill 300 m >/dev/null
check_out "4 KiB reader, small values only: every entry, nothing truncated" "entries=300 truncated=0 filtered=0 done=0" small_reader 4096
rgnl set a-first "$v4096" >/dev/null; rgnl set m000150-middle "$v4096" >/dev/null; rgnl set z-last "$v4096" >/dev/null
check_out "rgnl list: every entry with 4096-byte values first, in the middle and last" 303 sh -c 'rgnl list | wc -l'
check_out "rgnl list: those values whole" "a-first 4096
m000150-middle 4096
z-last 4096" sh -c "rgnl list | awk -F'\t' 'length(\$2) > 100 { print \$1, length(\$2) }'"
check_out "8 KiB reader: every entry, nothing truncated" "entries=303 truncated=0 filtered=0 done=0" small_reader 8192
check_out "4 KiB reader: the 300 that fit, MSG_TRUNC for each of the 3 that do not" "entries=300 truncated=3 filtered=0 done=0" small_reader 4096
# A read length that is no multiple of 4 sizes the next dump skbs: their
# messages are not 4-byte aligned, and must still be whole.
check_out "5001-byte reader (unaligned dump skbs): every entry, nothing truncated" "entries=303 truncated=0 filtered=0 done=0" small_reader 5001
check_out "a PREFIX dump flags its 10 messages and NLMSG_DONE NLM_F_DUMP_FILTERED" "entries=10 truncated=0 filtered=11 done=0" small_reader 8192 m00001
rgnl flush >/dev/null

# 100,000 entries: one dump returns every one exactly once, in order.
check_out "fill 100000 entries" "filled 100000" bulk fill 100000 k
check_out "stats count 100000" "entries 100000/131072" sh -c 'rgnl stats | sed -n 1p'
check_out "dump: all 100000, each once, in key order, values intact" "verified 100000" bulk verify 100000 k
check_out "dump with PREFIX k0999: its 100 entries, in order" "verified 100" bulk verify 100 k k0999
check_out "dump with PREFIX k05: its 10000 entries, in order" "verified 10000" bulk verify 10000 k k05
rgnl list >/tmp/all
check_out "rgnl list prints 100000 lines" 100000 sh -c 'wc -l < /tmp/all'
check "rgnl list is sorted and has no duplicates" sh -c 'cut -f1 /tmp/all | sort -c -u'
check_out "dump during a change is flagged NLM_F_DUMP_INTR" "interrupted 100000" bulk intr
check_out "the same dump without a change is consistent" "consistent 100001" bulk intr --no-change
check_out "flush removes them all" "flush	count=100001" rgnl flush

# Namespace teardown frees its entries (kmemleak checks it on the debug kernel).
check "a namespace with entries goes away" /usr/bin/unshare -n sh -c 'for i in 1 2 3; do rgnl set t$i x >/dev/null || exit 1; done'
# A client whose family goes away under it says so (the CLI's exit 5), not
# ENOENT: the genetlink core answers ENOENT, without a message, on a family
# id no longer registered.
bulk stale 3 >/tmp/stale 2>/tmp/stale.err &
stale=$!
for i in $(seq 100); do grep -q connected /tmp/stale.err && break; sleep 0.1; done
check "rmmod with entries present" sh -c 'rgnl set last x >/dev/null && rmmod rgnl'
wait $stale
check_out "a request on the id of an unloaded family: \"not loaded\"" "not loaded" cat /tmp/stale
check_err "the CLI without the module: exit 5" 5 "rgnl: generic netlink family \"rgnl\" not found: is its module loaded?" rgnl get k
tap_done
