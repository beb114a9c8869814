#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The server on the real kernel (issues 19 and 22), one command: scst-manager
# in kernel mode in a qemu guest with SCST and our scst_local, driven through
# the README walkthrough by tests/e2e/E2eClient.java; the same client against
# the same jar on the host in simulator mode; both answers compared.
#
# Phases, each timed:
#   setup       ci-real-kernel.sh --setup-only: packages, SCST build (cached),
#               our module with W=1; paths from <scratch>/setup.env
#   jar         ./mvnw -B -q -DskipTests package (skipped with --no-build)
#   jre         jlink a JRE of the modules the server needs (cached per JDK
#               and module list) and check that it starts the jar
#   client      javac tests/e2e/E2eClient.java
#   simulator   the jar on the host: --scst.sysfs.mode=simulator, state fresh,
#               not persisted, port 18080 (--port); client "walk", restart
#               with restore-on-start, client "restored", client "errors"
#               (EAGAIN, refused commands, a busy device, a vanished backing
#               file, a session deleted under I/O); its vdisk_blockio device
#               is a host block device (a loop device, one losetup attaches,
#               or the first other one of /sys/class/block)
#   initramfs   busybox, the JRE with the shared libraries it links, the jar,
#               the client, a token file, scsi/sd/sg and SCST's modules, our
#               scst_local.ko, tests/e2e/guest-e2e.sh as /init
#   vm          boot the 6.1 kernel (TCG: -cpu Nehalem); the guest runs the
#               same three client phases against the server in kernel mode
#               with I/O (dd) during the 20 session creations and the error
#               paths; a kernel warning (dmesg) fails the guest
#   compare     E2eClient compare: every answer of the kernel run against the
#               simulator run after normalising volatile values; differences
#               not listed in tests/e2e/known-differences.txt fail the run
#
# Usage: server-e2e.sh [options]
#   --scratch DIR   ci-real-kernel.sh's scratch directory (env CI_SCRATCH)
#   --kver KVER     kernel (env CI_KVER), as for ci-real-kernel.sh
#   --no-apt        no apt-get (here and in ci-real-kernel.sh)
#   --no-build      use target/scst-manager-*.jar as it is
#   --out DIR       work directory (default kernel-module/tests/out/server-e2e)
#   --port N        the host simulator's port (default 18080)
#   --timeout SEC   give up on the VM after SEC seconds (default 1800)
#   --accel WHAT    kvm or tcg (env VM_ACCEL; default kvm when /dev/kvm is
#                   readable and writable, else tcg)
#   --cpu MODEL     qemu CPU (env VM_CPU; default max with KVM, Nehalem with TCG)
#   --plain-jvm     run the guest's server as the README does (the fat jar,
#                   C2, no class-data archive); about three times slower
#                   under TCG
#   --extra-root D  copy D's files into the initramfs root too (the
#                   scstadmin round trip: scstadmin-roundtrip.sh; the
#                   benchmark: perf-vm.sh, whose /srv/perf/guest-perf.pl
#                   the guest runs instead of the walkthrough)
#   --no-simulator  no simulator phase and no compare: only the guest's
#                   result counts (perf-vm.sh)
#
# Exit status: 0 when both walkthroughs passed and every difference is known;
# 1 when a step failed or a difference is not explained; 2 when something
# could not run (the reason is printed last). Nothing is loaded on the host.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
repo=$(dirname "$src")

CI_SCRATCH=${CI_SCRATCH:-/var/tmp/scst-ci}
CI_KVER=${CI_KVER:-}
APT=1
BUILD=1
OUT=""
PORT=18080
PLAIN_JVM=0
EXTRA_ROOT=""
SIMULATOR=1
TIMEOUT=1800
VM_ACCEL=${VM_ACCEL:-}
VM_CPU=${VM_CPU:-}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
# java.desktop: java.beans (Spring's bean introspection); jdk.unsupported:
# sun.misc.Unsafe (jffi, Netty-free but Jackson/Tomcat use it); the rest for
# logging, JMX/actuator, JNDI lookups of Tomcat, the HTTP client of the tests.
JRE_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.management,jdk.unsupported,jdk.zipfs

die() {
	echo "server-e2e: cannot run: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--scratch) CI_SCRATCH=$2; shift 2 ;;
	--kver) CI_KVER=$2; shift 2 ;;
	--no-apt) APT=0; shift ;;
	--no-build) BUILD=0; shift ;;
	--out) OUT=$2; shift 2 ;;
	--port) PORT=$2; shift 2 ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--accel) VM_ACCEL=$2; shift 2 ;;
	--cpu) VM_CPU=$2; shift 2 ;;
	--plain-jvm) PLAIN_JVM=1; shift ;;
	--extra-root) EXTRA_ROOT=$2; shift 2 ;;
	--no-simulator) SIMULATOR=0; shift ;;
	-h|--help) sed -n '4,57p' "$0"; exit 0 ;;
	*) die "unknown option $1 (see --help)" ;;
	esac
done
OUT=$(realpath -m "${OUT:-$here/out/server-e2e}")
rm -rf "$OUT"
mkdir -p "$OUT" || die "cannot create $OUT"
# The production JVM flags, written in one place: JAVA_OPTS of the systemd
# environment file. The host's server uses them; the guest's reads them from
# /srv/e2e/java-opts.
JAVA_OPTS=$(sed -n 's/^JAVA_OPTS=//p' "$repo/docs/deploy/systemd/scst-manager.env")
[ -n "$JAVA_OPTS" ] || die "no JAVA_OPTS in docs/deploy/systemd/scst-manager.env"
read -r -a java_opts <<< "$JAVA_OPTS"

# ---------------------------------------------------------------- timing
PHASE_PREFIX=server-e2e
# shellcheck source=kernel-module/tests/phases.sh
. "$here/phases.sh"
# shellcheck disable=SC2317 # called by the trap
on_exit() {
	local rc=$?
	[ -n "${sim_pid:-}" ] && kill "$sim_pid" 2>/dev/null
	# the loop device host_blockdev may have attached
	[ -f "$OUT/host-loop.img" ] && losetup -j "$OUT/host-loop.img" 2>/dev/null | cut -d: -f1 |
		while read -r d; do losetup -d "$d"; done
	if [ -n "$phase" ] && [ "$rc" != 0 ]; then
		echo "server-e2e: phase '$phase' failed (exit $rc)" >&2
		summary >&2
	fi
	exit "$rc"
}
trap on_exit EXIT

# ---------------------------------------------------------------- setup
phase_begin setup "ci-real-kernel.sh --setup-only"
ci_args=(--scratch "$CI_SCRATCH" --setup-only)
[ -n "$CI_KVER" ] && ci_args+=(--kver "$CI_KVER")
[ "$APT" = 1 ] || ci_args+=(--no-apt)
set +e
"$here/ci-real-kernel.sh" "${ci_args[@]}" > "$OUT/setup.log" 2>&1
crc=$?
set -e
if [ "$crc" != 0 ]; then
	tail -n 30 "$OUT/setup.log" >&2
	[ "$crc" = 2 ] && die "ci-real-kernel.sh --setup-only could not run (see $OUT/setup.log)"
	exit 1
fi
# shellcheck disable=SC1091
. "$CI_SCRATCH/setup.env"
# the host's health checks: curl, else busybox's wget (a package of the setup)
if command -v curl >/dev/null; then
	http_ok() { curl -sf -o /dev/null "$1"; }
else
	http_ok() { busybox wget -q -O /dev/null "$1" 2>/dev/null; }
fi
# The simulator's vdisk_blockio device is a block device of the host (only its
# size and discard support are read, never its data), the guest's /dev/loop0
# over a 64 MiB file. Any block device with a /dev node will do: a loop device
# first, else one that losetup attaches to a small file, else the first other
# one in /sys/class/block (not sd*/sr*: those names are the simulated SCSI
# disks'). The compare maps its name to /dev/loop0.
host_blockdev() {
	local b n
	for b in /sys/class/block/loop*; do
		n=$(basename "$b")
		[ -b "/dev/$n" ] && [ -r "$b/size" ] && { echo "/dev/$n"; return 0; }
	done
	if command -v losetup >/dev/null; then
		truncate -s 1M "$OUT/host-loop.img" &&
			losetup -f --show "$OUT/host-loop.img" 2>/dev/null && return 0
	fi
	for b in /sys/class/block/*; do
		n=$(basename "$b")
		case "$n" in sd*|sr*|loop*) continue ;; esac
		[ -b "/dev/$n" ] && [ -r "$b/size" ] && { echo "/dev/$n"; return 0; }
	done
	return 1
}
BLOCKDEV=$(host_blockdev) ||
	die "no block device on the host for the simulator's vdisk_blockio device (no /dev/loopN, losetup failed, no other /dev node of /sys/class/block)"
if [ ! -x "$JAVA_HOME/bin/jlink" ] || [ ! -f "$JAVA_HOME/jmods/java.base.jmod" ]; then
	[ "$APT" = 1 ] || die "no JDK 17 with jmods at $JAVA_HOME (--no-apt)"
	apt-get install -y --no-install-recommends openjdk-17-jdk-headless > "$OUT/apt-jdk.log" 2>&1 ||
		die "apt-get install openjdk-17-jdk-headless failed"
fi
phase_end "kernel $KVER, module $SCST_LOCAL_KO, simulator's block device $BLOCKDEV"

# ---------------------------------------------------------------- jar
phase_begin jar "./mvnw -B -q -DskipTests package"
build_jar
phase_end "$(basename "$jar"), $(du -m "$jar" | cut -f1) MB"

# ---------------------------------------------------------------- jre
phase_begin jre "jlink"
jdkv=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1 | tr -dc 'A-Za-z0-9._-')
jlink_opts="--strip-debug --no-man-pages --no-header-files --compress=1 --generate-cds-archive"
jre=$CI_SCRATCH/jre-$(echo "$jdkv $JRE_MODULES $jlink_opts" | sha256sum | cut -c1-12)
if [ ! -x "$jre/bin/java" ]; then
	rm -rf "$jre"
	# shellcheck disable=SC2086 # options are words
	"$JAVA_HOME/bin/jlink" --add-modules "$JRE_MODULES" $jlink_opts --output "$jre" > "$OUT/jlink.log" 2>&1 ||
		{ cat "$OUT/jlink.log" >&2; die "jlink failed"; }
	jre_note="built"
else
	jre_note="cached"
fi
phase_end "$jre_note, $(du -sm "$jre" | cut -f1) MB"

# ---------------------------------------------------------------- client
phase_begin client "javac E2eClient.java"
"$JAVA_HOME/bin/javac" -Xlint:all -d "$OUT/client" "$here/e2e/E2eClient.java"
token_out=$("$jre/bin/java" -jar "$jar" create-token e2e admin)
echo "$token_out" | sed -n 2p > "$OUT/token"
echo "$token_out" | sed -n 4p > "$OUT/tokens"
chmod 600 "$OUT/token" "$OUT/tokens"
grep -q '^e2e:admin:[0-9a-f]\{64\}$' "$OUT/tokens" || die "create-token printed no token line"
phase_end "and a token from create-token"

# ---------------------------------------------------------------- simulator
# The same two rounds as the guest's, with the simulator's reboot: a fresh
# simulator (persist=false) and the saved configuration restored.
src_rc=0
if [ "$SIMULATOR" = 1 ]; then
	phase_begin simulator "the jar on the host in simulator mode, port $PORT"
	host=$OUT/host
	mkdir -p "$host/files" "$host/data"
	truncate -s 64M "$host/files/e2e_file.img" "$host/files/e2e_block.img"
	sim_round() {
		local name=$1 t0
		shift
		t0=$(date +%s%N)
		(cd "$host" && exec "$jre/bin/java" "${java_opts[@]}" \
			-jar "$jar" --scst.sysfs.mode=simulator --scst.simulator.state=fresh \
			--scst.simulator.persist=false --server.port="$PORT" \
			--scst.security.token-file="$OUT/tokens" \
			--scst.security.backing-files.allowed-dirs="$host/files" \
			--scst.security.backing-files.allowed-block-devices="$BLOCKDEV" \
			"$@" > "$OUT/$name.log" 2>&1) &
		sim_pid=$!
		until http_ok "http://127.0.0.1:$PORT/actuator/health/liveness"; do
			kill -0 "$sim_pid" 2>/dev/null ||
				{ tail -n 40 "$OUT/$name.log" >&2; die "the simulator server did not start"; }
			sleep 0.5
		done
		echo "server-e2e: $name started in $((($(date +%s%N) - t0) / 1000000)) ms"
	}
	sim_stop() {
		kill "$sim_pid"
		wait "$sim_pid" || true
		sim_pid=""
	}
	sim_client() {
		"$jre/bin/java" -XX:+UseSerialGC -Xmx64m -cp "$OUT/client" E2eClient "$1" \
			--base="http://127.0.0.1:$PORT" --token-file="$OUT/token" --files="$host/files" \
			--state="$host/state.json" --blockdev="$BLOCKDEV" "${@:2}"
	}
	sim_round simulator
	sim_client walk --io=false > "$OUT/simulator.out" || src_rc=1
	sim_stop
	sim_round simulator-restored --scst.config.restore-on-start=true
	sim_client restored >> "$OUT/simulator.out" || src_rc=1
	sim_client errors --io=false >> "$OUT/simulator.out" || src_rc=1
	sim_stop
	grep -v '"ok":true' "$OUT/simulator.out" | grep -v '"note"' | cut -c1-400 || true
	phase_end "walkthrough $([ $src_rc = 0 ] && echo passed || echo FAILED)"
fi

# ---------------------------------------------------------------- initramfs
phase_begin initramfs "busybox, JRE, jar, client, modules"
r=$OUT/root
mkdir -p "$r"/bin "$r"/sbin "$r"/usr/bin "$r"/usr/sbin "$r"/dev "$r"/proc "$r"/sys "$r"/tmp \
	"$r"/modules "$r"/etc "$r"/lib64 "$r"/lib/x86_64-linux-gnu "$r"/srv/e2e "$r"/var/lib
busybox=$(command -v busybox)
cp "$busybox" "$r"/bin/busybox
for a in $("$busybox" --list); do
	[ "$a" = busybox ] || ln -sf busybox "$r/bin/$a"
done
cp -a "$jre" "$r"/jre
# The JRE's shared libraries, except the desktop ones headless never loads.
for f in "$r"/jre/bin/java "$r"/jre/lib/server/libjvm.so "$r"/jre/lib/*.so; do
	case "$(basename "$f")" in
	libawt_xawt.so|libjawt.so|libsplashscreen.so|libjsound.so|libfontmanager.so|liblcms.so|libjavajpeg.so|libmlib_image.so) continue ;;
	esac
	ldd "$f" | grep -o '/[^ ]*\.so[^ ]*' || true
done | grep -v "^$r" | sort -u > "$OUT/libs.txt"
while read -r lib; do
	mkdir -p "$r$(dirname "$lib")"
	cp -L "$lib" "$r$lib"
done < "$OUT/libs.txt"
# jnr-ffi opens the C library by name
cp -L /lib/x86_64-linux-gnu/libc.so.6 "$r"/lib/x86_64-linux-gnu/
echo 'root:x:0:0:root:/root:/bin/sh' > "$r"/etc/passwd
echo 'root:x:0:' > "$r"/etc/group
printf '127.0.0.1 localhost e2e\n::1 localhost\n' > "$r"/etc/hosts
# The jar unpacked (Spring Boot's extract layout) and, unless --plain-jvm, a
# class-data archive trained in a chroot of this very tree, so that the
# archive's paths are the guest's; with C1 only, the server starts about
# three times faster under TCG.
cp "$jar" "$r"/srv/e2e/scst-manager.jar
(cd "$r"/srv/e2e && "$jre/bin/java" -Djarmode=tools -jar scst-manager.jar extract --destination app) \
	> "$OUT/extract.log" 2>&1 || { cat "$OUT/extract.log" >&2; die "extracting the jar failed"; }
rm "$r"/srv/e2e/scst-manager.jar
[ -f "$r"/srv/e2e/app/scst-manager.jar ] || die "the extracted jar is not app/scst-manager.jar"
cp -a "$OUT/client" "$r"/srv/e2e/client
cp "$OUT/token" "$OUT/tokens" "$r"/srv/e2e/
echo "$JAVA_OPTS" > "$r"/srv/e2e/java-opts
root=$(cd "$MODDIR/../../.." && pwd)
: > "$r"/modules/order
for m in scsi_mod sd_mod sr_mod sg loop libcrc32c crc-t10dif dlm; do
	modprobe -S "$KVER" -d "$root" --show-depends "$m" | awk '$1 == "insmod" { print $2 }'
done | awk '!seen[$0]++' | while read -r ko; do
	cp "$ko" "$r"/modules/
	basename "$ko" >> "$r"/modules/order
done
cp "$(find "$SCST_MODS" -name scst.ko -print -quit)" \
	"$(find "$SCST_MODS" -name scst_vdisk.ko -print -quit)" "$r"/modules/
cp "$SCST_LOCAL_KO" "$r"/modules/scst_local.ko
cp "$here/e2e/guest-e2e.sh" "$r"/init
chmod +x "$r"/init
if [ "$PLAIN_JVM" = 1 ]; then
	echo "" > "$r"/srv/e2e/jvm-flags
	rm -rf "$r"/srv/e2e/app
	mkdir -p "$r"/srv/e2e/app
	cp "$jar" "$r"/srv/e2e/app/scst-manager.jar
	cds_note="plain JVM"
else
	for d in null:3 zero:5 urandom:9 random:8; do
		mknod -m 666 "$r/dev/${d%:*}" c 1 "${d#*:}"
	done
	# a private mount namespace: /proc in the chroot goes away with it
	unshare -m --propagation private sh -c "mount -t proc proc '$r/proc' &&
		chroot '$r' /bin/sh -c 'cd /srv/e2e && /jre/bin/java -XX:ArchiveClassesAtExit=/srv/e2e/app.jsa \
			$JAVA_OPTS -XX:TieredStopAtLevel=1 -Dspring.context.exit=onRefresh \
			-jar app/scst-manager.jar --scst.sysfs.mode=kernel --scst.security.token-file=/srv/e2e/tokens'" \
		> "$OUT/cds-training.log" 2>&1 || { tail -n 20 "$OUT/cds-training.log" >&2; die "the class-data training run failed"; }
	rm -f "$r"/dev/null "$r"/dev/zero "$r"/dev/urandom "$r"/dev/random
	[ -f "$r"/srv/e2e/app.jsa ] || die "the training run left no class-data archive"
	echo "-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=/srv/e2e/app.jsa" > "$r"/srv/e2e/jvm-flags
	cds_note="C1 + class-data archive $(du -m "$r"/srv/e2e/app.jsa | cut -f1) MB"
fi
# scstadmin-roundtrip.sh's files (Perl, scstadmin, guest-scstadmin.sh)
[ -z "$EXTRA_ROOT" ] || cp -a "$EXTRA_ROOT"/. "$r"/
(cd "$r" && find . | cpio -o -H newc --quiet | gzip -1) > "$OUT/initramfs.gz"
phase_end "$cds_note, $(du -m "$OUT/initramfs.gz" | cut -f1) MB"

# ---------------------------------------------------------------- vm
if [ -z "$VM_ACCEL" ]; then
	VM_ACCEL=tcg
	[ -r /dev/kvm ] && [ -w /dev/kvm ] && VM_ACCEL=kvm
fi
if [ -z "$VM_CPU" ]; then
	VM_CPU=Nehalem
	[ "$VM_ACCEL" = kvm ] && VM_CPU=max
fi
phase_begin vm "qemu ($VM_ACCEL, cpu $VM_CPU): the server in kernel mode"
log=$OUT/console.log
set +e
timeout "$TIMEOUT" qemu-system-x86_64 -machine q35,accel="$VM_ACCEL" -cpu "$VM_CPU" -smp 2 \
	-m 2G -nographic -no-reboot \
	-kernel "$KERNEL" -initrd "$OUT/initramfs.gz" \
	-append "console=ttyS0 panic=5 quiet loglevel=1" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 > "$log" 2>&1
qrc=$?
set -e
tr -d '\r' < "$log" > "$OUT/kernel.out"
grep -E '^E2E-(TIME|LOG)' "$OUT/kernel.out" || true
grep '^E2E {' "$OUT/kernel.out" | grep -v '"ok":true' | grep -v '"note"' | cut -c1-400 || true
guest=$(sed -n 's/^E2E-GUEST-DONE rc=//p' "$OUT/kernel.out")
if [ -z "$guest" ]; then
	tail -n 40 "$OUT/kernel.out"
	phase_end "the guest did not finish (qemu exit $qrc)"
	summary
	echo "server-e2e: FAIL: the guest did not finish; see $log"
	exit 1
fi
phase_end "guest rc=$guest"
# What issue 22 asks to measure: the server's start in the guest and how long
# each session creation (which waits for the SCSI host's scan) took.
sed -n 's/^E2E-TIME \(server[a-z-]*\) \([0-9.]*\)$/server-e2e: guest: \1 healthy after \2 s/p' "$OUT/kernel.out"
scan=$(grep -o '"step":"\(many-create-e2e_s[0-9]*\|session-create\|group-session-create\|tgt2-session\)",[^}]*"ms":[0-9]*' \
	"$OUT/kernel.out" | sed 's/.*"ms":\([0-9]*\)$/\1/' | tr '\n' ' ' || true)
[ -z "$scan" ] || echo "server-e2e: guest: session creations (ms, with the scan wait): $scan"

# ---------------------------------------------------------------- compare
cmp_rc=0
if [ "$SIMULATOR" = 1 ]; then
	phase_begin compare "kernel against simulator"
	set +e
	"$jre/bin/java" -cp "$OUT/client" E2eClient compare --kernel="$OUT/kernel.out" \
		--simulator="$OUT/simulator.out" --known="$here/e2e/known-differences.txt" \
		"--replace=$host/files=>/var/lib/scst-manager" \
		"--replace=$host/data=>/srv/e2e/data" "--replace=$BLOCKDEV=>/dev/loop0" | tee "$OUT/compare.txt"
	cmp_rc=${PIPESTATUS[0]}
	set -e
	phase_end "$([ "$cmp_rc" = 0 ] && echo "no unexplained difference" || echo "unexplained differences")"
fi

summary
rc=0
[ "$guest" = 0 ] || { echo "server-e2e: FAIL: the walkthrough on the kernel failed"; rc=1; }
[ "$src_rc" = 0 ] || { echo "server-e2e: FAIL: the walkthrough on the simulator failed"; rc=1; }
[ "$cmp_rc" = 0 ] || { echo "server-e2e: FAIL: kernel and simulator differ (see $OUT/compare.txt)"; rc=1; }
if [ "$rc" = 0 ] && [ "$SIMULATOR" = 0 ]; then
	echo "server-e2e: PASS (the guest's program; no simulator)"
elif [ "$rc" = 0 ]; then
	echo "server-e2e: PASS (kernel and simulator walkthroughs, compared)"
fi
exit "$rc"
