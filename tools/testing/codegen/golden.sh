#!/bin/bash
# The golden files of ynl-gen-rust.py: its --mode kernel output for Linux
# 6.12's handshake, netdev and mptcp_pm specs, committed in golden/ so that
# any change of the generated code shows in review. Regenerates them, or
# with --check says which one regenerating would change, and how
# (`make test` runs that on 6.12, and skips it on other kernels: their
# specs differ).
#
#   golden.sh [--check] KSRC     KSRC: a Linux 6.12 source tree
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

check=
[ "${1:-}" = --check ] && { check=1; shift; }
(($# == 1)) || die "usage: golden.sh [--check] KSRC"
ksrc=$1
[ "$(tree_version "$ksrc")" = 6.12 ] || die "the golden files are Linux 6.12's specs; $ksrc is $(tree_version "$ksrc")"
golden=$RGNL_ROOT/tools/testing/codegen/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$golden"
stale=0
for base in handshake netdev mptcp_pm; do
	out=$golden/${base}_nl.rs
	"$RGNL_ROOT/tools/net/ynl/ynl-gen-rust.py" --ksrc "$ksrc" --mode kernel \
		--spec "$ksrc/Documentation/netlink/specs/$base.yaml" \
		--source-name "Documentation/netlink/specs/$base.yaml" --out "$tmp/${base}_nl.rs"
	if [ -n "$check" ]; then
		if ! diff -u "$out" "$tmp/${base}_nl.rs"; then
			echo "${out#"$RGNL_ROOT"/} differs: tools/testing/codegen/golden.sh KSRC regenerates it" >&2
			stale=1
		fi
	elif ! cmp -s "$tmp/${base}_nl.rs" "$out"; then
		cp "$tmp/${base}_nl.rs" "$out"
		echo "wrote ${out#"$RGNL_ROOT"/}"
	fi
done
exit $stale
