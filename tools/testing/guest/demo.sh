# `make run`: load the module and drive the registry with the client, in the
# VM, with a listener printing the notifications as they arrive.
set -e
step() { sleep 0.2; echo; echo "== $*"; }
echo "== the guest's kernel: Linux $(uname -r)"
step "insmod rgnl.ko; iproute2's view of the family"
insmod rgnl.ko
genl ctrl get name rgnl
step "rgnl monitor (in the background: its lines start with new/del/flush)"
rgnl monitor 2>/tmp/monitor.err &
monitor=$!
until grep -q listening /tmp/monitor.err; do sleep 0.1; done
step "rgnl set colour blue --tag 7"
rgnl set colour blue --tag 7
step "rgnl set shape --hex 0x00ff (binary value)"
rgnl set shape --hex 0x00ff
step "rgnl set --create --excl colour red (exists: EEXIST, exit 7)"
rgnl set --create --excl colour red || echo "exit status $?"
step "rgnl get colour"
rgnl get colour
step "rgnl list"
rgnl list
step "rgnl --json list --prefix col"
rgnl --json list --prefix col
step "rgnl del shape"
rgnl del shape
step "rgnl get shape (gone: ENOENT, exit 3)"
rgnl get shape || echo "exit status $?"
step "rgnl set as nobody (EPERM, exit 4)"
/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups rgnl set colour red || echo "exit status $?"
step "rgnl flush"
rgnl flush
step "rgnl stats"
rgnl stats
kill $monitor
step "rmmod rgnl"
rmmod rgnl
