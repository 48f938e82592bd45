#!/bin/busybox sh
# PID 1 of the test VM. Kernel messages go to ttyS0 (the runner's kernel log),
# the command's output to ttyS1 (the runner's stdout). The command's exit
# status is reported on ttyS1 as the last line, then the VM powers off.
/bin/busybox --install -s /bin
export PATH=/rgnl:/usr/local/bin:/usr/bin:/usr/sbin:/bin:/sbin HOME=/root
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
# What udev would add: the kernel's kselftest runner writes to /dev/stdout.
ln -s /proc/self/fd /dev/fd && ln -s fd/0 /dev/stdin && ln -s fd/1 /dev/stdout && ln -s fd/2 /dev/stderr
mount -t tmpfs -o mode=1777 tmp /tmp
mount -t tmpfs run /run
mount -t debugfs debugfs /sys/kernel/debug
ip link set lo up
exec </dev/null >/dev/ttyS1 2>&1
cd /rgnl
sh -e /rgnl/cmd.sh
rc=$?
# Debug kernel: look for leaks once the command is done. Objects younger
# than 5 s are not reported, hence the second scan. Reports go to the
# kernel log, where the runner fails the run on "unreferenced object".
leaks=/sys/kernel/debug/kmemleak
if [ -w $leaks ]; then
	t0=$(cut -d. -f1 /proc/uptime)
	echo scan >$leaks && sleep 6 && echo scan >$leaks
	cat $leaks >/dev/ttyS0
	echo "# kmemleak: scanned in $(($(cut -d. -f1 /proc/uptime) - t0)) s, $(grep -c 'unreferenced object' $leaks) suspected leaks"
fi
echo "RGNL-EXIT: $rc"
sync
reboot -f
