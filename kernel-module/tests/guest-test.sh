#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs inside the throwaway VM (busybox ash) as part of the initramfs built by
# run-vm-tests.sh. Prints one "PASS <step>" or "FAIL <step>: <why>" line per
# step, "THROUGHPUT ..." lines, and "TESTS-DONE failures=<n>" at the end.
#
# /modules/order lists the kernel's own modules to load first; scst.ko,
# scst_vdisk.ko and scst_local.ko sit in /modules as well. /mode is "ours" or
# "upstream" (only used in messages: both modules must behave alike), or
# "compare": then /modules/upstream/scst_local.ko is there too and only the
# side-by-side measurement runs (step_compare).

S=/sys/kernel/scst_tgt
L=$S/targets/scst_local
FAILS=0
MODE=$(cat /mode 2>/dev/null || echo ours)
RUNS=$(cat /runs 2>/dev/null || echo 3)
SD=""

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; FAILS=$((FAILS + 1)); }

# w FILE TEXT: write TEXT with one write(); the error text goes to /tmp/err.
w() { echo "$2" > "$1" 2>/tmp/err; }

# expect_err FILE TEXT ERRNO-TEXT: the write must fail with that message.
expect_err() {
	if w "$1" "$2"; then
		echo "write '$2' to $1 succeeded"
		return 1
	fi
	if ! grep -q "$3" /tmp/err; then
		echo "write '$2' to $1: $(cat /tmp/err), expected $3"
		return 1
	fi
	return 0
}

# bg_start NAME CMD...: runs CMD in the background as an orphan (a child of
# init, not of this shell); its exit status goes to /tmp/NAME.rc. This shell
# then gets no SIGCHLD when CMD ends. A signal that arrives while this shell
# is inside a write() to an SCST mgmt file makes SCST give up waiting with
# ERESTARTSYS; the kernel restarts the write and SCST runs the command a
# second time ("del 1" twice: the second fails with "Device is not found").
bg_start() {
	bg_name=$1
	shift
	rm -f "/tmp/$bg_name.rc" "/tmp/$bg_name.rc.tmp"
	( ("$@"; echo $? > "/tmp/$bg_name.rc.tmp"; mv "/tmp/$bg_name.rc.tmp" "/tmp/$bg_name.rc") & )
}

# bg_wait NAME: waits up to 300 s for bg_start NAME to end; returns its status.
bg_wait() {
	i=0
	while [ ! -e "/tmp/$1.rc" ] && [ $i -lt 1500 ]; do
		sleep 0.2
		i=$((i + 1))
	done
	[ -e "/tmp/$1.rc" ] || return 124
	return "$(cat "/tmp/$1.rc")"
}

# dmesg_since N: kernel log lines after the first N that signal trouble.
dmesg_since() {
	dmesg | tail -n +"$(($1 + 1))" |
		grep -iE 'duplicate|cannot create|File exists|kobject|BUG:|Oops|WARNING:|Call Trace|general protection|fail|error' ||
		true
}

# find_sd HOST LUN: the sd name of H:0:0:L, if any.
find_sd() {
	ls "/sys/class/scsi_host/host$1/device/target$1:0:0/$1:0:0:$2/block" \
		2>/dev/null | head -n 1
}

# wait_sd HOST LUN: wait up to 20 s for the disk to appear.
wait_sd() {
	i=0
	while [ $i -lt 100 ]; do
		s=$(find_sd "$1" "$2")
		if [ -n "$s" ] && [ -b "/dev/$s" ]; then
			echo "$s"
			return 0
		fi
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

# wait_gone PATH: wait up to 20 s for PATH to disappear.
wait_gone() {
	i=0
	while [ -e "$1" ] && [ $i -lt 100 ]; do
		sleep 0.2
		i=$((i + 1))
	done
	[ ! -e "$1" ]
}

# hex FILE: bytes of FILE as one line of hex pairs.
hex() { od -An -tx1 -v "$1" | tr -s ' \n' '  ' | sed 's/^ //; s/ $//'; }

oops_count() { dmesg | grep -cE 'BUG:|Oops|general protection|WARNING:|Call Trace'; }

# load_core: the kernel's modules, scst and scst_vdisk.
load_core() {
	mkdir -p /var/lib/scst/pr /var/lib/scst/dif_tags /var/lib/scst/vdev_mode_pages
	for m in $(cat /modules/order); do
		insmod "/modules/$m" 2>/dev/null
	done
	insmod /modules/scst.ko || return 1
	insmod /modules/scst_vdisk.ko || return 1
}

load_modules() {
	load_core || return 1
	insmod /modules/scst_local.ko "$@" || return 1
}

# ---------------------------------------------------------------- load
step_load() {
	if ! load_modules; then
		fail load "insmod failed"
		return 1
	fi
	if [ -d $L/scst_local_tgt/sessions/scst_local_host ] &&
	   [ "$(cat /sys/module/scst_local/parameters/add_default_tgt)" = Y ]; then
		pass load
	else
		fail load "default target/session missing"
		return 1
	fi

	why=""
	v=$(head -n 1 $L/version)
	case "$v" in
	*/20110901) ;;
	*) why="$why version='$v'" ;;
	esac
	[ "$(cat $L/stats)" = "Aborts: 0, Device Resets: 0, Target Resets: 0" ] ||
		why="$why stats='$(cat $L/stats)'"
	cat > /tmp/help.expected <<'EOF'
Usage: echo "add_target target_name [parameters]" >mgmt
       echo "del_target target_name" >mgmt
       echo "add_session target_name session_name" >mgmt
       echo "del_session target_name session_name" >mgmt

where parameters are one or more param_name=value pairs separated by ';'


The following parameters available: session_name

EOF
	cmp -s $L/mgmt /tmp/help.expected || why="$why mgmt-help-differs"
	[ -e $L/scst_local_tgt/enabled ] && why="$why has-enabled"
	[ "$(cat $L/scst_local_tgt/scsi_transport_version)" = 0xbe0 ] ||
		why="$why scsi_tv"
	[ "$(cat $L/scst_local_tgt/phys_transport_version)" = 0x0 ] ||
		why="$why phys_tv"
	# SCST's default for the TRACING build, as the core and handlers have it.
	tl="out_of_mem | pid | special | mgmt"
	if grep -qx TRACING $L/version && ! grep -qx DEBUG $L/version; then
		[ "$(head -n 1 $L/trace_level)" = "$tl" ] ||
			why="$why trace_level='$(head -n 1 $L/trace_level)'"
		[ "$(head -n 1 $L/trace_level)" = "$(head -n 1 $S/trace_level)" ] ||
			why="$why trace_level-differs-from-core"
		w $L/trace_level "add minor" && w $L/trace_level default &&
			[ "$(head -n 1 $L/trace_level)" = "$tl" ] ||
			why="$why trace_level-default-write"
	fi
	if [ -z "$why" ]; then pass sysfs-driver; else fail sysfs-driver "$why"; fi

	why=""
	sd=$L/scst_local_tgt/sessions/scst_local_host
	h=$(cat $sd/host_no)
	link=$(readlink $sd/host)
	[ "$link" = "../../../../../../../devices/scst_local/scst_local_host/host$h/scsi_host/host$h" ] ||
		why="$why host-link='$link'"
	t=$(hex $sd/transport_id)
	[ "$t" = "06 00 00 00 5f ee de 40 1f ad e0 50 00 00 00 00 00 00 00 00 00 00 00 00" ] ||
		why="$why transport_id='$t'"
	[ -d /sys/devices/scst_local/scst_local_host/host$h ] || why="$why no-host-dev"
	if [ -z "$why" ]; then pass sysfs-session; else fail sysfs-session "$why"; fi
}

# ---------------------------------------------------------------- seed
step_seed() {
	dd if=/dev/zero of=/tmp/disk1.img bs=1M count=32 2>/dev/null
	if ! w $S/handlers/vdisk_fileio/mgmt "add_device disk1 filename=/tmp/disk1.img"; then
		fail seed "add_device: $(cat /tmp/err)"
		return 1
	fi
	if ! w $L/scst_local_tgt/luns/mgmt "add disk1 0"; then
		fail seed "add LUN 0: $(cat /tmp/err)"
		return 1
	fi
	H=$(cat $L/scst_local_tgt/sessions/scst_local_host/host_no)
	if ! SD=$(wait_sd "$H" 0); then
		fail seed "no disk under /sys/class/scsi_host/host$H"
		return 1
	fi
	pass "seed (host$H lun 0 = /dev/$SD)"
}

# ---------------------------------------------------------------- io
step_io() {
	why=""
	dd if=/dev/urandom of=/tmp/pat bs=64k count=64 2>/dev/null
	dd if=/tmp/pat of=/dev/$SD bs=64k seek=16 oflag=direct conv=notrunc 2>/dev/null ||
		why="$why write-failed"
	dd if=/tmp/disk1.img bs=64k skip=16 count=64 2>/dev/null | cmp -s - /tmp/pat ||
		why="$why backing-file-differs"
	dd if=/dev/$SD bs=64k skip=16 count=64 iflag=direct 2>/dev/null | cmp -s - /tmp/pat ||
		why="$why readback-differs"
	dd if=/dev/urandom of=/tmp/pat2 bs=4k count=33 2>/dev/null
	dd if=/tmp/pat2 of=/tmp/disk1.img bs=4k seek=3000 conv=notrunc 2>/dev/null
	dd if=/dev/$SD bs=4k skip=3000 count=33 iflag=direct 2>/dev/null | cmp -s - /tmp/pat2 ||
		why="$why backing-write-not-seen"
	if [ -z "$why" ]; then pass io-verify; else fail io-verify "$why"; fi
}

# ---------------------------------------------------------------- luns
step_luns() {
	why=""
	w $S/handlers/vdisk_nullio/mgmt "add_device null1 size_mb=256" ||
		why="$why add_device-null1"
	bg_start bgio dd if=/dev/$SD of=/dev/null bs=64k count=4000 iflag=direct 2>/dev/null
	w $L/scst_local_tgt/luns/mgmt "add null1 1" || why="$why add-lun1"
	sd1=$(wait_sd "$H" 1) || why="$why lun1-not-seen"
	if [ -n "$sd1" ]; then
		dd if=/dev/$sd1 of=/dev/null bs=64k count=16 iflag=direct 2>/dev/null ||
			why="$why lun1-read"
	fi
	w $L/scst_local_tgt/luns/mgmt "del 1" || why="$why del-lun1"
	w $L/scst_local_tgt/luns/mgmt "add null1 2" || why="$why add-lun2"
	wait_sd "$H" 2 >/dev/null || why="$why lun2-not-seen"
	w $L/scst_local_tgt/luns/mgmt "del 2" || why="$why del-lun2:$(cat /tmp/err)"
	bg_wait bgio || why="$why background-io-failed"
	if [ -z "$why" ]; then pass lun-add-remove-under-io; else fail lun-add-remove-under-io "$why"; fi
}

# ---------------------------------------------------------------- lun-gone
# sg_of HOST LUN: the sg name of H:0:0:L, if any.
sg_of() {
	ls "/sys/class/scsi_device/$1:0:0:$2/device/scsi_generic" 2>/dev/null |
		head -n 1
}

# wait_lun_gone HOST LUN SD SG: waits up to 10 s (the server's management
# timeout) until H:0:0:L, /dev/SD and /dev/SG are gone; prints the
# milliseconds it took.
wait_lun_gone() {
	t0=$(cut -d' ' -f1 /proc/uptime)
	i=0
	while [ $i -lt 100 ]; do
		if [ ! -e "/sys/class/scsi_device/$1:0:0:$2" ] &&
		   [ ! -e "/dev/$3" ] && [ ! -e "/dev/$4" ]; then
			echo "$t0 $(cut -d' ' -f1 /proc/uptime)" |
				awk '{ printf "%d", ($2 - $1) * 1000 }'
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# lun_cycle HOST LUN-DIR LUN DEVICE TAG: maps DEVICE as LUN through
# LUN-DIR/mgmt, waits for its disk and sg node, reads from the disk, unmaps
# it (no I/O on it then) and waits for both nodes to go. Appends to $why
# and to $times.
lun_cycle() {
	w "$2/mgmt" "add $4 $3" || { why="$why $5-add:$(cat /tmp/err)"; return; }
	d=$(wait_sd "$1" "$3") || { why="$why $5-not-seen"; return; }
	g=$(sg_of "$1" "$3")
	[ -n "$g" ] && [ -c "/dev/$g" ] || why="$why $5-no-sg"
	dd if="/dev/$d" of=/dev/null bs=64k count=16 iflag=direct 2>/dev/null ||
		why="$why $5-read"
	w "$2/mgmt" "del $3" || { why="$why $5-del:$(cat /tmp/err)"; return; }
	ms=$(wait_lun_gone "$1" "$3" "$d" "${g:-none}") ||
		{ why="$why $5-stayed($d/$g)"; return; }
	times="$times $5=${ms}ms"
}

# A LUN unmapped from a target or an initiator group with live sessions:
# its /dev/sdX and /dev/sgN go within 10 s, without I/O on it and while
# another LUN of the session is read; the other LUN's disk stays.
step_lun_gone() {
	if [ "$MODE" = upstream ]; then
		echo "SKIP lun-gone-devices-removed: upstream's scst_local keeps a removed LUN's devices"
		return
	fi
	why=""
	times=""
	dm=$(dmesg | wc -l)
	t=$L/scst_local_tgt
	w $S/handlers/vdisk_nullio/mgmt "add_device nullg size_mb=64" ||
		why="$why add_device"
	# Target LUNs, nothing else running.
	lun_cycle "$H" $t/luns 5 nullg idle
	# Under I/O on LUN 0 of the same session.
	rm -f /tmp/stop-io
	bg_start gone_io read_loop
	lun_cycle "$H" $t/luns 6 nullg busy
	# An initiator group: a second session moves into the group (it then
	# sees only the group's LUN 8, so its LUN 0 goes) and back out.
	w $L/mgmt "add_session scst_local_tgt grpsess" || why="$why add-grpsess"
	h2=$(cat $t/sessions/grpsess/host_no)
	d0=$(wait_sd "$h2" 0) || why="$why grpsess-lun0"
	g0=$(sg_of "$h2" 0)
	w $t/ini_groups/mgmt "create g1" || why="$why create-g1"
	w $t/ini_groups/g1/luns/mgmt "add nullg 8" || why="$why g1-lun"
	w $t/ini_groups/g1/initiators/mgmt "add grpsess" || why="$why g1-ini"
	wait_sd "$h2" 8 >/dev/null || why="$why group-lun8-not-seen"
	ms=$(wait_lun_gone "$h2" 0 "$d0" "${g0:-none}") &&
		times="$times group-in=${ms}ms" || why="$why group-lun0-stayed"
	d8=$(find_sd "$h2" 8)
	g8=$(sg_of "$h2" 8)
	w $t/ini_groups/g1/initiators/mgmt "del grpsess" || why="$why g1-ini-del"
	wait_sd "$h2" 0 >/dev/null || why="$why lun0-not-back"
	ms=$(wait_lun_gone "$h2" 8 "${d8:-none}" "${g8:-none}") &&
		times="$times group-out=${ms}ms" || why="$why group-lun8-stayed"
	touch /tmp/stop-io
	bg_wait gone_io || why="$why background-io-failed"
	[ "$(find_sd "$H" 0)" = "$SD" ] || why="$why lun0-disk-changed"
	w $L/mgmt "del_session scst_local_tgt grpsess" || why="$why del-grpsess"
	wait_gone $t/sessions/grpsess || why="$why grpsess-not-gone"
	w $t/ini_groups/mgmt "del g1" || why="$why del-g1:$(cat /tmp/err)"
	# remove_stale_devices=N (what scst-manager reads to know whether to wait
	# for the devices to go): a removed LUN's devices stay, as with upstream.
	P=/sys/module/scst_local/parameters/remove_stale_devices
	[ "$(cat $P 2>/dev/null)" = Y ] || why="$why param-not-Y"
	echo N >$P
	w $t/luns/mgmt "add nullg 9" || why="$why keep-add"
	dk=$(wait_sd "$H" 9) || why="$why keep-not-seen"
	w $t/luns/mgmt "del 9" || why="$why keep-del"
	sleep 2
	[ -n "$dk" ] && [ -e "/dev/$dk" ] && [ -e "/sys/class/scsi_device/$H:0:0:9" ] ||
		why="$why N-removed-anyway"
	echo 1 >"/sys/class/scsi_device/$H:0:0:9/device/delete" 2>/dev/null
	echo Y >$P
	w $S/handlers/vdisk_nullio/mgmt "del_device nullg" || why="$why del_device"
	# sd's final cache flush to a LUN that is gone fails and says so,
	# as for any unplugged disk with a write cache; nothing else may.
	bad=$(dmesg_since "$dm" | grep -v 'Synchronize Cache(10) failed: Result: hostbyte=DID_OK driverbyte=DRIVER_OK')
	[ -n "$bad" ] && why="$why dmesg:$(echo "$bad" | head -n 3 | tr '\n' '|')"
	if [ -z "$why" ]; then
		pass "lun-gone-devices-removed ($times)"
	else
		fail lun-gone-devices-removed "$why"
	fi
}

# ---------------------------------------------------------------- tmf
step_tmf() {
	why=""
	if ! command -v sg_reset >/dev/null; then
		fail task-management "sg_reset not in the initramfs"
		return
	fi
	bg_start bgio dd if=/dev/$SD of=/dev/null bs=64k count=3000 iflag=direct 2>/dev/null
	sleep 1
	sg_reset -d /dev/$SD > /tmp/tmf.out 2>&1 || why="$why device-reset($(cat /tmp/tmf.out))"
	sg_reset -t /dev/$SD > /tmp/tmf.out 2>&1 || why="$why target-reset($(cat /tmp/tmf.out))"
	sg_reset -H /dev/$SD > /tmp/tmf.out 2>&1 || why="$why host-reset($(cat /tmp/tmf.out))"
	bg_wait bgio || why="$why io-during-resets-failed"
	st=$(cat $L/stats)
	case "$st" in
	"Aborts: 0, Device Resets: 1, Target Resets: 1") ;;
	*) why="$why stats='$st'" ;;
	esac
	dd if=/dev/$SD bs=64k skip=16 count=64 iflag=direct 2>/dev/null | cmp -s - /tmp/pat ||
		why="$why data-after-resets"
	if [ -z "$why" ]; then pass task-management; else fail task-management "$why"; fi
}

# ---------------------------------------------------------------- re-add
# read_loop: reads the seed disk until /tmp/stop-io exists.
read_loop() {
	while [ ! -e /tmp/stop-io ]; do
		dd if=/dev/$SD of=/dev/null bs=64k count=256 iflag=direct 2>/dev/null ||
			return 1
	done
}

# Deletes and re-adds session "churn" of the default target READD_RUNS times
# while the default session's disk is read. Each cycle the client waits for
# the churn disk and reads from it (so that sd's removal, cache flush
# included, is part of every cycle), deletes the session, waits for its
# directory to go, polling as tightly as a shell can, and adds the same name
# again: that must succeed (no EEXIST from the Linux device named after the
# session) and create the plain name (not churn_1). Then ten times
# del_session and add_session back to back, which must give the plain name
# too. Nothing may show up in dmesg.
step_readd() {
	why=""
	n=${READD_RUNS:-50}
	sd=$L/scst_local_tgt/sessions
	m=$L/mgmt
	dm=$(dmesg | wc -l)
	eexist=0
	w $m "add_session scst_local_tgt churn" || why="$why add:$(cat /tmp/err)"
	rm -f /tmp/stop-io
	bg_start readio read_loop
	cyc=0
	while [ -z "$why" ] && [ $cyc -lt "$n" ]; do
		d=$(wait_sd "$(cat $sd/churn/host_no)" 0) ||
			{ why="$why no-disk#$cyc"; break; }
		# The node exists a moment before it can be opened (ENXIO).
		k=0
		until dd if=/dev/$d of=/dev/null bs=4k count=1 iflag=direct 2>/tmp/dd.err; do
			k=$((k + 1))
			[ $k -lt 50 ] || break
			sleep 0.1
		done
		[ $k -lt 50 ] || { why="$why read#$cyc:$(cat /tmp/dd.err)"; break; }
		if ! w $m "del_session scst_local_tgt churn"; then
			why="$why del#$cyc:$(cat /tmp/err)"
			break
		fi
		k=0
		while [ -e $sd/churn ] && [ $k -lt 5000 ]; do
			k=$((k + 1))
		done
		wait_gone $sd/churn || { why="$why churn-not-gone#$cyc"; break; }
		if ! w $m "add_session scst_local_tgt churn"; then
			grep -q 'File exists' /tmp/err && eexist=$((eexist + 1))
			why="$why add#$cyc:$(cat /tmp/err)"
			break
		fi
		[ -d $sd/churn ] || why="$why name#$cyc:$(ls $sd | tr '\n' ' ')"
		[ -e $sd/churn_1 ] && why="$why churn_1#$cyc"
		cyc=$((cyc + 1))
	done
	# Without waiting: add_session waits for the old session to finish
	# going away, so the new one still gets the plain name.
	now=0
	while [ -z "$why" ] && [ $now -lt 10 ]; do
		w $m "del_session scst_local_tgt churn" || why="$why del-now#$now:$(cat /tmp/err)"
		w $m "add_session scst_local_tgt churn" || why="$why add-now#$now:$(cat /tmp/err)"
		[ -d $sd/churn ] && [ ! -e $sd/churn_1 ] ||
			why="$why name-now#$now:$(ls $sd | tr '\n' ' ')"
		now=$((now + 1))
	done
	touch /tmp/stop-io
	bg_wait readio || why="$why background-io-failed"
	w $m "del_session scst_local_tgt churn" || why="$why final-del"
	wait_gone $sd/churn || why="$why final-not-gone"
	bad=$(dmesg_since "$dm")
	[ -n "$bad" ] && why="$why dmesg:$(echo "$bad" | head -n 3 | tr '\n' '|')"
	if [ -z "$why" ]; then
		pass "session-readd-under-io ($cyc cycles + $now without waiting, EEXIST $eexist)"
	else
		fail session-readd-under-io "after $cyc cycles (EEXIST $eexist):$why"
	fi
}

# ---------------------------------------------------------------- mgmt
step_mgmt() {
	why=""
	m=$L/mgmt
	r=$(expect_err $m "add_target scst_local_tgt" "Bad address") || why="$why dup:$r"
	r=$(expect_err $m "del_target nosuch" "No such file") || why="$why del-unknown:$r"
	r=$(expect_err $m "add_target tgt3 bogus_param=1" "Invalid argument") || why="$why bogus:$r"
	[ -e $L/tgt3 ] && why="$why tgt3-left"
	r=$(expect_err $m "add_target bad name" "Invalid argument") || why="$why blank:$r"
	[ -e $L/bad ] && why="$why bad-left"
	r=$(expect_err $m "" "Invalid argument") || why="$why empty:$r"
	r=$(expect_err $m "add_session nosuch s" "Invalid argument") || why="$why sess-unknown-tgt:$r"
	r=$(expect_err $m "frobnicate scst_local_tgt" "Invalid argument") || why="$why no-sess-word:$r"
	w $m "frobnicate scst_local_tgt x" || why="$why silent-verb"
	r=$(expect_err $m "del_session scst_local_tgt nosuch" "Invalid argument") || why="$why del-unknown-sess:$r"
	w $m "add_target t2 session_name=a b;session_name=c" || why="$why add-t2:$(cat /tmp/err)"
	[ -d $L/t2/sessions/a ] && [ -d $L/t2/sessions/c ] || why="$why t2-sessions"
	w $m "add_session t2 a" && w $m "add_session t2 a" || why="$why dup-sess"
	[ -d $L/t2/sessions/a_1 ] && [ -d $L/t2/sessions/a_2 ] || why="$why a_1/a_2"
	[ "$(cat $L/t2/sessions/a_1/initiator_name)" = a ] || why="$why a_1-name"
	w $m "del_session t2 a" || why="$why del-a"
	wait_gone $L/t2/sessions/a || why="$why a-not-gone"
	[ -d $L/t2/sessions/a_1 ] || why="$why a_1-gone-too"
	w $m "add_target bad/name" || why="$why slash"
	[ -d $L/bad!name ] || why="$why no-bang-dir"
	w $m "del_target bad/name" || why="$why del-slash"
	w $L/t2/sessions/c/force_close 1 || why="$why force_close"
	wait_gone $L/t2/sessions/c || why="$why c-not-gone"
	w $m "del_target t2" || why="$why del-t2:$(cat /tmp/err)"
	[ -e $L/t2 ] && why="$why t2-left"
	[ "$(cat $S/last_sysfs_mgmt_res)" = 0 ] || why="$why last_res"
	if [ -z "$why" ]; then pass mgmt-grammar; else fail mgmt-grammar "$why"; fi
}

# ---------------------------------------------------------------- unload
step_unload_live() {
	why=""
	before=$(oops_count)
	w $L/mgmt "add_target t4 session_name=s4" || why="$why add-t4"
	w $L/t4/luns/mgmt "add disk1 0" || why="$why t4-lun"
	h4=$(cat $L/t4/sessions/s4/host_no)
	wait_sd "$h4" 0 >/dev/null || why="$why t4-disk"
	ls /sys/class/scsi_disk > /tmp/disks.before
	rmmod scst_local > /tmp/rmmod.out 2>&1 || why="$why rmmod-failed($(cat /tmp/rmmod.out))"
	after=$(oops_count)
	[ "$after" = "$before" ] || why="$why kernel-oops/warning"
	grep -q '^scst_local ' /proc/modules && why="$why still-loaded"
	[ -e /sys/devices/scst_local ] && why="$why devices-left"
	[ -n "$(ls /sys/class/scsi_disk 2>/dev/null)" ] && why="$why disks-left"
	if [ -z "$why" ]; then
		pass "unload-with-live-sessions ($(wc -l < /tmp/disks.before) disks present)"
	else
		fail unload-with-live-sessions "$why"
		dmesg | grep -A 30 -E 'BUG:|Oops|general protection' | head -n 60
		return 1
	fi
	rmmod scst_vdisk && rmmod scst || { fail unload-core "rmmod scst failed"; return 1; }
	pass unload-core
}

# ---------------------------------------------------------------- advanced
step_advanced() {
	why=""
	load_modules add_default_tgt=0 || { fail advanced "insmod failed"; return 1; }
	[ "$(cat /sys/module/scst_local/parameters/add_default_tgt)" = N ] || why="$why param"
	n=$(ls $L | tr '\n' ' ')
	[ "$n" = "mgmt stats trace_level version " ] || [ "$n" = "mgmt stats version " ] ||
		why="$why driver-dir='$n'"
	ls /sys/class/scsi_host | grep -q . && why="$why host-exists"
	w $L/mgmt "add_target scst_local_tgt session_name=scst_local_host" || why="$why add_target"
	w $L/mgmt "add_session scst_local_tgt host2" || why="$why add_session"
	t=$(hex $L/scst_local_tgt/sessions/host2/transport_id)
	[ "$t" = "06 00 00 00 5f ee de 40 2f ad e0 50 00 00 00 00 00 00 00 00 00 00 00 00" ] ||
		why="$why tid2='$t'"
	printf 'abc' > $L/scst_local_tgt/sessions/host2/transport_id || why="$why tid-write"
	[ "$(cat $L/scst_local_tgt/sessions/host2/transport_id)" = abc ] || why="$why tid-read"
	tv=$L/scst_local_tgt/scsi_transport_version
	pv=$L/scst_local_tgt/phys_transport_version
	w $tv 0x0C00 && [ "$(cat $tv | tr '\n' ' ')" = "0xc00 [key] " ] || why="$why stv-c00"
	w $tv 0x1ffff && [ "$(head -n 1 $tv)" = 0xffff ] || why="$why stv-trunc"
	w $tv 0 && [ "$(cat $tv)" = 0xbe0 ] || why="$why stv-unset"
	r=$(expect_err $tv zzz "Invalid argument") || why="$why stv-zzz"
	w $pv 0x0AE0 && [ "$(cat $pv | tr '\n' ' ')" = "0xae0 [key] " ] || why="$why ptv"
	dd if=/dev/zero of=/tmp/disk2.img bs=1M count=16 2>/dev/null
	w $S/handlers/vdisk_fileio/mgmt "add_device disk2 filename=/tmp/disk2.img" || why="$why add_device"
	w $L/scst_local_tgt/luns/mgmt "add disk2 0" || why="$why add-lun"
	for s in scst_local_host host2; do
		h=$(cat $L/scst_local_tgt/sessions/$s/host_no)
		d=$(wait_sd "$h" 0) || { why="$why no-disk-$s"; continue; }
		dd if=/tmp/pat of=/dev/$d bs=64k oflag=direct 2>/dev/null || why="$why write-$s"
		dd if=/tmp/disk2.img bs=64k count=64 2>/dev/null | cmp -s - /tmp/pat ||
			why="$why verify-$s"
	done
	w $L/mgmt "del_target scst_local_tgt" || why="$why del_target"
	[ -z "$(ls /sys/class/scsi_host)" ] || why="$why hosts-left"
	if [ -z "$why" ]; then pass advanced-flow; else fail advanced-flow "$why"; fi
}

# ---------------------------------------------------------------- perf
step_perf() {
	w $S/handlers/vdisk_nullio/mgmt "add_device nullp size_mb=4096" || { fail perf "add_device"; return; }
	w $L/mgmt "add_target perf session_name=perf" || { fail perf "add_target"; return; }
	w $L/perf/luns/mgmt "add nullp 0" || { fail perf "add lun"; return; }
	h=$(cat $L/perf/sessions/perf/host_no)
	d=$(wait_sd "$h" 0) || { fail perf "no disk"; return; }
	for dir in read write; do
		i=0
		while [ $i -lt "$RUNS" ]; do
			t0=$(cut -d' ' -f1 /proc/uptime)
			if [ $dir = read ]; then
				dd if=/dev/$d of=/dev/null bs=1M count=1024 iflag=direct 2>/dev/null
			else
				dd if=/dev/zero of=/dev/$d bs=1M count=1024 oflag=direct 2>/dev/null
			fi
			t1=$(cut -d' ' -f1 /proc/uptime)
			echo "THROUGHPUT $MODE $dir run$i 1024MiB $(echo "$t0 $t1" | awk '{printf "%.2f s %.1f MiB/s", $2-$1, 1024/($2-$1)}')"
			i=$((i + 1))
		done
	done
	w $L/mgmt "del_target perf"
	pass perf
}

# ---------------------------------------------------------------- compare
# queue_info NAME SD: one line with the host's and the disk's queue settings.
queue_info() {
	hn=$(cat $L/perf/sessions/perf/host_no)
	hs=/sys/class/scsi_host/host$hn
	q=/sys/block/$2/queue
	line=""
	for f in can_queue cmd_per_lun nr_hw_queues sg_tablesize host_busy; do
		line="$line host.$f=$(cat $hs/$f 2>/dev/null || echo -)"
	done
	line="$line disk.queue_depth=$(cat /sys/block/$2/device/queue_depth 2>/dev/null || echo -)"
	for f in max_sectors_kb max_hw_sectors_kb max_segments max_segment_size nr_requests rq_affinity nomerges; do
		line="$line disk.$f=$(cat $q/$f 2>/dev/null || echo -)"
	done
	line="$line disk.scheduler=$(tr ' ' ',' < $q/scheduler 2>/dev/null || echo -)"
	line="$line disk.hw_queues=$(ls /sys/block/$2/mq 2>/dev/null | wc -l)"
	echo "COMPARE-INFO $1$line"
}

# now_ns: the guest's monotonic clock in ns (/proc/timer_list), or
# /proc/uptime (10 ms steps) where that file is missing.
now_ns() {
	awk '/^now at/ { print $3; f = 1; exit } END { if (!f) exit 1 }' \
		/proc/timer_list 2>/dev/null ||
		awk '{ printf "%.0f\n", $1 * 1e9 }' /proc/uptime
}

# perf_once NAME KO: loads KO without the default target, gives it target
# "perf" with one session and the 4 GiB nullio LUN, prints
#   COMPARE NAME read_mibs|write_mibs|lat4k_us|ctxt4k VALUE
# (CMP_MB MiB of direct reads and writes of 1 MiB; LAT_N direct 4 KiB
# reads one at a time: the time per command and the context switches per
# command, which unlike the times hardly depend on how busy the host is)
# and unloads it.
perf_once() {
	insmod "$2" add_default_tgt=0 || { echo "COMPARE-ERROR $1 insmod"; return 1; }
	w $L/mgmt "add_target perf session_name=perf" &&
		w $L/perf/luns/mgmt "add nullp 0" &&
		d=$(wait_sd "$(cat $L/perf/sessions/perf/host_no)" 0) || {
		echo "COMPARE-ERROR $1 setup $(cat /tmp/err)"
		w $L/mgmt "del_target perf"
		rmmod scst_local
		return 1
	}
	[ -e "/tmp/info.$1" ] || { queue_info "$1" "$d"; touch "/tmp/info.$1"; }
	dd if=/dev/$d of=/dev/null bs=1M count=64 iflag=direct 2>/dev/null
	t0=$(now_ns)
	dd if=/dev/$d of=/dev/null bs=1M count="$CMP_MB" iflag=direct 2>/dev/null
	t1=$(now_ns)
	dd if=/dev/zero of=/dev/$d bs=1M count="$CMP_MB" oflag=direct 2>/dev/null
	t2=$(now_ns)
	c0=$(awk '$1 == "ctxt" { print $2 }' /proc/stat)
	dd if=/dev/$d of=/dev/null bs=4k count="$LAT_N" iflag=direct 2>/dev/null
	c1=$(awk '$1 == "ctxt" { print $2 }' /proc/stat)
	t3=$(now_ns)
	echo "COMPARE $1 read_mibs $(echo "$t0 $t1 $CMP_MB" | awk '{ printf "%.1f", $3 * 1e9 / ($2 - $1) }')"
	echo "COMPARE $1 write_mibs $(echo "$t1 $t2 $CMP_MB" | awk '{ printf "%.1f", $3 * 1e9 / ($2 - $1) }')"
	echo "COMPARE $1 lat4k_us $(echo "$t2 $t3 $LAT_N" | awk '{ printf "%.2f", ($2 - $1) / 1e3 / $3 }')"
	echo "COMPARE $1 ctxt4k $(echo "$c0 $c1 $LAT_N" | awk '{ printf "%.2f", ($2 - $1) / $3 }')"
	w $L/mgmt "del_target perf" || echo "COMPARE-ERROR $1 del_target $(cat /tmp/err)"
	rmmod scst_local || echo "COMPARE-ERROR $1 rmmod"
}

# Ours and upstream's module in the same VM, RUNS rounds, alternating which
# goes first, so that both see the same (noisy, emulated) machine.
step_compare() {
	LAT_N=$(cat /lat_n 2>/dev/null || echo 2000)
	CMP_MB=$(cat /compare_mb 2>/dev/null || echo 1024)
	if ! load_core; then
		fail compare "insmod of scst/scst_vdisk failed"
		return
	fi
	w $S/handlers/vdisk_nullio/mgmt "add_device nullp size_mb=4096" ||
		{ fail compare "add_device"; return; }
	before=$(oops_count)
	round=0
	while [ $round -lt "$RUNS" ]; do
		if [ $((round % 2)) = 0 ]; then
			order="ours upstream"
		else
			order="upstream ours"
		fi
		for m in $order; do
			if [ $m = ours ]; then
				perf_once ours /modules/scst_local.ko
			else
				perf_once upstream /modules/upstream/scst_local.ko
			fi
		done
		round=$((round + 1))
	done
	if [ "$(oops_count)" = "$before" ]; then
		pass "compare ($RUNS rounds)"
	else
		fail compare "kernel oops/warning"
	fi
}

echo "TESTS-START mode=$MODE kernel=$(uname -r)"
if [ "$MODE" = compare ]; then
	step_compare
	echo "TESTS-DONE failures=$FAILS"
	exit 0
fi
if step_load; then
	step_seed && step_io && step_luns && step_lun_gone && step_tmf
	[ -n "$SD" ] && step_readd
	step_mgmt
	step_perf
	if step_unload_live; then
		step_advanced
	fi
fi
echo "TESTS-DONE failures=$FAILS"
