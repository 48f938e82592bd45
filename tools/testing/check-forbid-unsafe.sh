#!/bin/bash
# Checks that every module crate built on the genetlink layer (a Kbuild
# setting `genl-crate`) declares #![forbid(unsafe_code)] in its crate root,
# so that the compiler proves the family free of unsafe code.
# Usage: check-forbid-unsafe.sh DIR...
status=0 found=0
while read -r kbuild; do
	root=$(sed -n 's/^genl-crate := \([a-z0-9_]*\)$/\1/p' "$kbuild")
	[ -n "$root" ] || continue
	file=$(dirname "$kbuild")/$root.rs
	found=$((found + 1))
	if ! grep -qx '#!\[forbid(unsafe_code)\]' "$file"; then
		echo "$file: no #![forbid(unsafe_code)]"
		status=1
	fi
done < <(find "$@" -name Kbuild)
((found)) || { echo "no family crate found under $*"; exit 1; }
exit $status
