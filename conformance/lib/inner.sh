#!/bin/bash
# Runs as pid 1 of a fresh pid namespace, inside fresh mount and network namespaces
# (conformance/record starts it with unshare). Usage: inner.sh DIR NAME
# Runs DIR/NAME.sh as `bash NAME.sh` from DIR, with BASH_ENV=env.bash (in DIR).
set -e
dir=$1 name=$2
mount --make-rprivate /
mkdir -p /run/netns
mount -t tmpfs -o mode=755 tmpfs /run/netns
# /sys/class/net shows the devices of the namespace that mounted sysfs: mount one for this namespace
# (ip netns exec does the same for its own). /tmp is an empty private tmpfs for the scenario's files.
mount -t sysfs sysfs /sys
cd "$dir"
mount -t tmpfs tmpfs /tmp
# A booted machine's init_net has lo UP; the simulator boots that way.
ip link set lo up
set +e
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C HOME=/root \
	BASH_ENV=./env.bash \
	LD_PRELOAD="$STDBUF_LIB" _STDBUF_O=0 _STDBUF_E=0 \
	bash "$name.sh" </dev/null
exit 0
