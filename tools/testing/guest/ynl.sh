# Interoperability with clients nobody here wrote: the kernel's own YNL CLI
# (cli.py of the kernel under test, driven only by the spec) and
# iproute2's genl. Also checks the registered family against the spec
# through nlctrl. Runs in the VM with the Python layer (run.sh --python).
set +e
. ./tap.sh
# The CLI as a command (for sh -c too), with its errors on stdout.
printf '#!/bin/sh\nexec python3 /ynl/cli.py --no-schema --spec /rgnl/rgnl.yaml "$@" 2>&1\n' >/rgnl/ynl
chmod +x /rgnl/ynl

# A generic netlink socket has joined a group (its Groups column in
# /proc/net/netlink); no other socket of the guest holds one.
subscribed() { awk '$2 == 16 && $4 != "00000000" { f = 1 } END { exit !f }' /proc/net/netlink; }

# iproute2 sees the family appear, as nlctrl announces it (genl flushes
# each message it prints).
timeout 120 genl ctrl monitor >/tmp/ctrlmon 2>&1 &
ctrlmon=$!
for i in $(seq 600); do subscribed && break; sleep 0.1; done
check "insmod rgnl.ko" insmod rgnl.ko
for i in $(seq 600); do grep -q "Name: rgnl" /tmp/ctrlmon && break; sleep 0.1; done
{ kill $ctrlmon; wait $ctrlmon; } 2>/dev/null
check "iproute2 genl ctrl monitor saw the family appear" grep -q "Name: rgnl" /tmp/ctrlmon

# The family the kernel registered is the one the spec describes.
check "nlctrl: multicast groups and maxattr match the spec" python3 spec_check.py rgnl.yaml groups
check "nlctrl: ops, their do/dump and admin flags match the spec" python3 spec_check.py rgnl.yaml ops
check "nlctrl: every op's policy matches the spec's request attributes and checks" python3 spec_check.py rgnl.yaml policies
sed 's/max-len: key-max-len/max-len: 63/' rgnl.yaml >changed.yaml
check_fails "the check catches a spec whose key length differs" 1 python3 spec_check.py changed.yaml policies
awk '/name: flush$/ { f = 1 } f && /flags: \[ uns-admin-perm \]/ { f = 0; next } { print }' rgnl.yaml >changed.yaml
check_fails "the check catches a spec whose flush is not admin-only" 1 python3 spec_check.py changed.yaml ops

# The YNL CLI drives every operation from the spec alone.
check "ynl: entry-new --create" ynl --do entry-new --create --json '{"key": "ynl-key", "value": "68656c6c6f", "tag": 9}'
check_out "ynl: entry-get" "{'entry': {'key': 'ynl-key', 'revision': 1, 'tag': 9, 'value': b'hello'}}" \
	ynl --do entry-get --json '{"key": "ynl-key"}'
check "ynl: entry-new --replace" ynl --do entry-new --replace --json '{"key": "ynl-key", "value": "00ff"}'
check_out "rgnl reads what ynl wrote" "ynl-key	0x00ff	tag=0 revision=2" rgnl get ynl-key
rgnl set ynl-other x >/dev/null
check_out "ynl: entry-get dump, in key order" "2 ynl-key ynl-other" \
	sh -c "ynl --dump entry-get | grep -o \"'key': '[a-z-]*'\" | cut -d\"'\" -f4 | { n=0; l=; while read k; do n=\$((n + 1)); l=\"\$l \$k\"; done; echo \$n\$l; }"
check_out "ynl: entry-get dump with prefix" "1" sh -c "ynl --dump entry-get --json '{\"prefix\": \"ynl-o\"}' | grep -c \"'key'\""
check "ynl: stats-get" sh -c "ynl --do stats-get | grep -q \"'count': 2\""
check "ynl: echo" sh -c "ynl --do echo --json '{\"key\": \"k\", \"tag\": 5}' | grep -q \"'tag': 5\""
check "ynl: limits-set" ynl --do limits-set --json '{"max-entries": 1000}'
# 6.12's CLI prints the extack as {'msg': ...}, 7.3's as "error: MSG: strerror".
check "ynl: entry-new --create --excl on an existing key fails with EEXIST and the extack" \
	sh -c "ynl --do entry-new --create --excl --json '{\"key\": \"ynl-key\", \"value\": \"\"}' | grep -qE \"'msg': 'entry exists'|error: entry exists: File exists\""
check "ynl: entry-new without --create on a missing key fails with ENOENT" \
	sh -c "ynl --do entry-new --json '{\"key\": \"nope\", \"value\": \"\"}' | grep -q 'No such file or directory'"
check "ynl: a key over the spec's max-len is refused by the kernel policy" \
	sh -c "ynl --do entry-get --json '{\"key\": \"$(head -c 65 /dev/zero | tr '\0' k)\"}' | grep -q 'Attribute failed policy validation'"
check "ynl: entry-del" ynl --do entry-del --json '{"key": "ynl-other"}'
# Once ynl's socket has joined its group, changes reach it; it collects
# them after --sleep.
ynl --subscribe events --sleep 4 >/tmp/ynlmon &
ynlmon=$!
for i in $(seq 300); do subscribed && break; sleep 0.1; done
rgnl set from-rgnl v >/dev/null; rgnl del from-rgnl >/dev/null; rgnl flush >/dev/null
wait $ynlmon
check "ynl --subscribe decodes entry-new-ntf" grep -q "'name': 'entry-new-ntf'" /tmp/ynlmon
check "ynl --subscribe decodes entry-del-ntf" grep -q "'name': 'entry-del-ntf'" /tmp/ynlmon
check "ynl --subscribe decodes its reason (enum del-reason)" grep -q "'reason': 'deleted'" /tmp/ynlmon
check "ynl --subscribe decodes flush-ntf with its count" sh -c "grep -A1 \"'name': 'flush-ntf'\" /tmp/ynlmon | grep -q \"'count': 1\""
sed 's/^/# /' /tmp/ynlmon

policy=$(genl ctrl policy name rgnl 2>&1)
check "iproute2 genl ctrl policy: KEY is NUL_STRING max 64" sh -c "echo '$policy' | grep -q 'attr\[2\]: type=NUL_STRING max len:64'"
check "iproute2 genl ctrl policy: MAX_ENTRIES is U32 range [1,1048576]" sh -c "echo '$policy' | grep -q 'attr\[8\]: type=U32 range:\[1,1048576\]'"
ctrl=$(genl ctrl get name rgnl)
# (Only the commands: group ids are numbered in the same style.)
ops=$(echo "$ctrl" | sed -n '/commands supported/,/multicast groups/p')
check "iproute2 genl ctrl get: the spec's 8 ops (1..7, 11), no notification ids" \
	sh -c "echo '$ops' | grep -q 'ID-0x7' && echo '$ops' | grep -q 'ID-0xb' && ! echo '$ops' | grep -qE 'ID-0x(8|9|a|c)'"
check "iproute2 genl ctrl get: groups events and audit" sh -c "echo '$ctrl' | grep -q 'name: events' && echo '$ctrl' | grep -q 'name: audit'"
# What the kernel sends on its own, through the spec alone.
check "ynl: entry-new with ttl-ms, then entry-get shows the time left" \
	sh -c "ynl --do entry-new --create --json '{\"key\": \"ttl\", \"value\": \"00\", \"ttl-ms\": 60000}' >/dev/null && ynl --do entry-get --json '{\"key\": \"ttl\"}' | grep -q \"'ttl-ms': [1-9]\""
check "ynl: ttl-ms past the spec's ttl-max-ms is refused by the kernel policy" \
	sh -c "ynl --do entry-new --create --json '{\"key\": \"ttl\", \"value\": \"00\", \"ttl-ms\": 86400001}' | grep -q 'out of range'"
check "ynl: watch-set" ynl --do watch-set --json '{"prefix": "w"}'
# Two sockets of one process, through YNL's library: the watch set on one
# filters that socket only. Notifications are queued before the writer's ACK.
cat >/tmp/two_sockets.py <<'EOF'
import sys
sys.path.append('/ynl')
from lib import YnlFamily, Netlink
watched, plain, writer = (YnlFamily('/rgnl/rgnl.yaml', schema='') for _ in range(3))
for sock in (watched, plain):
    sock.ntf_subscribe('events')
watched.watch_set({'prefix': 'two/a'})
for key in ('two/a1', 'two/b1', 'two/a2'):
    writer.entry_new({'key': key, 'value': b'v'}, flags=[Netlink.NLM_F_CREATE])
    writer.entry_del({'key': key})
for name, sock in (('watched', watched), ('plain', plain)):
    sock.check_ntf()
    # 6.12's YNL queues notifications in a list, 7.3's in a queue.Queue.
    queued = getattr(sock.async_msg_queue, 'queue', sock.async_msg_queue)
    seen = [f"{n['name'].split('-')[1]} {n['msg']['entry']['key']}" for n in queued]
    print(name + ':', ', '.join(seen))
EOF
check_out "ynl library: a watch filters its own socket only, not another of the process" \
	"watched: new two/a1, del two/a1, new two/a2, del two/a2
plain: new two/a1, del two/a1, new two/b1, del two/b1, new two/a2, del two/a2" python3 /tmp/two_sockets.py
check "ynl: nobody cannot subscribe to audit" sh -c \
	"! /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups python3 /ynl/cli.py --no-schema --spec /rgnl/rgnl.yaml --subscribe audit --sleep 0 >/tmp/ynlaudit 2>&1; grep -q 'Operation not permitted' /tmp/ynlaudit"
# Values of the spec's maximum length (ENTRY messages of 4.2 KB, over one
# netlink page): the YNL CLI dumps every entry, whole.
rgnl flush >/dev/null
v4096=$(head -c 4096 /dev/zero | tr '\0' v)
for k in a-first m-middle z-last; do rgnl set $k "$v4096" >/dev/null; done
bulk fill 20 m >/dev/null
check_out "ynl: dump with 4096-byte values first, in the middle and last: all 23 entries, the 3 whole" "23 3" \
	sh -c "ynl --dump entry-get --output-json | python3 -c 'import json, sys; d = json.load(sys.stdin); print(len(d), sum(len(e[\"entry\"][\"value\"]) == 8192 for e in d))'"
check "rmmod rgnl" rmmod rgnl
tap_done
