# The basics: load, discover, echo, unload. Runs in the VM under `sh`
# (no -e: every check runs and reports).
set +e
. ./tap.sh

check_fails "client reports a missing module (exit 5)" 5 rgnl family
check "insmod rgnl.ko" insmod rgnl.ko
ctrl=$(genl ctrl get name rgnl 2>&1)
echo "$ctrl" | sed 's/^/# /'
check "nlctrl lists family rgnl version 1" sh -c "echo '$ctrl' | grep -q 'Name: rgnl' && echo '$ctrl' | grep -q 'Version: 0x1'"
check "nlctrl lists the ECHO op (cmd 6)" sh -c "echo '$ctrl' | grep -q 'ID-0x6'"
check "nlctrl lists multicast group events" sh -c "echo '$ctrl' | grep -q 'name: events'"
check "client resolves the family id" sh -c "rgnl family | grep -qE '^[0-9]+$'"
check_out "echo round-trips ASCII" "hello, kernel" rgnl echo "hello, kernel"
check_out "echo round-trips UTF-8" "héllo ✓ ünïcode" rgnl echo "héllo ✓ ünïcode"
big=$(head -c 4096 /dev/zero | tr '\0' 'x')
check_out "echo round-trips a 4096-byte value (policy max)" "$big" rgnl echo "$big"
check_err "echo refuses a 4097-byte value: ERANGE with extack" 6 "rgnl: ECHO: kernel refused the request: Numerical result out of range (os error 34): binary attribute size out of range (at echo.value)" \
	rgnl echo "${big}y"
check "rmmod rgnl" rmmod rgnl
check_fails "family is gone after rmmod" 5 rgnl family
check "insmod again after rmmod" insmod rgnl.ko
check_out "echo works after reload" "again" rgnl echo again
check "rmmod again" rmmod rgnl
tap_done
