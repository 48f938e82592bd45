#!/bin/bash
# Run a shell command inside the rgnl test kernel and exit with its status.
#
#   run.sh [--debug] [--python] [--icount] [--plugin SO,ARGS] [--timeout SECS] [--file SRC[:DST]]... [--] 'COMMAND'
#
# The guest is the cached test kernel (kernel.sh) booted on a busybox
# initramfs (initramfs.sh) plus the --file'd files, placed under /rgnl/ unless
# DST is an absolute path; --python adds python3 and the kernel's YNL CLI
# (/ynl, see python-layer.sh). COMMAND runs under `sh -e` in /rgnl with /rgnl on
# PATH. Its output is streamed to stdout; the kernel log is kept in
# $RGNL_VM_LOGDIR (a fresh temp dir by default).
#
# The run fails (non-zero, with the reason on stderr) when the command fails,
# when the VM does not finish within the timeout, when the guest never reports
# an exit status, or when the kernel log shows a BUG/WARNING/Oops/KASAN/panic,
# a lockdep report, a kmemleak report or work queued on a deprecated
# workqueue.
#
# --icount runs the guest on one vCPU under TCG with QEMU's deterministic
# instruction counting: the guest's clocks advance by instructions executed
# (1 ns each), not by host time, so timings repeat from run to run
# (benchmarks).
#
# --plugin loads a QEMU TCG plugin (e.g. profile.sh's instruction profiler).
#
# --debug (or RGNL_DEBUG=--debug, as `make DEBUG=1` sets) boots the debug
# kernel (KASAN, lockdep, kmemleak, failslab) with 1.5 GiB, and scans for
# leaks after the command.
#
# Acceleration: KVM only if a probe guest boots under KVM on this host (the
# result is cached per host boot), else TCG. RGNL_ACCEL=kvm|tcg forces one.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

debug=${RGNL_DEBUG:-} python= icount= plugin=() timeout=300 files=()
while (($#)); do
	case "$1" in
	--debug) debug=--debug ;;
	--python) python=1 ;;
	--icount) icount=1 ;;
	--plugin) plugin=(-plugin "$2"); shift ;;
	--timeout) timeout=$2; shift ;;
	--file) files+=("$2"); shift ;;
	--) shift; break ;;
	-*) die "run.sh: unknown option $1" ;;
	*) break ;;
	esac
	shift
done
(($# == 1)) || die "usage: run.sh [--debug] [--python] [--icount] [--plugin SO,ARGS] [--timeout SECS] [--file SRC[:DST]]... [--] 'COMMAND'"
command=$1

# KDIR: a prepared tree of your own (its bzImage is booted); default: the cache.
kdir=${KDIR:-$("$RGNL_ROOT/tools/testing/vm/kernel.sh" $debug)}
base=$("$RGNL_ROOT/tools/testing/vm/initramfs.sh")
layers=("$base")
[ -n "$python" ] && layers=("$("$RGNL_ROOT/tools/testing/vm/python-layer.sh")" "$base")
logdir=${RGNL_VM_LOGDIR:-$(mktemp -d /tmp/rgnl-vm.XXXXXX)}
mkdir -p "$logdir"

# Per-run archive: the command and the requested files.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/rgnl"
printf '%s\n' "$command" >"$stage/rgnl/cmd.sh"
for spec in "${files[@]}"; do
	src=${spec%%:*} dst=$(basename "${spec%%:*}")
	[[ $spec == *:* ]] && dst=${spec#*:}
	[[ $dst == /* ]] || dst=/rgnl/$dst
	[ -e "$src" ] || die "--file $src: no such file"
	mkdir -p "$stage$(dirname "$dst")"
	cp -a "$src" "$stage$dst"
	# A dynamically linked program brings the host libraries it needs.
	copy_libs "$stage" "$src"
done
(cd "$stage" && find . -mindepth 1 | cpio -o -H newc --quiet) >"$logdir/run.cpio"
# Uncompressed first: the kernel does not find an archive that follows a gzip one.
cat "$logdir/run.cpio" "${layers[@]}" >"$logdir/initramfs.cpio"

# The debug kernel's 1.5 GiB hold KASAN's shadow and quarantine and
# kmemleak's metadata. More slows the kmemleak scans every run ends with:
# after an empty command they took 49 s with 3 GiB, 27 s with 1.5 GiB.
mem=1024
[ -n "$debug" ] && mem=1536

# qemu_boot ACCEL TIMEOUT OUT KLOG: boot the VM; returns timeout(1)'s status.
qemu_boot() {
	# No LA57 under TCG: with 5-level paging, a 6.12 KASAN kernel reports a
	# false "wild-memory-access" when an interrupt lands in identify_cpu()
	# between its memset of boot_cpu_data.x86_capability and the CPUID
	# re-read: pgtable_l5_enabled() reads the cleared LA57 bit, so KASAN's
	# shadow bounds are the 4-level ones and the 5-level direct map lies
	# outside them. Seen 4 ms into a boot, on the first of two boots here.
	local cpu=max,la57=off
	local accel=(-accel tcg -cpu "$cpu")
	[ "$1" = kvm ] && accel=(-accel kvm -cpu host)
	# One vCPU: two would be scheduled round-robin at points host events move.
	[ "$1" = icount ] && accel=(-accel tcg -icount shift=0,align=off,sleep=off -cpu "$cpu" -smp 1)
	timeout --kill-after=5 "$2" qemu-system-x86_64 -smp 2 "${accel[@]}" ${plugin[@]+"${plugin[@]}"} -m "$mem" \
		-nodefaults -display none -no-reboot \
		-kernel "$kdir/arch/x86/boot/bzImage" -initrd "$logdir/initramfs.cpio" \
		-append "console=ttyS0 panic=-1 loglevel=7 rdinit=/init" \
		-serial "file:$4" -serial "file:$3" </dev/null >"$logdir/qemu.log" 2>&1
}

accel=${RGNL_ACCEL:-}
[ -n "$icount" ] && accel=icount
if [ -z "$accel" ]; then
	probe=$RGNL_CACHE/accel-$(cat /proc/sys/kernel/random/boot_id)
	if [ ! -f "$probe" ]; then
		accel=tcg
		if [ -w /dev/kvm ]; then
			log "probing KVM (a guest must boot within 30s, else TCG is used)"
			if qemu_boot kvm 30 "$logdir/probe.out" "$logdir/probe.klog" &&
				grep -q '^RGNL-EXIT: ' "$logdir/probe.out"; then
				accel=kvm
			fi
		fi
		# (Renamed into place: suites starting together may probe at once.)
		echo "$accel" >"$probe.$$" && mv "$probe.$$" "$probe"
		log "acceleration: $accel"
	fi
	accel=$(cat "$probe")
fi

out=$logdir/output.log klog=$logdir/kernel.log
: >"$out"
tail -n +1 -f "$out" 2>/dev/null | grep --line-buffered -v '^RGNL-EXIT: ' &
tailer=$!
start=$SECONDS
status=0
qemu_boot "$accel" "$timeout" "$out" "$klog" || status=$?
sleep 0.3
kill "$tailer" 2>/dev/null || true
wait "$tailer" 2>/dev/null || true

fail() {
	log "VM FAILED ($accel, $((SECONDS - start))s): $*"
	log "kernel log: $klog"
	exit "${2:-1}"
}
# A splat, a lockdep or kmemleak report, or the kernel's warning that a
# module queued work on a deprecated workqueue (the layer must not).
splat='(BUG:|WARNING:|Oops|KASAN|Kernel panic|kernel BUG|general protection fault|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|unreferenced object|UBSAN|Call Trace:|enqueued on deprecated workqueue)'
if grep -qE "$splat" "$klog"; then
	grep -nE -A25 "$splat" "$klog" | head -n 60 >&2
	fail "the kernel log has a splat"
fi
if ((status == 124 || status == 137)); then
	tail -n 20 "$klog" >&2
	fail "timed out after ${timeout}s" 124
fi
((status == 0)) || { cat "$logdir/qemu.log" >&2; fail "qemu exited with $status"; }
rc=$(sed -n 's/^RGNL-EXIT: \([0-9]*\).*/\1/p' "$out" | tail -n1)
[ -n "$rc" ] || { tail -n 20 "$klog" >&2; fail "the guest reported no exit status"; }
exit "$rc"
