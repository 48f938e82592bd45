#!/bin/bash
# Builds the stub modules of the codegen test (codegen.py, in the VM):
# for each spec, one family from the kernel tree's ynl-gen-c (C) and one from
# tools/net/ynl/ynl-gen-rust.py (Rust, through `make new-family`), under
# distinct names, against the kernel tree KDIR. Prints the directory the VM
# gets (the .ko files, pairs.txt, codegen.py and compare.py, and the kselftest of one
# scaffold with its spec's commands in scaffold.txt).
#
#   build.sh KDIR          build (incremental: unchanged inputs rebuild nothing)
#   build.sh --dir KDIR    only print where it builds
#
# The specs: the tree's own handshake, netdev, mptcp_pm and fou (a global
# policy whose dump is not parsed: `dont-validate: [dump]`), and rgnl's.
# Family X is staged renamed X-c and X-rs (`_` becomes `-`: 7.x's genetlink
# schema wants names of [0-9a-z-]; GENL_NAMSIZ leaves 15 bytes), in a tree shaped as
# ynl-gen-c wants it (the schemas at specs/../, a MAINTAINERS at the root).
# The C side is cgen.py's (the generator's output as is, but for the gaps
# it lists); the Rust side is the family skeleton `make new-family` writes.
#
# One more C family, rgnl-cx, is rgnl's spec changed on purpose (every
# constant one less, the first op's flags dropped): the suite requires the
# comparison to find it different from rgnl-c.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

print_only=
[ "${1:-}" = --dir ] && { print_only=1; shift; }
(($# == 1)) || die "usage: build.sh [--dir] KDIR"
kdir=$(cd "$1" && pwd)
out=$RGNL_ROOT/tools/target/codegen/$(basename "$kdir")
[ -n "$print_only" ] && { echo "$out/guest"; exit 0; }

ksrc=$(tree_source "$kdir")
version=$(tree_version "$kdir")
py=/usr/bin/python3
here=$RGNL_ROOT/tools/testing/codegen
# Every spec whose kernel C the tree generates (its "YNL-GEN kernel source"
# files name it), and rgnl's.
mapfile -t specs < <(cd "$ksrc" && grep -rl --include='*.c' 'YNL-GEN kernel source' \
	net drivers fs kernel sound 2>/dev/null | xargs grep -ho 'Documentation/netlink/specs/[a-z0-9_-]*\.yaml' |
	sort -u | sed "s|^|$ksrc/|")
specs+=("$RGNL_ROOT/Documentation/netlink/specs/rgnl.yaml")

# update SRC DST: copy SRC to DST unless DST already holds the same bytes
# (Kbuild rebuilds on mtime).
update() {
	cmp -s "$1" "$2" 2>/dev/null && return 0
	mkdir -p "$(dirname "$2")"
	cp "$1" "$2.tmp" && mv "$2.tmp" "$2"
}

# (A failed build leaves no modules of an earlier one to test.)
rm -rf "$out/guest"
tree=$out/tree
mkdir -p "$tree/Documentation/netlink/specs" "$out/tmp"
touch "$tree/MAINTAINERS"
for schema in "$ksrc"/Documentation/netlink/*.yaml; do
	update "$schema" "$tree/Documentation/netlink/$(basename "$schema")"
done

# stage SPEC NAME [MUTATE]: SPEC renamed NAME in the staged tree.
stage() {
	local name=$2 orig
	orig=$(sed -n 's/^name: *\([^ ]*\) *$/\1/p' "$1" | head -n1)
	[ -n "$orig" ] || die "$1: no top-level name"
	sed "s/^name: *$orig *\$/name: $name/" "$1" >"$out/tmp/$name.yaml"
	if [ "${3:-}" = mutate ]; then
		"$py" - "$out/tmp/$name.yaml" <<'EOF'
import sys, yaml
path = sys.argv[1]
spdx = open(path).readline()
spec = yaml.safe_load(open(path))
for d in spec.get("definitions", []):
    if d.get("type") == "const" and isinstance(d.get("value"), int):
        d["value"] -= 1
next(op for op in spec["operations"]["list"] if op.get("flags")).pop("flags")
open(path, "w").write(spdx + yaml.safe_dump(spec, sort_keys=False))
EOF
	fi
	update "$out/tmp/$name.yaml" "$tree/Documentation/netlink/specs/$name.yaml"
}

# The C side: cgen.py, and a Kbuild. c/IDENT/IDENT.ko registers family NAME.
c_stub() { # SPEC NAME [mutate]
	local ident=${2//-/_}
	stage "$1" "$2" "${3:-}" &&
	"$py" "$here/cgen.py" gen "$ksrc" "$tree/Documentation/netlink/specs/$2.yaml" "$out/c/$ident" &&
	"$py" "$here/cgen.py" stub "$out/c/$ident" "$ident" &&
	printf 'obj-m := %s.o\nccflags-y := -I$(src)\n' "$ident" >"$out/tmp/Kbuild" &&
	update "$out/tmp/Kbuild" "$out/c/$ident/Kbuild" &&
	dirs+=("$out/c/$ident")
}

# The Rust side: the skeleton `make new-family` scaffolds (its own copy of
# the layer included), in rs/IDENT, written only where it changed.
rs_stub() { # SPEC NAME
	local ident=${2//-/_} f
	stage "$1" "$2" &&
	rm -rf "$out/tmp/rs" && mkdir -p "$out/tmp/rs" &&
	KSRC=$ksrc RGNL_KERNEL=$version make -s -C "$RGNL_ROOT" new-family \
		SPEC="$tree/Documentation/netlink/specs/$2.yaml" DIR="$out/tmp/rs" >/dev/null &&
	(cd "$out/tmp/rs" && find . -type f) | while read -r f; do
		update "$out/tmp/rs/$f" "$out/rs/$ident/$f"
	done &&
	dirs+=("$out/rs/$ident")
}

# Every stub is built, and every one that builds is tested, whatever
# becomes of the others: a failure is reported at the end.
failed=()
# stub c|rs SPEC NAME [mutate]: a stub, or its failure and nothing of it.
stub() {
	local side=$1 ident=${3//-/_}
	shift
	if ! "${side}_stub" "$@"; then
		failed+=("$ident (generating it)")
		rm -rf "${out:?}/$side/$ident"
	fi
}

dirs=()
pairs=
for spec in "${specs[@]}"; do
	base=$(basename "$spec" .yaml)
	# (GENL_NAMSIZ: 15 bytes with the -rs suffix.)
	fam=${base//_/-}
	fam=${fam:0:12}
	fam=${fam%-}
	stub c "$spec" "$fam-c"
	stub rs "$spec" "$fam-rs"
	pairs+="$fam ${fam//-/_}_c $fam-c ${fam//-/_}_rs $fam-rs"$'\n'
done
stub c "$RGNL_ROOT/Documentation/netlink/specs/rgnl.yaml" rgnl-cx mutate

# One Kbuild run per stub (a module that does not compile stops its own
# run only), $(nproc) at a time. The Rust stubs, each a `make new-family`
# scaffold, build under clippy with the layer's family lints (no panicking
# construct), without a warning. The first builds its copy of the layer;
# the others link that one (genl.mk's genl-prebuilt: their copies are the
# same files), or build their own if it failed.
build() { # DIR [LAYER]
	if [[ $1 == "$out/rs/"* ]]; then
		"$RGNL_ROOT/tools/testing/kmake.sh" "$kdir" M="$1" CLIPPY=1 ${2:+genl-prebuilt="$2"} modules \
			>"$1/build.log" 2>&1 && ! grep -E -A5 '^(warning|error)' "$1/build.log"
	else
		"$RGNL_ROOT/tools/testing/kmake.sh" "$kdir" M="$1" modules >"$1/build.log" 2>&1
	fi
}
first=
for dir in "${dirs[@]}"; do
	[[ $dir == "$out/rs/"* ]] && { first=$dir; break; }
done
order=(${first:+"$first"})
for dir in "${dirs[@]}"; do
	[ "$dir" = "$first" ] || order+=("$dir")
done
pids=() layer=
for dir in "${order[@]}"; do
	while (($(jobs -rp | wc -l) >= $(nproc))); do wait -n || true; done
	if [[ $dir == "$out/rs/"* && $dir != "$first" && -z $layer ]]; then
		layer=none
		wait "${pids[0]}" && layer=$first
	fi
	build "$dir" "${layer#none}" &
	pids+=($!)
done
# What the VM gets: the modules of every run that succeeded.
mkdir -p "$out/guest"
for i in "${!order[@]}"; do
	if wait "${pids[$i]}"; then
		cp "${order[$i]}"/*.ko "$out/guest/"
	else
		tail -n 30 "${order[$i]}/build.log" >&2
		failed+=("${order[$i]#"$out"/} (building it: ${order[$i]}/build.log)")
	fi
done
# The scaffold's own kselftest, and the commands its spec has (one family
# stands for all: handshake's), for the suite to check `make new-family`.
scaffold=$out/rs/handshake_rs
if [ -d "$scaffold" ]; then
	if make -s -C "$scaffold/selftests" KSRC="$ksrc" OUTPUT="$out/guest" >"$out/selftest.log" 2>&1; then
		"$py" - "$RGNL_ROOT/tools/net/ynl" "$ksrc" "$tree/Documentation/netlink/specs/handshake-rs.yaml" \
			>"$out/guest/scaffold.txt" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
from ynl_gen_rust.spec import Spec
spec = Spec(sys.argv[3], sys.argv[2])
print(spec.name, " ".join(f"ID-{op.value:#x}" for op in spec.calls()))
EOF
	else
		cat "$out/selftest.log" >&2
		failed+=("the scaffold's kselftest (building it: $out/selftest.log)")
	fi
	# Its client crate (generated types, typed calls and command line)
	# builds clippy-clean, with the versions rgnl's tools use.
	if ! (cd "$scaffold/client" && CARGO_TARGET_DIR=$RGNL_ROOT/tools/target/scaffold \
		cargo clippy --quiet --offline -- -D warnings) >"$out/client.log" 2>&1; then
		cat "$out/client.log" >&2
		failed+=("the scaffold's client crate (cargo clippy: $out/client.log)")
	fi
fi
cp "$here/compare.py" "$here/codegen.py" "$here/settings" "$out/guest/"
printf '%s' "$pairs" >"$out/guest/pairs.txt"
for f in "${failed[@]}"; do
	echo "FAILED: $f" >&2
done
echo "$out/guest"
((${#failed[@]} == 0))
