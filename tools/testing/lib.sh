# Shared helpers for rgnl's build and test scripts. Source it, do not run it.

RGNL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RGNL_CACHE=${RGNL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rgnl}
BINDGEN_071_VERSION=0.71.1

log() { printf '[rgnl %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[rgnl] error: %s\n' "$*" >&2; exit 1; }

# The kernels rgnl builds and tests on (make KERNEL=...; 6.12 by default).
# A script run by hand takes KERNEL as make does (make exports it to the
# scripts as RGNL_KERNEL).
RGNL_KERNELS=(6.12 7.3)
if [ -n "${KERNEL:-}" ] && [ -n "${RGNL_KERNEL:-}" ] && [ "$KERNEL" != "$RGNL_KERNEL" ]; then
	die "KERNEL=$KERNEL and RGNL_KERNEL=$RGNL_KERNEL disagree: set one"
fi
RGNL_KERNEL=${RGNL_KERNEL:-${KERNEL:-6.12}}

# check_kernel VERSION: die unless rgnl supports that kernel.
check_kernel() {
	[[ " ${RGNL_KERNELS[*]} " == *" $1 "* ]] ||
		die "rgnl builds on Linux ${RGNL_KERNELS[*]}, not on ${1:-an unknown version}"
}

# use_toolchain VERSION: the compilers a kernel of VERSION is built with, as
# KMAKE_FLAGS (for make) and LIBCLANG_PATH (for bindgen). The kernel and the
# modules are built with Debian's rustc-web: it ships the `core` sources the
# kernel needs; rustup's toolchain on PATH does not. 6.12 takes bookworm's
# clang-14 and bindgen 0.69.5; 7.3 needs LLVM >= 17 and bindgen >= 0.71.1:
# clang-19 and a bindgen installed in the cache (deps.sh). bindgen loads the
# newest libclang it finds, whose flags may not be the compiler's (clang-19's
# refuses clang-14's), so LIBCLANG_PATH is pinned. LLVM, BINDGEN and
# LIBCLANG_PATH from the environment override these (a tree of your own,
# built with another toolchain).
use_toolchain() {
	check_kernel "$1"
	local llvm=1 libclang=/usr/lib/llvm-14/lib bindgen=$HOME/.cargo/bin/bindgen
	if [ "$1" = 7.3 ]; then
		llvm=-19 libclang=/usr/lib/llvm-19/lib bindgen=$RGNL_CACHE/bindgen-$BINDGEN_071_VERSION/bin/bindgen
	fi
	RGNL_LLVM=${LLVM:-$llvm}
	RGNL_BINDGEN=${BINDGEN:-$bindgen}
	export LIBCLANG_PATH=${LIBCLANG_PATH:-$libclang}
	KMAKE_FLAGS=(LLVM="$RGNL_LLVM" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc BINDGEN="$RGNL_BINDGEN"
		CLIPPY_DRIVER=/usr/bin/clippy-driver)
}

# tree_version KDIR: the VERSION.PATCHLEVEL of a kernel tree or O= build
# directory (whose Makefile only includes the source's).
tree_version() {
	local mk=$1/Makefile
	[ -f "$1/source/Makefile" ] && mk=$1/source/Makefile
	[ -f "$mk" ] || die "$1 is not a kernel tree (no Makefile)"
	awk '/^VERSION =/ { v = $3 } /^PATCHLEVEL =/ { p = $3 } END { if (v != "") print v "." p }' "$mk"
}

# tree_source KDIR: the source tree of a kernel tree or O= build directory.
tree_source() {
	if [ -e "$1/source" ]; then readlink -f "$1/source"; else echo "$1"; fi
}

# copy_libs ROOT FILE: copy the shared libraries FILE needs (as ldd lists
# them; none for a static file) into ROOT at their host paths.
copy_libs() {
	local lib
	for lib in $(ldd "$2" 2>/dev/null | grep -o '/[^ ]*' || true); do
		[ -e "$1$lib" ] && continue
		mkdir -p "$1$(dirname "$lib")"
		cp -L "$lib" "$1$lib"
	done
}

# run_with_progress LOGFILE CMD...: run CMD with output to LOGFILE, printing
# elapsed time every 30 s, and the log's tail when it fails.
run_with_progress() {
	local logfile=$1; shift
	local start=$SECONDS
	"$@" >"$logfile" 2>&1 &
	local pid=$! next=$((SECONDS + 30))
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if ((SECONDS >= next)); then
			next=$((SECONDS + 30))
			log "  ... $((SECONDS - start))s, $(grep -c -E '^ +(CC|RUSTC|LD|AR|BINDGEN)' "$logfile") objects, last: $(tail -n1 "$logfile" | cut -c1-80)"
		fi
	done
	if ! wait "$pid"; then
		tail -n 40 "$logfile" >&2
		die "failed after $((SECONDS - start))s: $* (full log: $logfile)"
	fi
	log "  done in $((SECONDS - start))s"
}
