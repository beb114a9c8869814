#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Builds scst_local, packs it with SCST's modules and guest-test.sh into a
# busybox initramfs, boots a kernel under qemu (software emulation is fine)
# and reports the guest's PASS/FAIL lines. Exits non-zero on any failure.
#
# Usage: run-vm-tests.sh [options]
#   --kernel FILE      kernel image            (env KERNEL)
#   --moddir DIR       its /lib/modules/<kver> (env MODDIR)
#   --scst-mods DIR    directory holding already-built scst.ko and
#                      scst_vdisk.ko (searched recursively) (env SCST_MODS)
#   --scst-inc DIR     installed SCST headers + Module.symvers, to build our
#                      module (env SCST_INC_DIR, default /usr/local/include/scst)
#   --kdir DIR         kernel build tree for our module (env KDIR,
#                      default <moddir>/build)
#   --upstream KO      run the same steps with this scst_local.ko instead of
#                      ours (no build)
#   --compare KO       side by side instead of the steps: ours and this
#                      scst_local.ko loaded in turn in the same guest, N
#                      rounds (--runs, default 9 here); prints the medians of
#                      1 GiB read/write throughput, of the time and of the
#                      context switches per 4 KiB read, and their ratios
#                      ours/KO
#   --runs N           throughput runs per direction (default 3)
#   --compare-mb N     MiB read and written per round in --compare (default
#                      1024)
#   --lat-n N          4 KiB reads per round in --compare (default 2000)
#   --timeout SEC      give up on the VM after SEC seconds (default 1200)
#   --out DIR          work directory (default kernel-module/tests/out/<mode>)
#   --accel WHAT       kvm, tcg or auto (env VM_ACCEL, default auto): auto
#                      boots a throwaway guest with KVM first and uses KVM only
#                      if that guest gets to its init within
#                      VM_KVM_PROBE_TIMEOUT seconds (default 20), else TCG;
#                      kvm or tcg skip the probe
#   --cpu MODEL        qemu CPU model (env VM_CPU; default max under KVM,
#                      Nehalem under TCG, because TCG's "max" offers AVX, which
#                      killed a guest JVM with SIGILL)
#   --icount SHIFT     TCG only (env VM_ICOUNT): the guest's clock counts
#                      executed instructions (2^SHIFT ns each) and skips idle
#                      time (qemu -icount shift=SHIFT,sleep=off), so times
#                      measured in the guest depend on the work done, not on
#                      how busy the host is; for --compare on a shared host.
#                      The guest then has one CPU: with icount, qemu did not
#                      bring up a second one
#
# Nothing is loaded on the host: all module loading happens in the VM.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")

KERNEL=${KERNEL:-}
MODDIR=${MODDIR:-}
SCST_MODS=${SCST_MODS:-}
SCST_INC_DIR=${SCST_INC_DIR:-/usr/local/include/scst}
KDIR=${KDIR:-}
UPSTREAM=""
COMPARE=""
RUNS=""
TIMEOUT=1200
OUT=""
VM_ACCEL=${VM_ACCEL:-auto}
VM_CPU=${VM_CPU:-}
VM_KVM_PROBE_TIMEOUT=${VM_KVM_PROBE_TIMEOUT:-20}
VM_ICOUNT=${VM_ICOUNT:-}
COMPARE_MB=1024
LAT_N=2000

die() { echo "run-vm-tests: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) KERNEL=$2; shift 2 ;;
	--moddir) MODDIR=$2; shift 2 ;;
	--scst-mods) SCST_MODS=$2; shift 2 ;;
	--scst-inc) SCST_INC_DIR=$2; shift 2 ;;
	--kdir) KDIR=$2; shift 2 ;;
	--upstream) UPSTREAM=$2; shift 2 ;;
	--compare) COMPARE=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--accel) VM_ACCEL=$2; shift 2 ;;
	--cpu) VM_CPU=$2; shift 2 ;;
	--icount) VM_ICOUNT=$2; shift 2 ;;
	--compare-mb) COMPARE_MB=$2; shift 2 ;;
	--lat-n) LAT_N=$2; shift 2 ;;
	-h|--help) sed -n '4,47p' "$0"; exit 0 ;;
	*) die "unknown option $1" ;;
	esac
done

[ -f "$KERNEL" ] || die "--kernel: no kernel image '$KERNEL'"
[ -d "$MODDIR" ] || die "--moddir: no module tree '$MODDIR'"
[ -d "$SCST_MODS" ] || die "--scst-mods: no directory '$SCST_MODS'"
case "$VM_ACCEL" in
kvm|tcg|auto) ;;
*) die "--accel/VM_ACCEL: '$VM_ACCEL' is not kvm, tcg or auto" ;;
esac
case "$VM_KVM_PROBE_TIMEOUT" in
''|*[!0-9]*) die "VM_KVM_PROBE_TIMEOUT: '$VM_KVM_PROBE_TIMEOUT' is not a whole number of seconds" ;;
esac
case "$VM_ICOUNT" in
''|[0-9]|10) ;;
*) die "--icount/VM_ICOUNT: '$VM_ICOUNT' is not a shift from 0 to 10" ;;
esac
[ -z "$VM_ICOUNT" ] || [ "$VM_ACCEL" != kvm ] || die "--icount needs TCG, not --accel kvm"
KVER=$(basename "$MODDIR")
KDIR=${KDIR:-$MODDIR/build}
mode=ours
[ -n "$UPSTREAM" ] && mode=upstream
if [ -n "$COMPARE" ]; then
	[ -z "$UPSTREAM" ] || die "--compare and --upstream exclude each other"
	[ -f "$COMPARE" ] || die "--compare: no file '$COMPARE'"
	mode=compare
	RUNS=${RUNS:-9}
fi
RUNS=${RUNS:-3}
for v in "$RUNS" "$COMPARE_MB" "$LAT_N"; do
	case "$v" in
	''|*[!0-9]*|0) die "--runs/--compare-mb/--lat-n: '$v' is not a positive number" ;;
	esac
done
OUT=${OUT:-$here/out/$mode}

for t in qemu-system-x86_64 cpio gzip modprobe; do
	command -v $t >/dev/null || die "$t is missing"
done
busybox=$(command -v busybox) || die "busybox is missing"
file -L "$busybox" 2>/dev/null | grep -q 'statically linked' ||
	echo "run-vm-tests: warning: $busybox may not be static" >&2

# The CPU model for an accelerator: under TCG one without AVX.
cpu_for() {
	if [ -n "$VM_CPU" ]; then
		echo "$VM_CPU"
	elif [ "$1" = kvm ]; then
		echo max
	else
		echo Nehalem
	fi
}

# Boot a throwaway busybox guest with KVM and the machine of the real run.
# /dev/kvm can exist and be writable on a host that cannot run a guest (qemu
# then aborts at once, e.g. "failed to set MSR 0x10a", exit 134), so only a
# guest that reaches its init counts. Sets probe_result to the reason.
probe_kvm() {
	local dir=$OUT/kvm-probe rc start
	probe_result=
	if [ ! -e /dev/kvm ]; then
		probe_result="no /dev/kvm"
		return 1
	fi
	if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
		probe_result="/dev/kvm is not readable and writable"
		return 1
	fi
	mkdir -p "$dir/root/bin" "$dir/root/dev" "$dir/root/proc"
	cp "$busybox" "$dir/root/bin/busybox"
	ln -sf busybox "$dir/root/bin/sh"
	cat > "$dir/root/init" <<'EOF'
#!/bin/sh
/bin/busybox mount -t devtmpfs devtmpfs /dev
echo "VM-ACCEL-PROBE-OK"
/bin/busybox printf '\000' |
	/bin/busybox dd of=/dev/port bs=1 seek=244 count=1 conv=notrunc 2>/dev/null
/bin/busybox poweroff -f
EOF
	chmod +x "$dir/root/init"
	(cd "$dir/root" && find . | cpio -o -H newc --quiet | gzip -1) > "$dir/initramfs.gz"
	start=$(date +%s)
	set +e
	timeout "$VM_KVM_PROBE_TIMEOUT" qemu-system-x86_64 \
		-machine q35,accel=kvm -cpu "$(cpu_for kvm)" -smp 2 -m 1G \
		-nographic -no-reboot \
		-kernel "$KERNEL" -initrd "$dir/initramfs.gz" \
		-append "console=ttyS0 panic=-1 quiet loglevel=1" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 > "$dir/console.log" 2>&1
	rc=$?
	set -e
	if tr -d '\r' < "$dir/console.log" | grep -q '^VM-ACCEL-PROBE-OK'; then
		probe_result="a KVM guest reached its init in $(($(date +%s) - start)) s"
		return 0
	fi
	if [ "$rc" = 124 ]; then
		probe_result="the KVM guest did not reach its init within $VM_KVM_PROBE_TIMEOUT s"
	else
		probe_result="qemu with KVM exited with $rc: $(grep -v '^[[:space:]]*$' "$dir/console.log" | tail -n 1)"
	fi
	return 1
}

find_ko() {
	local f
	f=$(find "$SCST_MODS" -name "$1" -print -quit)
	[ -n "$f" ] || die "$1 not found under $SCST_MODS"
	echo "$f"
}

rm -rf "$OUT"
mkdir -p "$OUT/build" "$OUT/root"

# The accelerator first: the probe is cheap and its answer goes into the report.
case "$VM_ACCEL" in
auto)
	if [ -n "$VM_ICOUNT" ]; then
		accel=tcg
		accel_why="auto: --icount needs TCG"
	elif probe_kvm; then
		accel=kvm
		accel_why="auto: $probe_result"
	else
		accel=tcg
		accel_why="auto: $probe_result"
	fi
	;;
*)
	accel=$VM_ACCEL
	accel_why="forced by VM_ACCEL/--accel"
	;;
esac
cpu=$(cpu_for "$accel")
icount=()
smp=2
clock="real time"
if [ -n "$VM_ICOUNT" ]; then
	icount=(-icount "shift=$VM_ICOUNT,sleep=off")
	smp=1
	clock="instruction count (icount shift=$VM_ICOUNT, idle skipped, 1 CPU)"
fi
echo "run-vm-tests: accelerator $accel, cpu $cpu ($accel_why), guest clock: $clock"

# Our module, built from a copy so that the source tree stays clean.
if [ "$mode" != upstream ]; then
	cp "$src"/scst_local.c "$src"/scst_local.h "$src"/scst_local_compat.h \
		"$src"/Kbuild "$src"/Makefile "$OUT/build/"
	make -C "$OUT/build" KDIR="$KDIR" KVER="$KVER" \
		SCST_INC_DIR="$SCST_INC_DIR" W=1 > "$OUT/build.log" 2>&1 ||
		{ cat "$OUT/build.log"; die "building scst_local failed"; }
	local_ko=$OUT/build/scst_local.ko
else
	local_ko=$UPSTREAM
	[ -f "$local_ko" ] || die "--upstream: no file '$local_ko'"
fi

# initramfs
r=$OUT/root
mkdir -p "$r"/bin "$r"/sbin "$r"/usr/bin "$r"/usr/sbin "$r"/dev "$r"/proc "$r"/sys "$r"/tmp \
	"$r"/modules "$r"/var/lib/scst "$r"/lib64 "$r"/lib/x86_64-linux-gnu
cp "$busybox" "$r"/bin/busybox
for a in $("$busybox" --list); do
	[ "$a" = busybox ] || ln -sf busybox "$r/bin/$a"
done

# sg_reset with its shared libraries, for the task management step.
if command -v sg_reset >/dev/null; then
	cp "$(command -v sg_reset)" "$r"/usr/bin/
	for lib in $(ldd "$(command -v sg_reset)" | grep -o '/[^ ]*'); do
		mkdir -p "$r$(dirname "$lib")"
		cp -L "$lib" "$r$lib"
	done
fi

# Kernel modules the guest needs, in load order.
root=$(cd "$MODDIR/../../.." && pwd)
: > "$r"/modules/order
for m in scsi_mod sd_mod sg libcrc32c crc-t10dif dlm; do
	modprobe -S "$KVER" -d "$root" --show-depends "$m" |
		awk '$1 == "insmod" { print $2 }'
done | awk '!seen[$0]++' | while read -r ko; do
	cp "$ko" "$r"/modules/
	basename "$ko" >> "$r"/modules/order
done
cp "$(find_ko scst.ko)" "$(find_ko scst_vdisk.ko)" "$r"/modules/
cp "$local_ko" "$r"/modules/scst_local.ko
if [ "$mode" = compare ]; then
	mkdir -p "$r"/modules/upstream
	cp "$COMPARE" "$r"/modules/upstream/scst_local.ko
fi
cp "$here/guest-test.sh" "$r"/guest-test.sh
echo "$mode" > "$r"/mode
echo "$RUNS" > "$r"/runs
echo "$COMPARE_MB" > "$r"/compare_mb
echo "$LAT_N" > "$r"/lat_n

cat > "$r"/init <<'EOF'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs -o size=512m tmpfs /tmp
echo 8 > /proc/sys/kernel/printk
sh /guest-test.sh 2>&1
echo "TESTS-EXIT"
# isa-debug-exit: a VM that hangs at power-off is stopped this way.
printf '\000' | dd of=/dev/port bs=1 seek=244 count=1 conv=notrunc 2>/dev/null
poweroff -f
EOF
chmod +x "$r"/init "$r"/guest-test.sh
(cd "$r" && find . | cpio -o -H newc --quiet | gzip -1) > "$OUT/initramfs.gz"

log=$OUT/console.log
set +e
timeout "$TIMEOUT" qemu-system-x86_64 -machine q35,accel="$accel" -cpu "$cpu" -smp "$smp" \
	${icount[@]+"${icount[@]}"} -m 1G -nographic -no-reboot \
	-kernel "$KERNEL" -initrd "$OUT/initramfs.gz" \
	-append "console=ttyS0 panic=5 quiet loglevel=4" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 > "$log" 2>&1
qrc=$?
set -e

grep -E '^(PASS|FAIL|SKIP|THROUGHPUT|COMPARE-INFO|COMPARE-ERROR) ' "$log" | tr -d '\r' || true
fails=$(grep -c '^FAIL ' "$log" || true)
if ! grep -q '^TESTS-DONE' "$log"; then
	echo "FAIL vm: the guest did not finish (qemu exit $qrc, accel $accel); see $log"
	tail -n 40 "$log"
	exit 1
fi
# median MODULE METRIC: the median of the guest's "COMPARE MODULE METRIC V".
median() {
	tr -d '\r' < "$log" | awk -v m="$1" -v k="$2" '$1 == "COMPARE" && $2 == m && $3 == k { print $4 }' |
		sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "none"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

if [ "$mode" = compare ]; then
	fails=$((fails + $(tr -d '\r' < "$log" | grep -c '^COMPARE-ERROR ' || true)))
	for metric in read_mibs write_mibs lat4k_us ctxt4k; do
		o=$(median ours $metric)
		u=$(median upstream $metric)
		n=$(tr -d '\r' < "$log" | grep -c "^COMPARE ours $metric " || true)
		if [ "$o" = none ] || [ "$u" = none ]; then
			echo "COMPARE-RESULT $metric: no values (ours $o, upstream $u)"
			fails=$((fails + 1))
			continue
		fi
		# Round k loaded ours and upstream back to back: the ratio of
		# the pair cancels slow drifts of a shared host.
		pr=$(tr -d '\r' < "$log" | awk -v k="$metric" '
			$1 == "COMPARE" && $3 == k && $2 == "ours" { o[++no] = $4 }
			$1 == "COMPARE" && $3 == k && $2 == "upstream" { u[++nu] = $4 }
			END {
				n = no < nu ? no : nu
				for (i = 1; i <= n; i++) if (u[i] > 0) print o[i] / u[i]
			}' | sort -g | awk '{ r[NR] = $1 }
			END {
				if (NR == 0) { print "none"; exit }
				med = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
				printf "median %.2f, range %.2f-%.2f over %d rounds", med, r[1], r[NR], NR
			}')
		echo "COMPARE-RESULT $metric ours=$o upstream=$u ratio=$(awk -v o="$o" -v u="$u" 'BEGIN { if (u == 0) print "inf"; else printf "%.2f", o / u }') (medians of $n runs; ratio ours/upstream; per-round ratios: $pr)"
	done
fi
echo "mode=$mode accel=$accel cpu=$cpu clock=${VM_ICOUNT:+icount}${VM_ICOUNT:-real} failures=$fails log=$log"
[ "$fails" = 0 ]
