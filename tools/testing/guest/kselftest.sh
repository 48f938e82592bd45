# The kselftests (tools/testing/selftests/rgnl, kselftest_harness TAP).
set -e
insmod rgnl.ko
./rgnl_test
rmmod rgnl
