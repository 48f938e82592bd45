# The client runtime (tools/ynl) against the kernel: runtime_check prints
# its own TAP lines and plan. Runs in the VM under `sh`.
insmod rgnl.ko || { echo "not ok 1 - insmod rgnl.ko"; echo "1..1"; exit 1; }
./runtime_check
rc=$?
rmmod rgnl
exit $rc
