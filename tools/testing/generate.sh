#!/bin/bash
# The code generated from the YNL specs and committed, as the kernel commits
# ynl-gen-c.py's: regenerates it (`make gen`), or with --check says which
# file regenerating would change, and how (`make test` runs that).
#
# KSRC: the kernel tree whose YNL spec model and schemas read the specs
# (default: the test kernel's source).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$RGNL_ROOT"

check=
[ "${1:-}" = --check ] && check=1
KSRC=${KSRC:-$(tree_source "$(tools/testing/vm/kernel.sh ${RGNL_DEBUG:-})")}

# SPEC MODE OUTPUT [OPTIONS]
GENERATED=(
	"Documentation/netlink/specs/rgnl.yaml kernel rust/rgnl_nl.rs"
	"Documentation/netlink/specs/rgnl.yaml user tools/rgnl/src/proto.rs"
	"Documentation/netlink/specs/rgnl_echo.yaml kernel samples/rgnl_echo/rgnl_echo_nl.rs"
	"tools/testing/modules/rgnl_typed/rgnl_typed.yaml kernel tools/testing/modules/rgnl_typed/rgnl_typed_nl.rs"
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stale=0
for entry in "${GENERATED[@]}"; do
	read -r spec mode out options <<<"$entry"
	new=$tmp/$(basename "$out")
	tools/net/ynl/ynl-gen-rust.py --ksrc "$KSRC" --spec "$spec" --mode "$mode" \
		--source-name "$spec" --out "$new" ${options:-}
	if [ -n "$check" ]; then
		if ! diff -u "$out" "$new"; then
			echo "$out is stale: \`make gen\` regenerates it from $spec" >&2
			stale=1
		fi
	elif ! cmp -s "$new" "$out"; then
		cp "$new" "$out"
		echo "generated $out"
	fi
done
exit $stale
