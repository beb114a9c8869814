#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The real kernel in CI: one command that takes a fresh Debian 12 machine
# (root, nothing installed by hand) to a finished run of run-vm-tests.sh
# against Debian's newest 6.1 kernel and SCST built from its public tarball.
#
# Phases, each timed:
#   packages  apt-get: qemu, busybox-static, cpio, build-essential, sg3-utils
#             and the newest linux-image-6.1.0-N-amd64 with its headers
#             (the host may run any kernel: only the 6.1 tree is used)
#   scst      unpack the SCST tarball into the scratch directory, "make
#             2release", build scst.ko and scst_vdisk.ko against the 6.1
#             headers and install modules, headers and Module.symvers under
#             a scratch DESTDIR (nothing goes to the host's /lib/modules);
#             skipped when that build already exists for the same tarball
#             and kernel
#   module    build kernel-module/ with W=1; any compiler or modpost
#             warning fails the run
#   vm        run-vm-tests.sh: the harness in a qemu guest (KVM if it
#             works, else TCG)
#   compare   only with --compare: upstream's scst_local.ko built from the
#             same tarball (cached like SCST), then run-vm-tests.sh
#             --compare: both modules in turn in one guest, medians and
#             ratios of throughput and time per 4 KiB read
#
# Usage: ci-real-kernel.sh [options] [-- run-vm-tests.sh options]
#   --scratch DIR   scratch directory (env CI_SCRATCH, default /var/tmp/scst-ci)
#   --tarball FILE  SCST sources (env SCST_TARBALL,
#                   default /work/shared/scst/scst-aa5cc2dd7.tar.gz)
#   --kver KVER     kernel to use, e.g. 6.1.0-57-amd64 (env CI_KVER; default:
#                   the newest linux-image-6.1.0-*-amd64 apt knows)
#   --jobs N        make -j (env JOBS, default 2)
#   --rebuild       rebuild SCST even when a cached build exists
#   --no-apt        do not run apt-get; everything must be installed already
#   --compare       add the compare phase (env CI_COMPARE=1); --runs N after
#                   "--" sets its rounds (default 9)
#   --compare-args "ARGS"  run-vm-tests.sh options for the compare phase only
#                   (env CI_COMPARE_ARGS), e.g. "--icount 0 --lat-n 5000":
#                   times that count instructions, not the host's load
#   --setup-only    stop after the module phase (no vm phase) and write the
#                   paths of the kernel, SCST build and our module to
#                   <scratch>/setup.env (KEY=VALUE lines) for other scripts
#
# Exit status: 0 when every harness step passed; 1 when a step failed;
# 2 when something could not run at all (the reason is printed last).
# Runs apt-get as root (through sudo when not root). Nothing is loaded into
# the host's kernel.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")

CI_SCRATCH=${CI_SCRATCH:-/var/tmp/scst-ci}
SCST_TARBALL=${SCST_TARBALL:-/work/shared/scst/scst-aa5cc2dd7.tar.gz}
CI_KVER=${CI_KVER:-}
JOBS=${JOBS:-2}
REBUILD=0
APT=1
COMPARE=${CI_COMPARE:-0}
CI_COMPARE_ARGS=${CI_COMPARE_ARGS:-}
SETUP_ONLY=0
VM_ARGS=()

die() {
	echo "ci-real-kernel: cannot run: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--scratch) CI_SCRATCH=$2; shift 2 ;;
	--tarball) SCST_TARBALL=$2; shift 2 ;;
	--kver) CI_KVER=$2; shift 2 ;;
	--jobs) JOBS=$2; shift 2 ;;
	--rebuild) REBUILD=1; shift ;;
	--no-apt) APT=0; shift ;;
	--compare) COMPARE=1; shift ;;
	--compare-args) CI_COMPARE_ARGS=$2; shift 2 ;;
	--) shift; VM_ARGS=("$@"); break ;;
	--setup-only) SETUP_ONLY=1; shift ;;
	-h|--help) sed -n '4,51p' "$0"; exit 0 ;;
	*) die "unknown option $1 (see --help)" ;;
	esac
done

case "$JOBS" in
''|*[!0-9]*|0) die "--jobs/JOBS: '$JOBS' is not a positive number" ;;
esac
sudo=""
if [ "$(id -u)" != 0 ]; then
	if [ "$APT" = 1 ]; then
		command -v sudo >/dev/null || die "not root and no sudo for apt-get"
		sudo=sudo
	fi
fi
[ -f "$SCST_TARBALL" ] || die "no SCST tarball '$SCST_TARBALL' (--tarball/SCST_TARBALL)"
CI_SCRATCH=$(realpath -m "$CI_SCRATCH")
case "$CI_SCRATCH/" in
"$(realpath "$src/..")/"*)
	die "the scratch directory $CI_SCRATCH is inside the repository (SCST must stay out of it)" ;;
esac
mkdir -p "$CI_SCRATCH/logs" || die "cannot create the scratch directory '$CI_SCRATCH'"
logs=$CI_SCRATCH/logs

# ---------------------------------------------------------------- timing
PHASE_PREFIX=ci-real-kernel
# shellcheck source=kernel-module/tests/phases.sh
. "$here/phases.sh"

# A command that fails inside a phase: say which phase, show its log.
# shellcheck disable=SC2317 # called by the trap
on_exit() {
	local rc=$?
	if [ -n "$phase" ] && [ "$rc" != 0 ]; then
		echo "ci-real-kernel: phase '$phase' failed (exit $rc)" >&2
		[ -n "${cur_log:-}" ] && [ -f "$cur_log" ] &&
			{ echo "--- last lines of $cur_log" >&2; tail -n 40 "$cur_log" >&2; }
		summary >&2
	fi
	exit "$rc"
}
trap on_exit EXIT

# run LOG CMD...: run CMD with its output in LOG.
run() {
	cur_log=$1
	shift
	"$@" > "$cur_log" 2>&1 || return
	cur_log=""
}

# ---------------------------------------------------------------- packages
export DEBIAN_FRONTEND=noninteractive

# The newest Debian 6.1 kernel release that has both image and headers.
newest_kver() {
	local k
	for k in $(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-amd64$' |
			awk '{ print $1 }' | sed 's/^linux-image-//' | sort -rV); do
		if apt-cache show "linux-headers-$k" >/dev/null 2>&1; then
			echo "$k"
			return 0
		fi
	done
	return 1
}

# Installed already: a 6.1 kernel image with its build tree.
installed_kver() {
	local d
	for d in $(find /lib/modules -maxdepth 1 -name '6.1.0-*-amd64' 2>/dev/null | sort -rV); do
		if [ -f "/boot/vmlinuz-$(basename "$d")" ] && [ -f "$d/build/Makefile" ]; then
			basename "$d"
			return 0
		fi
	done
	return 1
}

phase_begin packages "Debian packages"
if [ "$APT" = 1 ]; then
	command -v apt-get >/dev/null || die "apt-get not found: this needs Debian 12"
	if ! run "$logs/apt-update.log" $sudo apt-get update; then
		echo "ci-real-kernel: warning: apt-get update failed; using the package lists as they are" >&2
	fi
fi
if [ -z "$CI_KVER" ]; then
	CI_KVER=$(newest_kver || installed_kver) ||
		die "no linux-image-6.1.0-*-amd64 with headers known to apt and none installed (is this Debian 12 with bookworm sources?)"
fi
kver=$CI_KVER
pkgs="qemu-system-x86 busybox-static cpio gzip kmod file sg3-utils openssl
	build-essential linux-image-$kver linux-headers-$kver"
missing=()
for p in $pkgs; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	[ "$APT" = 1 ] || die "--no-apt, but these packages are missing: ${missing[*]}"
	echo "ci-real-kernel: installing ${missing[*]}"
	# INITRD=No: the guest boots our own initramfs, so the kernel's
	# postinst need not spend a minute building Debian's.
	run "$logs/apt-install.log" $sudo env INITRD=No apt-get install -y \
		--no-install-recommends "${missing[@]}" ||
		die "apt-get install failed (see $logs/apt-install.log)"
fi
kernel=/boot/vmlinuz-$kver
moddir=/lib/modules/$kver
kdir=$moddir/build
[ -f "$kernel" ] || die "no kernel image $kernel"
[ -f "$moddir/modules.dep" ] || die "no modules.dep in $moddir"
[ -f "$kdir/Makefile" ] || die "no kernel build tree $kdir"
for t in qemu-system-x86_64 busybox cpio gzip modprobe gcc make sg_reset openssl; do
	command -v $t >/dev/null || die "$t is missing after the package phase"
done
phase_end "kernel $kver${missing[*]:+, installed ${missing[*]}}"

# ---------------------------------------------------------------- scst
sha=$(sha256sum "$SCST_TARBALL" | cut -c1-12)
build=$CI_SCRATCH/scst-$sha-$kver
dest=$build/dest
stamp=$build/.built
scst_inc=$dest/usr/local/include/scst
scst_mods=$dest/lib/modules

phase_begin scst "SCST core and scst_vdisk from $(basename "$SCST_TARBALL") ($sha)"
if [ "$REBUILD" = 0 ] && [ -f "$stamp" ] && [ -f "$scst_inc/scst.h" ] &&
   [ -f "$scst_inc/Module.symvers" ] &&
   [ -n "$(find "$scst_mods" -name scst.ko -print -quit 2>/dev/null)" ] &&
   [ -n "$(find "$scst_mods" -name scst_vdisk.ko -print -quit 2>/dev/null)" ]; then
	phase_end "cached in $build"
else
	rm -rf "$build"
	mkdir -p "$build/src"
	run "$logs/scst-unpack.log" tar -xzf "$SCST_TARBALL" -C "$build/src"
	[ -f "$build/src/scst/Makefile" ] || die "the tarball has no scst/Makefile"
	# The TRACING configuration, which the recorded behaviour comes from.
	run "$logs/scst-2release.log" make -C "$build/src" 2release
	# Only the handlers the harness loads: scst_disk and scst_vdisk.
	run "$logs/scst-build.log" env CONFIG_SCST_CDROM=n CONFIG_SCST_CHANGER=n \
		CONFIG_SCST_MODISK=n CONFIG_SCST_TAPE=n CONFIG_SCST_RAID=n \
		CONFIG_SCST_PROCESSOR=n CONFIG_SCST_USER=n \
		make -j"$JOBS" -C "$build/src/scst" install \
		KDIR="$kdir" KVER="$kver" DESTDIR="$dest" PREFIX=/usr/local
	if [ ! -f "$scst_inc/scst.h" ] || [ ! -f "$scst_inc/Module.symvers" ]; then
		die "SCST's install left no scst.h/Module.symvers in $scst_inc"
	fi
	grep -qx '#define CONFIG_SCST_TRACING' "$scst_inc/build_mode.h" ||
		die "SCST was not built in the 2release (TRACING) mode"
	touch "$stamp"
	phase_end "built in $build"
fi

# ---------------------------------------------------------------- module
phase_begin module "kernel-module/ with W=1"
obj=$CI_SCRATCH/module-$kver
rm -rf "$obj"
mkdir -p "$obj"
cp "$src"/scst_local.c "$src"/scst_local.h "$src"/scst_local_compat.h \
	"$src"/Kbuild "$src"/Makefile "$obj/"
run "$logs/module-build.log" make -C "$obj" KDIR="$kdir" KVER="$kver" \
	SCST_INC_DIR="$scst_inc" W=1
if grep -iE 'warning|error' "$logs/module-build.log" |
   grep -v 'Skipping BTF generation' > "$logs/module-warnings.log"; then
	cat "$logs/module-warnings.log" >&2
	cur_log=""
	echo "ci-real-kernel: kernel-module/ builds with warnings (W=1)" >&2
	exit 1
fi
phase_end "no warnings"

if [ "$SETUP_ONLY" = 1 ]; then
	cat > "$CI_SCRATCH/setup.env" <<EOF
KVER=$kver
KERNEL=$kernel
MODDIR=$moddir
KDIR=$kdir
SCST_MODS=$scst_mods
SCST_INC=$scst_inc
SCST_LOCAL_KO=$obj/scst_local.ko
EOF
	summary
	echo "ci-real-kernel: setup only: paths in $CI_SCRATCH/setup.env"
	exit 0
fi

# ---------------------------------------------------------------- vm
phase_begin vm "run-vm-tests.sh in qemu"
set +e
"$here/run-vm-tests.sh" --kernel "$kernel" --moddir "$moddir" \
	--scst-mods "$scst_mods" --scst-inc "$scst_inc" --kdir "$kdir" \
	${VM_ARGS[@]+"${VM_ARGS[@]}"}
vrc=$?
set -e
phase_end "exit $vrc"

if [ "$COMPARE" = 1 ] && [ "$vrc" != 2 ]; then
	phase_begin compare "ours against upstream's scst_local.ko"
	up=$build/src/scst_local/scst_local.ko
	if [ ! -f "$up" ]; then
		run "$logs/upstream-build.log" make -j"$JOBS" -C "$build/src/scst_local" \
			KDIR="$kdir" KVER="$kver"
		[ -f "$up" ] || die "building upstream's scst_local.ko left no $up"
	fi
	set +e
	# shellcheck disable=SC2086 # CI_COMPARE_ARGS is a list of options
	"$here/run-vm-tests.sh" --kernel "$kernel" --moddir "$moddir" \
		--scst-mods "$scst_mods" --scst-inc "$scst_inc" --kdir "$kdir" \
		--compare "$up" ${VM_ARGS[@]+"${VM_ARGS[@]}"} $CI_COMPARE_ARGS
	crc=$?
	set -e
	phase_end "exit $crc"
	[ "$vrc" != 0 ] || vrc=$crc
fi
summary
if [ "$vrc" = 2 ]; then
	echo "ci-real-kernel: cannot run: run-vm-tests.sh refused (see above)" >&2
	exit 2
fi
exit "$vrc"
