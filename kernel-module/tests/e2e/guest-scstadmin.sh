#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The scstadmin round trip (issue 19): the same steps against the simulator
# (on the host, in a private mount namespace with the server's FUSE mount at
# /sys/kernel/scst_tgt) and against the real kernel (in the VM of
# server-e2e.sh). scstadmin-roundtrip.sh drives both sides and compares them.
#
#   guest-scstadmin.sh            in the VM (called by guest-e2e.sh when the
#                                 initramfs has /srv/scstadmin, while its
#                                 last server runs): reload SCST and
#                                 scst_local (a fresh SCST), start the server
#                                 in kernel mode unless one answers, run the
#                                 steps, print the results as base64 between
#                                 markers
#   guest-scstadmin.sh --steps    only the steps, against a running server;
#                                 environment: SA_BASE (server URL),
#                                 SA_TOKEN_FILE, SA_OUT (results directory),
#                                 SA_SCSTADMIN (folder of scstadmin and its
#                                 lib/SCST/SCST.pm), SA_SEED (the state)
#
# The steps, each result a file in SA_OUT, each check a "PASS name" or
# "FAIL name" line in SA_OUT/checks:
#   E0   GET /api/v1/config (text/plain) of the fresh SCST
#   E1   PUT /api/v1/config SA_SEED, then the export
#   L1   -list_* and -check_config of E1, W1 = -write_config
#   R1   -clear_config, max_tasklet_cmd back to 10, the export
#   E2   scstadmin -config E1: E2 == E1
#   R2   W2 = -write_config, clear again
#   E3   PUT W2: E3 == E1, plan of W2 empty, scstadmin -config E1 makes no
#        change, W3 = -write_config equal to W2 but for copy-manager LUNs
# Busybox ash compatible. Exit status: 0 when every check passed.

SA_BASE=${SA_BASE:-http://127.0.0.1:8080}
SA_TOKEN_FILE=${SA_TOKEN_FILE:-/srv/e2e/token}
SA_OUT=${SA_OUT:-/tmp/scstadmin-out}
SA_SCSTADMIN=${SA_SCSTADMIN:-/srv/scstadmin/scstadmin}
SA_SEED=${SA_SEED:-/srv/scstadmin/scstadmin-seed.conf}

# scstadmin walks Perl hashes: a fixed hash seed makes its order (the order
# of "Setting ... attribute" lines) the same on both sides
PERL_HASH_SEED=0
PERL_PERTURB_KEYS=0
export PERL_HASH_SEED PERL_PERTURB_KEYS

sa() {
	perl -I"$SA_SCSTADMIN/lib" "$SA_SCSTADMIN/scstadmin" "$@"
}

# http METHOD PATH [BODY-FILE]: the body on stdout; fails unless 2xx
http() {
	perl -MHTTP::Tiny -e '
		my ($method, $url, $token_file, $body_file) = @ARGV;
		open(my $t, "<", $token_file) or die "$token_file: $!\n";
		chomp(my $token = <$t>);
		my %h = (headers => { "Authorization" => "Bearer $token", "Accept" => "text/plain" });
		if (defined $body_file) {
			open(my $b, "<", $body_file) or die "$body_file: $!\n";
			local $/;
			$h{content} = <$b>;
			$h{headers}{"Content-Type"} = "text/plain";
			$h{headers}{"Accept"} = "application/json";
		}
		my $r = HTTP::Tiny->new(timeout => 600)->request($method, $url, \%h);
		print $r->{content};
		print STDERR "HTTP $r->{status} $method $url\n" unless $r->{success};
		exit($r->{success} ? 0 : 1);' "$1" "$SA_BASE$2" "$SA_TOKEN_FILE" ${3:+"$3"}
}

get_conf() {
	http GET /api/v1/config > "$SA_OUT/$1.conf"
}

check() {
	name=$1
	shift
	if "$@" > /dev/null 2>&1; then
		echo "PASS $name" >> "$SA_OUT/checks"
	else
		echo "FAIL $name" >> "$SA_OUT/checks"
	fi
}

# same A B: the two files are equal but for comment lines
same() {
	grep -v '^#' "$SA_OUT/$1" > "$SA_OUT/.a"
	grep -v '^#' "$SA_OUT/$2" > "$SA_OUT/.b"
	cmp -s "$SA_OUT/.a" "$SA_OUT/.b"
}

# same_but_cm A B: equal but for comments and the copy manager's LUN numbers
# (SCST numbers the copy manager's LUNs from a counter that only grows)
same_but_cm() {
	sed -e '/^#/d' -e 's/^\(\t\tLUN \)[0-9]* \(.*\)$/\1N \2/' "$SA_OUT/$1" > "$SA_OUT/.a"
	sed -e '/^#/d' -e 's/^\(\t\tLUN \)[0-9]* \(.*\)$/\1N \2/' "$SA_OUT/$2" > "$SA_OUT/.b"
	awk '/^TARGET_DRIVER copy_manager/ { cm = 1 } cm && /^}/ { cm = 0 } !cm' "$SA_OUT/$1" | sed '/^#/d' > "$SA_OUT/.c"
	awk '/^TARGET_DRIVER copy_manager/ { cm = 1 } cm && /^}/ { cm = 0 } !cm' "$SA_OUT/$2" | sed '/^#/d' > "$SA_OUT/.d"
	cmp -s "$SA_OUT/.c" "$SA_OUT/.d" && [ "$(grep -c . "$SA_OUT/.a")" = "$(grep -c . "$SA_OUT/.b")" ]
}

lists() {
	d=$SA_OUT/$1
	mkdir -p "$d"
	sa -list_handler > "$d/list_handler" 2>&1
	sa -list_handler vdisk_nullio > "$d/list_handler_nullio" 2>&1
	sa -list_device > "$d/list_device" 2>&1
	for dev in cd1 block1 file1 null1; do
		sa -list_device $dev > "$d/list_device_$dev" 2>&1
		sa -list_dev_attr $dev > "$d/list_dev_attr_$dev" 2>&1
	done
	sa -list_driver > "$d/list_driver" 2>&1
	sa -list_target > "$d/list_target" 2>&1
	sa -list_target rt_tgt -driver scst_local > "$d/list_target_rt_tgt" 2>&1
	sa -list_group > "$d/list_group" 2>&1
	sa -list_group rt_grp -driver scst_local -target rt_tgt > "$d/list_group_rt_grp" 2>&1
	sa -list_sessions > "$d/list_sessions" 2>&1
	sa -list_dgrp > "$d/list_dgrp" 2>&1
	sa -list_scst_attr > "$d/list_scst_attr" 2>&1
	for h in vcdrom vdisk_blockio vdisk_fileio vdisk_nullio; do
		sa -list_hnd_attr $h > "$d/list_hnd_attr_$h" 2>&1
	done
	sa -list_drv_attr scst_local > "$d/list_drv_attr_scst_local" 2>&1
	sa -list_tgt_attr rt_tgt -driver scst_local > "$d/list_tgt_attr_rt_tgt" 2>&1
	sa -list_grp_attr rt_grp -driver scst_local -target rt_tgt > "$d/list_grp_attr_rt_grp" 2>&1
	sa -list_lun_attr 2 -driver scst_local -target rt_tgt > "$d/list_lun_attr_2" 2>&1
	sa -list_lun_attr 4 -driver scst_local -target rt_tgt -group rt_grp > "$d/list_lun_attr_rt_grp_4" 2>&1
	sa -list_init_attr rt_host -driver scst_local -target rt_tgt -group rt_grp \
		> "$d/list_init_attr_rt_host" 2>&1
}

# reset NAME: scstadmin -clear_config, SCST's attribute back to its default
reset() {
	sa -clear_config -force -noprompt > "$SA_OUT/clear_config-$1" 2>&1
	check "$1: scstadmin -clear_config" grep -q 'Configuration cleared' "$SA_OUT/clear_config-$1"
	sa -set_scst_attr -attributes max_tasklet_cmd=10 -noprompt > "$SA_OUT/set_scst_attr-$1" 2>&1
	get_conf "$1"
	check "$1: nothing left but the copy manager" \
		sh -c "! grep -E '^(HANDLER|max_tasklet_cmd)|TARGET (rt_tgt|scst_local_tgt)' '$SA_OUT/$1.conf'"
}

steps() {
	mkdir -p "$SA_OUT"
	: > "$SA_OUT/checks"
	get_conf E0
	check "E1: PUT /api/v1/config of the seed" http PUT /api/v1/config "$SA_SEED"
	http PUT /api/v1/config "$SA_SEED" > "$SA_OUT/seed-apply-again.json" 2>&1
	get_conf E1
	check "E1: the seed applied" grep -q 'TARGET rt_tgt' "$SA_OUT/E1.conf"
	lists L1
	sa -check_config "$SA_OUT/E1.conf" > "$SA_OUT/check_config-E1" 2>&1
	check "L1: scstadmin -check_config E1: 0 warnings" grep -q 'Done, 0 warnings found' "$SA_OUT/check_config-E1"
	sa -write_config "$SA_OUT/W1.conf" > "$SA_OUT/write_config-W1" 2>&1
	check "L1: scstadmin -write_config" test -s "$SA_OUT/W1.conf"
	check "L1: W1 (scstadmin) equals E1 (server) byte for byte but for line 1 and copy-manager LUNs" \
		sh -c "awk '/^TARGET_DRIVER copy_manager/ { cm = 1 } cm && /^}/ { cm = 0; print \"CM\"; next } !cm && NR > 1' '$SA_OUT/W1.conf' > '$SA_OUT/.w' &&
			awk '/^TARGET_DRIVER copy_manager/ { cm = 1 } cm && /^}/ { cm = 0; print \"CM\"; next } !cm && NR > 1' '$SA_OUT/E1.conf' > '$SA_OUT/.e' &&
			cmp -s '$SA_OUT/.w' '$SA_OUT/.e'"

	# scstadmin -config of the server's export
	reset R1
	sa -config "$SA_OUT/E1.conf" -noprompt > "$SA_OUT/config-E1" 2>&1
	check "E2: scstadmin -config E1" grep -q 'change(s) made' "$SA_OUT/config-E1"
	get_conf E2
	check "E2: export after scstadmin -config E1 equals E1" same E1.conf E2.conf
	lists L2

	# PUT /api/v1/config of scstadmin's file
	sa -write_config "$SA_OUT/W2.conf" > "$SA_OUT/write_config-W2" 2>&1
	check "E2: W2 equals W1 but for copy-manager LUN numbers" same_but_cm W1.conf W2.conf
	reset R2
	check "E3: PUT /api/v1/config W2 (scstadmin -write_config)" http PUT /api/v1/config "$SA_OUT/W2.conf"
	get_conf E3
	check "E3: export after PUT W2 equals E1" same E1.conf E3.conf
	http POST /api/v1/config/plan "$SA_OUT/W2.conf" > "$SA_OUT/plan-W2.json" 2>&1
	check "E3: plan of W2 has no step" grep -q '"steps":\[\]' "$SA_OUT/plan-W2.json"
	sa -config "$SA_OUT/E1.conf" -noprompt > "$SA_OUT/config-E1-again" 2>&1
	check "E3: scstadmin -config E1 makes no change" grep -q 'Done, 0 change(s) made' "$SA_OUT/config-E1-again"
	sa -write_config "$SA_OUT/W3.conf" > "$SA_OUT/write_config-W3" 2>&1
	check "E3: W3 equals W2 but for copy-manager LUN numbers" same_but_cm W2.conf W3.conf
	rm -f "$SA_OUT/.a" "$SA_OUT/.b" "$SA_OUT/.c" "$SA_OUT/.d" "$SA_OUT/.e" "$SA_OUT/.w"
	! grep -q '^FAIL' "$SA_OUT/checks"
}

if [ "${1:-}" = --steps ]; then
	steps
	exit $?
fi

# ------------------------------------------------------------------ in the VM
now() { cut -d' ' -f1 /proc/uptime; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

guest() {
	t0=$(now)
	# a fresh SCST (the copy manager numbers its LUNs from a counter); the
	# server keeps running: it caches nothing
	rmmod scst_local && rmmod scst_vdisk && rmmod scst ||
		{ echo "SCSTADMIN-LOG rmmod failed"; return 2; }
	insmod /modules/scst.ko && insmod /modules/scst_vdisk.ko && insmod /modules/scst_local.ko ||
		{ echo "SCSTADMIN-LOG insmod failed"; return 2; }
	d=/var/lib/scst-manager/scstadmin-rt
	mkdir -p $d /var/lib/scst/pr /var/lib/scst/vdev_mode_pages
	truncate -s 64M $d/file1.img
	truncate -s 10M $d/cd1.iso
	# guest-e2e.sh attached /dev/loop0 (64 MiB); otherwise attach one here
	losetup /dev/loop0 2>/dev/null | grep -q . || {
		truncate -s 64M $d/block1.img
		losetup /dev/loop0 $d/block1.img
	}
	server=""
	if ! wget -q -O /dev/null "$SA_BASE/actuator/health/liveness" 2>/dev/null; then
		cd /srv/e2e || return 2
		# shellcheck disable=SC2046 # flags are words
		/jre/bin/java $(cat /srv/e2e/java-opts /srv/e2e/jvm-flags) \
			-Djava.io.tmpdir=/tmp -jar /srv/e2e/app/scst-manager.jar --scst.sysfs.mode=kernel \
			--scst.security.token-file=/srv/e2e/tokens --scst.config.path=/tmp/scstadmin-server.conf \
			--scst.security.backing-files.allowed-block-devices=/dev/loop0 \
			> /tmp/scstadmin-server.log 2>&1 &
		server=$!
		i=0
		while ! wget -q -O /dev/null "$SA_BASE/actuator/health/liveness" 2>/dev/null; do
			if ! kill -0 $server 2>/dev/null || [ $i -gt 1800 ]; then
				echo "SCSTADMIN-LOG the server did not start"
				tail -n 40 /tmp/scstadmin-server.log | sed 's/^/SCSTADMIN-LOG /'
				return 2
			fi
			i=$((i + 1))
			sleep 0.5
		done
	fi
	echo "SCSTADMIN-TIME reload${server:++server} $(elapsed "$t0")"
	t0=$(now)
	steps
	src=$?
	echo "SCSTADMIN-TIME steps $(elapsed "$t0")"
	if [ -n "$server" ]; then
		kill -TERM $server
		wait $server
		grep -E ' (WARN|ERROR) ' /tmp/scstadmin-server.log | cut -c1-300 | sed 's/^/SCSTADMIN-LOG server: /'
	fi
	return $src
}

guest
rc=$?
sed 's/^/SCSTADMIN-CHECK /' "$SA_OUT/checks" 2>/dev/null
echo "SCSTADMIN-RESULTS-BEGIN"
tar -C "$SA_OUT" -cf - . 2>/dev/null | gzip -9 | base64
echo "SCSTADMIN-RESULTS-END"
echo "SCSTADMIN-DONE rc=$rc"
