#!/bin/bash
# Compile-fail tests of the genetlink layer. Prints TAP. Usage: run.sh KDIR
#
# template.rs is a family that builds (the control cases check it, also
# under clippy). Each file of cases/ is a unified diff (diff -u) against it
# that turns it into a misuse of the layer; the case passes when the build
# fails with the expected error. The lines before the diff's first `---`,
# which patch ignores, describe the case:
#
#   # why the layer refuses this (a comment)
#   what: the TAP description
#   expect: a fixed string the failed build must print
#   clippy: yes     (optional: build under clippy, make CLIPPY=1, whose
#                    family lints in genl.mk then fail the build)
#
# The diffs of cases/scaffold/ apply to the scaffold ynl-gen-rust.py
# --mode family writes for rgnl.yaml, on rgnl's generated tables. A diff
# must apply without fuzz. In its added lines, @REPEAT N C@ stands for the
# character C N times: a line too long to keep in a file.
set -uo pipefail
source "$(dirname "$0")/../lib.sh"
kdir=$1
here=$RGNL_ROOT/tools/testing/compile-fail
dir=$(mktemp -d /tmp/rgnl-compile-fail.XXXXXX)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/Kbuild" <<KBUILD
genl-crate := \$(basename \$(notdir \$(wildcard \$(src)/cf_*.rs)))
include $RGNL_ROOT/rust/genl/genl.mk
KBUILD
n=0

# build NAME: build $dir/cf_NAME.rs as crate cf_NAME; its output in
# $dir/NAME.log. With CF_CLIPPY=1, under clippy (make CLIPPY=1), whose
# family lints (genl.mk) then fail the build.
build() {
	"$RGNL_ROOT/tools/testing/kmake.sh" "$kdir" M="$dir" ${CF_CLIPPY:+CLIPPY=1} "cf_$1.o" >"$dir/$1.log" 2>&1
}

tap() { # tap OK WHAT
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - compile-fail: $2"; else echo "not ok $n - compile-fail: $2"; fi
}

control() { # control NAME SOURCE WHAT: SOURCE must build
	cp "$2" "$dir/cf_$1.rs"
	if build "$1"; then
		tap 0 "$3"
	else
		tail -n 20 "$dir/$1.log" | sed 's/^/# /'
		tap 1 "$3"
	fi
}

field() { # field NAME PATCH: the value of NAME: in PATCH's header
	sed -n -e '/^--- /q' -e "s/^$1: //p" "$2"
}

# case_ BASE PATCH: BASE with PATCH applied must fail to build, printing the
# patch's expected error.
case_() {
	local base=$1 patch=$2 name=case$((n + 1)) what expected clippy=
	local src=$dir/cf_$name.rs file=${2#"$here/"}
	what=$(field what "$patch")
	expected=$(field expect "$patch")
	[ "$(field clippy "$patch")" = yes ] && clippy=1
	if [ -z "$what" ] || [ -z "$expected" ]; then
		echo "# $file has no what: or no expect: line"
		tap 1 "${what:-$file}"
		return
	fi
	if ! patch -s -f -F0 --no-backup-if-mismatch -r - -o "$src" "$base" <"$patch" >"$dir/$name.log" 2>&1; then
		echo "# $file does not apply to $(basename "$base")"
		sed 's/^/# /' "$dir/$name.log"
		rm -f "$src"
		tap 1 "$what"
		return
	fi
	perl -pi -e 's/\@REPEAT (\d+) (.)\@/$2 x $1/ge' "$src"
	if CF_CLIPPY=${CF_CLIPPY:-$clippy} build "$name"; then
		echo "# $file: it built"
		tap 1 "$what"
	elif ! grep -qF -- "$expected" "$dir/$name.log"; then
		echo "# $file: the build failed, but without: $expected"
		grep -E '^(error|warning)' "$dir/$name.log" | head -n 5 | sed 's/^/# /'
		tap 1 "$what"
	else
		tap 0 "$what"
	fi
}

control control "$here/template.rs" "(control) the unchanged template builds"
cp "$here/template.rs" "$dir/cf_control_clippy.rs"
if CF_CLIPPY=1 build control_clippy && ! grep -q '^warning' "$dir/control_clippy.log"; then
	tap 0 "(control) the unchanged template builds under clippy without a warning"
else
	grep -A5 -E '^(warning|error)' "$dir/control_clippy.log" | head -n 20 | sed 's/^/# /'
	tap 1 "(control) the unchanged template builds under clippy without a warning"
fi
for patch in "$here"/cases/*.patch; do
	case_ "$here/template.rs" "$patch"
done

# The contract of generated tables (ynl-gen-rust.py): rgnl's tables and the
# scaffold `--mode family` writes on them, every handler implemented,
# answering EOPNOTSUPP.
ksrc=$(tree_source "$kdir")
gen() { "$RGNL_ROOT/tools/net/ynl/ynl-gen-rust.py" --ksrc "$ksrc" \
	--spec "$RGNL_ROOT/Documentation/netlink/specs/rgnl.yaml" --mode "$1" --out "$2"; }
gen kernel "$dir/rgnl_nl.rs"
gen family "$dir/scaffold.rs"
control scaffold "$dir/scaffold.rs" "(control) the scaffold of rgnl.yaml builds"
for patch in "$here"/cases/scaffold/*.patch; do
	case_ "$dir/scaffold.rs" "$patch"
done

echo "1..$n"
