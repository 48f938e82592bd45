#!/bin/bash
# Build (or reuse) the rgnl test kernel and print its build directory.
#
#   kernel.sh [--debug]
#
# Debian's linux-source-6.12 is configured as tinyconfig + kernel.config
# (+ kernel-debug.config with --debug) and built with LLVM=1 and rustc-web
# into $RGNL_CACHE/kernel-<key>, where the key hashes the kernel version, the
# fragments, the toolchain versions and this script. A complete build is
# reused; anything else is rebuilt from scratch.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

fragments=("$RGNL_ROOT/tools/testing/vm/kernel.config")
variant=normal
if [ "${1:-}" = --debug ]; then
	fragments+=("$RGNL_ROOT/tools/testing/vm/kernel-debug.config")
	variant=debug
fi

tarball=/usr/src/linux-source-6.12.tar.xz
[ -f "$tarball" ] || die "$tarball missing: run tools/testing/deps.sh"
pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
key=$( {
	echo "$pkgver"
	cat "${fragments[@]}" "$0"
	/usr/bin/rustc --version
	"$RGNL_BINDGEN" --version
	clang --version | head -n1
} | sha256sum | cut -c1-12)
src=$RGNL_CACHE/src/linux-$pkgver
out=$RGNL_CACHE/kernel-$variant-$key

if [ -f "$out/.rgnl-complete" ]; then
	echo "$out"
	exit 0
fi

if [ ! -f "$src/.rgnl-extracted" ]; then
	log "extracting $tarball into $src"
	rm -rf "$src" && mkdir -p "$src"
	tar -xf "$tarball" -C "$src" --strip-components=1
	touch "$src/.rgnl-extracted"
fi

log "building $variant kernel $pkgver into $out (key $key); ~4 min on 2 cores"
rm -rf "$out" && mkdir -p "$out"
# Remove stale builds of this variant: each is a few hundred MB.
find "$RGNL_CACHE" -maxdepth 1 -name "kernel-$variant-*" ! -path "$out" -exec rm -rf {} +
kmake() { make -C "$src" O="$out" "${KMAKE_FLAGS[@]}" "$@"; }
kmake tinyconfig >"$out/config.log" 2>&1 || { cat "$out/config.log"; die "tinyconfig failed"; }
(cd "$src" && scripts/kconfig/merge_config.sh -m -O "$out" "$out/.config" "${fragments[@]}") >>"$out/config.log" 2>&1
kmake olddefconfig >>"$out/config.log" 2>&1
# merge_config does not check the result: an option whose dependencies are
# unmet is silently dropped. Fail instead, naming it.
for frag in "${fragments[@]}"; do
	while IFS= read -r line; do
		case "$line" in CONFIG_*=*) ;; *) continue ;; esac
		opt=${line%%=*} val=${line#*=}
		if [ "$val" = n ]; then
			! grep -q "^$opt=" "$out/.config" || die "$opt should be off but is on"
		else
			grep -qx "$opt=$val" "$out/.config" || {
				die "$opt=$val from $(basename "$frag") did not survive olddefconfig (unmet dependency?); see $out/config.log"
			}
		fi
	done <"$frag"
done
# `modules` also writes Module.symvers, which out-of-tree modules link against.
run_with_progress "$out/build.log" kmake -j"$(nproc)" bzImage modules
touch "$out/.rgnl-complete"
echo "$out"
