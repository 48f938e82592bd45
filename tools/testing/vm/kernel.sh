#!/bin/bash
# Build (or reuse) the rgnl test kernel and print its build directory.
#
#   kernel.sh [--debug]
#
# The kernel is RGNL_KERNEL's (6.12 by default, or 7.3): Debian's
# linux-source-6.12, or linux-source-7.3 as deps.sh fetched it into the
# cache. It is configured as tinyconfig + kernel.config (+ kernel-debug.config
# with --debug) and built with that kernel's toolchain (lib.sh:
# use_toolchain) into $RGNL_CACHE/kernel-[7.3-]<variant>-<key>, where the key
# hashes the kernel package version, the fragments, the toolchain versions
# and this script. A complete build is reused; anything else is rebuilt from
# scratch.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

fragments=("$RGNL_ROOT/tools/testing/vm/kernel.config")
variant=normal
if [ "${1:-}" = --debug ]; then
	fragments+=("$RGNL_ROOT/tools/testing/vm/kernel-debug.config")
	variant=debug
fi

use_toolchain "$RGNL_KERNEL"
# (6.12 keeps its cache names from before 7.3 was supported.)
if [ "$RGNL_KERNEL" = 6.12 ]; then
	tarball=/usr/src/linux-source-6.12.tar.xz
	pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || true)
else
	tarball=$RGNL_CACHE/linux-source-$RGNL_KERNEL/usr/src/linux-source-$RGNL_KERNEL.tar.xz
	pkgver=$(cat "$RGNL_CACHE/linux-source-$RGNL_KERNEL/version" 2>/dev/null || true)
	variant=$RGNL_KERNEL-$variant
fi
[ -f "$tarball" ] && [ -n "$pkgver" ] || die "$tarball missing: run tools/testing/deps.sh (make deps KERNEL=$RGNL_KERNEL)"
clang=clang
case $RGNL_LLVM in -*) clang=clang$RGNL_LLVM ;; */) clang=${RGNL_LLVM}clang ;; esac
key=$( {
	echo "$pkgver"
	cat "${fragments[@]}" "$0"
	/usr/bin/rustc --version
	"$RGNL_BINDGEN" --version
	"$clang" --version | head -n1
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

log "building $variant kernel $pkgver into $out (key $key); 5 to 10 min on 2 cores"
rm -rf "$out" && mkdir -p "$out"
# Remove stale builds of this variant: each is a few hundred MB.
find "$RGNL_CACHE" -maxdepth 1 -name "kernel-$variant-*" ! -path "$out" -exec rm -rf {} +
kmake() { make -C "$src" O="$out" "${KMAKE_FLAGS[@]}" "$@"; }
kmake tinyconfig >"$out/config.log" 2>&1 || { cat "$out/config.log"; die "tinyconfig failed"; }
(cd "$src" && scripts/kconfig/merge_config.sh -m -O "$out" "$out/.config" "${fragments[@]}") >>"$out/config.log" 2>&1
kmake olddefconfig >>"$out/config.log" 2>&1
# merge_config does not check the result: an option whose dependencies are
# unmet is silently dropped. Fail instead, naming it. An option this kernel
# does not have at all is skipped: the fragments serve both kernels (7.3
# folded PROC_SYSCTL into SYSCTL).
# exists OPT: whether this kernel has the option at all.
exists() { grep -rqE "^[[:space:]]*(menu)?config ${1#CONFIG_}\b" --include='Kconfig*' "$src"; }
for frag in "${fragments[@]}"; do
	while IFS= read -r line; do
		case "$line" in CONFIG_*=*) ;; *) continue ;; esac
		opt=${line%%=*} val=${line#*=}
		if [ "$val" = n ]; then
			! grep -q "^$opt=" "$out/.config" || die "$opt should be off but is on"
		elif ! grep -qx "$opt=$val" "$out/.config"; then
			exists "$opt" || { log "$opt from $(basename "$frag") is not an option of this kernel: skipped"; continue; }
			die "$opt=$val from $(basename "$frag") did not survive olddefconfig (unmet dependency?); see $out/config.log"
		fi
	done <"$frag"
done
# `modules` also writes Module.symvers, which out-of-tree modules link against.
run_with_progress "$out/build.log" kmake -j"$(nproc)" bzImage modules
touch "$out/.rgnl-complete"
echo "$out"
