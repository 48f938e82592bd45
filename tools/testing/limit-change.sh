#!/bin/bash
# The spec as the single source, shown on a limit: in a copy of the tree,
# value-max-len goes from 4096 to 1000 in rgnl.yaml and nothing else is
# edited. `make gen` must change only the files generated from it (the
# module's tables and the client's), and the module and client built from
# the copy go to OUT for the `limits` VM suite (selftests/rgnl/limits.py), which
# shows the kernel's policy and the client's check both moved.
# Usage: limit-change.sh KDIR OUT
set -euo pipefail
source "$(dirname "$0")/lib.sh"
kdir=$1 out=$2
ksrc=$(tree_source "$kdir")
tree=$out/tree
spec=Documentation/netlink/specs/rgnl.yaml
rm -rf "$out" && mkdir -p "$tree"
(cd "$RGNL_ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp -a --parents -t "$tree")

cd "$tree"
# The files git would track: not what .gitignore names, such as the
# generator's __pycache__ (where PYTHONDONTWRITEBYTECODE is unset).
git init -q
sums() { git ls-files -z --others --exclude-standard | sort -z | xargs -0 sha1sum; }
sums >"$out/before"
python3 - "$spec" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
new = re.sub(r"(name: value-max-len\n    value: )4096\n", r"\g<1>1000\n", s)
assert new != s, "value-max-len: 4096 not found in the spec"
open(sys.argv[1], "w").write(new)
PY
KSRC=$ksrc tools/testing/generate.sh
sums >"$out/after"
changed=$({ diff "$out/before" "$out/after" || true; } | sed -n 's/^> [0-9a-f]*  //p' | sort | tr '\n' ' ')
want="$spec rust/rgnl_nl.rs tools/rgnl/src/proto.rs "
if [ "$changed" != "$want" ]; then
	echo "changing value-max-len changed [$changed], not [$want]" >&2
	exit 1
fi

# The module, and the client in a target directory of its own (the tree's
# would take its binary's place).
tools/testing/kmake.sh "$kdir" M="$tree/rust" modules >"$out/module.log" 2>&1 ||
	{ tail -n 30 "$out/module.log" >&2; exit 1; }
(cd tools && CARGO_TARGET_DIR=$RGNL_ROOT/tools/target/limit-change cargo build --release --quiet --bin rgnl)
cp rust/rgnl.ko "$RGNL_ROOT/tools/target/limit-change/release/rgnl" "$spec" "$out/"
