#!/bin/bash
# Install what rgnl needs on Debian bookworm, idempotently: a no-op (a few
# seconds) when everything is present.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

APT_PACKAGES=(
	linux-source-6.12 rustc-web rust-web-src rust-web-clippy
	clang lld llvm libclang-dev
	flex bison bc libelf-dev libssl-dev cpio kmod
	qemu-system-x86 busybox-static iproute2 python3 python3-yaml python3-jsonschema
	make gcc libc6-dev
)
BINDGEN_VERSION=0.69.5

missing=()
for p in "${APT_PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	log "installing apt packages: ${missing[*]}"
	[ "$(id -u)" = 0 ] || SUDO=sudo
	${SUDO:-} apt-get update -qq
	DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! "$HOME/.cargo/bin/bindgen" --version 2>/dev/null | grep -q " $BINDGEN_VERSION\$"; then
	log "installing bindgen-cli $BINDGEN_VERSION (cargo install, ~2 min)"
	cargo install --quiet bindgen-cli --version "$BINDGEN_VERSION" --locked
fi
