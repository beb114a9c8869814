#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs inside the throwaway VM (busybox ash) as /init of the initramfs that
# server-e2e.sh builds: loads SCST and our scst_local, starts scst-manager in
# kernel mode, runs the walkthrough client (E2eClient walk), stops the server,
# unloads and reloads the modules (a reboot as far as SCST is concerned),
# starts the server with restore-on-start and runs E2eClient restored, then
# E2eClient errors (the asynchronous and error paths) with dd in the guest.
# With /srv/perf/guest-perf.pl (perf-vm.sh), that benchmark runs against the
# first server instead of the three client phases.
#
# Prints the client's "E2E {...}" lines, "E2E-TIME <what> <seconds>" lines,
# "E2E-LOG ..." lines (the server's warnings and errors, kernel warnings) and
# "E2E-GUEST-DONE rc=<n>" last (0: the walkthrough passed).

PATH=/bin:/sbin:/usr/bin:/usr/sbin
export PATH
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs -o size=256m tmpfs /tmp
hostname e2e
ifconfig lo 127.0.0.1 up
# only emergencies on the console: it carries the client's JSON lines
echo 1 > /proc/sys/kernel/printk

JAVA=/jre/bin/java
JAR=/srv/e2e/app/scst-manager.jar
# the production JAVA_OPTS (server-e2e.sh copies them from
# docs/deploy/systemd/scst-manager.env), then server-e2e.sh's choice: C1 only
# and the class-data archive it trained (see there), or nothing with --plain-jvm
SERVER_JVM_FLAGS="$(cat /srv/e2e/java-opts) $(cat /srv/e2e/jvm-flags)"
BASE=http://127.0.0.1:8080
FILES=/var/lib/scst-manager
RC=0

now() { cut -d' ' -f1 /proc/uptime; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

load_modules() {
	while read -r m; do
		insmod "/modules/$m" 2>/dev/null
	done < /modules/order
	insmod /modules/scst.ko &&
		insmod /modules/scst_vdisk.ko &&
		insmod /modules/scst_local.ko
}

# start_server NAME ARGS...: start it, wait for its health answer
start_server() {
	name=$1
	shift
	t0=$(now)
	cd /srv/e2e || return 1
	# shellcheck disable=SC2086 # flags are words
	"$JAVA" $SERVER_JVM_FLAGS \
		-Djava.io.tmpdir=/tmp -jar "$JAR" --scst.sysfs.mode=kernel \
		--scst.security.token-file=/srv/e2e/tokens \
		--scst.security.backing-files.allowed-block-devices=/dev/loop0 \
		"$@" > "/tmp/$name.log" 2>&1 &
	SERVER=$!
	i=0
	while ! wget -q -O /dev/null "$BASE/actuator/health/liveness" 2>/dev/null; do
		if ! kill -0 "$SERVER" 2>/dev/null; then
			echo "E2E-LOG $name: the server exited"
			sed "s/^/E2E-LOG $name: /" "/tmp/$name.log" | tail -n 60
			return 1
		fi
		i=$((i + 1))
		[ $i -lt 1800 ] || { echo "E2E-LOG $name: no answer after 900 s"; return 1; }
		sleep 0.5
	done
	echo "E2E-TIME $name $(elapsed "$t0")"
	grep -o 'Started ScstManagerApplication in [0-9.]* seconds (process running for [0-9.]*)' \
		"/tmp/$name.log" | sed "s/^/E2E-LOG $name: /"
}

stop_server() {
	t0=$(now)
	kill -TERM "$SERVER"
	wait "$SERVER"
	echo "E2E-TIME $1-stop $(elapsed "$t0")"
	grep -E ' (WARN|ERROR) |\[(warning|error)\]\[cds' "/tmp/$1.log" | cut -c1-400 | sed "s/^/E2E-LOG $1: /"
}

client() {
	t0=$(now)
	"$JAVA" -XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -cp /srv/e2e/client E2eClient "$@" \
		--base=$BASE --token-file=/srv/e2e/token --files=$FILES --state=/tmp/e2e-state.json
	crc=$?
	echo "E2E-TIME client-$1 $(elapsed "$t0")"
	return $crc
}

main() {
	t0=$(now)
	load_modules || { echo "E2E-LOG insmod failed"; return 2; }
	echo "E2E-TIME modules $(elapsed "$t0")"
	mkdir -p /var/lib/scst/pr /var/lib/scst/dif_tags /var/lib/scst/vdev_mode_pages \
		$FILES /srv/e2e/data
	truncate -s 64M $FILES/e2e_file.img $FILES/e2e_block.img
	# vdisk_blockio needs a block device: a loop device over a file
	losetup /dev/loop0 $FILES/e2e_block.img || { echo "E2E-LOG losetup failed"; return 2; }
	start_server server || return 2
	# perf-vm.sh's benchmark, when it added it: instead of the walkthrough
	if [ -x /srv/perf/guest-perf.pl ]; then
		/srv/perf/guest-perf.pl || RC=1
		stop_server server
		return $RC
	fi
	client walk --io=true || RC=1
	stop_server server
	t0=$(now)
	if ! { rmmod scst_local && rmmod scst_vdisk && rmmod scst; }; then
		echo "E2E-LOG rmmod failed"
		return 1
	fi
	[ ! -e /sys/kernel/scst_tgt ] || { echo "E2E-LOG SCST still loaded"; return 1; }
	load_modules || { echo "E2E-LOG insmod after the restart failed"; return 1; }
	echo "E2E-TIME modules-reload $(elapsed "$t0")"
	start_server server-restored --scst.config.restore-on-start=true || return 1
	client restored || RC=1
	client errors --io=true || RC=1
	# the scstadmin round trip (with this server), when scstadmin-roundtrip.sh added it
	[ ! -x /srv/scstadmin/guest-scstadmin.sh ] || /srv/scstadmin/guest-scstadmin.sh
	stop_server server-restored
	return $RC
}

main
RC=$?
# a kernel warning anywhere in the run (a session deleted under I/O among
# others) fails it
if dmesg | grep -E 'BUG:|Oops|WARNING:|Call Trace|general protection' > /tmp/kernel-warnings; then
	sed 's/^/E2E-LOG kernel: /' /tmp/kernel-warnings
	[ "$RC" != 0 ] || RC=1
fi
echo "E2E-GUEST-DONE rc=$RC"
# isa-debug-exit: a VM that hangs at power-off is stopped this way.
printf '\000' | dd of=/dev/port bs=1 seek=244 count=1 conv=notrunc 2>/dev/null
poweroff -f
