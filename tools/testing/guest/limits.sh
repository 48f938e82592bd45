# The module and client built from rgnl.yaml with value-max-len changed from
# 4096 to 1000 and regenerated, nothing else edited (host:
# limit-change.sh, which put them in limit/): the kernel's policy and the
# client's check both say 1000. Runs with the Python layer (--python).
set +e
. ./tap.sh
# The YNL CLI, with the unchanged spec: it does not check lengths itself.
printf '#!/bin/sh\nexec python3 /ynl/cli.py --no-schema --spec /rgnl/rgnl.yaml "$@" 2>&1\n' >/rgnl/ynl
chmod +x /rgnl/ynl
hex() { head -c "$1" /dev/zero | tr '\0' v | od -An -v -tx1 | tr -d ' \n'; }
v1000=$(head -c 1000 /dev/zero | tr '\0' v)

check "insmod the rgnl.ko built from the changed spec" insmod limit/rgnl.ko
check "its client stores a value of the new maximum (1000 bytes)" limit/rgnl set k "$v1000"
check "its client refuses 1001 bytes before sending (exit 6, naming the limit)" \
	sh -c "limit/rgnl set k '${v1000}v'; [ \$? = 6 ] && limit/rgnl set k '${v1000}v' 2>&1 | grep -q 'at most 1000'"
check "the kernel refuses 1001 bytes from a client without the check (the YNL CLI)" \
	sh -c "ynl --do entry-new --create --json '{\"key\": \"k2\", \"value\": \"$(hex 1001)\"}' | grep -q 'binary attribute size out of range'"
check_out "... and stored nothing" "1" sh -c "limit/rgnl list | wc -l"
check "the kernel takes 1000 bytes from it" \
	ynl --do entry-new --create --json "{\"key\": \"k3\", \"value\": \"$(hex 1000)\"}"
check "nlctrl: ops, groups and policies match the changed spec" \
	sh -c "python3 spec_check.py limit/rgnl.yaml ops && python3 spec_check.py limit/rgnl.yaml groups && python3 spec_check.py limit/rgnl.yaml policies"
check "rmmod" rmmod rgnl
tap_done
