#!/bin/bash
# ynl-gen-rust.py on broken specs: each must stop the generator with the
# spec's path and the offending item, never a Python traceback. Prints TAP.
# Usage: ynl-gen-rust-errors.sh KSRC
set -uo pipefail
source "$(dirname "$0")/lib.sh"
ksrc=$1
spec=$RGNL_ROOT/Documentation/netlink/specs/rgnl.yaml
dir=$(mktemp -d /tmp/rgnl-gen-errors.XXXXXX)
trap 'rm -rf "$dir"' EXIT
n=0

# broken WHAT EXPECTED PYTHON [MODES]: rgnl.yaml edited by PYTHON (on `s`,
# the text) must fail to generate in MODES (default: kernel and user),
# saying EXPECTED, without a traceback.
broken() {
	local what=$1 expected=$2 edit=$3 modes=${4:-kernel user} out ok=0
	n=$((n + 1))
	python3 -c "import sys
s = open(sys.argv[1]).read()
$edit
open(sys.argv[2], 'w').write(s)" "$spec" "$dir/broken.yaml"
	for mode in $modes; do
		out=$("$RGNL_ROOT/tools/net/ynl/ynl-gen-rust.py" --ksrc "$ksrc" --spec "$dir/broken.yaml" \
			--mode $mode 2>&1 >/dev/null)
		if [ $? -ne 1 ] || [[ $out != "$dir/broken.yaml: "*"$expected"* ]] || [[ $out == *Traceback* ]]; then
			echo "# --mode $mode: $out" | head -n 5
			ok=1
		fi
	done
	if [ $ok = 0 ]; then echo "ok $n - ynl-gen-rust refuses $what"; else echo "not ok $n - ynl-gen-rust refuses $what"; fi
}

broken "an unknown attribute type" "'u33' is not one of" \
	"s = s.replace('name: tag\n        type: u32', 'name: tag\n        type: u33')"
broken "a dangling nested-attributes reference" "entry/nested-attributes: 'nosuch' names no" \
	"s = s.replace('nested-attributes: entry', 'nested-attributes: nosuch')"
broken "a request naming an attribute the set lacks" \
	"operations/entry-del/do/request: 'nosuch' is not an attribute of set 'rgnl'" \
	"s = s.replace('attributes: [ key ]\n    -\n      name: flush', 'attributes: [ nosuch ]\n    -\n      name: flush')"
broken "two operations of one name" "operations: 'echo' and 'echo' are the same Rust name ECHO" \
	"s = s.replace('name: limits-set', 'name: echo')"
broken "an attribute whose Rust name clashes with the set's MAX" "attribute-sets/rgnl/max: clashes" \
	"s = s.replace('name: bytes\n', 'name: max\n')" kernel
broken "a fixed header (not supported)" "operations/fixed-header: fixed headers are not supported" \
	"s = s.replace('\nattribute-sets:\n', '  -\n    type: struct\n    name: hdr\n    members:\n      -\n        name: x\n        type: u32\n\nattribute-sets:\n', 1).replace('operations:\n', 'operations:\n  fixed-header: hdr\n', 1)" kernel
broken "a check that does not fit the kernel's field" "max-len: 70000 does not fit" \
	"s = s.replace('value: 4096', 'value: 70000')" kernel
broken "a constant of a C header whose value the layer does not have" \
	"definitions/key-max-len: a constant of C header linux/foo.h" \
	"s = s.replace('name: key-max-len\n', 'name: key-max-len\n    header: linux/foo.h\n')" kernel

# generated WHAT EXPECTED PYTHON: rgnl.yaml edited by PYTHON generates in
# kernel mode, and the output holds the line EXPECTED.
generated() {
	n=$((n + 1))
	python3 -c "import sys
s = open(sys.argv[1]).read()
$3
open(sys.argv[2], 'w').write(s)" "$spec" "$dir/edited.yaml"
	if "$RGNL_ROOT/tools/net/ynl/ynl-gen-rust.py" --ksrc "$ksrc" --spec "$dir/edited.yaml" \
		--mode kernel --out "$dir/out.rs" && grep -qxF -- "$2" "$dir/out.rs"; then
		echo "ok $n - ynl-gen-rust writes $1"
	else
		echo "# expected the line: $2"
		echo "not ok $n - ynl-gen-rust writes $1"
	fi
}

# (The family's name has no pattern in the schemas.)
generated "a family name with a quote and a backslash as exactly those bytes" \
	'    const NAME: &'"'"'static kernel::str::CStr = kernel::c_str!("r\"g\\l");' \
	"s = s.replace('name: rgnl\n', 'name: r\"g\\\\l\n', 1)"
generated "a header constant as the C macro's value, checked to fit an s16 bound" \
	'            genl::AttrPolicy::u32().max(genl::c_header::fit_i16::<PAGE_SIZE>()),' \
	"s = s.replace('definitions:\n', 'definitions:\n  -\n    type: const\n    name: page-size\n    value: 0\n    header: asm/page.h\n', 1).replace('name: tag\n        type: u32', 'name: tag\n        type: u32\n        checks:\n          max: page-size', 1)"
echo "1..$n"
