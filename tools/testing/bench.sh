#!/bin/bash
# make bench: the Rust families against their C twins in one VM boot each,
# Rust and C interleaved. First under QEMU's -icount (deterministic: time is
# instructions executed), then under plain TCG (wall-clock, host-load
# dependent). Prints both tables and writes them, with the kernel, the
# commit, the mode and the modules' sizes, to
# Documentation/rgnl/benchmarks-results-<6.12|7.3>.rst.
#
#   bench.sh [--smoke]   --smoke: one short round under -icount, nothing written
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RGNL_ROOT"

rounds=9 scale=100000 smoke=
[ "${1:-}" = --smoke ] && rounds=1 scale=1000 smoke=1
kdir=${KDIR:-$(tools/testing/vm/kernel.sh)}

ksrc=$(tree_source "$kdir")
# The YNL C client of the client rows, built with the tree's YNL library.
make -s -C tools/testing/selftests/rgnl KSRC="$ksrc" OUTPUT="$RGNL_ROOT/tools/target/selftests" \
	PYTHON=/usr/bin/python3 "$RGNL_ROOT/tools/target/selftests/ynl_get_bench"
# The other Rust crates' client rows, with nlctrl's generated client from
# the tree's spec (lint-clean, as the rest of the client code).
(cd tools && KSRC=$ksrc cargo clippy --quiet --release -p peer-bench -- -D warnings &&
	KSRC=$ksrc cargo build --quiet --release -p peer-bench)

# table RUN.SH-OPTIONS: both families against their twins in one VM boot.
table() {
	tools/testing/vm/run.sh $1 --timeout 1800 --file rust/rgnl.ko --file tools/testing/twins/rgnl_c/rgnl_c.ko \
		--file samples/rgnl_echo/rgnl_echo.ko --file tools/testing/twins/rgnl_echo_c/rgnl_echo_c.ko \
		--file tools/target/release/rgnl --file tools/target/release/bench \
		--file tools/target/selftests/ynl_get_bench --file tools/target/release/peer_bench \
		"for m in rgnl rgnl_c rgnl_echo rgnl_echo_c; do insmod \$m.ko; done
		bench echo $rounds && bench rgnl $rounds $scale"
}

# Module sizes (text, data, bss of each .ko).
sizes() {
	printf '%-24s %8s %8s %8s\n' module text data bss
	for ko in rust/rgnl.ko tools/testing/twins/rgnl_c/rgnl_c.ko samples/rgnl_echo/rgnl_echo.ko \
		tools/testing/twins/rgnl_echo_c/rgnl_echo_c.ko; do
		size "$ko" | awk -v m="$(basename "$ko")" 'NR == 2 { printf "%-24s %8d %8d %8d\n", m, $1, $2, $3 }'
	done
}

log "bench: -icount ($rounds rounds)"
# (The serial console ends lines with CR LF.)
icount=$(table --icount | tr -d '\r')
echo "$icount"
if [ -n "$smoke" ]; then
	# Every row of both tables, after the twins were found to agree.
	rows=$(grep -cE '^[A-Za-z].* +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+%( noise)?$' <<<"$icount" || true)
	agree=$(grep -c 'answer byte for byte alike' <<<"$icount" || true)
	memory=$(grep -c '^memory per entry' <<<"$icount" || true)
	clients=$(grep -cE '^client: .* +[0-9]+ +[0-9.]+ +[0-9.]+%( noise)?$' <<<"$icount" || true)
	echo "smoke: $rows rows, $agree pairs of twins agreeing, $memory memory line, $clients client rows"
	((rows == 20 && agree == 2 && memory == 1 && clients == 24))
	exit
fi
log "bench: wall-clock under TCG ($rounds rounds)"
wall=$(table "" | tr -d '\r')
echo "$wall"
sizes=$(sizes)
echo "$sizes"
breakdown=$(tools/testing/text-breakdown.py rust/rgnl.ko samples/rgnl_echo/rgnl_echo.ko --top 8)
echo "$breakdown"

commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- rust samples tools || echo -dirty)
indent() { sed 's/^/    /'; }
results=Documentation/rgnl/benchmarks-results-$RGNL_KERNEL.rst
cat >"$results" <<RST
.. SPDX-License-Identifier: GPL-2.0
.. Written by \`make bench\` (tools/testing/bench.sh); do not edit.

Kernel $(make -s -C "$kdir" kernelversion 2>/dev/null), commit $commit, $rounds rounds, Rust and C
interleaved in one boot per table, $scale entries for rgnl's dump rows.
Times per operation (per entry for dumps), the median over the rounds;
spread is (max - min) / median.

Deterministic, QEMU \`\`-icount\`\` (1 ns per guest instruction)::

$(echo "$icount" | indent)

Wall-clock, TCG on the build host::

$(echo "$wall" | indent)

Module sizes (bytes)::

$(echo "$sizes" | indent)

Where the Rust modules' text goes (\`\`tools/testing/text-breakdown.py\`\`)::

$(echo "$breakdown" | indent)
RST
log "written: $results"
