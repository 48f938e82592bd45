# What the kernel sends on its own: expiring entries and their
# notices (multicast and unicast to the owner), watches (per-socket state
# filtering the events group), the CAP_NET_ADMIN audit group, and unloading
# or tearing down a namespace with expiries pending. Runs in the VM.
set +e
. ./tap.sh
nobody() { /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
wait_listening() { for i in $(seq 600); do grep -q listening "$1" && return 0; sleep 0.1; done; return 1; }
# wait_for N FILE PATTERN: until FILE has N lines matching PATTERN (120 s at most).
# Waits are on events, never on time: TCG on a shared host runs at any speed.
wait_for() { for i in $(seq 1200); do [ "$(grep -c "$3" "$2")" -ge "$1" ] && return 0; sleep 0.1; done; return 1; }
stat_of() { rgnl stats | sed -n "s/^$1 //p"; }
# wait_stat NAME N: until the STATS counter NAME reaches N (120 s at most).
wait_stat() { for i in $(seq 1200); do [ "$(stat_of $1)" -ge "$2" ] && return 0; sleep 0.1; done; return 1; }
# monitor NAME [ARGS]: a monitor in the background, its output in /tmp/NAME.
monitor() { name=$1; shift; rgnl monitor "$@" >/tmp/$name 2>/tmp/$name.err & eval "pid_$name=\$!"; wait_listening /tmp/$name.err; }
stop() { for n in "$@"; do eval "kill \$pid_$n"; done; wait 2>/dev/null; }

check "insmod rgnl.ko" insmod rgnl.ko
# Monitors ask for 32 MiB of receive buffer: 10,000 notices come at once.
echo 33554432 >/proc/sys/net/core/rmem_max

# Expiry.
monitor all
check "set with --ttl 200ms shows the time left" sh -c 'rgnl set lease v --ttl 200ms | grep -qE "revision=1 ttl=(1[0-9][0-9]|200|[1-9][0-9]?)ms$"'
check "get shows the time left, at most the TTL" sh -c 'rgnl set hour v --ttl 1h >/dev/null && rgnl get hour | grep -qE "^hour	v	tag=0 revision=[0-9]+ ttl=[0-9]+ms$" && [ $(rgnl get hour | sed "s/.*ttl=//; s/ms//") -le 3600000 ]'
check "... and so does --json" sh -c 'rgnl --json get hour | grep -qE "\"ttl-ms\": ?[0-9]+"'
rgnl del hour >/dev/null
# Nobody reads it: the kernel's own work removes it.
check "a monitor saw its expiry notice (reason expired)" wait_for 1 /tmp/all '^expired	lease	v	tag=0 revision=1$'
check_err "after its TTL the entry is gone: ENOENT" 3 \
	"rgnl: get: kernel refused the request: No such file or directory (os error 2): no such entry (at entry-get.key)" rgnl get lease
check_out "stats counts it as expired" "1" stat_of expired
check_err "a TTL of 0 is refused before sending" 2 "" sh -c 'rgnl set k v --ttl 0 >/dev/null 2>&1; exit $?'
check_err "the kernel refuses a TTL over a day: ERANGE" 6 \
	"rgnl: request: kernel refused the request: Numerical result out of range (os error 34): integer out of range (at entry-new.ttl-ms)" \
	rgnl raw 1 --attr 2=str:k --attr 3=str:v --attr 17=u32:86400001
check_err "notify-owner without ttl-ms: EINVAL" 6 \
	"rgnl: request: kernel refused the request: Invalid argument (os error 22): notify-owner needs ttl-ms (at entry-new.notify-owner)" \
	rgnl raw 1 --attr 2=str:k --attr 3=str:v --attr 18=flag:

# Replacing before expiry takes the new TTL, or none. The sentinel expires
# after keep's first TTL would have (the kernel expires in deadline order).
rgnl set keep v --ttl 1h >/dev/null
check_out "replacing without --ttl makes it permanent" "keep	w" sh -c 'rgnl set keep w | cut -f1,2'
rgnl set shorten v --ttl 1h >/dev/null
check "replacing with --ttl 200ms takes the new TTL" sh -c 'rgnl set shorten w --ttl 200ms | grep -qE "ttl=[0-9]+ms$"'
rgnl set retire v --ttl 2s >/dev/null
check_out "replacing with --ttl 10m: its old deadline goes" "retire	w" sh -c 'rgnl set retire w --ttl 10m | cut -f1,2'
rgnl set sentinel v --ttl 2s >/dev/null
check "... the shortened one expires" wait_for 1 /tmp/all '^expired	shorten	w	'
check "... then the sentinel" wait_for 1 /tmp/all '^expired	sentinel	'
check "... the permanent one stays, without a TTL" sh -c 'rgnl get keep | grep -qE "^keep	w	tag=0 revision=[0-9]+$"'
check "... the one given 10 minutes stays, with it" sh -c 'rgnl get retire | grep -qE "^retire	w	tag=0 revision=[0-9]+ ttl=[0-9]+ms$"'
check_fails "... the shortened one is gone" 3 rgnl get shorten
check_out "... and only those two were notified" "shorten sentinel" sh -c "grep -E '^expired	(keep|shorten|retire|sentinel)	' /tmp/all | cut -f2 | tr '\n' ' ' | sed 's/ $//'"
rgnl del keep >/dev/null; rgnl del retire >/dev/null

# 10,000 expiries, one notice each.
before=$(stat_of expired)
check_out "10,000 entries with TTLs from 50 to 500 ms" "leased 10000" bulk ttl 10000 b 50 500
check "all 10,000 expired, each notified once" wait_for 10000 /tmp/all '^expired	b[0-9]'
check_out "... exactly once each" "10000 0" sh -c "grep '^expired	b' /tmp/all | cut -f2 | sort | uniq -c | awk '{ n++; if (\$1 != 1) d++ } END { print n, d + 0 }'"
check_out "... and none is left" "entries 0/131072" sh -c 'rgnl stats | sed -n 1p'
check_out "stats counted them" "$((before + 10000))" stat_of expired
stop all

# The owner's notice: unicast to the setter's socket, which joined no group.
monitor other --prefix nomatch/
rgnl set --ttl 300ms --notify-owner owned v >/tmp/owner 2>&1 & owner=$!
check "the owner receives its notice" wait_for 1 /tmp/owner '^expired'
wait $owner; rc=$?
check_out "... exactly one, and exits" "2" sh -c "wc -l </tmp/owner" 
check_out "... which says expired" "0 expired owned" sh -c "echo $rc \$(sed -n 2p /tmp/owner | cut -f1,2)"
rgnl set nomatch/x v >/dev/null; rgnl del nomatch/x >/dev/null
wait_for 2 /tmp/other nomatch/x
stop other
check_out "a socket watching another prefix received only its own keys" "new nomatch/x
del nomatch/x" sh -c "cut -f1,2 /tmp/other | tr '\t' ' '"
before=$(stat_of expired)
rgnl set --ttl 3s --notify-owner gone v >/tmp/gone 2>&1 & owner=$!
wait_for 1 /tmp/gone '^gone'; kill $owner; wait $owner 2>/dev/null
check "a closed owner port is harmless: the entry expires anyway" wait_stat expired $((before + 1))
check_fails "... and is gone" 3 rgnl get gone

# Watches: per socket, by key prefix, in order.
monitor wa --prefix a/
monitor wb --prefix b/
monitor wall
for k in a/1 b/1 c/1 a/2; do rgnl set $k v >/dev/null; done
rgnl del a/1 >/dev/null
# Each monitor's last key: what it printed before is complete.
rgnl set a/z v >/dev/null; rgnl set b/z v >/dev/null
check "each monitor saw its last key" eval 'wait_for 1 /tmp/wa "^new	a/z" && wait_for 1 /tmp/wb "^new	b/z" && wait_for 1 /tmp/wall "^new	b/z"'
check_out "a/ saw its keys only, in order" "new a/1
new a/2
del a/1
new a/z" sh -c "cut -f1,2 /tmp/wa | tr '\t' ' '"
check_out "b/ saw its keys only" "new b/1
new b/z" sh -c "cut -f1,2 /tmp/wb | tr '\t' ' '"
check_out "the unwatched one saw everything, in order" "new a/1
new b/1
new c/1
new a/2
del a/1
new a/z
new b/z" sh -c "cut -f1,2 /tmp/wall | tr '\t' ' '"
stop wa wb wall
monitor w2 --count 1
rgnl set c/2 v >/dev/null; wait $pid_w2
check_out "a watch lives in its socket only: a new socket sees all" "new c/2" sh -c 'cut -f1,2 /tmp/w2 | tr "\t" " "'
rgnl flush >/dev/null

# Audit: CAP_NET_ADMIN only; one message per change; none built unheard.
check "nobody cannot join audit: EPERM, exit 4 as every permission refusal" sh -c \
	'out=$(/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups rgnl monitor --audit 2>&1); [ $? = 4 ] && echo "$out" | grep -q "(os error 1)"'
before=$(stat_of audit-messages)
rgnl set quiet v >/dev/null; rgnl del quiet >/dev/null
check_out "without a listener no audit message is built" "$before" stat_of audit-messages
monitor audit --audit
rgnl set au v >/dev/null; rgnl del au >/dev/null; rgnl limits --max-entries 100000 >/dev/null; rgnl flush >/dev/null
check "root's audit monitor saw four changes" wait_for 4 /tmp/audit '^audit'
check_out "... each with its command, key, and uid 0" "entry-new key=au uid=0
entry-del key=au uid=0
limits-set uid=0
flush uid=0" sh -c "sed 's/portid=[0-9]* //' /tmp/audit | cut -f2,3 | tr '\t' ' '"
check "... and the sender's (nonzero) port id" sh -c "! grep -q 'portid=0 ' /tmp/audit"
check_out "stats counted the four" "$((before + 4))" stat_of audit-messages
stop audit

# Unload and namespace teardown with expiries pending.
check_out "10,000 entries expiring in 2 to 5 s" "leased 10000" bulk ttl 10000 p 2000 5000
check "rmmod with 10,000 expiries pending" rmmod rgnl
check "insmod again" insmod rgnl.ko
check_out "the reloaded module works" "k	v	tag=0 revision=1" rgnl set k v
check "a namespace with 10,000 pending expiries goes away" /usr/bin/unshare -n sh -c 'bulk ttl 10000 n 1000 3000 >/dev/null'
sleep 1
check_out "the module still works" "k	v	tag=0 revision=1" rgnl get k
check "rmmod rgnl" rmmod rgnl
tap_done
