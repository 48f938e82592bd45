#!/bin/bash
# make in a prepared kernel tree (or O= build directory) with the toolchain
# of its version (lib.sh: use_toolchain): how rgnl's modules are built.
#
#   kmake.sh KDIR MAKE-ARGS...
set -euo pipefail
source "$(dirname "$0")/lib.sh"
(($# >= 1)) || die "usage: kmake.sh KDIR MAKE-ARGS..."
version=$(tree_version "$1")
use_toolchain "$version"
exec make -C "$1" "${KMAKE_FLAGS[@]}" "${@:2}"
