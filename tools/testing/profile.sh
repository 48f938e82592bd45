#!/bin/bash
# Where a benchmark row's instructions go, Rust against C: profiles the rows
# of `bench` (tools/testing/progs/src/bin/bench.rs) on each twin with a QEMU plugin
# that counts executed guest instructions per code address
# (profile/insn_profile.c), under -icount, and prints instructions per
# request by function, Rust and C side by side, largest difference first.
# Under -icount an instruction is a nanosecond of the benchmark's time.
#
#   profile.sh echo|rgnl ROW[,ROW...] [ROUNDS] [TOP]
#
# ROW: the start of a row name of `make bench` (e.g. "ENTRY_DEL", or
# "ENTRY_NEW create,ENTRY_DEL" for rows that only repeat together). Each
# twin boots twice, with 0 and with ROUNDS rounds (default 20): the
# difference is the rows' work alone, without boot and setup.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RGNL_ROOT"

(($# >= 2)) || die "usage: profile.sh echo|rgnl ROW[,ROW...] [ROUNDS] [TOP]"
which=$1 rows=$2 rounds=${3:-20} top=${4:-40}
case $which in
echo) kos=(samples/rgnl_echo/rgnl_echo.ko tools/testing/twins/rgnl_echo_c/rgnl_echo_c.ko) ;;
rgnl) kos=(rust/rgnl.ko tools/testing/twins/rgnl_c/rgnl_c.ko) ;;
*) die "profile.sh: echo or rgnl, not $which" ;;
esac
for f in "${kos[@]}" tools/target/release/bench; do
	[ -e "$f" ] || die "$f is missing: make test-modules client progs"
done

plugin=tools/testing/profile/insn_profile.so
if [ ! -e "$plugin" ] || [ tools/testing/profile/insn_profile.c -nt "$plugin" ]; then
	cc -O2 -shared -fPIC -fvisibility=hidden -Wall -Werror -o "$plugin" tools/testing/profile/insn_profile.c
fi
kdir=${KDIR:-$(tools/testing/vm/kernel.sh)}
work=$(mktemp -d /tmp/rgnl-profile.XXXXXX)

# profile SIDE N: instruction counts of a boot running N rounds on SIDE.
profile() {
	local dir=$work/$1-$2
	mkdir -p "$dir"
	log "profile: $which $1, $2 rounds of $rows"
	RGNL_VM_LOGDIR=$dir tools/testing/vm/run.sh --icount --timeout 1200 \
		--plugin "$RGNL_ROOT/$plugin,out=$dir/counts" \
		--file "${kos[0]}" --file "${kos[1]}" --file tools/target/release/bench \
		"insmod $(basename "${kos[0]}") && insmod $(basename "${kos[1]}")
		bench $which $2 ${SCALE:-1000} $1 '$rows'
		grep -E ' _stext$|\\[' /proc/kallsyms" | tr -d '\r' >"$dir/kallsyms"
}
for side in rust c; do
	profile $side 0
	profile $side "$rounds"
done

python3 - "$work" "$kdir/System.map" "$rounds" "$top" <<'PY'
import bisect, collections, subprocess, sys

work, system_map, rounds, top = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def symbols(kallsyms):
    """Sorted (address, name) of the kernel (System.map, moved to where the
    guest's _stext is) and of the loaded modules (the guest's kallsyms)."""
    guest = [l.split() for l in open(kallsyms) if len(l.split()) >= 3]
    stext = next(int(a, 16) for a, _, n, *_ in guest if n == "_stext")
    table = []
    for line in open(system_map):
        a, t, n = line.split()
        if n == "_stext":
            shift = stext - int(a, 16)
        if t in "tTwW":
            table.append((int(a, 16), n))
    table = [(a + shift, n) for a, n in table]
    table += [(int(a, 16), n) for a, t, n, *_ in guest if t in "tT"]
    table.sort()
    return [a for a, _ in table], [n for _, n in table]

def by_function(side, n):
    addrs, names = symbols(f"{work}/{side}-{n}/kallsyms")
    counts = collections.Counter()
    for line in open(f"{work}/{side}-{n}/counts"):
        a, c = line.split()
        i = bisect.bisect_right(addrs, int(a, 16)) - 1
        counts["(user space)" if int(a, 16) < 1 << 63 else names[i] if i >= 0 else "?"] += int(c)
    return counts

def per_round(side):
    full, base = by_function(side, rounds), by_function(side, 0)
    return {f: (full[f] - base[f]) / rounds for f in full.keys() | base.keys()}

rust, c = per_round("rust"), per_round("c")
names = sorted(rust.keys() | c.keys())
demangled = subprocess.run(["llvm-cxxfilt"], input="\n".join(names), capture_output=True,
                           text=True).stdout.split("\n")
pretty = dict(zip(names, demangled))
rows = sorted(names, key=lambda f: -abs(rust.get(f, 0) - c.get(f, 0)))
total_r, total_c = sum(rust.values()), sum(c.values())
print(f"instructions per round, {rounds} rounds (boot and setup subtracted)")
print(f"{'function':<72} {'Rust':>9} {'C':>9} {'Rust-C':>9}")
for f in rows[:top]:
    r, cc = rust.get(f, 0), c.get(f, 0)
    if abs(r - cc) < 0.5:
        break
    print(f"{pretty[f][:72]:<72} {r:9.0f} {cc:9.0f} {r - cc:+9.0f}")
print(f"{'total':<72} {total_r:9.0f} {total_c:9.0f} {total_r - total_c:+9.0f}")
PY
log "profile: raw counts and symbols in $work"
