#!/bin/bash
# Install what rgnl needs on Debian bookworm for the kernel RGNL_KERNEL
# (6.12 by default, or 7.3), idempotently: a no-op (a few seconds) when
# everything is present.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
check_kernel "$RGNL_KERNEL"

APT_PACKAGES=(
	linux-source-6.12 rustc-web rust-web-src rust-web-clippy
	clang lld llvm libclang-dev
	flex bison bc libelf-dev libssl-dev cpio kmod
	qemu-system-x86 busybox-static iproute2 python3 python3-yaml python3-jsonschema
	make gcc libc6-dev patch perl
)
BINDGEN_VERSION=0.69.5
# 7.3 needs LLVM >= 17: bookworm's clang-19.
[ "$RGNL_KERNEL" = 7.3 ] && APT_PACKAGES+=(clang-19 lld-19 llvm-19 libclang1-19)

[ "$(id -u)" = 0 ] || SUDO=sudo
missing=()
for p in "${APT_PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	log "installing apt packages: ${missing[*]}"
	${SUDO:-} apt-get update -qq
	DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! "$HOME/.cargo/bin/bindgen" --version 2>/dev/null | grep -q " $BINDGEN_VERSION\$"; then
	log "installing bindgen-cli $BINDGEN_VERSION (cargo install, ~2 min)"
	cargo install --quiet bindgen-cli --version "$BINDGEN_VERSION" --locked
fi

[ "$RGNL_KERNEL" = 7.3 ] || exit 0

# 7.3's bindgen lives in the cache, beside the 0.69.5 that 6.12 uses.
if ! "$RGNL_CACHE/bindgen-$BINDGEN_071_VERSION/bin/bindgen" --version 2>/dev/null |
	grep -q " $BINDGEN_071_VERSION\$"; then
	log "installing bindgen-cli $BINDGEN_071_VERSION into $RGNL_CACHE (cargo install, ~2 min)"
	cargo install --quiet bindgen-cli --version "$BINDGEN_071_VERSION" --locked \
		--root "$RGNL_CACHE/bindgen-$BINDGEN_071_VERSION"
fi

# The 7.3 source: Debian's linux-source-7.3 from trixie-backports, an
# Architecture: all package holding only the tarball. Its one .deb is fetched
# with a source list, package lists and cache private to rgnl, and unpacked
# into the cache: the machine's apt configuration is left alone.
tarball=$RGNL_CACHE/linux-source-7.3/usr/src/linux-source-7.3.tar.xz
[ -f "$tarball" ] && exit 0
log "fetching linux-source-7.3 from trixie-backports into $RGNL_CACHE"
apt=$RGNL_CACHE/apt-trixie-backports
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie-backports main" \
	>"$apt/sources.list"
private=(-o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
	-o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" -o Debug::NoLocking=1
	-o APT::Sandbox::User="$(id -un)")
apt-get "${private[@]}" update -qq
(cd "$apt" && rm -f linux-source-7.3_*.deb && apt-get "${private[@]}" download -qq linux-source-7.3)
rm -rf "$RGNL_CACHE/linux-source-7.3.tmp"
dpkg-deb -x "$apt"/linux-source-7.3_*.deb "$RGNL_CACHE/linux-source-7.3.tmp"
[ -f "$RGNL_CACHE/linux-source-7.3.tmp/usr/src/linux-source-7.3.tar.xz" ] ||
	die "the linux-source-7.3 package holds no usr/src/linux-source-7.3.tar.xz"
dpkg-deb -f "$apt"/linux-source-7.3_*.deb Version >"$RGNL_CACHE/linux-source-7.3.tmp/version"
rm -rf "$RGNL_CACHE/linux-source-7.3"
mv "$RGNL_CACHE/linux-source-7.3.tmp" "$RGNL_CACHE/linux-source-7.3"
rm -f "$apt"/linux-source-7.3_*.deb
