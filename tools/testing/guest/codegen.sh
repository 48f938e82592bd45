# The differential test of tools/net/ynl/ynl-gen-rust.py against the
# kernel's ynl-gen-c: for each spec, the family ynl-gen-c generates and the
# one ynl-gen-rust generates (stub handlers both; tools/testing/codegen/
# build.sh) are loaded side by side: nlctrl must report them alike but for
# their names and ids, and they must answer requests alike (compare.py).
# Runs in the VM with the Python layer (run.sh --python) and build.sh's
# directory as /rgnl/codegen.
set +e
. ./tap.sh
cd codegen

# same NAME FAMILY-A FAMILY-B ASPECT: ok if compare.py finds no difference;
# else every difference it prints, as TAP comments.
same() {
	out=$(python3 compare.py "$2" "$3" "$4" 2>&1)
	rc=$?
	[ $rc = 0 ] || echo "$out" | while IFS= read -r line; do echo "#   $line"; done
	result $rc "$1"
}

# pairs.txt: BASE C-MODULE C-FAMILY RUST-MODULE RUST-FAMILY, one spec a line.
while read -r base cmod cfam rsmod rsfam; do
	check "$base: insmod the ynl-gen-c family ($cfam)" insmod "$cmod.ko"
	check "$base: insmod the ynl-gen-rust family ($rsfam)" insmod "$rsmod.ko"
	same "$base: GETFAMILY alike (version, hdrsize, maxattr, ops and their flags, groups)" \
		"$cfam" "$rsfam" family
	same "$base: GETPOLICY alike (each op's do/dump policy: every attribute, nested policies)" \
		"$cfam" "$rsfam" policies
	same "$base: GETPOLICY numbers the policies alike" "$cfam" "$rsfam" numbering
	same "$base: requests answered alike (every op, one attribute of each type, many payloads; errors, extack)" \
		"$cfam" "$rsfam" requests
done <pairs.txt

# A scaffold of `make new-family` as it comes: iproute2 lists its spec's
# commands, and its kselftest passes (scaffold.txt: FAMILY COMMANDS...).
if read -r fam cmds <scaffold.txt; then
	check_out "scaffold: genl ctrl get name $fam lists its spec's commands" "$cmds" \
		sh -c "genl ctrl get name $fam | awk '/commands supported/ { f = 1; next } /^\$/ { f = 0 } f { printf \"%s%s\", s, \$2; s = \" \" }'"
	check "scaffold: its kselftest passes" "./$(echo "$fam" | tr - _)_test"
else
	check "scaffold: its kselftest and commands were built" false
fi

# The comparison finds differences: rgnl-cx is rgnl's spec with every
# constant one less and the first op's flags dropped (build.sh).
check "insmod rgnl-cx (rgnl's spec changed on purpose)" insmod rgnl_cx.ko
# finds ASPECT WANT: the comparison of rgnl-c and rgnl-cx fails (exit 1),
# printing WANT among the differences.
finds() {
	out=$(python3 compare.py rgnl-c rgnl-cx "$1")
	rc=$?
	echo "$out"
	[ $rc = 1 ] && echo "$out" | grep -q "$2"
}
check "the comparison finds a changed op flag" \
	finds family "flags: rgnl-c cmd-cap-do | cmd-cap-haspol | uns-admin-perm, rgnl-cx cmd-cap-do | cmd-cap-haspol$"
check "the comparison finds a changed string max-length" finds policies "max-length: rgnl-c 64, rgnl-cx 63$"
check "the comparison finds a changed range, in the numbered tables too" \
	finds numbering "max-value-u: rgnl-c 1048576, rgnl-cx 1048575$"
check "the requests find a changed string max-len" \
	finds requests "op 1 do, attr 2: .*, rgnl-cx .*policy {max-length 63, type nul-string}"
check_fails "the comparison fails (2) on a family that is not there" 2 python3 compare.py rgnl-c no-such-family family

# unload MODULE...: rmmod those of them that are loaded.
unload() {
	for m in "$@"; do
		if grep -q "^$m " /proc/modules; then rmmod "$m" || return 1; fi
	done
}
while read -r base cmod cfam rsmod rsfam; do
	check "$base: rmmod both" unload "$cmod" "$rsmod"
done <pairs.txt
check "rmmod rgnl-cx" rmmod rgnl_cx
tap_done
