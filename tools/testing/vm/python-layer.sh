#!/bin/bash
# Build the test VM's Python layer and print its path: the host's
# /usr/bin/python3 with its standard library and PyYAML, plus the YNL CLI
# (cli.py and its lib/: tools/net/ynl on 6.12, tools/net/ynl/pyynl on 7.3)
# and specs (Documentation/netlink) of the kernel under test, under /ynl.
# run.sh --python adds it to a run; most runs do without (it makes the
# initramfs ~4x larger).
#
# Cached by content of this script and the files it takes.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

py=/usr/bin/python3
[ -x "$py" ] || die "$py missing: run tools/testing/deps.sh"
stdlib=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
yaml_dir=$("$py" -c 'import os, yaml; print(os.path.dirname(yaml.__file__))')
kdir=${KDIR:-$("$RGNL_ROOT/tools/testing/vm/kernel.sh" ${RGNL_DEBUG:-})}
src=$(tree_source "$kdir")
ynl=$src/tools/net/ynl
[ -f "$ynl/pyynl/cli.py" ] && ynl=$ynl/pyynl
[ -f "$ynl/cli.py" ] || die "no YNL CLI in the kernel source at $src"

key=$( {
	cat "$0" "$(dirname "$0")/../lib.sh"
	"$py" --version
	ls -l --time-style=+%s "$yaml_dir"
	echo "$src"
} | sha256sum | cut -c1-12)
version=$(tree_version "$kdir")
out=$RGNL_CACHE/initramfs-python-$version-$key.cpio.gz
if [ -f "$out" ]; then echo "$out"; exit 0; fi

log "building the Python layer (python3, stdlib, PyYAML, YNL)"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
real=$(readlink -f "$py")
mkdir -p "$root/usr/bin" "$root$stdlib" "$root/usr/lib/python3/dist-packages"
cp "$real" "$root$real"
ln -sf "$(basename "$real")" "$root/usr/bin/python3"
# Python kselftests start with #!/usr/bin/env python3 (the kernel's runner
# executes them); busybox, in the base layer, has env.
ln -sf /bin/busybox "$root/usr/bin/env"
copy_libs "$root" "$real"
# The standard library without what tests never import.
tar -C "$stdlib" --exclude=__pycache__ --exclude=test --exclude=idlelib --exclude=tkinter \
	--exclude=turtledemo --exclude=ensurepip --exclude=lib2to3 --exclude=pydoc_data \
	--exclude='config-*' -cf - . | tar -C "$root$stdlib" -xf -
for so in "$stdlib"/lib-dynload/*.so "$yaml_dir"/../_yaml*.so "$yaml_dir"/*.so; do
	[ -e "$so" ] && copy_libs "$root" "$so"
done
cp -a "$yaml_dir" "$root/usr/lib/python3/dist-packages/"
cp -a "$(dirname "$yaml_dir")"/_yaml* "$root/usr/lib/python3/dist-packages/" 2>/dev/null || true
# YNL looks for its schema at <spec dir>/../<protocol>.yaml.
mkdir -p "$root/ynl/Documentation/netlink"
cp -a "$ynl/cli.py" "$ynl/lib" "$root/ynl/"
cp -a "$src/Documentation/netlink/specs" "$src/Documentation/netlink/"*.yaml "$root/ynl/Documentation/netlink/"
# The kernel's Python selftest library (net/lib/py: ksft, NetNS, YnlFamily)
# where an in-tree selftest finds it, under /ksrc laid out as the tree:
# tools/testing/selftests/net/lib/py, tools/net/ynl[/pyynl]/lib and
# Documentation/netlink (the last two are /ynl's).
selftests=$root/ksrc/tools/testing/selftests
mkdir -p "$selftests/net/lib" "$root/ksrc/tools/net"
cp -a "$src/tools/testing/selftests/net/lib/py" "$selftests/net/lib/"
ln -s /ynl/Documentation "$root/ksrc/Documentation"
if [ "$ynl" = "$src/tools/net/ynl/pyynl" ]; then
	mkdir -p "$root/ksrc/tools/net/ynl"
	ln -s /ynl "$root/ksrc/tools/net/ynl/pyynl"
else
	ln -s /ynl "$root/ksrc/tools/net/ynl"
fi
# And as an installed kselftest tree has them (make install; the kernel's
# run_kselftest.sh runs from one): lib/py then imports YNL from
# net/lib/ynl and finds the specs in net/lib/specs.
ln -s /ksrc/tools/net/ynl "$selftests/net/lib/ynl"
ln -s /ynl/Documentation/netlink/specs "$selftests/net/lib/specs"
find "$root" -name __pycache__ -prune -exec rm -rf {} +
find "$RGNL_CACHE" -maxdepth 1 -name "initramfs-python-$version-*" -delete
(cd "$root" && find . -mindepth 1 | cpio -o -H newc --quiet | gzip -1) >"$out.tmp"
mv "$out.tmp" "$out"
echo "$out"
