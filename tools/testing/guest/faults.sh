# Abuse: the fuzzer against a reference model. Runs in the VM; on the debug
# kernel (make test DEBUG=1) KASAN, lockdep and kmemleak watch every step,
# and the runner fails the run on any report. lifecycle.sh, its other half
# (a VM of its own beside it), has allocation failures, unload under load
# and many namespaces. See Documentation/rgnl/testing.rst, "Fault classes".
set +e
. ./tap.sh
# A tenth of the messages on the debug kernel (kmemleak is there): under
# KASAN, lockdep and kmemleak the 1,000,000 did not end in 38 min (CI, beside
# lifecycle), against 92 s on the normal kernel, nor a quarter in 37 min on
# a loaded host: they would not fit CI's budget. The normal kernels send
# them all.
FUZZ_MESSAGES=${FUZZ_MESSAGES:-1000000} FUZZ_SHARED=${FUZZ_SHARED:-100000}
if [ -e /sys/kernel/debug/kmemleak ]; then
	FUZZ_MESSAGES=$((FUZZ_MESSAGES / 10)) FUZZ_SHARED=$((FUZZ_SHARED / 10))
fi
check "insmod rgnl.ko" insmod rgnl.ko

# Fuzzing: 1,000,000 random and mutated messages (a tenth on the debug
# kernel) from 4 threads in a namespace of their own (with CAP_NET_ADMIN
# there: the write paths are reached), 100,000 more from an unprivileged user
# in the initial namespace,
# while writers, a dumper and a listener work in the initial namespace
# against a reference model.
# The deadline is a guard against a hang, not a speed test: well inside the
# suite's VM timeout (1200 s, 4800 s on the debug kernel).
/usr/bin/unshare -n fuzz attack --messages "$FUZZ_MESSAGES" --threads 4 --seconds 2400 >/tmp/attack 2>&1 &
attack=$!
nobody fuzz attack --messages "$FUZZ_SHARED" --threads 2 --shared >/tmp/attack2 2>&1 &
attack2=$!
check "writers, dumper and listener agree with the reference model during the attack" fuzz model --seconds 20
wait $attack; rc=$?
sed 's/^/# /' /tmp/attack
check_out "fuzzer (privileged, own netns): $FUZZ_MESSAGES messages sent, stats consistent" 0 echo $rc
wait $attack2; rc=$?
sed 's/^/# /' /tmp/attack2
check_out "fuzzer (unprivileged, initial netns, among the model's writers): $FUZZ_SHARED messages sent" 0 echo $rc
check_out "the module still answers" "alive" rgnl echo alive
check "and the model's namespace still works" sh -c 'rgnl set after-fuzz x && rgnl del after-fuzz'

check "rmmod" rmmod rgnl
tap_done
