# Faults of the module's lifecycle: allocation failures, unload while a dump
# holds the module and under load, many namespaces. Runs in the VM, beside
# faults.sh (the fuzzer); on the debug kernel (make test DEBUG=1) KASAN,
# lockdep and kmemleak watch every step, and the runner fails the run on any
# report. See Documentation/rgnl/testing.rst, "Fault classes".
set +e
. ./tap.sh
check "insmod rgnl.ko" insmod rgnl.ko

# Allocation failures: every slab allocation of every command, in turn.
if [ -w /sys/kernel/debug/failslab/ignore-gfp-wait ]; then
	fs=/sys/kernel/debug/failslab
	echo N >$fs/ignore-gfp-wait
	echo 0 >$fs/verbose
	check "failslab: every command fails cleanly at each allocation, and works after" sh -c 'failnth >/tmp/failnth 2>&1'
	sed 's/^/# /' /tmp/failnth
	echo Y >$fs/ignore-gfp-wait
else
	skip "failslab: every command fails cleanly" "kernel without CONFIG_FAILSLAB (make test DEBUG=1 runs it)"
fi

# A dump in progress holds the module: rmmod is refused until it ends.
bulk hold 4 >/tmp/hold 2>/tmp/hold.err &
hold=$!
for i in $(seq 600); do grep -q paused /tmp/hold.err && break; sleep 0.1; done
check_fails "rmmod refused while a dump is paused half-way (EBUSY)" 1 rmmod rgnl
wait $hold
check_out "the paused dump then completes" "held 3000" cat /tmp/hold
check "rmmod succeeds once it has" rmmod rgnl
check "insmod" insmod rgnl.ko

# Unload under load: rmmod, again and again, while writers, dumpers and
# listeners run. It either refuses (busy) or unloads; then it reloads and
# works.
rgnl flush >/dev/null
# Each command is bounded: a listener's recv does not return by itself.
load() { while [ ! -f /tmp/stop ]; do timeout 2 "$@" >/dev/null 2>&1; done; }
load bulk fill 2000 u &
load rgnl list &
load bulk hold 0.5 &
load rgnl monitor &
load sh -c 'rgnl set k v; rgnl del k' &
sleep 1
unloaded=0 refused=0
for i in $(seq 20); do
	if rmmod rgnl 2>/dev/null; then
		unloaded=$((unloaded + 1))
		sleep 0.2
		insmod rgnl.ko || break
	else
		refused=$((refused + 1))
	fi
	sleep 0.1
done
touch /tmp/stop
sleep 1
echo "# rmmod under load: $unloaded unloads, $refused refusals (a paused dump holds the module)"
check_out "20 rmmods under load: each unloaded or refused, every reload worked" 20 echo $((unloaded + refused))
check "and some unloaded" test $unloaded -gt 0
wait
check "rmmod once the load stops" sh -c 'lsmod | grep -q rgnl && rmmod rgnl || true'
check "insmod again" insmod rgnl.ko
check_out "and it works" "colour	blue	tag=0 revision=1" rgnl set colour blue

# Many namespaces: 256 at once, each with entries, created and destroyed,
# twice over. The namespaces' registries are freed with them (kmemleak
# checks on the debug kernel, where 64 at once: there 2 x 256 had not ended
# after 12 min beside the fuzzer, which would not fit CI's budget).
churn=256
[ -e /sys/kernel/debug/kmemleak ] && churn=64
free_before=$(awk '/^MemAvailable/ { print $2 }' /proc/meminfo)
rm -f /tmp/churn-ok
for round in 1 2; do
	# Each namespace lives as long as its process, which then sleeps
	# (unshare and sh exec into it: the job's pid) until killed. (Polling
	# for a file instead, 256 shells forked a sleep 1,280 times a second.)
	pids=
	for i in $(seq $churn); do
		/usr/bin/unshare -n sh -c 'bulk fill 3 n >/dev/null && echo ok >>/tmp/churn-ok && exec sleep 3600' \
			>/dev/null 2>&1 &
		pids="$pids $!"
	done
	waited=0
	until [ "$(wc -l </tmp/churn-ok 2>/dev/null)" -ge $((round * churn)) ] || [ $waited -gt 1200 ]; do
		sleep 1
		waited=$((waited + 1))
	done
	kill $pids 2>/dev/null
	wait
done
sleep 2
free_after=$(awk '/^MemAvailable/ { print $2 }' /proc/meminfo)
echo "# MemAvailable: $free_before kB before, $free_after kB after 2 x $churn namespaces"
check_out "2 rounds of $churn live namespaces, each with 3 entries" $((2 * churn)) sh -c 'wc -l </tmp/churn-ok'
if [ -e /sys/kernel/debug/kmemleak ]; then
	# KASAN's quarantine and kmemleak's metadata keep freed memory here.
	skip "memory returned" "debug kernel: MemAvailable says nothing under KASAN; kmemleak checks for leaks instead"
else
	check "memory returned (MemAvailable within 8 MiB of before)" test $((free_before - free_after)) -lt 8192
fi
check_out "the initial namespace kept its entry" "colour	blue	tag=0 revision=1" rgnl get colour
check "rmmod" rmmod rgnl
tap_done
