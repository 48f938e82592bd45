#!/bin/busybox sh
# PID 1 of the test VM. Kernel messages go to ttyS0 (the runner's kernel log),
# the command's output to ttyS1 (the runner's stdout). The command's exit
# status is reported on ttyS1 as the last line, then the VM powers off.
/bin/busybox --install -s /bin
export PATH=/rgnl:/usr/local/bin:/usr/bin:/usr/sbin:/bin:/sbin HOME=/root
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs -o mode=1777 tmp /tmp
mount -t tmpfs run /run
mount -t debugfs debugfs /sys/kernel/debug
ip link set lo up
exec </dev/null >/dev/ttyS1 2>&1
cd /rgnl
sh -e /rgnl/cmd.sh
echo "RGNL-EXIT: $?"
sync
reboot -f
