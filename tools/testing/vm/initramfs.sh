#!/bin/bash
# Build the test VM's initramfs base and print its path.
#
# busybox (static) + /init + host binaries the tests use, each with the shared
# libraries ldd lists, copied at their host paths. Cached by content of this
# script, init.sh, lib.sh and the binaries; the per-run files are appended by run.sh
# as a second cpio archive (the kernel unpacks concatenated archives).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

# iproute2's genl and ip (for `genl ctrl list` and netns), util-linux's
# setpriv/unshare (dropping privileges, user namespaces).
HOST_BINARIES=(/usr/bin/busybox /sbin/genl /bin/ip /usr/bin/setpriv /usr/bin/unshare)

key=$( { cat "$0" "$(dirname "$0")/init.sh" "$(dirname "$0")/../lib.sh"; sha256sum "${HOST_BINARIES[@]}"; } | sha256sum | cut -c1-12)
out=$RGNL_CACHE/initramfs-base-$key.cpio.gz
if [ -f "$out" ]; then echo "$out"; exit 0; fi

for b in "${HOST_BINARIES[@]}"; do [ -x "$b" ] || die "$b missing: run tools/testing/deps.sh"; done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
chmod 755 "$root" # mktemp's 0700 would become the guest's / and lock out non-root
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run,root,etc,rgnl,var}
ln -s ../run "$root/var/run"
install -m755 "$(dirname "$0")/init.sh" "$root/init"
for b in "${HOST_BINARIES[@]}"; do
	mkdir -p "$root$(dirname "$b")"
	cp -L "$b" "$root$b"
	copy_libs "$root" "$b"
done
mv "$root/usr/bin/busybox" "$root/bin/busybox"
echo "root:x:0:0:root:/root:/bin/sh" >"$root/etc/passwd"
echo "nobody:x:65534:65534:nobody:/:/bin/sh" >>"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
mkdir -p "$RGNL_CACHE"
find "$RGNL_CACHE" -maxdepth 1 -name 'initramfs-base-*' -delete
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$out.tmp"
mv "$out.tmp" "$out"
echo "$out"
