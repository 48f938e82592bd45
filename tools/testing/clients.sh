#!/bin/bash
# Every genetlink spec of a kernel tree through ynl-gen-rust.py --mode user,
# and the generated clients built together (clippy with warnings as errors)
# in one crate on the client runtime (tools/ynl), with the program that
# drives the kernel's own families through them (clients/families.rs, for
# the families VM suite; built into tools/target/clients/debug).
# Prints TAP: a line per spec (it generates and its module builds clean),
# and one for the program.
#
#   clients.sh KSRC
set -uo pipefail
source "$(dirname "$0")/lib.sh"
ksrc=$1
dir=$(mktemp -d /tmp/rgnl-clients.XXXXXX)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src/bin"
# The versions the workspace already uses (nothing to fetch).
cp "$RGNL_ROOT/tools/Cargo.lock" "$dir/"
cp "$RGNL_ROOT/tools/testing/clients/families.rs" "$dir/src/bin/"
cat >"$dir/Cargo.toml" <<TOML
[package]
name = "clients"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
serde = "1"
serde_json = "1"
ynl = { path = "$RGNL_ROOT/tools/ynl" }

[workspace]
TOML

specs=() failed=()
for spec in "$ksrc"/Documentation/netlink/specs/*.yaml; do
	case $(sed -n 's/^protocol: *//p' "$spec") in
	netlink-raw) continue ;;
	esac
	name=$(basename "$spec" .yaml | tr -- '-' '_')
	specs+=("$name")
	if ! out=$("$RGNL_ROOT/tools/net/ynl/ynl-gen-rust.py" --ksrc "$ksrc" --spec "$spec" --mode user \
		--out "$dir/src/$name.rs" 2>&1); then
		failed+=("$name")
		printf '# %s\n' "$out" >"$dir/$name.why"
		continue
	fi
	echo "pub mod $name;" >>"$dir/src/lib.rs"
done

# Diagnostics name the file: each one counts against its spec.
export CARGO_TARGET_DIR=$RGNL_ROOT/tools/target/clients
# (Never a program of another tree's clients left from an earlier run.)
# The program unoptimised, without debug info: it decodes a few replies,
# and an optimised build of every client costs minutes, twice.
export CARGO_PROFILE_DEV_DEBUG=0
bin=$CARGO_TARGET_DIR/debug
rm -f "$bin/families" "$bin/families-mutated"
(cd "$dir" && cargo clippy --quiet --message-format short --all-targets -- -D warnings) \
	>"$dir/build.log" 2>&1
build=$?
n=0
echo "1..$((${#specs[@]} + 2))"
for name in "${specs[@]}"; do
	n=$((n + 1))
	if [ -e "$dir/$name.why" ]; then
		cat "$dir/$name.why"
		echo "not ok $n - user mode: $name generates"
	elif grep -q "^src/$name\.rs:" "$dir/build.log"; then
		grep "^src/$name\.rs:" "$dir/build.log" | head -n 5 | sed 's/^/# /'
		echo "not ok $n - user mode: $name's client builds (clippy -D warnings)"
	elif [ $build != 0 ] && ! grep -q '^src/' "$dir/build.log"; then
		sed 's/^/# /' "$dir/build.log" | head -n 10
		echo "not ok $n - user mode: $name's client builds (clippy -D warnings)"
	else
		echo "ok $n - user mode: $name generates and its client builds (clippy -D warnings)"
	fi
done
n=$((n + 1))
if [ $build = 0 ] && (cd "$dir" && cargo build --quiet --bin families) >"$dir/bin.log" 2>&1; then
	echo "ok $n - families: the kernel's families driven through the generated clients builds"
else
	grep -E '^(src/bin|error)' "$dir/build.log" "$dir/bin.log" 2>/dev/null | head -n 10 | sed 's/^/# /'
	echo "not ok $n - families: the kernel's families driven through the generated clients builds"
fi
# The same program on clients with netdev's ifindex decoded one too high:
# the families suite must tell it from YNL (its mutation_caught case).
n=$((n + 1))
if [ -x "$bin/families" ]; then
	cp "$bin/families" "$dir/families.good"
	sed -i 's/once(&mut out.ifindex, &a, ynl::codec::scalar::<u32>(&a, false)?)/once(\&mut out.ifindex, \&a, ynl::codec::scalar::<u32>(\&a, false)? + 1)/' \
		"$dir/src/netdev.rs"
	if grep -q 'false)? + 1)' "$dir/src/netdev.rs" &&
		(cd "$dir" && cargo build --quiet --bin families) >"$dir/mutated.log" 2>&1; then
		mv "$bin/families" "$bin/families-mutated"
		echo "ok $n - families: built again on a netdev client mis-decoding ifindex"
	else
		sed 's/^/# /' "$dir/mutated.log" | head -n 10
		echo "not ok $n - families: built again on a netdev client mis-decoding ifindex"
	fi
	cp "$dir/families.good" "$bin/families"
else
	echo "ok $n - families: built again on a netdev client mis-decoding ifindex # SKIP no families program"
fi
