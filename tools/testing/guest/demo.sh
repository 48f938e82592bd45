# `make run`: load the module and drive it with the client, in the VM.
set -e
echo "== insmod rgnl.ko"
insmod rgnl.ko
echo "== nlctrl's view (iproute2 genl ctrl get name rgnl)"
genl ctrl get name rgnl
echo "== rgnl family"
echo "family id: $(rgnl family)"
echo "== rgnl echo 'hello from the VM'"
rgnl echo "hello from the VM"
echo "== rmmod rgnl"
rmmod rgnl
