# The genetlink layer, through the rgnl_echo sample: do, dump resume, strict
# policy, GETPOLICY. Runs in the VM.
set +e
. ./tap.sh
echo_() { rgnl --family rgnl_echo raw "$@"; }

check "insmod rgnl_echo.ko (second family on the layer)" insmod rgnl_echo.ko
check_out "sample ECHO returns TEXT (\"hi\\\\0\") and COUNT 1" "1=686900 2=1 5=1 6=0" echo_ 1 --attr 1=str:hi

t=$(head -c 200 /dev/zero | tr '\0' a)
echo_ 2 --dump --attr 2=u32:2000 --attr 1=str:$t >/tmp/seq 2>/tmp/seq.err
# 2000 messages of ~216 bytes: ~430 KB, so the dump resumed over many skbs.
check_out "dump: 2000 messages over many skbs" 2000 sh -c 'wc -l < /tmp/seq'
check "dump: every index once, in order" \
	awk '{ split($1, a, "="); if (a[1] != 3 || a[2] != NR - 1) exit 1 } END { exit NR != 2000 }' /tmp/seq
check_out "dump: not flagged interrupted (nothing changed)" "" cat /tmp/seq.err

check_fails "strict policy: COUNT out of range refused" 6 echo_ 2 --dump --attr 2=u32:0
check_err "strict policy: range refusal is ERANGE, extack \"integer out of range\"" 6 "rgnl: dump: kernel refused the request: Numerical result out of range (os error 34): integer out of range (at 2.2)" \
	echo_ 2 --dump --attr 2=u32:10001
check_err "required attribute missing: EINVAL, the layer's extack message" 6 "rgnl: request: kernel refused the request: Invalid argument (os error 22): missing required attribute (missing 1.1)" \
	echo_ 1
check_err "strict policy: unknown attribute (type 3 on ECHO) refused with extack" 6 "rgnl: request: kernel refused the request: Invalid argument (os error 22): Unknown attribute type (at 1.3)" \
	echo_ 1 --attr 1=str:x --attr 3=u32:1
# 0x61616161 is "aaaa" with no NUL: not a NUL_STRING.
check_err "strict policy: string without its NUL refused (EINVAL) with extack" 6 "rgnl: request: kernel refused the request: Invalid argument (os error 22): Attribute failed policy validation (at 1.1)" \
	echo_ 1 --attr 1=u32:1633771873

# Per-network-namespace state: ECHO reports the namespace's ECHO count.
check_out "netns state: second ECHO counts 2" "1=6100 2=2 5=3 6=2" echo_ 1 --attr 1=str:a
check_out "netns state: third ECHO counts 3" "1=6100 2=3 5=4 6=3" echo_ 1 --attr 1=str:a
check_out "netns state: a new netns starts at 1" "1=6100 2=1 5=1 6=0" /usr/bin/unshare -n rgnl --family rgnl_echo raw 1 --attr 1=str:a
check_out "netns state: the first netns is unaffected (4)" "1=6100 2=4 5=5 6=4" echo_ 1 --attr 1=str:a

# The spec's pre/post hooks count a namespace's doit requests (5: started,
# 6: finished); both run for a request whose doit fails, neither for one
# the policy refuses.
check_out "the pre and post hooks run around every doit" "1=6100 2=1 5=1 6=0
1=6100 2=2 5=3 6=2" /usr/bin/unshare -n sh -c 'rgnl --family rgnl_echo raw 1 --attr 1=str:a
rgnl --family rgnl_echo raw 1 2>/dev/null
rgnl --family rgnl_echo raw 1 --attr 1=str:x --attr 3=u32:1 2>/dev/null
rgnl --family rgnl_echo raw 1 --attr 1=str:a'

# Permissions: RESET is GENL_UNS_ADMIN_PERM.
nobody() { /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
check_err "admin op refused to an unprivileged user: EPERM" 4 "rgnl: request: kernel refused the request: Operation not permitted (os error 1)" \
	nobody rgnl --family rgnl_echo raw 3
check "admin op allowed in the user's own user+net namespace" nobody /usr/bin/unshare -Urn rgnl --family rgnl_echo raw 3
check "unprivileged user may use the non-admin ECHO" nobody rgnl --family rgnl_echo raw 1 --attr 1=str:a

# Multicast: RESET notifies group events with the old count (5: four
# ECHOs above, one by nobody).
wait_listening() { for i in $(seq 50); do grep -q listening "$1" && return 0; sleep 0.1; done; return 1; }
timeout 10 rgnl --family rgnl_echo monitor --raw --count 1 >/tmp/mon 2>/tmp/mon.err &
mon=$!
timeout 3 /usr/bin/unshare -n rgnl --family rgnl_echo monitor --raw --count 1 >/tmp/mon2 2>/tmp/mon2.err &
mon2=$!
check "subscriber joined group events" wait_listening /tmp/mon.err
check "subscriber in another netns joined too" wait_listening /tmp/mon2.err
check "RESET as root" echo_ 3
wait $mon
check_out "subscriber received RESET (cmd 3) with the old COUNT" "3 2=5" cat /tmp/mon
wait $mon2
check_out "no notification crossed into the other netns" "" cat /tmp/mon2

policy=$(genl ctrl policy name rgnl_echo 2>&1)
echo "$policy" | sed 's/^/# /'
check "GETPOLICY: ECHO has a do policy, SEQ a dump policy" sh -c "echo '$policy' | grep -q 'op 1 policies: do=' && echo '$policy' | grep -q 'op 2 policies: dump='"
check "GETPOLICY: TEXT is NUL_STRING max 255" sh -c "echo '$policy' | grep -q 'attr\[1\]: type=NUL_STRING max len:255'"
check "GETPOLICY: COUNT is U32 range [1,10000]" sh -c "echo '$policy' | grep -q 'attr\[2\]: type=U32 range:\[1,10000\]'"
# NLM_F_DUMP_INTR: an ECHO from a second socket after the first message of
# a 2000-message dump changes the generation the dump tracks.
check_out "dump flagged NLM_F_DUMP_INTR when the data changes under it" "interrupted 2000" dump_intr 2000
check_out "the same dump without a change is consistent" "consistent 2000" dump_intr 2000 --no-change

check_err "RESET takes no attributes: one is refused (EINVAL), not ignored" 6 "rgnl: request: kernel refused the request: Invalid argument (os error 22): Unknown attribute type (at 3.2)" \
	echo_ 3 --attr 2=u32:1
check "rmmod rgnl_echo" rmmod rgnl_echo

# The layer at its edges, through the test family rgnl_ltest
# (tools/testing/modules/rgnl_ltest): a zero-sized NetState whose new()
# admits only the first namespace, attributes and nests longer than nla_len
# can say, an op without attributes.
lt() { rgnl --family rgnl_ltest raw "$@"; }
/usr/bin/unshare -n sleep 60 &
held=$!
sleep 0.5
check_err "a zero-sized NetState's new() runs for every namespace: refusing the second fails insmod" 28 \
	"insmod: can't insert 'rgnl_ltest.ko': No space left on device" insmod rgnl_ltest.ko
kill $held
wait $held
# The namespace is torn down asynchronously: retry until it is gone.
loads() { for i in $(seq 100); do insmod rgnl_ltest.ko 2>/dev/null && return 0; sleep 0.1; done; return 1; }
check "insmod rgnl_ltest.ko once the second namespace is gone" loads
check_fails "... and new() refuses a namespace created while it is loaded" 1 /usr/bin/unshare -n true
MSGSIZE="rgnl: request: kernel refused the request: Message too long (os error 90)"
check_out "put of 65531 bytes (nla_len 65535, the most): delivered whole" "3 65531" \
	sh -c "rgnl --family rgnl_ltest raw 1 --attr 1=u32:65531 | awk -F= '{ print \$1, length(\$2) / 2 }'"
check_err "put of 65532 bytes: EMSGSIZE (nla_len would wrap)" 1 "$MSGSIZE" lt 1 --attr 1=u32:65532
check_err "put of 70000 bytes: EMSGSIZE" 1 "$MSGSIZE" lt 1 --attr 1=u32:70000
check_out "a nest of 2 x 30000 bytes: delivered (payload 2 x 30004)" "4 60008" \
	sh -c "rgnl --family rgnl_ltest raw 1 --attr 1=u32:30000 --attr 2=flag: | awk -F= '{ print \$1, length(\$2) / 2 }'"
check_err "a nest of 2 x 40000 bytes (over 64 KiB): EMSGSIZE" 1 "$MSGSIZE" lt 1 --attr 1=u32:40000 --attr 2=flag:
check "an op without attributes takes a request without any" lt 2
check_err "... and refuses any attribute (EINVAL), as 7.x's core does without a policy" 6 \
	"rgnl: request: kernel refused the request: Invalid argument (os error 22): Unknown attribute type (at 2.1)" lt 2 --attr 1=u32:1
check_err "... of any type" 6 \
	"rgnl: request: kernel refused the request: Invalid argument (os error 22): Unknown attribute type (at 2.7)" lt 2 --attr 7=str:x
check_err "family code calling the module's init again: EBUSY (a storage registers once)" 1 \
	"rgnl: request: kernel refused the request: Device or resource busy (os error 16)" lt 3
check "... and the family still works" lt 2
check "joining a CAP_SYS_ADMIN group as nobody: EPERM" sh -c \
	'! out=$(/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups rgnl --family rgnl_ltest monitor admins --raw 2>&1) && echo "$out" | grep -q "(os error 1)"'
rgnl --family rgnl_ltest monitor admins --raw 2>/tmp/lt-mon & mon=$!
wait_listening() { for i in $(seq 50); do grep -q listening "$1" && return 0; sleep 0.1; done; return 1; }
check "root joins it" wait_listening /tmp/lt-mon
kill $mon; wait $mon 2>/dev/null
check_out "bind ran for root's join only, unbind for its close" "6=1 7=1" lt 4
check "rmmod rgnl_ltest" rmmod rgnl_ltest
tap_done
