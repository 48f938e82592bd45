# Shared helpers for rgnl's build and test scripts. Source it, do not run it.

RGNL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RGNL_CACHE=${RGNL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rgnl}
# The kernel and the module are built with Debian's rustc-web: it ships the
# `core` sources the kernel needs; rustup's toolchain on PATH does not.
RGNL_BINDGEN=${BINDGEN:-$HOME/.cargo/bin/bindgen}
KMAKE_FLAGS=(LLVM=1 RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc BINDGEN="$RGNL_BINDGEN")
# bindgen loads the newest libclang it finds; 6.12 is built with clang-14,
# whose flags a newer libclang refuses (a clang-19 installed for 7.3 would
# otherwise break the build).
export LIBCLANG_PATH=${LIBCLANG_PATH:-/usr/lib/llvm-14/lib}

log() { printf '[rgnl %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[rgnl] error: %s\n' "$*" >&2; exit 1; }

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
