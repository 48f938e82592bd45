#!/bin/bash
# make bench: the Rust families against their C twins in one VM boot each,
# Rust and C interleaved. First under QEMU's -icount (deterministic: time is
# instructions executed), then under plain TCG (wall-clock, host-load
# dependent). Prints both tables and writes them, with the kernel, the
# commit and the mode, to Documentation/rgnl/benchmarks-results.rst.
#
#   bench.sh [--smoke]   --smoke: one short round under -icount, nothing written
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RGNL_ROOT"

rounds=9 smoke=
[ "${1:-}" = --smoke ] && rounds=1 smoke=1

# table MODE ROUNDS: the bench table from a VM run (run.sh MODE options).
table() {
	tools/testing/vm/run.sh $1 --timeout 900 --file rust/rgnl.ko \
		--file samples/rgnl_echo/rgnl_echo.ko --file tools/testing/twins/rgnl_echo_c/rgnl_echo_c.ko \
		--file tools/target/release/rgnl --file tools/target/release/examples/bench \
		"insmod rgnl_echo.ko && insmod rgnl_echo_c.ko && bench rgnl_echo rgnl_echo_c $2"
}

log "bench: -icount ($rounds rounds)"
icount=$(table --icount "$rounds")
echo "$icount"
[ -n "$smoke" ] && exit 0
log "bench: wall-clock under TCG ($rounds rounds)"
wall=$(table "" "$rounds")
echo "$wall"

kdir=${KDIR:-$(tools/testing/vm/kernel.sh)}
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- rust samples tools || echo -dirty)
indent() { sed -n '/^row /,$p' | sed 's/^/    /'; }
cat >Documentation/rgnl/benchmarks-results.rst <<RST
.. SPDX-License-Identifier: GPL-2.0
.. Written by \`make bench\` (tools/testing/bench.sh); do not edit.

Kernel $(make -s -C "$kdir" kernelversion 2>/dev/null), commit $commit, $rounds rounds, Rust and C
interleaved in one boot per table. Times per operation (per message for
dumps), the median over the rounds; spread is (max - min) / median.

Deterministic, QEMU \`\`-icount\`\` (1 ns per guest instruction)::

$(echo "$icount" | indent)

Wall-clock, TCG on the build host::

$(echo "$wall" | indent)
RST
log "written: Documentation/rgnl/benchmarks-results.rst"
